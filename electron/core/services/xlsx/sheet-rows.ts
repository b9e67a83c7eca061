// Rows of one worksheet part, scanned from the inflated XML bytes as they stream in. A row is
// handled only once its closing tag has arrived, so no row is ever seen half; the bytes before
// it are dropped, so memory holds one chunk and one row whatever the sheet's length.
//
// The scan works on bytes, not on a decoded string: a county sheet is some 600 MB of XML with
// ten million cells, and decoding it all to UTF-16 and searching that took longer than the
// whole import may. Buffer.indexOf is native; only the cell values themselves are decoded.
import { decodeXml, stringItemText } from './xml-text';
import { XlsxFormatError } from './zip-file';

/** A number cell whose style shows a date: the Excel serial day number (1900 system). */
export class ExcelDate {
  constructor(readonly serial: number) {}
}

/** An error cell (#N/A, #VALUE! …). */
export class CellError {
  constructor(readonly code: string) {}
}

export type CellValue = string | number | boolean | ExcelDate | CellError;

export interface SheetRow {
  /** 1-based row number as Excel shows it */
  number: number;
  /** By 0-based column index; undefined for an empty cell */
  cells: (CellValue | undefined)[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  /** Workbooks from old Mac Excel count days from 1904; ExcelDate always holds the 1900 serial. */
  date1904?: boolean;
}

/** Columns beyond this are ignored: a registry sheet has about 150, a hostile one could claim 16 384. */
export const MAX_COLUMNS = 1024;
/** A row is a few kilobytes; that many bytes without a row end is not a registry sheet. */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
/** Bytes of a column's last value kept for reuse: labels, village names, amounts */
const CACHE_SLOT = 48;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;

const EMPTY = Buffer.alloc(0);

const isSpace = (b: number): boolean => b === 32 || b === 9 || b === 10 || b === 13;
/** After an element name: whitespace, '>' or '/' (so <row does not match <rowBreaks). */
const endsName = (b: number): boolean => isSpace(b) || b === GT || b === SLASH;

/** Node's native slice decoder, without Buffer#toString's per-call encoding lookup. */
type FastBuffer = Buffer & { utf8Slice?: (start: number, end: number) => string };

function utf8(buf: Buffer, from: number, to: number): string {
  const fast = (buf as FastBuffer).utf8Slice;
  return fast ? fast.call(buf, from, to) : buf.toString('utf8', from, to);
}

/**
 * A plain decimal number (-12.50, 3, 1.5E-3) straight from the bytes, or NaN when the text is
 * anything else: most cells of a registry sheet are numbers, and a string per number is waste.
 */
function numberAt(buf: Buffer, from: number, to: number): number {
  let i = from;
  let negative = false;
  if (buf[i] === 45) {
    negative = true;
    i++;
  }
  let int = 0;
  let digits = 0;
  while (i < to) {
    const c = buf[i]!;
    if (c < 48 || c > 57) break;
    int = int * 10 + (c - 48);
    digits++;
    i++;
  }
  if (digits === 0 || digits > 15) return NaN;
  if (i === to) return negative ? -int : int;
  // fractions and exponents: let the engine round exactly as Number() does
  return NaN;
}

function findByte(buf: Buffer, byte: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (buf[i] === byte) return i;
  return -1;
}

function matchAt(buf: Buffer, at: number, pattern: Buffer): boolean {
  if (at + pattern.length > buf.length) return false;
  for (let k = 0; k < pattern.length; k++) if (buf[at + k] !== pattern[k]) return false;
  return true;
}

const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE_TEXT = 6;
const T_NUMBER = 0;

function typeCode(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  const c0 = buf[start];
  if (len === 1) return c0 === 115 ? T_SHARED : c0 === 98 ? T_BOOL : c0 === 101 ? T_ERROR : c0 === 100 ? T_DATE_TEXT : T_NUMBER;
  if (len === 3 && c0 === 115) return T_STR; // str
  if (len === 9 && c0 === 105) return T_INLINE; // inlineStr
  return T_NUMBER;
}

export class SheetRowScanner {
  private buf: Buffer = Buffer.alloc(0);
  private started = false;
  private done = false;
  private lastRow = 0;
  /** Set by parseCells: where the row's end tag starts, -1 when it has not arrived */
  private rowEnd = -1;
  /** Bytes of the leftover row already searched for its end tag in vain */
  private seenNoRowEnd = 0;
  private rowOpen!: Buffer;
  private rowClose!: Buffer;
  private cellOpen!: Buffer;
  private cellClose!: Buffer;
  private vOpen!: Buffer;
  private vClose!: Buffer;
  private sheetDataClose!: Buffer;
  // attributes of the tag being read, set by readAttributes
  private aR = -1;
  private aRCol = -1;
  private aS = -1;
  private aT = T_NUMBER;
  // the last value read in each column, by its bytes (see cellValue)
  private readonly cacheBytes = Buffer.alloc(MAX_COLUMNS * CACHE_SLOT);
  private readonly cacheLen = new Int32Array(MAX_COLUMNS).fill(-1);
  private readonly cacheType = new Int8Array(MAX_COLUMNS);
  private readonly cacheStyle = new Int32Array(MAX_COLUMNS);
  private readonly cacheValue: (CellValue | undefined)[] = new Array<CellValue | undefined>(MAX_COLUMNS).fill(undefined);

  constructor(
    private readonly ctx: SheetContext,
    private readonly onRow: (row: SheetRow) => boolean | void,
  ) {}

  /**
   * Feeds more bytes; false once the consumer has stopped or the sheet data has ended. The
   * scanner may keep a view of `chunk` until the next call: the caller must not refill it.
   */
  push(chunk: Buffer): boolean {
    if (this.done) return false;
    if (this.started && this.buf.length > 0) {
      // The row cut by the last chunk's end is completed from the head of this chunk, up to the
      // next row's start; the rest of the chunk is scanned where it lies. Joining each 256 KB
      // chunk to the leftover instead would copy the whole 600 MB sheet once more.
      const next = this.nextRowStart(chunk);
      if (next > 0) {
        this.buf = Buffer.concat([this.buf, chunk.subarray(0, next)]);
        this.scanRows();
        if (this.done) return false;
        // what is left between that row's end and the next row's start is whitespace
        if (this.buf.includes(LT)) this.buf = Buffer.concat([this.buf, chunk.subarray(next)]);
        else this.buf = chunk.subarray(next);
        this.scanRows();
        return !this.done;
      }
    }
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (this.buf.length > MAX_PENDING_BYTES) throw new XlsxFormatError('工作表中有一行数据超过 64 MB，文件异常，已拒绝');
    if (!this.started && !this.findSheetData()) return !this.done;
    this.scanRows();
    return !this.done;
  }

  /** Where the first whole row start tag of `chunk` begins; -1 when it holds none. */
  private nextRowStart(chunk: Buffer): number {
    const at = chunk.indexOf(this.rowOpen);
    const after = at + this.rowOpen.length;
    // <rowBreaks> and the like follow the sheet data: the plain path sees to them
    return at >= 0 && after < chunk.length && endsName(chunk[after]!) ? at : -1;
  }

  private findSheetData(): boolean {
    const buf = this.buf;
    let at = buf.indexOf('sheetData');
    while (at >= 0) {
      // walk back over an optional prefix to the '<'
      let lt = at - 1;
      while (lt >= 0 && buf[lt] !== LT && buf[lt] !== GT && !isSpace(buf[lt]!)) lt--;
      if (lt >= 0 && buf[lt] === LT && endsName(buf[at + 9] ?? 32)) {
        const gt = buf.indexOf(GT, at);
        if (gt < 0) return false;
        const prefix = buf.toString('latin1', lt + 1, at);
        this.rowOpen = Buffer.from(`<${prefix}row`);
        this.rowClose = Buffer.from(`</${prefix}row>`);
        this.cellOpen = Buffer.from(`<${prefix}c`);
        this.cellClose = Buffer.from(`</${prefix}c>`);
        this.vOpen = Buffer.from(`<${prefix}v>`);
        this.vClose = Buffer.from(`</${prefix}v>`);
        this.sheetDataClose = Buffer.from(`</${prefix}sheetData>`);
        this.started = true;
        if (buf[gt - 1] === SLASH) this.done = true; // <sheetData/>: no rows
        this.buf = buf.subarray(gt + 1);
        return !this.done;
      }
      at = buf.indexOf('sheetData', at + 9);
    }
    // keep a tail long enough to hold a tag split between chunks
    if (buf.length > 4096) this.buf = Buffer.from(buf.subarray(buf.length - 4096));
    return false;
  }

  private scanRows(): void {
    const buf = this.buf;
    const openLen = this.rowOpen.length;
    let pos = 0;
    while (!this.done) {
      const start = buf.indexOf(this.rowOpen, pos);
      if (start < 0) {
        if (buf.indexOf(this.sheetDataClose, pos) >= 0) this.done = true;
        else pos = Math.max(pos, buf.length - openLen - this.sheetDataClose.length);
        break;
      }
      if (start + openLen >= buf.length) {
        pos = start;
        break;
      }
      if (!endsName(buf[start + openLen]!)) {
        // <rowBreaks> and the like come after the sheet data
        this.done = true;
        break;
      }
      const gt = buf.indexOf(GT, start);
      if (gt < 0) {
        pos = start;
        break;
      }
      const selfClosing = buf[gt - 1] === SLASH;
      if (!selfClosing && start === 0 && this.seenNoRowEnd > 0) {
        // the row left over from the last push had no end yet: look for it in the new bytes only
        if (buf.indexOf(this.rowClose, Math.max(gt, this.seenNoRowEnd - this.rowClose.length)) < 0) {
          this.seenNoRowEnd = buf.length;
          break;
        }
      }
      this.seenNoRowEnd = 0;
      this.readAttributes(buf, start + openLen, selfClosing ? gt - 1 : gt);
      const number = this.aR > 0 ? this.aR : this.lastRow + 1;
      let cells: (CellValue | undefined)[] = [];
      let next = gt + 1;
      if (!selfClosing) {
        // parseCells finds the row's end tag itself: one pass over the row's bytes, not two
        cells = this.parseCells(buf, gt + 1, buf.length);
        if (this.rowEnd < 0) {
          pos = start;
          this.seenNoRowEnd = buf.length - start;
          break;
        }
        next = this.rowEnd + this.rowClose.length;
      }
      this.lastRow = number;
      pos = next;
      if (this.onRow({ number, cells }) === false) this.done = true;
    }
    // a view, not a copy: the inflater never reuses a chunk it has handed over
    this.buf = pos >= buf.length ? EMPTY : buf.subarray(pos);
  }

  /**
   * Reads the r, s and t attributes of a start tag between `from` and `to` into aR/aRCol, aS and
   * aT. r is a row number on <row> and a cell reference (AB12) on <c>.
   */
  private readAttributes(buf: Buffer, from: number, to: number): void {
    this.aR = -1;
    this.aRCol = -1;
    this.aS = -1;
    this.aT = T_NUMBER;
    let i = from;
    while (i < to) {
      while (i < to && isSpace(buf[i]!)) i++;
      const nameStart = i;
      while (i < to && buf[i] !== EQUALS && !isSpace(buf[i]!)) i++;
      const nameEnd = i;
      while (i < to && buf[i] !== QUOTE && buf[i] !== APOS) i++;
      if (i >= to) return;
      const quote = buf[i]!;
      const valueStart = ++i;
      while (i < to && buf[i] !== quote) i++;
      const valueEnd = i++;
      if (nameEnd - nameStart !== 1) continue;
      const name = buf[nameStart];
      if (name === 114) {
        // r: letters (column) then digits (row)
        let col = 0;
        let j = valueStart;
        for (; j < valueEnd; j++) {
          const c = buf[j]!;
          if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
          else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
          else break;
        }
        let row = 0;
        for (; j < valueEnd; j++) {
          const c = buf[j]!;
          if (c < 48 || c > 57) break;
          row = row * 10 + (c - 48);
        }
        this.aRCol = col - 1;
        this.aR = row;
      } else if (name === 115) {
        let s = 0;
        for (let j = valueStart; j < valueEnd; j++) s = s * 10 + (buf[j]! - 48);
        this.aS = s;
      } else if (name === 116) {
        this.aT = typeCode(buf, valueStart, valueEnd);
      }
    }
  }

  // Cells are found with plain byte loops: Buffer.indexOf is native but costs a fixed ~100 ns a
  // call, and a county sheet would make some forty million such calls.
  /**
   * The cells of the row whose content starts at `from`, up to its end tag, whose position goes
   * to rowEnd; rowEnd is -1 when the row does not end before `to` (the rest is still to come).
   */
  private parseCells(buf: Buffer, from: number, to: number): (CellValue | undefined)[] {
    const cells: (CellValue | undefined)[] = [];
    const open = this.cellOpen;
    const close = this.cellClose;
    const rowClose = this.rowClose;
    this.rowEnd = -1;
    let col = -1;
    let p = from;
    for (;;) {
      p = findByte(buf, LT, p, to);
      if (p < 0) return cells;
      if (buf[p + 1] === SLASH && matchAt(buf, p, rowClose)) {
        this.rowEnd = p;
        return cells;
      }
      if (!matchAt(buf, p, open) || !endsName(buf[p + open.length]!)) {
        p++;
        continue;
      }
      const nameEnd = p + open.length;
      const gt = findByte(buf, GT, nameEnd, to);
      if (gt < 0) return cells;
      const selfClosing = buf[gt - 1] === SLASH;
      this.readAttributes(buf, nameEnd, selfClosing ? gt - 1 : gt);
      col = this.aRCol >= 0 ? this.aRCol : col + 1;
      if (selfClosing) {
        p = gt + 1;
        continue;
      }
      // the cell's end tag: the first '</c>' after the start tag (values hold no raw '<'); a
      // cell cut off by its row's end tag is dropped, and the row ends there
      let end = findByte(buf, LT, gt + 1, to);
      while (end >= 0 && !matchAt(buf, end, close)) {
        if (buf[end + 1] === SLASH && matchAt(buf, end, rowClose)) {
          this.rowEnd = end;
          return cells;
        }
        end = findByte(buf, LT, end + 1, to);
      }
      if (end < 0) return cells;
      if (col < MAX_COLUMNS && end > gt + 1) {
        const value = this.cellValue(buf, gt + 1, end, col);
        if (value !== undefined) cells[col] = value;
      }
      p = end + close.length;
    }
  }

  private cellValue(buf: Buffer, from: number, to: number, col: number): CellValue | undefined {
    const t = this.aT;
    if (t === T_INLINE) {
      const text = stringItemText(utf8(buf, from, to));
      return text === '' ? undefined : text;
    }
    const vOpen = this.vOpen;
    if (!matchAt(buf, from, vOpen)) {
      // <v> after a formula (<f>…</f><v>) or with attributes
      const inner = utf8(buf, from, to);
      const m = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(inner);
      if (!m || m[1] === '') return undefined;
      return this.typedValue(m[1]!);
    }
    const vs = from + vOpen.length;
    const ve = findByte(buf, LT, vs, to);
    if (ve <= vs) return undefined;
    if (t === T_SHARED) {
      let index = 0;
      for (let j = vs; j < ve; j++) index = index * 10 + (buf[j]! - 48);
      const text = this.ctx.sharedStrings[index];
      return text === undefined || text === '' ? undefined : text;
    }
    // The same value as this column's last cell (a household's columns repeat on every member
    // row; 是/否 and labels repeat everywhere): reuse it instead of decoding a new string.
    const len = ve - vs;
    const slot = col * CACHE_SLOT;
    const cacheable = len <= CACHE_SLOT && col < MAX_COLUMNS;
    if (cacheable && this.cacheLen[col] === len && this.cacheType[col] === t && this.cacheStyle[col] === this.aS) {
      const bytes = this.cacheBytes;
      let k = 0;
      while (k < len && buf[vs + k] === bytes[slot + k]) k++;
      if (k === len) return this.cacheValue[col];
    }
    let value: CellValue | undefined;
    const n = t === T_NUMBER ? numberAt(buf, vs, ve) : NaN;
    if (!Number.isNaN(n)) value = this.aS >= 0 && this.ctx.dateStyles[this.aS] ? new ExcelDate(this.ctx.date1904 ? n + 1462 : n) : n;
    else value = this.typedValue(utf8(buf, vs, ve));
    if (cacheable) {
      // by hand: Buffer#copy's argument checks cost more than copying a few bytes
      const bytes = this.cacheBytes;
      for (let k = 0; k < len; k++) bytes[slot + k] = buf[vs + k]!;
      this.cacheLen[col] = len;
      this.cacheType[col] = t;
      this.cacheStyle[col] = this.aS;
      this.cacheValue[col] = value;
    }
    return value;
  }

  private typedValue(raw: string): CellValue | undefined {
    switch (this.aT) {
      case T_SHARED: {
        const text = this.ctx.sharedStrings[Number(raw)];
        return text === undefined || text === '' ? undefined : text;
      }
      case T_STR:
      case T_DATE_TEXT: {
        const text = decodeXml(raw);
        return text === '' ? undefined : text;
      }
      case T_BOOL:
        return raw === '1' || raw === 'true';
      case T_ERROR:
        return new CellError(decodeXml(raw));
      default: {
        const n = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(n)) return decodeXml(raw);
        return this.aS >= 0 && this.ctx.dateStyles[this.aS] ? new ExcelDate(this.ctx.date1904 ? n + 1462 : n) : n;
      }
    }
  }
}
