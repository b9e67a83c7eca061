// Yearly inflow/outflow figures per village (贫困人口进出动态图) and each household's status on a
// date, both derived from household events. Printing uses these:
//   householdStatusOn(events, date)                       → HouseholdStatusOn (pure, re-exported)
//   villageFlows(db, villageCode, fromYear, toYear)       → VillageYearFlow[] (one per year)
//   regionFlows(db, regionCode, fromYear, toYear)         → VillageYearFlow[] summed over the villages below
// A closed year comes from its frozen figures, so it prints the same forever.
import type { Db } from '../../db/connection';
import type { HouseholdRecord, VillageRecord } from '../../domain/registry/types';
import { householdStatusOn, type StatusEvent } from '../../domain/workflow/status';
import { yearFlows, type FlowCount, type MembershipSpan, type YearFlow } from '../../domain/workflow/flows';
import { incidencePercent } from '../../domain/workflow/area-exit';
import { levelOfCode } from '../../domain/region-code';
import type { VillageYearFlow } from '../../api/contract/workflow';
import { effectiveCodeTables } from '../registry/reference-data';
import { regionRange } from '../registry/households-read';
import { regionsBelow } from '../regions';
import { recordEvents } from './facts';

export { householdStatusOn, householdSizeOn } from './flows-pure';
export type { HouseholdStatusOn } from '../../domain/workflow/status';

export interface RegionHousehold {
  id: string;
  regionCode: string;
  record: HouseholdRecord;
  events: StatusEvent[];
  memberships: MembershipSpan[];
}

/** Every household below `scope` with its events (and the form's exit for older ones) and membership periods, in three queries. */
export function loadRegionHouseholds(db: Db, scope: string): RegionHousehold[] {
  const [lo, hi] = regionRange(scope);
  const client = db.$client;
  const rows = client.prepare('SELECT id, region_code AS regionCode, record FROM households WHERE region_code >= ? AND region_code < ? ORDER BY id').all(lo, hi) as { id: string; regionCode: string; record: string }[];
  const byId = new Map<string, RegionHousehold>();
  for (const r of rows) byId.set(r.id, { id: r.id, regionCode: r.regionCode, record: JSON.parse(r.record) as HouseholdRecord, events: [], memberships: [] });
  const events = client
    .prepare(
      `SELECT e.household_id AS h, e.type, e.date, e.recorded_at AS recordedAt, e.detail FROM household_events e JOIN households x ON x.id = e.household_id
       WHERE x.region_code >= ? AND x.region_code < ? ORDER BY e.date, e.recorded_at`,
    )
    .all(lo, hi) as { h: string; type: string; date: string; recordedAt: string; detail: string | null }[];
  for (const e of events) byId.get(e.h)?.events.push({ type: e.type, date: e.date, recordedAt: e.recordedAt, detail: e.detail === null ? null : JSON.parse(e.detail) });
  const spans = client
    .prepare(
      `SELECT m.household_id AS h, m.from_date AS fromDate, m.to_date AS toDate, m.join_reason AS joinReason FROM memberships m JOIN households x ON x.id = m.household_id
       WHERE x.region_code >= ? AND x.region_code < ?`,
    )
    .all(lo, hi) as { h: string; fromDate: string; toDate: string | null; joinReason: string | null }[];
  for (const s of spans) byId.get(s.h)?.memberships.push({ fromDate: s.fromDate, toDate: s.toDate, joinReason: s.joinReason });
  const tables = effectiveCodeTables(db);
  for (const h of byId.values()) h.events.push(...recordEvents(h.record, h.events, tables));
  return [...byId.values()];
}

export function villagePopulation(db: Db, code: string): number | null {
  const row = db.$client.prepare('SELECT record FROM villages WHERE region_code = ?').get(code) as { record: string } | undefined;
  const record = row ? (JSON.parse(row.record) as VillageRecord) : null;
  return record?.populationCount ?? null;
}

interface FrozenFigures {
  villages: Record<string, VillageYearFlow>;
}

function frozenFigures(db: Db, year: number): FrozenFigures | null {
  const row = db.$client.prepare('SELECT figures FROM year_closes WHERE year = ?').get(year) as { figures: string } | undefined;
  return row ? (JSON.parse(row.figures) as FrozenFigures) : null;
}

const withRate = (flow: YearFlow, regionCode: string, population: number | null, frozen: boolean): VillageYearFlow => ({
  ...flow,
  regionCode,
  population,
  incidencePercent: incidencePercent(flow.closing.persons, population),
  frozen,
});

/** Live figures of every village below `scope` for one year (what a year close freezes). */
export function liveVillageFlows(db: Db, scope: string, year: number, loaded?: RegionHousehold[]): Map<string, VillageYearFlow> {
  const all = loaded ?? loadRegionHouseholds(db, scope);
  const byVillage = new Map<string, RegionHousehold[]>();
  for (const h of all) byVillage.set(h.regionCode, [...(byVillage.get(h.regionCode) ?? []), h]);
  const out = new Map<string, VillageYearFlow>();
  const villages = levelOfCode(scope) === 'village' ? [scope] : regionsBelow(db, scope, 'village').map((r) => r.code);
  for (const code of villages) out.set(code, withRate(yearFlows(byVillage.get(code) ?? [], year), code, villagePopulation(db, code), false));
  return out;
}

export function villageFlows(db: Db, villageCode: string, fromYear: number, toYear: number): VillageYearFlow[] {
  return regionFlows(db, villageCode, fromYear, toYear);
}

const sumCount = (a: FlowCount, b: FlowCount): FlowCount => ({ households: a.households + b.households, persons: a.persons + b.persons });

/** One row per year for a village, township or county: the villages' figures summed. */
export function regionFlows(db: Db, regionCode: string, fromYear: number, toYear: number): VillageYearFlow[] {
  const out: VillageYearFlow[] = [];
  let loaded: RegionHousehold[] | null = null;
  for (let year = fromYear; year <= toYear; year++) {
    const frozen = frozenFigures(db, year);
    let villages: VillageYearFlow[];
    if (frozen) {
      const [lo, hi] = regionRange(regionCode);
      villages = Object.values(frozen.villages).filter((v) => v.regionCode >= lo && v.regionCode < hi);
    } else {
      loaded ??= loadRegionHouseholds(db, regionCode);
      villages = [...liveVillageFlows(db, regionCode, year, loaded).values()];
    }
    out.push(sumFlows(villages, regionCode, year, frozen !== null));
  }
  return out;
}

export function sumFlows(villages: readonly VillageYearFlow[], regionCode: string, year: number, frozen: boolean): VillageYearFlow {
  const zero = { households: 0, persons: 0 };
  const keys = ['opening', 'newlyIdentified', 'returned', 'exited', 'naturalDecrease', 'naturalIncrease', 'closing'] as const;
  const flow: YearFlow = { year, opening: zero, newlyIdentified: zero, returned: zero, exited: zero, naturalDecrease: zero, naturalIncrease: zero, closing: zero, corrections: 0 };
  let population: number | null = villages.length > 0 ? 0 : null;
  for (const v of villages) {
    for (const k of keys) flow[k] = sumCount(flow[k], v[k]);
    flow.corrections += v.corrections;
    // Incidence needs every village's population: one missing village would understate it.
    population = population === null || v.population === null ? null : population + v.population;
  }
  if (villages.length === 1) return { ...villages[0]!, regionCode, frozen };
  return withRate(flow, regionCode, population, frozen);
}

/** Statuses of every household below `scope` on `date`. */
export function statusesOn(db: Db, scope: string, date: string, loaded?: RegionHousehold[]) {
  return (loaded ?? loadRegionHouseholds(db, scope)).map((h) => ({ household: h, status: householdStatusOn(h.events, date) }));
}
