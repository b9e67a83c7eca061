// Cadre ↔ household pairings (AC08 in the national system: a helper, a household and a period).
import { isIsoDate, periodsOverlap, type Period } from './dates';
import { violation, type RuleViolation } from './violations';

const TITLE = '结对帮扶期间';

export function checkPeriod(p: { fromDate: string; toDate: string | null }, labels: { from: string; to: string }, title: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!isIsoDate(p.fromDate)) out.push(violation('PERIOD-DATE', 'fromDate', labels.from, '不是有效日期（年-月-日）', title));
  if (p.toDate !== null && !isIsoDate(p.toDate)) out.push(violation('PERIOD-DATE', 'toDate', labels.to, '不是有效日期（年-月-日）', title));
  if (out.length === 0 && p.toDate !== null && p.toDate < p.fromDate) {
    out.push(violation('PERIOD-ORDER', 'toDate', labels.to, `${p.toDate} 早于开始日期 ${p.fromDate}`, title));
  }
  return out;
}

/** A new pairing: valid dates, and not a second overlapping pairing of the same cadre and household. */
export function checkPairing(pairing: Period, sameCadreAndHousehold: readonly Period[], cadreName: string): RuleViolation[] {
  const out = checkPeriod(pairing, { from: '帮扶开始时间', to: '帮扶结束时间' }, TITLE);
  if (out.length > 0) return out;
  const clash = sameCadreAndHousehold.find((p) => periodsOverlap(p, pairing));
  if (clash) {
    out.push(violation('PAIR-DUPLICATE', 'cadreId', '帮扶责任人', `${cadreName}与本户自 ${clash.fromDate} 起已有结对，期间不能重叠`, TITLE));
  }
  return out;
}

/** Ending a pairing: the end date is a real day not before its start. */
export function checkPairingEnd(pairing: Period, toDate: string): RuleViolation[] {
  return checkPeriod({ fromDate: pairing.fromDate, toDate }, { from: '帮扶开始时间', to: '帮扶结束时间' }, TITLE);
}
