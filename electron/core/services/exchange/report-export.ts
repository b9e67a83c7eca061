// Reports upward: a full snapshot of the node's registry, or the changes after the change-log
// sequence the parent last acknowledged. Both are read in one read transaction, so the rows and
// the change range describe the same moment even while clerks keep typing.
import { and, eq, isNull, isNotNull } from 'drizzle-orm';
import type { Station } from '../../station';
import { exchangeOutbox, exchangeReviewTasks } from '../../db/schema';
import { AppError } from '../../api/errors';
import { NdjsonWriter } from '../../exchange/ndjson';
import { DELETES_COUNT_KEY, DELETES_FILE, META_FILE, jsonBytes, type ReportMeta } from '../../exchange/payloads';
import type { PayloadFile } from '../../exchange/package-format';
import { REPORT_TABLES, snapshotSql } from './report-tables';
import { channelState, parentPeer, type PeerRow } from './peers';
import { createOutgoing, type OutboxRow } from './outbox';
import type { NodeKeys } from './node-identity';

export type ReportMode = 'snapshot' | 'incremental';

export interface ReportContent {
  mode: ReportMode;
  files: PayloadFile[];
  recordCounts: Record<string, number>;
  changeRange: { fromSeq: number; toSeq: number } | null;
  reviewTaskIds: string[];
}

/** Reads what the next report carries. `auto`: incremental once the parent has acknowledged a report. */
export function collectReport(station: Station, keys: NodeKeys, parent: PeerRow, requested: ReportMode | 'auto'): ReportContent {
  const sqlite = station.db.$client;
  const ackedChangeSeq = channelState(station.db, parent.nodeId, 'out').ackedChangeSeq;
  // Incremental once the parent has acknowledged any report: its change range (possibly empty,
  // when the registry was loaded before the change log existed) is where the next one starts.
  const acknowledged = station.db
    .select({ id: exchangeOutbox.packageId })
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.peerNodeId, parent.nodeId), eq(exchangeOutbox.kind, 'report'), eq(exchangeOutbox.status, 'acknowledged')))
    .get();
  const mode: ReportMode = requested === 'auto' ? (acknowledged ? 'incremental' : 'snapshot') : requested;
  const read = sqlite.transaction((): ReportContent => {
    const maxSeq = (sqlite.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM change_log').get() as { m: number }).m;
    const files: PayloadFile[] = [];
    const recordCounts: Record<string, number> = {};
    let changeRange: ReportContent['changeRange'] = null;
    if (mode === 'snapshot') {
      for (const t of REPORT_TABLES) {
        const lines: Buffer[] = [];
        let size = 0;
        for (const line of sqlite.prepare(snapshotSql(t)).pluck().iterate() as Iterable<Buffer>) {
          lines.push(line);
          size += line.length;
        }
        if (lines.length > 0) {
          files.push({ name: `${t.name}.ndjson`, bytes: Buffer.concat(lines, size) });
          recordCounts[t.name] = lines.length;
        }
      }
      changeRange = maxSeq > 0 ? { fromSeq: 1, toSeq: maxSeq } : null;
    } else {
      // Every row changed in the range travels as it is now, read in this same transaction, which is
      // its state at the end of the range; a changed row that no longer exists travels as a delete.
      const deletes = new NdjsonWriter();
      for (const t of REPORT_TABLES) {
        const changed = `SELECT row_id FROM change_log WHERE seq > ? AND seq <= ? AND table_name = ?`;
        const lines = sqlite.prepare(`${snapshotSql(t)} WHERE "${t.pkName}" IN (${changed})`).pluck().all(ackedChangeSeq, maxSeq, t.name) as Buffer[];
        if (lines.length > 0) {
          files.push({ name: `${t.name}.ndjson`, bytes: Buffer.concat(lines) });
          recordCounts[t.name] = lines.length;
        }
        const gone = sqlite
          .prepare(`SELECT DISTINCT c.row_id FROM change_log c WHERE c.seq > ? AND c.seq <= ? AND c.table_name = ? AND NOT EXISTS (SELECT 1 FROM "${t.name}" r WHERE r."${t.pkName}" = c.row_id)`)
          .pluck()
          .all(ackedChangeSeq, maxSeq, t.name) as string[];
        for (const id of gone) deletes.push({ table: t.name, id });
      }
      if (deletes.lines > 0) {
        files.push({ name: DELETES_FILE, bytes: deletes.bytes() });
        recordCounts[DELETES_COUNT_KEY] = deletes.lines;
      }
      changeRange = maxSeq > ackedChangeSeq ? { fromSeq: ackedChangeSeq + 1, toSeq: maxSeq } : null;
    }
    // Review tasks resolved here (or by a child and reported to us) that the parent has not heard of.
    const results = station.db
      .select()
      .from(exchangeReviewTasks)
      .where(and(eq(exchangeReviewTasks.direction, 'received'), isNotNull(exchangeReviewTasks.resolvedAt), isNull(exchangeReviewTasks.reportedIn)))
      .all();
    const meta: ReportMeta = {
      mode,
      node: { nodeId: keys.node.nodeId, level: keys.node.level, regionCode: keys.node.regionCode, name: keys.node.name },
      tables: files.filter((f) => f.name !== DELETES_FILE).map((f) => f.name.replace(/\.ndjson$/, '')),
      acknowledgedSeq: channelState(station.db, parent.nodeId, 'in').lastSeq,
      reviewTaskResults: results.map((r) => ({
        taskId: r.id,
        status: r.status === 'dismissed' ? ('dismissed' as const) : ('done' as const),
        resolution: r.resolution,
        resolvedAt: r.resolvedAt!,
      })),
    };
    files.unshift({ name: META_FILE, bytes: jsonBytes(meta) });
    return { mode, files, recordCounts, changeRange, reviewTaskIds: results.map((r) => r.id) };
  });
  return read.deferred();
}

/** Makes the next report to the parent and puts it in the outbox. Call with the exchange lock held. */
export async function createReport(station: Station, keys: NodeKeys, options: { mode?: ReportMode | 'auto'; expiresInDays?: number } = {}): Promise<OutboxRow> {
  const parent = parentPeer(station.db);
  if (!parent) throw new AppError('NOT_FOUND', '尚未登记上级节点：请先导入上级的信任包，或登记上级公钥');
  const content = collectReport(station, keys, parent, options.mode ?? 'auto');
  const rows = Object.entries(content.recordCounts).reduce((n, [, c]) => n + c, 0);
  return createOutgoing(station, keys, {
    peer: parent,
    kind: 'report',
    files: content.files,
    recordCounts: content.recordCounts,
    changeRange: content.changeRange,
    summary: { mode: content.mode, rows, reviewTaskResults: content.reviewTaskIds.length },
    expiresInDays: options.expiresInDays,
    onStored: (tx, built) => {
      for (const id of content.reviewTaskIds) {
        tx.update(exchangeReviewTasks).set({ reportedIn: built.manifest.packageId }).where(eq(exchangeReviewTasks.id, id)).run();
      }
    },
  });
}
