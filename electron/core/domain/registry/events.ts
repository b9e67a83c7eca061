// Household event types. A household's status in any year is read from these; nothing overwrites
// a status field. The workflow capability adds identification, exit and monitoring steps.
export const HOUSEHOLD_EVENT_LABELS = {
  identified: '首次识别（建档立卡）',
  'member.joined': '成员迁入',
  'member.left': '成员减少',
  'record.imported': '导入登记',
} as const;

export type HouseholdEventType = keyof typeof HOUSEHOLD_EVENT_LABELS | (string & {});

export const eventLabel = (type: string): string =>
  (HOUSEHOLD_EVENT_LABELS as Record<string, string>)[type] ?? type;
