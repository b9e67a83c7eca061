// §1.4.10 / §1.9 item 4: the cause of poverty must agree with the member data, otherwise the
// causes chart of the village (§4.3) tells a story the household rows do not support.
import { groupOf, labelOf } from '../code-tables';
import { isDisabled, isStudent, isUnhealthy } from '../person-facts';
import { currentMembers, defineRule, householdFinding } from './helpers';
import type { QualityContext, QualityRule } from './types';

const mainCauseGroup = (ctx: QualityContext): string | undefined => groupOf('cause', ctx.household.mainCause, ctx.year, ctx.tables);

export const CAUSE_RULES: QualityRule[] = [
  defineRule({ code: 'Q-CAU-01', severity: 'warning', title: '其他致贫原因与主要致贫原因重复', catalogueItem: 4 }, (ctx, rule) => {
    const { mainCause, otherCauses } = ctx.household;
    if (mainCause === null || !otherCauses.includes(mainCause)) return [];
    const label = labelOf('cause', mainCause, ctx.year, ctx.tables) ?? mainCause;
    return [householdFinding(rule, 'otherCauses', `其他致贫原因：“${label}”已是主要致贫原因，不应重复填写`)];
  }),
  defineRule({ code: 'Q-CAU-02', severity: 'warning', title: '主要致贫原因为因病，但无患病成员', catalogueItem: 4 }, (ctx, rule) => {
    if (mainCauseGroup(ctx) !== 'illness') return [];
    if (currentMembers(ctx).some(({ p }) => isUnhealthy(p, ctx.year, ctx.tables))) return [];
    return [householdFinding(rule, 'mainCause', '主要致贫原因：为“因病”，但家庭成员健康状况均为健康')];
  }),
  defineRule({ code: 'Q-CAU-03', severity: 'warning', title: '主要致贫原因为因学，但无在校生', catalogueItem: 4 }, (ctx, rule) => {
    if (mainCauseGroup(ctx) !== 'schooling') return [];
    if (currentMembers(ctx).some(({ p }) => isStudent(p, ctx.year, ctx.tables))) return [];
    return [householdFinding(rule, 'mainCause', '主要致贫原因：为“因学”，但家庭成员中没有在校生')];
  }),
  defineRule({ code: 'Q-CAU-04', severity: 'warning', title: '主要致贫原因为因残，但无残疾成员', catalogueItem: 4 }, (ctx, rule) => {
    if (mainCauseGroup(ctx) !== 'disability') return [];
    if (currentMembers(ctx).some(({ p }) => isDisabled(p, ctx.year, ctx.tables))) return [];
    return [householdFinding(rule, 'mainCause', '主要致贫原因：为“因残”，但家庭成员中没有残疾人')];
  }),
];
