// The parts of an xlsx around the sheets: which sheet is which (workbook.xml and its
// relationships), which cell styles are dates (styles.xml), and the shared strings.
import { attributes, elementBody, startTags, stringItemText } from './xml-text';

export interface SheetRef {
  name: string;
  /** Part name inside the zip, e.g. 'xl/worksheets/sheet1.xml' */
  path: string;
  hidden: boolean;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolvePartPath(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

/** The workbook part named by the package relationships (_rels/.rels), usually xl/workbook.xml. */
export function officeDocumentPath(rootRels: string | undefined): string {
  if (rootRels) {
    for (const tag of startTags(rootRels, 'Relationship')) {
      const a = attributes(tag);
      if (a.Type?.endsWith('/officeDocument') && a.Target) return resolvePartPath('', a.Target);
    }
  }
  return 'xl/workbook.xml';
}

export function parseRelationships(xml: string, baseDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of startTags(xml, 'Relationship')) {
    const a = attributes(tag);
    if (a.Id && a.Target && a.TargetMode !== 'External') out.set(a.Id, resolvePartPath(baseDir, a.Target));
  }
  return out;
}

export function parseWorkbook(xml: string, rels: Map<string, string>): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  for (const tag of startTags(xml, 'sheet')) {
    const a = attributes(tag);
    const rid = a['r:id'] ?? a.id;
    const path = rid ? rels.get(rid) : undefined;
    if (a.name !== undefined && path) sheets.push({ name: a.name, path, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
  }
  const pr = startTags(xml, 'workbookPr')[0];
  const d = pr ? attributes(pr).date1904 : undefined;
  return { sheets, date1904: d === '1' || d === 'true' };
}

// Built-in number formats that show a date: 14–22 everywhere, 27–36 and 50–58 in the Chinese,
// Japanese and Korean locales (年/月/日 forms), 45–47 times.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom number format shows a date or time (y, m, d, h, s outside quotes and brackets). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:\$|[a-zA-Z]+\d*|=|<|>)[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/general/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare) || /[年月日]/.test(code);
}

/** For each cell style index (the `s` attribute of a cell): does it show the number as a date? */
export function parseDateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt')) {
    const a = attributes(tag);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const cellXfs = elementBody(xml, 'cellXfs') ?? '';
  return startTags(cellXfs, 'xf').map((tag) => {
    const id = Number(attributes(tag).numFmtId ?? '0');
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? stringItemText(m[1]) : '');
  return out;
}
