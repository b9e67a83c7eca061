// Labels for the workflow codes the page offers in its own dropdowns. The renderer imports only
// types from core, so these mirror domain/workflow (case-kinds.ts, notices.ts, monitoring.ts,
// step-rules.ts); everything core sends back already carries its label.
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

export const STATUS_LABELS: Record<string, string> = { none: '一般农户', applicant: '申请中', poor: '未脱贫', exited: '已脱贫', removed: '已减少' };

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
