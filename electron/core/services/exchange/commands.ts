// The exchange's entry points for the API, the CLI and the receiver: each takes the caller's
// unlocked secret, holds the exchange lock for its whole run and records what it did.
import { and, eq } from 'drizzle-orm';
import { basename } from 'node:path';
import type { Station } from '../../station';
import { writeFile } from 'node:fs/promises';
import { exchangeInbox, exchangeOutbox, exchangePeerKeys } from '../../db/schema';
import { recordEvent, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { NodeSecret } from '../key-slots';
import { openPackage } from '../../exchange/package-format';
import { PackageError } from '../../exchange/package-errors';
import { listPackageFiles, readPackageFile, realFolderFs, type FolderFs } from '../../exchange/usb';
import { DEFAULT_ZIP_LIMITS } from '../../exchange/zip';
import type { Directive } from '../../exchange/payloads';
import { withExchangeLock } from './lock';
import { nodeKeys } from './node-identity';
import { importLocked, type ImportOptions, type ImportResult } from './import';
import { createReport, type ReportMode } from './report-export';
import { createKeyRegistration, createTrustPackage } from './trust';
import { createDirective } from './directives';
import { exportToFolder, getOutboxRow, outboxBytes, type FolderExportResult, type OutboxRow } from './outbox';
import { sendDuplicateReviewTasks, type DuplicateDispatch } from './province';
import { normalizeFingerprint } from './peers';

export interface Caller {
  secret: NodeSecret | null | undefined;
  actor: Actor;
}

export function exportReport(station: Station, caller: Caller, options: { mode?: ReportMode | 'auto'; expiresInDays?: number } = {}): Promise<OutboxRow> {
  return withExchangeLock(station, async () => {
    const row = await createReport(station, nodeKeys(station, caller.secret), options);
    recordEvent(station.db, caller.actor, { action: 'package.create.report', entity: 'package', entityId: row.packageId }, { seq: row.seq, summary: row.summary }, station.clock());
    return row;
  });
}

export function exportKeyRegistration(station: Station, caller: Caller): Promise<OutboxRow> {
  return withExchangeLock(station, async () => {
    const row = await createKeyRegistration(station, nodeKeys(station, caller.secret));
    recordEvent(station.db, caller.actor, { action: 'package.create.key', entity: 'package', entityId: row.packageId }, { seq: row.seq }, station.clock());
    return row;
  });
}

export function exportTrust(station: Station, caller: Caller, childNodeId: string): Promise<OutboxRow> {
  return withExchangeLock(station, async () => {
    const row = await createTrustPackage(station, nodeKeys(station, caller.secret), childNodeId);
    recordEvent(station.db, caller.actor, { action: 'package.create.trust', entity: 'package', entityId: row.packageId }, { to: childNodeId }, station.clock());
    return row;
  });
}

export function exportDirective(station: Station, caller: Caller, recipientNodeId: string, directive: Directive, expiresInDays?: number): Promise<OutboxRow> {
  return withExchangeLock(station, async () => {
    const row = await createDirective(station, nodeKeys(station, caller.secret), recipientNodeId, directive, { expiresInDays });
    recordEvent(station.db, caller.actor, { action: 'package.create.directive', entity: 'package', entityId: row.packageId }, { to: recipientNodeId }, station.clock());
    return row;
  });
}

export function dispatchDuplicateTasks(station: Station, caller: Caller): Promise<DuplicateDispatch> {
  return withExchangeLock(station, async () => {
    const result = await sendDuplicateReviewTasks(station, nodeKeys(station, caller.secret));
    recordEvent(station.db, caller.actor, { action: 'exchange.duplicateTasks', entity: 'package' }, { duplicates: result.duplicates, directives: result.directives.length }, station.clock());
    return result;
  });
}

/**
 * A person compared the child's fingerprint with its paper registration form: the pending key
 * becomes active and the registration package waiting for it is imported (which answers it).
 */
export function confirmPeerKey(station: Station, caller: Caller, input: { nodeId: string; fingerprint: string }): Promise<ImportResult | null> {
  return withExchangeLock(station, async () => {
    nodeKeys(station, caller.secret); // a locked key fails here, before anything changes
    const pending = station.db
      .select()
      .from(exchangePeerKeys)
      .where(and(eq(exchangePeerKeys.nodeId, input.nodeId), eq(exchangePeerKeys.status, 'pending')))
      .all();
    const match = pending.find((k) => normalizeFingerprint(k.fingerprint) === normalizeFingerprint(input.fingerprint));
    if (pending.length === 0) throw new AppError('NOT_FOUND', `${input.nodeId} 没有待确认的密钥`);
    if (!match) throw new AppError('INVALID_INPUT', '输入的指纹与待确认的密钥不符：请对照下级的密钥登记表逐位核对；不符时不要确认，并电话联系对方');
    station.db
      .update(exchangePeerKeys)
      .set({ status: 'active', confirmedAt: station.clock().toISOString(), confirmedBy: caller.actor.username })
      .where(and(eq(exchangePeerKeys.nodeId, input.nodeId), eq(exchangePeerKeys.keyId, match.keyId)))
      .run();
    recordEvent(station.db, caller.actor, { action: 'exchange.keyConfirm', entity: 'exchange_peer', entityId: input.nodeId }, { keyId: match.keyId }, station.clock());
    const waiting = station.db
      .select()
      .from(exchangeInbox)
      .where(and(eq(exchangeInbox.senderNodeId, input.nodeId), eq(exchangeInbox.status, 'pending-confirmation')))
      .all();
    let result: ImportResult | null = null;
    for (const row of waiting) {
      if (!row.bytes) continue;
      const r = await importLocked(station, row.bytes, { source: row.source, fileName: row.fileName, secret: caller.secret, actor: caller.actor }, row.id);
      if (row.seq === 1 || !result) result = r;
    }
    return result;
  });
}

export function importBytes(station: Station, caller: Caller, bytes: Uint8Array, options: Omit<ImportOptions, 'secret' | 'actor'>): Promise<ImportResult> {
  return withExchangeLock(station, () => importLocked(station, bytes, { ...options, secret: caller.secret, actor: caller.actor }, null));
}

/** `fileName`: the name the user picked, for a file that arrived as an upload under another name. */
export async function importFile(station: Station, caller: Caller, path: string, options: { trustFingerprint?: string | null; fileName?: string } = {}): Promise<ImportResult> {
  const bytes = await readWithinLimit(path);
  return importBytes(station, caller, bytes, { source: 'file', fileName: options.fileName ?? basename(path), trustFingerprint: options.trustFingerprint ?? null });
}

async function readWithinLimit(path: string, fs: FolderFs = realFolderFs): Promise<Uint8Array> {
  const st = await fs.stat(path).catch(() => null);
  if (!st || !st.isFile()) throw new AppError('NOT_FOUND', `找不到数据包文件：${basename(path)}`);
  // A file larger than any package is refused before it is read into memory.
  if (st.size > DEFAULT_ZIP_LIMITS.maxArchiveBytes) {
    throw new AppError('INVALID_INPUT', `文件过大（${Math.round(st.size / 1048576)} MB），不是本系统的数据包`);
  }
  return readPackageFile(path, fs);
}

export interface FolderImportResult {
  fileName: string;
  result: ImportResult | null;
  error: { kind: string; message: string } | null;
}

/**
 * A USB stick's packages, in an order that lets each one through: trust first (it makes the
 * parent known), then registrations, then per sender by sequence. Packages for other nodes on
 * the same stick are refused as misaddressed, and each file's result is reported.
 */
export function importFolder(station: Station, caller: Caller, folder: string, options: { trustFingerprint?: string | null; fs?: FolderFs } = {}): Promise<FolderImportResult[]> {
  return withExchangeLock(station, async () => {
    nodeKeys(station, caller.secret);
    const fs = options.fs ?? realFolderFs;
    const files = await listPackageFiles(folder, fs);
    const loaded: { fileName: string; bytes: Uint8Array | null; order: [number, string, number]; error: FolderImportResult['error'] }[] = [];
    for (const f of files) {
      if (f.size > DEFAULT_ZIP_LIMITS.maxArchiveBytes) {
        loaded.push({ fileName: f.name, bytes: null, order: [9, f.name, 0], error: { kind: 'PACKAGE_TOO_LARGE', message: `文件过大（${Math.round(f.size / 1048576)} MB），已跳过` } });
        continue;
      }
      const bytes = await readPackageFile(f.path, fs);
      let order: [number, string, number] = [8, f.name, 0];
      try {
        const m = openPackage(bytes).manifest;
        order = [m.kind === 'trust' ? 0 : m.kind === 'key' ? 1 : 2, m.sender.nodeId, m.channel.seq];
      } catch (err) {
        if (!(err instanceof PackageError)) throw err;
      }
      loaded.push({ fileName: f.name, bytes, order, error: null });
    }
    loaded.sort((a, b) => a.order[0] - b.order[0] || a.order[1].localeCompare(b.order[1]) || a.order[2] - b.order[2]);
    const results: FolderImportResult[] = [];
    for (const item of loaded) {
      if (!item.bytes) {
        results.push({ fileName: item.fileName, result: null, error: item.error });
        continue;
      }
      const result = await importLocked(
        station,
        item.bytes,
        { source: 'usb', fileName: item.fileName, secret: caller.secret, actor: caller.actor, trustFingerprint: item.order[0] === 0 ? (options.trustFingerprint ?? null) : null },
        null,
      );
      results.push({ fileName: item.fileName, result, error: null });
    }
    return results;
  });
}

/**
 * A package handed to the user as a download (the browser's downloads or the save dialog): the
 * same bytes as on a USB stick, written where the download door serves them from.
 */
export async function writeForDownload(station: Station, caller: Caller, packageId: string, target: (fileName: string) => string): Promise<{ fileName: string }> {
  return withExchangeLock(station, async () => {
    const row = getOutboxRow(station.db, packageId);
    if (!row) throw new AppError('NOT_FOUND', '发件箱中没有这个数据包');
    await writeFile(target(row.fileName), outboxBytes(station.db, packageId));
    station.db.update(exchangeOutbox).set({ exportedTo: '下载', exportedAt: station.clock().toISOString() }).where(eq(exchangeOutbox.packageId, packageId)).run();
    recordEvent(station.db, caller.actor, { action: 'package.download', entity: 'package', entityId: packageId }, { seq: row.seq }, station.clock());
    return { fileName: row.fileName };
  });
}

export function writeToFolder(station: Station, caller: Caller, packageIds: string[], folder: string, fs?: FolderFs): Promise<FolderExportResult[]> {
  return withExchangeLock(station, async () => {
    const results = await exportToFolder(station, packageIds, folder, fs);
    recordEvent(station.db, caller.actor, { action: 'package.exportFolder', entity: 'package' }, { written: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length }, station.clock());
    return results;
  });
}
