// Exporting the registry to xlsx, in the national person-row layout (the one the importer reads,
// so export → import gives the same records back) or one row per household.
//
// This is the official, full export: ID numbers, phones and bank accounts are written unmasked,
// because the file goes to the province or back into another station. Callers decide who may
// run it; printed and on-screen lists mask these fields instead (domain/masking.ts).
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Station } from '../../station';
import { AppError } from '../../api/errors';
import { recordEvent, type Actor } from '../../db/write-path';
import { ancestorCode, isRegionCode } from '../../domain/region-code';
import { codeOfLabel, codesOfLabels, labelOf, type CodeTableDefinition } from '../../domain/registry/code-tables';
import type { FieldSpec } from '../../domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import { regionRange } from '../registry/households-read';
import { effectiveCodeTables } from '../registry/reference-data';
import { regionNames } from '../registry/region-names';
import { HOUSEHOLD_LAYOUT, HOUSEHOLD_SHEET_NAME, PERSON_LAYOUT, PERSON_SHEET_NAME, type LayoutColumn } from './layout';

export type ExportLayout = 'person' | 'household';

export interface ExportOptions {
  /** A village, township or the county: everything below it */
  regionCode: string;
  layout: ExportLayout;
  /** Only households whose 年度 is this year */
  year?: number;
  /** The .xlsx file to write (replaced if it exists) */
  out: string;
  /** Who exports: when given, the export is recorded in the audit log (full personal data left the station) */
  actor?: Actor;
}

export interface ExportResult {
  /** Data rows written (persons for the person layout, households for the household layout) */
  rows: number;
  households: number;
  file: string;
}

/**
 * A stored value as the form prints it for the record's year: labels (as printed on the imported
 * form when the record kept that, else the year's table), 是/否, ISO dates.
 */
export function cellOf(spec: FieldSpec, value: unknown, year: number, tables: readonly CodeTableDefinition[], printed?: Record<string, string>): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  const asPrinted = printed?.[spec.key];
  if (asPrinted && spec.codeField && stillPrints(spec, asPrinted, value, year, tables)) return asPrinted;
  switch (spec.kind) {
    case 'bool':
      return value ? '是' : '否';
    case 'code':
      return spec.codeField ? (labelOf(spec.codeField, String(value), year, tables) ?? String(value)) : String(value);
    case 'codes': {
      if (!Array.isArray(value) || value.length === 0) return null;
      return value.map((v) => (spec.codeField ? (labelOf(spec.codeField, String(v), year, tables) ?? String(v)) : String(v))).join(',');
    }
    case 'number':
    case 'int':
    case 'year':
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
    default:
      return String(value);
  }
}

/**
 * An as-printed label is used only while it still stands for the stored code: a record edited on
 * the household page since the import may have a new code and a stale printed label.
 */
function stillPrints(spec: FieldSpec, asPrinted: string, value: unknown, year: number, tables: readonly CodeTableDefinition[]): boolean {
  if (spec.kind === 'code') return codeOfLabel(spec.codeField!, asPrinted, year, tables) === value;
  if (spec.kind !== 'codes' || !Array.isArray(value)) return false;
  const { codes, unknown } = codesOfLabels(spec.codeField!, asPrinted, year, tables);
  return unknown.length === 0 && codes.length === value.length && codes.every((c, i) => c === value[i]);
}

interface LoadedHousehold {
  id: string;
  regionCode: string;
  record: HouseholdRecord;
  members: PersonRecord[];
  conditions: ConditionsRecord | null;
  income: IncomeRecord | null;
}

const BATCH = 500;

/** The conditions or income record of the household's year, else the latest one before it. */
function pick<T>(rows: { year: number; record: T }[], dataYear: number): T | null {
  let best: { year: number; record: T } | null = null;
  for (const r of rows) {
    if (r.year === dataYear) return r.record;
    if (r.year < dataYear && (!best || r.year > best.year)) best = r;
  }
  return best?.record ?? null;
}

/** Households below the region in batches, each with its current members, conditions and income. */
function* loadBatches(station: Station, regionCode: string, year: number | undefined): Generator<LoadedHousehold[]> {
  const db = station.db.$client;
  const [lo, hi] = regionRange(regionCode);
  const ids = (
    db
      .prepare(
        `SELECT id FROM households WHERE region_code >= ? AND region_code < ? ${year === undefined ? '' : 'AND data_year = ?'}
          ORDER BY region_code, group_name, household_number, head_name, id`,
      )
      .all(...(year === undefined ? [lo, hi] : [lo, hi, year])) as { id: string }[]
  ).map((r) => r.id);
  for (let at = 0; at < ids.length; at += BATCH) {
    const batch = ids.slice(at, at + BATCH);
    const marks = batch.map(() => '?').join(',');
    const byId = new Map<string, LoadedHousehold>();
    for (const h of db.prepare(`SELECT id, region_code AS regionCode, record FROM households WHERE id IN (${marks})`).all(...batch) as { id: string; regionCode: string; record: string }[]) {
      byId.set(h.id, { id: h.id, regionCode: h.regionCode, record: JSON.parse(h.record), members: [], conditions: null, income: null });
    }
    for (const m of db
      .prepare(`SELECT m.household_id AS hid, p.record FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.to_date IS NULL AND m.household_id IN (${marks}) ORDER BY m.household_id, m.sort_order, m.from_date`)
      .all(...batch) as { hid: string; record: string }[]) {
      byId.get(m.hid)?.members.push(JSON.parse(m.record));
    }
    const yearly = (table: 'conditions' | 'incomes') => {
      const out = new Map<string, { year: number; record: unknown }[]>();
      for (const r of db.prepare(`SELECT household_id AS hid, year, record FROM ${table} WHERE household_id IN (${marks})`).all(...batch) as { hid: string; year: number; record: string }[]) {
        const list = out.get(r.hid) ?? [];
        list.push({ year: r.year, record: JSON.parse(r.record) });
        out.set(r.hid, list);
      }
      return out;
    };
    const conditionRows = yearly('conditions');
    const incomeRows = yearly('incomes');
    yield batch.map((id) => {
      const h = byId.get(id)!;
      h.conditions = pick(conditionRows.get(id) ?? [], h.record.dataYear) as ConditionsRecord | null;
      h.income = pick(incomeRows.get(id) ?? [], h.record.dataYear) as IncomeRecord | null;
      return h;
    });
  }
}

/**
 * Writes the households below `regionCode` to an xlsx file with exceljs's streaming writer, a
 * batch of households at a time, so a county's 150 000 rows never sit in memory together. The
 * file appears under its name only when complete (written next to it, then renamed).
 */
export async function exportXlsx(station: Station, options: ExportOptions): Promise<ExportResult> {
  if (!isRegionCode(options.regionCode)) throw new AppError('INVALID_INPUT', `区划代码应为 12 位数字：${options.regionCode}`);
  if (options.layout !== 'person' && options.layout !== 'household') throw new AppError('INVALID_INPUT', '导出格式应为 person（每人一行）或 household（每户一行）');
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${randomUUID()}.xlsx.part`);
  const layout = options.layout === 'person' ? PERSON_LAYOUT : HOUSEHOLD_LAYOUT;
  const tables = effectiveCodeTables(station.db);
  const names = regionNames(station.db);

  // exceljs is loaded on first export: it costs ~0.4 s at every start of the station otherwise
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  wb.creator = '扶贫工作站';
  wb.created = station.clock();
  const ws = wb.addWorksheet(options.layout === 'person' ? PERSON_SHEET_NAME : HOUSEHOLD_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  // Text columns are formatted as text (@), so that an ID number typed over in Excel stays text.
  ws.columns = layout.map((c) => ({ key: c.id, width: c.width, ...(c.spec?.kind === 'text' ? { style: { numFmt: '@' } } : {}) }));
  const header = ws.addRow(layout.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
  header.commit();

  let rows = 0;
  let householdCount = 0;
  try {
    for (const batch of loadBatches(station, options.regionCode, options.year)) {
      for (const h of batch) {
        householdCount += 1;
        if (options.layout === 'person') {
          for (const person of h.members) {
            rows += 1;
            ws.addRow(layout.map((c) => valueOf(c, h, person, rows, tables, names))).commit();
          }
        } else {
          rows += 1;
          const head = h.members.find((m) => m.relationship === '01') ?? null;
          ws.addRow(layout.map((c) => valueOf(c, h, head, rows, tables, names))).commit();
        }
      }
      // let the zip stream drain before the next batch
      await new Promise((r) => setImmediate(r));
    }
    ws.commit();
    await wb.commit();
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  if (options.actor) {
    recordEvent(
      station.db,
      options.actor,
      { action: 'registry.export', entity: 'region', entityId: options.regionCode },
      { format: 'xlsx', layout: options.layout, year: options.year ?? null, households: householdCount, rows, file: basename(out) },
      station.clock(),
    );
  }
  return { rows, households: householdCount, file: out };
}

function valueOf(
  c: LayoutColumn,
  h: LoadedHousehold,
  person: PersonRecord | null,
  seq: number,
  tables: readonly CodeTableDefinition[],
  names: Map<string, string>,
): string | number | null {
  const year = h.record.dataYear;
  switch (c.section) {
    case 'meta':
      if (c.key === 'seq') return seq;
      if (c.key === 'township') return names.get(ancestorCode(h.regionCode, 'township')) ?? null;
      if (c.key === 'village') return names.get(h.regionCode) ?? null;
      if (c.key === 'memberCount') return h.members.length;
      return null;
    case 'household':
      return cellOf(c.spec!, c.key === 'regionCode' ? h.regionCode : (h.record as unknown as Record<string, unknown>)[c.key], year, tables, h.record.labelsAsPrinted);
    case 'person':
    case 'head':
      return person ? cellOf(c.spec!, (person as unknown as Record<string, unknown>)[c.key], year, tables, person.labelsAsPrinted) : null;
    case 'conditions':
      return h.conditions ? cellOf(c.spec!, (h.conditions as unknown as Record<string, unknown>)[c.key], h.conditions.dataYear ?? year, tables) : null;
    case 'income':
      return h.income ? cellOf(c.spec!, (h.income as unknown as Record<string, unknown>)[c.key], year, tables) : null;
  }
}
