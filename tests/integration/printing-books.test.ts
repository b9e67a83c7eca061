// The household books (户户3本账) and the statistics (统计表) on a real station with the demo
// county: Chromium renders, poppler reads back, and every figure is compared with this file's
// own SQL over the database (never with the service under test). The statistics also go to
// xlsx and are read back. PNG previews land in tests/artifacts/printing/ for a human look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { fillDemoCounty } from '../../electron/core/demo/fill-county';
import { maskIdNumber } from '../../electron/core/domain/masking';
import { createPlaywrightPdfRenderer, type PdfRenderer } from '../../electron/core/printing/pdf-renderer';
import { renderDocument, type PrintRequest } from '../../electron/core/services/printing/render';
import { exportStatisticsXlsx } from '../../electron/core/services/printing/statistics';
import { makeStation, HUINING, type TestStation } from '../helpers/station';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/printing');
const TOWNSHIP = '620422100000'; // 会师镇
const YEAR = 2020;
const END = `${YEAR}-12-31`;
const ACTOR = { userId: null, username: 'tester' };

let ts: TestStation;
let renderer: PdfRenderer;
let village: { code: string; name: string };
const all = <T>(sql: string, ...p: unknown[]): T[] => ts.station.db.$client.prepare(sql).all(...p) as T[];
const one = <T>(sql: string, ...p: unknown[]): T => ts.station.db.$client.prepare(sql).get(...p) as T;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ts = await makeStation();
  fillDemoCounty(ts.station, { households: 300, seed: 11, townships: 1 });
  renderer = createPlaywrightPdfRenderer();
  const v = one<{ code: string; name: string }>('SELECT h.region_code AS code, r.name FROM households h JOIN regions r ON r.code = h.region_code GROUP BY h.region_code ORDER BY count(*) DESC LIMIT 1');
  village = { code: v.code, name: v.name.replace(/村民委员会$/, '村') };
}, 180_000);
afterAll(async () => {
  await renderer?.close();
  ts?.close();
});

// ---- this test's own reading of the database ------------------------------------------------

/** On the books at the end of YEAR: identified by then and not removed (the demo has no removals). */
const REGISTERED = `EXISTS (SELECT 1 FROM household_events e WHERE e.household_id = h.id AND e.type IN ('identified', 'identification.approved') AND e.date <= :end)
  AND NOT EXISTS (SELECT 1 FROM household_events e WHERE e.household_id = h.id AND e.type = 'household.removed' AND e.date <= :end)`;
const PERSONS = `(SELECT count(*) FROM memberships m WHERE m.household_id = h.id AND m.from_date <= :end AND (m.to_date IS NULL OR m.to_date > :end))`;

interface Home {
  id: string;
  village: string;
  head: string;
  idNumber: string | null;
  phone: string | null;
  persons: number;
  attribute: string | null;
  cause: string | null;
  exitYear: number | null;
  exitStatus: string | null;
  dataYear: number;
}
function registered(prefix: string): Home[] {
  return all<Home>(
    `SELECT h.id, h.region_code AS village, json_extract(h.record, '$.headName') AS head, json_extract(h.record, '$.headIdNumber') AS idNumber,
            json_extract(h.record, '$.phone') AS phone, ${PERSONS} AS persons, json_extract(h.record, '$.attribute') AS attribute,
            json_extract(h.record, '$.mainCause') AS cause, json_extract(h.record, '$.exitYear') AS exitYear,
            json_extract(h.record, '$.exitStatus') AS exitStatus, json_extract(h.record, '$.dataYear') AS dataYear
       FROM households h WHERE h.region_code LIKE :prefix AND ${REGISTERED} ORDER BY h.id`,
    { prefix: `${prefix}%`, end: END },
  );
}

// ---- poppler --------------------------------------------------------------------------------

function save(name: string, bytes: Uint8Array): string {
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}
function pdfInfo(file: string): { pages: number; sizes: [number, number][] } {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  return { pages, sizes: [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]) };
}
const rawText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
// The draft watermark's characters land between words in pdftotext: drop them and all spacing.
const squeeze = (s: string) => s.replace(/[草稿未审定\s]/g, '');
const png = (file: string, prefix: string, last = 3) => execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', String(last), file, join(ARTIFACTS, prefix)]);
const mm = (pt: number) => (pt * 25.4) / 72;

async function print(req: Omit<PrintRequest, 'year'>) {
  return renderDocument(ts.station, ACTOR, renderer, { year: YEAR, ...req } as PrintRequest);
}

describe('户户3本账', () => {
  it('prints one household\'s three books on A4: plan rows, every measure with its amount, every ledger line, the ID masked', async () => {
    // The village's registered household with the most measures and ledger lines in the year.
    const pick = one<{ id: string }>(
      `SELECT h.id FROM households h WHERE h.region_code = :v AND ${REGISTERED}
        ORDER BY (SELECT count(*) FROM assistance_measures m WHERE m.household_id = h.id AND m.year = :y) + (SELECT count(*) FROM assistance_ledger l WHERE l.household_id = h.id AND l.date LIKE :yl) DESC LIMIT 1`,
      { v: village.code, end: END, y: YEAR, yl: `${YEAR}-%` },
    );
    const home = registered(village.code).find((h) => h.id === pick.id)!;
    const measures = all<{ project: string; amount: number | null }>('SELECT project_name AS project, amount FROM assistance_measures WHERE household_id = ? AND year = ?', home.id, YEAR);
    const ledger = all<{ content: string; date: string }>("SELECT content, date FROM assistance_ledger WHERE household_id = ? AND date LIKE ?", home.id, `${YEAR}-%`);
    const plan = one<{ indicators: string; plannedExitYear: number | null } | undefined>('SELECT indicators, planned_exit_year AS plannedExitYear FROM assistance_plans WHERE household_id = ? AND year <= ? ORDER BY year DESC LIMIT 1', home.id, YEAR);
    expect(measures.length + ledger.length).toBeGreaterThan(0);

    const r = await print({ document: 'household-books', scope: { householdId: home.id } });
    const file = save('household-books', r.bytes);
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    for (const [w, h] of info.sizes) {
      expect(Math.abs(mm(w) - 210)).toBeLessThan(1);
      expect(Math.abs(mm(h) - 297)).toBeLessThan(1);
    }
    const raw = rawText(file);
    const t = squeeze(raw);
    for (const book of ['脱贫计划', '帮扶措施', '工作台账']) expect(t).toContain(`${YEAR}年度${book}`);
    expect(t).toContain(`户主：${squeeze(home.head)}`);
    for (const m of measures) {
      expect(t).toContain(squeeze(m.project).slice(0, 6));
      if (m.amount !== null) expect(t).toContain(String(m.amount));
    }
    const total = measures.reduce((s, m) => s + (m.amount ?? 0), 0);
    if (measures.length) expect(t).toContain(`本年度共落实帮扶措施${measures.length}项，投入资金合计${Number.isInteger(total) ? total : total.toFixed(2)}元`);
    for (const l of ledger) {
      expect(t).toContain(squeeze(l.content).slice(0, 8));
      expect(t).toContain(`${YEAR}年${Number(l.date.slice(5, 7))}月${Number(l.date.slice(8, 10))}日`);
    }
    if (plan) {
      for (const i of JSON.parse(plan.indicators) as { label: string }[]) expect(t).toContain(squeeze(i.label));
      if (plan.plannedExitYear) expect(t).toContain(`计划脱贫年度：${plan.plannedExitYear}年`);
    }
    // The ID number only masked; no bank account, no household phone.
    expect(home.idNumber).toBeTruthy();
    expect(raw.replace(/\s+/g, '')).not.toContain(home.idNumber!);
    expect(t).toContain(maskIdNumber(home.idNumber));
    if (home.phone) expect(raw.replace(/\s+/g, '')).not.toContain(home.phone);
    const banks = all<{ account: string | null }>("SELECT json_extract(record, '$.bankAccount') AS account FROM households WHERE id = ?", home.id);
    for (const b of banks) if (b.account) expect(raw.replace(/\s+/g, '')).not.toContain(b.account);
    // 2020 is not closed: draft.
    expect(r.draft).toBe(true);
    png(file, 'household-books');
  });

  it('prints a village\'s books in one file: every registered household, three books each', async () => {
    const homes = registered(village.code);
    const r = await print({ document: 'household-books', scope: { village: village.code } });
    expect(r.title).toBe(`${village.name}户户3本账（${homes.length} 户）`);
    const file = save('household-books-village', r.bytes);
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(3 * homes.length);
    const t = squeeze(rawText(file));
    for (const h of homes) expect(t.split(`户主：${squeeze(h.head)}`).length - 1, h.head).toBeGreaterThanOrEqual(3);
    const ids = all<{ id: string | null }>("SELECT json_extract(record, '$.headIdNumber') AS id FROM households WHERE region_code = ?", village.code);
    const flat = rawText(file).replace(/\s+/g, '');
    for (const x of ids) if (x.id) expect(flat).not.toContain(x.id);
    const audit = one<{ after: string }>("SELECT after FROM audit_log WHERE action = 'print.document' ORDER BY seq DESC LIMIT 1");
    expect(audit.after).toContain('户户3本账');
    expect(audit.after).toContain('身份证号显示前2位、后3位');
  }, 120_000);

  it('refuses a wrong scope in Chinese', async () => {
    await expect(print({ document: 'household-books', scope: { region: TOWNSHIP } })).rejects.toThrow('按村打印，请选择村');
    await expect(print({ document: 'cause-table', scope: { householdId: registered(village.code)[0]!.id } })).rejects.toThrow('「贫困人口致贫原因表」按村打印，请选择村');
    await expect(print({ document: 'household-books', scope: { village: TOWNSHIP } })).rejects.toThrow(`「${TOWNSHIP}」不是本库中的村级区划代码`);
    await expect(print({ document: 'household-books', scope: { householdId: 'nobody' } })).rejects.toThrow('该户不存在或已删除');
  });
});

// ---- statistics -----------------------------------------------------------------------------

interface Expected {
  households: number;
  persons: number;
  exited: number;
  exitsOfYear: number;
  general: number;
  dibao: number;
  wubao: number;
  causes: Map<string, number>;
}
/**
 * The demo's exits are on the forms, as registries imported from the 国办系统 have them: 脱贫年度
 * with 脱贫状态 1 (已脱贫) or 3 (返贫); a 返贫 counts from the start of the form's data year.
 */
function exitedOnEnd(h: Home): boolean {
  if (h.exitYear === null || h.exitYear > YEAR || (h.exitStatus !== '1' && h.exitStatus !== '3')) return false;
  return !(h.exitStatus === '3' && h.dataYear > h.exitYear && h.dataYear <= YEAR);
}

function expectedOf(homes: Home[]): Expected {
  const causes = new Map<string, number>();
  for (const h of homes) causes.set(h.cause ?? '', (causes.get(h.cause ?? '') ?? 0) + 1);
  return {
    households: homes.length,
    persons: homes.reduce((s, h) => s + h.persons, 0),
    exited: homes.filter(exitedOnEnd).length,
    exitsOfYear: homes.filter((h) => h.exitYear === YEAR).length,
    general: homes.filter((h) => h.attribute === '1').length,
    dibao: homes.filter((h) => h.attribute === '2').length,
    wubao: homes.filter((h) => h.attribute === '3').length,
    causes,
  };
}

/** Cells of one line of the statistics table as pdftotext gives it: numbers and percentages. */
const numbersOf = (line: string) => line.trim().split(/\s+/).filter((x) => /^[\d.]+%?$|^—$/.test(x));

describe('统计表', () => {
  it('prints a township by village on A3 landscape: every village\'s figures from SQL, rows summing to the total', async () => {
    const villages = all<{ code: string; name: string }>("SELECT code, name FROM regions WHERE level = 'village' AND code LIKE ? ORDER BY code", `${TOWNSHIP.slice(0, 9)}%`);
    const homes = registered(TOWNSHIP.slice(0, 9));
    const r = await print({ document: 'statistics', scope: { region: TOWNSHIP } });
    const file = save('statistics-township', r.bytes);
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    for (const [w, h] of info.sizes) {
      expect(Math.abs(mm(w) - 420)).toBeLessThan(1);
      expect(Math.abs(mm(h) - 297)).toBeLessThan(1);
    }
    const raw = rawText(file);
    const t = squeeze(raw);
    expect(t).toContain(`${YEAR}年度会师镇建档立卡贫困人口统计表`);
    for (const head of ['建档立卡', '已脱贫', '当年脱贫', '贫困户属性', '主要致贫原因', '贫困发生率', '合计']) expect(t).toContain(head);
    // Each village's line (pdftotext -layout) starts with its number and name, then its figures in column order.
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n');
    const rowCells: string[][] = [];
    let checked = 0;
    for (const [i, v] of villages.entries()) {
      const name = v.name.replace(/村民委员会$/, '村').replace(/居民委员会$/, '');
      const line = lines.find((l) => new RegExp(`^\\s*${i + 1}\\s+${name}\\s`).test(l));
      expect(line, name).toBeDefined();
      const cells = numbersOf(line!.replace(name, ' ').trim().slice(String(i + 1).length));
      rowCells.push(cells);
      const e = expectedOf(homes.filter((h) => h.village === v.code));
      expect(cells.slice(0, 2).map(Number), name).toEqual([e.households, e.persons]);
      expect(Number(cells[5]), name).toBe(e.exited);
      expect(Number(cells[7]), name).toBe(e.exitsOfYear);
      if (e.households > 0) checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
    const totalLine = lines.find((l) => l.trim().startsWith('合计'))!;
    const totals = numbersOf(totalLine.replace('合计', ''));
    const e = expectedOf(homes);
    expect(totals.slice(0, 2).map(Number)).toEqual([e.households, e.persons]);
    expect(Number(totals[5])).toBe(e.exited);
    // every count column (all but the rate) of the villages adds up to the 合计 line
    expect(totals.length).toBe(rowCells[0]!.length);
    for (let c = 0; c < totals.length - 1; c++) expect(rowCells.reduce((s, r) => s + Number(r[c]), 0), `column ${c}`).toBe(Number(totals[c]));
    expect(totals[totals.length - 1]).toMatch(/^\d+\.\d\d%$/);
    png(file, 'statistics-township', 1);
  });

  it('exports the county by township to xlsx: figures from SQL, every column of the rows summing to the total', async () => {
    const out = join(ts.dir, 'statistics.xlsx');
    const res = await exportStatisticsXlsx(ts.station, { regionCode: HUINING, year: YEAR, out });
    const townships = all<{ code: string; name: string }>("SELECT code, name FROM regions WHERE level = 'township' AND code LIKE ? ORDER BY code", `${HUINING.slice(0, 6)}%`);
    expect(res.rows).toBe(townships.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('统计表')!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(String(row(1)[0])).toContain(`${YEAR}年度会宁县建档立卡贫困人口统计表`);
    const groups = row(2).map((x) => (x === null || x === undefined ? '' : String(x)));
    const labels = row(3).map((x) => (x === null || x === undefined ? '' : String(x)));
    const col = (group: string, label: string): number => {
      for (let i = 0; i < labels.length; i++) {
        // merged group headings repeat their text over the merged cells in exceljs
        if ((groups[i] === group || group === '') && (labels[i] === label || (group === '' && groups[i] === label))) return i;
      }
      throw new Error(`no column ${group}/${label}`);
    };
    const data = townships.map((_, i) => row(4 + i));
    const total = row(4 + townships.length);
    expect(total[1]).toBe('合计');
    const homes = registered(HUINING.slice(0, 6));
    townships.forEach((tw, i) => {
      expect(data[i]![1]).toBe(tw.name);
      const e = expectedOf(homes.filter((h) => h.village.startsWith(tw.code.slice(0, 9))));
      expect(data[i]![col('建档立卡', '户数')], tw.name).toBe(e.households);
      expect(data[i]![col('建档立卡', '人数')], tw.name).toBe(e.persons);
      expect(data[i]![col('已脱贫', '户数')], tw.name).toBe(e.exited);
      expect(data[i]![col('当年脱贫', '户数')], tw.name).toBe(e.exitsOfYear);
      expect(data[i]![col('贫困户属性（户）', '一般贫困户')], tw.name).toBe(e.general);
      expect(data[i]![col('贫困户属性（户）', '低保贫困户')], tw.name).toBe(e.dibao);
      expect(data[i]![col('贫困户属性（户）', '特困供养贫困户')], tw.name).toBe(e.wubao);
    });
    const e = expectedOf(homes);
    expect(e.households).toBeGreaterThan(100);
    expect(total[col('建档立卡', '户数')]).toBe(e.households);
    // Every numeric column: the rows add up to the total; the attribute and cause columns add up to the registered households.
    for (let c = 2; c < labels.length; c++) {
      if (typeof total[c] !== 'number') continue;
      expect(data.reduce((s, r) => s + (r[c] as number), 0), `${groups[c]}/${labels[c]}`).toBe(total[c]);
    }
    const causeCols = labels.map((_, i) => i).filter((i) => groups[i] === '主要致贫原因（户）');
    const attrCols = labels.map((_, i) => i).filter((i) => groups[i] === '贫困户属性（户）');
    expect(causeCols.length).toBeGreaterThan(3);
    for (const r of [...data, total]) {
      const reg = r[col('建档立卡', '户数')] as number;
      expect(causeCols.reduce((s, i) => s + (r[i] as number), 0)).toBe(reg);
      expect(attrCols.reduce((s, i) => s + (r[i] as number), 0)).toBe(reg);
      expect((r[col('未脱贫', '户数')] as number) + (r[col('已脱贫', '户数')] as number)).toBe(reg);
    }
    // the causes as this test counts them from the forms: the biggest column is the biggest cause
    const byLabel = new Map(causeCols.map((i) => [labels[i]!, total[i] as number]));
    expect([...byLabel.values()].reduce((s, n) => s + n, 0)).toBe(e.households);
    expect(Math.max(...byLabel.values())).toBe(Math.max(...e.causes.values()));
  });

  it('prints the county by township and refuses a wrong scope in Chinese', async () => {
    const r = await print({ document: 'statistics', scope: { region: HUINING } });
    const file = save('statistics-county', r.bytes);
    const t = squeeze(rawText(file));
    expect(t).toContain('按乡镇统计');
    expect(t).toContain('会师镇');
    png(file, 'statistics-county', 1);
    await expect(print({ document: 'statistics', scope: { village: village.code } })).rejects.toThrow('「建档立卡贫困人口统计表」按乡镇或县统计，请选择乡镇或县');
    await expect(print({ document: 'statistics', scope: { region: village.code } })).rejects.toThrow(`「${village.code}」不是本库中的乡镇或县级区划代码`);
    await expect(exportStatisticsXlsx(ts.station, { regionCode: '123', year: YEAR, out: join(ts.dir, 'x.xlsx') })).rejects.toThrow('不是本库中的乡镇或县级区划代码');
  });
});
