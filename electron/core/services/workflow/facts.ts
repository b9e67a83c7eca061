// What the workflows read about a household: its events (plus, for households from before the
// workflows, the exit written on the form), current members and one year's conditions and income.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { conditions, householdEvents, households, incomes, memberships, persons, yearCloses } from '../../db/schema';
import { AppError } from '../../api/errors';
import { groupOf, type CodeTableDefinition } from '../../domain/registry/code-tables';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import { householdStatusOn, registryRecordEvents, type HouseholdStatusOn, type StatusEvent } from '../../domain/workflow/status';
import { householdExitCheck, type ExitCheckResult } from '../../domain/workflow/exit-check';
import { effectiveCodeTables, effectiveYearParams } from '../registry/reference-data';
import { effectiveWorkflowParams } from './params';

export type HouseholdRow = typeof households.$inferSelect;

export function householdRow(db: Db, id: string): HouseholdRow {
  const row = db.select().from(households).where(eq(households.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  return row;
}

/** The form's exit, read as events, for a household whose events say nothing about exits. */
export function recordEvents(record: HouseholdRecord, events: readonly StatusEvent[], tables?: readonly CodeTableDefinition[]): StatusEvent[] {
  return registryRecordEvents(
    { exitYear: record.exitYear ?? null, exitStatusGroup: groupOf('exitStatus', record.exitStatus, record.dataYear, tables), dataYear: record.dataYear },
    events,
  );
}

export function statusEventsOf(db: Db, household: HouseholdRow): StatusEvent[] {
  const events = db
    .select({ type: householdEvents.type, date: householdEvents.date, recordedAt: householdEvents.recordedAt, detail: householdEvents.detail })
    .from(householdEvents)
    .where(eq(householdEvents.householdId, household.id))
    .orderBy(asc(householdEvents.date), asc(householdEvents.recordedAt))
    .all();
  return [...events, ...recordEvents(household.record as HouseholdRecord, events, effectiveCodeTables(db))];
}

export function statusOf(db: Db, household: HouseholdRow, date: string): HouseholdStatusOn {
  return householdStatusOn(statusEventsOf(db, household), date);
}

export function currentMembers(db: Db, householdId: string): { personId: string; record: PersonRecord }[] {
  return db
    .select({ personId: persons.id, record: persons.record })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.householdId, householdId), isNull(memberships.toDate)))
    .orderBy(asc(memberships.sortOrder))
    .all()
    .map((r) => ({ personId: r.personId, record: r.record as PersonRecord }));
}

export function conditionsOf(db: Db, householdId: string, year: number): ConditionsRecord | null {
  const row = db.select().from(conditions).where(and(eq(conditions.householdId, householdId), eq(conditions.year, year))).get();
  return (row?.record as ConditionsRecord | undefined) ?? null;
}

export function incomeOf(db: Db, householdId: string, year: number): IncomeRecord | null {
  const row = db.select().from(incomes).where(and(eq(incomes.householdId, householdId), eq(incomes.year, year))).get();
  return (row?.record as IncomeRecord | undefined) ?? null;
}

export function closedYears(db: Db): number[] {
  return db.select({ year: yearCloses.year }).from(yearCloses).all().map((r) => r.year);
}

/** The year's household exit check on the registry data, with the visit's findings when there are any. */
export function exitCheckFor(db: Db, household: HouseholdRow, year: number, visit?: { foodSecure?: boolean | null; clothingSecure?: boolean | null } | null): ExitCheckResult {
  const params = effectiveYearParams(db, year);
  const wf = effectiveWorkflowParams(db, year);
  const members = currentMembers(db, household.id).map((m) => m.record);
  return householdExitCheck(
    {
      year,
      household: household.record as HouseholdRecord,
      members,
      conditions: conditionsOf(db, household.id, year),
      income: incomeOf(db, household.id, year),
      incomeThreshold: wf.incomeThreshold ?? params.exitIncomeTarget,
      povertyLine: params.povertyLineNbs,
      compulsoryAges: params.ages.compulsoryEducation,
      asOf: `${year}-12-31`,
      visit: visit ?? null,
      tables: effectiveCodeTables(db),
    },
    wf.householdIndicators,
  );
}
