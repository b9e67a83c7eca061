import { and, asc, eq, isNull, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { conditions, householdEvents, households, incomes, memberships, persons, qualityFindings } from '../../db/schema';
import { AppError } from '../../api/errors';
import { ancestorCode, significantPrefix } from '../../domain/region-code';
import { labelOf } from '../../domain/registry/code-tables';
import { computeIncome } from '../../domain/registry/income';
import { eventLabel } from '../../domain/registry/events';
import { maskIdNumber } from '../../domain/masking';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { EventView, FindingView, HouseholdDetail, HouseholdRow, MemberView, RegionNode } from '../../api/contract/registry';
import type { Page } from '../../api/contract/common';
import { effectiveCodeTables } from './reference-data';
import { regionName } from './region-names';
import { regionPath } from '../regions';

export interface HouseholdFilters {
  regionCode: string;
  query?: string;
  exitStatus?: string;
  attribute?: string;
  mainCause?: string;
  dataYear?: number;
  qualityRule?: string;
  severity?: 'error' | 'warning';
  offset: number;
  limit: number;
}

/** Codes below a region sort between the prefix and the prefix followed by ':' (after '9'). */
export function regionRange(code: string): [string, string] {
  const prefix = significantPrefix(code);
  return [prefix, `${prefix}:`];
}

const ID_LIKE = /^[0-9]{6,}[0-9Xx]*$/;

/**
 * The household list. Every filter is an indexed comparison (region as a range, names as a prefix
 * range, ID numbers exact through the persons index) so that it stays fast at 35 000 households.
 */
export function searchHouseholds(db: Db, f: HouseholdFilters): Page<HouseholdRow> {
  const where: string[] = ['h.region_code >= @lo', 'h.region_code < @hi'];
  const [lo, hi] = regionRange(f.regionCode);
  const params: Record<string, unknown> = { lo, hi };
  const q = f.query?.trim();
  if (q) {
    if (ID_LIKE.test(q) && q.length >= 15) {
      params.id = q.toUpperCase();
      where.push(`(h.head_id_number = @id OR h.id IN (SELECT m.household_id FROM persons p JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL WHERE p.id_number = @id))`);
    } else if (/^\d+$/.test(q)) {
      params.num = q;
      params.numHi = `${q}:`;
      where.push('h.household_number >= @num AND h.household_number < @numHi');
    } else if (/^[a-z]+$/i.test(q)) {
      params.ini = q.toLowerCase();
      params.iniHi = `${q.toLowerCase()}{`;
      where.push('h.name_initials >= @ini AND h.name_initials < @iniHi');
    } else {
      params.name = q;
      params.nameHi = `${q}\uffff`;
      where.push(`((h.head_name >= @name AND h.head_name < @nameHi) OR h.id IN (SELECT m.household_id FROM persons p JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL WHERE p.name = @name))`);
    }
  }
  if (f.exitStatus) (params.exitStatus = f.exitStatus), where.push('h.exit_status = @exitStatus');
  if (f.attribute) (params.attribute = f.attribute), where.push('h.attribute = @attribute');
  if (f.mainCause) (params.mainCause = f.mainCause), where.push('h.main_cause = @mainCause');
  if (f.dataYear) (params.dataYear = f.dataYear), where.push('h.data_year = @dataYear');
  if (f.severity === 'error') where.push('h.error_count > 0');
  if (f.severity === 'warning') where.push('h.warning_count > 0');
  if (f.qualityRule) (params.rule = f.qualityRule), where.push('EXISTS (SELECT 1 FROM quality_findings qf WHERE qf.household_id = h.id AND qf.rule_code = @rule)');

  const whereSql = where.join(' AND ');
  const total = (db.$client.prepare(`SELECT count(*) AS n FROM households h WHERE ${whereSql}`).get(params) as { n: number }).n;
  const rows = db.$client
    .prepare(
      `SELECT h.id, h.region_code AS regionCode, h.group_name AS groupName, h.household_number AS householdNumber,
              h.head_name AS headName, h.head_id_number AS headIdNumber, h.member_count AS memberCount,
              h.attribute, h.main_cause AS mainCause, h.exit_status AS exitStatus, h.data_year AS dataYear,
              h.error_count AS errorCount, h.warning_count AS warningCount,
              (SELECT i.per_capita_net_fen FROM incomes i WHERE i.household_id = h.id ORDER BY i.year DESC LIMIT 1) AS perCapitaFen
         FROM households h WHERE ${whereSql}
         ORDER BY h.region_code, h.group_name, h.head_name, h.id
         LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as {
    id: string;
    regionCode: string;
    groupName: string | null;
    householdNumber: string | null;
    headName: string | null;
    headIdNumber: string | null;
    memberCount: number;
    attribute: string | null;
    mainCause: string | null;
    exitStatus: string | null;
    dataYear: number | null;
    errorCount: number;
    warningCount: number;
    perCapitaFen: number | null;
  }[];
  const tables = effectiveCodeTables(db);
  return {
    total,
    rows: rows.map((r) => {
      const year = r.dataYear ?? new Date().getFullYear();
      return {
        id: r.id,
        regionCode: r.regionCode,
        villageName: regionName(db, r.regionCode),
        townshipName: regionName(db, ancestorCode(r.regionCode, 'township')),
        groupName: r.groupName,
        householdNumber: r.householdNumber,
        headName: r.headName,
        headIdMasked: r.headIdNumber ? maskIdNumber(r.headIdNumber) : null,
        memberCount: r.memberCount,
        attributeLabel: labelOf('attribute', r.attribute, year, tables) ?? r.attribute,
        mainCauseLabel: labelOf('cause', r.mainCause, year, tables) ?? r.mainCause,
        exitStatusLabel: labelOf('exitStatus', r.exitStatus, year, tables) ?? r.exitStatus,
        dataYear: r.dataYear,
        perCapitaNetIncome: r.perCapitaFen === null ? null : r.perCapitaFen / 100,
        errorCount: r.errorCount,
        warningCount: r.warningCount,
      };
    }),
  };
}

/** The next level below `parentCode`, each with its household and person counts. */
export function regionTree(db: Db, parentCode: string): RegionNode[] {
  const children = db.$client
    .prepare('SELECT code, name, level FROM regions WHERE parent_code = ? ORDER BY code')
    .all(parentCode) as { code: string; name: string; level: RegionNode['level'] }[];
  if (children.length === 0) return [];
  const level = children[0]!.level;
  const len = level === 'village' ? 12 : level === 'township' ? 9 : level === 'county' ? 6 : 4;
  const [lo, hi] = regionRange(parentCode);
  const counts = new Map(
    (
      db.$client
        .prepare(
          `SELECT substr(region_code, 1, ${len}) AS prefix, count(*) AS households, sum(member_count) AS persons
             FROM households WHERE region_code >= ? AND region_code < ? GROUP BY prefix`,
        )
        .all(lo, hi) as { prefix: string; households: number; persons: number }[]
    ).map((r) => [r.prefix, r]),
  );
  return children.map((c) => {
    const n = counts.get(c.code.slice(0, len));
    return { code: c.code, name: c.name, level: c.level, households: n?.households ?? 0, persons: n?.persons ?? 0, hasChildren: c.level !== 'village' };
  });
}

export function householdRegion(db: Db, id: string): string | undefined {
  return db.select({ regionCode: households.regionCode }).from(households).where(eq(households.id, id)).get()?.regionCode;
}

export function personRegion(db: Db, personId: string): string | undefined {
  const row = db
    .select({ regionCode: households.regionCode })
    .from(memberships)
    .innerJoin(households, eq(households.id, memberships.householdId))
    .where(and(eq(memberships.personId, personId), isNull(memberships.toDate)))
    .get();
  return row?.regionCode;
}

function memberViews(db: Db, householdId: string, current: boolean): MemberView[] {
  return db
    .select({
      personId: persons.id,
      record: persons.record,
      fromDate: memberships.fromDate,
      toDate: memberships.toDate,
      joinReason: memberships.joinReason,
      leaveReason: memberships.leaveReason,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.householdId, householdId), current ? isNull(memberships.toDate) : isNotNull(memberships.toDate)))
    .orderBy(asc(memberships.sortOrder), asc(memberships.fromDate))
    .all()
    .map((r) => ({ ...r, record: r.record as PersonRecord }));
}

export function storedFindings(db: Db, householdId: string): FindingView[] {
  return db
    .select()
    .from(qualityFindings)
    .where(eq(qualityFindings.householdId, householdId))
    .orderBy(asc(qualityFindings.id))
    .all()
    .map((f) => ({
      ruleCode: f.ruleCode,
      severity: f.severity,
      message: f.message,
      entity: f.entity as FindingView['entity'],
      personId: f.personId,
      personIndex: null,
      field: f.field ?? '',
    }));
}

export function getHouseholdDetail(db: Db, id: string): HouseholdDetail {
  const row = db.select().from(households).where(eq(households.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const household = row.record as HouseholdRecord;
  const members = memberViews(db, id, true);
  const latestConditions = db.select().from(conditions).where(eq(conditions.householdId, id)).all().sort((a, b) => b.year - a.year)[0];
  const incomeRows = db.select().from(incomes).where(eq(incomes.householdId, id)).all().sort((a, b) => b.year - a.year);
  const events: EventView[] = db
    .select()
    .from(householdEvents)
    .where(eq(householdEvents.householdId, id))
    .orderBy(asc(householdEvents.date), asc(householdEvents.recordedAt))
    .all()
    .map((e) => ({ id: e.id, type: e.type, label: eventLabel(e.type), date: e.date, year: e.year, detail: e.detail, recordedBy: e.recordedBy, recordedAt: e.recordedAt }));
  return {
    id,
    regionCode: row.regionCode,
    regionPath: regionPath(db, row.regionCode).map((r) => r.name).join(' '),
    household,
    members,
    formerMembers: memberViews(db, id, false),
    conditions: (latestConditions?.record as ConditionsRecord | undefined) ?? null,
    incomes: incomeRows.map((i) => ({ record: i.record as IncomeRecord, summary: computeIncome(i.record as IncomeRecord, members.length) })),
    events,
    findings: storedFindings(db, id),
    updatedAt: row.updatedAt,
  };
}
