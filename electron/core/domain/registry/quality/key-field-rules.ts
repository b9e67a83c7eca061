// §1.9 item 3: key fields left empty. Education and student status have their own rules
// (education-rules.ts) because "empty" there depends on the other field and on age.
import { filled, isDisabled } from '../person-facts';
import type { ConditionsRecord } from '../types';
import { currentMembers, defineRule, entityFinding, householdFinding, inRange, personFinding } from './helpers';
import type { QualityRule } from './types';

/** Condition fields every version asks for, with their Chinese labels. */
const CONDITION_FIELDS: readonly [keyof ConditionsRecord, string][] = [
  ['farmlandArea', '耕地面积'],
  ['irrigatedArea', '有效灌溉面积'],
  ['forestArea', '林地面积'],
  ['grainToForestArea', '退耕还林面积'],
  ['orchardArea', '林果面积'],
  ['pastureArea', '牧草地面积'],
  ['waterSurfaceArea', '水面面积'],
  ['joinedCooperative', '是否加入农民专业合作社'],
  ['hasProductionPower', '是否通生产用电'],
  ['hasHouseholdPower', '是否通生活用电'],
  ['distanceToMainRoadKm', '与村主干路距离'],
  ['roadType', '入户路类型'],
  ['housingArea', '住房面积'],
  ['housingStructure', '住房结构'],
  ['isDilapidated', '是否危房'],
  ['waterDifficulty', '饮水是否困难'],
  ['waterSafe', '饮水是否安全'],
  ['fuelType', '主要燃料类型'],
  ['hasSanitaryToilet', '有无卫生厕所'],
];

/** Added by the 2017 form; earlier records cannot have them. */
const CONDITION_FIELDS_2017: readonly [keyof ConditionsRecord, string][] = [
  ['ledByEnterprise', '是否有龙头企业带动'],
  ['ledByEntrepreneur', '是否有创业致富带头人带动'],
  ['hasRadioTv', '是否通广播电视'],
];

/** 2017+ forms ask for both lists: joined once, not per household. */
const CONDITION_FIELDS_FROM_2017 = [...CONDITION_FIELDS, ...CONDITION_FIELDS_2017];

/** ^\d{n}$ per phone length of the year's parameters, compiled once per length. */
const PHONE_PATTERNS = new Map<number, RegExp>();
function phonePattern(len: number): RegExp {
  let re = PHONE_PATTERNS.get(len);
  if (!re) PHONE_PATTERNS.set(len, (re = new RegExp(`^\\d{${len}}$`)));
  return re;
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export const KEY_FIELD_RULES: QualityRule[] = [
  defineRule({ code: 'Q-KEY-01', severity: 'warning', title: '民族为空', catalogueItem: 3 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => !filled(p.ethnicity))
      .map(({ i }) => personFinding(rule, i, 'ethnicity', '民族：未填写')),
  ),
  defineRule({ code: 'Q-KEY-02', severity: 'warning', title: '健康状况为空', catalogueItem: 3 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => p.health.length === 0)
      .map(({ i }) => personFinding(rule, i, 'health', '健康状况：未填写')),
  ),
  defineRule({ code: 'Q-KEY-03', severity: 'warning', title: '16至65岁人员劳动能力为空', catalogueItem: 3 }, (ctx, rule) => {
    const range = ctx.params.ages.labourFieldRequired;
    return currentMembers(ctx)
      .filter(({ p, age }) => !filled(p.labourSkill) && inRange(age, range))
      .map(({ i }) => personFinding(rule, i, 'labourSkill', `劳动技能：${range.from}至${range.to}岁人员必须填写劳动能力`));
  }),
  defineRule({ code: 'Q-KEY-04', severity: 'warning', title: '残疾人员无残疾证', catalogueItem: 3 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => {
        if (!isDisabled(p, ctx.year, ctx.tables)) return false;
        // A 残疾人证 as the ID document, or a certificate year, proves the certificate exists.
        const idLen = (p.idNumber ?? '').trim().length;
        const certified =
          p.hasDisabilityCertificate === true || p.idType === '09' || idLen === 20 || idLen === 22 || p.disabilityCertificateYear !== null;
        return !certified;
      })
      .map(({ i }) => personFinding(rule, i, 'hasDisabilityCertificate', '残疾证：健康状况为残疾，但未登记残疾证')),
  ),
  defineRule({ code: 'Q-KEY-05', severity: 'warning', title: '主要致贫原因为空', catalogueItem: 3 }, (ctx, rule) =>
    filled(ctx.household.mainCause) ? [] : [householdFinding(rule, 'mainCause', '主要致贫原因：未填写')],
  ),
  defineRule({ code: 'Q-KEY-06', severity: 'warning', title: '生产生活条件字段为空', catalogueItem: 3 }, (ctx, rule) => {
    const c = ctx.conditions;
    if (c === null) return [entityFinding(rule, 'conditions', 'conditions', '生产生活条件：本年度未填写')];
    const fields = ctx.year >= 2017 ? CONDITION_FIELDS_FROM_2017 : CONDITION_FIELDS;
    const out = fields.filter(([key]) => isEmpty(c[key])).map(([key, label]) => entityFinding(rule, 'conditions', key, `${label}：未填写`));
    if (c.isDilapidated === true && isEmpty(c.dilapidationGrade)) {
      out.push(entityFinding(rule, 'conditions', 'dilapidationGrade', '危房级别：是危房户，但未填写危房级别'));
    }
    return out;
  }),
  defineRule({ code: 'Q-KEY-07', severity: 'warning', title: '户联系电话有误或为空', catalogueItem: 3 }, (ctx, rule) => {
    const phone = (ctx.household.phone ?? '').replace(/[\s-]/g, '');
    const len = ctx.params.quality.phoneLength;
    if (phone === '') return [householdFinding(rule, 'phone', '联系电话：未填写')];
    if (!phonePattern(len).test(phone)) return [householdFinding(rule, 'phone', `联系电话：应为${len}位数字`)];
    return [];
  }),
  defineRule({ code: 'Q-KEY-08', severity: 'warning', title: '贫困户属性为空', catalogueItem: 3 }, (ctx, rule) =>
    filled(ctx.household.attribute) ? [] : [householdFinding(rule, 'attribute', '贫困户属性：未填写')],
  ),
  defineRule({ code: 'Q-KEY-09', severity: 'warning', title: '与户主关系为空', catalogueItem: 3 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => !filled(p.relationship))
      .map(({ i }) => personFinding(rule, i, 'relationship', '与户主关系：未填写')),
  ),
];
