// 防返贫监测: declaring a household a monitoring object (a case that ends with the county's
// decision) and, later, eliminating its risk (another case, refused while a condition is unmet).
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Station } from '../../station';
import { monitoringObjects, workflowCases } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import {
  ELIMINATION_METHODS,
  MONITORING_SOURCES,
  MONITORING_TYPE_LABELS,
  RISK_LABELS,
  refuseMonitoringObject,
  type EliminationMethod,
  type MonitoringSource,
  type MonitoringType,
} from '../../domain/workflow/monitoring';
import { refuseDatedChange } from '../../domain/workflow/year-close';
import { yearOfDate } from '../../domain/workflow/dates';
import type { HouseholdRecord } from '../../domain/registry/types';
import type { CaseDetail, MonitoringRow } from '../../api/contract/workflow';
import type { Page } from '../../api/contract/common';
import { regionRange } from '../registry/households-read';
import { regionName } from '../registry/region-names';
import { writeEvent, type LogContext } from './case-log';
import { caseDetail } from './case-view';
import { insertCase, refuseOpenCase } from './open-cases';
import { closedYears, householdRow, statusOf } from './facts';
import { effectiveWorkflowParams } from './params';
import { requireAuthority, requireNotFuture, type WorkflowActor } from './access';

type ObjectRow = typeof monitoringObjects.$inferSelect;

function dateAllowed(station: Station, date: string, label: string): void {
  requireNotFuture(station, date, label);
  const refusal = refuseDatedChange(date, closedYears(station.db));
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
}

/** An object is live from its report until its risk is eliminated, unless its inclusion was refused. */
function liveObject(station: Station, householdId: string): ObjectRow | undefined {
  const objects = station.db.select().from(monitoringObjects).where(and(eq(monitoringObjects.householdId, householdId), isNull(monitoringObjects.eliminatedDate))).all();
  return objects.find((o) => {
    const inclusion = station.db.select().from(workflowCases).where(and(eq(workflowCases.monitoringId, o.id), eq(workflowCases.kind, 'monitoring'))).get();
    return inclusion && inclusion.outcome !== 'failed' && inclusion.outcome !== 'withdrawn';
  });
}

export interface OpenMonitoringInput {
  householdId: string;
  objectType: MonitoringType;
  risks: string[];
  source: MonitoringSource;
  reportedDate: string;
  note: string;
}

export function openMonitoring(station: Station, who: WorkflowActor, input: OpenMonitoringInput): CaseDetail {
  requireAuthority(station, who, 'station', '申报监测对象');
  dateAllowed(station, input.reportedDate, '申报日期');
  const h = householdRow(station.db, input.householdId);
  const status = statusOf(station.db, h, input.reportedDate);
  const year = yearOfDate(input.reportedDate);
  const refusal = refuseMonitoringObject(
    { type: input.objectType, risks: input.risks, wasRegisteredPoor: status.firstIdentified !== null, isPoorNow: status.status === 'poor', alreadyMonitored: liveObject(station, h.id) !== undefined },
    effectiveWorkflowParams(station.db, year).monitoring.maxRisks,
  );
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const now = station.clock();
  const nowIso = now.toISOString();
  const caseId = runWrite(station.db, who.actor, { action: 'workflow.monitoring.open', entity: 'monitoring_object' }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso };
    const objectId = randomUUID();
    w.insert(monitoringObjects, {
      id: objectId,
      householdId: h.id,
      regionCode: h.regionCode,
      objectType: input.objectType,
      risks: input.risks,
      source: input.source,
      reportedDate: input.reportedDate,
      createdBy: ctx.username,
      createdAt: nowIso,
    });
    const data = { objectType: input.objectType, risks: input.risks, source: input.source, note: input.note || `${MONITORING_SOURCES[input.source]}：${MONITORING_TYPE_LABELS[input.objectType]}` };
    const c = insertCase(ctx, { kind: 'monitoring', household: h, year, date: input.reportedDate, data, monitoringId: objectId });
    writeEvent(ctx, h.id, 'monitoring.step', input.reportedDate, { caseId: c.id, stage: 'report', stageLabel: '申报排查', summary: `${MONITORING_TYPE_LABELS[input.objectType]}，风险：${input.risks.map((r) => RISK_LABELS[r]).join('、')}` });
    return c.id;
  }, now);
  return caseDetail(station, who, caseId);
}

export function openElimination(station: Station, who: WorkflowActor, input: { monitoringId: string; method: EliminationMethod; date: string }): CaseDetail {
  requireAuthority(station, who, 'station', '申请风险消除');
  dateAllowed(station, input.date, '申请日期');
  const o = station.db.select().from(monitoringObjects).where(eq(monitoringObjects.id, input.monitoringId)).get();
  if (!o) throw new AppError('NOT_FOUND', '该监测对象不存在');
  if (o.eliminatedDate) throw new AppError('CONFLICT', `该监测对象已于 ${o.eliminatedDate} 风险消除`);
  if (!o.includedDate) throw new AppError('CONFLICT', '该户尚未经县级审定纳入监测，不能申请风险消除');
  if (input.date < o.includedDate) throw new AppError('INVALID_INPUT', `申请日期早于纳入监测的日期（${o.includedDate}）`);
  refuseOpenCase(station, o.householdId, ['elimination']);
  const h = householdRow(station.db, o.householdId);
  const now = station.clock();
  const caseId = runWrite(station.db, who.actor, { action: 'workflow.elimination.open', entity: 'monitoring_object', entityId: o.id }, (w) => {
    const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso: now.toISOString() };
    const c = insertCase(ctx, { kind: 'elimination', household: h, year: yearOfDate(input.date), date: input.date, data: { method: input.method, applicationDate: input.date }, monitoringId: o.id });
    writeEvent(ctx, h.id, 'monitoring.step', input.date, { caseId: c.id, stage: 'open', stageLabel: '申请风险消除', summary: ELIMINATION_METHODS[input.method] });
    return c.id;
  }, now);
  return caseDetail(station, who, caseId);
}

const STATE_LABELS: Record<MonitoringRow['state'], string> = { pending: '识别中', monitoring: '监测中', eliminating: '风险消除办理中', eliminated: '已风险消除', rejected: '未纳入' };

export function listMonitoring(station: Station, scope: string, householdId: string | undefined, offset: number, limit: number): Page<MonitoringRow> {
  const [lo, hi] = regionRange(scope);
  const all = station.db
    .select()
    .from(monitoringObjects)
    .where(householdId ? eq(monitoringObjects.householdId, householdId) : undefined)
    .orderBy(desc(monitoringObjects.reportedDate))
    .all()
    .filter((o) => o.regionCode >= lo && o.regionCode < hi);
  const page = all.slice(offset, offset + limit);
  const cases = page.length
    ? station.db.select().from(workflowCases).where(inArray(workflowCases.monitoringId, page.map((o) => o.id))).all()
    : [];
  const rows = page.map((o): MonitoringRow => {
    const mine = cases.filter((c) => c.monitoringId === o.id);
    const inclusion = mine.find((c) => c.kind === 'monitoring');
    const elimination = mine.filter((c) => c.kind === 'elimination').find((c) => c.outcome === 'open');
    const state: MonitoringRow['state'] = o.eliminatedDate
      ? 'eliminated'
      : o.includedDate
        ? elimination
          ? 'eliminating'
          : 'monitoring'
        : inclusion?.outcome === 'open'
          ? 'pending'
          : 'rejected';
    const h = householdRow(station.db, o.householdId);
    return {
      id: o.id,
      householdId: o.householdId,
      headName: (h.record as HouseholdRecord).headName,
      villageName: regionName(station.db, o.regionCode),
      objectType: o.objectType,
      objectTypeLabel: MONITORING_TYPE_LABELS[o.objectType],
      risks: (o.risks as string[]).map((code) => ({ code, label: RISK_LABELS[code] ?? code })),
      source: o.source,
      sourceLabel: MONITORING_SOURCES[o.source as MonitoringSource] ?? o.source,
      reportedDate: o.reportedDate,
      includedDate: o.includedDate,
      eliminatedDate: o.eliminatedDate,
      eliminationMethodLabel: o.eliminationMethod ? (ELIMINATION_METHODS[o.eliminationMethod as EliminationMethod] ?? o.eliminationMethod) : null,
      state,
      stateLabel: STATE_LABELS[state],
      openCaseId: (elimination ?? (inclusion?.outcome === 'open' ? inclusion : undefined))?.id ?? null,
    };
  });
  return { total: all.length, rows };
}
