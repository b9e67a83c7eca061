// Packages this node makes: each gets the next sequence number on its channel and the hash of
// the previous package, and is stored in the outbox in the same transaction that advances the
// channel, so a sequence number is never handed out twice or lost.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { exchangeOutbox } from '../../db/schema';
import { readAuditHead } from '../../db/write-path';
import { GENESIS_HASH } from '../../db/audit-chain';
import { buildPackage, type BuiltPackage, type PayloadFile } from '../../exchange/package-format';
import type { PackageKind } from '../../exchange/manifest';
import { writePackageFile, type FolderFs, realFolderFs } from '../../exchange/usb';
import { PackageError } from '../../exchange/package-errors';
import { AppError } from '../../api/errors';
import { channelState, saveChannel, type PeerRow } from './peers';
import type { NodeKeys } from './node-identity';

export type OutboxRow = typeof exchangeOutbox.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEFAULT_EXPIRY_DAYS: Record<PackageKind, number> = { report: 60, directive: 90, receipt: 90, key: 60, trust: 60 };

export interface OutgoingSpec {
  peer: PeerRow;
  kind: PackageKind;
  files: PayloadFile[];
  recordCounts: Record<string, number>;
  changeRange: { fromSeq: number; toSeq: number } | null;
  summary: Record<string, unknown>;
  expiresInDays?: number;
  /** Defaults to encrypting whenever the peer's age recipient is known. */
  encrypt?: boolean;
  answersPackageId?: string | null;
  /** Runs inside the transaction that stores the package (e.g. marking what it carried as sent). */
  onStored?: (tx: Tx, built: BuiltPackage) => void;
}

/** The number of applied migrations: what the receiver compares with its own. */
export function schemaVersionOf(station: Station): number {
  return station.migrations.length;
}

/** Builds, signs, encrypts and stores one package. Call with the exchange lock held. */
export async function createOutgoing(station: Station, keys: NodeKeys, spec: OutgoingSpec): Promise<OutboxRow> {
  const now = station.clock();
  const channel = channelState(station.db, spec.peer.nodeId, 'out');
  const seq = channel.lastSeq + 1;
  const encryptTo = spec.encrypt === false ? null : spec.peer.ageRecipient;
  if (spec.encrypt === true && !encryptTo) {
    throw new AppError('CONFLICT', `不知道 ${spec.peer.name} 的加密公钥，不能加密发送：请先交换密钥（密钥登记包或信任包）`);
  }
  const head = readAuditHead(station.db) ?? { seq: 0, hash: GENESIS_HASH };
  const expiresAt = new Date(now.getTime() + (spec.expiresInDays ?? DEFAULT_EXPIRY_DAYS[spec.kind]) * 86_400_000);
  const built = await buildPackage(
    {
      packageId: randomUUID(),
      kind: spec.kind,
      sender: { nodeId: keys.node.nodeId, keyId: keys.node.keyId },
      recipient: { nodeId: spec.peer.nodeId },
      channel: { seq, prevHash: seq === 1 ? null : channel.lastHash },
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      schemaVersion: schemaVersionOf(station),
      changeRange: spec.changeRange,
      recordCounts: spec.recordCounts,
      auditHead: { seq: head.seq, hash: head.hash },
    },
    spec.files,
    { encryptTo, signer: keys.signer },
  );
  return station.db.transaction((tx) => {
    // The lock makes this impossible; checked anyway, because a reused number is a fork.
    if (channelState(tx, spec.peer.nodeId, 'out').lastSeq !== seq - 1) throw new Error('outgoing channel moved while building a package');
    tx.insert(exchangeOutbox)
      .values({
        packageId: built.manifest.packageId,
        peerNodeId: spec.peer.nodeId,
        kind: spec.kind,
        seq,
        manifestHash: built.manifestHash,
        fileName: built.fileName,
        sizeBytes: built.bytes.length,
        bytes: Buffer.from(built.bytes.buffer, built.bytes.byteOffset, built.bytes.byteLength),
        summary: { ...spec.summary, recordCounts: spec.recordCounts, changeRange: spec.changeRange, encrypted: encryptTo !== null },
        status: 'ready',
        createdAt: built.manifest.createdAt,
        expiresAt: built.manifest.expiresAt,
        answersPackageId: spec.answersPackageId ?? null,
      })
      .run();
    saveChannel(tx, spec.peer.nodeId, 'out', { lastSeq: seq, lastHash: built.manifestHash }, now.toISOString());
    spec.onStored?.(tx, built);
    return tx.select().from(exchangeOutbox).where(eq(exchangeOutbox.packageId, built.manifest.packageId)).get()!;
  });
}

export function getOutboxRow(db: Pick<Db, 'select'>, packageId: string): OutboxRow | undefined {
  return db.select().from(exchangeOutbox).where(eq(exchangeOutbox.packageId, packageId)).get();
}

export function listOutbox(db: Pick<Db, 'select'>, filter: { peerNodeId?: string; statuses?: OutboxRow['status'][] } = {}): Omit<OutboxRow, 'bytes'>[] {
  const conditions = [
    filter.peerNodeId ? eq(exchangeOutbox.peerNodeId, filter.peerNodeId) : undefined,
    filter.statuses ? inArray(exchangeOutbox.status, filter.statuses) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select(pickColumns())
    .from(exchangeOutbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(exchangeOutbox.createdAt), desc(exchangeOutbox.seq))
    .all() as Omit<OutboxRow, 'bytes'>[];
}

function pickColumns() {
  return {
    packageId: exchangeOutbox.packageId,
    peerNodeId: exchangeOutbox.peerNodeId,
    kind: exchangeOutbox.kind,
    seq: exchangeOutbox.seq,
    manifestHash: exchangeOutbox.manifestHash,
    fileName: exchangeOutbox.fileName,
    sizeBytes: exchangeOutbox.sizeBytes,
    summary: exchangeOutbox.summary,
    status: exchangeOutbox.status,
    createdAt: exchangeOutbox.createdAt,
    expiresAt: exchangeOutbox.expiresAt,
    uploadUrl: exchangeOutbox.uploadUrl,
    bytesSent: exchangeOutbox.bytesSent,
    attempts: exchangeOutbox.attempts,
    nextAttemptAt: exchangeOutbox.nextAttemptAt,
    lastError: exchangeOutbox.lastError,
    exportedTo: exchangeOutbox.exportedTo,
    exportedAt: exchangeOutbox.exportedAt,
    uploadedAt: exchangeOutbox.uploadedAt,
    ackedAt: exchangeOutbox.ackedAt,
    receiptPackageId: exchangeOutbox.receiptPackageId,
    answersPackageId: exchangeOutbox.answersPackageId,
  };
}

/** Packages still to be delivered to a peer, oldest first: the order the peer must apply them. */
export function pendingFor(db: Pick<Db, 'select'>, peerNodeId: string): OutboxRow[] {
  return db
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.peerNodeId, peerNodeId), inArray(exchangeOutbox.status, ['ready', 'uploading'])))
    .orderBy(asc(exchangeOutbox.seq))
    .all();
}

/** Packages to a child with a sequence after `after`, for the receiver to hand out. */
export function publishedFor(db: Pick<Db, 'select'>, peerNodeId: string, after: number): Omit<OutboxRow, 'bytes'>[] {
  return listOutbox(db, { peerNodeId })
    .filter((r) => r.seq > after && (r.status === 'ready' || r.status === 'uploading' || r.status === 'uploaded'))
    .sort((a, b) => a.seq - b.seq);
}

export function outboxBytes(db: Pick<Db, 'select'>, packageId: string): Uint8Array {
  const row = getOutboxRow(db, packageId);
  if (!row) throw new AppError('NOT_FOUND', '发件箱中没有这个数据包');
  if (!row.bytes) throw new AppError('CONFLICT', '该数据包已被对方确认接收，文件已清理，不能再次导出');
  return new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
}

export interface FolderExportResult {
  packageId: string;
  fileName: string;
  path: string | null;
  ok: boolean;
  error: { kind: string; reason: string; message: string } | null;
}

/**
 * USB export: each package is written atomically and read back. Stops at the first media error
 * (a full or pulled stick fails every following package the same way).
 */
export async function exportToFolder(station: Station, packageIds: string[], folder: string, fs: FolderFs = realFolderFs): Promise<FolderExportResult[]> {
  const rows = packageIds.map((id) => {
    const row = getOutboxRow(station.db, id);
    if (!row) throw new AppError('NOT_FOUND', `发件箱中没有数据包 ${id.slice(0, 8)}`);
    return row;
  });
  rows.sort((a, b) => (a.peerNodeId === b.peerNodeId ? a.seq - b.seq : a.peerNodeId.localeCompare(b.peerNodeId)));
  const results: FolderExportResult[] = [];
  for (const row of rows) {
    try {
      const path = await writePackageFile(folder, row.fileName, outboxBytes(station.db, row.packageId), fs);
      station.db
        .update(exchangeOutbox)
        .set({ exportedTo: path, exportedAt: station.clock().toISOString() })
        .where(eq(exchangeOutbox.packageId, row.packageId))
        .run();
      results.push({ packageId: row.packageId, fileName: row.fileName, path, ok: true, error: null });
    } catch (err) {
      if (!(err instanceof PackageError) && !(err instanceof AppError)) throw err;
      const e = err instanceof PackageError ? { kind: err.kind, reason: err.reason, message: err.message } : { kind: err.kind, reason: err.kind, message: err.message };
      results.push({ packageId: row.packageId, fileName: row.fileName, path: null, ok: false, error: e });
      if (err instanceof PackageError && err.kind === 'PACKAGE_MEDIA') break;
    }
  }
  return results;
}
