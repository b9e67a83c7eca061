// Policy benefits other than small loans (domain.md §7): 低保 by class, 易地扶贫搬迁, 危房改造,
// 教育扶贫 and 健康扶贫. Each check takes the year's parameters and the county's policy document,
// and says which field breaks which rule. Mismatches with the registry's own flags are warnings:
// the benefit may be entered before the member's record is corrected.
import type { YearParams } from '../registry/year-params';
import type { PersonRecord } from '../registry/types';
import { codeTable, versionOfYear, type CodeTableDefinition } from '../registry/code-tables';
import { isDisabled, isSick } from '../registry/person-facts';
import { RENOVATION_METHODS } from './catalog';
import { eligibleStatusesFor, type AssistancePolicy } from './policy';
import { violation, yuan, type RuleViolation } from './violations';

const positiveAmount = (amount: number | null, field: string, label: string, rule: string): RuleViolation[] =>
  amount === null || !(amount >= 0) ? [violation('AMOUNT', field, label, '应填写不小于 0 的金额', rule)] : [];

export interface DibaoDraft {
  year: number;
  classCode: string;
  /** Persons covered */
  persons: number;
  /** 低保金, 元 for the year */
  amount: number | null;
}

export function checkDibao(d: DibaoDraft, ctx: { params: Pick<YearParams, 'dibaoClasses'>; membersReceivingDibao: number; householdSize: number }): RuleViolation[] {
  const rule = `${d.year} 年农村低保分类施保标准`;
  const out: RuleViolation[] = [];
  const cls = ctx.params.dibaoClasses.find((c) => c.classCode === d.classCode);
  if (!cls) {
    out.push(violation('DIBAO-CLASS', 'classCode', '低保类别', `不是 ${d.year} 年的低保类别（${ctx.params.dibaoClasses.map((c) => c.label).join('、')}）`, rule));
    return out;
  }
  if (!Number.isInteger(d.persons) || d.persons < 1 || d.persons > ctx.householdSize) {
    out.push(violation('DIBAO-PERSONS', 'persons', '保障人数', `应为 1 至本户人口 ${ctx.householdSize} 之间的整数`, rule));
  }
  out.push(...positiveAmount(d.amount, 'amount', '低保金', rule));
  if (out.length === 0 && cls.annualAmount !== null && d.amount! > cls.annualAmount * d.persons) {
    out.push(
      violation('DIBAO-AMOUNT', 'amount', '低保金', `${yuan(d.amount!)} 元超过${cls.label}标准 ${yuan(cls.annualAmount)} 元/人/年 × ${d.persons} 人 = ${yuan(cls.annualAmount * d.persons)} 元`, rule),
    );
  }
  if (ctx.membersReceivingDibao < d.persons) {
    out.push(violation('DIBAO-MEMBERS', 'persons', '保障人数', `家庭成员中登记「享受低保」的只有 ${ctx.membersReceivingDibao} 人，请核对成员信息`, '低保人员与成员信息一致', 'warning'));
  }
  return out;
}

export interface RelocationDraft {
  resettlementMode: string | null;
  persons: number;
  housingAreaM2: number | null;
  selfFundingYuan: number | null;
  /** 补助资金 */
  amount: number | null;
}

export function checkRelocation(
  r: RelocationDraft,
  ctx: { year: number; params: Pick<YearParams, 'relocation'>; tables?: readonly CodeTableDefinition[]; householdSize: number; earlier: readonly { year: number }[] },
): RuleViolation[] {
  const caps = ctx.params.relocation;
  const rule = '易地扶贫搬迁建档立卡户住房面积和自筹标准';
  const out: RuleViolation[] = [];
  if (!codeTable('resettlementMode', ctx.year, ctx.tables).some((e) => e.code === r.resettlementMode)) {
    out.push(violation('RELOC-MODE', 'resettlementMode', '安置方式', '未选择集中安置或分散安置', rule));
  }
  if (!Number.isInteger(r.persons) || r.persons < 1 || r.persons > ctx.householdSize) {
    out.push(violation('RELOC-PERSONS', 'persons', '搬迁人数', `应为 1 至本户人口 ${ctx.householdSize} 之间的整数`, rule));
  } else {
    if (r.housingAreaM2 !== null && r.housingAreaM2 > caps.maxHousingAreaPerPersonM2 * r.persons) {
      out.push(
        violation('RELOC-AREA', 'housingAreaM2', '安置住房面积', `${yuan(r.housingAreaM2)} 平方米超过人均 ${caps.maxHousingAreaPerPersonM2} 平方米 × ${r.persons} 人 = ${caps.maxHousingAreaPerPersonM2 * r.persons} 平方米`, `建档立卡搬迁户人均住房面积不超过 ${caps.maxHousingAreaPerPersonM2} 平方米`),
      );
    }
    if (r.selfFundingYuan !== null) {
      const cap = Math.min(caps.maxSelfFundingPerPerson * r.persons, caps.maxSelfFundingPerHousehold);
      if (r.selfFundingYuan > cap) {
        out.push(
          violation('RELOC-SELF', 'selfFundingYuan', '农户自筹', `${yuan(r.selfFundingYuan)} 元超过上限 ${yuan(cap)} 元`, `自筹人均不超过 ${caps.maxSelfFundingPerPerson} 元、户均不超过 ${caps.maxSelfFundingPerHousehold} 元`),
        );
      }
    }
  }
  if (r.selfFundingYuan !== null && r.selfFundingYuan < 0) out.push(violation('AMOUNT', 'selfFundingYuan', '农户自筹', '不能为负数', rule));
  out.push(...positiveAmount(r.amount, 'amount', '补助资金', rule));
  if (ctx.earlier.length > 0) out.push(violation('RELOC-ONCE', 'kind', '易地扶贫搬迁', `本户已于 ${ctx.earlier[0]!.year} 年享受易地扶贫搬迁`, '每户只享受一次易地扶贫搬迁'));
  return out;
}

export interface RenovationDraft {
  /** 危房级别 code: 02 C类, 03 D类 */
  grade: string;
  method: string;
  amount: number | null;
}

export function checkRenovation(
  r: RenovationDraft,
  ctx: { policy: Pick<AssistancePolicy, 'housingRenovation'>; earlier: readonly { year: number }[]; year: number; tables?: readonly CodeTableDefinition[] },
): RuleViolation[] {
  const rule = '农村危房改造：C级修缮加固、D级拆除重建';
  const out: RuleViolation[] = [];
  const grade = codeTable('dilapidationGrade', ctx.year, ctx.tables).find((e) => e.code === r.grade);
  if (!grade || grade.group !== 'dilapidated') out.push(violation('RENO-GRADE', 'grade', '危房级别', '改造对象应为 C 级或 D 级危房', rule));
  const method = RENOVATION_METHODS.find((m) => m.code === r.method);
  if (!method) out.push(violation('RENO-METHOD', 'method', '改造方式', '未选择修缮加固或拆除重建', rule));
  else if (grade && grade.group === 'dilapidated' && method.grade !== r.grade) {
    out.push(violation('RENO-METHOD', 'method', '改造方式', `${grade.label}应${r.grade === '02' ? '修缮加固' : '拆除重建'}，不能${method.label}`, rule));
  }
  out.push(...positiveAmount(r.amount, 'amount', '补助资金', rule));
  const cap = ctx.policy.housingRenovation.subsidyCapByGrade[r.grade];
  if (cap != null && r.amount !== null && r.amount > cap) {
    out.push(violation('RENO-SUBSIDY', 'amount', '补助资金', `${yuan(r.amount)} 元超过${grade?.label ?? ''}补助上限 ${yuan(cap)} 元`, '危房改造补助标准'));
  }
  if (ctx.earlier.length > 0) out.push(violation('RENO-ONCE', 'kind', '农村危房改造', `本户已于 ${ctx.earlier[0]!.year} 年享受危房改造`, '每户只享受一次危房改造补助'));
  return out;
}

export interface EducationDraft {
  year: number;
  program: string;
  amount: number | null;
}

export function checkEducation(
  e: EducationDraft,
  ctx: { student: PersonRecord | null; policy: Pick<AssistancePolicy, 'education'>; sameProgramThisYear: number; tables?: readonly CodeTableDefinition[] },
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const program = ctx.policy.education.find((p) => p.code === e.program);
  if (!program) return [violation('EDU-PROGRAM', 'program', '资助项目', '未选择或无效', '教育扶贫资助项目')];
  const rule = program.label;
  if (ctx.student === null) return [violation('EDU-STUDENT', 'personId', '受助学生', '不是本户现有成员', rule)];
  const eligible = eligibleStatusesFor(program, versionOfYear(e.year));
  if (eligible !== null && !eligible.includes(ctx.student.studentStatus ?? '')) {
    const status = codeTable('studentStatus', e.year, ctx.tables).find((x) => x.code === ctx.student!.studentStatus)?.label ?? '非在校生';
    out.push(violation('EDU-ELIGIBLE', 'personId', '受助学生', `${ctx.student.name ?? ''}的在校生状况为「${status}」，不属于${program.label}的资助对象`, rule));
  }
  out.push(...positiveAmount(e.amount, 'amount', '资助金额', rule));
  if (program.capPerStudentYuan !== null && e.amount !== null && e.amount > program.capPerStudentYuan) {
    out.push(violation('EDU-CAP', 'amount', '资助金额', `${yuan(e.amount)} 元超过每生每年 ${yuan(program.capPerStudentYuan)} 元`, rule));
  }
  if (ctx.sameProgramThisYear > 0) out.push(violation('EDU-ONCE', 'program', '资助项目', `${ctx.student.name ?? ''} ${e.year} 年已登记过${program.label}`, `${rule}每生每年一次`));
  return out;
}

export interface HealthDraft {
  year: number;
  program: string;
  amount: number | null;
}

export function checkHealth(h: HealthDraft, ctx: { member: PersonRecord | null; policy: Pick<AssistancePolicy, 'health'>; tables?: readonly CodeTableDefinition[] }): RuleViolation[] {
  const program = ctx.policy.health.find((p) => p.code === h.program);
  if (!program) return [violation('HEALTH-PROGRAM', 'program', '健康扶贫项目', '未选择或无效', '健康扶贫项目')];
  const rule = program.label;
  if (ctx.member === null) return [violation('HEALTH-MEMBER', 'personId', '受助成员', '不是本户现有成员', rule)];
  const out = positiveAmount(h.amount, 'amount', '金额', rule);
  const m = ctx.member;
  const name = m.name ?? '';
  if (program.requires === 'ruralInsurance' && m.hasRuralMedicalInsurance !== true) {
    out.push(violation('HEALTH-INSURED', 'personId', '受助成员', `${name}未登记参加城乡居民基本医疗保险`, rule, 'warning'));
  }
  if (program.requires === 'criticalInsurance' && m.hasCriticalIllnessInsurance !== true) {
    out.push(violation('HEALTH-INSURED', 'personId', '受助成员', `${name}未登记参加大病保险`, rule, 'warning'));
  }
  if (program.requires === 'illOrDisabled' && !isSick(m, h.year, ctx.tables) && !isDisabled(m, h.year, ctx.tables)) {
    out.push(violation('HEALTH-ILL', 'personId', '受助成员', `${name}的健康状况未登记患病或残疾`, rule, 'warning'));
  }
  return out;
}
