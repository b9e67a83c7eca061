// §1.4.9 / §1.9 item 5: the 贫困户属性 must agree with who receives 低保/五保 and with the money
// recorded, because the attribute decides which safety-net funds a household is counted under.
import { groupOf } from '../code-tables';
import { yuanToFen } from '../income';
import { isLabourer } from '../person-facts';
import { currentMembers, defineRule, entityFinding, householdFinding, inRange, personFinding } from './helpers';
import type { Finding, QualityContext, QualityRule } from './types';

const attributeGroup = (ctx: QualityContext): string | undefined => groupOf('attribute', ctx.household.attribute, ctx.year, ctx.tables);
const positive = (yuan: number | null | undefined): boolean => (yuanToFen(yuan) ?? 0) > 0;

export const DIBAO_RULES: QualityRule[] = [
  defineRule({ code: 'Q-DB-01', severity: 'warning', title: '低保贫困户无享受低保的成员或无低保金', catalogueItem: 5 }, (ctx, rule) => {
    if (attributeGroup(ctx) !== 'dibao') return [];
    const out: Finding[] = [];
    if (!currentMembers(ctx).some(({ p }) => p.receivesDibao === true)) {
      out.push(householdFinding(rule, 'attribute', '贫困户属性：为低保贫困户，但没有“是否享受低保”为是的成员'));
    }
    if (!positive(ctx.income?.dibaoIncome)) {
      out.push(entityFinding(rule, 'income', 'dibaoIncome', '低保金：低保贫困户的低保金应大于0'));
    }
    return out;
  }),
  defineRule({ code: 'Q-DB-02', severity: 'warning', title: '一般贫困户有享受低保的成员或有低保金、五保金', catalogueItem: 5 }, (ctx, rule) => {
    if (attributeGroup(ctx) !== 'general') return [];
    const out: Finding[] = currentMembers(ctx)
      .filter(({ p }) => p.receivesDibao === true)
      .map(({ i }) => personFinding(rule, i, 'receivesDibao', '是否享受低保：一般贫困户的成员不应享受低保'));
    if (positive(ctx.income?.dibaoIncome)) out.push(entityFinding(rule, 'income', 'dibaoIncome', '低保金：一般贫困户不应有低保金'));
    if (positive(ctx.income?.wubaoIncome)) out.push(entityFinding(rule, 'income', 'wubaoIncome', '特困供养金：一般贫困户不应有五保金（特困供养金）'));
    return out;
  }),
  defineRule({ code: 'Q-DB-03', severity: 'warning', title: '五保（特困供养）户无五保金或有16至65岁劳动力', catalogueItem: 5 }, (ctx, rule) => {
    if (attributeGroup(ctx) !== 'wubao') return [];
    const out: Finding[] = [];
    if (!positive(ctx.income?.wubaoIncome)) {
      out.push(entityFinding(rule, 'income', 'wubaoIncome', '特困供养金：五保（特困供养）户的五保金应大于0'));
    }
    const range = ctx.params.ages.labourFieldRequired;
    for (const { p, i, age } of currentMembers(ctx)) {
      if (isLabourer(p, ctx.year, ctx.tables) && inRange(age, range)) {
        out.push(personFinding(rule, i, 'labourSkill', `劳动技能：五保（特困供养）户不应有${range.from}至${range.to}岁的劳动力`));
      }
    }
    return out;
  }),
  defineRule({ code: 'Q-DB-04', severity: 'warning', title: '同时享受低保和五保', catalogueItem: 5 }, (ctx, rule) => {
    const out: Finding[] = currentMembers(ctx)
      .filter(({ p }) => p.receivesDibao === true && p.receivesWubao === true)
      .map(({ i }) => personFinding(rule, i, 'receivesWubao', '是否享受五保：同一人不能同时享受低保和五保（特困供养）'));
    if (positive(ctx.income?.dibaoIncome) && positive(ctx.income?.wubaoIncome)) {
      out.push(entityFinding(rule, 'income', 'wubaoIncome', '低保金、特困供养金：同一户不应同时有低保金和五保金'));
    }
    return out;
  }),
];
