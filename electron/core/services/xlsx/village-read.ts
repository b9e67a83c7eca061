// Opening a village-form workbook (贫困村信息): the sheet whose header row names the village
// form's columns, with 村代码 among them, read whole (a county has a few hundred villages).
//
// The pieces are the registry reader's: read.ts opens the workbook (so both importers say the same
// sentence about a CSV, an .xls or a damaged file), sheet-rows.ts scans it and layout.ts matches
// the headings; only the choice of sheet differs, which read.ts makes for the household layout's
// required columns.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../api/errors';
import { matchHeaderRow, type HeaderMatch, type LayoutColumn } from './layout';
import { HEADER_SEARCH_ROWS, openXlsxWorkbook, type Workbook } from './read';
import { SheetRowScanner, type SheetRow } from './sheet-rows';
import type { SheetRef } from './workbook-parts';
import { CODE_COLUMN, VILLAGE_HEADERS, VILLAGE_SHEET_NAME } from './village-layout';
import { XlsxFormatError } from './zip-file';

const MiB = 1024 * 1024;
/** A county's village sheet is some 100 KB; far more is not a village form. */
const MAX_FILE_BYTES = 50 * MiB;
const MAX_SHEET_BYTES = 256 * MiB;
const MAX_ROWS = 10_000;
const MIN_RECOGNIZED = 3;

export interface VillageSheet {
  sheetName: string;
  /** 1-based */
  headerRow: number;
  /** By 0-based sheet column: the village layout's column, or null */
  columns: (LayoutColumn | null)[];
  /** Headings not recognised, and headings naming a column already taken (both ignored) */
  ignored: string[];
  /** Data rows below the header row, entirely empty rows left out */
  rows: SheetRow[];
  sha256: string;
  fileBytes: number;
}

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** The row among the first ones that names most village columns, if it names 3 or more. */
function bestHeader(head: readonly SheetRow[]): { row: SheetRow; match: HeaderMatch; personColumns: number } | null {
  let best: { row: SheetRow; match: HeaderMatch; personColumns: number } | null = null;
  for (const row of head) {
    const match = matchHeaderRow(row.cells, VILLAGE_HEADERS);
    if (match.recognized >= MIN_RECOGNIZED && (!best || match.recognized > best.match.recognized)) {
      best = { row, match, personColumns: matchHeaderRow(row.cells).recognized };
    }
  }
  return best;
}

type SheetVerdict =
  | { kind: 'village'; sheet: string; headerRow: number; match: HeaderMatch; rows: SheetRow[] }
  | { kind: 'household' | 'no-code' | 'none' | 'empty'; sheet: string; headerRow?: number };

/** Reads one sheet: its header search window, and its data rows when it is the village form. */
async function readSheet(wb: Workbook, sheet: SheetRef, headOnly: boolean): Promise<SheetVerdict> {
  const entry = wb.zip.entry(sheet.path);
  if (!entry) return { kind: 'empty', sheet: sheet.name };
  const head: SheetRow[] = [];
  let verdict: SheetVerdict | null = null;
  const decide = (): SheetVerdict => {
    const best = bestHeader(head);
    if (!best) return { kind: head.length === 0 ? 'empty' : 'none', sheet: sheet.name };
    // the household layout shares a few headings (行政区划代码, 联系电话, 劳动力人数): a sheet
    // that names more of the household's columns is a household sheet, not a village form
    if (best.personColumns >= best.match.recognized) return { kind: 'household', sheet: sheet.name };
    if (!best.match.columns.some((c) => c?.id === CODE_COLUMN)) return { kind: 'no-code', sheet: sheet.name, headerRow: best.row.number };
    return { kind: 'village', sheet: sheet.name, headerRow: best.row.number, match: best.match, rows: head.filter((r) => r.number > best.row.number) };
  };
  const scanner = new SheetRowScanner(wb, (row) => {
    if (row.cells.every((c) => c === undefined)) return;
    if (verdict) {
      if (verdict.kind !== 'village') return false;
      if (verdict.rows.length >= MAX_ROWS) throw invalid(`数据行过多（超过 ${MAX_ROWS} 行）：村信息表每个村一行，请核对文件`);
      verdict.rows.push(row);
      return;
    }
    head.push(row);
    if (head.length < HEADER_SEARCH_ROWS) return;
    verdict = decide();
    if (verdict.kind !== 'village' || headOnly) return false; // stop inflating this sheet
  });
  await wb.zip.streamBytes(entry, MAX_SHEET_BYTES, (bytes) => scanner.push(bytes));
  return verdict ?? decide();
}

async function withWorkbook<T>(file: string, use: (wb: Workbook, fileBytes: number) => Promise<T>): Promise<T> {
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
  if (size > MAX_FILE_BYTES) throw invalid(`文件过大（${(size / MiB).toFixed(0)} MB）：村信息表每个村一行，一个县不过几百行，请核对是否选错了文件`);
  const wb = await openXlsxWorkbook(file);
  try {
    return await use(wb, wb.fileBytes);
  } catch (err) {
    throw err instanceof XlsxFormatError ? invalid(err.message) : err;
  } finally {
    await wb.zip.close();
  }
}

/**
 * The village sheet of `file`: the first sheet whose header row (among its first rows) names the
 * village form's columns and 村代码. Every problem with the file as a whole is an
 * AppError('INVALID_INPUT') with a Chinese sentence, raised before any row is looked at.
 */
export async function readVillageSheet(file: string): Promise<VillageSheet> {
  return withWorkbook(file, async (wb, fileBytes) => {
    if (wb.sheets.length === 0) throw invalid('工作簿中没有工作表');
    const verdicts: SheetVerdict[] = [];
    for (const sheet of wb.sheets) {
      const v = await readSheet(wb, sheet, false);
      if (v.kind === 'village') {
        if (v.rows.length === 0) throw invalid(`工作表「${v.sheet}」只有表头（第 ${v.headerRow} 行），没有村的数据行`);
        const sha256 = createHash('sha256').update(await readFile(file)).digest('hex');
        const ignored = [...v.match.ignored, ...v.match.duplicates];
        return { sheetName: v.sheet, headerRow: v.headerRow, columns: v.match.columns, ignored, rows: v.rows, sha256, fileBytes };
      }
      verdicts.push(v);
    }
    if (verdicts.every((v) => v.kind === 'empty')) throw invalid('文件中没有数据：所有工作表都是空的');
    const noCode = verdicts.find((v) => v.kind === 'no-code');
    if (noCode) throw invalid(`工作表「${noCode.sheet}」第 ${noCode.headerRow} 行的表头缺少必需的列：村代码（12 位村级行政区划代码）。请核对列名后重新导入`);
    const household = verdicts.find((v) => v.kind === 'household');
    if (household) {
      throw invalid(`工作表「${household.sheet}」是贫困户、贫困人口信息表（每人或每户一行），不是贫困村信息表。请在导入时选择“户和人员”，或选择村信息表文件`);
    }
    throw invalid(
      `没有找到贫困村信息表：各工作表的前 ${HEADER_SEARCH_ROWS} 行中都没有可识别的表头。需要“村代码”及采集表的字段（如 村名、总户数、总人口数）作为列名，每个村一行（可先导出“${VILLAGE_SHEET_NAME}”作为模板）`,
    );
  });
}

/** Whether `file` is a village-form workbook (for `fupin import`, which takes either kind); never throws. */
export async function isVillageWorkbook(file: string): Promise<boolean> {
  try {
    return await withWorkbook(file, async (wb) => {
      for (const sheet of wb.sheets) if ((await readSheet(wb, sheet, true)).kind === 'village') return true;
      return false;
    });
  } catch {
    return false;
  }
}
