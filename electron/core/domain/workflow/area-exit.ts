// Village and county exit indicators (domain.md §5.1, §5.2: Gansu 2018–2020). 贫困发生率 =
// poor persons ÷ rural registered population × 100 %; everything else is read from the village
// form. A value nobody filled in fails, with the field named, rather than passing silently.
import type { VillageRecord } from '../registry/types';
import type { Indicator, VillageTest, WorkflowYearParams } from './exit-params';

export interface AreaIndicatorResult {
  code: string;
  label: string;
  /** null: waiting for a figure that only an outside assessment gives (错退率, 认可度). */
  passed: boolean | null;
  value: string | null;
  reason: string | null;
}

/** Percent with two decimals, or null without a population. */
export function incidencePercent(poorPersons: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  return Math.round((poorPersons / population) * 10_000) / 100;
}

export interface VillageExitInput {
  year: number;
  village: VillageRecord | null;
  /** Poor persons at the end of the year, from the household statuses. */
  poorPersons: number;
}

type VillageTestFn = (input: VillageExitInput, threshold: number) => { value: string | null; reason: string | null };

const need = (v: VillageRecord, field: keyof VillageRecord, label: string): string | null => (v[field] === null || v[field] === undefined ? `未填写${label}` : null);

const VILLAGE_TESTS: Record<VillageTest, VillageTestFn> = {
  incidence: ({ village, poorPersons }, threshold) => {
    const pop = village?.populationCount ?? null;
    const rate = incidencePercent(poorPersons, pop);
    if (rate === null) return { value: null, reason: '未填写村总人口数，无法计算贫困发生率' };
    const value = `${rate.toFixed(2)}%（贫困人口 ${poorPersons} 人 / 总人口 ${pop} 人）`;
    return { value, reason: rate < threshold ? null : `贫困发生率${rate.toFixed(2)}%，未低于${threshold}%` };
  },
  industry: ({ village: v }) => {
    if (!v) return { value: null, reason: '缺少村信息采集表' };
    const missing = need(v, 'cooperativeCount', '农民专业合作社个数') ?? need(v, 'collectiveIncome', '村级集体经济收入');
    if (missing) return { value: null, reason: missing };
    const value = `合作社 ${v.cooperativeCount} 个，集体经济收入 ${v.collectiveIncome} 元`;
    if ((v.cooperativeCount ?? 0) <= 0) return { value, reason: '没有农民专业合作组织' };
    if ((v.collectiveIncome ?? 0) <= 0) return { value, reason: '没有村集体经济收入' };
    return { value, reason: null };
  },
  infrastructure: ({ village: v }) => {
    if (!v) return { value: null, reason: '缺少村信息采集表' };
    const missing = need(v, 'pavedRoadToTownship', '到乡镇是否通沥青（水泥）路') ?? need(v, 'groupsWithoutProductionPower', '未通生产用电自然村数');
    if (missing) return { value: null, reason: missing };
    if (v.pavedRoadToTownship !== true) return { value: '未通硬化路', reason: '建制村到乡镇未通沥青（水泥）路' };
    if ((v.groupsWithoutProductionPower ?? 0) > 0) return { value: null, reason: `有 ${v.groupsWithoutProductionPower} 个自然村未通动力电` };
    return { value: '通硬化路、通动力电', reason: null };
  },
  publicServices: ({ village: v }) => {
    if (!v) return { value: null, reason: '缺少村信息采集表' };
    const missing = need(v, 'clinicCount', '行政村卫生室个数') ?? need(v, 'libraryCount', '文化（图书）室个数');
    if (missing) return { value: null, reason: missing };
    const value = `卫生室 ${v.clinicCount} 个，文化室 ${v.libraryCount} 个`;
    if ((v.clinicCount ?? 0) <= 0) return { value, reason: '没有村卫生室' };
    if ((v.libraryCount ?? 0) <= 0) return { value, reason: '没有文化（图书）室' };
    return { value, reason: null };
  },
};

export function villageExitCheck(input: VillageExitInput, indicators: readonly Indicator<VillageTest>[], threshold: number) {
  const results = indicators.map((i): AreaIndicatorResult => {
    const r = VILLAGE_TESTS[i.code](input, threshold);
    return { code: i.code, label: i.label, passed: r.reason === null, value: r.value, reason: r.reason };
  });
  return { passed: results.every((r) => r.passed === true), results };
}

export interface CountyExitInput {
  year: number;
  poorPersons: number;
  population: number | null;
  /** The county's 建档立卡 poor villages and whether each has exited by the year's end. */
  poorVillages: { exited: boolean }[];
  /** Figures of the province's third-party assessment, when there are any. */
  assessment: { wrongExitPercent: number | null; missedPercent: number | null; satisfactionPercent: number | null } | null;
}

export function countyExitCheck(input: CountyExitInput, params: Pick<WorkflowYearParams, 'incidenceThresholdPercent' | 'county'>) {
  const t = params.incidenceThresholdPercent;
  const results: AreaIndicatorResult[] = [];
  const rate = incidencePercent(input.poorPersons, input.population);
  results.push({
    code: 'incidence',
    label: `综合贫困发生率低于${t}%`,
    passed: rate === null ? false : rate < t,
    value: rate === null ? null : `${rate.toFixed(2)}%`,
    reason: rate === null ? '各村总人口数未填写，无法计算贫困发生率' : rate < t ? null : `综合贫困发生率${rate.toFixed(2)}%，未低于${t}%`,
  });
  const min = params.county.minExitedVillageSharePercent;
  const total = input.poorVillages.length;
  const exited = input.poorVillages.filter((v) => v.exited).length;
  const share = total === 0 ? 100 : Math.round((exited / total) * 10_000) / 100;
  results.push({
    code: 'villageShare',
    label: min === null ? '已退出贫困村比例' : `已退出贫困村比例不低于${min}%`,
    passed: min === null ? null : share >= min,
    value: `${share.toFixed(2)}%（${exited}/${total} 个村）`,
    reason: min === null ? `${input.year}年没有设定已退出贫困村比例标准` : share >= min ? null : `已退出贫困村比例${share.toFixed(2)}%，低于${min}%`,
  });
  const a = input.assessment;
  const outside = (code: string, label: string, value: number | null | undefined, ok: (v: number) => boolean, bad: (v: number) => string) => {
    results.push(
      value === null || value === undefined
        ? { code, label, passed: null, value: null, reason: '待第三方评估' }
        : { code, label, passed: ok(value), value: `${value}%`, reason: ok(value) ? null : bad(value) },
    );
  };
  const c = params.county;
  outside('wrongExit', `错退率低于${c.maxWrongExitPercent}%`, a?.wrongExitPercent, (v) => v < c.maxWrongExitPercent, (v) => `错退率${v}%，未低于${c.maxWrongExitPercent}%`);
  outside('missed', `漏评率低于${c.maxMissedPercent}%`, a?.missedPercent, (v) => v < c.maxMissedPercent, (v) => `漏评率${v}%，未低于${c.maxMissedPercent}%`);
  outside('satisfaction', `群众认可度不低于${c.minSatisfactionPercent}%`, a?.satisfactionPercent, (v) => v >= c.minSatisfactionPercent, (v) => `群众认可度${v}%，低于${c.minSatisfactionPercent}%`);
  return { passed: results.every((r) => r.passed === true), results };
}
