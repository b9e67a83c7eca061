import { AppError } from '../../api/errors';
import { errorsOf, type RuleViolation } from '../../domain/assistance';

/**
 * Refuses a write whose rules found errors: the message lists them (at most three, then a count),
 * the details carry every violation for the form to highlight. Warnings pass and are returned.
 */
export function throwIfErrors(list: readonly RuleViolation[], what: string): RuleViolation[] {
  const errors = errorsOf(list);
  if (errors.length > 0) {
    const shown = errors.slice(0, 3).map((e) => e.message).join('；');
    const more = errors.length > 3 ? `等 ${errors.length} 处` : '';
    throw new AppError('ROW_INVALID', `${what}未保存：${shown}${more}`, { violations: list });
  }
  return list.filter((v) => v.severity === 'warning');
}
