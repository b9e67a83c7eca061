// Data for the household books (户户3本账) of one household and year, from the assistance
// service's book reading (householdBook) and the village facts (status, size, labels). The head's
// ID number is masked here by the office's policy; bank accounts are never read.
import type { Db } from '../../db/connection';
import { AppError } from '../../api/errors';
import { maskIdNumber, type MaskingPolicy } from '../../domain/masking';
import type { PlanIndicator } from '../../domain/assistance';
import { householdBook } from '../assistance/read-books';
import type { HouseholdBooksData } from '../../printing/documents/types';
import { indicatorCell } from '../../printing/documents/shared/format';
import { label, loadVillageFacts, type VillageFacts } from './village-facts';
import { householdVillage } from './household-documents';
import { statusLabelOf } from './village-documents';
import { householdBookPhotos } from './book-photos';

const span = (from: string | null, to: string | null): string => (from || to ? `${from ?? '？'}至${to ?? '今'}` : '');

const planRow = (i: PlanIndicator) => ({ label: i.label, baseline: indicatorCell(i.baseline, i.kind), plan: indicatorCell(i.plan, i.kind), actual: indicatorCell(i.actual, i.kind) });

export function householdBooksData(db: Db, householdId: string, year: number, today: Date, policy: MaskingPolicy, facts?: VillageFacts): HouseholdBooksData {
  const f = facts ?? loadVillageFacts(db, householdVillage(db, householdId), year, today);
  const h = f.households.find((x) => x.id === householdId);
  const book = householdBook(db, householdId, year);
  if (!h || !book) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const r = h.record;
  return {
    heading: f.heading,
    approved: f.approved,
    headName: r.headName ?? '',
    idMasked: maskIdNumber(r.headIdNumber, policy),
    groupName: h.groupName,
    persons: h.persons,
    attributeLabel: label(f, 'attribute', r.attribute, r.dataYear),
    mainCauseLabel: label(f, 'cause', r.mainCause, r.dataYear),
    statusLabel: statusLabelOf(h),
    cadres: book.cadres.map((c) => ({ name: c.name, unit: c.unitName, position: c.position ?? c.rankLabel, phone: c.phone, from: c.fromDate, to: c.toDate })),
    plan: book.plan
      ? { year: book.plan.year, plannedExitYear: book.plannedExitYear, period: book.plan.period, goal: book.plan.goal, rows: book.plan.indicators.map(planRow) }
      : null,
    measures: book.measures.map((m) => ({
      category: m.categoryLabel,
      project: m.projectName,
      fundSource: m.fundSourceLabel ?? '',
      amount: m.amount,
      period: span(m.startDate, m.endDate),
      // The benefit text usually states the amount already; the figure alone only when there is no text.
      benefit: m.benefit ?? (m.benefitAmount !== null ? `${m.benefitAmount} 元` : ''),
      responsible: m.responsibleCadreName ?? m.responsibleUnitName ?? '',
      status: m.statusLabel,
    })),
    ledger: book.ledger.map((l) => ({ date: l.date, cadre: l.cadreName, kind: l.kindLabel, content: l.content, solved: l.problemSolved ?? '', signed: l.headSigned })),
    photos: householdBookPhotos(db, householdId, f.heading.asOf),
  };
}
