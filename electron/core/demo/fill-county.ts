// Fills an empty station with the demo county: the villages of the node's region from the real
// division table, generated households with members, conditions and income of every year, all
// in ONE runWrite (one audit entry 'demo.fill', a change-log row per inserted row), then one
// quality run so the household list's error and warning counts are right from the start.
import type { Station } from '../station';
import { conditions, householdEvents, households, incomes, memberships, persons, villageGroups, villages } from '../db/schema';
import { runWrite, SYSTEM_ACTOR, type Actor, type Writer } from '../db/write-path';
import { AppError } from '../api/errors';
import type { QualityRunResult } from '../api/contract/registry';
import { ancestorCode, levelOfCode, regionWithin } from '../domain/region-code';
import { nameInitials } from '../domain/name-initials';
import { perCapitaNetIncomeFen } from '../domain/registry/income';
import { readNode } from '../services/node-setup';
import { getRegion, regionsBelow } from '../services/regions';
import { runQuality } from '../services/registry/quality-run';
import { countyStream, type DemoHousehold, type DemoVillage, type DemoVillageInput, type GenerateCountyOptions } from './generate-county';
import { sequentialIds } from './row-ids';
import { fillDemoAssistance, type FillAssistanceResult } from './fill-assistance';

export interface FillDemoOptions {
  households: number;
  seed: number;
  /** County, township or village to fill; default the node's region */
  regionCode?: string;
  /** Only the first N townships (by code): the small demo of `npm start` */
  townships?: number;
  firstYear?: number;
  lastYear?: number;
  /** Who the audit entry names; default the system actor */
  actor?: Actor;
  onProgress?: (progress: FillProgress) => void;
}

export interface FillProgress {
  phase: 'write' | 'quality';
  /** Households written so far (write: 0 when writing starts), 0 or 1 (quality) */
  done: number;
  total: number;
}

export interface FillDemoResult {
  regionCode: string;
  households: number;
  persons: number;
  villages: number;
  townships: number;
  /** Rows inserted in all tables (each has a change-log row) */
  rows: number;
  timings: { generateMs: number; insertMs: number; qualityMs: number; totalMs: number };
  quality: QualityRunResult;
  /** Units, cadres, teams, pairings and the three books, written after the households */
  assistance: FillAssistanceResult;
}

/** Households written per batch: large enough for fast inserts, small enough to free memory early. */
const BATCH = 1000;

/** The villages to fill, in code order, with their township's name. */
function villagesOf(station: Station, regionCode: string, townshipLimit: number | undefined): { villages: DemoVillageInput[]; townships: number } {
  const level = levelOfCode(regionCode);
  if (level === 'village') {
    const v = getRegion(station.db, regionCode)!;
    const t = getRegion(station.db, ancestorCode(regionCode, 'township'));
    return { villages: [{ code: v.code, name: v.name, townshipCode: t?.code ?? v.parentCode ?? '', townshipName: t?.name }], townships: 1 };
  }
  let townships = regionsBelow(station.db, regionCode, 'township');
  if (townshipLimit !== undefined) townships = townships.slice(0, townshipLimit);
  const out: DemoVillageInput[] = [];
  for (const t of townships) {
    for (const v of regionsBelow(station.db, t.code, 'village')) out.push({ code: v.code, name: v.name, townshipCode: t.code, townshipName: t.name });
  }
  return { villages: out, townships: townships.length };
}

interface Batch {
  households: (typeof households.$inferInsert)[];
  persons: (typeof persons.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  conditions: (typeof conditions.$inferInsert)[];
  incomes: (typeof incomes.$inferInsert)[];
  events: (typeof householdEvents.$inferInsert)[];
}

const emptyBatch = (): Batch => ({ households: [], persons: [], memberships: [], conditions: [], incomes: [], events: [] });

/** Pinyin initials per name: names repeat a lot in a county, and pinyin conversion is not free. */
function initialsCache(): (name: string | null) => string {
  const cache = new Map<string, string>();
  return (name) => {
    if (name === null) return '';
    let v = cache.get(name);
    if (v === undefined) cache.set(name, (v = nameInitials(name)));
    return v;
  };
}

interface RowContext {
  actor: Actor;
  nowIso: string;
  nextId: () => string;
  initials: (name: string | null) => string;
}

/** The rows of one generated household, added to the batch. */
function addHousehold(batch: Batch, h: DemoHousehold, ctx: RowContext): void {
  const { actor, nowIso, nextId, initials } = ctx;
  const householdId = nextId();
  const record = h.record;
  batch.households.push({
    id: householdId,
    regionCode: h.regionCode,
    record,
    nameInitials: initials(record.headName),
    memberCount: h.members.length,
    errorCount: 0,
    warningCount: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  batch.events.push({
    id: nextId(),
    householdId,
    type: 'identified',
    date: record.firstIdentifiedDate!,
    year: Number(record.firstIdentifiedDate!.slice(0, 4)),
    detail: { attribute: record.attribute, mainCause: record.mainCause },
    recordedBy: actor.username,
    recordedAt: nowIso,
  });
  h.members.forEach((m, sortOrder) => {
    const personId = nextId();
    batch.persons.push({ id: personId, record: m.record, createdAt: nowIso, updatedAt: nowIso });
    batch.memberships.push({
      id: nextId(),
      householdId,
      personId,
      relationship: m.record.relationship,
      sortOrder,
      fromDate: m.fromDate,
      toDate: null,
      joinReason: m.joinReason,
      leaveReason: null,
    });
    // a birth or a marriage after identification is a member joining, as the household page records it
    if (m.joinReason !== null) {
      batch.events.push({
        id: nextId(),
        householdId,
        type: 'member.joined',
        date: m.fromDate,
        year: Number(m.fromDate.slice(0, 4)),
        detail: { personId, reason: m.joinReason },
        recordedBy: actor.username,
        recordedAt: nowIso,
      });
    }
  });
  for (const c of h.conditions) batch.conditions.push({ id: nextId(), householdId, year: c.dataYear, record: c });
  for (const i of h.incomes) {
    batch.incomes.push({ id: nextId(), householdId, year: i.year, record: i, perCapitaNetFen: perCapitaNetIncomeFen(i, h.sizes[i.year]) });
  }
}

/** Inserts a batch parent tables first (the foreign keys are checked row by row); returns the row count. */
function flush(w: Writer, b: Batch): number {
  return (
    w.insertMany(households, b.households) +
    w.insertMany(persons, b.persons) +
    w.insertMany(memberships, b.memberships) +
    w.insertMany(conditions, b.conditions) +
    w.insertMany(incomes, b.incomes) +
    w.insertMany(householdEvents, b.events)
  );
}

function villageRows(list: readonly DemoVillage[], ctx: RowContext) {
  return {
    villages: list.map((v) => ({ regionCode: v.code, record: v.record, updatedAt: ctx.nowIso })),
    groups: list.flatMap((v) => v.groups.map((name, sortOrder) => ({ id: ctx.nextId(), regionCode: v.code, name, sortOrder }))),
  };
}

/**
 * SQLite's page cache for the duration of the fill. The default (2 MB) is far smaller than the
 * indexes a county's rows build, and one transaction of this size keeps evicting pages it needs
 * again; the previous size is restored afterwards.
 */
const FILL_CACHE_KIB = 131_072;

interface Written {
  households: number;
  persons: number;
  villages: number;
  rows: number;
  /** Time spent generating, inside the write */
  generateMs: number;
}

/**
 * The one write: households stream from the generator in batches (so the county is never held
 * in memory at once), then the villages whose forms count them.
 */
function writeCounty(
  station: Station,
  actor: Actor,
  now: Date,
  regionCode: string,
  townships: number,
  generate: GenerateCountyOptions,
  onProgress: FillDemoOptions['onProgress'],
): Written {
  const ctx: RowContext = { actor, nowIso: now.toISOString(), nextId: sequentialIds(now), initials: initialsCache() };
  const written: Written = { households: 0, persons: 0, villages: 0, rows: 0, generateMs: 0 };
  runWrite(
    station.db,
    actor,
    { action: 'demo.fill', entity: 'region', entityId: regionCode },
    (w) => {
      const stream = countyStream(generate);
      let batch = emptyBatch();
      for (;;) {
        const t = performance.now();
        const step = stream.next();
        written.generateMs += performance.now() - t;
        if (step.done) {
          written.rows += flush(w, batch);
          const v = villageRows(step.value, ctx);
          written.rows += w.insertMany(villages, v.villages) + w.insertMany(villageGroups, v.groups);
          written.villages = v.villages.length;
          break;
        }
        addHousehold(batch, step.value, ctx);
        written.households += 1;
        written.persons += step.value.members.length;
        if (batch.households.length >= BATCH) {
          written.rows += flush(w, batch);
          batch = emptyBatch();
          onProgress?.({ phase: 'write', done: written.households, total: generate.households });
        }
      }
      onProgress?.({ phase: 'write', done: written.households, total: generate.households });
      w.note('demo', { seed: generate.seed, households: written.households, persons: written.persons, villages: written.villages, townships });
    },
    now,
  );
  return written;
}

/**
 * Generates and stores the demo county. Refuses a database that already has households: demo
 * data must never mix with real registrations.
 */
export function fillDemoCounty(station: Station, options: FillDemoOptions): FillDemoResult {
  const started = performance.now();
  const actor = options.actor ?? SYSTEM_ACTOR;
  const node = readNode(station);
  const regionCode = options.regionCode ?? node.regionCode;
  if (!getRegion(station.db, regionCode) || !regionWithin(node.regionCode, regionCode)) {
    throw new AppError('INVALID_INPUT', `区划代码：${regionCode} 不在本节点的辖区内`);
  }
  if (!Number.isInteger(options.households) || options.households < 1) throw new AppError('INVALID_INPUT', '户数应为正整数');
  if (options.townships !== undefined && (!Number.isInteger(options.townships) || options.townships < 1)) {
    throw new AppError('INVALID_INPUT', '乡镇数应为正整数');
  }
  const existing = (station.db.$client.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n;
  if (existing > 0) {
    throw new AppError('CONFLICT', `数据库中已有 ${existing} 户登记数据，演示数据只能填入没有户数据的数据库。请用 --db 指定一个新的数据库文件。`);
  }
  const { villages: villageInputs, townships } = villagesOf(station, regionCode, options.townships);
  if (villageInputs.length === 0) throw new AppError('INVALID_INPUT', `区划代码：${regionCode} 下没有村（社区）`);

  // people born outside their county come from the other counties of the same prefecture
  const birthplaceCodes = regionsBelow(station.db, ancestorCode(regionCode, 'city'), 'county').map((c) => c.code.slice(0, 6));

  const now = station.clock();
  options.onProgress?.({ phase: 'write', done: 0, total: options.households });
  const sqlite = station.db.$client;
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${FILL_CACHE_KIB}`);
  const writeStarted = performance.now();
  const generate: GenerateCountyOptions = {
    villages: villageInputs,
    households: options.households,
    seed: options.seed,
    firstYear: options.firstYear ?? 2014,
    lastYear: options.lastYear ?? 2020,
    birthplaceCodes,
  };
  let written: Written;
  try {
    written = writeCounty(station, actor, now, regionCode, townships, generate, options.onProgress);
  } finally {
    sqlite.pragma(`cache_size = ${cacheBefore}`);
  }
  const insertMs = performance.now() - writeStarted - written.generateMs;
  const assistance = fillDemoAssistance(station, { seed: options.seed, regionCode, actor });

  options.onProgress?.({ phase: 'quality', done: 0, total: 1 });
  const qualityStarted = performance.now();
  const quality = runQuality(station, actor, regionCode);
  const qualityMs = performance.now() - qualityStarted;
  options.onProgress?.({ phase: 'quality', done: 1, total: 1 });

  return {
    regionCode,
    households: written.households,
    persons: written.persons,
    villages: written.villages,
    townships,
    rows: written.rows,
    timings: { generateMs: written.generateMs, insertMs, qualityMs, totalMs: performance.now() - started },
    quality,
    assistance,
  };
}
