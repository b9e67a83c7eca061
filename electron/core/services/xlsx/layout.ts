// The two spreadsheet layouts of the registry and how a file's headings are recognised.
//
// - Person layout (the national one, 贫困人口信息): one row per member, the household's fields
//   (and its conditions and income) repeated on every member's row.
// - Household layout (贫困户信息): one row per household with the head's personal fields and the
//   member count; for reading on paper and in pivot tables, not for import.
//
// Every heading comes from the field specs, so a column is named the same way on the form, in
// the export and in the importer; only the place columns (乡镇, 行政村), 序号 and 成员人数 are
// defined here, because they are facts of the layout rather than of a record.
import { CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS, type FieldSpec } from '../../domain/registry/field-specs';

export type ColumnSection = 'meta' | 'household' | 'person' | 'conditions' | 'income' | 'head';

export interface LayoutColumn {
  /** `${section}.${key}`, unique within a layout */
  id: string;
  section: ColumnSection;
  /** Record property (or the meta column's name) */
  key: string;
  header: string;
  aliases: readonly string[];
  /** The field spec behind a record column; null for the layout's own columns */
  spec: FieldSpec | null;
  /** Column width in Excel character units */
  width: number;
}

const META: Record<'seq' | 'township' | 'village' | 'memberCount', { header: string; aliases: string[]; width: number }> = {
  seq: { header: '序号', aliases: ['顺序号', 'No.'], width: 7 },
  township: { header: '乡（镇）', aliases: ['乡镇', '乡镇名称', '乡（镇、街道）', '镇', '乡镇街道'], width: 12 },
  village: { header: '行政村', aliases: ['村', '村名', '村名称', '行政村名称', '村（社区）', '所在村', '村委会'], width: 18 },
  memberCount: { header: '成员人数', aliases: ['现有成员数'], width: 9 },
};

/** Display width of a heading: CJK characters count double. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function widthOf(header: string, spec: FieldSpec | null): number {
  let min = 8;
  if (spec) {
    if (spec.sensitive === 'id' || spec.sensitive === 'bank') min = 21;
    else if (spec.sensitive === 'phone') min = 13;
    else if (spec.kind === 'date') min = 11;
    else if (spec.kind === 'codes') min = 16;
    else if (spec.kind === 'code' || spec.kind === 'text') min = 10;
    else if (spec.kind === 'bool') min = 6;
  }
  return Math.min(30, Math.max(min, Math.ceil(displayWidth(header) * 0.9) + 2));
}

function meta(key: keyof typeof META): LayoutColumn {
  const m = META[key];
  return { id: `meta.${key}`, section: 'meta', key, header: m.header, aliases: m.aliases, spec: null, width: m.width };
}

function fields(section: 'household' | 'person' | 'conditions' | 'income', specs: readonly FieldSpec[]): LayoutColumn[] {
  return specs.map((spec) => ({
    id: `${section}.${spec.key}`,
    section,
    key: spec.key,
    header: spec.label,
    aliases: spec.aliases ?? [],
    spec,
    width: widthOf(spec.label, spec),
  }));
}

/** The head's personal fields printed on the household layout, headed 户主性别, 户主民族 … */
const HEAD_KEYS = ['sex', 'birthDate', 'ethnicity', 'politicalStatus', 'education', 'health', 'labourSkill'] as const;

function headColumns(): LayoutColumn[] {
  return HEAD_KEYS.map((key) => {
    const spec = PERSON_FIELDS.find((s) => s.key === key)!;
    const header = `户主${spec.label}`;
    return { id: `head.${key}`, section: 'head', key, header, aliases: [], spec, width: widthOf(header, spec) };
  });
}

/** The national layout: one row per person. */
export const PERSON_LAYOUT: readonly LayoutColumn[] = [
  meta('seq'),
  meta('township'),
  meta('village'),
  ...fields('household', HOUSEHOLD_FIELDS),
  ...fields('person', PERSON_FIELDS),
  ...fields('conditions', CONDITIONS_FIELDS),
  ...fields('income', INCOME_FIELDS),
];

/** One row per household. */
export const HOUSEHOLD_LAYOUT: readonly LayoutColumn[] = [
  meta('seq'),
  meta('township'),
  meta('village'),
  ...fields('household', HOUSEHOLD_FIELDS),
  ...fields('conditions', CONDITIONS_FIELDS),
  ...fields('income', INCOME_FIELDS),
  ...headColumns(),
  meta('memberCount'),
];

export const PERSON_SHEET_NAME = '贫困人口信息';
export const HOUSEHOLD_SHEET_NAME = '贫困户信息';

// ---------------------------------------------------------------------------------------------
// Recognising headings

/**
 * Headings are typed by hand, pasted from other systems and saved by WPS: fold full-width forms
 * to half-width (NFKC: （）→(), Ａ→A), drop every space and line break, ignore case, treat
 * 【】[] as brackets, and drop the required-field marks (*, ※) and a trailing colon.
 */
export function foldHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(/^[*※]+|[*※]+$/g, '')
    .replace(/:$/, '');
}

/** A folded heading without its bracketed parts, which hold units (元, 亩, 月) or glosses. */
export function stripBrackets(folded: string): string {
  let out = folded;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\([^()]*\)/g, '');
  }
  return out;
}

export interface HeaderIndex {
  /** The column a heading names, or undefined. Exact names win over names without units. */
  lookup(header: string): LayoutColumn | undefined;
}

export function headerIndex(columns: readonly LayoutColumn[]): HeaderIndex {
  const exact = new Map<string, LayoutColumn>();
  const loose = new Map<string, LayoutColumn>();
  for (const col of columns) {
    for (const name of [col.header, ...col.aliases]) {
      const f = foldHeader(name);
      if (!exact.has(f)) exact.set(f, col);
      const s = stripBrackets(f);
      if (s !== '' && !loose.has(s)) loose.set(s, col);
    }
  }
  return {
    lookup(header) {
      const f = foldHeader(header);
      if (f === '') return undefined;
      return exact.get(f) ?? loose.get(stripBrackets(f));
    },
  };
}

/** Names that two different columns would share once folded: must stay empty (tested). */
export function headerCollisions(columns: readonly LayoutColumn[]): string[] {
  const owner = new Map<string, string>();
  const out: string[] = [];
  for (const col of columns) {
    for (const name of [col.header, ...col.aliases]) {
      for (const key of new Set([foldHeader(name), stripBrackets(foldHeader(name))])) {
        const prev = owner.get(key);
        if (prev !== undefined && prev !== col.id) out.push(`${name}: ${prev} / ${col.id}`);
        else owner.set(key, col.id);
      }
    }
  }
  return out;
}

export const PERSON_HEADERS = headerIndex(PERSON_LAYOUT);

/** Columns an import cannot do without, each satisfied by any one of its column ids. */
export const REQUIRED_COLUMNS: readonly { label: string; anyOf: readonly string[] }[] = [
  { label: '户主证件号码（或户编号）', anyOf: ['household.headIdNumber', 'household.householdNumber'] },
  { label: '证件号码', anyOf: ['person.idNumber'] },
  { label: '姓名', anyOf: ['person.name'] },
  { label: '与户主关系', anyOf: ['person.relationship'] },
  { label: '行政区划代码（或行政村名称）', anyOf: ['household.regionCode', 'meta.village'] },
];

export interface HeaderMatch {
  /** By 0-based sheet column: the layout column it holds, or null when not recognised */
  columns: (LayoutColumn | null)[];
  recognized: number;
  /** Headings we did not recognise (ignored on import) */
  ignored: string[];
  /** Headings naming a column already taken by an earlier one (the first wins) */
  duplicates: string[];
  /** Labels of REQUIRED_COLUMNS with none of their columns present */
  missing: string[];
}

export function matchHeaderRow(cells: readonly unknown[], index: HeaderIndex = PERSON_HEADERS): HeaderMatch {
  const columns: (LayoutColumn | null)[] = [];
  const taken = new Set<string>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i];
    const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
    columns[i] = null;
    if (text === '') continue;
    const col = index.lookup(text);
    if (!col) ignored.push(text);
    else if (taken.has(col.id)) duplicates.push(text);
    else {
      taken.add(col.id);
      columns[i] = col;
    }
  }
  const missing = REQUIRED_COLUMNS.filter((r) => !r.anyOf.some((id) => taken.has(id))).map((r) => r.label);
  return { columns, recognized: taken.size, ignored, duplicates, missing };
}
