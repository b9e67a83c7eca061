// The nodes this node talks to and their keys. A key becomes trusted only by a person comparing
// its fingerprint with the paper registration form (or the parent's form, for the parent's key):
// a package alone can introduce a key as pending, never as active.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { exchangePeerKeys, exchangePeers, exchangeChannels } from '../../db/schema';
import { AppError } from '../../api/errors';
import { recordEvent, type Actor } from '../../db/write-path';
import { importMinisignPublicKey, keyIdHex, parseKeyIdHex, publicKeyFingerprint, MinisignError, type MinisignPublicKey } from '../../exchange/minisign';
import { isAgeRecipient } from '../../exchange/age';
import { regionWithin, levelOfCode } from '../../domain/region-code';
import { getRegion } from '../regions';
import { readNode } from '../node-setup';
import { parseNodeId } from './node-identity';

export type PeerRow = typeof exchangePeers.$inferSelect;
export type PeerKeyRow = typeof exchangePeerKeys.$inferSelect;
type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
type NodeLevel = PeerRow['level'];

const CHILD_LEVEL: Record<NodeLevel, NodeLevel | null> = { province: 'county', county: 'township', township: null };
const PARENT_LEVEL: Record<NodeLevel, NodeLevel | null> = { province: null, county: 'province', township: 'county' };
export const LEVEL_LABEL: Record<NodeLevel, string> = { province: '省', county: '县', township: '乡镇' };

export function getPeer(db: Tx, nodeId: string): PeerRow | undefined {
  return db.select().from(exchangePeers).where(eq(exchangePeers.nodeId, nodeId)).get();
}

export function parentPeer(db: Tx): PeerRow | undefined {
  return db.select().from(exchangePeers).where(eq(exchangePeers.relation, 'parent')).get();
}

export function childPeers(db: Tx): PeerRow[] {
  return db.select().from(exchangePeers).where(eq(exchangePeers.relation, 'child')).orderBy(exchangePeers.regionCode).all();
}

export function keysOf(db: Tx, nodeId: string): PeerKeyRow[] {
  return db.select().from(exchangePeerKeys).where(eq(exchangePeerKeys.nodeId, nodeId)).orderBy(exchangePeerKeys.addedAt).all();
}

export function findKey(db: Tx, nodeId: string, keyId: string): PeerKeyRow | undefined {
  return db
    .select()
    .from(exchangePeerKeys)
    .where(and(eq(exchangePeerKeys.nodeId, nodeId), eq(exchangePeerKeys.keyId, keyId)))
    .get();
}

export function activeKey(db: Tx, nodeId: string): PeerKeyRow | undefined {
  return db
    .select()
    .from(exchangePeerKeys)
    .where(and(eq(exchangePeerKeys.nodeId, nodeId), eq(exchangePeerKeys.status, 'active')))
    .get();
}

export function minisignKeyOf(row: Pick<PeerKeyRow, 'keyId' | 'publicKey'>): MinisignPublicKey {
  return {
    keyId: parseKeyIdHex(row.keyId),
    publicKey: new Uint8Array(Buffer.from(row.publicKey, 'base64')),
  };
}

export const normalizeFingerprint = (text: string): string => text.replace(/[\s-]+/g, '').toUpperCase();

export const fingerprintOf = (publicKeyBase64: string): string => publicKeyFingerprint(new Uint8Array(Buffer.from(publicKeyBase64, 'base64')));

/**
 * Which relation a node can have to us, from the levels and regions: a child is one level below
 * and inside our region, the parent one level above and around it. Anything else is refused.
 */
export function relationTo(station: Station, peerNodeId: string): { relation: 'parent' | 'child'; level: NodeLevel; regionCode: string } {
  const own = readNode(station);
  const parsed = parseNodeId(peerNodeId);
  if (!parsed) throw new AppError('INVALID_INPUT', `节点编号「${peerNodeId.slice(0, 40)}」格式不对（应为 级别-12位区划代码）`);
  if (parsed.level === CHILD_LEVEL[own.level] && regionWithin(own.regionCode, parsed.regionCode) && levelOfCode(parsed.regionCode) === parsed.level) {
    return { relation: 'child', ...parsed };
  }
  if (parsed.level === PARENT_LEVEL[own.level] && regionWithin(parsed.regionCode, own.regionCode) && levelOfCode(parsed.regionCode) === parsed.level) {
    return { relation: 'parent', ...parsed };
  }
  throw new AppError('INVALID_INPUT', `节点 ${peerNodeId} 既不是本节点的上级，也不是本节点辖区内的下一级节点`);
}

export function regionNameOf(station: Station, code: string): string {
  return getRegion(station.db, code)?.name ?? code;
}

/** Creates the peer row if missing (name, level and region follow from the node id). */
export function ensurePeer(tx: Tx, station: Station, nodeId: string, name: string | null, now: string): PeerRow {
  const existing = getPeer(tx, nodeId);
  if (existing) return existing;
  const rel = relationTo(station, nodeId);
  if (rel.relation === 'parent' && parentPeer(tx)) {
    throw new AppError('CONFLICT', '本节点已登记了另一个上级节点；如上级更换，请先删除原上级的登记');
  }
  const row = {
    nodeId,
    relation: rel.relation,
    level: rel.level,
    regionCode: rel.regionCode,
    name: name?.trim() || `${regionNameOf(station, rel.regionCode)}${rel.level === 'township' ? '扶贫工作站' : '扶贫办'}`,
    createdAt: now,
  };
  tx.insert(exchangePeers).values(row).run();
  return getPeer(tx, nodeId)!;
}

export function setAgeRecipient(tx: Tx, nodeId: string, recipient: string | null): void {
  if (recipient === null) return;
  if (!isAgeRecipient(recipient)) throw new AppError('INVALID_INPUT', '加密公钥格式不对（应为 age1 开头）');
  tx.update(exchangePeers).set({ ageRecipient: recipient }).where(eq(exchangePeers.nodeId, nodeId)).run();
}

export function insertKey(
  tx: Tx,
  nodeId: string,
  key: { keyId: string; publicKey: string },
  status: PeerKeyRow['status'],
  source: PeerKeyRow['source'],
  now: string,
  confirmedBy: string | null,
): void {
  tx.insert(exchangePeerKeys)
    .values({
      nodeId,
      keyId: key.keyId,
      publicKey: key.publicKey,
      fingerprint: fingerprintOf(key.publicKey),
      status,
      source,
      addedAt: now,
      confirmedAt: status === 'active' ? now : null,
      confirmedBy: status === 'active' ? confirmedBy : null,
    })
    .run();
}

export interface ManualTrustInput {
  nodeId: string;
  name?: string | null;
  /** A minisign public key file's text or its bare base64 line. */
  publicKey: string;
  ageRecipient?: string | null;
  /** What the person read off the parent's registration form; must match. */
  fingerprint: string;
}

/**
 * Registers the parent's key by hand, e.g. a province key made with the stock `minisign -G`.
 * The fingerprint typed from the parent's form must match the key, as for a trust package.
 */
export function addParentKeyManually(station: Station, actor: Actor, input: ManualTrustInput): PeerRow {
  let key: MinisignPublicKey;
  try {
    key = importMinisignPublicKey(input.publicKey);
  } catch (err) {
    throw new AppError('INVALID_INPUT', err instanceof MinisignError ? err.message : '公钥格式不对');
  }
  const rel = relationTo(station, input.nodeId);
  if (rel.relation !== 'parent') throw new AppError('INVALID_INPUT', `${input.nodeId} 不是本节点的上级节点`);
  const publicKey = Buffer.from(key.publicKey).toString('base64');
  if (normalizeFingerprint(input.fingerprint) !== normalizeFingerprint(fingerprintOf(publicKey))) {
    throw new AppError('INVALID_INPUT', '输入的指纹与该公钥不符：请对照上级单位的密钥登记表逐位核对，确认无误后再登记');
  }
  const now = station.clock().toISOString();
  const keyId = keyIdHex(key.keyId);
  station.db.transaction((tx) => {
    ensurePeer(tx, station, input.nodeId, input.name ?? null, now);
    if (input.ageRecipient) setAgeRecipient(tx, input.nodeId, input.ageRecipient);
    if (findKey(tx, input.nodeId, keyId)) throw new AppError('CONFLICT', '该公钥已登记');
    if (activeKey(tx, input.nodeId)) throw new AppError('CONFLICT', '上级节点已有有效公钥；更换密钥应由上级发送经旧密钥签名的密钥更换包');
    insertKey(tx, input.nodeId, { keyId, publicKey }, 'active', 'manual', now, actor.username);
  });
  recordEvent(station.db, actor, { action: 'exchange.trustAdd', entity: 'exchange_peer', entityId: input.nodeId }, { keyId, source: 'manual' }, station.clock());
  return getPeer(station.db, input.nodeId)!;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new upload token for a child (the old one stops working); shown once, stored hashed. */
export function issueUploadToken(station: Station, actor: Actor, childNodeId: string): string {
  const peer = getPeer(station.db, childNodeId);
  if (!peer || peer.relation !== 'child') throw new AppError('NOT_FOUND', `没有登记下级节点 ${childNodeId}`);
  const token = `fpt_${randomBytes(24).toString('base64url')}`;
  station.db.update(exchangePeers).set({ uploadTokenHash: hashToken(token) }).where(eq(exchangePeers.nodeId, childNodeId)).run();
  recordEvent(station.db, actor, { action: 'exchange.uploadToken', entity: 'exchange_peer', entityId: childNodeId }, null, station.clock());
  return token;
}

/** The child whose token this is, for the receiver; constant work whether or not it matches. */
export function peerByUploadToken(db: Tx, token: string): PeerRow | undefined {
  if (!/^fpt_[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  return db.select().from(exchangePeers).where(eq(exchangePeers.uploadTokenHash, hashToken(token))).get();
}

export function setUploadTarget(station: Station, actor: Actor, input: { url: string; token: string }): PeerRow {
  const parent = parentPeer(station.db);
  if (!parent) throw new AppError('NOT_FOUND', '尚未登记上级节点，请先导入上级的信任包或登记上级公钥');
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError('INVALID_INPUT', '接收服务地址格式不对（例如 https://example.gov.cn/fupin/）');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('INVALID_INPUT', '接收服务地址应以 http:// 或 https:// 开头');
  station.db
    .update(exchangePeers)
    .set({ receiverUrl: url.toString().replace(/\/+$/, ''), uploadToken: input.token.trim() })
    .where(eq(exchangePeers.nodeId, parent.nodeId))
    .run();
  recordEvent(station.db, actor, { action: 'exchange.uploadTarget', entity: 'exchange_peer', entityId: parent.nodeId }, { url: url.origin }, station.clock());
  return getPeer(station.db, parent.nodeId)!;
}

export function channelState(db: Tx, peerNodeId: string, direction: 'in' | 'out'): typeof exchangeChannels.$inferSelect {
  return (
    db
      .select()
      .from(exchangeChannels)
      .where(and(eq(exchangeChannels.peerNodeId, peerNodeId), eq(exchangeChannels.direction, direction)))
      .get() ?? { peerNodeId, direction, lastSeq: 0, lastHash: null, ackedSeq: 0, ackedChangeSeq: 0, updatedAt: '' }
  );
}

export function saveChannel(
  tx: Tx,
  peerNodeId: string,
  direction: 'in' | 'out',
  patch: Partial<Pick<typeof exchangeChannels.$inferSelect, 'lastSeq' | 'lastHash' | 'ackedSeq' | 'ackedChangeSeq'>>,
  now: string,
): void {
  const current = channelState(tx, peerNodeId, direction);
  const next = { ...current, ...patch, updatedAt: now };
  tx.insert(exchangeChannels)
    .values(next)
    .onConflictDoUpdate({
      target: [exchangeChannels.peerNodeId, exchangeChannels.direction],
      set: { lastSeq: next.lastSeq, lastHash: next.lastHash, ackedSeq: next.ackedSeq, ackedChangeSeq: next.ackedChangeSeq, updatedAt: now },
    })
    .run();
}
