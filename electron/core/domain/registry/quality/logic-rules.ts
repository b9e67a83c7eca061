// §1.5 / §1.9 item 10: land and distance plausibility. The thresholds come from the year's
// parameters (national values 50 亩, 70 亩, 50 km) so a province can adjust them.
import type { ConditionsRecord } from '../types';
import { currentMembers, defineRule, entityFinding, householdSizeOf } from './helpers';
import type { Finding, QualityContext, QualityRule } from './types';

const MEASURES: readonly [keyof ConditionsRecord, string][] = [
  ['farmlandArea', '耕地面积'],
  ['irrigatedArea', '有效灌溉面积'],
  ['forestArea', '林地面积'],
  ['grainToForestArea', '退耕还林面积'],
  ['orchardArea', '林果面积'],
  ['pastureArea', '牧草地面积'],
  ['waterSurfaceArea', '水面面积'],
  ['distanceToMainRoadKm', '与村主干路距离'],
  ['housingArea', '住房面积'],
];

/** Per-person figures divide by the member count when there are members, else by 家庭人口数. */
function persons(ctx: QualityContext): number {
  return currentMembers(ctx).length || householdSizeOf(ctx);
}

function perPersonRule(
  head: { code: string; title: string },
  field: 'farmlandArea' | 'forestArea',
  label: string,
  max: (ctx: QualityContext) => number,
): QualityRule {
  return defineRule({ ...head, severity: 'warning', catalogueItem: 10 }, (ctx, rule) => {
    const area = ctx.conditions?.[field];
    const n = persons(ctx);
    if (area == null || n <= 0) return [];
    const limit = max(ctx);
    if (area / n <= limit) return [];
    return [entityFinding(rule, 'conditions', field, `${label}：人均${(area / n).toFixed(1)}亩，超过${limit}亩，请核实`)];
  });
}

export const LOGIC_RULES: QualityRule[] = [
  perPersonRule({ code: 'Q-LOG-01', title: '人均耕地面积超过50亩' }, 'farmlandArea', '耕地面积', (ctx) => ctx.params.quality.maxFarmlandPerPersonMu),
  perPersonRule({ code: 'Q-LOG-02', title: '人均林地面积超过70亩' }, 'forestArea', '林地面积', (ctx) => ctx.params.quality.maxForestPerPersonMu),
  defineRule({ code: 'Q-LOG-03', severity: 'warning', title: '与村主干路距离超过50公里', catalogueItem: 10 }, (ctx, rule) => {
    const km = ctx.conditions?.distanceToMainRoadKm;
    const max = ctx.params.quality.maxDistanceToRoadKm;
    return km != null && km > max
      ? [entityFinding(rule, 'conditions', 'distanceToMainRoadKm', `与村主干路距离：${km}公里，超过${max}公里，请核实`)]
      : [];
  }),
  defineRule({ code: 'Q-LOG-04', severity: 'error', title: '面积或距离为负数', catalogueItem: 10 }, (ctx, rule) => {
    const c = ctx.conditions;
    if (!c) return [];
    const out: Finding[] = [];
    for (const [key, label] of MEASURES) {
      const v = c[key];
      if (typeof v === 'number' && v < 0) out.push(entityFinding(rule, 'conditions', key, `${label}：不能为负数`));
    }
    return out;
  }),
  defineRule({ code: 'Q-LOG-05', severity: 'warning', title: '有效灌溉面积大于耕地面积', catalogueItem: 10 }, (ctx, rule) => {
    const c = ctx.conditions;
    if (!c || c.irrigatedArea == null || c.farmlandArea == null || c.irrigatedArea <= c.farmlandArea) return [];
    return [entityFinding(rule, 'conditions', 'irrigatedArea', '有效灌溉面积：不应大于耕地面积')];
  }),
];
