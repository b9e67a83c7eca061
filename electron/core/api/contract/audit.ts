import { z } from 'zod';
import { method } from '../define';
import { pageSchema, type Page } from './common';

export interface AuditEntryView {
  seq: number;
  at: string;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  firstBad: { seq: number; problem: string; message: string } | null;
}

export const auditContract = {
  'audit.list': method<Page<AuditEntryView>>()({
    summary: '审计日志',
    input: pageSchema.extend({ action: z.string().max(60).optional().describe('操作') }),
    access: 'admin',
    scope: 'none',
  }),
  'audit.verify': method<AuditVerifyResult>()({
    summary: '校验审计哈希链',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
};
