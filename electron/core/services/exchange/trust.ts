// Setting up a channel: the child's key registration (kind 'key', signed by the key it
// registers), the parent's trust package (kind 'trust', the parent's keys), key rotation (a
// 'key' package signed by the old key) and the person-in-the-loop confirmation of fingerprints.
import { and, asc, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { exchangeOutbox, exchangePeerKeys, node } from '../../db/schema';
import type { Writer } from '../../db/write-path';
import { ancestorCode } from '../../domain/region-code';
import { packageError } from '../../exchange/package-errors';
import { KEY_FILE, TRUST_FILE, jsonBytes, type KeyDocument, type TrustDocument } from '../../exchange/payloads';
import type { Manifest } from '../../exchange/manifest';
import {
  activeKey,
  channelState,
  ensurePeer,
  findKey,
  getPeer,
  insertKey,
  parentPeer,
  relationTo,
  setAgeRecipient,
  type PeerRow,
} from './peers';
import { createOutgoing, type OutboxRow } from './outbox';
import type { NodeKeys } from './node-identity';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The parent's node id follows from our own: a township's county, a county's province. */
export function parentNodeIdOf(own: { level: string; regionCode: string }): string | null {
  if (own.level === 'township') return `county-${ancestorCode(own.regionCode, 'county')}`;
  if (own.level === 'county') return `province-${ancestorCode(own.regionCode, 'province')}`;
  return null;
}

function firstOutgoing(db: Pick<Db, 'select'>, peerNodeId: string, kind: OutboxRow['kind']): OutboxRow | undefined {
  return db
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.peerNodeId, peerNodeId), eq(exchangeOutbox.kind, kind)))
    .orderBy(asc(exchangeOutbox.seq))
    .get();
}

/**
 * The key registration package for the parent: always sequence 1 of our channel to it, so a
 * second call hands back the same package (re-send it; a new one would be a fork).
 */
export async function createKeyRegistration(station: Station, keys: NodeKeys): Promise<OutboxRow> {
  const parentId = parentPeer(station.db)?.nodeId ?? parentNodeIdOf(keys.node);
  if (!parentId) throw packageError('PACKAGE_OWNERSHIP', 'NO_PARENT', '省级节点没有上级，不需要登记密钥');
  const existing = firstOutgoing(station.db, parentId, 'key');
  if (existing && existing.seq === 1) return existing;
  const peer = station.db.transaction((tx) => ensurePeer(tx, station, parentId, null, station.clock().toISOString()));
  const doc: KeyDocument = {
    node: { nodeId: keys.node.nodeId, level: keys.node.level, regionCode: keys.node.regionCode, name: keys.node.name },
    publicKey: keys.node.publicKey,
    keyId: keys.node.keyId,
    ageRecipient: keys.ageRecipient,
    previousKeyId: null,
    createdAt: station.clock().toISOString(),
  };
  return createOutgoing(station, keys, {
    peer,
    kind: 'key',
    files: [{ name: KEY_FILE, bytes: jsonBytes(doc) }],
    recordCounts: {},
    changeRange: null,
    summary: { purpose: 'registration', keyId: keys.node.keyId },
    encrypt: false,
  });
}

/**
 * Key rotation, the sending half: a 'key' package signed by the current key that announces the
 * next one. Make it (and deliver it) before the node switches to the new key; the parent then
 * retires the old key and accepts only the new one. Switching the node's own key (node row and
 * every administrator's key slot) belongs to node setup and is not done here.
 */
export async function createKeyRotation(
  station: Station,
  keys: NodeKeys,
  next: { publicKey: string; keyId: string; ageRecipient: string | null },
): Promise<OutboxRow> {
  const parent = parentPeer(station.db);
  if (!parent) throw packageError('PACKAGE_OWNERSHIP', 'NO_PARENT', '尚未登记上级节点，无需更换密钥包');
  const doc: KeyDocument = {
    node: { nodeId: keys.node.nodeId, level: keys.node.level, regionCode: keys.node.regionCode, name: keys.node.name },
    publicKey: next.publicKey,
    keyId: next.keyId,
    ageRecipient: next.ageRecipient,
    previousKeyId: keys.node.keyId,
    createdAt: station.clock().toISOString(),
  };
  return createOutgoing(station, keys, {
    peer: parent,
    kind: 'key',
    files: [{ name: KEY_FILE, bytes: jsonBytes(doc) }],
    recordCounts: {},
    changeRange: null,
    summary: { purpose: 'rotation', from: keys.node.keyId, to: next.keyId },
    encrypt: false,
  });
}

/** The trust package for a child: our keys, first on our channel to it (made once). */
export async function createTrustPackage(station: Station, keys: NodeKeys, childNodeId: string): Promise<OutboxRow> {
  const peer = station.db.transaction((tx) => ensurePeer(tx, station, childNodeId, null, station.clock().toISOString()));
  if (peer.relation !== 'child') throw packageError('PACKAGE_OWNERSHIP', 'NOT_A_CHILD', `${childNodeId} 不是本节点的下级节点`);
  const existing = firstOutgoing(station.db, childNodeId, 'trust');
  if (existing) return existing;
  const doc: TrustDocument = {
    parent: { nodeId: keys.node.nodeId, level: keys.node.level, regionCode: keys.node.regionCode, name: keys.node.name },
    publicKey: keys.node.publicKey,
    keyId: keys.node.keyId,
    ageRecipient: keys.ageRecipient,
    child: { nodeId: childNodeId },
    createdAt: station.clock().toISOString(),
  };
  return createOutgoing(station, keys, {
    peer,
    kind: 'trust',
    files: [{ name: TRUST_FILE, bytes: jsonBytes(doc) }],
    recordCounts: {},
    changeRange: null,
    summary: { keyId: keys.node.keyId },
    encrypt: false,
  });
}

/** A child's channel from us opens with the trust package, so the child can check what follows. */
export async function ensureTrustFirst(station: Station, keys: NodeKeys, peer: PeerRow): Promise<void> {
  if (peer.relation === 'child' && channelState(station.db, peer.nodeId, 'out').lastSeq === 0) {
    await createTrustPackage(station, keys, peer.nodeId);
  }
}

// ---------------------------------------------------------------------------------------------
// Receiving

/** A registration from a node we do not know yet: recorded as pending until a person confirms. */
export function recordPendingRegistration(tx: Tx, station: Station, manifest: Manifest, doc: KeyDocument): PeerRow {
  const now = station.clock().toISOString();
  let rel: ReturnType<typeof relationTo>;
  try {
    rel = relationTo(station, manifest.sender.nodeId);
  } catch {
    throw packageError('PACKAGE_UNKNOWN_KEY', 'UNKNOWN_NODE', `${manifest.sender.nodeId} 不是本节点辖区内的下一级节点，不能向本节点登记密钥`);
  }
  if (rel.relation !== 'child') {
    throw packageError('PACKAGE_OWNERSHIP', 'KIND_NOT_ALLOWED', '只有本节点辖区内的下一级节点可以向本节点登记密钥');
  }
  const peer = ensurePeer(tx, station, manifest.sender.nodeId, doc.node.name, now);
  if (!findKey(tx, peer.nodeId, doc.keyId)) insertKey(tx, peer.nodeId, doc, 'pending', 'registration', now, null);
  setAgeRecipient(tx, peer.nodeId, doc.ageRecipient);
  return getPeer(tx, peer.nodeId)!;
}

/** Checks a key document against the manifest that carries it. */
export function checkKeyDocument(manifest: Manifest, doc: KeyDocument): void {
  if (doc.node.nodeId !== manifest.sender.nodeId) {
    throw packageError('PACKAGE_UNKNOWN_KEY', 'KEY_DOCUMENT_MISMATCH', '密钥登记包中的节点编号与发送方不一致');
  }
}

/** A 'key' package from a known key: the registration itself (now confirmed) or a rotation. */
export function applyKeyPackage(w: Writer, station: Station, peer: PeerRow, manifest: Manifest, doc: KeyDocument): string {
  checkKeyDocument(manifest, doc);
  const now = station.clock().toISOString();
  setAgeRecipient(w.tx, peer.nodeId, doc.ageRecipient);
  if (doc.keyId === manifest.sender.keyId) return 'registration';
  if (doc.previousKeyId !== manifest.sender.keyId) {
    throw packageError('PACKAGE_CONTENT', 'ROTATION_INVALID', '密钥更换包必须由被更换的旧密钥签名');
  }
  if (findKey(w.tx, peer.nodeId, doc.keyId)) throw packageError('PACKAGE_CONTENT', 'ROTATION_INVALID', '要更换成的新密钥已登记过');
  w.tx
    .update(exchangePeerKeys)
    .set({ status: 'retired', retiredAt: now })
    .where(and(eq(exchangePeerKeys.nodeId, peer.nodeId), eq(exchangePeerKeys.keyId, manifest.sender.keyId)))
    .run();
  insertKey(w.tx, peer.nodeId, doc, 'active', 'rotation', now, `rotation:${manifest.packageId}`);
  return 'rotation';
}

/**
 * A trust package: the parent's keys. The first one makes the parent known (the fingerprint was
 * typed by a person before we got here); later ones may only repeat the key we have.
 */
export function applyTrustPackage(w: Writer, station: Station, manifest: Manifest, doc: TrustDocument, actorName: string): PeerRow {
  const own = w.tx.select().from(node).get()!;
  if (doc.child.nodeId !== own.nodeId || doc.parent.nodeId !== manifest.sender.nodeId || doc.keyId !== manifest.sender.keyId) {
    throw packageError('PACKAGE_CONTENT', 'TRUST_MISMATCH', '信任包中的节点或密钥编号与数据包清单不一致');
  }
  const now = station.clock().toISOString();
  const peer = ensurePeer(w.tx, station, doc.parent.nodeId, doc.parent.name, now);
  if (peer.relation !== 'parent') throw packageError('PACKAGE_OWNERSHIP', 'KIND_NOT_ALLOWED', '信任包只能来自本节点的上级');
  const current = activeKey(w.tx, peer.nodeId);
  if (current && current.keyId !== doc.keyId) {
    throw packageError('PACKAGE_CONTENT', 'TRUST_MISMATCH', '信任包中的公钥与已登记的上级公钥不同；更换密钥须由上级发送经旧密钥签名的密钥更换包');
  }
  if (!current) insertKey(w.tx, peer.nodeId, doc, 'active', 'trust', now, actorName);
  setAgeRecipient(w.tx, peer.nodeId, doc.ageRecipient);
  if (own.parentNodeId !== peer.nodeId || own.parentPublicKey !== doc.publicKey) {
    w.update(node, own.id, { parentNodeId: peer.nodeId, parentPublicKey: doc.publicKey });
  }
  return getPeer(w.tx, peer.nodeId)!;
}
