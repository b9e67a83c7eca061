// §1.9 item 1 / §5.3: a household marked exited must meet 两不愁三保障 and the income line in
// the data itself, otherwise the exit would not survive a 回头看 or a third-party check.
import { groupOf } from '../code-tables';
import { perCapitaNetIncomeFen } from '../income';
import { filled, isDisabled, isSick } from '../person-facts';
import { exitIncomeLine } from '../year-params';
import type { PersonRecord } from '../types';
import { currentMembers, defineRule, entityFinding, householdSizeOf, inRange, personFinding } from './helpers';
import type { Finding, QualityContext, QualityRule } from './types';

/** 已脱贫 by 脱贫状态, or 脱贫户 by 户类型 (2019+). */
export function isExited(ctx: QualityContext): boolean {
  const { exitStatus, householdType } = ctx.household;
  return (
    groupOf('exitStatus', exitStatus, ctx.year, ctx.tables) === 'exited' ||
    groupOf('householdType', householdType, ctx.year, ctx.tables) === 'exited'
  );
}

/** Children may still be recorded as pre-school up to this age; older ones must be in school. */
const LAST_PRESCHOOL_AGE = 7;

/** A child of compulsory-education age who is not in school. */
function isOutOfSchool(ctx: QualityContext, p: PersonRecord, age: number): boolean {
  if (filled(p.dropoutReason)) return true;
  const g = filled(p.studentStatus) ? groupOf('studentStatus', p.studentStatus, ctx.year, ctx.tables) : undefined;
  if (g === undefined || g === 'notStudent') return true;
  if (g === 'preschool' || g === 'preschoolChild') return age > LAST_PRESCHOOL_AGE;
  return false;
}

const exitedRule = (head: { code: string; title: string }, check: (ctx: QualityContext, rule: Pick<QualityRule, 'code' | 'severity'>) => Finding[]) =>
  defineRule({ ...head, severity: 'warning', catalogueItem: 1 }, (ctx, rule) => (isExited(ctx) ? check(ctx, rule) : []));

export const EXIT_RULES: QualityRule[] = [
  exitedRule({ code: 'Q-EXIT-01', title: '已脱贫户人均纯收入低于国家扶贫标准' }, (ctx, rule) => {
    const line = exitIncomeLine(ctx.params);
    const perCapita = ctx.income ? perCapitaNetIncomeFen(ctx.income, householdSizeOf(ctx)) : null;
    if (line === null || perCapita === null || perCapita >= line * 100) return [];
    return [
      entityFinding(rule, 'income', 'perCapitaNetIncome', `人均纯收入：已脱贫户为${(perCapita / 100).toFixed(2)}元，低于${ctx.year}年国家扶贫标准${line}元`),
    ];
  }),
  exitedRule({ code: 'Q-EXIT-02', title: '已脱贫户有义务教育阶段失学辍学儿童' }, (ctx, rule) => {
    const range = ctx.params.ages.compulsoryEducation;
    return currentMembers(ctx).flatMap(({ p, i, age }) => {
      // Children who cannot attend because of disability are taught at home (送教上门), not dropouts.
      if (!inRange(age, range) || isDisabled(p, ctx.year, ctx.tables) || !isOutOfSchool(ctx, p, age)) return [];
      return [personFinding(rule, i, 'studentStatus', `在校生状况：已脱贫户的${range.from}至${range.to}岁健康儿童未在校（义务教育无保障）`)];
    });
  }),
  exitedRule({ code: 'Q-EXIT-03', title: '已脱贫户住房为危房' }, (ctx, rule) => {
    const c = ctx.conditions;
    if (!c) return [];
    const dilapidated = c.isDilapidated === true || groupOf('dilapidationGrade', c.dilapidationGrade, ctx.year, ctx.tables) === 'dilapidated';
    return dilapidated ? [entityFinding(rule, 'conditions', 'isDilapidated', '是否危房：已脱贫户仍住危房（住房安全无保障）')] : [];
  }),
  exitedRule({ code: 'Q-EXIT-04', title: '已脱贫户饮水安全未解决' }, (ctx, rule) => {
    const c = ctx.conditions;
    if (!c) return [];
    const out: Finding[] = [];
    if (c.waterSafe === false) out.push(entityFinding(rule, 'conditions', 'waterSafe', '饮水是否安全：已脱贫户饮水安全未解决'));
    if (c.waterDifficulty === true) out.push(entityFinding(rule, 'conditions', 'waterDifficulty', '饮水是否困难：已脱贫户仍饮水困难'));
    return out;
  }),
  exitedRule({ code: 'Q-EXIT-05', title: '已脱贫因病户有患病成员未参加大病保险' }, (ctx, rule) => {
    const { mainCause, otherCauses } = ctx.household;
    const causes = [mainCause, ...otherCauses];
    if (!causes.some((c) => groupOf('cause', c, ctx.year, ctx.tables) === 'illness')) return [];
    return currentMembers(ctx)
      .filter(({ p }) => isSick(p, ctx.year, ctx.tables) && p.hasCriticalIllnessInsurance !== true)
      .map(({ i }) => personFinding(rule, i, 'hasCriticalIllnessInsurance', '是否参加大病保险：已脱贫因病户的患病成员未参加大病保险'));
  }),
  exitedRule({ code: 'Q-EXIT-06', title: '已脱贫户住房面积为0或为空' }, (ctx, rule) => {
    const area = ctx.conditions?.housingArea;
    return area == null || area <= 0 ? [entityFinding(rule, 'conditions', 'housingArea', '住房面积：已脱贫户的住房面积为0或未填写')] : [];
  }),
];
