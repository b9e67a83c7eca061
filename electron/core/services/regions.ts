import { readFileSync } from 'node:fs';
import { eq, like, and, asc } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { regions } from '../db/schema';
import { divisionsCsv } from '../paths';
import { AppError } from '../api/errors';
import { REGION_LEVELS, type RegionLevel, significantPrefix, isRegionCode } from '../domain/region-code';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Parses the shipped NBS division table (code,name,level,parent_code). */
export function parseDivisionCsv(text: string): RegionRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split(',');
  if (header?.join(',') !== 'code,name,level,parent_code') throw new Error('unexpected division table header');
  return lines.map((line, i) => {
    const [code, name, level, parent] = line.split(',');
    if (!code || !isRegionCode(code) || !name || !REGION_LEVELS.includes(level as RegionLevel)) {
      throw new Error(`division table line ${i + 2} is malformed`);
    }
    return { code, name, level: level as RegionLevel, parentCode: parent ? parent : null };
  });
}

/** Loads (or refreshes) the regions table from the shipped table; returns the row count. */
export function loadDivisions(db: Db, csvText: string = readFileSync(divisionsCsv(), 'utf8')): number {
  const rows = parseDivisionCsv(csvText);
  const stmt = db.$client.prepare(
    `INSERT INTO regions (code, name, level, parent_code) VALUES (?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
  );
  db.$client.transaction(() => {
    for (const r of rows) stmt.run(r.code, r.name, r.level, r.parentCode);
  })();
  return rows.length;
}

export function getRegion(db: Db, code: string): RegionRow | undefined {
  return db.select().from(regions).where(eq(regions.code, code)).get() as RegionRow | undefined;
}

/** The village of that code, or the Chinese refusal every village-scoped request gives. */
export function requireVillage(db: Db, code: string): RegionRow {
  const region = getRegion(db, code);
  if (!region || region.level !== 'village') throw new AppError('INVALID_INPUT', `「${code}」不是本库中的村级区划代码`);
  return region;
}

export function childRegions(db: Db, parentCode: string): RegionRow[] {
  return db.select().from(regions).where(eq(regions.parentCode, parentCode)).orderBy(asc(regions.code)).all() as RegionRow[];
}

/** Every region at `level` below `ancestor` (inclusive of ancestor itself when levels match). */
export function regionsBelow(db: Db, ancestor: string, level: RegionLevel): RegionRow[] {
  return db
    .select()
    .from(regions)
    .where(and(like(regions.code, `${significantPrefix(ancestor)}%`), eq(regions.level, level)))
    .orderBy(asc(regions.code))
    .all() as RegionRow[];
}

/** 甘肃省 / 白银市 / 会宁县 ... for a code, from the top down. */
export function regionPath(db: Db, code: string): RegionRow[] {
  const path: RegionRow[] = [];
  let current = getRegion(db, code);
  while (current) {
    path.unshift(current);
    current = current.parentCode ? getRegion(db, current.parentCode) : undefined;
  }
  return path;
}
