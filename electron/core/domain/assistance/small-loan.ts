// 扶贫小额信贷 (domain.md §7): for a 建档立卡 household, a borrower aged 18–65, at most 5万元 and
// 3 years, for productive use only ("户借、户用、户还"), one loan at a time. The limits are the
// year's parameters (smallLoan) so that a province package can change them.
import type { YearParams } from '../registry/year-params';
import type { PersonRecord } from '../registry/types';
import { ageOfPerson } from '../registry/person-facts';
import { addYears, isIsoDate, periodsOverlap } from './dates';
import type { AssistancePolicy } from './policy';
import { violation, yuan, type RuleViolation } from './violations';

export interface LoanDraft {
  amount: number;
  /** 放款日期 */
  startDate: string;
  /** 到期日期 */
  endDate: string;
  purpose: string;
  /** 结清日期; null while the loan is outstanding */
  repaidDate: string | null;
}

export interface LoanContext {
  /** The borrower as a current member of the household; null when not a member */
  borrower: PersonRecord | null;
  /** The household's other small loans */
  otherLoans: readonly { startDate: string; endDate: string; repaidDate: string | null }[];
  /** The household is registered and still enjoys policies (not 已脱贫不再享受政策) */
  householdEligible: boolean;
  params: Pick<YearParams, 'smallLoan'>;
  policy: Pick<AssistancePolicy, 'loanPurposes'>;
}

const wan = (n: number): string => (n % 10_000 === 0 ? `${n / 10_000} 万元` : `${yuan(n)} 元`);

/** The days a loan is outstanding: from its start to its repayment, or to maturity while unpaid. */
const outstanding = (l: { startDate: string; endDate: string; repaidDate: string | null }) => ({ fromDate: l.startDate, toDate: l.repaidDate ?? l.endDate });

export function checkSmallLoan(loan: LoanDraft, ctx: LoanContext): RuleViolation[] {
  const limits = ctx.params.smallLoan;
  const out: RuleViolation[] = [];
  if (!ctx.householdEligible) {
    out.push(violation('LOAN-HOUSEHOLD', 'householdId', '借款户', '不是享受政策的建档立卡户', '扶贫小额信贷对象为建档立卡贫困户'));
  }
  if (!(loan.amount > 0)) out.push(violation('LOAN-AMOUNT', 'amount', '借款金额', '应大于 0', `扶贫小额信贷额度不超过 ${wan(limits.maxAmountYuan)}`));
  else if (loan.amount > limits.maxAmountYuan) {
    out.push(violation('LOAN-AMOUNT', 'amount', '借款金额', `${yuan(loan.amount)} 元超过每户最高 ${yuan(limits.maxAmountYuan)} 元`, `扶贫小额信贷额度不超过 ${wan(limits.maxAmountYuan)}`));
  }
  const datesOk = isIsoDate(loan.startDate) && isIsoDate(loan.endDate);
  if (!datesOk) out.push(violation('LOAN-DATES', 'startDate', '放款日期和到期日期', '应为有效日期（年-月-日）', '贷款期限'));
  else if (loan.endDate <= loan.startDate) out.push(violation('LOAN-TERM', 'endDate', '到期日期', '应晚于放款日期', `贷款期限不超过 ${limits.maxTermYears} 年`));
  else if (loan.endDate > addYears(loan.startDate, limits.maxTermYears)) {
    out.push(violation('LOAN-TERM', 'endDate', '到期日期', `${loan.endDate} 距放款日期 ${loan.startDate} 超过 ${limits.maxTermYears} 年`, `贷款期限不超过 ${limits.maxTermYears} 年`));
  }
  if (loan.repaidDate !== null && (!isIsoDate(loan.repaidDate) || (datesOk && loan.repaidDate < loan.startDate))) {
    out.push(violation('LOAN-DATES', 'repaidDate', '结清日期', '应为放款日期之后的有效日期', '贷款期限'));
  }

  const ageRule = `借款人年龄 ${limits.minAge}–${limits.maxAge} 周岁`;
  if (ctx.borrower === null) out.push(violation('LOAN-BORROWER', 'personId', '借款人', '不是本户现有成员', '户借、户用、户还'));
  else if (datesOk) {
    const age = ageOfPerson(ctx.borrower, loan.startDate);
    if (age === null) out.push(violation('LOAN-AGE', 'personId', '借款人', `${ctx.borrower.name ?? ''}没有出生日期，无法核对年龄`, ageRule));
    else if (age < limits.minAge || age > limits.maxAge) {
      out.push(violation('LOAN-AGE', 'personId', '借款人', `${ctx.borrower.name ?? ''}放款时 ${age} 周岁，不在 ${limits.minAge}–${limits.maxAge} 周岁之间`, ageRule));
    }
  }

  const purpose = ctx.policy.loanPurposes.find((p) => p.code === loan.purpose);
  if (!purpose) out.push(violation('LOAN-PURPOSE', 'purpose', '贷款用途', '未选择或无效', '贷款只能用于发展生产'));
  else if (!purpose.productive) out.push(violation('LOAN-PURPOSE', 'purpose', '贷款用途', `「${purpose.label}」不是生产经营用途`, '贷款只能用于发展生产，不得用于婚丧嫁娶、建房、消费或统贷统还'));

  if (datesOk) {
    const clash = ctx.otherLoans.find((l) => periodsOverlap(outstanding(l), outstanding(loan)));
    if (clash) {
      out.push(
        violation('LOAN-ONE', 'startDate', '放款日期', `本户 ${clash.startDate} 发放的贷款${clash.repaidDate ? `至 ${clash.repaidDate} 才结清` : '尚未结清'}，期间不能再贷`, '每户同一时间只能有一笔扶贫小额信贷'),
      );
    }
  }
  return out;
}
