// 统计表 by township and village: for a county, one row per township; for a township, one row
// per village; plus the total. Every figure is a count over the same household set (statuses
// and sizes on the table's date, from the household events), so rows always add up to the
// total. The same rows print as a document (kind 'statistics') and export as xlsx.
import type { Db } from '../../db/connection';
import type { Station } from '../../station';
import { AppError } from '../../api/errors';
import { ancestorCode, levelOfCode } from '../../domain/region-code';
import { codeTable, groupOf } from '../../domain/registry/code-tables';
import { householdSizeOn, yearFlows } from '../../domain/workflow/flows';
import { householdStatusOn } from '../../domain/workflow/status';
import { incidencePercent } from '../../domain/workflow/area-exit';
import { statisticsColumns } from '../../printing/documents/statistics';
import { percent } from '../../printing/documents/shared/format';
import type { Count, StatisticsData, StatisticsRow } from '../../printing/documents/types';
import { effectiveCodeTables } from '../registry/reference-data';
import { getRegion, regionsBelow } from '../regions';
import { writeWorkbook } from '../xlsx/workbook-file';
import { loadRegionHouseholds, villagePopulation, type RegionHousehold } from '../workflow/flows';
import { closedYear, headingFor, isoDay } from './village-facts';

/** The township or county code of a statistics request, or the Chinese reason it is not one. */
export function checkStatisticsRegion(db: Db, code: string): 'county' | 'township' {
  const region = typeof code === 'string' && /^\d{12}$/.test(code) ? getRegion(db, code) : undefined;
  const level = region ? levelOfCode(code) : null;
  if (level !== 'county' && level !== 'township') throw new AppError('INVALID_INPUT', `「${String(code)}」不是本库中的乡镇或县级区划代码，统计表按乡镇或县统计`);
  return level;
}

const zero = (): Count => ({ households: 0, persons: 0 });
const plus = (c: Count, persons: number): void => {
  c.households += 1;
  c.persons += persons;
};
const ATTRIBUTE_GROUPS = ['general', 'dibao', 'wubao'] as const;
type AttributeGroup = (typeof ATTRIBUTE_GROUPS)[number];
const isAttributeGroup = (g: string | undefined): g is AttributeGroup => (ATTRIBUTE_GROUPS as readonly string[]).includes(g ?? '');

function emptyRow(code: string, name: string, causes: number): StatisticsRow {
  return {
    code,
    name,
    registered: zero(),
    poor: zero(),
    returned: zero(),
    exited: zero(),
    byAttribute: { general: 0, dibao: 0, wubao: 0, unknown: 0 },
    byCause: Array.from({ length: causes }, () => 0),
    exitsOfYear: zero(),
    population: null,
    incidencePercent: null,
  };
}

const addCount = (a: Count, b: Count): void => {
  a.households += b.households;
  a.persons += b.persons;
};

/** The total row: every count summed; population only when every row has one. */
function sumRows(rows: readonly StatisticsRow[], code: string, name: string, causes: number): StatisticsRow {
  const t = emptyRow(code, name, causes);
  t.population = rows.length > 0 ? 0 : null;
  for (const r of rows) {
    for (const k of ['registered', 'poor', 'returned', 'exited', 'exitsOfYear'] as const) addCount(t[k], r[k]);
    for (const k of [...ATTRIBUTE_GROUPS, 'unknown'] as const) t.byAttribute[k] += r.byAttribute[k];
    r.byCause.forEach((n, i) => (t.byCause[i]! += n));
    t.population = t.population === null || r.population === null ? null : t.population + r.population;
  }
  t.incidencePercent = incidencePercent(t.poor.persons, t.population);
  return t;
}

/** 「高家庄村民委员会」 → 「高家庄村」, 「东山根社区居民委员会」 → 「东山根社区」: as a table names them. */
const shortName = (name: string): string => name.replace(/村民委员会$/, '村').replace(/居民委员会$/, '');

export function statisticsData(db: Db, regionCode: string, year: number, today: Date): StatisticsData {
  const level = checkStatisticsRegion(db, regionCode);
  const rowLevel = level === 'county' ? 'township' : 'village';
  const todayIso = isoDay(today);
  const asOf = `${year}-12-31` < todayIso ? `${year}-12-31` : todayIso;
  const tables = effectiveCodeTables(db);
  const households = loadRegionHouseholds(db, regionCode);
  const known = codeTable('cause', year, tables);
  const registered = households
    .map((h) => ({ h, status: householdStatusOn(h.events, asOf), persons: householdSizeOn(h.memberships, asOf) }))
    .filter((x) => x.status.status === 'poor' || x.status.status === 'exited');
  const used = new Set(registered.map((x) => x.h.record.mainCause ?? ''));
  const causes = known.filter((c) => used.has(c.code)).map((c) => ({ code: c.code, label: c.label }));
  // A household without a (known) cause still counts, in its own column, so the columns add up.
  if (registered.some((x) => !known.some((c) => c.code === x.h.record.mainCause))) causes.push({ code: '', label: '未填写' });
  const causeColumn = (code: string | null | undefined): number => {
    const i = causes.findIndex((c) => c.code === code);
    return i >= 0 ? i : causes.length - 1;
  };

  const villages = regionsBelow(db, regionCode, 'village');
  const rowOf = (code: string): string => (rowLevel === 'village' ? code : ancestorCode(code, 'township'));
  const rows = regionsBelow(db, regionCode, rowLevel).map((r) => emptyRow(r.code, shortName(r.name), causes.length));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const x of registered) {
    const row = byCode.get(rowOf(x.h.regionCode));
    if (!row) continue;
    plus(row.registered, x.persons);
    if (x.status.status === 'poor') {
      plus(row.poor, x.persons);
      if (x.status.returned) plus(row.returned, x.persons);
    } else plus(row.exited, x.persons);
    const g = groupOf('attribute', x.h.record.attribute, x.h.record.dataYear, tables);
    row.byAttribute[isAttributeGroup(g) ? g : 'unknown'] += 1;
    row.byCause[causeColumn(x.h.record.mainCause)]! += 1;
  }
  const homesOf = new Map<string, RegionHousehold[]>();
  for (const h of households) homesOf.set(rowOf(h.regionCode), [...(homesOf.get(rowOf(h.regionCode)) ?? []), h]);
  for (const row of rows) {
    row.exitsOfYear = { ...yearFlows(homesOf.get(row.code) ?? [], year).exited };
    // Incidence needs every village's population: one missing village would understate it.
    const pops = villages.filter((v) => rowOf(v.code) === row.code).map((v) => villagePopulation(db, v.code));
    row.population = pops.length > 0 && pops.every((p) => p !== null) ? pops.reduce<number>((s, p) => s + p!, 0) : null;
    row.incidencePercent = incidencePercent(row.poor.persons, row.population);
  }
  const heading = { ...headingFor(db, regionCode, year, asOf, todayIso), villageName: '' };
  const scopeName = level === 'county' ? heading.countyName : heading.townshipName;
  return { heading, approved: closedYear(db, year), rowLevel, scopeName, causes, rows, total: sumRows(rows, regionCode, '合计', causes.length) };
}

export interface StatisticsExportOptions {
  /** A township or the county */
  regionCode: string;
  year: number;
  /** The .xlsx file to write (replaced if it exists) */
  out: string;
}

/**
 * The 统计表 as an xlsx: a title row, two heading rows (groups, then columns), one row per
 * township or village, and the 合计 row. `rows` counts the township/village rows, not the total.
 */
export async function exportStatisticsXlsx(station: Station, options: StatisticsExportOptions): Promise<{ rows: number }> {
  const d = statisticsData(station.db, options.regionCode, options.year, station.clock());
  const cols = statisticsColumns(d);
  const unit = d.rowLevel === 'village' ? '村' : '乡镇';
  await writeWorkbook(station, options.out, (wb) => {
    const ws = wb.addWorksheet('统计表', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
    const width = cols.length + 2;
    ws.addRow([`${d.heading.year}年度${d.scopeName}建档立卡贫困人口统计表（数据截至${d.heading.asOf}）`]);
    ws.mergeCells(1, 1, 1, width);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.addRow(['序号', unit, ...cols.map((c) => c.group || c.label)]);
    ws.addRow(['', '', ...cols.map((c) => (c.group ? c.label : ''))]);
    ws.mergeCells(2, 1, 3, 1);
    ws.mergeCells(2, 2, 3, 2);
    for (let i = 0; i < cols.length; ) {
      let span = 1;
      while (cols[i]!.group && cols[i + span]?.group === cols[i]!.group) span += 1;
      if (span > 1) ws.mergeCells(2, i + 3, 2, i + 2 + span);
      else if (!cols[i]!.group) ws.mergeCells(2, i + 3, 3, i + 3);
      i += span;
    }
    for (const r of [2, 3]) {
      ws.getRow(r).font = { bold: true };
      ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    // Incidence goes in as the printed text (「2.35%」) so the workbook reads like the paper table.
    const values = (r: (typeof d.rows)[number]) => cols.map((c) => (c.percent ? (c.value(r) === null ? null : percent(c.value(r))) : c.value(r)));
    d.rows.forEach((r, i) => ws.addRow([i + 1, r.name, ...values(r)]));
    const total = ws.addRow(['', d.total.name, ...values(d.total)]);
    total.font = { bold: true };
    ws.getColumn(2).width = 16;
  });
  return { rows: d.rows.length };
}
