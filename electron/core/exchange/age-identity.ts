// The node's X25519 identity in age's format, derived from its Ed25519 signing seed.
//
// Why derived and not stored: the signing seed is already wrapped in every administrator's key
// slot, so a derived identity is unlocked by every administrator's login, exists for nodes set up
// before packages were encrypted, and needs no re-wrapping of slots (which would need every
// administrator's password). age itself treats Ed25519 keys as encryption keys (ssh-ed25519
// recipients); here the two keys are separated by HKDF with a fixed label instead of a curve
// conversion, so neither key reveals anything about the other.
//
// age-encryption exposes no bech32 encoder (see age.ts), so BIP 173 bech32 is written out here.
import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync } from 'node:crypto';

const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const HKDF_SALT = Buffer.from('fupin-station/age-x25519', 'utf8');
const HKDF_INFO = Buffer.from('node identity v1', 'utf8');

export interface NodeAgeIdentity {
  /** AGE-SECRET-KEY-1…: what `age -d -i` reads. */
  identity: string;
  /** age1…: what senders encrypt to. */
  recipient: string;
}

/** The age identity that belongs to a node's 32-byte Ed25519 seed (base64, as in NodeSecret.ed25519). */
export function deriveAgeIdentity(ed25519SeedBase64: string): NodeAgeIdentity {
  const seed = Buffer.from(ed25519SeedBase64, 'base64');
  if (seed.length !== 32) throw new Error('ed25519 seed must be 32 bytes');
  const scalar = Buffer.from(hkdfSync('sha256', seed, HKDF_SALT, HKDF_INFO, 32));
  return fromScalar(scalar);
}

/** A fresh random identity, synchronously (for a node that wants one independent of its signing key). */
export function generateNodeAgeIdentity(): NodeAgeIdentity {
  const { privateKey } = generateKeyPairSync('x25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return fromScalar(Buffer.from(der.subarray(der.length - 32)));
}

/** The recipient of an AGE-SECRET-KEY-1 identity, computed synchronously. */
export function recipientOfIdentity(identity: string): string {
  const decoded = bech32Decode(identity.toLowerCase());
  if (!decoded || decoded.hrp !== 'age-secret-key-' || decoded.data.length !== 32) {
    throw new Error('not an age X25519 identity');
  }
  return fromScalar(Buffer.from(decoded.data)).recipient;
}

function fromScalar(scalar: Buffer): NodeAgeIdentity {
  const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, scalar]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = spki.subarray(spki.length - 32);
  return {
    identity: bech32Encode('age-secret-key-', scalar).toUpperCase(),
    recipient: bech32Encode('age', publicKey),
  };
}

// ---------------------------------------------------------------------------------------------
// bech32 (BIP 173), without the 90-character limit, as age uses it.

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]!;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

function convertBits(data: Uint8Array | number[], from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const value of data) {
    acc = (acc << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return null;
  }
  return out;
}

export function bech32Encode(hrp: string, data: Uint8Array): string {
  const words = convertBits(data, 8, 5, true)!;
  const values = [...hrpExpand(hrp), ...words, 0, 0, 0, 0, 0, 0];
  const mod = polymod(values) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...words, ...checksum].map((w) => CHARSET[w]).join('')}`;
}

export function bech32Decode(text: string): { hrp: string; data: Uint8Array } | null {
  const sep = text.lastIndexOf('1');
  if (sep < 1 || text.length - sep < 7) return null;
  const hrp = text.slice(0, sep);
  const words: number[] = [];
  for (const ch of text.slice(sep + 1)) {
    const w = CHARSET.indexOf(ch);
    if (w < 0) return null;
    words.push(w);
  }
  if (polymod([...hrpExpand(hrp), ...words]) !== 1) return null;
  const bytes = convertBits(words.slice(0, -6), 5, 8, false);
  return bytes ? { hrp, data: new Uint8Array(bytes) } : null;
}
