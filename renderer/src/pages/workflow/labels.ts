// Labels for the workflow codes the page offers in its own dropdowns. The renderer may import only
// types from core (tests/unit/electron/layering.test.ts), so these mirror domain/workflow
// (case-kinds.ts, notices.ts, monitoring.ts, step-rules.ts, event-types.ts, exit-params.ts,
// signoff.ts); everything core sends back already carries its label.
import type { CaseKind, CaseOutcome } from '../../../../electron/core/api/contract';

export const KIND_LABELS: Record<CaseKind, string> = {
  identification: '贫困户识别',
  return: '返贫认定',
  exit: '贫困户退出',
  monitoring: '防返贫监测对象识别',
  elimination: '监测对象风险消除',
};

export const OUTCOME_LABELS: Record<CaseOutcome, string> = { open: '办理中', passed: '已办结', failed: '未通过', withdrawn: '已撤回' };
export const OUTCOME_COLORS: Record<CaseOutcome, string> = { open: 'processing', passed: 'success', failed: 'error', withdrawn: 'default' };

export const STATUS_LABELS: Record<string, string> = { none: '一般农户', applicant: '申请识别中', poor: '未脱贫', exited: '已脱贫', removed: '已减少（清退）' };

/** Household removals (event-types.ts REMOVAL_REASONS); 识别不准清退 is the county's. */
export const REMOVAL_REASONS = [
  ['extinct', '全户死亡（户消亡）'],
  ['movedAway', '整户迁出'],
  ['merged', '并户'],
  ['misidentified', '识别不准清退'],
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number][0];

/** What a correction may set a household's status to (correctStatus's `to`). */
export const CORRECTABLE_STATUSES = (['none', 'poor', 'exited', 'removed'] as const).map((code) => [code, STATUS_LABELS[code]!] as const);

/** The tests an exit indicator may run (exit-params.ts HOUSEHOLD_TESTS, VILLAGE_TESTS). */
export const HOUSEHOLD_TESTS = [
  ['income', '人均纯收入'],
  ['foodClothing', '不愁吃、不愁穿'],
  ['food', '不愁吃'],
  ['clothing', '不愁穿'],
  ['water', '安全饮水'],
  ['education', '义务教育'],
  ['medical', '基本医疗'],
  ['housing', '住房安全'],
] as const;
export const VILLAGE_TESTS = [
  ['incidence', '贫困发生率'],
  ['industry', '产业发展'],
  ['infrastructure', '基础设施'],
  ['publicServices', '基本公共服务'],
] as const;

export const SIGNOFF_LEVELS = [
  ['village', '村级'],
  ['township', '乡镇级'],
  ['county', '县级'],
  ['city', '市级'],
] as const;

export const NOTICE_LEVELS = [
  ['group', '村民小组公示'],
  ['village', '村级公示'],
  ['township', '乡镇公示'],
  ['county', '县级公告'],
  ['online', '网上或公开栏公示'],
] as const;

export const OBJECTION_CHANNELS = [
  ['visit', '来访'],
  ['letter', '来信'],
  ['phone', '来电'],
  ['other', '其他'],
] as const;

export const MEETING_BODIES = [
  ['representatives', '村民代表大会评议'],
  ['group', '村民小组评议'],
  ['committee', '村两委评议'],
  ['team', '驻村工作队评议'],
  ['township', '乡镇审核会议'],
] as const;

export const MONITORING_TYPES = [
  ['unstable', '脱贫不稳定户'],
  ['marginal', '边缘易致贫户'],
  ['sudden', '突发严重困难户'],
] as const;

export const MONITORING_SOURCES = [
  ['visit', '干部走访排查'],
  ['selfReport', '农户自主申报'],
  ['department', '部门筛查预警'],
] as const;

export const RISK_TYPES = [
  ['01', '因病'],
  ['02', '因残'],
  ['03', '因学'],
  ['04', '因意外事故'],
  ['05', '因产业项目失败'],
  ['06', '因务工就业不稳'],
  ['07', '缺劳动力'],
  ['08', '因自然灾害'],
  ['09', '住房出现安全问题'],
  ['10', '义务教育保障出现问题'],
  ['11', '基本医疗保障出现问题'],
  ['12', '饮水安全出现问题'],
  ['99', '其他'],
] as const;

export const pairOptions = (pairs: readonly (readonly [string, string])[]) => pairs.map(([value, label]) => ({ value, label }));
