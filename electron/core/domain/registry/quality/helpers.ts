// Small tools shared by the rule files.
import { checkIdNumber, type IdCheck } from '../id-number';
import { ageOfPerson, hasLeft } from '../person-facts';
import type { PersonRecord } from '../types';
import type { Finding, FindingEntity, QualityContext, QualityRule } from './types';

export interface IndexedMember {
  p: PersonRecord;
  /** Index in ctx.members, so findings point at the row the clerk sees */
  i: number;
  /** Full years on ctx.asOf (ageOfPerson), null when no birth date is known */
  age: number | null;
  /** The ID number checked as of ctx.asOf */
  id: IdCheck;
}

/**
 * The members of the household being checked by runQualityRules, with their facts. Nearly every
 * rule starts from the current members, and a dozen need an age or the ID check: worked out once
 * per household and run rather than once per rule (which was 20 ID checks per person). Scoped to
 * one run of one context object, so nothing outlives the records it was computed from.
 */
let running: { ctx: QualityContext; members: readonly IndexedMember[] | null } | null = null;

/** Runs `body` (the rules of one run) with the current members of `ctx` worked out once. */
export function withMemberFacts<T>(ctx: QualityContext, body: () => T): T {
  const outer = running;
  running = { ctx, members: null };
  try {
    return body();
  } finally {
    running = outer;
  }
}

/** Members still in the household this year, with their original row index. */
export function currentMembers(ctx: QualityContext): readonly IndexedMember[] {
  if (running !== null && running.ctx === ctx) return (running.members ??= memberFacts(ctx));
  return memberFacts(ctx);
}

function memberFacts(ctx: QualityContext): readonly IndexedMember[] {
  const out: IndexedMember[] = [];
  ctx.members.forEach((p, i) => {
    if (hasLeft(p, ctx.year, ctx.tables)) return;
    out.push(Object.freeze({ p, i, age: ageOfPerson(p, ctx.asOf), id: checkIdNumber(p.idNumber, { asOf: ctx.asOf }) }));
  });
  // shared by every rule of the run: none may change it for the next
  return Object.freeze(out);
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
