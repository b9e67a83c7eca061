// Small tools shared by the rule files.
import { hasLeft } from '../person-facts';
import type { PersonRecord } from '../types';
import type { Finding, FindingEntity, QualityContext, QualityRule } from './types';

export interface IndexedMember {
  p: PersonRecord;
  /** Index in ctx.members, so findings point at the row the clerk sees */
  i: number;
}

/** Members still in the household this year, with their original row index. */
export function currentMembers(ctx: QualityContext): IndexedMember[] {
  return ctx.members.map((p, i) => ({ p, i })).filter(({ p }) => !hasLeft(p, ctx.year, ctx.tables));
}

/** Size used for per-person figures: 家庭人口数 as recorded, else the member count. */
export function householdSizeOf(ctx: QualityContext): number {
  return ctx.household.householdSize ?? currentMembers(ctx).length;
}

type RuleHead = Pick<QualityRule, 'code' | 'severity'>;

export function householdFinding(rule: RuleHead, field: string, message: string): Finding {
  return { ruleCode: rule.code, severity: rule.severity, message, entity: 'household', field };
}

export function personFinding(rule: RuleHead, personIndex: number, field: string, message: string): Finding {
  return { ruleCode: rule.code, severity: rule.severity, message, entity: 'person', personIndex, field };
}

export function entityFinding(rule: RuleHead, entity: FindingEntity, field: string, message: string): Finding {
  return { ruleCode: rule.code, severity: rule.severity, message, entity, field };
}

/** Defines a rule whose check receives the rule itself, so findings carry its code and severity. */
export function defineRule(
  head: Omit<QualityRule, 'check'>,
  check: (ctx: QualityContext, rule: Omit<QualityRule, 'check'>) => Finding[],
): QualityRule {
  return { ...head, check: (ctx) => check(ctx, head) };
}

/** Age within an inclusive bracket; an unknown age is never inside one. */
export function inRange(age: number | null, range: { from: number; to: number }): age is number {
  return age !== null && age >= range.from && age <= range.to;
}
