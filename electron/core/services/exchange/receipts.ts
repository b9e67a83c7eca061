// Receipts: the signed answer to every authenticated package. Applied: the sender's outbox entry
// is done and the next report starts after the acknowledged change. Refused: the sender learns
// why, and (when nothing after it was applied) rewinds its channel to make a corrected package
// under the same sequence number.
import { and, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { exchangeOutbox, exchangeReceipts, exchangeReviewTasks } from '../../db/schema';
import { RECEIPT_FILE, jsonBytes, type Finding, type Receipt } from '../../exchange/payloads';
import type { Manifest } from '../../exchange/manifest';
import { channelState, saveChannel, type PeerRow } from './peers';
import { createOutgoing, type OutboxRow } from './outbox';
import type { NodeKeys } from './node-identity';
import { ensureTrustFirst } from './trust';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ReceiptInput {
  manifest: Manifest;
  manifestHash: string;
  status: Receipt['status'];
  error: { kind: string; message: string } | null;
  counts: Record<string, number>;
  findings: Finding[];
}

/** Builds the receipt for a package from `peer` and puts it in the outbox. Lock held. */
export async function createReceipt(station: Station, keys: NodeKeys, peer: PeerRow, input: ReceiptInput): Promise<OutboxRow> {
  await ensureTrustFirst(station, keys, peer);
  const inChannel = channelState(station.db, peer.nodeId, 'in');
  const m = input.manifest;
  const receipt: Receipt = {
    forPackageId: m.packageId,
    forKind: m.kind,
    forSeq: m.channel.seq,
    forManifestHash: input.manifestHash,
    status: input.status,
    errorKind: input.error?.kind ?? null,
    message: input.error?.message.slice(0, 2000) ?? null,
    acceptedSeq: inChannel.lastSeq,
    acceptedHash: inChannel.lastHash,
    changeToSeq: input.status === 'applied' && m.kind === 'report' ? (m.changeRange?.toSeq ?? null) : null,
    counts: input.counts,
    findings: input.findings.slice(0, 10_000),
  };
  return createOutgoing(station, keys, {
    peer,
    kind: 'receipt',
    files: [{ name: RECEIPT_FILE, bytes: jsonBytes(receipt) }],
    recordCounts: {},
    changeRange: null,
    summary: { forPackageId: m.packageId, forKind: m.kind, forSeq: m.channel.seq, status: input.status, errorKind: receipt.errorKind },
    answersPackageId: m.packageId,
    onStored: (tx, built) => {
      tx.insert(exchangeReceipts)
        .values({
          packageId: built.manifest.packageId,
          direction: 'sent',
          peerNodeId: peer.nodeId,
          forPackageId: m.packageId,
          forSeq: m.channel.seq,
          status: input.status,
          errorKind: receipt.errorKind,
          message: receipt.message,
          findings: receipt.findings,
          createdAt: built.manifest.createdAt,
        })
        .run();
    },
  });
}

/** At the original sender: what the peer said about one of our packages. Inside the import transaction. */
export function applyReceipt(tx: Tx, station: Station, peer: PeerRow, receiptManifest: Manifest, receipt: Receipt): Finding[] {
  const now = station.clock().toISOString();
  const findings: Finding[] = [];
  tx.insert(exchangeReceipts)
    .values({
      packageId: receiptManifest.packageId,
      direction: 'received',
      peerNodeId: peer.nodeId,
      forPackageId: receipt.forPackageId,
      forSeq: receipt.forSeq,
      status: receipt.status,
      errorKind: receipt.errorKind,
      message: receipt.message,
      findings: receipt.findings,
      createdAt: receiptManifest.createdAt,
    })
    .run();
  const sent = tx
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.packageId, receipt.forPackageId), eq(exchangeOutbox.peerNodeId, peer.nodeId)))
    .get();
  if (!sent || sent.seq !== receipt.forSeq || sent.manifestHash !== receipt.forManifestHash) {
    markDelivered(tx, peer.nodeId, receipt.acceptedSeq, now);
    findings.push({ kind: 'receipt-unmatched', message: '回执所答复的数据包不在本站发件箱中（可能来自数据恢复之前），已记录', table: null, rowId: null });
    return findings;
  }
  markDelivered(tx, peer.nodeId, receipt.acceptedSeq, now);
  const channel = channelState(tx, peer.nodeId, 'out');
  if (receipt.status === 'applied') {
    tx.update(exchangeOutbox)
      .set({ status: 'acknowledged', ackedAt: now, receiptPackageId: receiptManifest.packageId, bytes: null, lastError: null })
      .where(eq(exchangeOutbox.packageId, sent.packageId))
      .run();
    saveChannel(
      tx,
      peer.nodeId,
      'out',
      {
        ackedSeq: Math.max(channel.ackedSeq, sent.seq),
        ackedChangeSeq: receipt.changeToSeq === null ? channel.ackedChangeSeq : Math.max(channel.ackedChangeSeq, receipt.changeToSeq),
      },
      now,
    );
    return findings;
  }
  tx.update(exchangeOutbox)
    .set({ status: 'refused', receiptPackageId: receiptManifest.packageId, lastError: receipt.message })
    .where(eq(exchangeOutbox.packageId, sent.packageId))
    .run();
  // Resolutions that package carried go up again in the next report.
  tx.update(exchangeReviewTasks).set({ reportedIn: null }).where(eq(exchangeReviewTasks.reportedIn, sent.packageId)).run();
  // Rewind only when the peer's channel ends right before the refused package with our own
  // previous package: then nothing of ours after it can have been applied.
  const previous = tx
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.peerNodeId, peer.nodeId), eq(exchangeOutbox.seq, sent.seq - 1)))
    .get();
  const ourPrevHash = sent.seq === 1 ? null : (previous?.manifestHash ?? undefined);
  if (receipt.acceptedSeq === sent.seq - 1 && receipt.acceptedHash === ourPrevHash && channel.lastSeq >= sent.seq) {
    tx.update(exchangeOutbox)
      .set({ status: 'superseded', bytes: null })
      .where(and(eq(exchangeOutbox.peerNodeId, peer.nodeId), gt(exchangeOutbox.seq, sent.seq), ne(exchangeOutbox.status, 'acknowledged')))
      .run();
    saveChannel(tx, peer.nodeId, 'out', { lastSeq: sent.seq - 1, lastHash: ourPrevHash ?? null }, now);
    findings.push({ kind: 'channel-rewound', message: `第 ${sent.seq} 号数据包被拒收，已撤回其后尚未确认的数据包；修正后重新生成即可`, table: null, rowId: null });
  }
  return findings;
}

/**
 * The peer applies our packages strictly in sequence, so "applied up to N" covers every one of
 * ours up to N, including receipts and trust packages, which get no receipt of their own.
 */
export function markDelivered(tx: Tx, peerNodeId: string, upTo: number, now: string): void {
  if (upTo <= 0) return;
  tx.update(exchangeOutbox)
    .set({ status: 'acknowledged', ackedAt: now, bytes: null })
    .where(and(eq(exchangeOutbox.peerNodeId, peerNodeId), lte(exchangeOutbox.seq, upTo), inArray(exchangeOutbox.status, ['ready', 'uploading', 'uploaded'])))
    .run();
  const channel = channelState(tx, peerNodeId, 'out');
  if (upTo > channel.ackedSeq && upTo <= channel.lastSeq) saveChannel(tx, peerNodeId, 'out', { ackedSeq: upTo }, now);
}
