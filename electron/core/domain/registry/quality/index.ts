// The national data-quality catalogue (domain.md §1.9) as one ordered list of rules.
import { CAUSE_RULES } from './cause-rules';
import { CODE_RULES } from './code-rules';
import { DIBAO_RULES } from './dibao-rules';
import { EDUCATION_RULES } from './education-rules';
import { EXIT_RULES } from './exit-rules';
import { HELPER_RULES } from './helper-rules';
import { ID_RULES } from './id-rules';
import { INCOME_RULES } from './income-rules';
import { KEY_FIELD_RULES } from './key-field-rules';
import { LABOUR_RULES } from './labour-rules';
import { LOGIC_RULES } from './logic-rules';
import { MEDICAL_RULES } from './medical-rules';
import { MIGRANT_RULES } from './migrant-rules';
import { RELATIONSHIP_RULES } from './relationship-rules';
import { withMemberFacts } from './helpers';
import type { Finding, QualityContext, QualityRule } from './types';

export type { Finding, FindingEntity, QualityContext, QualityRule, Severity } from './types';
export { findDuplicatePersons, type DuplicateCandidate, type DuplicateGroup } from './duplicates';
export { isExited } from './exit-rules';

export const QUALITY_RULES: readonly QualityRule[] = [
  ...ID_RULES,
  ...RELATIONSHIP_RULES,
  ...KEY_FIELD_RULES,
  ...CODE_RULES,
  ...CAUSE_RULES,
  ...DIBAO_RULES,
  ...LABOUR_RULES,
  ...INCOME_RULES,
  ...MIGRANT_RULES,
  ...LOGIC_RULES,
  ...EDUCATION_RULES,
  ...MEDICAL_RULES,
  ...EXIT_RULES,
  ...HELPER_RULES,
];

/** Runs the rules (all by default) and returns their findings in rule order. */
export function runQualityRules(ctx: QualityContext, rules: readonly QualityRule[] = QUALITY_RULES): Finding[] {
  return withMemberFacts(ctx, () => {
    // a loop rather than flatMap: most rules find nothing, and flatMap's spreading of 80 mostly
    // empty arrays per household showed in a county import
    const out: Finding[] = [];
    for (const rule of rules) for (const f of rule.check(ctx)) out.push(f);
    return out;
  });
}

/** Blocking findings stop an export: see Severity. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function ruleByCode(code: string): QualityRule | undefined {
  return QUALITY_RULES.find((r) => r.code === code);
}
