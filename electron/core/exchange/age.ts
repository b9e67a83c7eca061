// Payload encryption in age's format (X25519 recipients only), so that the recipient can also
// open a payload with a stock `age -d -i identity.txt` when the station itself is not at hand.
//
// Only X25519 ("age1…" / "AGE-SECRET-KEY-1…"): age-encryption 0.3 also takes post-quantum and tag
// recipients, which Debian's age 1.1 cannot decrypt, so we refuse them here.
//
// No deterministic identity from a seed: age-encryption 0.3.1 exposes no way to encode 32 raw
// bytes as an AGE-SECRET-KEY-1 string (its bech32 encoder is internal), so identities are random
// and the station stores the identity string itself.
import { Decrypter, Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';

export type AgeErrorKind = 'AGE_BAD_RECIPIENT' | 'AGE_BAD_IDENTITY' | 'AGE_NOT_FOR_US' | 'AGE_DECRYPT_FAILED';

export class AgeError extends Error {
  constructor(
    readonly kind: AgeErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AgeError';
  }
}

export interface AgeKeyPair {
  /** "AGE-SECRET-KEY-1…": secret, decrypts. */
  identity: string;
  /** "age1…": public, goes to whoever encrypts to us. */
  recipient: string;
}

// bech32 data alphabet (no 1, b, i, o). Fixed lengths: 32 bytes → 52 chars + 6 checksum chars.
const RECIPIENT_PATTERN = /^age1[02-9ac-hj-np-z]{58}$/;
const IDENTITY_PATTERN = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;
const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

// age-encryption signals "none of our identities opened a stanza" only by this message.
const NO_MATCH_MESSAGE = "no identity matched any of the file's recipients";

export async function generateAgeKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export async function ageRecipientOf(identity: string): Promise<string> {
  checkIdentity(identity);
  try {
    return await identityToRecipient(identity);
  } catch {
    throw new AgeError('AGE_BAD_IDENTITY', '解密私钥格式不对（应为 AGE-SECRET-KEY-1 开头）');
  }
}

export function isAgeRecipient(text: string): boolean {
  return RECIPIENT_PATTERN.test(text);
}

export function isAgeIdentity(text: string): boolean {
  return IDENTITY_PATTERN.test(text);
}

/** True when the bytes start like an age file (binary or armored), without decrypting. */
export function looksLikeAgeCiphertext(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, AGE_MAGIC.length)).toString('latin1') === AGE_MAGIC || isArmored(bytes);
}

function isArmored(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart().startsWith(ARMOR_BEGIN);
}

/** Binary (not armored) age ciphertext of `plaintext` for one X25519 recipient. */
export async function encryptToRecipient(plaintext: Uint8Array, recipient: string): Promise<Uint8Array> {
  if (!isAgeRecipient(recipient)) {
    throw new AgeError('AGE_BAD_RECIPIENT', '接收方加密公钥格式不对（应为 age1 开头）');
  }
  const encrypter = new Encrypter();
  try {
    encrypter.addRecipient(recipient);
  } catch {
    throw new AgeError('AGE_BAD_RECIPIENT', '接收方加密公钥无效（校验和不符）');
  }
  return encrypter.encrypt(plaintext);
}

/** Decrypts binary or armored age ciphertext; authenticated, so a changed byte fails. */
export async function decryptWithIdentity(ciphertext: Uint8Array, identity: string): Promise<Uint8Array> {
  checkIdentity(identity);
  const decrypter = new Decrypter();
  try {
    decrypter.addIdentity(identity);
  } catch {
    throw new AgeError('AGE_BAD_IDENTITY', '解密私钥无效（校验和不符）');
  }
  let binary = ciphertext;
  if (isArmored(ciphertext)) {
    try {
      binary = armor.decode(Buffer.from(ciphertext).toString('latin1'));
    } catch {
      throw new AgeError('AGE_DECRYPT_FAILED', '加密文件已损坏，无法解密');
    }
  }
  try {
    return await decrypter.decrypt(binary);
  } catch (err) {
    if (err instanceof Error && err.message === NO_MATCH_MESSAGE) {
      throw new AgeError('AGE_NOT_FOR_US', '此文件不是加密给本站的，本站私钥无法解密');
    }
    throw new AgeError('AGE_DECRYPT_FAILED', '加密文件已损坏或被改动，无法解密');
  }
}

/** The identity file `age-keygen` writes and `age -d -i` reads. */
export function formatAgeIdentityFile(pair: AgeKeyPair, createdAt: Date = new Date()): string {
  checkIdentity(pair.identity);
  return `# created: ${createdAt.toISOString()}\n# public key: ${pair.recipient}\n${pair.identity}\n`;
}

/** The first identity in an `age-keygen` style file (comment lines start with '#'). */
export function parseAgeIdentityFile(text: string): string {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (line === undefined) throw new AgeError('AGE_BAD_IDENTITY', '私钥文件中没有 AGE-SECRET-KEY-1 私钥');
  checkIdentity(line);
  return line;
}

function checkIdentity(identity: string): void {
  if (!isAgeIdentity(identity)) {
    throw new AgeError('AGE_BAD_IDENTITY', '解密私钥格式不对（应为 AGE-SECRET-KEY-1 开头）');
  }
}
