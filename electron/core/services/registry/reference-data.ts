import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { codeOverrides, yearParams } from '../../db/schema';
import { DEFAULT_CODE_TABLES, type CodeTableDefinition } from '../../domain/registry/code-tables';
import { defaultYearParams, type YearParams } from '../../domain/registry/year-params';

/**
 * Code tables as shipped, with an administrator's edits (and province directives) laid over the
 * version they belong to. An edit either relabels a code, adds one, or retires one.
 */
export function effectiveCodeTables(db: Db): readonly CodeTableDefinition[] {
  const overrides = db.select().from(codeOverrides).all();
  if (overrides.length === 0) return DEFAULT_CODE_TABLES;
  return DEFAULT_CODE_TABLES.map((table) => {
    const mine = overrides.filter((o) => o.field === table.field && o.version === table.from);
    if (mine.length === 0) return table;
    const entries = table.entries
      .map((e) => {
        const o = mine.find((x) => x.code === e.code);
        return o ? (o.retired ? null : { ...e, label: o.label }) : e;
      })
      .filter((e): e is NonNullable<typeof e> => e !== null);
    for (const o of mine) {
      if (!o.retired && !entries.some((e) => e.code === o.code)) entries.push({ code: o.code, label: o.label });
    }
    return { ...table, entries };
  });
}

/** The parameters of a year: the stored row when there is one, else the shipped defaults. */
export function effectiveYearParams(db: Db, year: number): YearParams {
  const row = db.select().from(yearParams).where(eq(yearParams.year, year)).get();
  return row ? { ...defaultYearParams(year), ...(row.params as Partial<YearParams>), year } : defaultYearParams(year);
}
