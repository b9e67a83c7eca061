import { z } from 'zod';
import { method } from '../define';
import type { Role } from '../../domain/roles';
import { passwordSchema } from './common';

export interface SessionUserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  mustChangePassword: boolean;
  /** True when this session holds the node's unlocked signing key (administrators only). */
  keyUnlocked: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: SessionUserView;
}

export const authContract = {
  'auth.login': method<LoginResult>()({
    summary: '登录',
    input: z.object({
      username: z.string().trim().min(1, '请填写用户名').max(64).describe('用户名'),
      password: z.string().min(1, '请填写密码').max(128).describe('密码'),
    }),
    access: 'public',
    scope: 'none',
  }),
  'auth.logout': method<null>()({
    summary: '退出登录',
    input: z.object({}),
    access: 'read',
    scope: 'none',
  }),
  'auth.me': method<SessionUserView>()({
    summary: '当前用户',
    input: z.object({}),
    access: 'read',
    scope: 'none',
  }),
  'auth.changePassword': method<null>()({
    summary: '修改自己的密码',
    input: z.object({
      oldPassword: z.string().min(1, '请填写原密码').describe('原密码'),
      newPassword: passwordSchema.describe('新密码'),
    }),
    access: 'read',
    scope: 'none',
  }),
};
