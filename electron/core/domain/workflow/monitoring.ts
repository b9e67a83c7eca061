// 防止返贫动态监测 (domain.md §9): who may be a monitoring object, the risks recorded (at most
// five), and the conditions under which a risk may be marked eliminated (风险消除).

export const MONITORING_TYPES = ['unstable', 'marginal', 'sudden'] as const;
export type MonitoringType = (typeof MONITORING_TYPES)[number];

export const MONITORING_TYPE_LABELS: Record<MonitoringType, string> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
};

/** Codes seen in a monitoring system [P]; kept so exports can print them. */
export const MONITORING_TYPE_CODES: Record<MonitoringType, string> = { unstable: '100A03001', marginal: '100A03002', sudden: '100A03003' };

// Code table 100A27 [P]; the codes are ours (the national ones were not seen).
export const RISK_TYPES = [
  ['01', '因病'],
  ['02', '因残'],
  ['03', '因学'],
  ['04', '因意外事故'],
  ['05', '因产业项目失败'],
  ['06', '因务工就业不稳'],
  ['07', '缺劳动力'],
  ['08', '因自然灾害'],
  ['09', '住房出现安全问题'],
  ['10', '义务教育保障出现问题'],
  ['11', '基本医疗保障出现问题'],
  ['12', '饮水安全出现问题'],
  ['99', '其他'],
] as const;
export const RISK_LABELS: Record<string, string> = Object.fromEntries(RISK_TYPES);

export const MONITORING_SOURCES = { selfReport: '农户自主申报', visit: '干部走访排查', department: '部门筛查预警' } as const;
export type MonitoringSource = keyof typeof MONITORING_SOURCES;

export const ELIMINATION_METHODS = { assisted: '帮扶消除', natural: '自然消除' } as const;
export type EliminationMethod = keyof typeof ELIMINATION_METHODS;

/** Why this object cannot be recorded: wrong type for the household's past, risks missing or too many. */
export function refuseMonitoringObject(
  input: { type: MonitoringType; risks: readonly string[]; wasRegisteredPoor: boolean; isPoorNow: boolean; alreadyMonitored: boolean },
  maxRisks: number,
): string | null {
  if (input.alreadyMonitored) return '该户已是监测对象，尚未风险消除，不能重复纳入';
  if (input.isPoorNow) return '该户现为未脱贫贫困户，按贫困户帮扶，不纳入防返贫监测';
  if (input.type === 'unstable' && !input.wasRegisteredPoor) return '脱贫不稳定户须是已脱贫的建档立卡户；从未建档立卡的农户应选边缘易致贫户或突发严重困难户';
  if (input.type === 'marginal' && input.wasRegisteredPoor) return '边缘易致贫户是从未建档立卡的一般农户；已脱贫户应选脱贫不稳定户';
  if (input.risks.length === 0) return '请至少选择一项致贫（返贫）风险';
  if (input.risks.length > maxRisks) return `致贫（返贫）风险最多填写 ${maxRisks} 项`;
  if (new Set(input.risks).size !== input.risks.length) return '致贫（返贫）风险有重复';
  const unknown = input.risks.find((r) => !RISK_LABELS[r]);
  if (unknown) return `未知的风险类型代码「${unknown}」`;
  return null;
}

export interface EliminationFacts {
  method: EliminationMethod;
  /** Months the income has been stable (in principle ≥ 6). */
  stableIncomeMonths: number;
  perCapitaIncome: number | null;
  monitoringLine: number | null;
  /** 大额刚性支出（医疗、教育）已稳定解决 */
  rigidExpenditureSolved: boolean;
  /** 三保障和饮水安全巩固: the household exit check's education, medical, housing and water. */
  guaranteeFailures: readonly string[];
  /** Each recorded risk eliminated or disappeared naturally. */
  risksResolved: boolean;
  /** 整户无劳动能力: keep monitoring even after social-security measures. */
  wholeHouseholdWithoutLabour: boolean;
}

/** The unmet conditions of 风险消除, each named; empty when the risk may be marked eliminated. */
export function eliminationBlockers(f: EliminationFacts, minStableMonths: number): string[] {
  const out: string[] = [];
  if (f.wholeHouseholdWithoutLabour) out.push('整户无劳动能力的兜底保障户，落实社会保障措施后仍须继续监测，不标注风险消除');
  if (f.stableIncomeMonths < minStableMonths) out.push(`收入持续稳定 ${f.stableIncomeMonths} 个月，不足 ${minStableMonths} 个月`);
  if (f.monitoringLine === null) out.push('本年度没有设定防返贫监测线');
  else if (f.perCapitaIncome === null) out.push('缺少人均纯收入');
  else if (f.perCapitaIncome <= f.monitoringLine) out.push(`人均纯收入${f.perCapitaIncome.toFixed(2)}元，未稳定超过监测线${f.monitoringLine}元`);
  if (!f.rigidExpenditureSolved) out.push('医疗、教育等大额刚性支出尚未稳定解决');
  for (const g of f.guaranteeFailures) out.push(`三保障和饮水安全未巩固：${g}`);
  if (!f.risksResolved) out.push(f.method === 'natural' ? '风险尚未自然消失' : '所填风险尚未通过帮扶消除');
  return out;
}
