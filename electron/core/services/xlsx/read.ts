// Opening a registry workbook: the file is checked (size, magic bytes, zip directory) before any
// part is inflated; then each sheet is scanned for a header row among its first rows, and the
// first sheet whose headings name the registry's columns is streamed row by row to the caller.
//
// Why our own reader and not exceljs.stream.xlsx.WorkbookReader: on this 2-core machine exceljs
// needed 100 s to stream a 150 000-row sheet (a SAX event and a Cell object per cell, styles
// resolved per cell) — five times the whole import budget. The string scanner below reads the
// same sheet in a few seconds, never spills it to a temp file (exceljs does when the sheet comes
// before the shared strings, as in files saved by Excel) and caps every size it inflates.
// exceljs still writes our exports, and the tests build their input files with it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../api/errors';
import { matchHeaderRow, PERSON_HEADERS, type HeaderIndex, type HeaderMatch } from './layout';
import { SheetRowScanner, type SheetRow } from './sheet-rows';
import { officeDocumentPath, parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, type SheetRef } from './workbook-parts';
import { XlsxFormatError, ZipFile } from './zip-file';

const MiB = 1024 * 1024;

export interface ReadLimits {
  maxFileBytes: number;
  /** Inflated size of one sheet's XML (a 150 000-row county sheet is about 600 MB) */
  maxSheetBytes: number;
  maxSharedStringsBytes: number;
  maxDataRows: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 200 * MiB,
  maxSheetBytes: 2048 * MiB,
  maxSharedStringsBytes: 256 * MiB,
  maxDataRows: 500_000,
});

/** How far down a sheet the header row may sit (title rows, grouped headings above it). */
export const HEADER_SEARCH_ROWS = 10;
/** A row naming fewer known columns than this is not taken for a header row. */
const MIN_RECOGNIZED = 3;

export interface SheetFound {
  sheetName: string;
  /** 1-based row number of the header row */
  headerRow: number;
  header: HeaderMatch;
}

export interface ReadResult extends SheetFound {
  sha256: string;
  fileBytes: number;
  dataRows: number;
}

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** Refuses what is not an xlsx by its first bytes, with a message that says what it looks like. */
async function checkFileKind(file: string): Promise<number> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw invalid('所选路径不是文件');
    size = s.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('找不到文件或无法读取，请检查文件路径');
  }
  if (size === 0) throw invalid('文件是空的（0 字节），不是 xlsx 文件');
  if (size > DEFAULT_READ_LIMITS.maxFileBytes) {
    throw invalid(`文件过大（${(size / MiB).toFixed(0)} MB），超过导入上限 ${DEFAULT_READ_LIMITS.maxFileBytes / MiB} MB。请按乡镇分成几个文件导入`);
  }
  const head = Buffer.alloc(Math.min(size, 512));
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return size;
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
    throw invalid('这是旧版 Excel 97-2003（.xls）文件或设置了打开密码的文件，不能直接导入。请在 Excel/WPS 中取消密码并“另存为 Excel 工作簿（*.xlsx）”后再导入');
  }
  if (looksLikeText(head)) {
    throw invalid('不是 xlsx 文件：文件内容是文本（可能是 CSV 或改了扩展名的文本文件）。请在 Excel/WPS 中打开后“另存为 Excel 工作簿（*.xlsx）”再导入');
  }
  throw invalid('不是 xlsx 文件：文件内容不是 Excel 2007 及以上版本的工作簿格式（可能已损坏或只是改了扩展名）');
}

function looksLikeText(head: Buffer): boolean {
  let text = head;
  if (text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf) text = text.subarray(3);
  if (text.length === 0) return true;
  if (text.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(text.subarray(0, Math.max(0, text.length - 4)));
    return true;
  } catch {
    // GBK text (CSV saved by Chinese Excel) is not UTF-8, but has no control bytes either
    return !text.some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface Workbook {
  zip: ZipFile;
  sheets: SheetRef[];
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

async function openWorkbook(file: string, size: number): Promise<Workbook> {
  const zip = await ZipFile.open(file, size);
  try {
    const small = async (name: string): Promise<string | undefined> => {
      const e = zip.entry(name);
      return e ? zip.readText(e, 16 * MiB) : undefined;
    };
    const workbookPath = officeDocumentPath(await small('_rels/.rels'));
    const workbookXml = await small(workbookPath);
    if (workbookXml === undefined) {
      throw invalid('不是 Excel 工作簿：压缩包中没有工作簿内容（可能是改了扩展名的 Word/WPS 文档或其他压缩包）');
    }
    const dir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : '';
    const relsPath = `${dir ? dir + '/' : ''}_rels/${workbookPath.slice(dir ? dir.length + 1 : 0)}.rels`;
    const rels = parseRelationships((await small(relsPath)) ?? '', dir);
    const { sheets, date1904 } = parseWorkbook(workbookXml, rels);
    const partOf = (type: string): string | undefined => {
      for (const p of rels.values()) if (p.toLowerCase().endsWith(type)) return p;
      return undefined;
    };
    const stylesPath = partOf('styles.xml');
    const dateStyles = parseDateStyles(stylesPath ? await small(stylesPath) : undefined);
    const sstPath = partOf('sharedstrings.xml');
    const sstEntry = sstPath ? zip.entry(sstPath) : undefined;
    const sharedStrings = parseSharedStrings(sstEntry ? await zip.readText(sstEntry, DEFAULT_READ_LIMITS.maxSharedStringsBytes) : undefined);
    return { zip, sheets, sharedStrings, dateStyles, date1904 };
  } catch (err) {
    await zip.close();
    throw err;
  }
}

async function openCheckedWorkbook(file: string, fileBytes: number): Promise<Workbook> {
  try {
    return await openWorkbook(file, fileBytes);
  } catch (err) {
    throw asAppError(err);
  }
}

/**
 * Opens `file` as a workbook for another reader (the village forms), refusing what is not one
 * with the same sentences as the registry import. The caller closes `zip`.
 */
export async function openXlsxWorkbook(file: string): Promise<Workbook & { fileBytes: number }> {
  const fileBytes = await checkFileKind(file);
  return { ...(await openCheckedWorkbook(file, fileBytes)), fileBytes };
}

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  headers?: HeaderIndex;
}

/**
 * Reads the registry sheet of `file`, calling `onRow` for every data row below the header row
 * (rows that are entirely empty are skipped). Every problem with the file as a whole — not an
 * xlsx, damaged, empty, no sheet with the registry's headings, headings missing a required
 * column — is an AppError('INVALID_INPUT') with a Chinese message, raised before the first data
 * row is handed over, so a caller that writes only after reading can never half-apply a file.
 */
export async function readRegistrySheet(
  file: string,
  onRow: (row: SheetRow, found: SheetFound) => void,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const headers = options.headers ?? PERSON_HEADERS;
  const fileBytes = await checkFileKind(file);
  const hashing = sha256Of(file);
  hashing.catch(() => undefined);
  const wb = await openCheckedWorkbook(file, fileBytes);
  try {
    if (wb.sheets.length === 0) throw invalid('工作簿中没有工作表');
    let anyRows = false;
    let nearMiss: { sheet: string; row: number; header: HeaderMatch } | null = null;
    for (const sheet of wb.sheets) {
      const entry = wb.zip.entry(sheet.path);
      if (!entry) continue;
      const head: SheetRow[] = [];
      let found: SheetFound | null = null;
      let dataRows = 0;
      const decide = (): void => {
        let best: { row: SheetRow; match: HeaderMatch } | null = null;
        for (const row of head) {
          const match = matchHeaderRow(row.cells, headers);
          if (match.recognized >= MIN_RECOGNIZED && (!best || match.recognized > best.match.recognized)) best = { row, match };
        }
        if (!best) return;
        if (best.match.missing.length > 0) {
          if (!nearMiss || best.match.recognized > nearMiss.header.recognized) nearMiss = { sheet: sheet.name, row: best.row.number, header: best.match };
          return;
        }
        found = { sheetName: sheet.name, headerRow: best.row.number, header: best.match };
      };
      const deliver = (row: SheetRow, f: SheetFound): void => {
        if (row.cells.every((c) => c === undefined)) return;
        dataRows += 1;
        if (dataRows > limits.maxDataRows) {
          throw invalid(`数据行过多（超过 ${limits.maxDataRows} 行），请按乡镇分成几个文件导入`);
        }
        onRow(row, f);
      };
      const scanner = new SheetRowScanner({ sharedStrings: wb.sharedStrings, dateStyles: wb.dateStyles, date1904: wb.date1904 }, (row) => {
        if (row.cells.some((c) => c !== undefined)) anyRows = true;
        if (found) return void deliver(row, found);
        head.push(row);
        if (head.length < HEADER_SEARCH_ROWS) return;
        decide();
        if (!found) return false; // not this sheet: stop inflating it
        const f: SheetFound = found;
        for (const r of head) if (r.number > f.headerRow) deliver(r, f);
      });
      await wb.zip.streamBytes(entry, limits.maxSheetBytes, (bytes) => scanner.push(bytes));
      if (!found && head.length < HEADER_SEARCH_ROWS) {
        // the sheet ended within the search window
        decide();
        const f = found as SheetFound | null;
        if (f) for (const r of head) if (r.number > f.headerRow) deliver(r, f);
      }
      const f = found as SheetFound | null;
      if (f) {
        if (dataRows === 0) throw invalid(`工作表「${f.sheetName}」只有表头（第 ${f.headerRow} 行），没有数据行`);
        return { ...f, sha256: await hashing, fileBytes, dataRows };
      }
    }
    if (!anyRows) throw invalid('文件中没有数据：所有工作表都是空的');
    const miss = nearMiss as { sheet: string; row: number; header: HeaderMatch } | null;
    if (miss) {
      throw invalid(`工作表「${miss.sheet}」第 ${miss.row} 行的表头缺少必需的列：${miss.header.missing.join('、')}。请核对列名后重新导入`);
    }
    throw invalid(
      `没有找到贫困人口信息表：各工作表的前 ${HEADER_SEARCH_ROWS} 行中都没有可识别的表头。需要“户主证件号码（或户编号）、证件号码、姓名、与户主关系、行政区划代码（或行政村）”等列，每个成员一行`,
    );
  } catch (err) {
    throw asAppError(err);
  } finally {
    await wb.zip.close();
  }
}

function asAppError(err: unknown): unknown {
  if (err instanceof XlsxFormatError) return invalid(err.message);
  return err;
}
