import { asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { auditLog } from '../db/schema';
import { findFirstChainProblem } from '../db/audit-chain';
import { readAuditHead } from '../db/write-path';
import type { AuditEntryView, AuditVerifyResult } from '../api/contract/audit';
import type { Page } from '../api/contract/common';

export function listAudit(db: Db, opts: { offset: number; limit: number; action?: string }): Page<AuditEntryView> {
  const where = opts.action ? eq(auditLog.action, opts.action) : undefined;
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      username: auditLog.username,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
  return { total, rows };
}

/** Re-hashes the whole chain in order; the first entry that does not fit is named. */
export function verifyAudit(db: Db): AuditVerifyResult {
  const entries = db.select().from(auditLog).orderBy(asc(auditLog.seq)).all();
  const problem = findFirstChainProblem(entries, readAuditHead(db));
  return { ok: problem === null, entries: entries.length, firstBad: problem };
}
