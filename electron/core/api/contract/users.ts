import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../../domain/roles';
import { passwordSchema, regionCodeSchema, roleSchema, usernameSchema } from './common';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  hasKeySlot: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export const usersContract = {
  'users.list': method<UserView[]>()({
    summary: '账号列表',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'users.create': method<UserView>()({
    summary: '新建账号',
    input: z.object({
      username: usernameSchema,
      displayName: z.string().trim().min(1, '请填写姓名').max(30).describe('姓名'),
      role: roleSchema,
      scopeCode: regionCodeSchema.describe('管辖范围'),
      password: passwordSchema.describe('初始密码'),
    }),
    access: 'admin',
    scope: { input: (i) => i.scopeCode },
  }),
  'users.update': method<UserView>()({
    summary: '修改账号（姓名、角色、管辖范围、停用）',
    input: z.object({
      id: z.string().min(1).describe('账号'),
      displayName: z.string().trim().min(1).max(30).optional().describe('姓名'),
      role: roleSchema.optional(),
      scopeCode: regionCodeSchema.optional().describe('管辖范围'),
      disabled: z.boolean().optional().describe('停用'),
    }),
    access: 'admin',
    scope: { input: (i) => i.scopeCode },
  }),
  'users.resetPassword': method<UserView>()({
    summary: '重置密码（下次登录须修改）',
    input: z.object({ id: z.string().min(1).describe('账号'), password: passwordSchema.describe('新密码') }),
    access: 'admin',
    scope: 'none',
  }),
  'users.unlock': method<UserView>()({
    summary: '解除锁定',
    input: z.object({ id: z.string().min(1).describe('账号') }),
    access: 'admin',
    scope: 'none',
  }),
};
