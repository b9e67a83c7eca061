// Opening a village-form workbook (贫困村信息): the sheet whose header row names the village
// form's columns, with 村代码 among them, read whole (a county has a few hundred villages).
//
// The pieces are the registry reader's (zip-file.ts, sheet-rows.ts, workbook-parts.ts, layout.ts's
// heading matcher); only the choice of sheet differs, which read.ts makes for the household
// layout's required columns. read.ts is left as it is: when the file is not a workbook at all,
// readRegistrySheet is asked why, so both importers say the same sentence about a CSV, an .xls
// or a damaged file.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../api/errors';
import { matchHeaderRow, type HeaderMatch, type LayoutColumn } from './layout';
import { HEADER_SEARCH_ROWS, readRegistrySheet } from './read';
import { SheetRowScanner, type SheetRow } from './sheet-rows';
import { officeDocumentPath, parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, type SheetRef } from './workbook-parts';
import { CODE_COLUMN, VILLAGE_HEADERS, VILLAGE_SHEET_NAME } from './village-layout';
import { XlsxFormatError, ZipFile } from './zip-file';

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

/** read.ts's sentence for a file that is not a readable workbook (it refuses it before any sheet). */
async function notAWorkbook(file: string): Promise<AppError> {
  try {
    await readRegistrySheet(file, () => undefined);
  } catch (err) {
    if (err instanceof AppError) return err;
  }
  return invalid('不是 xlsx 文件：无法作为 Excel 工作簿打开');
}

interface Opened {
  zip: ZipFile;
  sheets: SheetRef[];
  context: { sharedStrings: string[]; dateStyles: boolean[]; date1904: boolean };
}

async function openWorkbook(file: string, size: number): Promise<Opened> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open(file, size);
  } catch {
    throw await notAWorkbook(file);
  }
  try {
    const text = async (name: string | undefined, max = 16 * MiB): Promise<string | undefined> => {
      const e = name ? zip.entry(name) : undefined;
      return e ? zip.readText(e, max) : undefined;
    };
    const workbookPath = officeDocumentPath(await text('_rels/.rels'));
    const workbookXml = await text(workbookPath);
    if (workbookXml === undefined) throw await notAWorkbook(file);
    const slash = workbookPath.lastIndexOf('/');
    const dir = slash < 0 ? '' : workbookPath.slice(0, slash);
    const rels = parseRelationships((await text(`${dir ? `${dir}/` : ''}_rels/${workbookPath.slice(slash + 1)}.rels`)) ?? '', dir);
    const { sheets, date1904 } = parseWorkbook(workbookXml, rels);
    const part = (suffix: string) => [...rels.values()].find((p) => p.toLowerCase().endsWith(suffix));
    const dateStyles = parseDateStyles(await text(part('styles.xml')));
    const sharedStrings = parseSharedStrings(await text(part('sharedstrings.xml'), 64 * MiB));
    return { zip, sheets, context: { sharedStrings, dateStyles, date1904 } };
  } catch (err) {
    await zip.close();
    throw err instanceof XlsxFormatError ? invalid(err.message) : err;
  }
}

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
async function readSheet(wb: Opened, sheet: SheetRef, headOnly: boolean): Promise<SheetVerdict> {
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
  const scanner = new SheetRowScanner(wb.context, (row) => {
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

async function withWorkbook<T>(file: string, use: (wb: Opened, fileBytes: number) => Promise<T>): Promise<T> {
  let size: number;
  try {
    const s = await stat(file);
    size = s.isFile() ? s.size : 0;
  } catch {
    size = 0;
  }
  if (size === 0) throw await notAWorkbook(file);
  if (size > MAX_FILE_BYTES) throw invalid(`文件过大（${(size / MiB).toFixed(0)} MB）：村信息表每个村一行，一个县不过几百行，请核对是否选错了文件`);
  const wb = await openWorkbook(file, size);
  try {
    return await use(wb, size);
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
