// §1.4.7 / §1.9 item 6: labour capacity. A healthy working-age adult recorded without labour
// capacity usually hides either a health problem not recorded or a household "parked" on 兜底.
import { checkLabourerCount } from '../household-consistency';
import { hasNoLabourCapacity, isHealthy, isStudent } from '../person-facts';
import { currentMembers, defineRule, householdFinding, inRange, personFinding } from './helpers';
import type { QualityRule } from './types';

export const LABOUR_RULES: QualityRule[] = [
  defineRule({ code: 'Q-LAB-01', severity: 'warning', title: '劳动年龄内健康的非在校生为丧失劳动力或无劳动力', catalogueItem: 6 }, (ctx, rule) => {
    const range = ctx.params.ages.working;
    return currentMembers(ctx)
      .filter(
        ({ p, age }) =>
          hasNoLabourCapacity(p, ctx.year, ctx.tables) &&
          isHealthy(p, ctx.year, ctx.tables) &&
          !isStudent(p, ctx.year, ctx.tables) &&
          inRange(age, range),
      )
      .map(({ i }) =>
        personFinding(rule, i, 'labourSkill', `劳动技能：${range.from}至${range.to}岁健康的非在校生不应为丧失劳动力或无劳动力`),
      );
  }),
  defineRule({ code: 'Q-LAB-02', severity: 'warning', title: '劳动力人数与成员劳动技能不符', catalogueItem: 6 }, (ctx, rule) =>
    checkLabourerCount(
      ctx.household,
      currentMembers(ctx).map(({ p }) => p),
      ctx.year,
      ctx.tables,
    ).map((issue) => householdFinding(rule, 'labourerCount', issue.message)),
  ),
];
