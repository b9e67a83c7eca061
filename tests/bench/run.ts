// `npm run bench [-- --json] [-- --households N]`: the measured targets of design.md §7 on the
// reference county (会宁县, 35 000 households by default). Every figure is printed beside the same
// work done the barest way on this machine in the same run (its ratio), and its target.
//
// Order: the demo county is built once through the real CLI (that build is itself a figure),
// then household search and open, web-mode cold start, xlsx import, package exchange, printing.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeStation, openStation } from '../../electron/core/station';
import { tempDir, loginAs } from '../helpers/station';
import { benchRegistry, rawInsertMs } from './registry-bench';
import { benchColdStart } from './cold-start';
import { benchExchange } from './exchange-bench';
import { benchImport } from '../fixtures/xlsx/bench-import';
import { formatFigure, meets, type BenchFigure } from './measure';

const DEMO_LOGIN = { username: 'demo', password: 'Demo1234' };
const COUNTY = '620422000000';

const args = process.argv.slice(2);
const json = args.includes('--json');
const householdsArg = args.indexOf('--households');
const households = householdsArg >= 0 ? Number(args[householdsArg + 1]) : 35_000;
if (!Number.isInteger(households) || households < 100) throw new Error('--households must be an integer ≥ 100');

const say = (line: string): void => {
  if (!json) process.stdout.write(line + '\n');
};

interface Section {
  name: string;
  figures: BenchFigure[];
  notes: string[];
  extra?: object;
}

async function demoCounty(dir: string): Promise<{ db: string; section: Section }> {
  const db = join(dir, 'station.db');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['bin/fupin.js', 'demo', '--create', '--households', String(households), '--db', db], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`fupin demo failed: ${r.stderr}`);
  const station = await openStation(db, { dailyBackup: false });
  try {
    const c = station.db.$client;
    const rows = (c.prepare('SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM persons) + (SELECT count(*) FROM memberships) + (SELECT count(*) FROM conditions) + (SELECT count(*) FROM incomes) + (SELECT count(*) FROM household_events) AS n').get() as { n: number }).n;
    const bytes = (c.prepare('SELECT avg(length(record)) AS b FROM persons').get() as { b: number }).b;
    const raw = rawInsertMs(station, rows, Math.round(bytes));
    return {
      db,
      section: {
        name: 'demo county',
        figures: [{ name: `fupin demo: ${households} households, ${rows} rows (process start, generate, audited write, quality run)`, value: ms, unit: 'ms', baseline: raw, baselineLabel: `bare inserts of ${rows} rows of the same size, one transaction` }],
        notes: [r.stdout.trim().split('\n').filter((l) => l.startsWith('完成')).join('')],
      },
    };
  } finally {
    closeStation(station);
  }
}

async function registry(db: string): Promise<Section> {
  const station = await openStation(db, { dailyBackup: false });
  try {
    const token = await loginAs(station, DEMO_LOGIN.username, DEMO_LOGIN.password);
    return { name: 'registry', figures: await benchRegistry(station, token, COUNTY), notes: [] };
  } finally {
    closeStation(station);
  }
}

async function xlsxImport(db: string): Promise<Section> {
  const persons = Math.round(households * 4.3);
  const r = await benchImport(persons, { source: 'demo' });
  const station = await openStation(db, { dailyBackup: false });
  let raw: number;
  try {
    raw = rawInsertMs(station, r.households + r.persons * 2, 700);
  } finally {
    closeStation(station);
  }
  return {
    name: 'xlsx import',
    figures: [
      { name: `import of the county's national-layout xlsx (${r.households} households, ${r.persons} persons, ${r.fileMb} MB)`, value: r.importMs, unit: 'ms', baseline: raw, baselineLabel: 'bare inserts of the household, person and membership rows', target: 20_000 },
      { name: 'dry run of the same file (read, check, report per row)', value: r.dryRunMs, unit: 'ms', baseline: raw, baselineLabel: 'bare inserts of the same rows' },
      { name: 'importing the same file again (every household unchanged)', value: r.reimportMs, unit: 'ms', baseline: raw, baselineLabel: 'bare inserts of the same rows' },
    ],
    notes: [`import phases: read ${r.importPhases.readMs} ms, check ${r.importPhases.checkMs} ms, write ${r.importPhases.writeMs} ms; CPU ${r.importCpuMs} ms`],
    extra: r,
  };
}

async function printing(dir: string, db: string): Promise<Section | null> {
  const file = join(import.meta.dirname, 'print-bench.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { benchPrint: (options: { db: string; dir: string }) => Promise<BenchFigure[]> };
  return { name: 'printing', figures: await mod.benchPrint({ db, dir }), notes: [] };
}

async function main(): Promise<void> {
  const dir = tempDir('fupin-bench-');
  const sections: Section[] = [];
  const show = (s: Section) => {
    sections.push(s);
    say(`\n## ${s.name}`);
    for (const f of s.figures) say(formatFigure(f));
    for (const n of s.notes) if (n) say(n);
  };
  try {
    say(`Fupin Station benchmarks — 会宁县 demo county, ${households} households (design.md §7)`);
    const demo = await demoCounty(dir);
    show(demo.section);
    show(await registry(demo.db));
    show({ name: 'web mode', figures: [await benchColdStart(demo.db, DEMO_LOGIN)], notes: [] });
    show(await xlsxImport(demo.db));
    const ex = await benchExchange({ households });
    // the first lines are the figures themselves, formatted; the rest are sizes and set-up notes
    show({ name: 'exchange packages', figures: ex.figures, notes: ex.lines.slice(ex.figures.length), extra: ex.json });
    const print = await printing(dir, demo.db);
    if (print) show(print);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const all = sections.flatMap((s) => s.figures);
  const missed = all.filter((f) => !meets(f));
  say(`\n${all.length} figures, ${all.length - missed.length} within target, ${missed.length} missed${missed.length ? ': ' + missed.map((f) => f.name).join('; ') : ''}`);
  if (json) {
    const out = sections.map((s) => ({
      name: s.name,
      figures: s.figures.map((f) => ({ ...f, ratio: f.baseline > 0 ? f.value / f.baseline : null, met: meets(f) })),
      notes: s.notes,
      ...(s.extra ? { detail: s.extra } : {}),
    }));
    process.stdout.write(JSON.stringify({ households, sections: out }, null, 2) + '\n');
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exitCode = 1;
});
