// The sheet scanner fed the way the inflater feeds it: chunks cut anywhere, rows longer than a
// chunk, whitespace and line ends between rows. Every cut must give the same rows as one piece.
import { describe, expect, it } from 'vitest';
import { ExcelDate, SheetRowScanner, type SheetContext, type SheetRow } from '../../../electron/core/services/xlsx/sheet-rows';
import { parseSharedStrings } from '../../../electron/core/services/xlsx/workbook-parts';

function scan(xml: string, cut: (at: number) => number, ctx: SheetContext): SheetRow[] {
  const rows: SheetRow[] = [];
  const scanner = new SheetRowScanner(ctx, (r) => void rows.push(r));
  const bytes = Buffer.from(xml, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    const end = Math.min(bytes.length, at + cut(at));
    // a fresh buffer per chunk, as the inflater hands them over
    scanner.push(Buffer.from(bytes.subarray(at, end)));
    at = end;
  }
  return rows;
}

const SHARED = parseSharedStrings(
  '<sst><si><t>户主</t></si><si><r><rPr><b/></rPr><t>因</t></r><r><t xml:space="preserve">病 </t></r><rPh><t>yin</t></rPh></si><si><t>A&amp;B &#x4E2D;&#20013;</t></si></sst>',
);
const CTX: SheetContext = { sharedStrings: SHARED, dateStyles: [false, true] };

const wide = (r: number, n: number): string =>
  `<row r="${r}">${Array.from({ length: n }, (_, i) => `<c t="inlineStr"><is><t>v${r}-${i}</t></is></c>`).join('')}</row>`;

const SHEET = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet><dimension ref="A1:Z9"/><sheetData>\r\n',
  // shared strings (plain, rich text with a phonetic guide, entities), an empty shared string
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\r\n',
  // cells out of order, empty cells (self-closing and styled, an empty <v>), then one without r
  '<row r="2"><c r="C2"><v></v></c><c r="A2" t="str"><v>&lt;甲&gt; &quot;乙&quot; &apos;丙&apos; &#x4E2D;&#20013;</v></c><c r="B2" s="1"/><c r="D2"><v>4</v></c><c t="b"><v>0</v></c></row>\r\n',
  // a row without r, a date cell, a CRLF kept inside an inline string
  '<row><c r="A3" s="1"><v>41760</v></c><c r="B3" t="inlineStr"><is><t xml:space="preserve">第一行\r\n第二行</t></is></c></row>\r\n',
  // a row far longer than any chunk
  wide(4, 400),
  '\r\n   ',
  '<row r="6" spans="1:2"><c r="A6"><v>-12.5</v></c><c r="B6"><v>1.5E-3</v></c></row>',
  '\r\n</sheetData><rowBreaks count="1"><brk id="1"/></rowBreaks></worksheet>',
].join('');

function check(rows: SheetRow[]): void {
  expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 6]);
  expect(rows[0]!.cells).toEqual(['户主', '因病 ', 'A&B 中中']);
  const r2 = rows[1]!.cells;
  expect(r2.length).toBe(5);
  expect(r2[0]).toBe('<甲> "乙" \'丙\' 中中');
  expect(r2[1]).toBeUndefined();
  expect(r2[2]).toBeUndefined();
  expect(r2[3]).toBe(4);
  expect(r2[4]).toBe(false); // after D2 comes E2
  expect(rows[2]!.cells).toEqual([new ExcelDate(41760), '第一行\r\n第二行']);
  const r4 = rows[3]!.cells;
  expect(r4.length).toBe(400);
  expect(r4[0]).toBe('v4-0');
  expect(r4[399]).toBe('v4-399');
  expect(rows[4]!.cells).toEqual([-12.5, 0.0015]);
}

describe('the sheet scanner across chunk boundaries', () => {
  it('reads rich text, inline strings, entities, empty and unordered cells and a CRLF sheet in one piece', () => {
    check(scan(SHEET, () => 1 << 20, CTX));
  });

  it('gives the same rows for every chunk size, including chunks shorter than a tag', () => {
    const whole = JSON.stringify(scan(SHEET, () => 1 << 20, CTX));
    for (const size of [1, 2, 3, 5, 7, 13, 64, 100, 333, 1000, 4096]) {
      const rows = scan(SHEET, () => size, CTX);
      expect(JSON.stringify(rows), `chunks of ${size}`).toBe(whole);
    }
  });

  it('gives the same rows when a cut falls at every position once', () => {
    const whole = JSON.stringify(scan(SHEET, () => 1 << 20, CTX));
    const bytes = Buffer.byteLength(SHEET);
    for (let cut = 1; cut < bytes; cut += 7) {
      const rows = scan(SHEET, (at) => (at === 0 ? cut : 1 << 20), CTX);
      expect(JSON.stringify(rows), `cut at ${cut}`).toBe(whole);
    }
  });

  it('reads a multi-byte character split between two chunks', () => {
    const xml = '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>扶贫</t></is></c></row><row r="2"><c t="str"><v>站</v></c></row></sheetData></worksheet>';
    const at = Buffer.from(xml).indexOf(Buffer.from('贫')) + 1; // inside the three bytes of 贫
    const rows = scan(xml, (from) => (from === 0 ? at : 1 << 20), CTX);
    expect(rows.map((r) => r.cells)).toEqual([['扶贫'], ['站']]);
  });

  it('ends a row at its end tag even when a cell in it is not closed', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>7</v></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>';
    for (const size of [1, 5, 1 << 20]) {
      const rows = scan(xml, () => size, CTX);
      expect(rows.map((r) => [r.number, r.cells])).toEqual([
        [1, [1]],
        [2, [2]],
      ]);
    }
  });

  it('holds no more than about a row however long the sheet', () => {
    let rows = 0;
    const scanner = new SheetRowScanner(CTX, () => void rows++);
    scanner.push(Buffer.from('<worksheet><sheetData>'));
    const row = Buffer.from(wide(1, 20));
    const chunk = Buffer.concat(Array.from({ length: 50 }, () => row));
    const kept = (s: SheetRowScanner): number => (s as unknown as { buf: Buffer }).buf.length;
    let most = 0;
    for (let i = 0; i < 200; i++) {
      // cut inside a row each time, so a row is always left over
      scanner.push(chunk.subarray(0, 700));
      scanner.push(chunk.subarray(700));
      most = Math.max(most, kept(scanner));
    }
    expect(rows).toBeGreaterThan(9000);
    expect(most).toBeLessThan(2 * row.length);
  });
});
