import { and, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import { codeOverrides, yearParams } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { CODE_FIELDS, DEFAULT_CODE_TABLES, codeTable, versionOfYear, type CodeField } from '../../domain/registry/code-tables';
import type { YearParams } from '../../domain/registry/year-params';
import type { CodeTableView } from '../../api/contract/reference';
import { effectiveCodeTables, effectiveYearParams } from './reference-data';

export function yearParamsView(station: Station, year: number): { params: YearParams; stored: boolean } {
  const stored = station.db.select({ year: yearParams.year }).from(yearParams).where(eq(yearParams.year, year)).get() !== undefined;
  return { params: effectiveYearParams(station.db, year), stored };
}

/** Saves a year's parameters as data; the audit entry keeps what they were before. */
export function saveYearParams(station: Station, actor: Actor, year: number, params: Omit<YearParams, 'year' | 'unconfirmed'>): { params: YearParams; stored: boolean } {
  if (params.smallLoan.minAge > params.smallLoan.maxAge) throw new AppError('INVALID_INPUT', '扶贫小额信贷：借款人最低年龄不能高于最高年龄');
  for (const [name, s] of Object.entries(params.ages)) {
    if (s.from > s.to) throw new AppError('INVALID_INPUT', `年龄段「${name}」：起始年龄不能大于结束年龄`);
  }
  const value: YearParams = { ...params, year, unconfirmed: [] };
  const now = station.clock();
  runWrite(station.db, actor, { action: 'reference.saveYearParams', entity: 'year_params', entityId: String(year) }, (w) => {
    const existing = w.tx.select().from(yearParams).where(eq(yearParams.year, year)).get();
    if (existing) w.update(yearParams, year, { params: value, updatedAt: now.toISOString() });
    else w.insert(yearParams, { year, params: value, updatedAt: now.toISOString() });
  }, now);
  return yearParamsView(station, year);
}

/** The code table in force for a year, each entry marked as shipped, edited or retired. */
export function codeTableView(station: Station, field: CodeField, year: number): CodeTableView {
  const version = versionOfYear(year);
  const definition = [...DEFAULT_CODE_TABLES].filter((d) => d.field === field).map((d) => d.from);
  const owner = codeTable(field, year).length > 0 ? definition.filter((v) => v <= version).sort().at(-1) ?? version : version;
  const overrides = station.db.select().from(codeOverrides).where(and(eq(codeOverrides.field, field), eq(codeOverrides.version, owner))).all();
  const shipped = codeTable(field, year);
  const effective = codeTable(field, year, effectiveCodeTables(station.db));
  const entries = effective.map((e) => ({
    code: e.code,
    label: e.label,
    unconfirmed: shipped.find((s) => s.code === e.code)?.unconfirmed === true,
    edited: overrides.some((o) => o.code === e.code),
    retired: false,
  }));
  for (const o of overrides.filter((x) => x.retired)) entries.push({ code: o.code, label: o.label, unconfirmed: false, edited: true, retired: true });
  return { field, fieldLabel: CODE_FIELDS[field], version: owner, entries };
}

export function saveCode(station: Station, actor: Actor, input: { field: CodeField; year: number; code: string; label: string; retired: boolean }): CodeTableView {
  const version = codeTableView(station, input.field, input.year).version;
  const now = station.clock();
  runWrite(station.db, actor, { action: 'reference.saveCode', entity: 'code_overrides', entityId: `${input.field}/${version}/${input.code}` }, (w) => {
    // Code edits are this node's own settings (the province sends its tables down in directives,
    // never up in reports), so they are audited — the note below — but not change-logged.
    w.tx.delete(codeOverrides).where(and(eq(codeOverrides.field, input.field), eq(codeOverrides.version, version), eq(codeOverrides.code, input.code))).run();
    w.tx.insert(codeOverrides).values({ field: input.field, version, code: input.code, label: input.label, retired: input.retired }).run();
    w.note('codeOverride', { field: input.field, version, code: input.code, label: input.label, retired: input.retired });
  }, now);
  return codeTableView(station, input.field, input.year);
}
