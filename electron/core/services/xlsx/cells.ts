// One spreadsheet cell into one record value, the way county clerks fill sheets: labels as
// printed (因病, 是, 男) mapped to codes of the record's year, codes accepted as they are when
// the year's table has them, numbers typed as text ('1,200', '12.5亩'), dates as Excel dates or
// as text (2014-05-01, 2014/5/1, 20140501). A value that cannot be read is reported with the
// column's Chinese label and a rule name, never guessed.
//
// Messages may quote what was typed in coded, yes/no and number columns (因穷, 十亩), but never
// the content of names, ID numbers, phones or dates: those are personal data (style.md §9).
import { codeOfLabel, codeTable, isKnownCode, labelOf, normalizeLabel, versionOfYear, type CodeField, type CodeTableDefinition } from '../../domain/registry/code-tables';
import type { FieldSpec } from '../../domain/registry/field-specs';
import { CellError, ExcelDate, type CellValue } from './sheet-rows';

/** Rule names of format problems (quality findings use the Q-… codes of the rule catalogue). */
export const FORMAT_RULES = {
  code: 'IMP-CODE',
  bool: 'IMP-BOOL',
  number: 'IMP-NUMBER',
  range: 'IMP-RANGE',
  year: 'IMP-YEAR',
  date: 'IMP-DATE',
  idNumeric: 'IMP-ID-NUMERIC',
  digitsLost: 'IMP-DIGITS-LOST',
  text: 'IMP-TEXT',
  errorCell: 'IMP-ERROR-CELL',
} as const;

export interface CellProblem {
  rule: string;
  message: string;
}

interface Resolved {
  code: string | null;
  /** The text is another printed form of the label (本人或户主 for 户主, 大病 for 患有大病) */
  variant: boolean;
}

/** Per-import state: the code tables in force and a memo of labels already resolved. */
export interface CellContext {
  tables: readonly CodeTableDefinition[];
  /** code field → code-table version → text as typed → code */
  memo: Map<CodeField, Map<string, Map<string, Resolved>>>;
  /**
   * Set by the code parsers: the cell's text when it printed the label in another form than the
   * year's table (so the record can keep it in labelsAsPrinted, domain.md §0), else null.
   */
  printed: string | null;
}

export function cellContext(tables: readonly CodeTableDefinition[]): CellContext {
  return { tables, memo: new Map(), printed: null };
}

/** Returned by a parser that reported a problem: the field stays unset. */
export const INVALID = Symbol('invalid');
export type Parsed<T> = T | null | typeof INVALID;

type Report = (problem: CellProblem) => void;

const MAX_TEXT = 500;

/** Plain text of a cell, trimmed; null when empty. */
function textOf(v: CellValue): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Text and ID numbers

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/**
 * 证件号码 and 户主证件号码 must be text cells: an 18-digit number does not survive as an Excel
 * number (only 15 significant digits are kept, the rest become zeros), so a number cell here is
 * refused rather than read as a different person.
 */
export function parseIdText(spec: FieldSpec, v: CellValue | undefined, report: Report): Parsed<string> {
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  if (typeof v === 'number' || v instanceof ExcelDate || (typeof v === 'string' && SCIENTIFIC.test(v.trim()))) {
    report({
      rule: FORMAT_RULES.idNumeric,
      message: `「${spec.label}」是数字格式的单元格（或已变成科学计数法）：18 位号码存成数字会丢失末尾几位。请把该列设为“文本”格式，重新录入（或在号码前加英文单引号 '）后再导入`,
    });
    return INVALID;
  }
  if (typeof v === 'boolean') return parseText(spec, v, report);
  return textField(spec, v, report);
}

export function parseText(spec: FieldSpec, v: CellValue | undefined, report: Report): Parsed<string> {
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  if (typeof v === 'number') {
    // Phones and account numbers typed as numbers: exact up to 15 digits, beyond that Excel has
    // already replaced the last digits with zeros.
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) {
      report({ rule: FORMAT_RULES.digitsLost, message: `「${spec.label}」是超过 15 位的数字单元格，Excel 已丢失末尾数字。请把该列设为“文本”格式后重新录入` });
      return INVALID;
    }
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof ExcelDate) return isoOfSerial(v.serial) ?? String(v.serial);
  return textField(spec, v, report);
}

function textField(spec: FieldSpec, v: string, report: Report): Parsed<string> {
  const t = v.trim();
  if (t === '') return null;
  if (t.length > MAX_TEXT) {
    report({ rule: FORMAT_RULES.text, message: `「${spec.label}」内容过长（${t.length} 个字符，最多 ${MAX_TEXT} 个）` });
    return INVALID;
  }
  return t;
}

function errorCell(spec: FieldSpec, v: CellError, report: Report): typeof INVALID {
  report({ rule: FORMAT_RULES.errorCell, message: `「${spec.label}」单元格是公式错误值（${v.code}），请改为实际数据` });
  return INVALID;
}

// ---------------------------------------------------------------------------------------------
// Codes

function allowedLabels(field: CodeField, year: number, tables: readonly CodeTableDefinition[]): string {
  const labels = codeTable(field, year, tables).map((e) => e.label);
  if (labels.length === 0) return `${year}年度的表格没有此项，应留空`;
  const shown = labels.slice(0, 12).join('、');
  return labels.length > 12 ? `可填：${shown}……等 ${labels.length} 项` : `可填：${shown}`;
}

/** A code for a label or code typed in a cell, per the year's table; null when unknown. */
function resolveCode(field: CodeField, text: string, year: number, ctx: CellContext): Resolved {
  // A county file has ten million cells but a few hundred distinct labels: resolve each once.
  let byVersion = ctx.memo.get(field);
  if (!byVersion) ctx.memo.set(field, (byVersion = new Map()));
  const version = versionOfYear(year);
  let memo = byVersion.get(version);
  if (!memo) byVersion.set(version, (memo = new Map()));
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  let code: string | null = codeOfLabel(field, text, year, ctx.tables) ?? null;
  let variant = false;
  if (code !== null) {
    variant = normalizeLabel(labelOf(field, code, year, ctx.tables) ?? '') !== normalizeLabel(text);
  } else {
    // a code typed as such ('01', '1'); a single digit may have lost its leading zero in Excel
    const bare = text.normalize('NFKC').trim();
    if (isKnownCode(field, bare, year, ctx.tables)) code = bare;
    else if (/^\d$/.test(bare) && isKnownCode(field, `0${bare}`, year, ctx.tables)) code = `0${bare}`;
  }
  const resolved = { code, variant };
  memo.set(text, resolved);
  return resolved;
}

function codeText(v: CellValue): string | null {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : null;
  return textOf(v);
}

const quoted = (text: string): string => `“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”`;

export function parseCode(spec: FieldSpec, v: CellValue | undefined, year: number, ctx: CellContext, report: Report): Parsed<string> {
  ctx.printed = null;
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  const text = codeText(v);
  if (text === null) {
    if (typeof v === 'string') return null;
    report({ rule: FORMAT_RULES.code, message: `「${spec.label}」应填文字选项，${allowedLabels(spec.codeField!, year, ctx.tables)}` });
    return INVALID;
  }
  const { code, variant } = resolveCode(spec.codeField!, text, year, ctx);
  if (code !== null) {
    if (variant) ctx.printed = text;
    return code;
  }
  report({ rule: FORMAT_RULES.code, message: `「${spec.label}」的值${quoted(text)}不在${year}年度的代码表中，${allowedLabels(spec.codeField!, year, ctx.tables)}` });
  return INVALID;
}

/** Multi-valued codes ("残疾,长期慢性病", "因病、缺技术"); every part must resolve. */
export function parseCodes(spec: FieldSpec, v: CellValue | undefined, year: number, ctx: CellContext, report: Report): Parsed<string[]> {
  ctx.printed = null;
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  const text = codeText(v);
  if (text === null) return typeof v === 'string' ? null : INVALID;
  const codes: string[] = [];
  const unknown: string[] = [];
  let variant = false;
  for (const raw of text.split(/[,，、;；|]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const resolved = resolveCode(spec.codeField!, part, year, ctx);
    if (resolved.code === null) unknown.push(part);
    else if (!codes.includes(resolved.code)) codes.push(resolved.code);
    variant ||= resolved.variant;
  }
  if (unknown.length > 0) {
    report({
      rule: FORMAT_RULES.code,
      message: `「${spec.label}」中的${unknown.map(quoted).join('、')}不在${year}年度的代码表中，${allowedLabels(spec.codeField!, year, ctx.tables)}（多项用逗号或顿号分隔）`,
    });
    return INVALID;
  }
  if (variant) ctx.printed = text;
  return codes;
}

// ---------------------------------------------------------------------------------------------
// Yes/no, numbers, years, dates

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', '对']);
const FALSE_WORDS = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', 'x', '✗', '✘', '不是']);

export function parseBool(spec: FieldSpec, v: CellValue | undefined, report: Report): Parsed<boolean> {
  if (v === undefined) return null;
  if (v === '是') return true;
  if (v === '否') return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
  if (v instanceof CellError) return errorCell(spec, v, report);
  const text = typeof v === 'string' ? v.normalize('NFKC').trim().toLowerCase() : null;
  if (text === '') return null;
  if (text !== null && TRUE_WORDS.has(text)) return true;
  if (text !== null && FALSE_WORDS.has(text)) return false;
  report({ rule: FORMAT_RULES.bool, message: `「${spec.label}」应填“是”或“否”${text !== null ? `，实际为${quoted(text)}` : ''}` });
  return INVALID;
}

const UNIT_SUFFIX = /(元|万元|亩|平方米|m2|平米|公里|千米|km|个月|月|人|岁)$/i;

/** A number typed as text: thousands separators, spaces and a trailing unit are allowed. */
export function numberOfText(text: string): number | null {
  let t = text.normalize('NFKC').replace(/[\s,]/g, '');
  const unit = UNIT_SUFFIX.exec(t);
  if (unit && unit[1] !== '万元') t = t.slice(0, -unit[1]!.length);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

export function parseNumber(spec: FieldSpec, v: CellValue | undefined, report: Report): Parsed<number> {
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  let n: number | null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    if (v.trim() === '') return null;
    n = numberOfText(v);
  } else n = null;
  if (n === null || !Number.isFinite(n)) {
    const shown = typeof v === 'string' ? `，实际为${quoted(v.trim())}` : '';
    report({ rule: FORMAT_RULES.number, message: `「${spec.label}」应为数字${shown}` });
    return INVALID;
  }
  if (spec.kind === 'int' && !Number.isInteger(n)) {
    report({ rule: FORMAT_RULES.number, message: `「${spec.label}」应为整数，实际为 ${n}` });
    return INVALID;
  }
  if (spec.max !== undefined && n > spec.max) {
    report({ rule: FORMAT_RULES.range, message: `「${spec.label}」为 ${n}，超过合理上限 ${spec.max}，请核对（可能多输了位数或单位不对）` });
    return INVALID;
  }
  return n;
}

export function parseYear(spec: FieldSpec, v: CellValue | undefined, report: Report): Parsed<number> {
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  let y: number | null = null;
  if (typeof v === 'number') y = v;
  // a year typed into a date-formatted column shows as 1905-07-12 but holds 2020
  else if (v instanceof ExcelDate) y = v.serial;
  else if (typeof v === 'string') {
    const t = v.normalize('NFKC').trim().replace(/年(度)?$/, '');
    if (t === '') return null;
    y = /^\d{4}$/.test(t) ? Number(t) : null;
  }
  if (y === null || !Number.isInteger(y) || y < 1949 || y > 2100) {
    const shown = typeof v === 'string' || typeof v === 'number' ? `，实际为${quoted(String(v).trim())}` : '';
    report({ rule: FORMAT_RULES.year, message: `「${spec.label}」应为四位年份（如 2020）${shown}` });
    return INVALID;
  }
  return y;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01 and 60 the fictitious 1900-02-29. */
export function isoOfSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const ms = Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoOfDateText(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

export function parseDate(spec: FieldSpec, v: CellValue | undefined, report: Report): Parsed<string> {
  if (v === undefined) return null;
  if (v instanceof CellError) return errorCell(spec, v, report);
  let iso: string | null = null;
  if (v instanceof ExcelDate) iso = isoOfSerial(v.serial);
  else if (typeof v === 'number') {
    // 20140501 typed as a number, or a date serial in a column without a date format
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) iso = isoOfDateText(String(v));
    else if (v >= 1 && v < 73051) iso = isoOfSerial(v);
  } else if (typeof v === 'string') {
    if (v.trim() === '') return null;
    iso = isoOfDateText(v);
  }
  if (iso === null) {
    report({ rule: FORMAT_RULES.date, message: `「${spec.label}」不是有效日期（可写 2014-05-01、2014/5/1 或 20140501）` });
    return INVALID;
  }
  return iso;
}

/** Parses a cell by its field's kind; `year` chooses the code-table version. */
export function parseField(spec: FieldSpec, v: CellValue | undefined, year: number, ctx: CellContext, report: Report): unknown {
  switch (spec.kind) {
    case 'text':
      return spec.sensitive === 'id' ? parseIdText(spec, v, report) : parseText(spec, v, report);
    case 'code':
      return spec.codeField ? parseCode(spec, v, year, ctx, report) : parseText(spec, v, report);
    case 'codes':
      return spec.codeField ? parseCodes(spec, v, year, ctx, report) : parseText(spec, v, report);
    case 'bool':
      return parseBool(spec, v, report);
    case 'number':
    case 'int':
      return parseNumber(spec, v, report);
    case 'year':
      return parseYear(spec, v, report);
    case 'date':
      return parseDate(spec, v, report);
  }
}
