// Import and export of the national person-row layout on a real temp station of 会宁县: files are
// generated here with exceljs from made-up households (tests/fixtures/xlsx), never checked in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { makeStation, type TestStation } from '../helpers/station';
import { syntheticHouseholds, writeNationalXlsx, type SyntheticHousehold } from '../fixtures/xlsx/synthetic-county';
import { importApply, importDryRun, type ImportReport } from '../../electron/core/services/xlsx/import';
import { exportXlsx } from '../../electron/core/services/xlsx/export';
import { importCommand, exportCommand } from '../../electron/cli/xlsx-commands';
import { AppError } from '../../electron/core/api/errors';
import type { Station } from '../../electron/core/station';
import { CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS } from '../../electron/core/domain/registry/field-specs';
import { idCheckChar, makeIdNumber } from '../../electron/core/domain/registry/id-number';

const CLI = { userId: null, username: 'cli' };
const TABLES = ['households', 'persons', 'memberships', 'conditions', 'incomes', 'household_events', 'quality_findings', 'change_log', 'audit_log'] as const;

let t: TestStation;
beforeEach(async () => {
  t = await makeStation();
});
afterEach(() => t.close());

function counts(station: Station): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = (station.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return out;
}

const personCount = (data: readonly SyntheticHousehold[]) => data.reduce((n, h) => n + h.members.length, 0);

/** Everything the layout carries, household by household (by 户编号), members in order. */
function snapshot(station: Station) {
  const db = station.db.$client;
  const rows = db.prepare('SELECT id, region_code AS regionCode, record, member_count AS memberCount FROM households ORDER BY household_number').all() as {
    id: string;
    regionCode: string;
    record: string;
    memberCount: number;
  }[];
  return rows.map((h) => ({
    regionCode: h.regionCode,
    memberCount: h.memberCount,
    household: JSON.parse(h.record) as Record<string, unknown>,
    members: (
      db.prepare('SELECT p.record, m.relationship FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.household_id = ? AND m.to_date IS NULL ORDER BY m.sort_order').all(h.id) as {
        record: string;
        relationship: string;
      }[]
    ).map((m) => ({ record: JSON.parse(m.record) as Record<string, unknown>, relationship: m.relationship })),
    conditions: (db.prepare('SELECT year, record FROM conditions WHERE household_id = ?').all(h.id) as { year: number; record: string }[]).map((c) => ({ year: c.year, record: JSON.parse(c.record) as Record<string, unknown> })),
    incomes: (db.prepare('SELECT year, record, per_capita_net_fen AS fen FROM incomes WHERE household_id = ?').all(h.id) as { year: number; record: string; fen: number | null }[]).map((i) => ({
      year: i.year,
      fen: i.fen,
      record: JSON.parse(i.record) as Record<string, unknown>,
    })),
  }));
}

function problemsAt(report: Pick<ImportReport, 'problems'>, row: number) {
  return report.problems.filter((p) => p.row === row);
}

describe('a clean national-layout file', () => {
  it('dry-runs clean without writing, applies every household in one go, and a second import changes nothing', async () => {
    const data = syntheticHouseholds({ households: 30 });
    const file = join(t.dir, 'county.xlsx');
    await writeNationalXlsx(file, data, {
      titleRows: [['会宁县建档立卡贫困人口信息表（2020年度）'], ['填报单位：会宁县扶贫办']],
      // headings as offices type them: spaces, full-width brackets, aliases, other units
      heading: (label) =>
        ({ 证件号码: ' 证件 号码', 户主证件号码: '户主身份证号码', '耕地面积（亩）': '耕地面积 (亩)', '工资性收入（元）': '工资性收入', 劳动技能: '劳动能力', 行政村: '村' })[label] ?? label,
    });
    const before = counts(t.station);

    const dry = await importDryRun(t.station, file);
    expect(dry.summary).toMatchObject({
      rows: personCount(data),
      households: 30,
      persons: personCount(data),
      validHouseholds: 30,
      invalidHouseholds: 0,
      newHouseholds: 30,
      changedHouseholds: 0,
      unchangedHouseholds: 0,
      errors: 0,
    });
    expect(dry.file).toMatchObject({ sheetName: '贫困人口信息', headerRow: 3 });
    expect(dry.ignoredColumns).toEqual([]);
    expect(dry.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(counts(t.station)).toEqual(before);

    const applied = await importApply(t.station, CLI, file, 'all-or-nothing');
    expect(applied.applied).toEqual({ inserted: 30, updated: 0, unchanged: 0, skipped: 0 });
    const after = counts(t.station);
    expect(after.households).toBe(30);
    expect(after.persons).toBe(personCount(data));
    expect(after.memberships).toBe(personCount(data));
    expect(after.conditions).toBe(30);
    expect(after.incomes).toBe(30);
    expect(after.household_events).toBe(60); // identified + record.imported
    expect(after.audit_log).toBe(before.audit_log! + 1);
    const audit = t.station.db.$client.prepare('SELECT action, entity_id AS entityId, after FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; entityId: string; after: string };
    expect(audit.action).toBe('registry.import');
    expect(audit.entityId).toBe(dry.file.sha256);
    expect(JSON.parse(audit.after)._notes.import).toMatchObject({ sha256: dry.file.sha256, households: 30, inserted: 30, mode: 'all-or-nothing' });

    // what was stored is what was generated (codes, not labels; dates; numbers)
    const stored = snapshot(t.station);
    const byNumber = new Map(data.map((h) => [h.household.householdNumber, h]));
    for (const s of stored) {
      const g = byNumber.get(s.household.householdNumber as string)!;
      for (const spec of HOUSEHOLD_FIELDS) expect([spec.key, s.household[spec.key]]).toEqual([spec.key, g.household[spec.key as keyof typeof g.household]]);
      s.members.forEach((m, i) => {
        for (const spec of PERSON_FIELDS) expect([spec.key, m.record[spec.key]]).toEqual([spec.key, g.members[i]![spec.key as keyof (typeof g.members)[number]]]);
      });
      for (const spec of CONDITIONS_FIELDS) expect([spec.key, s.conditions[0]!.record[spec.key]]).toEqual([spec.key, g.conditions[spec.key as keyof typeof g.conditions]]);
      for (const spec of INCOME_FIELDS) expect([spec.key, s.incomes[0]!.record[spec.key]]).toEqual([spec.key, g.income[spec.key as keyof typeof g.income]]);
    }

    const again = await importApply(t.station, CLI, file, 'all-or-nothing');
    expect(again.summary).toMatchObject({ newHouseholds: 0, changedHouseholds: 0, unchangedHouseholds: 30, invalidHouseholds: 0 });
    expect(again.applied).toEqual({ inserted: 0, updated: 0, unchanged: 30, skipped: 0 });
    const third = counts(t.station);
    expect({ ...third, audit_log: 0 }).toEqual({ ...after, audit_log: 0 });
    expect(third.change_log).toBe(after.change_log);
  });

  it('reads a merged-cell style file (household cells on the first member row, text dates, village by name) as the same data', async () => {
    const data = syntheticHouseholds({ households: 12, seed: 7 });
    const first = join(t.dir, 'first.xlsx');
    await writeNationalXlsx(first, data);
    await importApply(t.station, CLI, first, 'all-or-nothing');
    const before = counts(t.station);

    const merged = join(t.dir, 'merged.xlsx');
    await writeNationalXlsx(merged, data, { householdCellsOnFirstRowOnly: true, dates: 'text', omit: ['行政区划代码', '户编号'] });
    const report = await importDryRun(t.station, merged);
    expect(report.summary).toMatchObject({ households: 12, unchangedHouseholds: 12, invalidHouseholds: 0 });
    const applied = await importApply(t.station, CLI, merged, 'all-or-nothing');
    expect(applied.applied.updated).toBe(0);
    expect(counts(t.station).change_log).toBe(before.change_log);
  });
});

describe('a file with bad rows', () => {
  async function badFile() {
    const data = syntheticHouseholds({ households: 10, seed: 99 });
    // households 1–6 get one problem each; member 1 is never the head
    for (const i of [1, 2]) {
      if (data[i]!.members.length < 2) data[i]!.members.push({ ...data[i]!.members[0]!, idNumber: '620422200501010024', relationship: '04', name: '小女', sex: '2', birthDate: '2005-01-01' });
    }
    const rows = new Map<string, number>();
    let row = 1; // header row
    const file = join(t.dir, 'bad.xlsx');
    await writeNationalXlsx(file, data, {
      mutate(cells, at) {
        row += 1;
        rows.set(`${at.household}/${at.member}`, row);
        if (at.household === 1 && at.member === 1) {
          const id = cells.get('证件号码') as string;
          const wrong = '0123456789X'.split('').find((c) => c !== idCheckChar(id.slice(0, 17)))!;
          cells.set('证件号码', id.slice(0, 17) + wrong);
        }
        if (at.household === 2 && at.member === 1) cells.set('与户主关系', '户主');
        if (at.household === 3) cells.set('主要致贫原因', '因穷');
        if (at.household === 4) cells.set('耕地面积（亩）', '十亩');
        if (at.household === 5) {
          cells.set('行政区划代码', null);
          cells.set('行政村', null);
        }
        if (at.household === 6 && at.member === 0) cells.set('证件号码', Number((cells.get('证件号码') as string).replace(/X$/, '0')));
      },
    });
    return { data, file, rows };
  }

  it('reports each problem with its row, column and a Chinese message', async () => {
    const { file, rows } = await badFile();
    const report = await importDryRun(t.station, file);
    expect(report.summary).toMatchObject({ households: 10, invalidHouseholds: 6, validHouseholds: 4, newHouseholds: 4 });

    expect(problemsAt(report, rows.get('1/1')!)).toContainEqual({ row: rows.get('1/1'), field: '证件号码', rule: 'Q-ID-03', severity: 'error', message: '18位身份证号码校验位错误' });
    expect(problemsAt(report, rows.get('2/0')!).concat(problemsAt(report, rows.get('2/1')!))).toContainEqual(
      expect.objectContaining({ rule: 'Q-REL-02', severity: 'error', field: '与户主关系' }),
    );
    const cause = problemsAt(report, rows.get('3/0')!).find((p) => p.rule === 'IMP-CODE')!;
    expect(cause).toMatchObject({ field: '主要致贫原因', severity: 'error' });
    expect(cause.message).toContain('“因穷”');
    expect(cause.message).toContain('可填：因病、因残');
    expect(report.problems.filter((p) => p.rule === 'IMP-CODE')).toHaveLength(1); // once per household, not per row
    expect(problemsAt(report, rows.get('4/0')!)).toContainEqual(expect.objectContaining({ field: '耕地面积（亩）', rule: 'IMP-NUMBER', severity: 'error' }));
    expect(problemsAt(report, rows.get('5/0')!)).toContainEqual(
      expect.objectContaining({ field: '行政区划代码', rule: 'IMP-VILLAGE', severity: 'error', message: '没有填写所在村（行政区划代码或行政村名称）' }),
    );
    const numeric = problemsAt(report, rows.get('6/0')!).find((p) => p.rule === 'IMP-ID-NUMERIC')!;
    expect(numeric.field).toBe('证件号码');
    expect(numeric.message).toContain('文本');
    // problems come in row order and never repeat an ID number
    expect(report.problems.map((p) => p.row)).toEqual([...report.problems.map((p) => p.row)].sort((a, b) => a - b));
    expect(report.problems.some((p) => /\d{15}/.test(p.message))).toBe(false);
  });

  it('all-or-nothing refuses and changes nothing; valid-only applies just the good households', async () => {
    const { data, file } = await badFile();
    const before = counts(t.station);
    const err = await importApply(t.station, CLI, file, 'all-or-nothing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('ROW_INVALID');
    expect((err as AppError).message).toContain('6 户');
    expect((err as AppError).details).toMatchObject({ summary: { invalidHouseholds: 6 } });
    expect(counts(t.station)).toEqual(before);

    const result = await importApply(t.station, CLI, file, 'valid-only');
    expect(result.applied).toEqual({ inserted: 4, updated: 0, unchanged: 0, skipped: 6 });
    const numbers = snapshot(t.station).map((s) => s.household.householdNumber);
    expect(numbers).toEqual([0, 7, 8, 9].map((i) => data[i]!.household.householdNumber));
  });
});

describe('files that are not a registry workbook', () => {
  async function refused(file: string, message: RegExp) {
    const before = counts(t.station);
    for (const run of [() => importDryRun(t.station, file), () => importApply(t.station, CLI, file, 'valid-only')]) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).kind).toBe('INVALID_INPUT');
      expect((err as AppError).message).toMatch(message);
    }
    expect(counts(t.station)).toEqual(before);
  }

  it('a text file renamed .xlsx, a 0-byte file, an old .xls', async () => {
    const csv = join(t.dir, 'csv.xlsx');
    writeFileSync(csv, '户主姓名,证件号码,与户主关系\n张三,620422198001010014,户主\n');
    await refused(csv, /不是 xlsx 文件：文件内容是文本/);
    const empty = join(t.dir, 'zero.xlsx');
    writeFileSync(empty, '');
    await refused(empty, /文件是空的/);
    const xls = join(t.dir, 'old.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
    await refused(xls, /97-2003/);
  });

  it('an xlsx with no data, one without a registry sheet, a zip that is no workbook', async () => {
    const emptyBook = new ExcelJS.Workbook();
    emptyBook.addWorksheet('Sheet1');
    const empty = join(t.dir, 'empty.xlsx');
    await emptyBook.xlsx.writeFile(empty);
    await refused(empty, /文件中没有数据/);

    const other = new ExcelJS.Workbook();
    const ws = other.addWorksheet('工资表');
    ws.addRow(['单位', '月份', '应发', '实发']);
    ws.addRow(['扶贫办', '2020-01', 3000, 2800]);
    const otherFile = join(t.dir, 'salary.xlsx');
    await other.xlsx.writeFile(otherFile);
    await refused(otherFile, /没有找到贫困人口信息表/);

    const docx = join(t.dir, 'report.xlsx');
    writeFileSync(docx, zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    await refused(docx, /不是 Excel 工作簿/);
  });

  it('100 MB of junk, with and without a zip signature, and a file over the size limit', async () => {
    const junk = join(t.dir, 'junk.xlsx');
    const block = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, i);
    const fd = openSync(junk, 'w');
    for (let i = 0; i < 25; i++) writeSync(fd, block);
    closeSync(fd);
    const started = performance.now();
    await refused(junk, /不是 xlsx 文件/);
    expect(performance.now() - started).toBeLessThan(3000);

    const fd2 = openSync(junk, 'r+');
    writeSync(fd2, Buffer.from([0x50, 0x4b, 0x03, 0x04]), 0, 4, 0);
    closeSync(fd2);
    await refused(junk, /文件已损坏或不完整/);
    rmSync(junk);

    const huge = join(t.dir, 'huge.xlsx');
    writeFileSync(huge, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    truncateSync(huge, 201 * 1024 * 1024); // sparse: no 201 MB written
    await refused(huge, /文件过大/);
    rmSync(huge);
  });

  it('a workbook whose only registry-like sheet lacks required columns names them', async () => {
    const data = syntheticHouseholds({ households: 2 });
    const file = join(t.dir, 'partial.xlsx');
    await writeNationalXlsx(file, data, { omit: ['与户主关系', '户编号', '户主证件号码'] });
    await refused(file, /缺少必需的列：户主证件号码（或户编号）、与户主关系/);
  });
});

describe('export', () => {
  it('person layout: export then import into a fresh station gives every record back, field by field', async () => {
    const data = syntheticHouseholds({ households: 30, seed: 3 });
    const source = join(t.dir, 'source.xlsx');
    // labels printed in other forms than the 2020 table's are kept as printed (domain.md §0)
    await writeNationalXlsx(source, data, {
      mutate(cells, at) {
        if (at.household === 0) cells.set('贫困户属性', '一般户');
        if (at.household === 1 && at.member === 0) cells.set('与户主关系', '本人或户主');
        if (at.household === 2 && at.member === 0) cells.set('健康状况', '大病，残疾');
      },
    });
    await importApply(t.station, CLI, source, 'all-or-nothing');
    const stored = snapshot(t.station);
    const of = (i: number) => stored.find((h) => h.household.householdNumber === data[i]!.household.householdNumber)!;
    expect(of(0).household).toMatchObject({ attribute: '1', labelsAsPrinted: { attribute: '一般户' } });
    expect(of(1).members[0]!.record).toMatchObject({ relationship: '01', labelsAsPrinted: { relationship: '本人或户主' } });
    expect(of(2).members[0]!.record).toMatchObject({ health: ['03', '04'], labelsAsPrinted: { health: '大病，残疾' } });
    expect(of(3).household.labelsAsPrinted).toBeUndefined();

    const out = join(t.dir, 'export', 'person.xlsx');
    const result = await exportXlsx(t.station, { regionCode: '620422000000', layout: 'person', out, actor: CLI });
    expect(result).toEqual({ rows: personCount(data), households: 30, file: out });

    const fresh = await makeStation();
    try {
      const imported = await importApply(fresh.station, CLI, out, 'all-or-nothing');
      expect(imported.summary).toMatchObject({ newHouseholds: 30, invalidHouseholds: 0, persons: personCount(data) });
      expect(imported.ignoredColumns).toEqual([]);
      const a = snapshot(t.station);
      const b = snapshot(fresh.station);
      expect(b).toHaveLength(a.length);
      a.forEach((h, i) => {
        const g = b[i]!;
        expect(g.regionCode).toBe(h.regionCode);
        expect(g.memberCount).toBe(h.memberCount);
        for (const spec of HOUSEHOLD_FIELDS) expect([spec.key, g.household[spec.key]]).toEqual([spec.key, h.household[spec.key]]);
        expect(g.members.map((m) => m.relationship)).toEqual(h.members.map((m) => m.relationship));
        h.members.forEach((m, k) => {
          for (const spec of PERSON_FIELDS) expect([spec.key, g.members[k]!.record[spec.key]]).toEqual([spec.key, m.record[spec.key]]);
        });
        for (const spec of CONDITIONS_FIELDS) expect([spec.key, g.conditions[0]!.record[spec.key]]).toEqual([spec.key, h.conditions[0]!.record[spec.key]]);
        for (const spec of INCOME_FIELDS) expect([spec.key, g.incomes[0]!.record[spec.key]]).toEqual([spec.key, h.incomes[0]!.record[spec.key]]);
        expect(g.incomes[0]!.fen).toBe(h.incomes[0]!.fen);
      });
      // and the whole stored documents, so no field outside the specs slips through unnoticed
      expect(b).toEqual(a);
      // importing the export back into the source station changes nothing
      const back = await importApply(t.station, CLI, out, 'all-or-nothing');
      expect(back.summary.unchangedHouseholds).toBe(30);
    } finally {
      fresh.close();
    }
  });

  it('writes labels, ID numbers as text, a bold frozen header and sensible widths; records the export in the audit log', async () => {
    const data = syntheticHouseholds({ households: 3, seed: 5 });
    const source = join(t.dir, 'source.xlsx');
    await writeNationalXlsx(source, data);
    await importApply(t.station, CLI, source, 'all-or-nothing');
    const out = join(t.dir, 'person.xlsx');
    await exportXlsx(t.station, { regionCode: '620422000000', layout: 'person', out, actor: CLI });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('贫困人口信息')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['序号', '乡（镇）', '行政村', '户编号']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(ws.getColumn(col('证件号码')).width).toBeGreaterThanOrEqual(20);
    const first = ws.getRow(2);
    expect(first.getCell(col('证件号码')).value).toBe(data[0]!.members[0]!.idNumber);
    expect(first.getCell(col('与户主关系')).value).toBe('户主');
    expect(first.getCell(col('性别')).value).toBe(data[0]!.members[0]!.sex === '1' ? '男' : '女');
    expect(first.getCell(col('是否享受低保')).value).toMatch(/^[是否]$/);
    expect(first.getCell(col('耕地面积（亩）')).value).toBe(data[0]!.conditions.farmlandArea);
    expect(first.getCell(col('首次识别时间')).value).toBe(data[0]!.household.firstIdentifiedDate);
    const audit = t.station.db.$client.prepare("SELECT after FROM audit_log WHERE action = 'registry.export'").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ layout: 'person', households: 3, file: 'person.xlsx' });
  });

  it('household layout: one row per household with the head’s fields, and it is not taken for an import file', async () => {
    const data = syntheticHouseholds({ households: 4, seed: 11 });
    const source = join(t.dir, 'source.xlsx');
    await writeNationalXlsx(source, data);
    await importApply(t.station, CLI, source, 'all-or-nothing');
    const out = join(t.dir, 'households.xlsx');
    const result = await exportXlsx(t.station, { regionCode: data[0]!.regionCode, layout: 'household', out });
    const inVillage = data.filter((h) => h.regionCode === data[0]!.regionCode);
    expect(result.rows).toBe(inVillage.length);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('贫困户信息')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const row = ws.getRow(2);
    expect(row.getCell(headers.indexOf('户主姓名') + 1).value).toBe(inVillage[0]!.household.headName);
    expect(row.getCell(headers.indexOf('户主民族') + 1).value).toMatch(/族$/);
    expect(row.getCell(headers.indexOf('成员人数') + 1).value).toBe(inVillage[0]!.members.length);

    const err = await importDryRun(t.station, out).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/缺少必需的列：证件号码、姓名、与户主关系/);
  });
});

describe('households already in the station', () => {
  it('updates changed households, matches members by ID, keeps members missing from the file with a warning', async () => {
    const data = syntheticHouseholds({ households: 6, seed: 21 });
    const file = join(t.dir, 'base.xlsx');
    await writeNationalXlsx(file, data);
    await importApply(t.station, CLI, file, 'all-or-nothing');
    const before = counts(t.station);

    const next = structuredClone(data);
    next[0]!.household.phone = '13800000000';
    const big = next.findIndex((h, i) => i > 0 && h.members.length >= 3);
    const dropped = next[big]!.members.pop()!;
    next[big]!.members.push({ ...dropped, idNumber: makeIdNumber('620422', '2020-01-01', 2), name: '新生', relationship: '08', sex: '2', birthDate: '2020-01-01', education: null, studentStatus: '01', labourSkill: null, migrantMonths: null, phone: null });
    const other = next.findIndex((_, i) => i !== 0 && i !== big);
    next[other]!.members[0]!.politicalStatus = '01';
    const changed = join(t.dir, 'changed.xlsx');
    await writeNationalXlsx(changed, next);

    const report = await importApply(t.station, CLI, changed, 'all-or-nothing');
    expect(report.summary).toMatchObject({ changedHouseholds: 3, unchangedHouseholds: 3, newHouseholds: 0 });
    expect(report.problems).toContainEqual(expect.objectContaining({ rule: 'IMP-MEMBER-KEPT', severity: 'warning' }));
    const after = counts(t.station);
    expect(after.households).toBe(before.households);
    expect(after.persons).toBe(before.persons! + 1);
    expect(after.change_log).toBeGreaterThan(before.change_log!);

    const s = snapshot(t.station);
    const find = (h: SyntheticHousehold) => s.find((x) => x.household.householdNumber === h.household.householdNumber)!;
    expect(find(next[0]!).household.phone).toBe('13800000000');
    const grown = find(next[big]!);
    expect(grown.members.map((m) => m.record.idNumber)).toEqual([...next[big]!.members.map((m) => m.idNumber), dropped.idNumber]);
    expect(grown.memberCount).toBe(next[big]!.members.length + 1);
    expect(find(next[other]!).members[0]!.record.politicalStatus).toBe('01');
    const joined = t.station.db.$client.prepare("SELECT count(*) AS n FROM household_events WHERE type = 'member.joined'").get() as { n: number };
    expect(joined.n).toBe(1);
  });

  it('refuses a person who is already a current member of another household', async () => {
    const data = syntheticHouseholds({ households: 2, seed: 31 });
    const file = join(t.dir, 'base.xlsx');
    await writeNationalXlsx(file, data);
    await importApply(t.station, CLI, file, 'all-or-nothing');
    const extra = syntheticHouseholds({ households: 1, seed: 32, numberBase: 500 });
    extra[0]!.members.push({ ...data[0]!.members[0]!, relationship: '11', sex: '1' });
    const clash = join(t.dir, 'clash.xlsx');
    await writeNationalXlsx(clash, extra);
    const report = await importDryRun(t.station, clash);
    expect(report.summary.invalidHouseholds).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ rule: 'Q-DUP-01', field: '证件号码', severity: 'error' }));
  });
});

describe('the command line', () => {
  it('prints the summary and problem lines, exits 1 when apply is refused, exports with --out', async () => {
    const data = syntheticHouseholds({ households: 3, seed: 41 });
    const file = join(t.dir, 'cli.xlsx');
    await writeNationalXlsx(file, data, {
      mutate(cells, at) {
        if (at.household === 1 && at.member === 0) cells.set('主要致贫原因', '因穷');
      },
    });
    const db = t.station.file;
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      expect(await importCommand.run([file], { 'dry-run': true, db })).toBe(0);
      expect(lines.join('')).toMatch(/可导入 2 户（新增 2，更新 0，无变化 0）；有错误 1 户/);
      expect(lines.join('')).toMatch(/第 \d+ 行 · 主要致贫原因 · IMP-CODE：「主要致贫原因」的值“因穷”/);
      lines.length = 0;
      expect(await importCommand.run([file], { db })).toBe(1);
      expect(lines.join('')).toContain('未导入');
      lines.length = 0;
      expect(await importCommand.run([file], { db, mode: 'valid' })).toBe(0);
      expect(lines.join('')).toContain('导入完成：新增 2 户');
      const out = join(t.dir, 'cli-out.xlsx');
      await exportCommand.run(['xlsx'], { db, out, layout: 'household' });
      expect(lines.join('')).toMatch(/已导出 2 户、2 行/);
    } finally {
      spy.mockRestore();
    }
  });
});
