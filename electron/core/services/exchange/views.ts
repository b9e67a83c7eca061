// Rows → what the 数据交换 page shows (types from the API contract, labels in Chinese).
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Station } from '../../station';
import { exchangeInbox, exchangeOutbox, exchangePeerKeys, exchangeReviewTasks } from '../../db/schema';
import { AppError } from '../../api/errors';
import type { NodeSecret } from '../key-slots';
import type {
  CheckView,
  ExchangeOverview,
  HistoryView,
  ImportResultView,
  OutboxView,
  PeerView,
  RegistrationFormView,
  ReviewTaskView,
} from '../../api/contract/exchange';
import type { Page } from '../../api/contract/common';
import { regionPath } from '../regions';
import { maskIdNumber } from '../../domain/masking';
import { readNode } from '../node-setup';
import { CHECK_LABELS, KIND_LABEL, type CheckName, type CheckResult, type ImportResult, type InboxRow } from './import';
import { channelState, childPeers, getPeer, keysOf, parentPeer, LEVEL_LABEL, type PeerRow } from './peers';
import { listOutbox, type OutboxRow } from './outbox';
import { ownKeyView, nodeKeys } from './node-identity';
import { parentNodeIdOf } from './trust';
import type { ReviewTaskRow } from './review-tasks';

const OUTBOX_STATUS: Record<OutboxRow['status'], string> = {
  ready: '待发送',
  uploading: '上传中',
  uploaded: '已送达，待回执',
  acknowledged: '对方已确认',
  refused: '对方拒收',
  superseded: '已作废（前序包被拒收）',
};

/** A package handed over on a stick or as a download is out of the station's hands: it waits for the receipt, not to be sent. */
function outboxStatusLabel(row: Pick<OutboxRow, 'status' | 'exportedAt' | 'exportedTo'>): string {
  if (row.status !== 'ready' || !row.exportedAt) return OUTBOX_STATUS[row.status];
  return row.exportedTo === '下载' ? '已下载，待回执' : '已写入文件夹，待回执';
}

const INBOX_STATUS: Record<InboxRow['status'], string> = {
  applied: '已导入',
  'already-applied': '重复，已导入过',
  held: '暂存，等待缺号的数据包',
  refused: '已拒收',
  'pending-confirmation': '待核对指纹',
};

const TASK_KIND: Record<ReviewTaskRow['kind'], string> = { 'duplicate-person': '跨县重复登记', correction: '数据更正', check: '核查' };
const TASK_STATUS: Record<ReviewTaskRow['status'], string> = { open: '待办', forwarded: '已转乡镇办理', done: '已办结', dismissed: '核实无误' };

const peerName = (station: Station, nodeId: string | null): string | null => (nodeId ? (getPeer(station.db, nodeId)?.name ?? nodeId) : null);

export const checkViews = (checks: CheckResult[]): CheckView[] =>
  checks.map((c) => ({ check: c.check, label: CHECK_LABELS[c.check as CheckName] ?? c.check, ok: c.ok, message: c.message }));

export function outboxView(station: Station, row: Omit<OutboxRow, 'bytes'>): OutboxView {
  return {
    packageId: row.packageId,
    peerNodeId: row.peerNodeId,
    peerName: peerName(station, row.peerNodeId)!,
    kind: row.kind,
    kindLabel: KIND_LABEL[row.kind],
    seq: row.seq,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    status: row.status,
    statusLabel: outboxStatusLabel(row),
    summary: row.summary as Record<string, unknown>,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    progress: row.status === 'uploaded' || row.status === 'acknowledged' ? 1 : row.sizeBytes > 0 ? Math.min(1, row.bytesSent / row.sizeBytes) : 0,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    exportedTo: row.exportedTo,
    exportedAt: row.exportedAt,
    uploadedAt: row.uploadedAt,
    ackedAt: row.ackedAt,
    receiptPackageId: row.receiptPackageId,
  };
}

export function historyView(station: Station, row: InboxRow): HistoryView {
  return {
    id: row.id,
    receivedAt: row.receivedAt,
    source: row.source,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    fileSha256: row.fileSha256,
    packageId: row.packageId,
    kind: row.kind as HistoryView['kind'],
    kindLabel: row.kind ? (KIND_LABEL[row.kind as keyof typeof KIND_LABEL] ?? row.kind) : null,
    senderNodeId: row.senderNodeId,
    senderName: peerName(station, row.senderNodeId),
    seq: row.seq,
    createdAt: row.createdAt,
    status: row.status,
    statusLabel: INBOX_STATUS[row.status],
    errorKind: row.errorKind,
    errorReason: row.errorReason,
    message: row.message,
    checks: checkViews(row.checks as CheckResult[]),
    counts: row.counts as Record<string, number> | null,
    appliedAt: row.appliedAt,
    receiptPackageId: row.receiptPackageId,
  };
}

export function importResultView(r: ImportResult): ImportResultView {
  return {
    historyId: r.historyId,
    status: r.status,
    statusLabel: INBOX_STATUS[r.status],
    packageId: r.packageId,
    kind: r.kind,
    senderNodeId: r.senderNodeId,
    seq: r.seq,
    error: r.error,
    checks: checkViews(r.checks),
    counts: r.counts,
    receiptPackageId: r.receiptPackageId,
    released: r.released.map(importResultView),
  };
}

export function peerView(station: Station, peer: PeerRow): PeerView {
  return {
    nodeId: peer.nodeId,
    relation: peer.relation,
    level: peer.level,
    regionCode: peer.regionCode,
    name: peer.name,
    ageRecipient: peer.ageRecipient,
    keys: keysOf(station.db, peer.nodeId).map((k) => ({
      keyId: k.keyId,
      fingerprint: k.fingerprint,
      status: k.status,
      source: k.source,
      addedAt: k.addedAt,
      confirmedAt: k.confirmedAt,
      confirmedBy: k.confirmedBy,
      retiredAt: k.retiredAt,
    })),
    hasUploadToken: peer.relation === 'child' ? peer.uploadTokenHash !== null : peer.uploadToken !== null,
    receiverUrl: peer.receiverUrl,
    inSeq: channelState(station.db, peer.nodeId, 'in').lastSeq,
    outSeq: channelState(station.db, peer.nodeId, 'out').lastSeq,
    ackedSeq: channelState(station.db, peer.nodeId, 'out').ackedSeq,
  };
}

export function exchangeOverview(station: Station, secret: NodeSecret | null): ExchangeOverview {
  // Opening the page with an unlocked key records the age recipient, so the form can show it.
  let keyUnlocked = false;
  if (secret) {
    try {
      nodeKeys(station, secret);
      keyUnlocked = true;
    } catch {
      keyUnlocked = false;
    }
  }
  const parent = parentPeer(station.db);
  const num = (where: SQL | undefined, table: typeof exchangeOutbox | typeof exchangeInbox | typeof exchangePeerKeys | typeof exchangeReviewTasks) =>
    station.db.select({ n: count() }).from(table).where(where).get()!.n;
  return {
    self: ownKeyView(station),
    keyUnlocked,
    parent: parent ? peerView(station, parent) : null,
    children: childPeers(station.db).map((c) => peerView(station, c)),
    counts: {
      outboxReady: num(inArray(exchangeOutbox.status, ['ready', 'uploading']), exchangeOutbox),
      inboxHeld: num(inArray(exchangeInbox.status, ['held', 'pending-confirmation']), exchangeInbox),
      pendingKeys: num(eq(exchangePeerKeys.status, 'pending'), exchangePeerKeys),
      openReviewTasks: num(and(eq(exchangeReviewTasks.direction, 'received'), eq(exchangeReviewTasks.status, 'open')), exchangeReviewTasks),
    },
  };
}

export function outboxViews(station: Station, filter: { peerNodeId?: string; statuses?: OutboxRow['status'][] }): OutboxView[] {
  return listOutbox(station.db, filter).map((r) => outboxView(station, r));
}

export function inboxViews(station: Station): HistoryView[] {
  return station.db
    .select()
    .from(exchangeInbox)
    .where(inArray(exchangeInbox.status, ['held', 'pending-confirmation']))
    .orderBy(exchangeInbox.senderNodeId, exchangeInbox.seq)
    .all()
    .map((r) => historyView(station, r));
}

export function historyPage(station: Station, input: { offset: number; limit: number; senderNodeId?: string; status?: InboxRow['status'] }): Page<HistoryView> {
  const where = and(
    input.senderNodeId ? eq(exchangeInbox.senderNodeId, input.senderNodeId) : undefined,
    input.status ? eq(exchangeInbox.status, input.status) : undefined,
  );
  const total = station.db.select({ n: count() }).from(exchangeInbox).where(where).get()!.n;
  const rows = station.db.select().from(exchangeInbox).where(where).orderBy(desc(exchangeInbox.id)).limit(input.limit).offset(input.offset).all();
  return { total, rows: rows.map((r) => historyView(station, r)) };
}

export function historyItem(station: Station, id: number): HistoryView {
  const row = station.db.select().from(exchangeInbox).where(eq(exchangeInbox.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '没有这条收包记录');
  return historyView(station, row);
}

export function registrationForm(station: Station): RegistrationFormView {
  const node = readNode(station);
  const own = ownKeyView(station);
  const parentId = parentPeer(station.db)?.nodeId ?? parentNodeIdOf(node);
  const path = regionPath(station.db, node.regionCode).map((r) => r.name).join(' ');
  return {
    title: `扶贫工作站节点密钥登记表（${LEVEL_LABEL[node.level]}级）`,
    nodeId: node.nodeId,
    nodeName: node.name,
    levelLabel: LEVEL_LABEL[node.level],
    regionCode: node.regionCode,
    regionPath: path,
    parent: parentId ? { nodeId: parentId, name: peerName(station, parentId) ?? parentId } : null,
    keyId: own.keyId,
    keyIdGrouped: own.keyIdGrouped,
    fingerprint: own.fingerprint,
    minisignPublicKey: own.minisignPublicKey,
    ageRecipient: own.ageRecipient,
    nodeCreatedAt: node.createdAt,
    printedAt: station.clock().toISOString(),
    instructions: [
      '本表由本节点管理员打印、签字并加盖单位公章后，当面或以机要方式交上级扶贫办。',
      '上级导入本节点的密钥登记包后，须将系统显示的“公钥指纹”与本表逐位核对；一致方可确认。',
      '如不一致，或对方未提交本表，请不要确认，并电话联系本节点管理员（不要使用数据包中提供的电话）。',
      '指纹可按四位一组电话核读。公钥本身不需保密；节点私钥只保存在本机，由管理员密码保护。',
    ],
    signatures: ['节点管理员（签字）：', '单位负责人（签字）：', '单位（盖章）：', '日期：'],
  };
}

export function reviewTaskView(station: Station, row: ReviewTaskRow): ReviewTaskView {
  return {
    ...row,
    detail: maskedDetail(row.detail as Record<string, unknown>),
    peerName: peerName(station, row.peerNodeId)!,
    kindLabel: TASK_KIND[row.kind],
    statusLabel: TASK_STATUS[row.status],
  };
}

/** A duplicate's task carries the full ID number for the county's records; the page shows it masked. */
function maskedDetail(detail: Record<string, unknown>): Record<string, unknown> {
  const { idNumber, ...rest } = detail;
  return typeof idNumber === 'string' ? { ...rest, idMasked: maskIdNumber(idNumber) } : detail;
}
