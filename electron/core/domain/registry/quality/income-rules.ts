// §1.6 / §1.9 item 7: income plausibility. Income decides identification and exit, so a missing
// expense, an implausible per-capita figure or wages without workers are all reviewed.
import {
  perCapitaNetIncomeFen,
  productionExpenseFen,
  productionIncomeFen,
  wageIncomeFen,
  yuanToFen,
} from '../income';
import { isWageEarner } from '../person-facts';
import type { IncomeRecord } from '../types';
import { currentMembers, defineRule, entityFinding, householdSizeOf } from './helpers';
import type { Finding, QualityRule } from './types';

/** Every amount field of the income block with its Chinese label; used by the negative-value rule. */
const AMOUNT_FIELDS: readonly [keyof IncomeRecord, string][] = [
  ['wageIncome', '工资性收入'],
  ['migrantWorkIncome', '务工收入'],
  ['publicWelfareJobIncome', '公益岗收入'],
  ['productionIncome', '生产经营性收入'],
  ['plantingIncome', '种植业收入'],
  ['breedingIncome', '养殖业收入'],
  ['forestryFruitIncome', '林果业收入'],
  ['otherProductionIncome', '其他生产经营性收入'],
  ['assetDividendIncome', '资产收益扶贫分红收入'],
  ['landTransferIncome', '土地流转收入'],
  ['otherPropertyIncome', '其他财产性收入'],
  ['familyPlanningIncome', '计划生育金'],
  ['dibaoIncome', '低保金'],
  ['wubaoIncome', '特困供养金'],
  ['pensionIncome', '养老保险金'],
  ['ecoCompensationIncome', '生态补偿金'],
  ['otherTransferIncome', '其他转移性收入'],
  ['productionExpense', '生产经营性支出'],
  ['plantingExpense', '种植业支出'],
  ['breedingExpense', '养殖业支出'],
  ['forestryFruitExpense', '林果业支出'],
  ['otherProductionExpense', '其他生产经营性支出'],
  ['insuranceClaimIncome', '理赔收入'],
  ['eligibleOutOfPocketExpense', '合规自付支出'],
];

/**
 * Recorded figures from other systems may have been truncated rather than rounded, or computed
 * from a slightly different member count; differences of up to 1 yuan are not worth a review.
 */
const RECORDED_TOLERANCE_FEN = 100;

export const INCOME_RULES: QualityRule[] = [
  defineRule({ code: 'Q-INC-01', severity: 'warning', title: '有生产经营性收入但无生产经营性支出', catalogueItem: 7 }, (ctx, rule) => {
    if (!ctx.income) return [];
    if ((productionIncomeFen(ctx.income) ?? 0) > 0 && (productionExpenseFen(ctx.income) ?? 0) <= 0) {
      return [entityFinding(rule, 'income', 'productionExpense', '生产经营性支出：有生产经营性收入时，生产经营性支出应大于0')];
    }
    return [];
  }),
  defineRule({ code: 'Q-INC-02', severity: 'warning', title: '人均纯收入为空、小于等于0或大于10万元', catalogueItem: 7 }, (ctx, rule) => {
    if (!ctx.income) return [entityFinding(rule, 'income', 'income', '收入情况：本年度未填写')];
    const perCapita = perCapitaNetIncomeFen(ctx.income, householdSizeOf(ctx));
    const max = ctx.params.quality.maxPerCapitaNetIncome;
    if (perCapita === null) return [entityFinding(rule, 'income', 'perCapitaNetIncome', '人均纯收入：为空（收入未填写或家庭人口数为0）')];
    if (perCapita <= 0) return [entityFinding(rule, 'income', 'perCapitaNetIncome', '人均纯收入：小于或等于0')];
    if (perCapita > max * 100) return [entityFinding(rule, 'income', 'perCapitaNetIncome', `人均纯收入：超过${max}元，请核实`)];
    return [];
  }),
  defineRule({ code: 'Q-INC-03', severity: 'warning', title: '有工资性收入但无务工人员', catalogueItem: 8 }, (ctx, rule) => {
    if (!ctx.income || (wageIncomeFen(ctx.income) ?? 0) <= 0) return [];
    if (currentMembers(ctx).some(({ p }) => isWageEarner(p))) return [];
    return [entityFinding(rule, 'income', 'wageIncome', '工资性收入：大于0，但家庭成员中没有务工或公益性岗位人员')];
  }),
  defineRule({ code: 'Q-INC-04', severity: 'warning', title: '有务工人员但无工资性收入', catalogueItem: 8 }, (ctx, rule) => {
    if (!currentMembers(ctx).some(({ p }) => isWageEarner(p))) return [];
    if (ctx.income && (wageIncomeFen(ctx.income) ?? 0) > 0) return [];
    return [entityFinding(rule, 'income', 'wageIncome', '工资性收入：家庭成员中有务工人员，但工资性收入为空或为0')];
  }),
  defineRule({ code: 'Q-INC-05', severity: 'error', title: '收入或支出金额为负数', catalogueItem: 7 }, (ctx, rule) => {
    const income = ctx.income;
    if (!income) return [];
    const out: Finding[] = [];
    for (const [key, label] of AMOUNT_FIELDS) {
      const fen = yuanToFen(income[key] as number | null | undefined);
      if (fen !== null && fen < 0) out.push(entityFinding(rule, 'income', key, `${label}：不能为负数`));
    }
    return out;
  }),
  defineRule({ code: 'Q-INC-06', severity: 'warning', title: '填报的人均纯收入与按公式计算的结果不符', catalogueItem: 7 }, (ctx, rule) => {
    const income = ctx.income;
    const recorded = yuanToFen(income?.recordedPerCapitaNetIncome);
    if (!income || recorded === null) return [];
    const computed = perCapitaNetIncomeFen(income, householdSizeOf(ctx));
    if (computed === null || Math.abs(computed - recorded) <= RECORDED_TOLERANCE_FEN) return [];
    return [
      entityFinding(
        rule,
        'income',
        'recordedPerCapitaNetIncome',
        `人均纯收入：填报为${(recorded / 100).toFixed(2)}元，按公式计算为${(computed / 100).toFixed(2)}元`,
      ),
    ];
  }),
];
