import type { Station } from '../../station';
import { findDuplicatePersons, QUALITY_RULES } from '../../domain/registry/quality';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { DuplicateView, FindingRow, FindingView, QualityRunResult, RuleCount } from '../../api/contract/registry';
import type { Page } from '../../api/contract/common';
import { ALL_FIELD_SPECS } from '../../domain/registry/field-specs';
import { ancestorCode } from '../../domain/region-code';
import { maskIdNumber } from '../../domain/masking';
import { recordEvent, type Actor } from '../../db/write-path';
import { evaluateHousehold, ruleEnvironment, ruleTitle } from './quality-check';
import { regionRange } from './households-read';
import { regionName } from './region-names';

interface LoadedHousehold {
  id: string;
  regionCode: string;
  household: HouseholdRecord;
  members: { personId: string; record: PersonRecord }[];
  conditions: ConditionsRecord | null;
  income: IncomeRecord | null;
}

/** Loads every household below a region with its members, conditions and income in four queries. */
function loadHouseholds(station: Station, regionCode: string): LoadedHousehold[] {
  const [lo, hi] = regionRange(regionCode);
  const db = station.db.$client;
  const rows = db.prepare('SELECT id, region_code AS regionCode, record FROM households WHERE region_code >= ? AND region_code < ? ORDER BY region_code, id').all(lo, hi) as {
    id: string;
    regionCode: string;
    record: string;
  }[];
  const byId = new Map<string, LoadedHousehold>();
  for (const r of rows) byId.set(r.id, { id: r.id, regionCode: r.regionCode, household: JSON.parse(r.record), members: [], conditions: null, income: null });
  const scoped = `household_id IN (SELECT id FROM households WHERE region_code >= @lo AND region_code < @hi)`;
  for (const m of db
    .prepare(`SELECT m.household_id AS hid, p.id AS pid, p.record FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.to_date IS NULL AND m.${scoped} ORDER BY m.household_id, m.sort_order`)
    .iterate({ lo, hi }) as Iterable<{ hid: string; pid: string; record: string }>) {
    byId.get(m.hid)?.members.push({ personId: m.pid, record: JSON.parse(m.record) });
  }
  // the record of the household's data year, or the latest one before it
  for (const c of db.prepare(`SELECT household_id AS hid, year, record FROM conditions WHERE ${scoped} ORDER BY year`).iterate({ lo, hi }) as Iterable<{ hid: string; year: number; record: string }>) {
    const h = byId.get(c.hid);
    if (h && c.year <= h.household.dataYear) h.conditions = JSON.parse(c.record);
  }
  for (const i of db.prepare(`SELECT household_id AS hid, year, record FROM incomes WHERE ${scoped} ORDER BY year`).iterate({ lo, hi }) as Iterable<{ hid: string; year: number; record: string }>) {
    const h = byId.get(i.hid);
    if (h && i.year <= h.household.dataYear) h.income = JSON.parse(i.record);
  }
  return [...byId.values()];
}

/** Exact-ID duplicates are checked against the whole database; likely ones within each township. */
function duplicateFindings(station: Station, regionCode: string): Map<string, FindingView[]> {
  const groups = duplicateGroups(station, regionCode);
  const out = new Map<string, FindingView[]>();
  for (const g of groups) {
    g.personIds.forEach((personId, k) => {
      const hid = g.householdIds[k]!;
      const list = out.get(hid) ?? [];
      list.push({ ruleCode: g.ruleCode, severity: g.severity, message: g.message, entity: 'person', personId, personIndex: null, field: 'idNumber' });
      out.set(hid, list);
    });
  }
  return out;
}

function duplicateGroups(station: Station, regionCode: string) {
  const [lo, hi] = regionRange(regionCode);
  const candidates = (
    station.db.$client
      .prepare(
        `SELECT p.id AS personId, m.household_id AS householdId, p.id_number AS idNumber, p.name, p.birth_date AS birthDate, h.region_code AS regionCode
           FROM persons p JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL JOIN households h ON h.id = m.household_id
          WHERE (h.region_code >= @lo AND h.region_code < @hi)
             OR p.id_number IN (SELECT p2.id_number FROM persons p2 JOIN memberships m2 ON m2.person_id = p2.id AND m2.to_date IS NULL
                                 JOIN households h2 ON h2.id = m2.household_id WHERE h2.region_code >= @lo AND h2.region_code < @hi)`,
      )
      .all({ lo, hi }) as { personId: string; householdId: string; idNumber: string | null; name: string | null; birthDate: string | null; regionCode: string }[]
  ).map((c) => ({ ...c, townshipCode: c.regionCode.slice(0, 9), active: true }));
  return findDuplicatePersons(candidates)
    .filter((g) => g.householdIds.some((h) => candidates.find((c) => c.householdId === h && c.regionCode >= lo && c.regionCode < hi)))
    .map((g) => ({ ...g, candidates: g.personIds.map((id) => candidates.find((c) => c.personId === id)!) }));
}

/**
 * 回头看: runs every rule over a village, a township or the county and stores the findings, so
 * that the list's quality filters and the counts below are the result of this run.
 */
export function runQuality(station: Station, actor: Actor, regionCode: string): QualityRunResult {
  const started = Date.now();
  const env = ruleEnvironment(station.db, station.clock());
  const loaded = loadHouseholds(station, regionCode);
  const dupes = duplicateFindings(station, regionCode);
  const db = station.db.$client;
  const del = db.prepare('DELETE FROM quality_findings WHERE household_id = ?');
  const ins = db.prepare(
    'INSERT INTO quality_findings (household_id, region_code, rule_code, severity, entity, person_id, field, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const counts = db.prepare('UPDATE households SET error_count = ?, warning_count = ? WHERE id = ?');
  db.transaction(() => {
    for (const h of loaded) {
      const findings = [...evaluateHousehold(h, env), ...(dupes.get(h.id) ?? [])];
      del.run(h.id);
      for (const f of findings) ins.run(h.id, h.regionCode, f.ruleCode, f.severity, f.entity, f.personId, f.field, f.message);
      counts.run(findings.filter((f) => f.severity === 'error').length, findings.filter((f) => f.severity === 'warning').length, h.id);
    }
  })();
  recordEvent(station.db, actor, { action: 'quality.run', entity: 'region', entityId: regionCode }, { households: loaded.length }, station.clock());
  return { ...qualitySummary(station, regionCode), durationMs: Date.now() - started };
}

export function qualitySummary(station: Station, regionCode: string): QualityRunResult {
  const [lo, hi] = regionRange(regionCode);
  const db = station.db.$client;
  const totals = db
    .prepare(
      `SELECT count(*) AS households, sum(error_count > 0) AS withErrors, sum(warning_count > 0) AS withWarnings
         FROM households WHERE region_code >= ? AND region_code < ?`,
    )
    .get(lo, hi) as { households: number; withErrors: number | null; withWarnings: number | null };
  const perRule = new Map(
    (
      db
        .prepare(
          `SELECT rule_code AS ruleCode, count(DISTINCT household_id) AS households, count(*) AS findings
             FROM quality_findings WHERE region_code >= ? AND region_code < ? GROUP BY rule_code`,
        )
        .all(lo, hi) as { ruleCode: string; households: number; findings: number }[]
    ).map((r) => [r.ruleCode, r]),
  );
  const rules: RuleCount[] = [
    ...QUALITY_RULES.map((r) => ({ ruleCode: r.code, title: r.title, severity: r.severity, catalogueItem: r.catalogueItem })),
    { ruleCode: 'Q-DUP-01', title: '证件号码重复（同一人在多户登记）', severity: 'error' as const, catalogueItem: 11 },
    { ruleCode: 'Q-DUP-02', title: '同乡镇同名同出生日期（疑似重复）', severity: 'warning' as const, catalogueItem: 11 },
  ].map((r) => ({ ...r, households: perRule.get(r.ruleCode)?.households ?? 0, findings: perRule.get(r.ruleCode)?.findings ?? 0 }));
  return { regionCode, households: totals.households, withErrors: totals.withErrors ?? 0, withWarnings: totals.withWarnings ?? 0, rules, durationMs: 0 };
}

const FIELD_LABELS = new Map(ALL_FIELD_SPECS.map((s) => [s.key, s.label]));

export function listFindings(station: Station, regionCode: string, ruleCode: string | undefined, offset: number, limit: number): Page<FindingRow> {
  const [lo, hi] = regionRange(regionCode);
  const db = station.db.$client;
  const filter = `f.region_code >= @lo AND f.region_code < @hi${ruleCode ? ' AND f.rule_code = @rule' : ''}`;
  const params = { lo, hi, rule: ruleCode ?? null };
  const total = (db.prepare(`SELECT count(*) AS n FROM quality_findings f WHERE ${filter}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT f.*, h.head_name AS headName FROM quality_findings f JOIN households h ON h.id = f.household_id
        WHERE ${filter} ORDER BY f.region_code, h.head_name, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as {
    household_id: string;
    region_code: string;
    rule_code: string;
    severity: 'error' | 'warning';
    entity: FindingRow['entity'];
    person_id: string | null;
    field: string | null;
    message: string;
    headName: string | null;
  }[];
  return {
    total,
    rows: rows.map((r) => ({
      householdId: r.household_id,
      headName: r.headName,
      villageName: regionName(station.db, r.region_code),
      ruleCode: r.rule_code,
      severity: r.severity,
      message: r.message,
      entity: r.entity,
      personId: r.person_id,
      personIndex: null,
      field: r.field ?? '',
      fieldLabel: FIELD_LABELS.get(r.field ?? '') ?? ruleTitle(r.rule_code),
    })),
  };
}

export function listDuplicates(station: Station, regionCode: string): DuplicateView[] {
  return duplicateGroups(station, regionCode).map((g) => ({
    ruleCode: g.ruleCode,
    severity: g.severity,
    message: g.message,
    members: g.candidates.map((c) => ({
      personId: c.personId,
      householdId: c.householdId,
      name: c.name,
      idMasked: c.idNumber ? maskIdNumber(c.idNumber) : null,
      villageName: `${regionName(station.db, ancestorCode(c.regionCode, 'township'))} ${regionName(station.db, c.regionCode)}`,
      headName: (station.db.$client.prepare('SELECT head_name AS n FROM households WHERE id = ?').get(c.householdId) as { n: string | null } | undefined)?.n ?? null,
    })),
  }));
}
