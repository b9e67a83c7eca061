// Rows of the three books as the pages and the printing read them.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { assistanceCadres, assistanceLedger, assistanceMeasures, assistancePlans, assistanceUnits } from '../../db/schema';
import type { LedgerView, MeasureView, PlanView } from '../../api/contract/assistance';
import { FUND_SOURCES, LEDGER_KINDS, MEASURE_STATUSES, labelIn, type PlanIndicator } from '../../domain/assistance';
import { labelOf, type CodeTableDefinition } from '../../domain/registry/code-tables';

export function planViews(db: Db, householdId: string): PlanView[] {
  return db
    .select()
    .from(assistancePlans)
    .where(eq(assistancePlans.householdId, householdId))
    .orderBy(desc(assistancePlans.year))
    .all()
    .map((p) => ({ id: p.id, year: p.year, plannedExitYear: p.plannedExitYear, period: p.period, goal: p.goal, indicators: p.indicators as PlanIndicator[], updatedAt: p.updatedAt }));
}

export function measureViews(db: Db, householdId: string, tables: readonly CodeTableDefinition[]): MeasureView[] {
  const cadres = new Map(db.select({ id: assistanceCadres.id, name: assistanceCadres.name }).from(assistanceCadres).all().map((c) => [c.id, c.name]));
  const units = new Map(db.select({ id: assistanceUnits.id, name: assistanceUnits.name }).from(assistanceUnits).all().map((u) => [u.id, u.name]));
  return db
    .select()
    .from(assistanceMeasures)
    .where(eq(assistanceMeasures.householdId, householdId))
    .orderBy(desc(assistanceMeasures.year), asc(assistanceMeasures.startDate), asc(assistanceMeasures.createdAt))
    .all()
    .map((m) => ({
      id: m.id,
      year: m.year,
      category: m.category,
      categoryLabel: labelOf('assistanceMeasure', m.category, m.year, tables) ?? m.category,
      projectName: m.projectName,
      fundSource: m.fundSource,
      fundSourceLabel: labelIn(FUND_SOURCES, m.fundSource) ?? null,
      amount: m.amount,
      startDate: m.startDate,
      endDate: m.endDate,
      benefit: m.benefit,
      benefitAmount: m.benefitAmount,
      responsibleUnitId: m.responsibleUnitId,
      responsibleUnitName: m.responsibleUnitId ? (units.get(m.responsibleUnitId) ?? null) : null,
      responsibleCadreId: m.responsibleCadreId,
      responsibleCadreName: m.responsibleCadreId ? (cadres.get(m.responsibleCadreId) ?? null) : null,
      status: m.status,
      statusLabel: labelIn(MEASURE_STATUSES, m.status) ?? m.status,
      note: m.note,
    }));
}

export function ledgerViews(db: Db, householdId: string): LedgerView[] {
  return db
    .select({ l: assistanceLedger, cadreName: assistanceCadres.name })
    .from(assistanceLedger)
    .innerJoin(assistanceCadres, eq(assistanceCadres.id, assistanceLedger.cadreId))
    .where(eq(assistanceLedger.householdId, householdId))
    .orderBy(desc(assistanceLedger.date), desc(assistanceLedger.createdAt))
    .all()
    .map(({ l, cadreName }) => ({
      id: l.id,
      date: l.date,
      cadreId: l.cadreId,
      cadreName,
      kind: l.kind,
      kindLabel: labelIn(LEDGER_KINDS, l.kind) ?? l.kind,
      content: l.content,
      problemSolved: l.problemSolved,
      headSigned: l.headSigned,
      recordedBy: l.recordedBy,
    }));
}
