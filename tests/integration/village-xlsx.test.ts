// The village forms (贫困村信息采集表) as xlsx on real station files: export of a township and
// the county, an export→import round trip into a fresh station, a file with bad rows (refused
// whole, or only its good rows applied), re-import, bad files, the API and the command line.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { fillDemoCounty } from '../../electron/core/demo/fill-county';
import { VILLAGE_FIELDS } from '../../electron/core/domain/registry/village-form';
import { exportVillageXlsx } from '../../electron/core/services/xlsx/village-export';
import { villageImportApply, villageImportDryRun, type VillageImportReport } from '../../electron/core/services/xlsx/village-import';
import { exportXlsx } from '../../electron/core/services/xlsx/export';
import { storeUpload } from '../../electron/core/services/transfer-files';
import { exportCommand, importCommand } from '../../electron/cli/xlsx-commands';
import { AppError } from '../../electron/core/api/errors';
import type { Station } from '../../electron/core/station';
import { makeStation, ok, callApi, loginAs, ADMIN, HUINING, type TestStation } from '../helpers/station';

const TOWNSHIP = '620422100000'; // 会师镇, the one the demo fills
const OTHER_TOWNSHIP = '620422101000';
const CLI = { userId: null, username: 'cli' };
const HEADERS = ['村代码', '乡（镇）', '年度', ...VILLAGE_FIELDS.map((f) => f.label)];

let ts: TestStation;
let admin: string;
let clerk: string;

beforeAll(async () => {
  ts = await makeStation();
  fillDemoCounty(ts.station, { households: 60, seed: 5, townships: 1 });
  admin = await loginAs(ts.station, ADMIN.username, ADMIN.password);
  await ok(ts.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: TOWNSHIP, password: 'Clerk1234' }, admin);
  clerk = await loginAs(ts.station, 'clerk', 'Clerk1234');
}, 60_000);
afterAll(() => ts?.close());

const all = <T>(station: Station, sql: string, ...p: unknown[]): T[] => station.db.$client.prepare(sql).all(...p) as T[];
const count = (station: Station, sql: string, ...p: unknown[]): number => (station.db.$client.prepare(sql).get(...p) as { n: number }).n;

/** Every stored form below a region, by code: what a lossless round trip must give back. */
function forms(station: Station, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    all<{ code: string; record: string }>(station, 'SELECT region_code AS code, record FROM villages WHERE region_code LIKE ? ORDER BY region_code', `${prefix}%`).map((r) => [r.code, JSON.parse(r.record)]),
  );
}

const villageCodes = (station: Station, prefix: string) => all<{ code: string }>(station, "SELECT code FROM regions WHERE level = 'village' AND code LIKE ? ORDER BY code", `${prefix}%`).map((r) => r.code);

async function exported(regionCode: string, name: string): Promise<string> {
  const file = join(ts.dir, name);
  await exportVillageXlsx(ts.station, { regionCode, out: file });
  return file;
}

/** A copy of `file` with cells changed: (row's 村代码, heading) → value. */
async function edited(file: string, out: string, edits: (ws: ExcelJS.Worksheet, rowOf: (code: string) => ExcelJS.Row, col: (heading: string) => number) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(1).values as unknown[];
  const col = (heading: string) => {
    const i = header.indexOf(heading);
    if (i < 0) throw new Error(`no column ${heading}`);
    return i;
  };
  const rowOf = (code: string) => {
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).text === code) return ws.getRow(r);
    throw new Error(`no row for ${code}`);
  };
  edits(ws, rowOf, col);
  await wb.xlsx.writeFile(out);
  return out;
}

const at = (report: Pick<VillageImportReport, 'problems'>, row: number) => report.problems.filter((p) => p.row === row);

describe('export', () => {
  it('writes one sheet 贫困村信息: the form\'s labels as headings, every village of the region in code order, values typed', async () => {
    const file = await exported(HUINING, 'county.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['贫困村信息']);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const codes = villageCodes(ts.station, '620422');
    expect(codes.length).toBeGreaterThan(300); // 会宁县's real divisions, whether filled or not
    expect(ws.rowCount).toBe(codes.length + 1);
    const col = (h: string) => HEADERS.indexOf(h) + 1;
    const column = [];
    for (let r = 2; r <= ws.rowCount; r++) column.push(ws.getRow(r).getCell(1).value);
    expect(column).toEqual(codes);

    const stored = forms(ts.station, '620422100');
    const [code, record] = Object.entries(stored)[0]! as [string, Record<string, unknown>];
    const row = ws.getRow(codes.indexOf(code) + 2);
    expect(row.getCell(col('总人口数')).value).toBe(record.populationCount);
    expect(typeof row.getCell(col('经度')).value).toBe('number');
    expect(row.getCell(col('是否有驻村工作队')).value).toBe(record.hasResidentTeam ? '是' : '否');
    expect(row.getCell(col('村属性')).value).toMatch(/贫困村/);
    expect(row.getCell(col('乡（镇）')).value).toBe('会师镇');
    expect(row.getCell(col('联系电话')).value).toBe(record.phone);

    // a village of another township has no form yet: its row names it and leaves the fields empty
    const empty = ws.getRow(codes.indexOf(villageCodes(ts.station, '620422101')[0]!) + 2);
    expect(empty.getCell(col('村名')).text).not.toBe('');
    expect(empty.getCell(col('总人口数')).value).toBeNull();
  });

  it('refuses a code that is not a region, and a region without villages', async () => {
    await expect(exportVillageXlsx(ts.station, { regionCode: '6204', out: join(ts.dir, 'x.xlsx') })).rejects.toThrow('区划代码应为 12 位数字');
    await expect(exportVillageXlsx(ts.station, { regionCode: '620422999000', out: join(ts.dir, 'x.xlsx') })).rejects.toThrow('下没有村级区划');
  });
});

describe('export → import', () => {
  it('is lossless into a fresh station: every field of every village equal; importing again changes nothing', async () => {
    const source = forms(ts.station, '620422100');
    expect(Object.keys(source).length).toBeGreaterThan(10);
    const file = await exported(TOWNSHIP, 'township.xlsx');

    const fresh = await makeStation();
    try {
      expect(count(fresh.station, 'SELECT count(*) AS n FROM villages')).toBe(0);
      const dry = await villageImportDryRun(fresh.station, file);
      const villages = villageCodes(ts.station, '620422100').length;
      expect(dry.summary).toMatchObject({ rows: villages, invalidVillages: 0, newVillages: Object.keys(source).length, changedVillages: 0, errors: 0 });
      // rows of villages without a form, as empty as the form they would open with, stay without one
      expect(dry.summary.unchangedVillages).toBe(villages - Object.keys(source).length);
      expect(dry.ignoredColumns).toEqual([]);
      expect(count(fresh.station, 'SELECT count(*) AS n FROM villages')).toBe(0);

      const applied = await villageImportApply(fresh.station, CLI, file, 'all-or-nothing');
      expect(applied.applied).toEqual({ inserted: Object.keys(source).length, updated: 0, unchanged: villages - Object.keys(source).length, skipped: 0 });
      expect(forms(fresh.station, '620422100')).toEqual(source);

      const changesBefore = count(fresh.station, 'SELECT count(*) AS n FROM change_log');
      const updatedBefore = all(fresh.station, 'SELECT region_code, updated_at FROM villages ORDER BY region_code');
      const again = await villageImportApply(fresh.station, CLI, file, 'all-or-nothing');
      expect(again.applied).toMatchObject({ inserted: 0, updated: 0, skipped: 0 });
      expect(count(fresh.station, 'SELECT count(*) AS n FROM change_log')).toBe(changesBefore);
      expect(all(fresh.station, 'SELECT region_code, updated_at FROM villages ORDER BY region_code')).toEqual(updatedBefore);
      // one audit entry per apply, as the household import: the second one says nothing changed
      const audits = all<{ after: string | null }>(fresh.station, "SELECT after FROM audit_log WHERE action = 'registry.village.import' ORDER BY seq");
      expect(audits).toHaveLength(2);
      expect(JSON.parse(audits[1]!.after!)).toEqual({ _notes: { import: expect.objectContaining({ inserted: 0, updated: 0, sha256: again.file.sha256 }) } });
    } finally {
      fresh.close();
    }
    // and back into the station it came from: nothing to change
    const home = await villageImportDryRun(ts.station, file);
    expect(home.summary).toMatchObject({ newVillages: 0, changedVillages: 0, invalidVillages: 0 });
  });
});

describe('a file with bad rows', () => {
  it('names each problem by row, field and rule; all-or-nothing changes nothing; valid-only writes the good rows only', async () => {
    const base = await exported(TOWNSHIP, 'base.xlsx');
    const stored = forms(ts.station, '620422100');
    const [a, b, c, d, good] = Object.keys(stored) as [string, string, string, string, string];
    const households = (stored[a] as { householdCount: number }).householdCount;
    const otherVillage = villageCodes(ts.station, '620422101')[0]!;
    const rows: Record<string, number> = {};
    const file = await edited(base, join(ts.dir, 'bad.xlsx'), (_ws, rowOf, col) => {
      const r = (code: string) => ((rows[code] = rowOf(code).number), rowOf(code));
      r(a).getCell(col('低保户数')).value = households + 5; // a part larger than its whole
      r(b).getCell(col('总人口数')).value = '一千二'; // text in a number field
      r(c).getCell(1).value = '620422100999'; // no such village
      r(d).getCell(1).value = otherVillage; // another township's village
      r(good).getCell(col('农民专业合作社个数')).value = 9;
      r(good).getCell(col('村负责人')).value = '王建国';
    });
    const unchanged = { forms: forms(ts.station, '620422'), audits: count(ts.station, 'SELECT count(*) AS n FROM audit_log'), changes: count(ts.station, 'SELECT count(*) AS n FROM change_log') };

    const dry = await villageImportDryRun(ts.station, file, { scopeCode: TOWNSHIP });
    expect(at(dry, rows[a]!)).toContainEqual(expect.objectContaining({ field: '低保户数', rule: 'VILLAGE-PART', severity: 'error', message: expect.stringContaining(`${households + 5} 大于「总户数」${households}`) }));
    expect(at(dry, rows[b]!)).toContainEqual(expect.objectContaining({ field: '总人口数', rule: 'IMP-NUMBER', message: '「总人口数」应为数字，实际为“一千二”' }));
    expect(at(dry, rows[c]!)).toEqual([expect.objectContaining({ field: '村代码', rule: 'IMP-REGION', message: expect.stringContaining('620422100999 不是本库中会师镇的村') })]);
    expect(at(dry, rows[d]!)).toEqual([expect.objectContaining({ field: '村代码', rule: 'IMP-SCOPE', message: expect.stringContaining('不在会师镇范围内：超出管辖范围') })]);
    expect(at(dry, rows[good]!).filter((p) => p.severity === 'error')).toEqual([]);
    expect(dry.summary).toMatchObject({ invalidVillages: 4, changedVillages: 1, newVillages: 0 });
    // the bad number is reported once, not again by the rules on the value it left in place
    expect(at(dry, rows[b]!).filter((p) => p.field === '总人口数')).toHaveLength(1);

    const refused = await villageImportApply(ts.station, CLI, file, 'all-or-nothing', { scopeCode: TOWNSHIP }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).kind).toBe('ROW_INVALID');
    expect((refused as AppError).message).toMatch(/有 4 个村（共 5 处错误）未通过检查.*未导入任何数据。例如：第 \d+ 行：「低保户数」/);
    expect(forms(ts.station, '620422')).toEqual(unchanged.forms);
    expect(count(ts.station, 'SELECT count(*) AS n FROM audit_log')).toBe(unchanged.audits);
    expect(count(ts.station, 'SELECT count(*) AS n FROM change_log')).toBe(unchanged.changes);

    const partial = await villageImportApply(ts.station, CLI, file, 'valid-only', { scopeCode: TOWNSHIP });
    expect(partial.applied).toMatchObject({ inserted: 0, updated: 1, skipped: 4 });
    const after = forms(ts.station, '620422');
    expect(after[good]).toEqual({ ...(stored[good] as object), cooperativeCount: 9, leaderName: '王建国' });
    for (const code of Object.keys(after)) if (code !== good) expect(after[code], code).toEqual(unchanged.forms[code]);
    // the change went through the write path: one changed row in the change log
    expect(count(ts.station, 'SELECT count(*) AS n FROM change_log')).toBe(unchanged.changes + 1);

    // the file is no longer the one the dry run saw
    await expect(villageImportApply(ts.station, CLI, file, 'valid-only', { scopeCode: TOWNSHIP, expectedSha256: '0'.repeat(64) })).rejects.toThrow('文件在预检之后被修改过');
  });

  it('reads headings typed by hand (spaces, full-width brackets, aliases) and a file with only some columns, keeping the rest', async () => {
    const code = Object.keys(forms(ts.station, '620422100'))[3]!;
    const before = forms(ts.station, code)[code] as Record<string, unknown>;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['会师镇村情统计']);
    ws.addRow([' 行政区划代码 ', '耕地面积 (亩)', '总 户 数', '是否通客运班车', '上年遭受自然灾害类型', '备注']);
    ws.addRow([code, 1234.5, before.householdCount, '否', '旱，涝', '核实过']);
    const file = join(ts.dir, 'partial.xlsx');
    await wb.xlsx.writeFile(file);
    const dry = await villageImportDryRun(ts.station, file);
    expect(dry.file).toMatchObject({ sheetName: 'Sheet1', headerRow: 2 });
    expect(dry.ignoredColumns).toEqual(['备注']);
    expect(dry.problems.filter((p) => p.severity === 'error')).toEqual([]);
    await villageImportApply(ts.station, CLI, file, 'all-or-nothing');
    const after = forms(ts.station, code)[code] as Record<string, unknown>;
    expect(after).toMatchObject({ farmlandArea: 1234.5, hasBusService: false, populationCount: before.populationCount, leaderName: before.leaderName });
    expect(after.disastersLastYear).toHaveLength(2);
  });
});

describe('bad files', () => {
  it('are refused with a sentence saying what is wrong, and nothing is written', async () => {
    const before = forms(ts.station, '620422');
    const audits = count(ts.station, 'SELECT count(*) AS n FROM audit_log');
    const write = (name: string, bytes: string | Uint8Array) => {
      const p = join(ts.dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const book = async (name: string, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('表1');
      for (const r of rows) ws.addRow(r);
      const p = join(ts.dir, name);
      await wb.xlsx.writeFile(p);
      return p;
    };
    const household = join(ts.dir, 'households.xlsx');
    await exportXlsx(ts.station, { regionCode: TOWNSHIP, layout: 'person', out: household });
    const cases: [string, string][] = [
      [write('名单.xlsx', '村代码,村名\n620422100201,高湾村\n'), '不是 xlsx 文件：文件内容是文本'],
      [write('空.xlsx', ''), '文件是空的'],
      [write('junk.xlsx', Buffer.from([0x13, 0x37, 0x00, 0xff, 0x42, 0x00, 0x01, 0x02, 0x99, 0x00])), '不是 xlsx 文件'],
      [write('doc.xlsx', zipSync({ 'word/document.xml': strToU8('<w:document/>') })), '不是 Excel 工作簿'],
      [write('cut.xlsx', readFileSync(household).subarray(0, 3000)), '文件已损坏或不完整'],
      [await book('other.xlsx', [['姓名', '年龄', '住址'], ['张三', 40, '高湾村']]), '没有找到贫困村信息表'],
      [await book('nocode.xlsx', [['村名', '总户数', '总人口数'], ['高湾村', 300, 1200]]), '缺少必需的列：村代码'],
      [await book('header.xlsx', [HEADERS]), '只有表头（第 1 行），没有村的数据行'],
      [await book('blank.xlsx', []), '所有工作表都是空的'],
      [household, '是贫困户、贫困人口信息表'],
    ];
    for (const [file, message] of cases) {
      const err = await villageImportDryRun(ts.station, file).catch((e: unknown) => e);
      expect(err, file).toBeInstanceOf(AppError);
      expect((err as AppError).kind, file).toBe('INVALID_INPUT');
      expect((err as AppError).message, file).toContain(message);
      await expect(villageImportApply(ts.station, CLI, file, 'valid-only')).rejects.toThrow(message);
    }
    expect(forms(ts.station, '620422')).toEqual(before);
    expect(count(ts.station, 'SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });
});

describe('through the API', () => {
  it('exports the clerk\'s township, refuses another one, and dry-runs and applies an upload in the clerk\'s scope', async () => {
    const view = await ok(ts.station, 'registry.exportVillageXlsx', { regionCode: TOWNSHIP }, clerk);
    expect(view.fileName).toMatch(/^村信息表-会师镇-\d{8}\.xlsx$/);
    expect(view.rows).toBe(villageCodes(ts.station, '620422100').length);
    const theirs = await callApi(ts.station, 'registry.exportVillageXlsx', { regionCode: OTHER_TOWNSHIP }, clerk);
    expect(theirs.ok).toBe(false);
    if (!theirs.ok) expect(theirs.error.kind).toBe('SCOPE_DENIED');

    // the county's file uploaded by the township clerk: every other township's row is refused by name
    const county = await exported(HUINING, 'county-api.xlsx');
    const { fileRef } = storeUpload(ts.station, readFileSync(county), '全县村信息.xlsx');
    const dry = await ok(ts.station, 'registry.villageImportDryRun', { uploadRef: fileRef }, clerk);
    expect(dry.file.name).toBe('全县村信息.xlsx');
    expect(dry.scope).toEqual({ code: TOWNSHIP, name: '会师镇' });
    const outside = villageCodes(ts.station, '620422').filter((c) => !c.startsWith('620422100')).length;
    expect(dry.outOfScopeRows).toHaveLength(outside);
    expect(dry.summary.invalidVillages).toBe(outside);
    const refused = await callApi(ts.station, 'registry.villageImportApply', { uploadRef: fileRef, mode: 'all', expectedSha256: dry.file.sha256 }, clerk);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.kind).toBe('ROW_INVALID');
    const applied = await ok(ts.station, 'registry.villageImportApply', { uploadRef: fileRef, mode: 'valid', expectedSha256: dry.file.sha256 }, clerk);
    expect(applied.applied).toMatchObject({ inserted: 0, updated: 0, skipped: outside });
  });
});

describe('the command line', () => {
  it('exports --layout village, and fupin import recognises the village file', async () => {
    const db = ts.station.file;
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const out = join(ts.dir, 'cli-villages.xlsx');
      await exportCommand.run(['xlsx'], { db, out, layout: 'village', region: TOWNSHIP });
      const villages = villageCodes(ts.station, '620422100').length;
      expect(lines.join('')).toMatch(new RegExp(`已导出 ${villages} 个村的村信息表`));
      lines.length = 0;
      expect(await importCommand.run([out], { 'dry-run': true, db })).toBe(0);
      expect(lines.join('')).toMatch(new RegExp(`村信息表：共 ${villages} 行.*有错误 0 个村`));
      const bad = await edited(out, join(ts.dir, 'cli-bad.xlsx'), (ws, _rowOf, col) => void (ws.getRow(2).getCell(col('妇女人口')).value = -4));
      lines.length = 0;
      expect(await importCommand.run([bad], { db })).toBe(1);
      expect(lines.join('')).toMatch(/第 2 行 · 妇女人口 · VILLAGE-COUNT：「妇女人口」：应为不小于 0 的整数/);
      expect(lines.join('')).toContain('未导入');
      await expect(exportCommand.run(['xlsx'], { db, out, layout: 'village', year: '2020' })).rejects.toThrow('村信息表不按年度导出');
    } finally {
      spy.mockRestore();
    }
  });
});
