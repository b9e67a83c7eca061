// Chinese labels for values the contract carries as codes. The renderer may import only types
// from core, so these mirror core's label tables (domain/roles.ts, domain/region-code.ts).
import type { BackupView, NodeLevel, RegionOption, UserView } from '../../electron/core/api/contract';

export type Role = UserView['role'];

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', clerk: '录入员', viewer: '查看员' };

export const ROLE_HINTS: Record<Role, string> = {
  admin: '管理账号、备份恢复、审计，并可录入数据',
  clerk: '在管辖范围内录入和修改数据',
  viewer: '在管辖范围内查看数据，不能修改',
};

export const NODE_LEVEL_LABELS: Record<NodeLevel, string> = { province: '省级', county: '县级', township: '乡镇级' };

/** What a node of each level is called in the office's own words. */
export const NODE_LEVEL_OFFICES: Record<NodeLevel, string> = {
  province: '省扶贫办',
  county: '县扶贫办',
  township: '乡镇扶贫工作站',
};

export const REGION_LEVEL_LABELS: Record<RegionOption['level'], string> = {
  province: '省',
  city: '市（州）',
  county: '县（区）',
  township: '乡（镇）',
  village: '村（社区）',
};

export const BACKUP_KIND_LABELS: Record<BackupView['kind'], string> = {
  manual: '手动',
  daily: '每日自动',
  'pre-migration': '升级前',
  'pre-restore': '恢复前',
};

const AUDIT_ACTION_LABELS: Record<string, string> = {
  'node.setup': '首次设置',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账号锁定',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.resetPassword': '重置密码',
  'user.unlock': '解除锁定',
  'user.changePassword': '修改密码',
  'backup.create': '立即备份',
  'backup.restore': '从备份恢复',
};

const ENTITY_LABELS: Record<string, string> = {
  node: '节点',
  user: '账号',
  backup: '备份',
  household: '户',
  person: '人员',
  village: '村',
};

export const auditEntityLabel = (entity: string): string => ENTITY_LABELS[entity] ?? entity;

/** Core records its own first-run writes as the account 「system」. */
export const auditActorLabel = (username: string): string => (username === 'system' ? '系统' : username);

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

export const PASSWORD_RULE = '至少 8 位，须同时包含字母和数字';
