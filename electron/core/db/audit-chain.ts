import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  userId: string | null;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
}

/** The hash that seals one entry; it covers the previous entry's hash, so the entries form a chain. */
export function auditEntryHash(fields: AuditFields): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        fields.seq,
        fields.at,
        fields.userId,
        fields.username,
        fields.action,
        fields.entity,
        fields.entityId,
        fields.before,
        fields.after,
        fields.prevHash,
      ]),
    )
    .digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: 'edited' | 'broken-link' | 'gap' | 'head-mismatch';
  message: string;
}

/**
 * Walks entries in seq order and names the first bad one. An edited entry no longer matches its
 * own hash; a deleted or reordered entry breaks the link to its neighbour (and leaves a seq gap);
 * a deleted tail shows up against the chain head kept in the settings table.
 */
export function findFirstChainProblem(
  entries: (AuditFields & { hash: string })[],
  head: { seq: number; hash: string } | null,
): ChainProblem | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) {
      return { seq: e.seq, problem: 'gap', message: `第 ${e.seq} 条审计记录之前缺少第 ${expectedSeq} 条（记录被删除或顺序被调换）` };
    }
    if (e.prevHash !== prev) {
      return { seq: e.seq, problem: 'broken-link', message: `第 ${e.seq} 条审计记录与前一条不衔接（前一条被删除、修改或调换）` };
    }
    if (auditEntryHash(e) !== e.hash) {
      return { seq: e.seq, problem: 'edited', message: `第 ${e.seq} 条审计记录的内容与其哈希不符（记录被修改）` };
    }
    prev = e.hash;
    expectedSeq = e.seq + 1;
  }
  const last = entries.at(-1);
  if (head && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
    return {
      seq: head.seq,
      problem: 'head-mismatch',
      message: `审计链末端应为第 ${head.seq} 条，实际为第 ${last?.seq ?? 0} 条（末尾记录被删除或替换）`,
    };
  }
  return null;
}
