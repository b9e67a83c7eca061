// Colors for the statuses core labels in Chinese (statusLabel), and the table names of a
// report's record counts as a clerk knows them.
import type { InboxStatus, OutboxStatus } from '../../../../electron/core/api/contract';

export const OUTBOX_STATUS_COLORS: Record<OutboxStatus, string> = {
  ready: 'blue',
  uploading: 'processing',
  uploaded: 'cyan',
  acknowledged: 'green',
  refused: 'red',
  superseded: 'default',
};

export const INBOX_STATUS_COLORS: Record<InboxStatus, string> = {
  applied: 'green',
  'already-applied': 'default',
  held: 'orange',
  refused: 'red',
  'pending-confirmation': 'gold',
};

const TABLE_LABELS: Record<string, string> = {
  villages: '村',
  village_groups: '村民小组',
  households: '户',
  persons: '人',
  memberships: '家庭成员关系',
  conditions: '生产生活条件',
  incomes: '收入',
  benefits: '享受政策',
  household_events: '户变动',
  review_tasks: '核查任务',
  year_params: '年度参数',
  code_overrides: '代码表',
  regions: '区划',
  review_task_results: '核查结果',
  deletes: '删除',
  key_registered: '登记密钥',
  key_rotated: '更换密钥',
  trust: '信任上级密钥',
};

/** 「户 12，人 48」 from a package's record counts; tables without a Chinese name keep theirs. */
export function countsText(counts: Record<string, number> | null | undefined): string {
  if (!counts) return '—';
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${TABLE_LABELS[table] ?? table} ${n}`);
  return parts.length ? parts.join('，') : '无记录';
}

export const SOURCE_LABELS: Record<string, string> = { usb: 'U 盘', upload: '在线上传', fetch: '在线取回', file: '文件', held: '暂存后导入' };
