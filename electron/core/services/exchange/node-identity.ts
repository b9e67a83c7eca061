// This node's own keys as the exchange uses them: the Ed25519 signing key from the unlocked
// secret, and the age identity that goes with it.
import { eq, sql } from 'drizzle-orm';
import type { Station } from '../../station';
import type { NodeSecret } from '../key-slots';
import { node, settings } from '../../db/schema';
import { AppError } from '../../api/errors';
import { parseKeyIdHex, publicKeyFromSecret, publicKeyFingerprint, minisignPublicKeyBase64, formatKeyId } from '../../exchange/minisign';
import { deriveAgeIdentity, recipientOfIdentity } from '../../exchange/age-identity';
import type { Signer } from '../../exchange/package-format';
import { readNode } from '../node-setup';

export const AGE_RECIPIENT_SETTING = 'exchange.ageRecipient';

export type NodeRow = typeof node.$inferSelect;

export interface NodeKeys {
  node: NodeRow;
  signer: Signer;
  ageIdentity: string;
  ageRecipient: string;
}

/** The secret the caller's login unlocked, or a clear refusal. */
export function requireSecret(secret: NodeSecret | null | undefined): NodeSecret {
  if (!secret) {
    throw new AppError('KEY_LOCKED', '节点密钥未解锁：请用拥有密钥槽的管理员账号重新登录后再收发数据包');
  }
  return secret;
}

/**
 * The age identity: the one stored in the secret under 'age' when an installation put one there,
 * otherwise the one derived from the signing seed (see exchange/age-identity.ts for why).
 */
export function ageIdentityOf(secret: NodeSecret): string {
  return secret.age ?? deriveAgeIdentity(secret.ed25519).identity;
}

/** Unlocks the node's keys for signing and decrypting, after checking the secret is this node's. */
export function nodeKeys(station: Station, secret: NodeSecret | null | undefined): NodeKeys {
  const s = requireSecret(secret);
  const row = readNode(station);
  const seed = new Uint8Array(Buffer.from(s.ed25519, 'base64'));
  if (Buffer.from(publicKeyFromSecret(seed)).toString('base64') !== row.publicKey) {
    throw new AppError('KEY_LOCKED', '已解锁的密钥与本节点登记的公钥不一致（数据库可能来自另一节点），不能签名');
  }
  const ageIdentity = ageIdentityOf(s);
  const ageRecipient = recipientOfIdentity(ageIdentity);
  rememberAgeRecipient(station, ageRecipient);
  return { node: row, signer: { secretKey: seed, keyId: parseKeyIdHex(row.keyId) }, ageIdentity, ageRecipient };
}

/** Kept in settings so that the keys page and the registration form show it without an unlocked key. */
function rememberAgeRecipient(station: Station, recipient: string): void {
  if (storedAgeRecipient(station) === recipient) return;
  station.db
    .insert(settings)
    .values({ key: AGE_RECIPIENT_SETTING, value: JSON.stringify(recipient) })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
    .run();
}

export function storedAgeRecipient(station: Station): string | null {
  const row = station.db.select().from(settings).where(eq(settings.key, AGE_RECIPIENT_SETTING)).get();
  return row ? (JSON.parse(row.value) as string) : null;
}

export interface OwnKeyView {
  nodeId: string;
  level: NodeRow['level'];
  regionCode: string;
  name: string;
  keyId: string;
  keyIdGrouped: string;
  fingerprint: string;
  /** The bare base64 line `minisign -P` takes. */
  minisignPublicKey: string;
  ageRecipient: string | null;
}

export function ownKeyView(station: Station): OwnKeyView {
  const row = readNode(station);
  const publicKey = new Uint8Array(Buffer.from(row.publicKey, 'base64'));
  const keyId = parseKeyIdHex(row.keyId);
  return {
    nodeId: row.nodeId,
    level: row.level,
    regionCode: row.regionCode,
    name: row.name,
    keyId: row.keyId,
    keyIdGrouped: formatKeyId(keyId),
    fingerprint: publicKeyFingerprint(publicKey),
    minisignPublicKey: minisignPublicKeyBase64({ keyId, publicKey }),
    ageRecipient: storedAgeRecipient(station),
  };
}

/** `county-620422000000` → its level and region; the convention node-setup uses. */
export function parseNodeId(nodeId: string): { level: NodeRow['level']; regionCode: string } | null {
  const m = /^(province|county|township)-(\d{12})$/.exec(nodeId);
  return m ? { level: m[1] as NodeRow['level'], regionCode: m[2]! } : null;
}
