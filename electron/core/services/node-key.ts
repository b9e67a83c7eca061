import { generateMinisignKeyPair, keyIdHex, publicKeyFingerprint } from '../exchange/minisign';

export interface GeneratedNodeKey {
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** minisign's key id as 16 hex digits in the order `minisign` prints it; packages name it. */
  keyId: string;
  /** The 32-byte Ed25519 seed, base64: goes only into wrapped key slots. */
  secretSeed: string;
}

/** A node key in minisign's terms, so that the stock tool verifies what the station signs. */
export function generateNodeKey(): GeneratedNodeKey {
  const pair = generateMinisignKeyPair();
  return {
    publicKey: Buffer.from(pair.publicKey).toString('base64'),
    keyId: keyIdHex(pair.keyId),
    secretSeed: Buffer.from(pair.secretKey).toString('base64'),
  };
}

/** What a person reads aloud or compares on the registration form. */
export function keyFingerprint(publicKeyBase64: string): string {
  return publicKeyFingerprint(new Uint8Array(Buffer.from(publicKeyBase64, 'base64')));
}
