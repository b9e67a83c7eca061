// The per-rank pairing quota ("4432", domain.md §6): a cadre of a rank helps at most so many
// households at a time. Checked when a pairing starts, and reported for cadres already over it
// (after the office lowered a quota, or data came in from elsewhere).
import { rankOf, type QuotaRule } from './policy';
import { violation, type RuleViolation } from './violations';

export interface QuotaSubject {
  name: string;
  rank: string | null;
  /** Households the cadre helps on the pairing's first day, not counting the new one */
  activeHouseholds: number;
}

export const QUOTA_RULE_TITLE = (rule: QuotaRule): string => `「${rule.name}」帮扶户数分工`;

/** The most households the cadre's rank allows, or null when the rule sets none. */
export function quotaFor(rule: QuotaRule, rank: string | null): number | null {
  return rankOf(rule, rank)?.maxHouseholds ?? null;
}

/** Refuses one more household for a cadre who already helps as many as the rank allows. */
export function checkPairingQuota(subject: QuotaSubject, rule: QuotaRule): RuleViolation[] {
  const rank = rankOf(rule, subject.rank);
  if (!rank) {
    return [violation('QUOTA-RANK', 'rank', '行政职务级别', `帮扶责任人${subject.name}的行政职务级别未填写或不在分工表中，无法核对帮扶户数`, QUOTA_RULE_TITLE(rule))];
  }
  if (rank.maxHouseholds === null || subject.activeHouseholds + 1 <= rank.maxHouseholds) return [];
  return [
    violation(
      'QUOTA-MAX',
      'cadreId',
      '帮扶责任人',
      `${subject.name}（${rank.label}）已结对帮扶 ${subject.activeHouseholds} 户，${rank.label}最多帮扶 ${rank.maxHouseholds} 户，不能再结对`,
      QUOTA_RULE_TITLE(rule),
    ),
  ];
}

export type QuotaStanding = 'over' | 'full' | 'under' | 'none';

/** Where a cadre stands against the quota: over it, exactly at it, below it, or no quota. */
export function quotaStanding(rule: QuotaRule, rank: string | null, activeHouseholds: number): QuotaStanding {
  const max = quotaFor(rule, rank);
  if (max === null) return 'none';
  return activeHouseholds > max ? 'over' : activeHouseholds === max ? 'full' : 'under';
}

/** The rule must name each rank once with a sensible quota; the office edits it as data. */
export function checkQuotaRule(rule: QuotaRule): RuleViolation[] {
  const out: RuleViolation[] = [];
  const seen = new Set<string>();
  if (rule.name.trim() === '') out.push(violation('QUOTA-RULE', 'name', '分工名称', '不能为空', '帮扶户数分工表'));
  for (const r of rule.ranks) {
    if (seen.has(r.code)) out.push(violation('QUOTA-RULE', 'ranks', '行政职务级别', `代码 ${r.code} 重复`, '帮扶户数分工表'));
    seen.add(r.code);
    if (r.maxHouseholds !== null && (!Number.isInteger(r.maxHouseholds) || r.maxHouseholds < 1 || r.maxHouseholds > 50)) {
      out.push(violation('QUOTA-RULE', 'ranks', `${r.label}帮扶户数`, '应为 1 至 50 的整数', '帮扶户数分工表'));
    }
  }
  if (rule.ranks.length === 0) out.push(violation('QUOTA-RULE', 'ranks', '行政职务级别', '至少要有一个级别', '帮扶户数分工表'));
  return out;
}
