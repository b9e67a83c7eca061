import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

export interface GeneratedNodeKey {
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** 8 random bytes, hex: minisign's key id, which the package signature names. */
  keyId: string;
  /** PKCS#8 DER of the private key, base64: goes only into wrapped key slots. */
  privateKeyPkcs8: string;
}

export function generateNodeKey(): GeneratedNodeKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('ed25519 public key has no x');
  return {
    publicKey: Buffer.from(jwk.x, 'base64url').toString('base64'),
    keyId: randomBytes(8).toString('hex').toUpperCase(),
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/**
 * What a person reads aloud or compares on the registration form: the SHA-256 of the public key,
 * first 20 bytes, in groups of four hex digits.
 */
export function keyFingerprint(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').toUpperCase();
  return (digest.slice(0, 40).match(/.{4}/g) ?? []).join(' ');
}
