// One shape for every refused or questionable assistance entry, so the services, the API and the
// pages show the same sentence: which field, what is wrong, and which rule says so.

export interface RuleViolation {
  /** Stable rule code, e.g. 'LOAN-AMOUNT' */
  rule: string;
  /** 'error' refuses the write; 'warning' is saved and shown */
  severity: 'error' | 'warning';
  /** The input field concerned (property name), for highlighting */
  field: string;
  /** 「借款金额」：60000 元超过每户最高 50000 元（规则：扶贫小额信贷额度不超过 5 万元） */
  message: string;
}

/** Builds the message as 「field label」：problem（规则：rule title）. */
export function violation(rule: string, field: string, fieldLabel: string, problem: string, ruleTitle: string, severity: RuleViolation['severity'] = 'error'): RuleViolation {
  return { rule, severity, field, message: `「${fieldLabel}」：${problem}（规则：${ruleTitle}）` };
}

export const errorsOf = (list: readonly RuleViolation[]): RuleViolation[] => list.filter((v) => v.severity === 'error');

/** Whole yuan without float noise: 50000 → '50000', 1234.5 → '1234.5'. */
export const yuan = (n: number): string => String(Math.round(n * 100) / 100);
