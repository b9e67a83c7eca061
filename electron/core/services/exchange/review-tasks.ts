// Review tasks as the owner sees them (received, to resolve) and as the parent sees them (sent,
// waiting for the owner's answer in a later report).
import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { exchangeReviewTasks } from '../../db/schema';
import { AppError } from '../../api/errors';
import { recordEvent, type Actor } from '../../db/write-path';
import { regionWithin } from '../../domain/region-code';
import type { Finding, ReportMeta } from '../../exchange/payloads';
import type { PeerRow } from './peers';

export type ReviewTaskRow = typeof exchangeReviewTasks.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function listReviewTasks(
  db: Pick<Db, 'select'>,
  filter: { direction?: ReviewTaskRow['direction']; status?: ReviewTaskRow['status']; scopeCode?: string } = {},
): ReviewTaskRow[] {
  const conditions: SQL[] = [];
  if (filter.direction) conditions.push(eq(exchangeReviewTasks.direction, filter.direction));
  if (filter.status) conditions.push(eq(exchangeReviewTasks.status, filter.status));
  const rows = db
    .select()
    .from(exchangeReviewTasks)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(exchangeReviewTasks.createdAt), exchangeReviewTasks.id)
    .all();
  return filter.scopeCode ? rows.filter((r) => regionWithin(filter.scopeCode!, r.regionCode)) : rows;
}

/** The owner closes a task it received; the answer goes up with the next report. */
export function resolveReviewTask(
  station: Station,
  actor: Actor,
  input: { id: string; status: 'done' | 'dismissed'; resolution: string | null },
  scopeCode: string,
): ReviewTaskRow {
  const task = station.db.select().from(exchangeReviewTasks).where(eq(exchangeReviewTasks.id, input.id)).get();
  if (!task || task.direction !== 'received') throw new AppError('NOT_FOUND', '没有这个核查任务');
  if (!regionWithin(scopeCode, task.regionCode)) throw new AppError('SCOPE_DENIED', '该核查任务不在您的管辖范围内');
  if (task.status !== 'open') throw new AppError('CONFLICT', task.status === 'forwarded' ? '该任务已转给乡镇工作站办理' : '该任务已办结');
  const now = station.clock().toISOString();
  station.db
    .update(exchangeReviewTasks)
    .set({ status: input.status, resolution: input.resolution, resolvedAt: now, resolvedBy: actor.username, reportedIn: null })
    .where(eq(exchangeReviewTasks.id, input.id))
    .run();
  recordEvent(station.db, actor, { action: 'exchange.reviewTask', entity: 'exchange_review_task', entityId: input.id }, { status: input.status }, station.clock());
  return station.db.select().from(exchangeReviewTasks).where(eq(exchangeReviewTasks.id, input.id)).get()!;
}

/** At the parent: the answers a child's report carried, for tasks we sent or passed on to it. */
export function applyTaskResults(tx: Tx, sender: PeerRow, results: ReportMeta['reviewTaskResults']): Finding[] {
  const findings: Finding[] = [];
  for (const r of results) {
    const task = tx
      .select()
      .from(exchangeReviewTasks)
      .where(
        and(
          eq(exchangeReviewTasks.id, r.taskId),
          or(
            and(eq(exchangeReviewTasks.direction, 'sent'), eq(exchangeReviewTasks.peerNodeId, sender.nodeId)),
            and(eq(exchangeReviewTasks.direction, 'received'), eq(exchangeReviewTasks.forwardedTo, sender.nodeId)),
          ),
        ),
      )
      .get();
    if (!task) {
      findings.push({ kind: 'task-unknown', message: `核查任务 ${r.taskId.slice(0, 40)} 不是发给发送方的，结果已忽略`, table: null, rowId: null });
      continue;
    }
    tx.update(exchangeReviewTasks)
      .set({ status: r.status, resolution: r.resolution, resolvedAt: r.resolvedAt, resolvedBy: sender.nodeId, reportedIn: null })
      .where(eq(exchangeReviewTasks.id, task.id))
      .run();
  }
  return findings;
}
