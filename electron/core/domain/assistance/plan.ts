// 脱贫计划 (domain.md §4.4): per household and year, indicator rows with 现状 (baseline), 计划 and
// 完成, the planned exit year and the period of assistance. The default rows are those of the
// national 扶贫手册; an office may add its own.
import type { YearParams } from '../registry/year-params';
import type { PersonRecord } from '../registry/types';
import type { CodeTableDefinition } from '../registry/code-tables';
import { ageOfPerson, isStudent } from '../registry/person-facts';
import { violation, yuan, type RuleViolation } from './violations';

export interface PlanIndicator {
  key: string;
  label: string;
  /** 'amount' in 元 (人均纯收入), 'yesNo' for the 三保障-style rows */
  kind: 'amount' | 'yesNo';
  baseline: number | boolean | null;
  plan: number | boolean | null;
  actual: number | boolean | null;
}

export const DEFAULT_PLAN_INDICATORS: readonly Omit<PlanIndicator, 'baseline' | 'plan' | 'actual'>[] = [
  { key: 'perCapitaIncome', label: '人均纯收入（元）', kind: 'amount' },
  { key: 'safeHousing', label: '有安全住房', kind: 'yesNo' },
  { key: 'noDropout', label: '无因贫辍学学生', kind: 'yesNo' },
  { key: 'noIllnessPoverty', label: '无因病致贫返贫', kind: 'yesNo' },
  { key: 'ruralMedical', label: '参加新型农村合作医疗', kind: 'yesNo' },
  { key: 'residentPension', label: '参加城乡居民基本养老保险', kind: 'yesNo' },
  { key: 'safeWater', label: '有安全饮水', kind: 'yesNo' },
];

export const emptyPlanIndicators = (): PlanIndicator[] => DEFAULT_PLAN_INDICATORS.map((i) => ({ ...i, baseline: null, plan: null, actual: null }));

export interface PlanDraft {
  year: number;
  plannedExitYear: number | null;
  indicators: readonly PlanIndicator[];
}

const TITLE = '脱贫计划';

export function checkPlan(
  p: PlanDraft,
  ctx: { firstIdentifiedYear: number | null; exitDeadlineYear: number; params: Pick<YearParams, 'exitIncomeTarget' | 'povertyLineNbs'> },
): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (p.plannedExitYear !== null) {
    const from = ctx.firstIdentifiedYear ?? 2014;
    if (p.plannedExitYear < from || p.plannedExitYear > ctx.exitDeadlineYear) {
      out.push(violation('PLAN-EXIT-YEAR', 'plannedExitYear', '计划脱贫年度', `应在首次识别年度 ${from} 至 ${ctx.exitDeadlineYear} 年之间`, `${ctx.exitDeadlineYear} 年前全部脱贫`));
    }
  }
  const keys = new Set<string>();
  p.indicators.forEach((ind, i) => {
    const label = ind.label || `第${i + 1}项指标`;
    if (ind.label.trim() === '') out.push(violation('PLAN-ROW', `indicators.${i}.label`, `第${i + 1}项指标`, '名称不能为空', TITLE));
    if (keys.has(ind.key)) out.push(violation('PLAN-ROW', `indicators.${i}.key`, label, '重复', TITLE));
    keys.add(ind.key);
    for (const side of ['baseline', 'plan', 'actual'] as const) {
      const v = ind[side];
      const sideLabel = side === 'baseline' ? '现状' : side === 'plan' ? '计划' : '完成';
      if (v === null) continue;
      if (ind.kind === 'amount' && (typeof v !== 'number' || v < 0 || v > 10_000_000)) out.push(violation('PLAN-VALUE', `indicators.${i}.${side}`, `${label}${sideLabel}`, '应为不小于 0 的金额', TITLE));
      if (ind.kind === 'yesNo' && typeof v !== 'boolean') out.push(violation('PLAN-VALUE', `indicators.${i}.${side}`, `${label}${sideLabel}`, '应为「是」或「否」', TITLE));
    }
  });
  // A household planned to exit this year should plan an income above the year's exit line.
  const line = ctx.params.exitIncomeTarget ?? ctx.params.povertyLineNbs;
  const income = p.indicators.find((i) => i.key === 'perCapitaIncome');
  if (p.plannedExitYear === p.year && line !== null && typeof income?.plan === 'number' && income.plan <= line) {
    out.push(violation('PLAN-INCOME', 'indicators.0.plan', '人均纯收入计划', `${yuan(income.plan)} 元未超过 ${p.year} 年退出标准 ${yuan(line)} 元，而本户计划当年脱贫`, '计划脱贫户收入稳定超过退出标准', 'warning'));
  }
  return out;
}

export interface PlanFacts {
  year: number;
  mainCause: string | null;
  perCapitaIncome: number | null;
  isDilapidated: boolean | null;
  waterSafe: boolean | null;
  members: readonly PersonRecord[];
  tables?: readonly CodeTableDefinition[];
}

/**
 * The 现状 column read from the registry, so a clerk starts a plan from what the household's
 * forms already say rather than typing it again. Unknown facts stay empty.
 */
export function planBaseline(f: PlanFacts): PlanIndicator[] {
  const asOf = `${f.year}-12-31`;
  const adults = f.members.filter((m) => (ageOfPerson(m, asOf) ?? 0) >= 16 && !isStudent(m, f.year, f.tables));
  const children = f.members.filter((m) => {
    const age = ageOfPerson(m, asOf);
    return age !== null && age >= 6 && age <= 15;
  });
  const baseline: Record<string, number | boolean | null> = {
    perCapitaIncome: f.perCapitaIncome,
    safeHousing: f.isDilapidated === null ? null : !f.isDilapidated,
    noDropout: f.members.length === 0 ? null : children.every((c) => isStudent(c, f.year, f.tables)),
    noIllnessPoverty: f.mainCause === null ? null : f.mainCause !== '01',
    ruralMedical: f.members.length === 0 ? null : f.members.every((m) => m.hasRuralMedicalInsurance === true || m.hasEmployeeMedicalInsurance === true),
    residentPension: adults.length === 0 ? null : adults.every((m) => m.hasResidentPension === true || m.hasEmployeePension === true),
    safeWater: f.waterSafe,
  };
  return emptyPlanIndicators().map((i) => ({ ...i, baseline: baseline[i.key] ?? null }));
}
