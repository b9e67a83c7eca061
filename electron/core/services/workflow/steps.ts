// Doing a case's current step. The order, the authority and the form are checked first; then the
// step row, the household events, any status change the step decides and the case's cached state
// are written in one transaction.
import { eq } from 'drizzle-orm';
import type { Station } from '../../station';
import { households, monitoringObjects, workflowCases, workflowObjections } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { DECIDING_STAGE, STAGES } from '../../domain/workflow/case-kinds';
import { refuseCompletion } from '../../domain/workflow/stages';
import { AUTOMATIC_STAGES, evaluateStep, FORM_STAGES, type FormStage } from '../../domain/workflow/step-rules';
import { noticeBlockers, noticeRound } from '../../domain/workflow/notices';
import { signoffProgress } from '../../domain/workflow/signoff';
import { eliminationBlockers } from '../../domain/workflow/monitoring';
import { refuseDatedChange, type Correction } from '../../domain/workflow/year-close';
import { perCapitaNetIncomeFen } from '../../domain/registry/income';
import { hasNoLabourCapacity } from '../../domain/registry/person-facts';
import type { HouseholdRecord } from '../../domain/registry/types';
import { parseStepForm } from '../../api/contract/workflow-forms';
import type { CaseDetail } from '../../api/contract/workflow';
import { effectiveCodeTables, effectiveYearParams } from '../registry/reference-data';
import { appendStep, caseRow, eventPrefix, noticesOf, objectionsOf, refreshCase, signoffsOf, stepRows, toEntry, writeEvent, type CaseRow, type LogContext } from './case-log';
import { caseDetail } from './case-view';
import { closedYears, currentMembers, exitCheckFor, householdRow, incomeOf, statusOf } from './facts';
import { effectiveWorkflowParams } from './params';
import { requireAuthority, requireNotFuture, todayOf, type WorkflowActor } from './access';
import { stepPhotoProblems } from './photos';

export interface CompleteStepInput {
  caseId: string;
  stage: string;
  date: string;
  data: unknown;
  correction?: Correction | null;
}

const refuse = (message: string, details?: unknown): never => {
  throw new AppError('INVALID_INPUT', message, details);
};

/** Checks shared by every way of writing to a case: it exists, the step is next, the date is allowed. */
function prepare(station: Station, who: WorkflowActor, caseId: string, stage: string, date: string, correction: Correction | null) {
  const c = caseRow(station.db, caseId);
  const defs = STAGES[c.kind];
  const def = defs.find((d) => d.code === stage);
  if (!def) refuse(`该流程没有「${stage}」这一步`);
  requireAuthority(station, who, def!.authority, def!.label);
  requireNotFuture(station, date, `「${def!.label}」的日期`);
  const steps = stepRows(station.db, c.id);
  const entries = steps.map(toEntry);
  const order = refuseCompletion(defs, entries, stage, date, c.outcome === 'withdrawn');
  if (order) throw new AppError('CONFLICT', order);
  const deciding = DECIDING_STAGE[c.kind].stage === stage;
  if (correction && !deciding) refuse('只有改变户状态的步骤（审定、销号）才能登记为更正');
  const dated = refuseDatedChange(date, closedYears(station.db), correction);
  if (dated) refuse(dated);
  const index = defs.findIndex((d) => d.code === stage);
  const previousDate = index > 0 ? [...steps].reverse().find((s) => s.stage === defs[index - 1]!.code && s.action === 'complete')?.date ?? null : null;
  return { c, def: def!, entries, deciding, previousDate };
}

export function completeStep(station: Station, who: WorkflowActor, input: CompleteStepInput): CaseDetail {
  const correction = input.correction ?? null;
  if (input.stage === 'check') return runCheck(station, who, input.caseId, input.date);
  const { c, def, entries, deciding, previousDate } = prepare(station, who, input.caseId, input.stage, input.date, correction);
  const db = station.db;
  const household = householdRow(db, c.householdId);
  let outcome: 'pass' | 'fail' = 'pass';
  let summary = '';
  let data: Record<string, unknown> = {};
  let effectiveDate = input.date;
  let resolution: { upheld: boolean; note: string } | null = null;

  if ((AUTOMATIC_STAGES as readonly string[]).includes(input.stage)) {
    if (input.stage === 'notice') {
      const objections = objectionsOf(db, c.id).map((o) => ({ receivedDate: o.receivedDate, concernsStage: o.concernsStage, resolvedDate: o.resolvedDate }));
      const blockers = noticeBlockers(noticesOf(db, c.id), objections, noticeRound(entries), input.date);
      if (blockers.length > 0) throw new AppError('CONFLICT', `公示尚不能办结：${blockers.join('；')}`);
      summary = '公示期满，无未处理的异议';
    } else if (input.stage === 'signoff') {
      const progress = signoffProgress(effectiveWorkflowParams(db, c.year).signoffMatrix, signoffsOf(db, c.id));
      if (!progress.complete) throw new AppError('CONFLICT', `签字尚未齐全：待${progress.levels.find((l) => !l.complete)!.label}签字`);
      summary = '逐级签字齐全';
    } else refuse(`「${def.label}」在开案时已办理`);
  } else {
    if (!(FORM_STAGES as readonly string[]).includes(input.stage)) refuse(`「${def.label}」没有可填写的表单`);
    const stage = input.stage as FormStage;
    const form = parseStepForm(stage, input.data);
    const pending = objectionsOf(db, c.id).filter((o) => o.concernsStage === stage && o.resolvedDate === null).length;
    const verdict = evaluateStep(stage, form, { date: input.date, previousDate, povertyLine: effectiveYearParams(db, c.year).povertyLineNbs, pendingObjections: pending });
    if (stage === 'conditions') verdict.problems.push(...eliminationProblems(station, c, form as never));
    if (stage === 'inspect') verdict.problems.push(...stepPhotoProblems(db, c.id, stage, (form as { photos: string[] }).photos));
    if (verdict.problems.length > 0) refuse(`「${def.label}」未办理：${verdict.problems.join('；')}`);
    outcome = verdict.outcome;
    summary = verdict.summary;
    data = form as unknown as Record<string, unknown>;
    resolution = pending > 0 ? (form.objectionResolution ?? null) : null;
    const stated = (form as { effectiveDate?: string | null }).effectiveDate;
    if (stated) {
      effectiveDate = stated;
      requireNotFuture(station, stated, '生效日期');
      if (previousDate && stated < previousDate) refuse(`生效日期（${stated}）早于上一步的日期（${previousDate}）`);
      const dated = refuseDatedChange(stated, closedYears(db), correction);
      if (dated) refuse(dated);
    }
  }

  if (deciding && outcome === 'pass') {
    const status = statusOf(db, household, effectiveDate).status;
    if (c.kind === 'identification' && status !== 'applicant' && status !== 'none' && status !== 'removed') throw new AppError('CONFLICT', '该户在生效日期已是贫困户或已脱贫，不能再审定为贫困户');
    if (c.kind === 'return' && status !== 'exited') throw new AppError('CONFLICT', '该户在生效日期不是已脱贫户，不能认定返贫');
    if (c.kind === 'exit' && status !== 'poor') throw new AppError('CONFLICT', '该户在脱贫日期不是未脱贫户，不能销号');
  }

  const now = station.clock();
  const nowIso = now.toISOString();
  runWrite(
    db,
    who.actor,
    { action: `workflow.${c.kind}.${input.stage}`, entity: 'workflow_case', entityId: c.id },
    (w) => {
      const ctx: LogContext = { w, db, username: who.actor.username, nowIso };
      appendStep(ctx, c, { stage: input.stage, action: 'complete', outcome, date: input.date, data, summary });
      if (resolution) {
        for (const o of objectionsOf(db, c.id).filter((x) => x.concernsStage === input.stage && x.resolvedDate === null)) {
          w.update(workflowObjections, o.id, { resolution, resolvedDate: input.date });
        }
      }
      const prefix = eventPrefix(c.kind);
      writeEvent(ctx, c.householdId, `${prefix}.step`, input.date, { caseId: c.id, stage: input.stage, stageLabel: def.label, outcome, summary });
      if (outcome === 'fail' && c.kind !== 'monitoring' && c.kind !== 'elimination') {
        writeEvent(ctx, c.householdId, `${prefix}.rejected`, input.date, { caseId: c.id, stage: input.stage, stageLabel: def.label });
      }
      if (deciding && outcome === 'pass') decide(ctx, c, effectiveDate, data, correction);
      refreshCase(ctx, c.id);
    },
    now,
  );
  return caseDetail(station, who, c.id);
}

/** The county's decision: the household's status changes from `date`, and its form follows. */
function decide(ctx: LogContext, c: CaseRow, date: string, data: Record<string, unknown>, correction: Correction | null): void {
  const { w, db } = ctx;
  const event = DECIDING_STAGE[c.kind].event;
  const h = householdRow(db, c.householdId);
  const record = h.record as HouseholdRecord;
  const opening = c.data as { attribute?: string | null; mainCause?: string | null };
  const base = { caseId: c.id, documentNumber: data.documentNumber ?? null, ...(correction ? { correction } : {}) };
  if (c.kind === 'identification') {
    writeEvent(ctx, c.householdId, event, date, { ...base, attribute: opening.attribute ?? record.attribute, mainCause: opening.mainCause ?? record.mainCause });
    const next: HouseholdRecord = {
      ...record,
      householdType: '1',
      exitStatus: '0',
      exitYear: null,
      firstIdentifiedDate: record.firstIdentifiedDate ?? date,
      attribute: opening.attribute ?? record.attribute,
      mainCause: opening.mainCause ?? record.mainCause,
    };
    w.update(households, h.id, { record: next, updatedAt: ctx.nowIso });
  } else if (c.kind === 'return') {
    writeEvent(ctx, c.householdId, event, date, base);
    w.update(households, h.id, { record: { ...record, householdType: '1', exitStatus: '3' }, updatedAt: ctx.nowIso });
  } else if (c.kind === 'exit') {
    writeEvent(ctx, c.householdId, event, date, { ...base, cohortYear: c.year });
    w.update(households, h.id, { record: { ...record, householdType: '2', exitStatus: '1', exitYear: Number(date.slice(0, 4)) }, updatedAt: ctx.nowIso });
  } else if (c.kind === 'monitoring' && c.monitoringId) {
    const o = db.select().from(monitoringObjects).where(eq(monitoringObjects.id, c.monitoringId)).get()!;
    writeEvent(ctx, c.householdId, event, date, { ...base, objectType: o.objectType, risks: o.risks });
    w.update(monitoringObjects, o.id, { includedDate: date });
  } else if (c.kind === 'elimination' && c.monitoringId) {
    const method = (c.data as { method?: string }).method ?? 'assisted';
    writeEvent(ctx, c.householdId, event, date, { ...base, method });
    w.update(monitoringObjects, c.monitoringId, { eliminatedDate: date, eliminationMethod: method });
  }
}

/** 风险消除 conditions: the form's answers plus what the registry says about income and 三保障. */
function eliminationProblems(station: Station, c: CaseRow, form: { stableIncomeMonths: number; rigidExpenditureSolved: boolean; risksResolved: boolean }): string[] {
  const db = station.db;
  const h = householdRow(db, c.householdId);
  const year = Number(todayOf(station).slice(0, 4));
  const members = currentMembers(db, h.id).map((m) => m.record);
  // The latest year with an income record: the monitoring line is compared with what is known.
  let incomeYear = year;
  let income = incomeOf(db, h.id, year);
  for (let y = year - 1; !income && y >= year - 3; y--) {
    income = incomeOf(db, h.id, y);
    if (income) incomeYear = y;
  }
  const perCapitaFen = income ? perCapitaNetIncomeFen(income, members.length) : null;
  const check = exitCheckFor(db, h, incomeYear);
  const guaranteeFailures = check.results.filter((r) => !r.passed && ['education', 'medical', 'housing', 'water'].includes(r.code)).map((r) => `${r.label}（${r.reason}）`);
  const tables = effectiveCodeTables(db);
  const wholeHouseholdWithoutLabour = members.length > 0 && members.every((p) => hasNoLabourCapacity(p, incomeYear, tables) || p.labourSkill === null);
  return eliminationBlockers(
    {
      method: ((c.data as { method?: string }).method ?? 'assisted') as 'assisted' | 'natural',
      stableIncomeMonths: form.stableIncomeMonths,
      perCapitaIncome: perCapitaFen === null ? null : perCapitaFen / 100,
      monitoringLine: effectiveYearParams(db, incomeYear).monitoringLine,
      rigidExpenditureSolved: form.rigidExpenditureSolved,
      guaranteeFailures,
      risksResolved: form.risksResolved,
      wholeHouseholdWithoutLabour,
    },
    effectiveWorkflowParams(db, incomeYear).monitoring.minStableIncomeMonths,
  );
}

/** 退出指标核查: completes the step when every indicator passes, else names each failing one. */
export function runCheck(station: Station, who: WorkflowActor, caseId: string, date: string): CaseDetail {
  const { c } = prepare(station, who, caseId, 'check', date, null);
  const h = householdRow(station.db, c.householdId);
  const result = exitCheckFor(station.db, h, c.year);
  if (!result.passed) {
    throw new AppError('ROW_INVALID', `${c.year}年退出指标未全部达到，不能进入民主评议：${result.failing.map((f) => `${f.label}——${f.reason}`).join('；')}`, { failing: result.failing });
  }
  const now = station.clock();
  runWrite(station.db, who.actor, { action: 'workflow.exit.check', entity: 'workflow_case', entityId: c.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    appendStep(ctx, c, { stage: 'check', action: 'complete', outcome: 'pass', date, data: { results: result.results }, summary: `${result.results.length} 项退出指标全部达到` });
    writeEvent(ctx, c.householdId, 'exit.step', date, { caseId: c.id, stage: 'check', stageLabel: '退出指标核查', outcome: 'pass' });
    refreshCase(ctx, c.id);
  }, now);
  return caseDetail(station, who, c.id);
}

export function withdrawCase(station: Station, who: WorkflowActor, caseId: string, reason: string): CaseDetail {
  const c = caseRow(station.db, caseId);
  if (c.outcome !== 'open') throw new AppError('CONFLICT', '该案件已办结，不能撤回');
  requireAuthority(station, who, 'station', '撤回');
  const now = station.clock();
  const today = todayOf(station);
  runWrite(station.db, who.actor, { action: `workflow.${c.kind}.withdraw`, entity: 'workflow_case', entityId: c.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    w.update(workflowCases, c.id, { withdrawnReason: reason, outcome: 'withdrawn', currentStage: null, updatedAt: ctx.nowIso });
    if (c.kind === 'identification' || c.kind === 'return' || c.kind === 'exit') {
      writeEvent(ctx, c.householdId, `${eventPrefix(c.kind)}.rejected`, today, { caseId: c.id, withdrawn: true, reason });
    }
  }, now);
  return caseDetail(station, who, c.id);
}
