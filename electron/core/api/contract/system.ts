import { z } from 'zod';
import { method } from '../define';
import { passwordSchema, regionCodeSchema, usernameSchema } from './common';

export type NodeLevel = 'province' | 'county' | 'township';

export interface NodeView {
  nodeId: string;
  level: NodeLevel;
  regionCode: string;
  regionName: string;
  /** 甘肃省 白银市 会宁县 … */
  regionPath: string;
  name: string;
  keyId: string;
  keyFingerprint: string;
  createdAt: string;
}

export interface SystemStatus {
  initialized: boolean;
  node: NodeView | null;
  appVersion: string;
  schemaVersion: number;
  /** Set when the station runs on the embedded demo county; the login page shows it. */
  demoLogin: { username: string; password: string } | null;
}

export interface RegionOption {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  hasChildren: boolean;
}

export const systemContract = {
  'system.status': method<SystemStatus>()({
    summary: '工作站状态（是否已初始化、节点信息）',
    input: z.object({}),
    access: 'public',
    scope: 'none',
  }),
  'system.setup': method<NodeView>()({
    summary: '首次运行：建立节点、第一个管理员和节点密钥',
    input: z.object({
      level: z.enum(['province', 'county', 'township']).describe('节点级别'),
      regionCode: regionCodeSchema,
      name: z.string().trim().max(60).optional().describe('节点名称'),
      adminUsername: usernameSchema,
      adminDisplayName: z.string().trim().min(1, '请填写姓名').max(30).describe('管理员姓名'),
      adminPassword: passwordSchema,
    }),
    access: 'public',
    scope: 'none',
  }),
  'regions.children': method<RegionOption[]>()({
    summary: '下级行政区划（公开数据）',
    input: z.object({ parentCode: regionCodeSchema.nullable().describe('上级区划代码') }),
    access: 'public',
    scope: 'none',
  }),
};
