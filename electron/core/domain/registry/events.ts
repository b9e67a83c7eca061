// Household event types. A household's status in any year is read from these; nothing overwrites
// a status field. The workflow capability adds identification, exit and monitoring steps.
import { WORKFLOW_EVENT_LABELS } from '../workflow/event-types';
export const HOUSEHOLD_EVENT_LABELS = {
  identified: '首次识别（建档立卡）',
  'member.joined': '成员迁入',
  'member.left': '成员减少',
  'record.imported': '导入登记',
} as const;

export type HouseholdEventType = keyof typeof HOUSEHOLD_EVENT_LABELS | (string & {});

// Workflow events (识别, 退出, 清退, 更正) land in the same 动态 list as data-entry events.
const ALL_EVENT_LABELS: Record<string, string> = { ...HOUSEHOLD_EVENT_LABELS, ...WORKFLOW_EVENT_LABELS };

export const eventLabel = (type: string): string => ALL_EVENT_LABELS[type] ?? type;
