// Writes of the three books: 脱贫计划, 帮扶措施, 工作台账. The plan's 计划脱贫年度 is the registry
// field of the same name, so saving the plan of the household's data year updates the household
// form too (in the same audited transaction): one planned exit year, wherever it is printed.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import { assistanceCadres, assistanceLedger, assistanceMeasures, assistancePlans, assistanceUnits, households } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { AssistanceSaveResult } from '../../api/contract/assistance';
import { checkLedgerEntry, checkMeasure, checkPlan, type PlanIndicator } from '../../domain/assistance';
import type { HouseholdRecord } from '../../domain/registry/types';
import { effectiveCodeTables, effectiveYearParams } from '../registry/reference-data';
import { helpersOn } from './pairings';
import { readAssistancePolicy } from './policy-store';
import { throwIfErrors } from './violations';
import { isoDay } from '../../domain/workflow/dates';

function householdOf(station: Station, id: string) {
  const h = station.db.select().from(households).where(eq(households.id, id)).get();
  if (!h) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  return { ...h, record: h.record as HouseholdRecord };
}

const today = (station: Station): string => isoDay(station.clock());

export interface PlanInput {
  householdId: string;
  year: number;
  plannedExitYear: number | null;
  period: string | null;
  goal: string | null;
  indicators: PlanIndicator[];
}

export function savePlan(station: Station, actor: Actor, input: PlanInput): AssistanceSaveResult {
  const db = station.db;
  const h = householdOf(station, input.householdId);
  const first = h.record.firstIdentifiedDate ? Number(h.record.firstIdentifiedDate.slice(0, 4)) : null;
  const warnings = throwIfErrors(
    checkPlan(input, { firstIdentifiedYear: first, exitDeadlineYear: readAssistancePolicy(db).plan.exitDeadlineYear, params: effectiveYearParams(db, input.year) }),
    '脱贫计划',
  );
  const existing = db.select().from(assistancePlans).where(and(eq(assistancePlans.householdId, h.id), eq(assistancePlans.year, input.year))).get();
  const id = existing?.id ?? randomUUID();
  const nowIso = station.clock().toISOString();
  runWrite(
    db,
    actor,
    { action: 'assistance.plan.save', entity: 'household', entityId: h.id },
    (w) => {
      const row = { plannedExitYear: input.plannedExitYear, period: input.period, goal: input.goal, indicators: input.indicators, updatedAt: nowIso };
      if (existing) w.update(assistancePlans, id, row);
      else w.insert(assistancePlans, { id, householdId: h.id, year: input.year, ...row });
      if (input.year === h.record.dataYear && h.record.plannedExitYear !== input.plannedExitYear) {
        w.update(households, h.id, { record: { ...h.record, plannedExitYear: input.plannedExitYear }, updatedAt: nowIso });
      }
    },
    station.clock(),
  );
  return { id, warnings };
}

export interface MeasureInput {
  id: string | null;
  householdId: string;
  year: number;
  category: string;
  projectName: string;
  fundSource: string | null;
  amount: number | null;
  startDate: string | null;
  endDate: string | null;
  benefit: string | null;
  benefitAmount: number | null;
  responsibleUnitId: string | null;
  responsibleCadreId: string | null;
  status: string;
  note: string | null;
}

export function saveMeasure(station: Station, actor: Actor, input: MeasureInput): AssistanceSaveResult {
  const db = station.db;
  const h = householdOf(station, input.householdId);
  const existing = input.id ? db.select().from(assistanceMeasures).where(eq(assistanceMeasures.id, input.id)).get() : undefined;
  if (input.id && (!existing || existing.householdId !== h.id)) throw new AppError('NOT_FOUND', '该帮扶措施不存在或不属于本户');
  if (input.responsibleUnitId && !db.select().from(assistanceUnits).where(eq(assistanceUnits.id, input.responsibleUnitId)).get()) {
    throw new AppError('INVALID_INPUT', '责任单位：不是已登记的帮扶单位');
  }
  if (input.responsibleCadreId && !db.select().from(assistanceCadres).where(eq(assistanceCadres.id, input.responsibleCadreId)).get()) {
    throw new AppError('INVALID_INPUT', '责任人：不是已登记的帮扶责任人');
  }
  const day = input.startDate ?? today(station);
  const cadreIsHelper = input.responsibleCadreId ? helpersOn(db, h.id, h.regionCode, day).has(input.responsibleCadreId) : null;
  const warnings = throwIfErrors(checkMeasure(input, { asOf: today(station), tables: effectiveCodeTables(db), cadreIsHelper }), '帮扶措施');
  const id = existing?.id ?? randomUUID();
  const nowIso = station.clock().toISOString();
  const { id: _id, householdId: _h, ...fields } = input;
  runWrite(
    db,
    actor,
    { action: existing ? 'assistance.measure.update' : 'assistance.measure.create', entity: 'household', entityId: h.id },
    (w) => {
      const row = { ...fields, projectName: input.projectName.trim(), updatedAt: nowIso };
      if (existing) w.update(assistanceMeasures, id, row);
      else w.insert(assistanceMeasures, { id, householdId: h.id, createdAt: nowIso, ...row });
    },
    station.clock(),
  );
  return { id, warnings };
}

export function deleteMeasure(station: Station, actor: Actor, id: string): void {
  const m = station.db.select().from(assistanceMeasures).where(eq(assistanceMeasures.id, id)).get();
  if (!m) throw new AppError('NOT_FOUND', '该帮扶措施不存在');
  runWrite(station.db, actor, { action: 'assistance.measure.delete', entity: 'household', entityId: m.householdId }, (w) => void w.remove(assistanceMeasures, id), station.clock());
}

export interface LedgerInput {
  id: string | null;
  householdId: string;
  cadreId: string;
  date: string;
  kind: string;
  content: string;
  problemSolved: string | null;
  headSigned: boolean;
}

export function saveLedgerEntry(station: Station, actor: Actor, input: LedgerInput): AssistanceSaveResult {
  const db = station.db;
  const h = householdOf(station, input.householdId);
  const existing = input.id ? db.select().from(assistanceLedger).where(eq(assistanceLedger.id, input.id)).get() : undefined;
  if (input.id && (!existing || existing.householdId !== h.id)) throw new AppError('NOT_FOUND', '该台账记录不存在或不属于本户');
  const cadre = db.select().from(assistanceCadres).where(eq(assistanceCadres.id, input.cadreId)).get();
  if (!cadre) throw new AppError('INVALID_INPUT', '帮扶人：不是已登记的帮扶责任人');
  const warnings = throwIfErrors(
    checkLedgerEntry(input, { asOf: today(station), cadreName: cadre.name, cadreHelpsOnDate: helpersOn(db, h.id, h.regionCode, input.date).has(cadre.id) }),
    '工作台账',
  );
  const id = existing?.id ?? randomUUID();
  runWrite(
    db,
    actor,
    { action: existing ? 'assistance.ledger.update' : 'assistance.ledger.create', entity: 'household', entityId: h.id },
    (w) => {
      const row = { cadreId: cadre.id, date: input.date, kind: input.kind, content: input.content.trim(), problemSolved: input.problemSolved, headSigned: input.headSigned };
      if (existing) w.update(assistanceLedger, id, row);
      else w.insert(assistanceLedger, { id, householdId: h.id, recordedBy: actor.username, createdAt: station.clock().toISOString(), ...row });
    },
    station.clock(),
  );
  return { id, warnings };
}

export function deleteLedgerEntry(station: Station, actor: Actor, id: string): void {
  const l = station.db.select().from(assistanceLedger).where(eq(assistanceLedger.id, id)).get();
  if (!l) throw new AppError('NOT_FOUND', '该台账记录不存在');
  runWrite(station.db, actor, { action: 'assistance.ledger.delete', entity: 'household', entityId: l.householdId }, (w) => void w.remove(assistanceLedger, id), station.clock());
}
