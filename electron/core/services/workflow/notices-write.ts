// Posting a 公示, recording an objection against it (which sends the disputed step back), and
// the 3342 signatures after it. The complainant's name is kept in the table only: the household's
// events and the audit entry name the step concerned, not the person.
import { randomUUID } from 'node:crypto';
import type { Station } from '../../station';
import { workflowNotices, workflowObjections, workflowSignoffs } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { STAGES, noticeKindOf, objectionStages } from '../../domain/workflow/case-kinds';
import { caseProgress, reopenPlan } from '../../domain/workflow/stages';
import { NOTICE_LEVEL_LABELS, noticeRound, refuseNotice, refuseObjection, type NoticeLevel, type ObjectionChannel } from '../../domain/workflow/notices';
import { refuseSignature, signoffProgress, type SignoffLevel } from '../../domain/workflow/signoff';
import { refuseDatedChange } from '../../domain/workflow/year-close';
import type { CaseDetail } from '../../api/contract/workflow';
import { effectiveYearParams } from '../registry/reference-data';
import { appendStep, caseRow, eventPrefix, noticesOf, refreshCase, signoffsOf, stepRows, toEntry, writeEvent, type LogContext } from './case-log';
import { caseDetail } from './case-view';
import { closedYears } from './facts';
import { effectiveWorkflowParams } from './params';
import { requireAuthority, requireNotFuture, type WorkflowActor } from './access';

function openCaseAt(station: Station, caseId: string, stage: string, what: string) {
  const c = caseRow(station.db, caseId);
  const steps = stepRows(station.db, c.id);
  const entries = steps.map(toEntry);
  const progress = caseProgress(STAGES[c.kind], entries, c.outcome === 'withdrawn');
  if (progress.outcome !== 'open') throw new AppError('CONFLICT', `该案件已办结，不能${what}`);
  if (progress.current !== stage) {
    const current = STAGES[c.kind].find((s) => s.code === progress.current)?.label ?? '';
    const wanted = STAGES[c.kind].find((s) => s.code === stage)?.label ?? stage;
    throw new AppError('CONFLICT', `当前步骤是「${current}」，还不能${what}（须在「${wanted}」步骤办理）`);
  }
  return { c, steps, entries, progress };
}

const dateAllowed = (station: Station, date: string, label: string) => {
  requireNotFuture(station, date, label);
  const refusal = refuseDatedChange(date, closedYears(station.db));
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
};

export function addNotice(station: Station, who: WorkflowActor, input: { caseId: string; level: NoticeLevel; startDate: string; endDate: string; place: string }): CaseDetail {
  const { c, steps, entries } = openCaseAt(station, input.caseId, 'notice', '张贴公示');
  requireAuthority(station, who, 'station', '张贴公示');
  dateAllowed(station, input.startDate, '公示开始日期');
  const period = effectiveYearParams(station.db, c.year).publicNotice[noticeKindOf(c.kind)];
  const calendar = effectiveWorkflowParams(station.db, c.year).calendar;
  const defs = STAGES[c.kind];
  const before = defs[defs.findIndex((d) => d.code === 'notice') - 1]!;
  const previousDate = [...steps].reverse().find((s) => s.stage === before.code && s.action === 'complete')?.date ?? null;
  const refusal = refuseNotice(input, period, calendar, previousDate);
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const round = noticeRound(entries);
  if (noticesOf(station.db, c.id).some((n) => n.round === round && n.level === input.level)) {
    throw new AppError('CONFLICT', `本轮已张贴过${NOTICE_LEVEL_LABELS[input.level]}`);
  }
  const now = station.clock();
  runWrite(station.db, who.actor, { action: `workflow.${c.kind}.notice`, entity: 'workflow_case', entityId: c.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    w.insert(workflowNotices, { id: randomUUID(), caseId: c.id, round, level: input.level, startDate: input.startDate, endDate: input.endDate, place: input.place, recordedBy: ctx.username, recordedAt: ctx.nowIso });
    writeEvent(ctx, c.householdId, 'workflow.notice', input.startDate, { caseId: c.id, level: input.level, levelLabel: NOTICE_LEVEL_LABELS[input.level], startDate: input.startDate, endDate: input.endDate, summary: `${NOTICE_LEVEL_LABELS[input.level]} ${input.startDate} 至 ${input.endDate}` });
  }, now);
  return caseDetail(station, who, c.id);
}

export interface ObjectionInput {
  caseId: string;
  noticeId: string;
  receivedDate: string;
  channel: ObjectionChannel;
  complainant: string;
  content: string;
  concernsStage: string;
}

export function addObjection(station: Station, who: WorkflowActor, input: ObjectionInput): CaseDetail {
  const { c, entries } = openCaseAt(station, input.caseId, 'notice', '登记公示异议');
  requireAuthority(station, who, 'station', '登记公示异议');
  dateAllowed(station, input.receivedDate, '异议收到日期');
  const notice = noticesOf(station.db, c.id).find((n) => n.id === input.noticeId);
  if (!notice) throw new AppError('NOT_FOUND', '该公示不属于这个案件');
  const round = noticeRound(entries);
  const late = refuseObjection(notice, round, input.receivedDate);
  if (late) throw new AppError('INVALID_INPUT', late);
  const allowed = objectionStages(c.kind);
  const concerned = allowed.find((s) => s.code === input.concernsStage);
  if (!concerned) throw new AppError('INVALID_INPUT', `所涉步骤应为：${allowed.map((s) => s.label).join('、')}`);
  const plan = reopenPlan(STAGES[c.kind], entries, input.concernsStage);
  if ('refused' in plan) throw new AppError('CONFLICT', plan.refused);
  // The posting is void too: after the re-check the list is posted afresh (a new round).
  const reopened = [...plan.stages, ...(plan.stages.includes('notice') ? [] : ['notice'])];
  const labels = reopened.map((code) => STAGES[c.kind].find((s) => s.code === code)!.label);
  const now = station.clock();
  runWrite(station.db, who.actor, { action: `workflow.${c.kind}.objection`, entity: 'workflow_case', entityId: c.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    w.insert(workflowObjections, {
      id: randomUUID(),
      caseId: c.id,
      noticeId: notice.id,
      receivedDate: input.receivedDate,
      channel: input.channel,
      complainant: input.complainant,
      content: input.content,
      concernsStage: input.concernsStage,
      recordedBy: ctx.username,
      recordedAt: ctx.nowIso,
    });
    for (const stage of reopened) appendStep(ctx, c, { stage, action: 'reopen', outcome: null, date: input.receivedDate, summary: `公示异议涉及「${concerned.label}」` });
    writeEvent(ctx, c.householdId, 'workflow.objection', input.receivedDate, { caseId: c.id, concernsStage: input.concernsStage, summary: `异议涉及「${concerned.label}」` });
    writeEvent(ctx, c.householdId, 'workflow.reopened', input.receivedDate, { caseId: c.id, stages: reopened, summary: `退回重办：${labels.join('、')}` });
    refreshCase(ctx, c.id);
  }, now);
  return caseDetail(station, who, c.id);
}

export function sign(station: Station, who: WorkflowActor, input: { caseId: string; level: SignoffLevel; role: string; signerName: string; date: string }): CaseDetail {
  const { c, steps } = openCaseAt(station, input.caseId, 'signoff', '签字');
  const matrix = effectiveWorkflowParams(station.db, c.year).signoffMatrix;
  const levelDef = matrix.levels.find((l) => l.level === input.level);
  requireAuthority(station, who, levelDef?.recordedBy ?? 'county', `${levelDef?.label ?? input.level}签字`);
  dateAllowed(station, input.date, '签字日期');
  const signatures = signoffsOf(station.db, c.id).map((s) => ({ level: s.level, role: s.role, signerName: s.signerName, date: s.date }));
  const noticeDone = [...steps].reverse().find((s) => s.stage === 'notice' && s.action === 'complete')?.date ?? null;
  const refusal = refuseSignature(matrix, signatures, input, noticeDone);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const role = levelDef!.roles.find((r) => r.code === input.role)!;
  const complete = signoffProgress(matrix, [...signatures, input]).complete;
  const now = station.clock();
  runWrite(station.db, who.actor, { action: 'workflow.exit.sign', entity: 'workflow_case', entityId: c.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    w.insert(workflowSignoffs, { id: randomUUID(), caseId: c.id, level: input.level, role: input.role, roleLabel: role.label, signerName: input.signerName, date: input.date, recordedBy: ctx.username, recordedAt: ctx.nowIso });
    // The last signature completes the step: nothing else is left to decide there.
    if (complete) {
      appendStep(ctx, c, { stage: 'signoff', action: 'complete', outcome: 'pass', date: input.date, summary: '逐级签字齐全' });
      writeEvent(ctx, c.householdId, `${eventPrefix(c.kind)}.step`, input.date, { caseId: c.id, stage: 'signoff', stageLabel: '逐级签字（3342）', outcome: 'pass', summary: '逐级签字齐全' });
      refreshCase(ctx, c.id);
    }
  }, now);
  return caseDetail(station, who, c.id);
}
