import { describe, expect, it } from 'vitest';
import { checkSmallLoan, type LoanContext, type LoanDraft } from '../../../../electron/core/domain/assistance/small-loan';
import { DEFAULT_ASSISTANCE_POLICY } from '../../../../electron/core/domain/assistance/policy';
import { defaultYearParams } from '../../../../electron/core/domain/registry/year-params';
import { person } from '../../../helpers/households';

const borrower = person('张建国', '01', '1975-04-12', true);
const loan: LoanDraft = { amount: 50_000, startDate: '2018-03-15', endDate: '2021-03-15', purpose: '02', repaidDate: null };
const ctx = (over: Partial<LoanContext> = {}): LoanContext => ({
  borrower,
  otherLoans: [],
  householdEligible: true,
  params: defaultYearParams(2018),
  policy: DEFAULT_ASSISTANCE_POLICY,
  ...over,
});
const rules = (l: LoanDraft, c: LoanContext = ctx()) => checkSmallLoan(l, c).map((v) => v.rule);

describe('扶贫小额信贷', () => {
  it('accepts 5万元 over exactly 3 years to a borrower of working age for livestock', () => {
    expect(checkSmallLoan(loan, ctx())).toEqual([]);
  });

  it('refuses more than 5万元, naming the amount, the cap and the rule', () => {
    const [v] = checkSmallLoan({ ...loan, amount: 60_000 }, ctx());
    expect(v).toMatchObject({ rule: 'LOAN-AMOUNT', field: 'amount', severity: 'error' });
    expect(v!.message).toBe('「借款金额」：60000 元超过每户最高 50000 元（规则：扶贫小额信贷额度不超过 5 万元）');
    expect(rules({ ...loan, amount: 0 })).toEqual(['LOAN-AMOUNT']);
  });

  it('refuses a term beyond 3 years by one day, and a maturity before the start', () => {
    expect(rules({ ...loan, endDate: '2021-03-16' })).toEqual(['LOAN-TERM']);
    expect(checkSmallLoan({ ...loan, endDate: '2021-03-16' }, ctx())[0]!.message).toContain('超过 3 年');
    expect(rules({ ...loan, endDate: '2018-03-01' })).toEqual(['LOAN-TERM']);
    expect(rules({ ...loan, endDate: '2018-02-30' })).toEqual(['LOAN-DATES']);
  });

  it('takes the borrower between 18 and 65 on the day of the loan, both ends included', () => {
    const young = person('张小明', '03', '2000-03-16', true);
    expect(rules(loan, ctx({ borrower: young }))).toEqual(['LOAN-AGE']);
    expect(checkSmallLoan(loan, ctx({ borrower: young }))[0]!.message).toBe('「借款人」：张小明放款时 17 周岁，不在 18–65 周岁之间（规则：借款人年龄 18–65 周岁）');
    expect(rules(loan, ctx({ borrower: person('张小明', '03', '2000-03-15', true) }))).toEqual([]);
    expect(rules(loan, ctx({ borrower: person('张父', '11', '1952-03-16', true) }))).toEqual([]); // 65
    expect(rules(loan, ctx({ borrower: person('张父', '11', '1952-03-15', true) }))).toEqual(['LOAN-AGE']); // 66
    expect(rules(loan, ctx({ borrower: null }))).toEqual(['LOAN-BORROWER']);
  });

  it('allows one outstanding loan per household: overlapping periods are refused until the first is repaid', () => {
    const earlier = { startDate: '2017-01-10', endDate: '2020-01-10', repaidDate: null };
    expect(rules(loan, ctx({ otherLoans: [earlier] }))).toEqual(['LOAN-ONE']);
    expect(checkSmallLoan(loan, ctx({ otherLoans: [earlier] }))[0]!.message).toContain('本户 2017-01-10 发放的贷款尚未结清');
    expect(rules(loan, ctx({ otherLoans: [{ ...earlier, repaidDate: '2018-03-14' }] }))).toEqual([]);
    expect(rules(loan, ctx({ otherLoans: [{ ...earlier, repaidDate: '2018-03-15' }] }))).toEqual(['LOAN-ONE']);
    // a loan entered for an earlier period may not run into a later one either
    expect(rules({ ...loan, startDate: '2016-01-01', endDate: '2018-12-31' }, ctx({ otherLoans: [{ startDate: '2018-06-01', endDate: '2020-06-01', repaidDate: null }] }))).toEqual(['LOAN-ONE']);
  });

  it('lends only for production, and only to households still enjoying policies', () => {
    expect(rules({ ...loan, purpose: '82' })).toEqual(['LOAN-PURPOSE']);
    expect(checkSmallLoan({ ...loan, purpose: '82' }, ctx())[0]!.message).toContain('「建房购房」不是生产经营用途');
    expect(rules({ ...loan, purpose: '' })).toEqual(['LOAN-PURPOSE']);
    expect(rules(loan, ctx({ householdEligible: false }))).toEqual(['LOAN-HOUSEHOLD']);
  });

  it('reads its limits from the year parameters', () => {
    const params = { ...defaultYearParams(2018), smallLoan: { ...defaultYearParams(2018).smallLoan, maxAmountYuan: 80_000, maxTermYears: 5, maxAge: 60 } };
    expect(rules({ ...loan, amount: 80_000, endDate: '2023-03-15' }, ctx({ params }))).toEqual([]);
    expect(rules(loan, ctx({ params, borrower: person('张父', '11', '1955-01-01', true) }))).toEqual(['LOAN-AGE']);
  });
});
