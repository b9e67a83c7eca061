// The village form (贫困村信息采集表) as a spreadsheet: one row per village, 村代码, 乡（镇） and 年度
// first, then every field of the form headed by its label (domain/registry/village-form.ts), so
// the export, the importer and the page name a column the same way.
//
// Headings are recognised with the household layout's matcher (layout.ts: full-width forms,
// spaces, units in brackets), over these columns instead of the household ones.
import type { FieldSpec } from '../../domain/registry/field-specs';
import { VILLAGE_FIELDS, type VillageField } from '../../domain/registry/village-form';
import { headerIndex, type HeaderIndex, type LayoutColumn } from './layout';

export const VILLAGE_SHEET_NAME = '贫困村信息';

const KINDS: Record<VillageField['kind'], FieldSpec['kind']> = {
  text: 'text',
  count: 'int',
  area: 'number',
  km: 'number',
  yuan: 'number',
  year: 'year',
  longitude: 'number',
  latitude: 'number',
  bool: 'bool',
  code: 'code',
  codes: 'codes',
};

/** The village form's kinds as the cell parsers and cellOf know them (cells.ts, export.ts). */
export function villageSpec(field: VillageField): FieldSpec {
  return { key: field.key, label: field.label, kind: KINDS[field.kind], ...(field.table ? { codeField: field.table } : {}) };
}

// Other headings seen on village forms for the same column; none may fold onto another column's
// (tested with headerCollisions).
const ALIASES: Partial<Record<VillageField['key'], string[]>> = {
  name: ['行政村', '村名称', '行政村名称'],
  leaderName: ['负责人'],
  phone: ['负责人电话', '电话'],
  householdCount: ['户数'],
  populationCount: ['总人口', '人口数'],
};

const displayWidth = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** 'meta.code': the village's 12-digit code, the key of a row. */
export const CODE_COLUMN = 'meta.code';
/** 'meta.township': printed for reading a county's file; ignored on import (the code says where). */
export const TOWNSHIP_COLUMN = 'meta.township';

/** 'meta.dataYear': the form's 年度, so a form moved to another station keeps its year. */
export const YEAR_COLUMN = 'meta.dataYear';

/**
 * The columns in order. Section 'meta' for all of them: none is a household layout's section, and
 * the importer tells the two identifying columns from the form's fields by `spec`.
 */
export const VILLAGE_LAYOUT: readonly LayoutColumn[] = [
  { id: CODE_COLUMN, section: 'meta', key: 'code', header: '村代码', aliases: ['行政区划代码', '区划代码', '村级区划代码', '行政村代码'], spec: null, width: 15 },
  { id: TOWNSHIP_COLUMN, section: 'meta', key: 'township', header: '乡（镇）', aliases: ['乡镇', '乡镇名称', '乡（镇、街道）'], spec: null, width: 12 },
  { id: YEAR_COLUMN, section: 'meta', key: 'dataYear', header: '年度', aliases: ['数据年度', '填报年度'], spec: { key: 'dataYear', label: '年度', kind: 'year' }, width: 7 },
  ...VILLAGE_FIELDS.map((f) => ({
    id: `village.${f.key}`,
    section: 'meta' as const,
    key: f.key,
    header: f.label,
    aliases: ALIASES[f.key] ?? [],
    spec: villageSpec(f),
    width: Math.min(24, Math.max(f.kind === 'text' || f.kind === 'codes' ? 12 : 8, Math.ceil(displayWidth(f.label) * 0.6) + 2)),
  })),
];

export const VILLAGE_HEADERS: HeaderIndex = headerIndex(VILLAGE_LAYOUT);
