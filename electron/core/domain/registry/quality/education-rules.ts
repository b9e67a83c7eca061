// §1.3 #8–9, §1.4.5 / §1.9 items 3 and 10: education level and student status. Exactly one of
// the two is filled: a student has a status, everyone else has a level.
import { groupOf } from '../code-tables';
import { filled, hasStudentStatus } from '../person-facts';
import { currentMembers, defineRule, inRange, personFinding } from './helpers';
import type { QualityContext, QualityRule } from './types';
import type { PersonRecord } from '../types';

const studentGroupOf = (ctx: QualityContext, p: PersonRecord): string | undefined =>
  groupOf('studentStatus', p.studentStatus, ctx.year, ctx.tables);

const bothEmpty = (ctx: QualityContext, p: PersonRecord): boolean => !filled(p.education) && !hasStudentStatus(p, ctx.year, ctx.tables);

/** Ages ≤ 14 cannot be in senior secondary or above. */
const SENIOR_OR_ABOVE = new Set(['senior', 'higher']);
/** Ages ≥ 20 cannot be in primary school or below. */
const PRIMARY_OR_BELOW = new Set(['primary', 'preschool', 'preschoolChild']);

export const EDUCATION_RULES: QualityRule[] = [
  defineRule({ code: 'Q-EDU-01', severity: 'warning', title: '文化程度和在校生状况同时填写', catalogueItem: 10 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => filled(p.education) && hasStudentStatus(p, ctx.year, ctx.tables))
      .map(({ i }) => personFinding(rule, i, 'education', '文化程度：在校生只填在校生状况，非在校生只填文化程度，二者不能同时填写')),
  ),
  defineRule({ code: 'Q-EDU-02', severity: 'warning', title: '文化程度和在校生状况都未填写', catalogueItem: 3 }, (ctx, rule) => {
    const range = ctx.params.ages.studentStatusRequired;
    return currentMembers(ctx)
      .filter(({ p, age }) => bothEmpty(ctx, p) && !inRange(age, range))
      .map(({ i }) => personFinding(rule, i, 'education', '文化程度：文化程度和在校生状况必须填写其中一项'));
  }),
  defineRule({ code: 'Q-EDU-03', severity: 'warning', title: '6至23岁人员在校生状况为空（且未填写文化程度）', catalogueItem: 3 }, (ctx, rule) => {
    const range = ctx.params.ages.studentStatusRequired;
    return currentMembers(ctx)
      .filter(({ p, age }) => bothEmpty(ctx, p) && inRange(age, range))
      .map(({ i }) => personFinding(rule, i, 'studentStatus', `在校生状况：${range.from}至${range.to}岁人员未填写文化程度时必须填写在校生状况`));
  }),
  defineRule({ code: 'Q-EDU-04', severity: 'warning', title: '14岁及以下人员在校生状况为高中及以上', catalogueItem: 10 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p, age }) => {
        return age !== null && age <= 14 && SENIOR_OR_ABOVE.has(studentGroupOf(ctx, p) ?? '');
      })
      .map(({ i }) => personFinding(rule, i, 'studentStatus', '在校生状况：14岁及以下人员不应为高中及以上')),
  ),
  defineRule({ code: 'Q-EDU-05', severity: 'warning', title: '20岁及以上人员在校生状况为小学及以下', catalogueItem: 10 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p, age }) => {
        return age !== null && age >= 20 && PRIMARY_OR_BELOW.has(studentGroupOf(ctx, p) ?? '');
      })
      .map(({ i }) => personFinding(rule, i, 'studentStatus', '在校生状况：20岁及以上人员不应为小学及以下')),
  ),
];
