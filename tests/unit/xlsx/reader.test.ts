import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CellError, ExcelDate, SheetRowScanner, type SheetRow } from '../../../electron/core/services/xlsx/sheet-rows';
import { isDateFormatCode, parseDateStyles, parseSharedStrings, resolvePartPath } from '../../../electron/core/services/xlsx/workbook-parts';
import { decodeXml } from '../../../electron/core/services/xlsx/xml-text';
import { readRegistrySheet } from '../../../electron/core/services/xlsx/read';
import { AppError } from '../../../electron/core/api/errors';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fupin-xlsx-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(xml: string, chunk: number, ctx = { sharedStrings: ['共享', ''], dateStyles: [false, true] }): SheetRow[] {
  const rows: SheetRow[] = [];
  const scanner = new SheetRowScanner(ctx, (r) => void rows.push(r));
  const bytes = Buffer.from(xml, 'utf8');
  for (let at = 0; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk));
  return rows;
}

const SHEET = `<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:sheetPr/><x:sheetData>
<x:row r="1" spans="1:5"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" t="str"><x:v>张&amp;三_x000D_</x:v></x:c><x:c r="B3"><x:v>12.5</x:v></x:c><x:c r="C3" s="1"><x:v>41760</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t xml:space="preserve"> 文本</x:t></x:r></x:is></x:c><x:c/><x:c><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="E4" t="s"><x:v>1</x:v></x:c></x:row>
<x:row r="5"/>
</x:sheetData><x:rowBreaks count="1"><x:brk id="1"/></x:rowBreaks></x:worksheet>`;

describe('the sheet scanner', () => {
  it('reads every kind of cell, with or without a namespace prefix and r attributes', () => {
    const rows = scan(SHEET, 1 << 20);
    expect(rows.map((r) => r.number)).toEqual([1, 3, 4, 5]);
    expect(rows[0]!.cells).toEqual(['姓名', undefined, '共享']);
    const r3 = rows[1]!.cells;
    expect(r3[0]).toBe('张&三\r');
    expect(r3[1]).toBe(12.5);
    expect(r3[2]).toEqual(new ExcelDate(41760));
    expect(r3[3]).toBe(true);
    expect(r3[4]).toEqual(new CellError('#N/A'));
    expect(rows[2]!.cells).toEqual(['富 文本', undefined, 2]); // E4 is an empty shared string
    expect(rows[3]!.cells).toEqual([]);
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const whole = JSON.stringify(scan(SHEET, 1 << 20));
    for (let chunk = 1; chunk <= 64; chunk++) expect(JSON.stringify(scan(SHEET, chunk))).toBe(whole);
  });

  it('stops when the consumer says so', () => {
    const seen: number[] = [];
    const scanner = new SheetRowScanner({ sharedStrings: ['a', 'b'], dateStyles: [] }, (r) => {
      seen.push(r.number);
      return r.number < 3 ? undefined : false;
    });
    expect(scanner.push(Buffer.from(SHEET))).toBe(false);
    expect(seen).toEqual([1, 3]);
  });

  it('handles an empty sheet', () => {
    expect(scan('<worksheet><sheetData/></worksheet>', 3)).toEqual([]);
  });
});

describe('workbook parts', () => {
  it('tells date formats from number formats', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy/m/d', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy', 'h:mm']) expect(isDateFormatCode(code)).toBe(true);
    for (const code of ['0.00', '#,##0', '@', 'General', '0.00"元"', '[Red]0.0']) expect(isDateFormatCode(code)).toBe(false);
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>
      <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"><alignment/></xf><xf numFmtId="165"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
    expect(parseDateStyles(styles)).toEqual([false, true, true, false, false]);
  });

  it('reads shared strings with rich text runs and phonetic guides', () => {
    const sst = '<sst><si><t>甲</t></si><si><r><t>乙</t></r><r><t>丙</t></r><rPh><t>yi</t></rPh></si><si/><si><t>&lt;&#20013;&gt;</t></si></sst>';
    expect(parseSharedStrings(sst)).toEqual(['甲', '乙丙', '', '<中>']);
    expect(decodeXml('a&quot;b&#x4E2D;_x0009_')).toBe('a"b中\t');
  });

  it('resolves relationship targets', () => {
    expect(resolvePartPath('xl', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePartPath('xl', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolvePartPath('xl/worksheets', '../sharedStrings.xml')).toBe('xl/sharedStrings.xml');
  });
});

const HEADER = ['户编号', '户主证件号码', '行政区划代码', '姓名', '证件号码', '与户主关系', '首次识别时间', '耕地面积（亩）'];
const DATA = ['6204221000000001', '620422198001010014', '620422100201', '张三', '620422198001010014', '户主', null, 12.5];

async function readAll(file: string) {
  const rows: SheetRow[] = [];
  const result = await readRegistrySheet(file, (row) => void rows.push(row));
  return { result, rows };
}

describe('reading workbooks written by exceljs', () => {
  it('finds the header row below title rows on a later sheet, with shared strings and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表由县扶贫办填报']);
    const ws = wb.addWorksheet('人口');
    ws.addRow(['会宁县建档立卡贫困人口信息表']);
    ws.addRow(['单位：人、亩、元']);
    ws.addRow(HEADER);
    const row = ws.addRow(DATA);
    row.getCell(7).value = new Date(Date.UTC(2014, 4, 1));
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    ws.addRow([]);
    ws.addRow([...DATA.slice(0, 3), '李四', '620422198203040026', '配偶']);
    const file = join(dir, 'shared.xlsx');
    await wb.xlsx.writeFile(file);
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ sheetName: '人口', headerRow: 3, dataRows: 2 });
    expect(result.header.missing).toEqual([]);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.map((r) => r.number)).toEqual([4, 6]);
    expect(rows[0]!.cells[1]).toBe('620422198001010014');
    expect(rows[0]!.cells[6]).toEqual(new ExcelDate(41760));
    expect(rows[0]!.cells[7]).toBe(12.5);
  });

  it('reads the 1904 date system as the same day', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('人口');
    ws.addRow(HEADER);
    const row = ws.addRow(DATA);
    row.getCell(7).value = new Date(Date.UTC(2014, 4, 1));
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    const file = join(dir, 'd1904.xlsx');
    await wb.xlsx.writeFile(file);
    const { rows } = await readAll(file);
    expect(rows[0]!.cells[6]).toEqual(new ExcelDate(41760));
  });

  it('reads the streaming writer’s inline strings', async () => {
    const file = join(dir, 'stream.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('贫困人口信息');
    ws.addRow(HEADER).commit();
    ws.addRow(DATA).commit();
    ws.commit();
    await wb.commit();
    const { rows } = await readAll(file);
    expect(rows[0]!.cells.slice(0, 6)).toEqual(DATA.slice(0, 6));
  });

  it('names the required columns a near-matching header lacks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人口');
    ws.addRow(['姓名', '性别', '民族', '证件号码']);
    ws.addRow(['张三', '男', '汉族', '620422198001010014']);
    const file = join(dir, 'missing.xlsx');
    await wb.xlsx.writeFile(file);
    const err = await readAll(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe('INVALID_INPUT');
    expect((err as AppError).message).toContain('缺少必需的列：户主证件号码（或户编号）、与户主关系、行政区划代码（或行政村名称）');
  });

  it('refuses a damaged file: a flipped byte fails the CRC, a cut file has no directory', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人口');
    ws.addRow(HEADER);
    for (let i = 0; i < 200; i++) ws.addRow(DATA);
    const file = join(dir, 'good.xlsx');
    await wb.xlsx.writeFile(file);
    const bytes = readFileSync(file);
    const sheetAt = bytes.indexOf('xl/worksheets/sheet1.xml');
    const flipped = Buffer.from(bytes);
    flipped[sheetAt + 200] = flipped[sheetAt + 200]! ^ 0xff;
    writeFileSync(join(dir, 'flipped.xlsx'), flipped);
    writeFileSync(join(dir, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    for (const name of ['flipped.xlsx', 'cut.xlsx']) {
      const err = await readAll(join(dir, name)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/文件已损坏|不是/);
    }
  });
});
