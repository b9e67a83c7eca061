// What the village documents are computed from: every household of a village with its events
// (plus, for households from before the workflows, the exit written on the form), membership
// periods, status and size on the document's date, income and the assistance book rows. Read in a
// handful of queries per village, so a county batch stays fast.
import { isoDay } from '../../domain/workflow/dates';
import type { Db } from '../../db/connection';
import type { HouseholdRecord, VillageRecord } from '../../domain/registry/types';
import { groupOf, labelOf, type CodeTableDefinition } from '../../domain/registry/code-tables';
import { householdStatusOn, registryRecordEvents, type HouseholdStatusOn, type StatusEvent } from '../../domain/workflow/status';
import { householdSizeOn, yearFlows, type FlowHousehold, type MembershipSpan } from '../../domain/workflow/flows';
import { incidencePercent } from '../../domain/workflow/area-exit';
import { effectiveCodeTables } from '../registry/reference-data';
import { regionPath } from '../regions';
import { villageBook, type VillageBookRow } from '../assistance/read-books';
import type { DocHeading, FlowRow } from '../../printing/documents/types';
import { villageMap, villageMapImage } from './village-maps';
import type { BaseImage } from '../../printing/documents/distribution-map';

/** The first year of 建档立卡: the inflow/outflow chart starts here. */
export const FIRST_REGISTRY_YEAR = 2014;

export interface FactHousehold {
  id: string;
  record: HouseholdRecord;
  events: StatusEvent[];
  memberships: MembershipSpan[];
  status: HouseholdStatusOn;
  /** Members on the document's date. */
  persons: number;
  groupName: string;
  /** 元, the year's 人均纯收入 or the latest earlier one. */
  perCapitaNet: number | null;
  book: VillageBookRow | null;
}

export interface VillageFacts {
  code: string;
  record: VillageRecord | null;
  heading: DocHeading;
  year: number;
  /** The end of `year`, or today for the current year. */
  asOf: string;
  tables: readonly CodeTableDefinition[];
  /** 村民小组 in their registered order, then any group named only on a household form. */
  groups: string[];
  /** Every household of the village, registered or not; see `registered`. */
  households: FactHousehold[];
  /** The year is closed: its figures are frozen and the documents are final. */
  approved: boolean;
  /** The distribution map's base image (read only when that chart is built) and dragged markers. */
  map: { image: () => BaseImage | null; positions: ReadonlyMap<string, { x: number; y: number }> };
}

export const UNGROUPED = '未分组';

/** 建档立卡 on the date: identified and not removed (poor, or exited and still on the books). */
export const isRegistered = (h: FactHousehold): boolean => h.status.status === 'poor' || h.status.status === 'exited';

export { isoDay };

export function headingFor(db: Db, code: string, year: number, asOf: string, printedOn: string): DocHeading {
  const path = regionPath(db, code);
  const at = (level: string) => path.find((r) => r.level === level)?.name ?? '';
  // The division table names the committee (高家庄村民委员会); the charts name the village.
  const village = at('village').replace(/(村|居)民委员会$/, '$1');
  return { countyName: at('county'), townshipName: at('township'), villageName: village || code, year, asOf, printedOn };
}

export function closedYear(db: Db, year: number): boolean {
  return db.$client.prepare('SELECT 1 FROM year_closes WHERE year = ?').get(year) !== undefined;
}

export function loadVillageFacts(db: Db, code: string, year: number, today: Date): VillageFacts {
  const todayIso = isoDay(today);
  const asOf = `${year}-12-31` < todayIso ? `${year}-12-31` : todayIso;
  const client = db.$client;
  const tables = effectiveCodeTables(db);
  const villageRow = client.prepare('SELECT record FROM villages WHERE region_code = ?').get(code) as { record: string } | undefined;
  const rows = client.prepare('SELECT id, record FROM households WHERE region_code = ? ORDER BY group_name, head_name, id').all(code) as { id: string; record: string }[];
  const events = client
    .prepare(
      `SELECT e.household_id AS h, e.type, e.date, e.recorded_at AS recordedAt, e.detail FROM household_events e
       JOIN households x ON x.id = e.household_id WHERE x.region_code = ? ORDER BY e.date, e.recorded_at`,
    )
    .all(code) as { h: string; type: string; date: string; recordedAt: string; detail: string | null }[];
  const spans = client
    .prepare(
      `SELECT m.household_id AS h, m.from_date AS fromDate, m.to_date AS toDate, m.join_reason AS joinReason FROM memberships m
       JOIN households x ON x.id = m.household_id WHERE x.region_code = ?`,
    )
    .all(code) as { h: string; fromDate: string; toDate: string | null; joinReason: string | null }[];
  const incomes = client
    .prepare(
      `SELECT i.household_id AS h, i.year, i.per_capita_net_fen AS fen FROM incomes i
       JOIN households x ON x.id = i.household_id WHERE x.region_code = ? AND i.year <= ? ORDER BY i.year`,
    )
    .all(code, year) as { h: string; year: number; fen: number | null }[];
  const book = new Map(villageBook(db, code, year, todayIso).households.map((b) => [b.householdId, b]));

  const eventsOf = new Map<string, StatusEvent[]>();
  for (const e of events) {
    const list = eventsOf.get(e.h) ?? [];
    list.push({ type: e.type, date: e.date, recordedAt: e.recordedAt, detail: e.detail === null ? null : JSON.parse(e.detail) });
    eventsOf.set(e.h, list);
  }
  const spansOf = new Map<string, MembershipSpan[]>();
  for (const s of spans) spansOf.set(s.h, [...(spansOf.get(s.h) ?? []), { fromDate: s.fromDate, toDate: s.toDate, joinReason: s.joinReason }]);
  const incomeOf = new Map<string, number | null>();
  for (const i of incomes) if (i.fen !== null) incomeOf.set(i.h, i.fen / 100);

  const households = rows.map((r): FactHousehold => {
    const record = JSON.parse(r.record) as HouseholdRecord;
    const own = eventsOf.get(r.id) ?? [];
    const all = [
      ...own,
      ...registryRecordEvents(
        { exitYear: record.exitYear ?? null, exitStatusGroup: groupOf('exitStatus', record.exitStatus, record.dataYear, tables), dataYear: record.dataYear },
        own,
      ),
    ];
    const memberships = spansOf.get(r.id) ?? [];
    return {
      id: r.id,
      record,
      events: all,
      memberships,
      status: householdStatusOn(all, asOf),
      persons: householdSizeOn(memberships, asOf),
      groupName: record.groupName?.trim() || UNGROUPED,
      perCapitaNet: incomeOf.get(r.id) ?? null,
      book: book.get(r.id) ?? null,
    };
  });

  const registeredGroups = (client.prepare('SELECT name FROM village_groups WHERE region_code = ? ORDER BY sort_order, name').all(code) as { name: string }[]).map((g) => g.name);
  const groups = [...registeredGroups];
  for (const h of households) if (!groups.includes(h.groupName)) groups.push(h.groupName);

  return {
    code,
    record: villageRow ? (JSON.parse(villageRow.record) as VillageRecord) : null,
    heading: headingFor(db, code, year, asOf, todayIso),
    year,
    asOf,
    tables,
    groups,
    households,
    approved: closedYear(db, year),
    map: {
      image: () => villageMapImage(db, code),
      positions: new Map(villageMap(db, code).positions.map((p) => [p.householdId, { x: p.x, y: p.y }])),
    },
  };
}

/** Frozen figures of a closed year for this village, when the year close stored them. */
function frozenFlow(db: Db, code: string, year: number): FlowRow | null {
  const row = db.$client.prepare('SELECT figures FROM year_closes WHERE year = ?').get(year) as { figures: string } | undefined;
  if (!row) return null;
  const v = (JSON.parse(row.figures) as { villages?: Record<string, FlowRow & { incidencePercent?: number | null }> }).villages?.[code];
  if (!v || typeof v.opening !== 'object') return null;
  return { ...v, year, incidencePercent: v.incidencePercent ?? null };
}

/** One row per year from 2014 to the facts' year: live from events, frozen for closed years. */
export function villageFlowRows(db: Db, facts: VillageFacts): FlowRow[] {
  const population = facts.record?.populationCount ?? null;
  const input: FlowHousehold[] = facts.households.map((h) => ({ events: h.events, memberships: h.memberships }));
  const out: FlowRow[] = [];
  for (let y = FIRST_REGISTRY_YEAR; y <= facts.year; y++) {
    const frozen = frozenFlow(db, facts.code, y);
    if (frozen) {
      out.push(frozen);
      continue;
    }
    const f = yearFlows(input, y);
    out.push({ ...f, incidencePercent: incidencePercent(f.closing.persons, population) });
  }
  return out;
}

export const label = (facts: VillageFacts, field: Parameters<typeof labelOf>[0], code: string | null | undefined, year = facts.year): string =>
  labelOf(field, code, year, facts.tables) ?? (code ? code : '未填写');
