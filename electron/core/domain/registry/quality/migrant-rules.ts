// §1.3 #16 / §1.9 item 8: migrant work. The months and the place are two halves of one fact; a
// half-filled pair usually means the record was copied from last year and only partly updated.
import { filled, hasMigrantWork, hasNoLabourCapacity } from '../person-facts';
import { currentMembers, defineRule, personFinding } from './helpers';
import type { QualityRule } from './types';

export const MIGRANT_RULES: QualityRule[] = [
  defineRule({ code: 'Q-MIG-01', severity: 'error', title: '务工时间不在0至12个月之间', catalogueItem: 8 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => p.migrantMonths !== null && !(Number.isInteger(p.migrantMonths) && p.migrantMonths >= 0 && p.migrantMonths <= 12))
      .map(({ i }) => personFinding(rule, i, 'migrantMonths', '务工时间(月)：应为0至12之间的整数')),
  ),
  defineRule({ code: 'Q-MIG-02', severity: 'warning', title: '有务工地点无务工时间，或有务工时间无务工地点', catalogueItem: 8 }, (ctx, rule) =>
    currentMembers(ctx).flatMap(({ p, i }) => {
      // 2014–2016 forms had 务工状况 instead of a place; either counts as "where".
      const hasPlace = filled(p.migrantPlace) || (ctx.year <= 2016 && filled(p.migrantStatus));
      const hasMonths = (p.migrantMonths ?? 0) > 0;
      if (hasPlace && !hasMonths) return [personFinding(rule, i, 'migrantMonths', '务工时间(月)：填写了务工地点，但务工时间为空或为0')];
      if (hasMonths && !hasPlace) {
        return [personFinding(rule, i, ctx.year <= 2016 ? 'migrantStatus' : 'migrantPlace', '务工所在地：填写了务工时间，但未填写务工地点')];
      }
      return [];
    }),
  ),
  defineRule({ code: 'Q-MIG-03', severity: 'warning', title: '无劳动能力人员有务工记录', catalogueItem: 8 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => hasNoLabourCapacity(p, ctx.year, ctx.tables) && hasMigrantWork(p))
      .map(({ i }) => personFinding(rule, i, 'labourSkill', '劳动技能：丧失劳动力或无劳动力的人员不应有务工记录')),
  ),
];
