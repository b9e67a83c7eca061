// §1.4.1 / §1.9 item 10: the household's structure. No or two 户主, two 配偶 and a household
// without members are not "doubtful", they are impossible, so they block export.
import {
  checkHeads,
  checkHouseholdSize,
  checkRelationshipSex,
  checkSpouses,
  type ConsistencyIssue,
} from '../household-consistency';
import type { PersonRecord } from '../types';
import { currentMembers, defineRule, householdFinding, personFinding } from './helpers';
import type { QualityContext, QualityRule } from './types';

const members = (ctx: QualityContext) => currentMembers(ctx);

/** Runs a consistency check on the current members and maps its member indexes back to ctx.members. */
function consistency(ctx: QualityContext, run: (m: PersonRecord[]) => ConsistencyIssue[]): ConsistencyIssue[] {
  const current = members(ctx);
  return run(current.map(({ p }) => p)).map((issue) =>
    issue.personIndex === undefined ? issue : { ...issue, personIndex: current[issue.personIndex]!.i },
  );
}

export const RELATIONSHIP_RULES: QualityRule[] = [
  defineRule({ code: 'Q-REL-01', severity: 'error', title: '户内无户主', catalogueItem: 3 }, (ctx, rule) =>
    consistency(ctx, (m) => checkHeads(m, ctx.year, ctx.tables))
      .filter((x) => x.kind === 'noHead')
      .map((x) => householdFinding(rule, 'relationship', x.message)),
  ),
  defineRule({ code: 'Q-REL-02', severity: 'error', title: '户内有多个户主', catalogueItem: 10 }, (ctx, rule) =>
    consistency(ctx, (m) => checkHeads(m, ctx.year, ctx.tables))
      .filter((x) => x.kind === 'multipleHeads')
      .map((x) => personFinding(rule, x.personIndex!, 'relationship', x.message)),
  ),
  defineRule({ code: 'Q-REL-03', severity: 'error', title: '户内有多个配偶', catalogueItem: 10 }, (ctx, rule) =>
    consistency(ctx, (m) => checkSpouses(m, ctx.year, ctx.tables))
      .filter((x) => x.kind === 'multipleSpouses')
      .map((x) => personFinding(rule, x.personIndex!, 'relationship', x.message)),
  ),
  defineRule({ code: 'Q-REL-04', severity: 'warning', title: '户主与配偶性别相同', catalogueItem: 10 }, (ctx, rule) =>
    consistency(ctx, (m) => checkSpouses(m, ctx.year, ctx.tables))
      .filter((x) => x.kind === 'spouseSameSex')
      .map((x) => personFinding(rule, x.personIndex!, 'sex', x.message)),
  ),
  defineRule({ code: 'Q-REL-05', severity: 'warning', title: '与户主关系与性别不符', catalogueItem: 10 }, (ctx, rule) =>
    consistency(ctx, (m) => checkRelationshipSex(m, ctx.year, ctx.tables)).map((x) =>
      personFinding(rule, x.personIndex!, 'relationship', x.message),
    ),
  ),
  defineRule({ code: 'Q-REL-06', severity: 'warning', title: '家庭人口数与成员人数不符', catalogueItem: 10 }, (ctx, rule) =>
    checkHouseholdSize(ctx.household, members(ctx).map(({ p }) => p)).map((x) => householdFinding(rule, 'householdSize', x.message)),
  ),
  defineRule({ code: 'Q-REL-07', severity: 'error', title: '空挂户（户内无家庭成员）', catalogueItem: 10 }, (ctx, rule) =>
    members(ctx).length === 0 ? [householdFinding(rule, 'members', '家庭成员：户内没有家庭成员（空挂户）')] : [],
  ),
];
