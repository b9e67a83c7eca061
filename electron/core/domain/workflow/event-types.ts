// Labels of the household events the workflows write, for the 动态 tab and printed histories.
export const WORKFLOW_EVENT_LABELS = {
  'identification.applied': '申请识别',
  'identification.step': '识别程序',
  'identification.approved': '县级审定为贫困户',
  'identification.rejected': '识别未通过',
  'return.applied': '返贫排查',
  'return.step': '返贫认定程序',
  'return.approved': '认定返贫',
  'return.rejected': '返贫认定未通过',
  'exit.cohort': '列入年度退出计划',
  'exit.step': '退出程序',
  'exit.deregistered': '脱贫销号',
  'exit.rejected': '暂不退出',
  'workflow.notice': '张贴公示',
  'workflow.objection': '公示异议',
  'workflow.reopened': '因异议退回重办',
  'monitoring.step': '防返贫监测程序',
  'monitoring.included': '纳入防返贫监测',
  'monitoring.eliminated': '风险消除',
  'household.removed': '自然减少（清退）',
  'status.corrected': '更正',
  'legacy.exit': '脱贫（据登记表）',
  'legacy.return': '返贫（据登记表）',
} as const;

export type WorkflowEventType = keyof typeof WORKFLOW_EVENT_LABELS;

/** Household-level removals (domain.md §1.4.11: 识别不准清退, 自然减少). */
export const REMOVAL_REASONS = {
  extinct: '全户死亡（户消亡）',
  movedAway: '整户迁出',
  merged: '并户',
  misidentified: '识别不准清退',
} as const;
export type RemovalReason = keyof typeof REMOVAL_REASONS;
