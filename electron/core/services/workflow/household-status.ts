// Status on a date, household removals (自然减少, 识别不准清退) and corrections of closed years.
import { and, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import { workflowCases } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '../../domain/workflow/status';
import { REMOVAL_REASONS, type RemovalReason } from '../../domain/workflow/event-types';
import { CASE_KIND_LABELS } from '../../domain/workflow/case-kinds';
import { refuseDatedChange, type Correction } from '../../domain/workflow/year-close';
import type { StatusView } from '../../api/contract/workflow';
import { writeEvent, type LogContext } from './case-log';
import { closedYears, householdRow, statusOf } from './facts';
import { requireAuthority, requireNotFuture, type WorkflowActor } from './access';

export function statusView(station: Station, householdId: string, date: string): StatusView {
  const h = householdRow(station.db, householdId);
  const status = statusOf(station.db, h, date);
  const open = openCaseOf(station, h.id);
  return {
    householdId,
    date,
    status,
    statusLabel: `${HOUSEHOLD_STATUS_LABELS[status.status]}${status.status === 'poor' && status.returned ? '（返贫）' : ''}`,
    openCase: open ? { ...open, label: CASE_KIND_LABELS[open.kind] } : null,
  };
}

const openCaseOf = (station: Station, householdId: string) =>
  station.db
    .select({ id: workflowCases.id, kind: workflowCases.kind })
    .from(workflowCases)
    .where(and(eq(workflowCases.householdId, householdId), eq(workflowCases.outcome, 'open')))
    .get();

function datedWrite(station: Station, date: string, correction: Correction | null): void {
  requireNotFuture(station, date, '日期');
  const refusal = refuseDatedChange(date, closedYears(station.db), correction);
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
}

export function removeHousehold(
  station: Station,
  who: WorkflowActor,
  input: { householdId: string; reason: RemovalReason; date: string; note: string; correction?: Correction | null },
): StatusView {
  // 清退 undoes a county decision, so the county makes it; the natural ends of a household are the station's.
  requireAuthority(station, who, input.reason === 'misidentified' ? 'county' : 'station', REMOVAL_REASONS[input.reason]);
  datedWrite(station, input.date, input.correction ?? null);
  const h = householdRow(station.db, input.householdId);
  const status = statusOf(station.db, h, input.date).status;
  if (status === 'removed') throw new AppError('CONFLICT', '该户已减少，不能重复办理');
  if (input.reason === 'misidentified' && status !== 'poor') throw new AppError('CONFLICT', '识别不准清退只适用于未脱贫的建档立卡户');
  if (openCaseOf(station, h.id)) {
    throw new AppError('CONFLICT', '该户有未办结的流程案件，请先办结或撤回');
  }
  const now = station.clock();
  runWrite(station.db, who.actor, { action: 'workflow.household.remove', entity: 'household', entityId: h.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    writeEvent(ctx, h.id, 'household.removed', input.date, { reason: input.reason, summary: `${REMOVAL_REASONS[input.reason]}：${input.note}`, ...(input.correction ? { correction: input.correction } : {}) });
  }, now);
  return statusView(station, h.id, input.date);
}

export function correctStatus(
  station: Station,
  who: WorkflowActor,
  input: { householdId: string; to: HouseholdStatus; date: string; correctsYear: number; reason: string },
): StatusView {
  requireAuthority(station, who, 'county', '更正户状态');
  const correction = { year: input.correctsYear, reason: input.reason };
  datedWrite(station, input.date, correction);
  const h = householdRow(station.db, input.householdId);
  const before = statusOf(station.db, h, input.date).status;
  if (before === input.to) throw new AppError('CONFLICT', `该户在 ${input.date} 已是「${HOUSEHOLD_STATUS_LABELS[before]}」，无需更正`);
  const now = station.clock();
  runWrite(station.db, who.actor, { action: 'workflow.status.correct', entity: 'household', entityId: h.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    writeEvent(ctx, h.id, 'status.corrected', input.date, { to: input.to, from: before, correction, summary: `更正${input.correctsYear}年度：${HOUSEHOLD_STATUS_LABELS[before]} → ${HOUSEHOLD_STATUS_LABELS[input.to]}（${input.reason}）` });
  }, now);
  return statusView(station, h.id, input.date);
}
