// The case list: cases whose household lies in the caller's region, newest first, filtered by
// year, kind and outcome. Names come from the household record and the region table.
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Station } from '../../station';
import { households, workflowCases } from '../../db/schema';
import { CASE_KIND_LABELS, STAGES, type CaseKind } from '../../domain/workflow/case-kinds';
import { ancestorCode } from '../../domain/region-code';
import type { HouseholdRecord } from '../../domain/registry/types';
import type { CaseRow } from '../../api/contract/workflow';
import type { Page } from '../../api/contract/common';
import { regionRange } from '../registry/households-read';
import { regionName } from '../registry/region-names';

export interface CaseFilter {
  scope: string;
  kind?: CaseKind;
  outcome?: 'open' | 'passed' | 'failed' | 'withdrawn';
  year?: number;
  householdId?: string;
  offset: number;
  limit: number;
}

export function listCases(station: Station, f: CaseFilter): Page<CaseRow> {
  const db = station.db;
  const [lo, hi] = regionRange(f.scope);
  const where: SQL[] = [gte(workflowCases.regionCode, lo), lt(workflowCases.regionCode, hi)];
  if (f.kind) where.push(eq(workflowCases.kind, f.kind));
  if (f.outcome) where.push(eq(workflowCases.outcome, f.outcome));
  if (f.year !== undefined) where.push(eq(workflowCases.year, f.year));
  if (f.householdId) where.push(eq(workflowCases.householdId, f.householdId));
  const filter = and(...where);
  const total = db.select({ n: count() }).from(workflowCases).where(filter).get()?.n ?? 0;
  const rows = db
    .select({ c: workflowCases, record: households.record })
    .from(workflowCases)
    .innerJoin(households, eq(households.id, workflowCases.householdId))
    .where(filter)
    .orderBy(desc(workflowCases.updatedAt), desc(workflowCases.id))
    .limit(f.limit)
    .offset(f.offset)
    .all();
  return {
    total,
    rows: rows.map(({ c, record }): CaseRow => {
      const stage = STAGES[c.kind].find((s) => s.code === c.currentStage);
      return {
        id: c.id,
        kind: c.kind,
        kindLabel: CASE_KIND_LABELS[c.kind],
        householdId: c.householdId,
        headName: (record as HouseholdRecord).headName,
        villageName: regionName(db, c.regionCode),
        townshipName: regionName(db, ancestorCode(c.regionCode, 'township')),
        regionCode: c.regionCode,
        year: c.year,
        outcome: c.outcome,
        currentStage: c.currentStage,
        currentStageLabel: stage?.label ?? null,
        openedAt: c.openedAt,
        updatedAt: c.updatedAt,
      };
    }),
  };
}
