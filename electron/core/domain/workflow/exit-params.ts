// Exit standards and workflow settings per year (domain.md §5). The lists of indicators and every
// threshold changed over 2016–2020 and several are unconfirmed, so they are data: these are the
// defaults a station starts from, and an administrator (or a province package) edits them.
import { DEFAULT_SIGNOFF_MATRIX, matrixProblems, type SignoffMatrix } from './signoff';
import type { WorkCalendar } from './dates';

/** The household tests the check knows how to run; the year's list picks and labels them. */
export const HOUSEHOLD_TESTS = ['income', 'foodClothing', 'food', 'clothing', 'water', 'education', 'medical', 'housing'] as const;
export type HouseholdTest = (typeof HOUSEHOLD_TESTS)[number];

export const VILLAGE_TESTS = ['incidence', 'industry', 'infrastructure', 'publicServices'] as const;
export type VillageTest = (typeof VILLAGE_TESTS)[number];

export interface Indicator<T extends string> {
  code: T;
  label: string;
}

export interface WorkflowYearParams {
  year: number;
  /** 户退出指标 — every one is a veto: a household exits only when all pass. */
  householdIndicators: Indicator<HouseholdTest>[];
  /** 人均纯收入 must exceed this (元/人/年); null = the year parameters' 退出收入标准. */
  incomeThreshold: number | null;
  /** 村退出指标 (veto). */
  villageIndicators: Indicator<VillageTest>[];
  /** 贫困发生率 below this (%) for a village and for a county (West: 3 %). */
  incidenceThresholdPercent: number;
  county: {
    /** 已退出贫困村比例 at least this (%); null where no rule is known for the year. */
    minExitedVillageSharePercent: number | null;
    maxWrongExitPercent: number;
    maxMissedPercent: number;
    minSatisfactionPercent: number;
  };
  signoffMatrix: SignoffMatrix;
  /** Public holidays and make-up working days for counting 公示 working days. */
  calendar: WorkCalendar;
  monitoring: {
    maxRisks: number;
    /** 风险消除: income stable for at least this many months (in principle half a year). */
    minStableIncomeMonths: number;
  };
  /** Paths of the values above that are [U] for the year. */
  unconfirmed: string[];
}

// 甘脱领发〔2016〕2号 counted 7 household indicators [C count, U items]: the national income and
// 两不愁三保障 split into 吃 and 穿, plus Gansu's separate 安全饮水.
const SEVEN: Indicator<HouseholdTest>[] = [
  { code: 'income', label: '人均纯收入稳定超过退出标准' },
  { code: 'food', label: '不愁吃' },
  { code: 'clothing', label: '不愁穿' },
  { code: 'education', label: '义务教育有保障' },
  { code: 'medical', label: '基本医疗有保障' },
  { code: 'housing', label: '住房安全有保障' },
  { code: 'water', label: '安全饮水有保障' },
];

// 《甘肃省精准脱贫验收标准及认定程序》(2018) [C]: six veto indicators.
const SIX: Indicator<HouseholdTest>[] = [
  { code: 'income', label: '人均纯收入稳定超过国家扶贫标准' },
  { code: 'foodClothing', label: '不愁吃、不愁穿' },
  { code: 'water', label: '有安全饮水' },
  { code: 'education', label: '义务教育有保障' },
  { code: 'medical', label: '基本医疗有保障' },
  { code: 'housing', label: '住房安全有保障' },
];

const VILLAGE_FOUR: Indicator<VillageTest>[] = [
  { code: 'incidence', label: '贫困发生率低于退出标准' },
  { code: 'industry', label: '产业发展（有农民专业合作组织、有村集体经济收入）' },
  { code: 'infrastructure', label: '基础设施（通硬化路、通动力电）' },
  { code: 'publicServices', label: '基本公共服务（有村卫生室、有文化室）' },
];

const EXITED_VILLAGE_SHARE: Record<number, number> = { 2018: 80, 2019: 90, 2020: 100 };

export function defaultWorkflowParams(year: number): WorkflowYearParams {
  const gansu2018 = year >= 2018;
  const unconfirmed = ['signoffMatrix', 'calendar'];
  if (!gansu2018) unconfirmed.push('householdIndicators', 'villageIndicators');
  if (EXITED_VILLAGE_SHARE[year] === undefined) unconfirmed.push('county.minExitedVillageSharePercent');
  return {
    year,
    householdIndicators: (gansu2018 ? SIX : SEVEN).map((i) => ({ ...i })),
    incomeThreshold: null,
    villageIndicators: VILLAGE_FOUR.map((i) => ({ ...i })),
    incidenceThresholdPercent: 3,
    county: {
      minExitedVillageSharePercent: EXITED_VILLAGE_SHARE[year] ?? null,
      maxWrongExitPercent: 2,
      maxMissedPercent: 2,
      minSatisfactionPercent: 90,
    },
    signoffMatrix: structuredClone(DEFAULT_SIGNOFF_MATRIX),
    calendar: { holidays: [], extraWorkdays: [] },
    monitoring: { maxRisks: 5, minStableIncomeMonths: 6 },
    unconfirmed,
  };
}

/** Everything wrong with an edited parameter set, each naming the field. */
export function workflowParamsProblems(p: WorkflowYearParams): string[] {
  const out: string[] = [];
  if (p.householdIndicators.length === 0) out.push('户退出指标：至少要有一项');
  const dup = <T extends string>(list: Indicator<T>[], what: string) => {
    const seen = new Set<string>();
    for (const i of list) {
      if (seen.has(i.code)) out.push(`${what}：「${i.label}」重复`);
      seen.add(i.code);
    }
  };
  dup(p.householdIndicators, '户退出指标');
  dup(p.villageIndicators, '村退出指标');
  if (p.incidenceThresholdPercent <= 0 || p.incidenceThresholdPercent > 100) out.push('贫困发生率标准：应在 0 到 100 之间');
  if (p.monitoring.maxRisks < 1 || p.monitoring.maxRisks > 10) out.push('监测风险类型数：应在 1 到 10 之间');
  out.push(...matrixProblems(p.signoffMatrix));
  return out;
}
