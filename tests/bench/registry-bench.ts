import { dispatch } from '../../electron/core/api/router';
import type { Station } from '../../electron/core/station';
import { percentile, type BenchFigure } from './measure';

/** A deterministic shuffle so every run asks the same questions. */
function sample<T>(items: T[], n: number, seed = 7): T[] {
  const out: T[] = [];
  let s = seed;
  for (let i = 0; i < n && items.length > 0; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(items[s % items.length]!);
  }
  return out;
}

async function timeCalls(station: Station, token: string, calls: { method: string; input: unknown }[]): Promise<number[]> {
  const times: number[] = [];
  for (const c of calls) {
    const t = performance.now();
    const r = await dispatch(station, { method: c.method, input: c.input, token });
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`${c.method} failed: ${r.error.message}`);
  }
  return times;
}

/**
 * Household search with filters and opening a household, through the real router (validation,
 * session, scope) on a county-size database. Baselines: the bare indexed queries of the same shape.
 */
export async function benchRegistry(station: Station, token: string, countyCode: string): Promise<BenchFigure[]> {
  const db = station.db.$client;
  const heads = db.prepare('SELECT head_name AS n FROM households WHERE head_name IS NOT NULL').all() as { n: string }[];
  const ids = db.prepare('SELECT p.id_number AS id FROM persons p WHERE p.id_number IS NOT NULL').all() as { id: string }[];
  const villages = db.prepare('SELECT DISTINCT region_code AS c FROM households').all() as { c: string }[];
  const townships = [...new Set(villages.map((v) => v.c.slice(0, 9).padEnd(12, '0')))];
  const households = db.prepare('SELECT id FROM households').all() as { id: string }[];

  const searches: { method: string; input: unknown }[] = [];
  for (const v of sample(villages, 60)) searches.push({ method: 'registry.searchHouseholds', input: { regionCode: v.c, limit: 50 } });
  for (const t of sample(townships, 30, 11)) searches.push({ method: 'registry.searchHouseholds', input: { regionCode: t, mainCause: '01', limit: 50 } });
  for (const h of sample(heads, 60, 13)) searches.push({ method: 'registry.searchHouseholds', input: { query: h.n.slice(0, 2), limit: 50 } });
  for (const p of sample(ids, 60, 17)) searches.push({ method: 'registry.searchHouseholds', input: { query: p.id, limit: 50 } });
  for (const t of sample(townships, 30, 19)) searches.push({ method: 'registry.searchHouseholds', input: { regionCode: t, severity: 'warning', attribute: '2', limit: 50 } });
  for (let i = 0; i < 30; i++) searches.push({ method: 'registry.searchHouseholds', input: { regionCode: countyCode, exitStatus: '0', offset: i * 50, limit: 50 } });
  for (const h of sample(heads, 30, 23)) searches.push({ method: 'registry.searchHouseholds', input: { query: 'zh', regionCode: countyCode, dataYear: 2020, limit: 50 } });
  await timeCalls(station, token, searches.slice(0, 20)); // warm the page cache
  const searchTimes = await timeCalls(station, token, searches);

  const rawSearch = db.prepare('SELECT id, record FROM households WHERE region_code >= ? AND region_code < ? ORDER BY region_code LIMIT 50');
  const rawSearchTimes = sample(villages, 300, 29).map((v) => {
    const t = performance.now();
    rawSearch.all(v.c, `${v.c}:`);
    return performance.now() - t;
  });

  const opens = sample(households, 300, 31).map((h) => ({ method: 'registry.getHousehold', input: { id: h.id } }));
  const openTimes = await timeCalls(station, token, opens);
  const rawOpen = db.prepare('SELECT h.record, p.record AS person FROM households h JOIN memberships m ON m.household_id = h.id AND m.to_date IS NULL JOIN persons p ON p.id = m.person_id WHERE h.id = ?');
  const rawOpenTimes = sample(households, 300, 37).map((h) => {
    const t = performance.now();
    rawOpen.all(h.id);
    return performance.now() - t;
  });

  return [
    { name: `household search with filters p50 (${searchTimes.length} queries)`, value: percentile(searchTimes, 50), unit: 'ms', baseline: percentile(rawSearchTimes, 50), baselineLabel: 'bare indexed region query p50' },
    { name: `household search with filters p95 (${searchTimes.length} queries)`, value: percentile(searchTimes, 95), unit: 'ms', baseline: percentile(rawSearchTimes, 95), baselineLabel: 'bare indexed region query p95', target: 30 },
    { name: 'opening a household p50', value: percentile(openTimes, 50), unit: 'ms', baseline: percentile(rawOpenTimes, 50), baselineLabel: 'bare household+members select p50' },
    { name: 'opening a household p95', value: percentile(openTimes, 95), unit: 'ms', baseline: percentile(rawOpenTimes, 95), baselineLabel: 'bare household+members select p95', target: 20 },
  ];
}

/** The machine's own insert limit: N rows of about the size of a registry record, one transaction. */
export function rawInsertMs(station: Station, rows: number, bytesPerRow: number): number {
  const db = station.db.$client;
  db.exec('CREATE TEMP TABLE bench_raw (id TEXT PRIMARY KEY, record TEXT)');
  const payload = 'x'.repeat(bytesPerRow);
  const stmt = db.prepare('INSERT INTO bench_raw VALUES (?, ?)');
  const t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) stmt.run(`r${i}`, payload);
  })();
  const ms = performance.now() - t;
  db.exec('DROP TABLE bench_raw');
  return ms;
}
