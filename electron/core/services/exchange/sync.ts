// Online delivery to the parent's receiver: the outbox is uploaded with tus (tus-js-client), in
// sequence order. A dropped link is retried with growing delays inside one attempt; the upload
// URL is kept in the outbox row, so the next attempt (or the next start of the app) resumes
// from the byte the receiver has instead of starting over. After the uploads, the receipts and
// directives the parent published for us are fetched and imported.
import type { DetailedError } from 'tus-js-client';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Station } from '../../station';
import { exchangeOutbox } from '../../db/schema';
import { AppError } from '../../api/errors';
import { logError } from '../../log';
import { channelState, parentPeer, type PeerRow } from './peers';
import { outboxBytes, type OutboxRow } from './outbox';
import { importBytes, type Caller } from './commands';
import type { ImportResult } from './import';
import { nodeKeys } from './node-identity';

export interface SyncProgress {
  packageId: string;
  fileName: string;
  bytesSent: number;
  bytesTotal: number;
}

export interface SyncOptions {
  /** Delays between automatic retries of one upload after a dropped link (ms). */
  retryDelays?: number[];
  chunkSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /** Upload even packages whose next attempt is not due yet (the 立即同步 button). */
  force?: boolean;
  timeoutMs?: number;
}

export interface SyncResult {
  uploaded: { packageId: string; seq: number; status: string; message: string | null }[];
  failed: { packageId: string; seq: number; message: string; nextAttemptAt: string } | null;
  fetched: ImportResult[];
  fetchError: string | null;
}

export const DEFAULT_RETRY_DELAYS = [0, 1_000, 3_000, 10_000, 30_000];
const MAX_BACKOFF_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … up to an hour between attempts that failed altogether. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
}

const running = new WeakMap<Station, Promise<SyncResult>>();

/** One synchronisation; a second call while one runs gets the same result. */
export function syncWithParent(station: Station, caller: Caller, options: SyncOptions = {}): Promise<SyncResult> {
  const current = running.get(station);
  if (current) return current;
  const run = doSync(station, caller, options).finally(() => running.delete(station));
  running.set(station, run);
  return run;
}

async function doSync(station: Station, caller: Caller, options: SyncOptions): Promise<SyncResult> {
  nodeKeys(station, caller.secret);
  const parent = parentPeer(station.db);
  if (!parent?.receiverUrl || !parent.uploadToken) {
    throw new AppError('NOT_FOUND', '尚未设置上级接收服务的地址和上传凭据（数据交换 → 上级节点 → 在线报送设置）');
  }
  const result: SyncResult = { uploaded: [], failed: null, fetched: [], fetchError: null };
  const now = station.clock().toISOString();
  const due = station.db
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.peerNodeId, parent.nodeId), inArray(exchangeOutbox.status, ['ready', 'uploading'])))
    .orderBy(asc(exchangeOutbox.seq))
    .all();
  for (const row of due) {
    if (!options.force && row.nextAttemptAt && row.nextAttemptAt > now) break;
    try {
      const answer = await uploadOne(station, parent, row, options);
      const refused = answer.status === 'refused';
      station.db
        .update(exchangeOutbox)
        .set({
          status: refused ? 'refused' : row.status === 'uploading' || row.status === 'ready' ? 'uploaded' : row.status,
          uploadedAt: station.clock().toISOString(),
          uploadUrl: null,
          bytesSent: row.sizeBytes,
          lastError: refused ? (answer.error?.message ?? '对方拒收') : null,
          nextAttemptAt: null,
        })
        .where(eq(exchangeOutbox.packageId, row.packageId))
        .run();
      result.uploaded.push({ packageId: row.packageId, seq: row.seq, status: answer.status, message: answer.error?.message ?? null });
    } catch (err) {
      const attempts = row.attempts + 1;
      const next = new Date(station.clock().getTime() + backoffMs(attempts)).toISOString();
      const message = describeUploadError(err);
      station.db
        .update(exchangeOutbox)
        .set({ status: 'ready', attempts, nextAttemptAt: next, lastError: message })
        .where(eq(exchangeOutbox.packageId, row.packageId))
        .run();
      result.failed = { packageId: row.packageId, seq: row.seq, message, nextAttemptAt: next };
      // Later packages would only be held at the parent until this one arrives.
      break;
    }
  }
  try {
    result.fetched = await fetchFromParent(station, caller, parent, options.timeoutMs ?? 60_000);
  } catch (err) {
    result.fetchError = describeUploadError(err);
  }
  return result;
}

interface ReceiverAnswer {
  status: string;
  error: { kind: string; message: string } | null;
}

async function uploadOne(station: Station, parent: PeerRow, row: OutboxRow, options: SyncOptions): Promise<ReceiverAnswer> {
  // loaded on first upload, not at every start of the station
  const { Upload } = await import('tus-js-client');
  const bytes = Buffer.from(outboxBytes(station.db, row.packageId));
  let lastSaved = 0;
  return new Promise<ReceiverAnswer>((resolve, reject) => {
    const upload = new Upload(bytes, {
      endpoint: `${parent.receiverUrl}/uploads`,
      uploadUrl: row.uploadUrl,
      headers: { Authorization: `Bearer ${parent.uploadToken}` },
      metadata: { filename: row.fileName },
      chunkSize: options.chunkSize ?? 1024 * 1024,
      retryDelays: options.retryDelays ?? DEFAULT_RETRY_DELAYS,
      storeFingerprintForResuming: false,
      // Our own bookkeeping is the outbox row: the URL is saved as soon as the receiver gives it.
      onUploadUrlAvailable() {
        station.db.update(exchangeOutbox).set({ uploadUrl: upload.url, status: 'uploading' }).where(eq(exchangeOutbox.packageId, row.packageId)).run();
      },
      onProgress(sent, total) {
        options.onProgress?.({ packageId: row.packageId, fileName: row.fileName, bytesSent: sent, bytesTotal: total });
        if (sent - lastSaved >= 256 * 1024 || sent === total) {
          lastSaved = sent;
          station.db.update(exchangeOutbox).set({ bytesSent: sent }).where(eq(exchangeOutbox.packageId, row.packageId)).run();
        }
      },
      onShouldRetry(err) {
        const status = err.originalResponse?.getStatus() ?? 0;
        // A refused token or a package that is too large will not get better by retrying.
        return status !== 401 && status !== 403 && status !== 413;
      },
      onSuccess({ lastResponse }) {
        try {
          resolve(JSON.parse(lastResponse.getBody()) as ReceiverAnswer);
        } catch {
          resolve({ status: 'uploaded', error: null });
        }
      },
      onError: reject,
    });
    upload.start();
  });
}

async function fetchFromParent(station: Station, caller: Caller, parent: PeerRow, timeoutMs: number): Promise<ImportResult[]> {
  const headers = { Authorization: `Bearer ${parent.uploadToken}` };
  const after = channelState(station.db, parent.nodeId, 'in').lastSeq;
  const list = await fetch(`${parent.receiverUrl}/packages?after=${after}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!list.ok) throw new AppError('INTERNAL', `接收服务返回 ${list.status}`);
  const { packages } = (await list.json()) as { packages: { packageId: string; seq: number; fileName: string }[] };
  const results: ImportResult[] = [];
  for (const p of packages.sort((a, b) => a.seq - b.seq)) {
    const res = await fetch(`${parent.receiverUrl}/packages/${p.packageId}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new AppError('INTERNAL', `下载第 ${p.seq} 号数据包失败（${res.status}）`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    results.push(await importBytes(station, caller, bytes, { source: 'fetch', fileName: p.fileName }));
  }
  return results;
}

function describeUploadError(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const detailed = err as Partial<DetailedError>;
  const status = detailed.originalResponse?.getStatus?.();
  if (status === 401 || status === 403) return '上级接收服务拒绝了上传凭据：请向上级索取新的上传凭据';
  if (status === 413) return '数据包超过上级接收服务允许的大小';
  if (status) return `上级接收服务返回错误（${status}），稍后将自动重试`;
  logError('exchange sync', err);
  return '无法连接上级接收服务（网络中断或服务未启动），已保存进度，稍后将自动从断点继续';
}

/** A background loop for the desktop app: syncs when something is due, every `intervalMs`. */
export function startSyncLoop(station: Station, caller: () => Caller | null, intervalMs = 60_000): () => void {
  const timer = setInterval(() => {
    const c = caller();
    if (!c?.secret || !parentPeer(station.db)?.receiverUrl) return;
    syncWithParent(station, c).catch((err) => logError('exchange sync loop', err));
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
