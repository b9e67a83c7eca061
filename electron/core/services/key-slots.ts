import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * The node's private signing key is never stored in the clear. It is wrapped once per
 * administrator ("key slot"): AES-256-GCM under a key derived with scrypt from that
 * administrator's password. Why this and not Windows DPAPI / Electron safeStorage: a township PC
 * is shared, usually under one Windows login, so anything tied to the Windows account is open to
 * everyone who sits down at it, and it is lost when the PC is reinstalled. With password-wrapped
 * slots, a copied database file or backup on a USB stick cannot sign a package in the station's
 * name, only an administrator who knows a password can, and each administrator can be removed
 * (their slot deleted) without re-keying the node.
 */
export interface NodeSecret {
  /** Ed25519 private key: the raw 32-byte seed, base64 (minisign's secret key). */
  ed25519: string;
  /** Other secrets later capabilities add (e.g. the age identity for incoming packages). */
  [extra: string]: string;
}

export interface WrappedSecret {
  salt: string;
  iv: string;
  tag: string;
  ciphertext: string;
  params: string;
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function deriveKey(password: string, salt: Buffer, params: typeof SCRYPT): Buffer {
  return scryptSync(password.normalize('NFC'), salt, 32, params);
}

export function wrapSecret(secret: NodeSecret, password: string): WrappedSecret {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(password, salt, SCRYPT), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);
  return {
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    params: JSON.stringify({ kdf: 'scrypt', ...SCRYPT, cipher: 'aes-256-gcm' }),
  };
}

/** Returns null when the password does not open the slot (GCM authentication fails). */
export function unwrapSecret(slot: WrappedSecret, password: string): NodeSecret | null {
  const params = JSON.parse(slot.params) as typeof SCRYPT;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      deriveKey(password, Buffer.from(slot.salt, 'base64'), { N: params.N, r: params.r, p: params.p, maxmem: SCRYPT.maxmem }),
      Buffer.from(slot.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as NodeSecret;
  } catch {
    return null;
  }
}
