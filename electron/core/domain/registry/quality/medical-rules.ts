// §1.3 #23–25 / §5.3 基本医疗有保障: every registered person is in exactly one basic medical
// insurance and in 大病保险. Serving soldiers are covered by the army and are skipped.
import { currentMembers, defineRule, personFinding } from './helpers';
import type { QualityRule } from './types';

export const MEDICAL_RULES: QualityRule[] = [
  defineRule({ code: 'Q-MED-01', severity: 'warning', title: '新农合（城乡居民医保）与城镇职工医保须参加且只参加一项', catalogueItem: 1 }, (ctx, rule) =>
    currentMembers(ctx).flatMap(({ p, i }) => {
      if (p.isActiveMilitary === true) return [];
      const rural = p.hasRuralMedicalInsurance === true;
      const employee = p.hasEmployeeMedicalInsurance === true;
      if (rural && employee) {
        return [personFinding(rule, i, 'hasEmployeeMedicalInsurance', '基本医疗保险：不能同时参加新农合（城乡居民医保）和城镇职工医保')];
      }
      if (!rural && !employee) {
        return [personFinding(rule, i, 'hasRuralMedicalInsurance', '基本医疗保险：新农合（城乡居民医保）和城镇职工医保必须参加其中一项')];
      }
      return [];
    }),
  ),
  defineRule({ code: 'Q-MED-02', severity: 'warning', title: '未参加大病保险', catalogueItem: 1 }, (ctx, rule) =>
    currentMembers(ctx)
      .filter(({ p }) => p.isActiveMilitary !== true && p.hasCriticalIllnessInsurance !== true)
      .map(({ i }) => personFinding(rule, i, 'hasCriticalIllnessInsurance', '是否参加大病保险：建档立卡人员应参加大病保险')),
  ),
];
