import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Station } from '../../station';
import { conditions, householdEvents, households, incomes, memberships, persons, qualityFindings } from '../../db/schema';
import { runWrite, type Actor, type Writer } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { levelOfCode, isRegionCode } from '../../domain/region-code';
import { canonicalId18, normalizeIdNumber, idInfoOf } from '../../domain/registry/id-number';
import { perCapitaNetIncomeFen } from '../../domain/registry/income';
import { nameInitials } from '../../domain/name-initials';
import { labelOf } from '../../domain/registry/code-tables';
import { CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS } from '../../domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { FieldChange, FindingView, SaveHouseholdResult } from '../../api/contract/registry';
import { getRegion } from '../regions';
import { completeForm, evaluateHousehold, ruleEnvironment, type HouseholdForm, type RuleEnvironment } from './quality-check';
import { diffRecords } from './form-diff';
import { regionName } from './region-names';

export interface SaveHouseholdInput {
  id: string | null;
  regionCode: string;
  household: HouseholdRecord;
  members: { personId: string | null; record: PersonRecord; joinReason?: string | null }[];
  leaving: { personId: string; reason: string; date: string }[];
  conditions: ConditionsRecord | null;
  income: IncomeRecord | null;
}

/**
 * Brings a submitted form into its stored shape: ID numbers upper-cased, birth date and sex read
 * from the ID where the form left them empty, the head's name and ID taken from the 户主 row, the
 * household size counted from the members.
 */
export function normalizeForm(input: SaveHouseholdInput): HouseholdForm {
  // completeForm returns new records, every field present: they are normalised in place (the
  // fields set here are already there, so the key order is what spreading them gave)
  const form = completeForm(input);
  const members = form.members;
  let head: (typeof members)[number] | undefined;
  for (const m of members) {
    const record = m.record;
    const idNumber = record.idNumber ? normalizeIdNumber(record.idNumber) : null;
    const info = idNumber ? idInfoOf(idNumber) : null;
    record.idNumber = idNumber;
    record.birthDate = record.birthDate ?? info?.birthDate ?? null;
    record.sex = record.sex ?? info?.sex ?? null;
    if (head === undefined && record.relationship === '01') head = m;
  }
  const household = form.household;
  household.regionCode = input.regionCode;
  household.headName = head?.record.name ?? household.headName;
  household.headIdNumber = head?.record.idNumber ?? (household.headIdNumber ? normalizeIdNumber(household.headIdNumber) : null);
  household.householdSize = members.length;
  if (form.conditions) form.conditions.dataYear = form.conditions.dataYear ?? household.dataYear;
  return form;
}

/** Persons whose ID number is already an active member of another household, anywhere in the database. */
export function activeIdConflicts(station: Station, form: HouseholdForm, ownHouseholdId: string | null): FindingView[] {
  const ids = form.members.map((m) => (m.record.idNumber ? (canonicalId18(m.record.idNumber) ?? m.record.idNumber) : null));
  const wanted = ids.filter((x): x is string => x !== null);
  if (wanted.length === 0) return [];
  const rows = station.db
    .select({ idNumber: persons.idNumber, householdId: memberships.householdId, regionCode: households.regionCode })
    .from(persons)
    .innerJoin(memberships, and(eq(memberships.personId, persons.id), isNull(memberships.toDate)))
    .innerJoin(households, eq(households.id, memberships.householdId))
    .where(and(inArray(persons.idNumber, wanted), ownHouseholdId ? ne(memberships.householdId, ownHouseholdId) : undefined))
    .all();
  const findings: FindingView[] = [];
  ids.forEach((id, index) => {
    const clash = id ? rows.find((r) => r.idNumber === id) : undefined;
    if (!clash) return;
    findings.push({
      ruleCode: 'Q-DUP-01',
      severity: 'error',
      message: `证件号码已在${regionName(station.db, clash.regionCode)}的另一户中登记为现有成员：同一人不能同时在两户。请先在原户办理成员减少。`,
      entity: 'person',
      personId: form.members[index]?.personId ?? null,
      personIndex: index,
      field: 'idNumber',
    });
  });
  return findings;
}

function checkVillage(station: Station, regionCode: string): void {
  if (!isRegionCode(regionCode) || levelOfCode(regionCode) !== 'village' || !getRegion(station.db, regionCode)) {
    throw new AppError('INVALID_INPUT', `所在村：${regionCode} 不是本县的村（社区）区划代码`);
  }
}

/** The form's findings as the household page shows them while typing: rules plus duplicate IDs. */
export function validateHouseholdForm(station: Station, input: SaveHouseholdInput): FindingView[] {
  checkVillage(station, input.regionCode);
  const form = normalizeForm(input);
  const env = ruleEnvironment(station.db, station.clock());
  return [...evaluateHousehold(form, env), ...activeIdConflicts(station, form, input.id)];
}

export function storeFindings(w: Pick<Writer, 'tx'>, householdId: string, regionCode: string, findings: FindingView[], personIds: (string | null)[]): void {
  // Findings are a cache derived from the records: written beside them, not audited as changes.
  w.tx.delete(qualityFindings).where(eq(qualityFindings.householdId, householdId)).run();
  for (const f of findings) {
    w.tx.insert(qualityFindings)
      .values({
        householdId,
        regionCode,
        ruleCode: f.ruleCode,
        severity: f.severity,
        entity: f.entity,
        personId: f.personIndex === null ? null : (personIds[f.personIndex] ?? null),
        field: f.field,
        message: f.message,
      })
      .run();
  }
}

/**
 * Saves one household as the household page submits it: the household form, its current members
 * (new ones join, missing ones must be listed as leaving with a reason), this year's conditions
 * and income. Truly invalid data (severity error) is refused with every reason at once; warnings
 * are saved and shown. Everything — records, membership periods, events, findings, the audit
 * entry and the change log — lands in one transaction.
 */
export function saveHousehold(station: Station, actor: Actor, input: SaveHouseholdInput, env?: RuleEnvironment): SaveHouseholdResult {
  checkVillage(station, input.regionCode);
  const form = normalizeForm(input);
  const ruleEnv = env ?? ruleEnvironment(station.db, station.clock());
  const findings = [...evaluateHousehold(form, ruleEnv), ...activeIdConflicts(station, form, input.id)];
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new AppError('ROW_INVALID', `有 ${errors.length} 处数据错误，未保存：${errors.slice(0, 3).map((e) => e.message).join('；')}`, { findings });
  }

  const now = station.clock();
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const existing = input.id ? station.db.select().from(households).where(eq(households.id, input.id)).get() : undefined;
  if (input.id && !existing) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const currentMembers = existing
    ? station.db.select().from(memberships).where(and(eq(memberships.householdId, existing.id), isNull(memberships.toDate))).all()
    : [];
  const submittedIds = new Set(form.members.map((m) => m.personId).filter((x): x is string => x !== null));
  const leavingIds = new Set(input.leaving.map((l) => l.personId));
  for (const m of currentMembers) {
    if (!submittedIds.has(m.personId) && !leavingIds.has(m.personId)) {
      throw new AppError('INVALID_INPUT', '有成员从名单中移除但没有填写减少原因和日期（死亡、嫁出、迁出等），未保存');
    }
  }
  for (const id of [...submittedIds, ...leavingIds]) {
    if (!currentMembers.some((m) => m.personId === id)) throw new AppError('INVALID_INPUT', '成员不属于该户，未保存');
  }

  const householdId = existing?.id ?? randomUUID();
  const year = form.household.dataYear;
  const tables = ruleEnv.tables;
  const changes: FieldChange[] = [];

  runWrite(
    station.db,
    actor,
    { action: existing ? 'household.update' : 'household.create', entity: 'household', entityId: householdId },
    (w) => {
      const errorCount = 0;
      const warningCount = findings.filter((f) => f.severity === 'warning').length;
      const row = {
        regionCode: input.regionCode,
        record: form.household,
        nameInitials: nameInitials(form.household.headName),
        memberCount: form.members.length,
        errorCount,
        warningCount,
        updatedAt: nowIso,
      };
      if (existing) {
        changes.push(...diffRecords('户基本信息', HOUSEHOLD_FIELDS, existing.record as Record<string, unknown>, form.household as never, year, tables));
        w.update(households, householdId, row);
      } else {
        w.insert(households, { id: householdId, createdAt: nowIso, ...row });
        w.insert(householdEvents, {
          id: randomUUID(),
          householdId,
          type: 'identified',
          date: form.household.firstIdentifiedDate ?? today,
          year,
          detail: { attribute: form.household.attribute, mainCause: form.household.mainCause },
          recordedBy: actor.username,
          recordedAt: nowIso,
        });
      }

      const personIds: (string | null)[] = [];
      form.members.forEach((m, index) => {
        const name = m.record.name ?? `第${index + 1}位成员`;
        if (m.personId) {
          const before = station.db.select().from(persons).where(eq(persons.id, m.personId)).get();
          changes.push(...diffRecords(`成员「${name}」`, PERSON_FIELDS, (before?.record ?? null) as never, m.record as never, year, tables));
          w.update(persons, m.personId, { record: m.record, updatedAt: nowIso });
          const membership = currentMembers.find((c) => c.personId === m.personId)!;
          if (membership.relationship !== m.record.relationship || membership.sortOrder !== index) {
            w.update(memberships, membership.id, { relationship: m.record.relationship, sortOrder: index });
          }
          personIds.push(m.personId);
        } else {
          const personId = randomUUID();
          w.insert(persons, { id: personId, record: m.record, createdAt: nowIso, updatedAt: nowIso });
          const reason = existing ? (input.members[index]?.joinReason ?? '07') : null;
          w.insert(memberships, {
            id: randomUUID(),
            householdId,
            personId,
            relationship: m.record.relationship,
            sortOrder: index,
            fromDate: today,
            joinReason: reason,
          });
          if (existing) {
            changes.push({ section: `成员「${name}」`, field: '成员迁入', before: '', after: labelOf('memberChange', reason, year, tables) ?? '迁入' });
            w.insert(householdEvents, { id: randomUUID(), householdId, type: 'member.joined', date: today, year, detail: { personId, reason }, recordedBy: actor.username, recordedAt: nowIso });
          }
          personIds.push(personId);
        }
      });

      for (const leave of input.leaving) {
        const membership = currentMembers.find((c) => c.personId === leave.personId)!;
        w.update(memberships, membership.id, { toDate: leave.date, leaveReason: leave.reason });
        const person = station.db.select().from(persons).where(eq(persons.id, leave.personId)).get();
        const name = (person?.record as PersonRecord | undefined)?.name ?? '成员';
        changes.push({ section: `成员「${name}」`, field: '成员减少', before: '', after: `${labelOf('memberChange', leave.reason, year, tables) ?? leave.reason}（${leave.date}）` });
        w.insert(householdEvents, {
          id: randomUUID(),
          householdId,
          type: 'member.left',
          date: leave.date,
          year: Number(leave.date.slice(0, 4)),
          detail: { personId: leave.personId, reason: leave.reason },
          recordedBy: actor.username,
          recordedAt: nowIso,
        });
      }

      if (form.conditions) {
        const cYear = form.conditions.dataYear;
        const before = station.db.select().from(conditions).where(and(eq(conditions.householdId, householdId), eq(conditions.year, cYear))).get();
        changes.push(...diffRecords(`生产生活条件 ${cYear}`, CONDITIONS_FIELDS, (before?.record ?? null) as never, form.conditions as never, cYear, tables));
        if (before) w.update(conditions, before.id, { record: form.conditions });
        else w.insert(conditions, { id: randomUUID(), householdId, year: cYear, record: form.conditions });
      }
      if (form.income) {
        const iYear = form.income.year;
        const before = station.db.select().from(incomes).where(and(eq(incomes.householdId, householdId), eq(incomes.year, iYear))).get();
        changes.push(...diffRecords(`收入 ${iYear}`, INCOME_FIELDS, (before?.record ?? null) as never, form.income as never, iYear, tables));
        const perCapitaNetFen = perCapitaNetIncomeFen(form.income, form.members.length);
        if (before) w.update(incomes, before.id, { record: form.income, perCapitaNetFen });
        else w.insert(incomes, { id: randomUUID(), householdId, year: iYear, record: form.income, perCapitaNetFen });
      }

      storeFindings(w, householdId, input.regionCode, findings, personIds);
      w.note('changedFields', changes.length);
    },
    now,
  );

  return { id: householdId, created: !existing, changes: existing ? changes : [], findings };
}
