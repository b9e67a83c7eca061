// Everything about one household's assistance, for the household page's 帮扶 and 三本账 tabs.
import { and, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { assistanceTeams, conditions, households, incomes } from '../../db/schema';
import { AppError } from '../../api/errors';
import type { HouseholdAssistance, TeamView } from '../../api/contract/assistance';
import { activeOn, planBaseline } from '../../domain/assistance';
import type { ConditionsRecord, HouseholdRecord } from '../../domain/registry/types';
import { effectiveCodeTables } from '../registry/reference-data';
import { placeName } from './place-names';
import { benefitViews, currentMembers } from './benefits';
import { ledgerViews, measureViews, planViews } from './book-views';
import { householdPairings } from './pairings';
import { teamViews } from './teams';
import { isoDay } from '../../domain/workflow/dates';

/** The village's team in office on `day`, if any. */
export function villageTeamOn(db: Db, villageCode: string, day: string): TeamView | null {
  const team = db
    .select()
    .from(assistanceTeams)
    .where(eq(assistanceTeams.regionCode, villageCode))
    .all()
    .find((t) => activeOn(t, day));
  return team ? teamViews(db, [team], day)[0]! : null;
}

export function householdAssistance(station: Station, householdId: string): HouseholdAssistance {
  const db = station.db;
  const h = db.select().from(households).where(eq(households.id, householdId)).get();
  if (!h) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const record = h.record as HouseholdRecord;
  const year = record.dataYear;
  const tables = effectiveCodeTables(db);
  const members = currentMembers(db, h.id);
  const income = db.select().from(incomes).where(and(eq(incomes.householdId, h.id), eq(incomes.year, year))).get();
  const cond = db.select().from(conditions).where(and(eq(conditions.householdId, h.id), eq(conditions.year, year))).get()?.record as ConditionsRecord | undefined;
  const plans = planViews(db, h.id);
  const saved = plans.find((p) => p.year === year);
  const day = isoDay(station.clock());
  return {
    householdId: h.id,
    headName: record.headName,
    villageCode: h.regionCode,
    villageName: placeName(db, h.regionCode),
    dataYear: year,
    members: members.map((m) => ({ personId: m.personId, name: m.record.name })),
    pairings: householdPairings(station, h.id),
    team: villageTeamOn(db, h.regionCode, day),
    plans,
    draftPlan: saved
      ? { year, plannedExitYear: saved.plannedExitYear, period: saved.period, goal: saved.goal, indicators: saved.indicators }
      : {
          year,
          plannedExitYear: record.plannedExitYear,
          period: null,
          goal: null,
          indicators: planBaseline({
            year,
            mainCause: record.mainCause,
            perCapitaIncome: income?.perCapitaNetFen == null ? null : income.perCapitaNetFen / 100,
            isDilapidated: cond?.isDilapidated ?? null,
            waterSafe: cond?.waterSafe ?? null,
            members: members.map((m) => m.record),
            tables,
          }),
        },
    measures: measureViews(db, h.id, tables),
    ledger: ledgerViews(db, h.id),
    benefits: benefitViews(db, h.id),
  };
}
