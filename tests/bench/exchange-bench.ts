// Exchange benchmark (design.md §7): a full county export (collect + gzip + age + sign + zip),
// a month's incremental export, and verify + apply at the parent, each beside the machine's own
// limit measured in the same run: SHA-256 over the same bytes, and bare prepared inserts of the
// same number of rows.
import { createHash, randomUUID } from 'node:crypto';
import { family } from '../helpers/households';
import { makeIdNumber } from '../../electron/core/domain/registry/id-number';
import { connect, deliver, makeNode, REGIONS, type TestNode } from '../unit/exchange/support/network';
import { exportReport, importBytes } from '../../electron/core/services/exchange/commands';
import { collectReport } from '../../electron/core/services/exchange/report-export';
import { nodeKeys } from '../../electron/core/services/exchange/node-identity';
import { parentPeer } from '../../electron/core/services/exchange/peers';
import { outboxBytes } from '../../electron/core/services/exchange/outbox';
import { verifyPackage } from '../../electron/core/services/exchange/import';
import { runWrite } from '../../electron/core/db/write-path';
import { households, persons, memberships, conditions, incomes } from '../../electron/core/db/schema';
import { formatFigure, meets, round, type BenchFigure } from './measure';

export interface ExchangeBenchOptions {
  /** Reference county: 35 000 households (≈150 000 persons). */
  households?: number;
  /** Households edited and added in the simulated month. */
  monthlyEdits?: number;
  monthlyNew?: number;
}

const HUINING_TOWNSHIP_VILLAGES = 322;

function villageCode(i: number): string {
  // 28 townships × ~12 villages, codes in 会宁县's pattern (not all exist in the division table,
  // which nothing here needs).
  const township = 100 + (i % 28);
  const village = 1 + Math.floor(i / 28) % 12;
  return `620422${String(township).padStart(3, '0')}${String(village).padStart(3, '0')}`;
}

/** A county-size registry written with bare prepared statements (setup, not measured). */
export function fillCounty(node: TestNode, n: number): Record<string, number> {
  const db = node.station.db.$client;
  const now = new Date().toISOString();
  const ins = {
    household: db.prepare('INSERT INTO households (id, region_code, record, name_initials, member_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    person: db.prepare('INSERT INTO persons (id, record, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    membership: db.prepare('INSERT INTO memberships (id, household_id, person_id, relationship, sort_order, from_date) VALUES (?, ?, ?, ?, ?, ?)'),
    condition: db.prepare('INSERT INTO conditions (id, household_id, year, record) VALUES (?, ?, ?, ?)'),
    income: db.prepare('INSERT INTO incomes (id, household_id, year, record, per_capita_net_fen) VALUES (?, ?, ?, ?, ?)'),
    event: db.prepare("INSERT INTO household_events (id, household_id, type, date, year, detail, recorded_by, recorded_at) VALUES (?, ?, 'identified', '2014-06-01', 2014, ?, 'import', ?)"),
  };
  const counts = { households: 0, persons: 0, memberships: 0, conditions: 0, incomes: 0, household_events: 0 };
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const region = villageCode(i % HUINING_TOWNSHIP_VILLAGES);
      const f = family(region, `户主${i}`);
      const hid = randomUUID();
      const size = 3 + (i % 3); // 3–5 persons: ≈ 4.3 per household
      const members = f.members.slice(0, Math.min(size, 4));
      if (size === 5) members.push({ personId: null, record: { ...f.members[3]!.record, name: `成员${i}` } });
      members.forEach((m, k) => {
        m.record.idNumber = makeIdNumber('620422', `19${50 + (i % 50)}-0${1 + (k % 9)}-1${k}`, ((i * 7 + k) % 998) + 1);
      });
      ins.household.run(hid, region, JSON.stringify({ ...f.household, householdSize: members.length }), 'hz', members.length, now, now);
      counts.households++;
      members.forEach((m, k) => {
        const pid = randomUUID();
        ins.person.run(pid, JSON.stringify(m.record), now, now);
        ins.membership.run(randomUUID(), hid, pid, m.record.relationship, k, '2014-06-01');
        counts.persons++;
        counts.memberships++;
      });
      ins.condition.run(randomUUID(), hid, 2020, JSON.stringify(f.conditions));
      counts.conditions++;
      for (let y = 2016; y <= 2020; y++) {
        ins.income.run(randomUUID(), hid, y, JSON.stringify({ ...f.income, year: y }), 250_000 + y);
        counts.incomes++;
      }
      ins.event.run(randomUUID(), hid, JSON.stringify({ attribute: '1', mainCause: '09' }), now);
      counts.household_events++;
    }
  })();
  return counts;
}

/** A month at the county: edits to existing households and a few new ones, through the write path. */
function simulateMonth(node: TestNode, edits: number, added: number): void {
  const db = node.station.db;
  const ids = db.$client.prepare('SELECT id, record FROM households ORDER BY id LIMIT ?').all(edits) as { id: string; record: string }[];
  const now = new Date().toISOString();
  runWrite(db, node.caller.actor, { action: 'bench.month', entity: 'household' }, (w) => {
    for (const h of ids) w.update(households, h.id, { record: { ...(JSON.parse(h.record) as object), phone: '13900000000' }, updatedAt: now });
    for (let i = 0; i < added; i++) {
      const region = villageCode(i);
      const f = family(region, `新户${i}`);
      const hid = randomUUID();
      w.insert(households, { id: hid, regionCode: region, record: f.household, memberCount: 4, createdAt: now, updatedAt: now });
      f.members.forEach((m, k) => {
        const pid = randomUUID();
        w.insert(persons, { id: pid, record: m.record, createdAt: now, updatedAt: now });
        w.insert(memberships, { id: randomUUID(), householdId: hid, personId: pid, relationship: m.record.relationship, sortOrder: k, fromDate: now.slice(0, 10) });
      });
      w.insert(conditions, { id: randomUUID(), householdId: hid, year: 2020, record: f.conditions });
      w.insert(incomes, { id: randomUUID(), householdId: hid, year: 2020, record: f.income });
    }
  });
}

function rawInsertMs(node: TestNode, rows: number, bytesPerRow: number): number {
  const db = node.station.db.$client;
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

function sha256Ms(parts: Uint8Array[]): number {
  const t = performance.now();
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  h.digest();
  return performance.now() - t;
}

export async function benchExchange(options: ExchangeBenchOptions = {}): Promise<{ figures: BenchFigure[]; lines: string[]; json: object }> {
  const clock = () => new Date();
  const county = await makeNode('county', REGIONS.huining, clock);
  const province = await makeNode('province', REGIONS.province, clock);
  try {
    await connect(county, province);
    const n = options.households ?? 35_000;
    let t = performance.now();
    const counts = fillCounty(county, n);
    // A station's WAL is checkpointed every 1000 pages; one 400 MB setup transaction is not normal.
    county.station.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const fillMs = performance.now() - t;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);

    // What the payload is before compression: the bytes the baseline hashes.
    const keys = nodeKeys(county.station, county.secret);
    const content = collectReport(county.station, keys, parentPeer(county.station.db)!, 'snapshot');
    const rawBytes = content.files.reduce((a, f) => a + f.bytes.length, 0);
    const hashPayloadMs = sha256Ms(content.files.map((f) => f.bytes));

    t = performance.now();
    const full = await exportReport(county.station, county.caller, { mode: 'snapshot' });
    const exportMs = performance.now() - t;
    const pkg = outboxBytes(county.station.db, full.packageId);

    t = performance.now();
    const verified = await verifyPackage(province.station, pkg, { secret: null });
    const verifyMs = performance.now() - t;
    if (verified.status !== 'applied') throw new Error(`verify: ${verified.error?.message}`);
    const hashPackageMs = sha256Ms([pkg]);

    t = performance.now();
    const applied = await importBytes(province.station, province.caller, pkg, { source: 'file' });
    const applyMs = performance.now() - t;
    if (applied.status !== 'applied') throw new Error(`apply: ${applied.error?.message}`);
    const applyRate = (rows / applyMs) * 1000;
    const insertMs = rawInsertMs(province, rows, Math.round(rawBytes / rows));
    const insertRate = (rows / insertMs) * 1000;

    // A month later: the receipt is back, the clerks made their edits.
    await deliver(province, county);
    simulateMonth(county, options.monthlyEdits ?? 600, options.monthlyNew ?? 30);
    t = performance.now();
    const inc = await exportReport(county.station, county.caller);
    const incMs = performance.now() - t;
    const incRows = Object.values((inc.summary as { recordCounts: Record<string, number> }).recordCounts).reduce((a, b) => a + b, 0);
    const incPkg = outboxBytes(county.station.db, inc.packageId);
    t = performance.now();
    const incApplied = await importBytes(province.station, province.caller, incPkg, { source: 'file' });
    const incApplyMs = performance.now() - t;
    if (incApplied.status !== 'applied') throw new Error(`incremental apply: ${incApplied.error?.message}`);

    const figures: BenchFigure[] = [
      { name: `full county export, ${n} households / ${rows} rows (collect + gzip + age + sign + zip)`, value: exportMs, unit: 'ms', baseline: hashPayloadMs, baselineLabel: `SHA-256 of the ${round(rawBytes / 1048576)} MB payload`, target: 5_000 },
      { name: `monthly incremental export, ${incRows} rows`, value: incMs, unit: 'ms', baseline: sha256Ms([incPkg]), baselineLabel: 'SHA-256 of the package' },
      { name: 'verify at the parent (format, key, signature, expiry, every file hash, sequence)', value: verifyMs, unit: 'ms', baseline: hashPackageMs, baselineLabel: 'SHA-256 of the package file' },
      { name: 'verify + apply at the parent', value: applyRate, unit: 'records/s', baseline: insertRate, baselineLabel: 'bare prepared inserts, one transaction', target: 50_000, targetIsMax: false },
    ];
    const lines = [
      ...figures.map(formatFigure),
      `full county package: ${round(pkg.length / 1048576)} MB (payload ${round(rawBytes / 1048576)} MB uncompressed, ${round(rawBytes / pkg.length)}:1)`,
      `monthly incremental package: ${round(incPkg.length / 1024)} KB for ${incRows} rows; applied in ${round(incApplyMs)} ms`,
      `(setup: ${rows} rows written in ${round(fillMs)} ms)`,
    ];
    return {
      figures,
      lines,
      json: {
        households: n,
        rows,
        counts,
        payloadBytes: rawBytes,
        fullPackageBytes: pkg.length,
        fullExportMs: exportMs,
        sha256PayloadMs: hashPayloadMs,
        verifyMs,
        sha256PackageMs: hashPackageMs,
        applyMs,
        applyRecordsPerSec: applyRate,
        rawInsertRecordsPerSec: insertRate,
        incrementalRows: incRows,
        incrementalPackageBytes: incPkg.length,
        incrementalExportMs: incMs,
        incrementalApplyMs: incApplyMs,
        targetsMet: figures.every(meets),
      },
    };
  } finally {
    county.close();
    province.close();
  }
}

// `node --import tsx tests/bench/exchange-bench.ts [households]` runs it on its own.
if (process.argv[1]?.endsWith('exchange-bench.ts')) {
  const households = Number(process.argv[2] ?? '35000');
  benchExchange({ households }).then(
    (r) => {
      for (const line of r.lines) process.stdout.write(line + '\n');
    },
    (err) => {
      process.stderr.write(String(err?.stack ?? err) + '\n');
      process.exitCode = 1;
    },
  );
}
