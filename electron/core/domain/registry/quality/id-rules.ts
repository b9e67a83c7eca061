// §1.9 item 2: ID number problems, plus the checks that tie the head's ID on the household part
// to the 户主 row and catch a number entered twice.
import { labelOf } from '../code-tables';
import { canonicalId18, idInfoOf, normalizeIdNumber, type IdCheck } from '../id-number';
import { headIndexes } from '../household-consistency';
import { filled } from '../person-facts';
import { currentMembers, defineRule, householdFinding, personFinding } from './helpers';
import type { QualityContext, QualityRule } from './types';

function checksOf(ctx: QualityContext): { i: number; check: IdCheck }[] {
  return currentMembers(ctx).map(({ i, id }) => ({ i, check: id }));
}

const byProblem = (head: Omit<QualityRule, 'check'>, accept: (c: IdCheck) => boolean): QualityRule =>
  defineRule(head, (ctx, rule) =>
    checksOf(ctx)
      .filter(({ check }) => !check.ok && accept(check))
      .map(({ i, check }) => personFinding(rule, i, 'idNumber', check.ok ? '' : check.message)),
  );

const isDisabilityForm = (c: IdCheck): boolean => c.normalized.length === 20 || c.normalized.length === 22;

export const ID_RULES: QualityRule[] = [
  byProblem(
    { code: 'Q-ID-01', severity: 'error', title: '证件号码长度或字符错误（应为15、18、20或22位）', catalogueItem: 2 },
    (c) => !c.ok && (c.problem === 'length' || c.problem === 'characters'),
  ),
  byProblem(
    { code: 'Q-ID-02', severity: 'warning', title: '15位证件号码需要升级为18位', catalogueItem: 2 },
    (c) => !c.ok && c.problem === 'needsUpgrade',
  ),
  byProblem(
    { code: 'Q-ID-03', severity: 'error', title: '18位身份证号码校验位错误', catalogueItem: 2 },
    (c) => !c.ok && c.problem === 'checksum' && c.normalized.length === 18,
  ),
  byProblem(
    { code: 'Q-ID-04', severity: 'error', title: '残疾人证号码校验错误', catalogueItem: 2 },
    (c) => !c.ok && isDisabilityForm(c) && (c.problem === 'checksum' || c.problem === 'disabilitySuffix'),
  ),
  byProblem(
    { code: 'Q-ID-05', severity: 'error', title: '证件号码中的出生日期或地址码无效', catalogueItem: 2 },
    (c) => !c.ok && (c.problem === 'birthDate' || c.problem === 'areaCode'),
  ),
  byProblem(
    { code: 'Q-ID-06', severity: 'warning', title: '证件号码为空', catalogueItem: 3 },
    (c) => !c.ok && c.problem === 'empty',
  ),
  defineRule(
    { code: 'Q-ID-07', severity: 'warning', title: '户主姓名或证件号码与成员表中的户主不一致', catalogueItem: 10 },
    (ctx, rule) => {
      const heads = headIndexes(ctx.members, ctx.year, ctx.tables);
      if (heads.length !== 1) return []; // no or several heads: Q-REL-01/02 already say so
      const head = ctx.members[heads[0]!]!;
      const out = [];
      const { headIdNumber, headName } = ctx.household;
      if (filled(headIdNumber) && filled(head.idNumber)) {
        const a = canonicalId18(headIdNumber) ?? normalizeIdNumber(headIdNumber);
        const b = canonicalId18(head.idNumber) ?? normalizeIdNumber(head.idNumber);
        if (a !== b) out.push(householdFinding(rule, 'headIdNumber', '户主证件号码：户基本信息中的户主证件号码与成员表中户主的证件号码不一致'));
      }
      if (filled(headName) && filled(head.name) && headName.trim() !== head.name.trim()) {
        out.push(householdFinding(rule, 'headName', '户主姓名：户基本信息中的户主姓名与成员表中户主的姓名不一致'));
      }
      return out;
    },
  ),
  defineRule(
    { code: 'Q-ID-08', severity: 'error', title: '户内证件号码重复', catalogueItem: 11 },
    (ctx, rule) => {
      const seen = new Map<string, number>();
      const out = [];
      for (const { p, i } of currentMembers(ctx)) {
        if (!filled(p.idNumber)) continue;
        const key = canonicalId18(p.idNumber) ?? normalizeIdNumber(p.idNumber);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else out.push(personFinding(rule, i, 'idNumber', `证件号码：与本户第${first + 1}行成员的证件号码相同，同一人不能重复登记`));
      }
      return out;
    },
  ),
  defineRule(
    { code: 'Q-ID-09', severity: 'warning', title: '性别与证件号码不符', catalogueItem: 2 },
    (ctx, rule) =>
      currentMembers(ctx).flatMap(({ p, i }) => {
        const info = idInfoOf(p.idNumber);
        if (!info || (p.sex !== '1' && p.sex !== '2') || p.sex === info.sex) return [];
        const recorded = labelOf('sex', p.sex, ctx.year, ctx.tables) ?? p.sex;
        return [personFinding(rule, i, 'sex', `性别：填写为${recorded}，与证件号码第17位（奇数为男、偶数为女）不符`)];
      }),
  ),
];
