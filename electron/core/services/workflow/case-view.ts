// One case as the case page shows it: the stage bar, the full log, the notices with their
// objections, the sign-off matrix, the live exit check, and what blocks the current step.
import type { Station } from '../../station';
import type { CaseDetail, NoticeView, StageView, StepView } from '../../api/contract/workflow';
import { CASE_KIND_LABELS, STAGES, noticeKindOf, objectionStages } from '../../domain/workflow/case-kinds';
import { AUTOMATIC_STAGES } from '../../domain/workflow/step-rules';
import { NOTICE_LEVEL_LABELS, OBJECTION_CHANNEL_LABELS, noticeBlockers, noticeRound } from '../../domain/workflow/notices';
import { signoffProgress } from '../../domain/workflow/signoff';
import { periodLabel } from '../../domain/workflow/dates';
import { maskIdNumber } from '../../domain/masking';
import type { HouseholdRecord } from '../../domain/registry/types';
import { effectiveYearParams } from '../registry/reference-data';
import { regionPath } from '../regions';
import { caseRow, noticesOf, objectionsOf, progressOf, signoffsOf, stepRows, type StepRow } from './case-log';
import { exitCheckFor, householdRow, statusOf } from './facts';
import { effectiveWorkflowParams } from './params';
import { mayRecord, todayOf, type WorkflowActor } from './access';

const stageLabel = (kind: CaseDetail['kind'], code: string): string => STAGES[kind].find((s) => s.code === code)?.label ?? code;

/** Objections are made under real names; the page shows the surname only. */
export const maskName = (name: string): string => (name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 2))}`);

function stepView(kind: CaseDetail['kind'], s: StepRow): StepView {
  return { seq: s.seq, stage: s.stage, stageLabel: stageLabel(kind, s.stage), action: s.action, outcome: s.outcome, date: s.date, summary: s.summary, data: s.data, recordedBy: s.recordedBy, recordedAt: s.recordedAt };
}

export function caseDetail(station: Station, who: WorkflowActor, id: string): CaseDetail {
  const db = station.db;
  const c = caseRow(db, id);
  const h = householdRow(db, c.householdId);
  const record = h.record as HouseholdRecord;
  const steps = stepRows(db, c.id);
  const progress = progressOf(db, c);
  const entries = steps.map((s) => ({ stage: s.stage, action: s.action, outcome: s.outcome, date: s.date, by: s.recordedBy, at: s.recordedAt }));
  const round = noticeRound(entries);
  const notices = noticesOf(db, c.id);
  const objections = objectionsOf(db, c.id);
  const params = effectiveYearParams(db, c.year);
  const wf = effectiveWorkflowParams(db, c.year);
  const period = params.publicNotice[noticeKindOf(c.kind)];
  const stages: StageView[] = progress.stages.map((s) => {
    // The completion that counts is the stage's latest (a reopening since would have cleared it).
    const row = s.completion ? [...steps].reverse().find((x) => x.stage === s.code && x.action === 'complete') : undefined;
    return {
      code: s.code,
      label: s.label,
      authority: s.authority,
      state: s.state,
      reopened: s.reopened,
      completion: row ? stepView(c.kind, row) : null,
      hasForm: !(AUTOMATIC_STAGES as readonly string[]).includes(s.code),
    };
  });
  const noticeViews: NoticeView[] = notices.map((n) => ({
    id: n.id,
    round: n.round,
    level: n.level,
    levelLabel: NOTICE_LEVEL_LABELS[n.level],
    startDate: n.startDate,
    endDate: n.endDate,
    place: n.place,
    current: n.round === round && progress.current === 'notice',
    objections: objections
      .filter((o) => o.noticeId === n.id)
      .map((o) => ({
        id: o.id,
        noticeId: o.noticeId,
        receivedDate: o.receivedDate,
        channel: o.channel,
        channelLabel: OBJECTION_CHANNEL_LABELS[o.channel],
        complainantMasked: maskName(o.complainant),
        content: o.content,
        concernsStage: o.concernsStage,
        concernsStageLabel: stageLabel(c.kind, o.concernsStage),
        resolution: (o.resolution as { upheld: boolean; note: string } | null) ?? null,
        resolvedDate: o.resolvedDate,
      })),
  }));
  const signatures = signoffsOf(db, c.id).map((s) => ({ level: s.level, role: s.role, signerName: s.signerName, date: s.date }));
  const signoff = c.kind === 'exit' ? signoffProgress(wf.signoffMatrix, signatures) : null;
  const today = todayOf(station);
  const blockers: string[] = [];
  if (progress.current === 'notice') {
    blockers.push(...noticeBlockers(notices, objections.map((o) => ({ receivedDate: o.receivedDate, concernsStage: o.concernsStage, resolvedDate: o.resolvedDate })), round, today));
  }
  const exitCheck = c.kind === 'exit' ? exitCheckFor(db, h, c.year) : null;
  if (progress.current === 'check' && exitCheck && !exitCheck.passed) blockers.push(...exitCheck.failing.map((f) => `${f.label}：${f.reason}`));
  if (progress.current === 'signoff' && signoff && !signoff.complete) blockers.push(`待${signoff.levels.find((l) => !l.complete)?.label ?? ''}签字`);
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: CASE_KIND_LABELS[c.kind],
    householdId: h.id,
    headName: record.headName,
    headIdMasked: record.headIdNumber ? maskIdNumber(record.headIdNumber) : null,
    regionCode: c.regionCode,
    regionPath: regionPath(db, c.regionCode).map((r) => r.name).join(' '),
    year: c.year,
    outcome: progress.outcome,
    currentStage: progress.current,
    withdrawnReason: c.withdrawnReason,
    opening: c.data as Record<string, unknown>,
    openedBy: c.openedBy,
    openedAt: c.openedAt,
    stages,
    history: steps.map((s) => stepView(c.kind, s)),
    notices: noticeViews,
    noticeRound: round,
    noticePeriod: { ...period, label: periodLabel(period) },
    objectionStages: objectionStages(c.kind).map((s) => ({ code: s.code, label: s.label })),
    signoff,
    exitCheck,
    status: statusOf(db, h, today),
    may: { record: mayRecord(station, who, 'station'), decide: mayRecord(station, who, 'county') },
    blockers,
  };
}
