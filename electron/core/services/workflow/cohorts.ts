// 年度退出计划: a year's exit cohort for the node's region. Each household in it gets an exit
// case; the cohort page shows every household's automatic check with its failing indicators.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Station } from '../../station';
import { exitCohorts, workflowCases } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { regionWithin } from '../../domain/region-code';
import { STAGES } from '../../domain/workflow/case-kinds';
import { refuseDatedChange } from '../../domain/workflow/year-close';
import type { HouseholdRecord } from '../../domain/registry/types';
import type { CohortDetail, CohortHouseholdRow, CohortRow } from '../../api/contract/workflow';
import { regionRange } from '../registry/households-read';
import { regionName } from '../registry/region-names';
import { ancestorCode } from '../../domain/region-code';
import { writeEvent, type LogContext } from './case-log';
import { insertCase } from './open-cases';
import { closedYears, exitCheckFor, householdRow, statusOf } from './facts';
import { effectiveWorkflowParams } from './params';
import { statusesOn } from './flows';
import { requireNotFuture, todayOf, type WorkflowActor } from './access';

type CohortRowDb = typeof exitCohorts.$inferSelect;

function cohortRow(station: Station, id: string): CohortRowDb {
  const row = station.db.select().from(exitCohorts).where(eq(exitCohorts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该退出计划不存在');
  return row;
}

/** A cohort the caller shares: theirs or below it (their part of it), or one of an office above them. */
function sharedCohort(station: Station, id: string, scope: string): CohortRowDb {
  const c = cohortRow(station, id);
  if (!regionWithin(c.regionCode, scope) && !regionWithin(scope, c.regionCode)) throw new AppError('SCOPE_DENIED', '所访问的数据不在您的管辖范围内');
  return c;
}

function casesIn(station: Station, cohortId: string, scope: string) {
  const [lo, hi] = regionRange(scope);
  return station.db
    .select()
    .from(workflowCases)
    .where(eq(workflowCases.cohortId, cohortId))
    .all()
    .filter((c) => c.regionCode >= lo && c.regionCode < hi);
}

function toRow(station: Station, c: CohortRowDb, scope: string): CohortRow {
  const cases = casesIn(station, c.id, scope);
  const passedCheck = cases.filter((x) => x.currentStage !== 'check' && x.outcome !== 'withdrawn').length;
  return { id: c.id, year: c.year, name: c.name, regionCode: c.regionCode, households: cases.length, passedCheck, deregistered: cases.filter((x) => x.outcome === 'passed').length, createdAt: c.createdAt };
}

/** Cohorts whose region overlaps the caller's scope (a township clerk sees the county's cohort). */
export function listCohorts(station: Station, scope: string): CohortRow[] {
  return station.db
    .select()
    .from(exitCohorts)
    .all()
    .filter((c) => regionWithin(c.regionCode, scope) || regionWithin(scope, c.regionCode))
    .sort((a, b) => b.year - a.year)
    .map((c) => toRow(station, c, regionWithin(c.regionCode, scope) ? scope : c.regionCode));
}

export function createCohort(station: Station, who: WorkflowActor, year: number, name: string): CohortRow {
  const nowIso = station.clock().toISOString();
  if (station.db.select().from(exitCohorts).where(and(eq(exitCohorts.year, year), eq(exitCohorts.regionCode, who.scopeCode))).get()) {
    throw new AppError('CONFLICT', `${year}年度退出计划已经建立`);
  }
  if (closedYears(station.db).includes(year)) throw new AppError('INVALID_INPUT', `${year}年度已结账，不能再建立该年度的退出计划`);
  const id = randomUUID();
  runWrite(station.db, who.actor, { action: 'workflow.cohort.create', entity: 'exit_cohort', entityId: id }, (w) => {
    w.insert(exitCohorts, { id, year, regionCode: who.scopeCode, name: name || `${year}年度贫困户退出计划`, createdBy: who.actor.username, createdAt: nowIso });
  });
  return toRow(station, cohortRow(station, id), who.scopeCode);
}

export function cohortDetail(station: Station, id: string, scope: string): CohortDetail {
  const c = sharedCohort(station, id, scope);
  const within = regionWithin(c.regionCode, scope) ? scope : c.regionCode;
  const wf = effectiveWorkflowParams(station.db, c.year);
  const exitStages = STAGES.exit;
  const rows: CohortHouseholdRow[] = casesIn(station, c.id, within).map((x) => {
    const h = householdRow(station.db, x.householdId);
    const check = exitCheckFor(station.db, h, c.year);
    return {
      caseId: x.id,
      householdId: h.id,
      headName: (h.record as HouseholdRecord).headName,
      villageName: regionName(station.db, h.regionCode),
      townshipName: regionName(station.db, ancestorCode(h.regionCode, 'township')),
      memberCount: h.memberCount,
      outcome: x.outcome,
      currentStage: x.currentStage,
      currentStageLabel: exitStages.find((s) => s.code === x.currentStage)?.label ?? null,
      check: { passed: check.passed, failing: check.failing },
    };
  });
  rows.sort((a, b) => a.villageName.localeCompare(b.villageName, 'zh-CN') || (a.headName ?? '').localeCompare(b.headName ?? '', 'zh-CN'));
  return { ...toRow(station, c, within), indicators: wf.householdIndicators, rows, candidates: plannedCandidates(station, c, within).length };
}

/** Poor households in `scope` whose 计划脱贫年度 is the cohort's year and that are not in it yet. */
function plannedCandidates(station: Station, c: CohortRowDb, scope: string): string[] {
  const inCohort = new Set(station.db.select({ h: workflowCases.householdId }).from(workflowCases).where(eq(workflowCases.cohortId, c.id)).all().map((r) => r.h));
  return statusesOn(station.db, scope, todayOf(station))
    .filter(({ household: h, status }) => status.status === 'poor' && h.record.plannedExitYear === c.year && !inCohort.has(h.id))
    .map(({ household }) => household.id);
}

export function addToCohort(
  station: Station,
  who: WorkflowActor,
  input: { cohortId: string; householdIds: string[]; plannedInRegion: string | null; date: string },
): { added: number; skipped: { householdId: string; reason: string }[] } {
  const c = sharedCohort(station, input.cohortId, who.scopeCode);
  requireNotFuture(station, input.date, '列入日期');
  const dated = refuseDatedChange(input.date, closedYears(station.db));
  if (dated) throw new AppError('INVALID_INPUT', dated);
  const ids = [...new Set([...input.householdIds, ...(input.plannedInRegion ? plannedCandidates(station, c, input.plannedInRegion) : [])])];
  if (ids.length === 0) throw new AppError('INVALID_INPUT', '没有可列入的户：请选择户，或选择范围按计划脱贫年度加入');
  const skipped: { householdId: string; reason: string }[] = [];
  const chosen: ReturnType<typeof householdRow>[] = [];
  const open = new Set(
    station.db
      .select({ h: workflowCases.householdId })
      .from(workflowCases)
      .where(and(inArray(workflowCases.householdId, ids), eq(workflowCases.kind, 'exit'), eq(workflowCases.outcome, 'open')))
      .all()
      .map((r) => r.h),
  );
  for (const id of ids) {
    const h = householdRow(station.db, id);
    if (!regionWithin(who.scopeCode, h.regionCode) || !regionWithin(c.regionCode, h.regionCode)) skipped.push({ householdId: id, reason: '不在您的管辖范围或该退出计划的范围内' });
    else if (open.has(id)) skipped.push({ householdId: id, reason: '已在退出流程中' });
    else if (statusOf(station.db, h, input.date).status !== 'poor') skipped.push({ householdId: id, reason: '不是未脱贫户' });
    else chosen.push(h);
  }
  if (input.householdIds.length > 0 && chosen.length === 0) {
    throw new AppError('CONFLICT', `没有列入任何户：${skipped.slice(0, 3).map((s) => s.reason).join('；')}`);
  }
  const nowIso = station.clock().toISOString();
  runWrite(station.db, who.actor, { action: 'workflow.cohort.add', entity: 'exit_cohort', entityId: c.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso };
    for (const h of chosen) {
      const x = insertCase(ctx, { kind: 'exit', household: h, year: c.year, date: input.date, data: { cohortName: c.name, addedDate: input.date }, cohortId: c.id });
      writeEvent(ctx, h.id, 'exit.cohort', input.date, { caseId: x.id, cohortYear: c.year, summary: c.name });
    }
    w.note('added', chosen.length);
  });
  return { added: chosen.length, skipped };
}
