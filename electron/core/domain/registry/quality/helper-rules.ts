// §1.7 / §1.9 item 9: every household has a 帮扶责任人, and no helper is a poor person himself.
// The counts come from the assistance tables, which this pure module does not read.
import { defineRule, householdFinding } from './helpers';
import type { QualityRule } from './types';

export const HELPER_RULES: QualityRule[] = [
  defineRule({ code: 'Q-HLP-01', severity: 'warning', title: '贫困户无帮扶责任人', catalogueItem: 9 }, (ctx, rule) =>
    ctx.helpers !== undefined && ctx.helpers.count <= 0 ? [householdFinding(rule, 'helpers', '帮扶责任人：本户没有帮扶责任人')] : [],
  ),
  defineRule({ code: 'Q-HLP-02', severity: 'warning', title: '帮扶责任人是贫困人口', catalogueItem: 9 }, (ctx, rule) =>
    ctx.isHelperPoorPerson === true ? [householdFinding(rule, 'helpers', '帮扶责任人：本户的帮扶责任人本人是建档立卡贫困人口')] : [],
  ),
];
