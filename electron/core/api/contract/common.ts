import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { isRegionCode } from '../../domain/region-code';

export const regionCodeSchema = z
  .string()
  .refine(isRegionCode, { message: '区划代码应为 12 位数字' })
  .describe('区划代码');

export const roleSchema = z.enum(ROLES).describe('角色');

export const passwordSchema = z.string().min(8, '密码至少 8 位').max(128, '密码过长').describe('密码');

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名为 2–32 位字母、数字、下划线、点或短横线')
  .describe('用户名');

export const pageSchema = z.object({
  offset: z.number().int().min(0).default(0).describe('起始行'),
  limit: z.number().int().min(1).max(500).default(50).describe('每页行数'),
});

export interface Page<T> {
  total: number;
  rows: T[];
}
