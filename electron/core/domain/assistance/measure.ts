// 帮扶措施 (domain.md §4.4): one row per measure, its category from the national list (the
// registry's versioned code table `assistanceMeasure`), project, fund source, amount, dates,
// benefit, who is responsible and how far it got.
import { codeTable, type CodeTableDefinition } from '../registry/code-tables';
import { FUND_SOURCES, MEASURE_STATUSES } from './catalog';
import { isIsoDate } from './dates';
import { violation, type RuleViolation } from './violations';

export interface MeasureDraft {
  year: number;
  category: string;
  projectName: string;
  fundSource: string | null;
  amount: number | null;
  startDate: string | null;
  endDate: string | null;
  benefitAmount: number | null;
  responsibleCadreId: string | null;
  status: string;
}

const TITLE = '帮扶措施登记';

export function checkMeasure(m: MeasureDraft, ctx: { asOf: string; tables?: readonly CodeTableDefinition[]; cadreIsHelper: boolean | null }): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!codeTable('assistanceMeasure', m.year, ctx.tables).some((e) => e.code === m.category)) {
    out.push(violation('MEASURE-CATEGORY', 'category', '措施类别', `不在 ${m.year} 年的帮扶措施类别中`, '帮扶措施类别（全国目录）'));
  }
  if (m.projectName.trim() === '') out.push(violation('MEASURE-PROJECT', 'projectName', '项目名称', '不能为空', TITLE));
  if (m.fundSource !== null && !FUND_SOURCES.some((f) => f.code === m.fundSource)) out.push(violation('MEASURE-FUND', 'fundSource', '资金来源', '代码无效', TITLE));
  if (m.amount !== null && !(m.amount >= 0)) out.push(violation('MEASURE-AMOUNT', 'amount', '投入金额', '不能为负数', TITLE));
  if (m.benefitAmount !== null && !(m.benefitAmount >= 0)) out.push(violation('MEASURE-AMOUNT', 'benefitAmount', '实际收益', '不能为负数', TITLE));
  if (m.startDate !== null && !isIsoDate(m.startDate)) out.push(violation('PERIOD-DATE', 'startDate', '实施时间', '不是有效日期', TITLE));
  if (m.endDate !== null && !isIsoDate(m.endDate)) out.push(violation('PERIOD-DATE', 'endDate', '完成时间', '不是有效日期', TITLE));
  if (m.startDate && m.endDate && isIsoDate(m.startDate) && isIsoDate(m.endDate) && m.endDate < m.startDate) {
    out.push(violation('PERIOD-ORDER', 'endDate', '完成时间', '早于实施时间', TITLE));
  }
  if (!MEASURE_STATUSES.some((s) => s.code === m.status)) out.push(violation('MEASURE-STATUS', 'status', '落实情况', '代码无效', TITLE));
  if (m.status === 'done') {
    if (!m.endDate) out.push(violation('MEASURE-DONE', 'endDate', '完成时间', '已落实的措施要填写完成时间', '已落实的措施有完成时间'));
    else if (m.endDate > ctx.asOf) out.push(violation('MEASURE-DONE', 'endDate', '完成时间', `${m.endDate} 还没有到，不能标为已落实`, '已落实的措施有完成时间'));
  }
  if (ctx.cadreIsHelper === false) out.push(violation('MEASURE-CADRE', 'responsibleCadreId', '责任人', '不是本户的帮扶责任人', '措施责任人为本户帮扶责任人', 'warning'));
  return out;
}
