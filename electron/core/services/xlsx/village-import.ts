// Importing village forms (贫困村信息采集表) from xlsx, one row per village, the way the household
// import works (import.ts): a dry run that reports row by row what is wrong and what would
// change; an apply that writes every valid village or nothing, in one runWrite. A row is the
// village's stored form with the file's columns laid over it (a column the file lacks keeps its
// stored value; an empty cell empties the field), checked by the form's own rules
// (checkVillageRecord), so a form imported is a form that could have been saved on its page.
// Villages equal to what is stored are left alone: importing the same file twice changes nothing.
import { basename } from 'node:path';
import type { Station } from '../../station';
import { villages } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { isRegionCode, levelOfCode, regionWithin } from '../../domain/region-code';
import { checkVillageRecord } from '../../domain/registry/village-form';
import { getRegion } from '../regions';
import { readNode } from '../node-setup';
import { effectiveCodeTables } from '../registry/reference-data';
import { cellContext, FORMAT_RULES, INVALID, parseField, parseYear } from './cells';
import type { CellValue } from './sheet-rows';
import type { ImportApplyResult, ImportMode, ImportProblem, ImportReport } from './import';
import { sameRecord, villageKey } from './import-plan';
import { CODE_COLUMN, VILLAGE_LAYOUT, YEAR_COLUMN } from './village-layout';
import { villageFormsBelow, type VillageFormRow } from './village-export';
import { readVillageSheet, type VillageSheet } from './village-read';

export interface VillageImportSummary {
  /** Data rows read (one per village) */
  rows: number;
  /** Valid rows; valid = new + changed + unchanged */
  validVillages: number;
  /** Rows with at least one error: never written */
  invalidVillages: number;
  /** Villages without a saved form that get one */
  newVillages: number;
  changedVillages: number;
  unchangedVillages: number;
  warnings: number;
  errors: number;
}

/** The household import's report (import.ts), counted in villages. */
export type VillageImportReport = Omit<ImportReport, 'summary'> & { summary: VillageImportSummary };

export type VillageImportApplyResult = Omit<ImportApplyResult, 'summary'> & { summary: VillageImportSummary };

export interface VillageImportOptions {
  /** Villages must lie in this region; default: the node's own region */
  scopeCode?: string;
  /** Refuse to apply when the file is no longer the one the dry run saw */
  expectedSha256?: string;
}

/** Rule names of the row's village code (the field rules are checkVillageRecord's and cells.ts's). */
export const VILLAGE_IMPORT_RULES = { region: 'IMP-REGION', scope: 'IMP-SCOPE', duplicate: 'IMP-DUPLICATE', name: 'IMP-NAME' } as const;

interface PlannedVillage {
  row: number;
  status: 'invalid' | 'new' | 'changed' | 'unchanged';
  code: string | null;
  record: Record<string, unknown> | null;
  problems: ImportProblem[];
}

const CODE_LABEL = '村代码';
const LABELS = new Map(VILLAGE_LAYOUT.map((c) => [c.key, c.header]));

/** The code as typed: text, or a number cell (12 digits are exact in a double). */
function codeText(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v.normalize('NFKC').replace(/\s+/g, '') : '';
}

const YEAR_SPEC = VILLAGE_LAYOUT.find((c) => c.id === YEAR_COLUMN)!.spec!;

/** The row's 年度, or the stored form's when the cell is empty or unreadable (reported). */
function rowYear(cell: CellValue | undefined, stored: number, report: (rule: string, message: string) => void): number {
  const y = parseYear(YEAR_SPEC, cell, (p) => report(p.rule, p.message));
  if (y === INVALID || y === null) return stored;
  if (y < 2013) {
    report(FORMAT_RULES.year, `「年度」应为 2013 年以后的年份，实际为 ${y}`);
    return stored;
  }
  return y;
}

function placeName(station: Station, code: string): string {
  return getRegion(station.db, code)?.name ?? '';
}

/** Plans every row against the database as it is now; touches no table. */
function plan(station: Station, sheet: VillageSheet, scopeCode: string): PlannedVillage[] {
  const tables = effectiveCodeTables(station.db);
  const ctx = cellContext(tables);
  const scopeName = placeName(station, scopeCode) || '本辖区';
  const forms = new Map<string, VillageFormRow>(villageFormsBelow(station, scopeCode).map((v) => [v.code, v]));
  const codeAt = sheet.columns.findIndex((c) => c?.id === CODE_COLUMN);
  const yearAt = sheet.columns.findIndex((c) => c?.id === YEAR_COLUMN);
  const fields = sheet.columns.flatMap((c, i) => (c?.spec && c.id !== YEAR_COLUMN ? [{ at: i, spec: c.spec }] : []));
  const firstRowOf = new Map<string, number>();

  return sheet.rows.map((row): PlannedVillage => {
    const problems: ImportProblem[] = [];
    const add = (field: string, rule: string, message: string, severity: ImportProblem['severity'] = 'error') => problems.push({ row: row.number, field, rule, severity, message });
    const refuse = (rule: string, message: string): PlannedVillage => {
      add(CODE_LABEL, rule, message);
      return { row: row.number, status: 'invalid', code: null, record: null, problems };
    };

    const code = codeText(row.cells[codeAt]);
    if (code === '') return refuse(VILLAGE_IMPORT_RULES.region, '没有填写村代码（12 位村级行政区划代码），不知道是哪个村');
    if (!isRegionCode(code) || levelOfCode(code) !== 'village') return refuse(VILLAGE_IMPORT_RULES.region, `村代码应为 12 位村级行政区划代码，实际为“${code.slice(0, 20)}”`);
    if (!regionWithin(scopeCode, code)) {
      const where = placeName(station, code);
      return refuse(VILLAGE_IMPORT_RULES.scope, `村代码 ${code}${where ? `（${where}）` : ''}不在${scopeName}范围内：超出管辖范围，该村不能导入`);
    }
    const form = forms.get(code);
    if (!form) return refuse(VILLAGE_IMPORT_RULES.region, `村代码 ${code} 不是本库中${scopeName}的村`);
    const earlier = firstRowOf.get(code);
    if (earlier !== undefined) return refuse(VILLAGE_IMPORT_RULES.duplicate, `村代码 ${code}（${form.divisionName}）与第 ${earlier} 行重复：每个村只能有一行`);
    firstRowOf.set(code, row.number);

    const before = form.record as unknown as Record<string, unknown>;
    const next: Record<string, unknown> = { ...before };
    const year = rowYear(row.cells[yearAt], form.record.dataYear, (rule, message) => add('年度', rule, message));
    next.dataYear = year;
    const unreadable = new Set<string>();
    for (const { at, spec } of fields) {
      const value = parseField(spec, row.cells[at], year, ctx, (p) => {
        add(spec.label, p.rule, p.message);
        unreadable.add(spec.key);
      });
      if (value === INVALID) continue;
      // an empty 灾害类型 cell is the empty list the form keeps, unless nothing was ever filled in
      next[spec.key] = value ?? (spec.kind === 'codes' && before[spec.key] != null ? [] : null);
    }
    // A cell that could not be read is reported once, not again by the form's rules on the
    // stored value it left in place.
    for (const v of checkVillageRecord(next, { year, tables })) {
      if (!unreadable.has(v.field)) add(LABELS.get(v.field) ?? v.field, v.rule, v.message, v.severity);
    }
    if (typeof next.name === 'string' && villageKey(next.name) !== villageKey(form.divisionName)) {
      add('村名', VILLAGE_IMPORT_RULES.name, `村名“${next.name.slice(0, 20)}”与村代码 ${code} 的区划名称（${form.divisionName}）不一致，请核对村代码是否填对`, 'warning');
    }
    if (problems.some((p) => p.severity === 'error')) return { row: row.number, status: 'invalid', code, record: null, problems };
    // A village without a form whose row is as empty as the form it would open with stays without one.
    const status = sameRecord(next, before) ? 'unchanged' : form.stored ? 'changed' : 'new';
    return { row: row.number, status, code, record: next, problems };
  });
}

function buildReport(file: string, sheet: VillageSheet, planned: readonly PlannedVillage[], readMs: number, checkMs: number): VillageImportReport {
  const count = (s: PlannedVillage['status']) => planned.filter((p) => p.status === s).length;
  const all = planned.flatMap((p) => p.problems);
  return {
    file: { name: basename(file), sha256: sheet.sha256, bytes: sheet.fileBytes, sheetName: sheet.sheetName, headerRow: sheet.headerRow },
    summary: {
      rows: planned.length,
      validVillages: planned.length - count('invalid'),
      invalidVillages: count('invalid'),
      newVillages: count('new'),
      changedVillages: count('changed'),
      unchangedVillages: count('unchanged'),
      warnings: all.filter((p) => p.severity === 'warning').length,
      errors: all.filter((p) => p.severity === 'error').length,
    },
    problems: all,
    problemCount: all.length,
    ignoredColumns: sheet.ignored,
    timings: { readMs: Math.round(readMs), checkMs: Math.round(checkMs), writeMs: 0 },
  };
}

async function readTimed(file: string): Promise<{ sheet: VillageSheet; readMs: number }> {
  const started = performance.now();
  const sheet = await readVillageSheet(file);
  return { sheet, readMs: performance.now() - started };
}

/** Reads the file and reports what importing it would do; writes nothing. */
export async function villageImportDryRun(station: Station, file: string, options: VillageImportOptions = {}): Promise<VillageImportReport> {
  const { sheet, readMs } = await readTimed(file);
  const started = performance.now();
  const planned = plan(station, sheet, options.scopeCode ?? readNode(station).regionCode);
  return buildReport(file, sheet, planned, readMs, performance.now() - started);
}

/**
 * Imports the file. The rows are planned again inside the write transaction, so what is written
 * matches the database at that moment. 'all-or-nothing' refuses (ROW_INVALID, nothing written)
 * when any row has an error; 'valid-only' writes the valid rows and skips the rest. One audit
 * entry names the file (SHA-256) and the counts, also when nothing changed.
 */
export async function villageImportApply(station: Station, actor: Actor, file: string, mode: ImportMode, options: VillageImportOptions = {}): Promise<VillageImportApplyResult> {
  const { sheet, readMs } = await readTimed(file);
  if (options.expectedSha256 && options.expectedSha256 !== sheet.sha256) {
    throw new AppError('CONFLICT', '文件在预检之后被修改过，请重新预检后再导入');
  }
  const now = station.clock();
  return runWrite(
    station.db,
    actor,
    { action: 'registry.village.import', entity: 'import', entityId: sheet.sha256 },
    (w) => {
      const checkStarted = performance.now();
      const planned = plan(station, sheet, options.scopeCode ?? readNode(station).regionCode);
      const report = buildReport(file, sheet, planned, readMs, performance.now() - checkStarted);
      const s = report.summary;
      if (mode === 'all-or-nothing' && s.invalidVillages > 0) {
        const first = report.problems.filter((p) => p.severity === 'error').slice(0, 3);
        throw new AppError(
          'ROW_INVALID',
          `文件中有 ${s.invalidVillages} 个村（共 ${s.errors} 处错误）未通过检查，按“全部导入或全不导入”未导入任何数据。例如：${first.map((p) => `第 ${p.row} 行：${p.message}`).join('；')}`,
          { summary: s, problems: report.problems.slice(0, 50), problemCount: report.problemCount },
        );
      }
      const writeStarted = performance.now();
      const at = now.toISOString();
      let inserted = 0;
      let updated = 0;
      for (const p of planned) {
        if (p.status === 'new') {
          w.insert(villages, { regionCode: p.code!, record: p.record!, updatedAt: at });
          inserted += 1;
        } else if (p.status === 'changed') {
          w.update(villages, p.code!, { record: p.record!, updatedAt: at });
          updated += 1;
        }
      }
      const applied = { inserted, updated, unchanged: s.unchangedVillages, skipped: s.invalidVillages };
      w.note('import', { file: report.file.name, sha256: report.file.sha256, sheet: report.file.sheetName, rows: s.rows, mode, ...applied });
      report.timings.writeMs = Math.round(performance.now() - writeStarted);
      return { ...report, mode, applied };
    },
    now,
  );
}
