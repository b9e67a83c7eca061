// Ed25519 signatures in minisign's file format, made with node:crypto alone, so that a stock
// `minisign -V -p sender.pub -m manifest.json` checks a package the same way the station does.
//
// Formats (minisign 0.11):
//   public key file  "untrusted comment: …\n" + base64("Ed" ‖ keyId[8] ‖ publicKey[32]) + "\n"
//   signature file   "untrusted comment: …\n" + base64(alg[2] ‖ keyId[8] ‖ sig[64]) + "\n"
//                    "trusted comment: …\n"   + base64(globalSig[64]) + "\n"
//   alg "ED": sig = Ed25519(BLAKE2b-512(message)) — the default since 0.10 (prehashed)
//   alg "Ed": sig = Ed25519(message)             — legacy, `minisign -S -l`
//   globalSig = Ed25519(sig ‖ trustedComment), so the trusted comment cannot be swapped.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export const KEY_ID_BYTES = 8;
export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

const ALG_LEGACY = 'Ed';
const ALG_PREHASHED = 'ED';
const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';
const DEFAULT_SIGNATURE_COMMENT = 'signature from minisign secret key';

// minisign reads each comment line with fgets into a fixed buffer (COMMENTMAXBYTES 1024,
// TRUSTEDCOMMENTMAXBYTES 8192, both counting the prefix, the newline and the NUL). A longer
// line is split by fgets and the stock tool then fails, so we never write one and never accept one.
const MAX_UNTRUSTED_LINE_BYTES = 1024 - 2;
const MAX_TRUSTED_LINE_BYTES = 8192 - 2;
export const MAX_TRUSTED_COMMENT_BYTES = MAX_TRUSTED_LINE_BYTES - TRUSTED_PREFIX.length;
export const MAX_UNTRUSTED_COMMENT_BYTES = MAX_UNTRUSTED_LINE_BYTES - UNTRUSTED_PREFIX.length;

// DER wrappers that turn raw Ed25519 key bytes into KeyObjects (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface MinisignPublicKey {
  /** 8 random bytes in the order minisign stores them (not the order it prints them). */
  keyId: Uint8Array;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export interface MinisignKeyPair extends MinisignPublicKey {
  /** Raw 32-byte Ed25519 private key (the seed), what PKCS#8 wraps. */
  secretKey: Uint8Array;
}

export type MinisignErrorKind = 'MINISIGN_KEY_MALFORMED' | 'MINISIGN_COMMENT_INVALID';

/** Thrown for bad inputs to key import and signing; verification returns a result instead. */
export class MinisignError extends Error {
  constructor(
    readonly kind: MinisignErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MinisignError';
  }
}

export type SignatureFailureKind =
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_KEY_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_GLOBAL_INVALID'
  | 'SIGNATURE_LEGACY_REFUSED';

export interface VerifiedSignature {
  trustedComment: string;
  /** false for a legacy "Ed" signature (`minisign -S -l`). */
  prehashed: boolean;
  untrustedComment: string;
}

export type MinisignVerifyResult =
  | { ok: true; value: VerifiedSignature }
  | { ok: false; error: { kind: SignatureFailureKind; message: string } };

// ---------------------------------------------------------------------------------------------
// Keys

export function generateMinisignKeyPair(): MinisignKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    keyId: new Uint8Array(randomBytes(KEY_ID_BYTES)),
    publicKey: rawPublicKey(publicKey),
    secretKey: rawSecretKey(privateKey),
  };
}

/** The raw public key that belongs to a raw secret key (to check a key slot after unwrapping). */
export function publicKeyFromSecret(secretKey: Uint8Array): Uint8Array {
  return rawPublicKey(createPublicKey(secretKeyObject(secretKey)));
}

export function secretKeyObject(secretKey: Uint8Array): KeyObject {
  if (secretKey.length !== SECRET_KEY_BYTES) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '签名私钥长度不对（应为 32 字节）');
  }
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, secretKey]),
    format: 'der',
    type: 'pkcs8',
  });
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]),
    format: 'der',
    type: 'spki',
  });
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const der = key.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - PUBLIC_KEY_BYTES));
}

function rawSecretKey(key: KeyObject): Uint8Array {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return new Uint8Array(der.subarray(der.length - SECRET_KEY_BYTES));
}

/** The public key file minisign writes with `-G` (and reads with `-p`). */
export function exportMinisignPublicKey(key: MinisignPublicKey): string {
  checkPublicKey(key);
  const blob = Buffer.concat([Buffer.from(ALG_LEGACY, 'latin1'), key.keyId, key.publicKey]);
  return `${UNTRUSTED_PREFIX}minisign public key ${keyIdHex(key.keyId)}\n${blob.toString('base64')}\n`;
}

/** The bare base64 line, what `minisign -P` takes. */
export function minisignPublicKeyBase64(key: MinisignPublicKey): string {
  checkPublicKey(key);
  return Buffer.concat([Buffer.from(ALG_LEGACY, 'latin1'), key.keyId, key.publicKey]).toString('base64');
}

/** Reads a public key file (two lines) or the bare base64 line. */
export function importMinisignPublicKey(text: string): MinisignPublicKey {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
  let b64: string | undefined;
  if (lines.length === 1) b64 = lines[0];
  else if (lines.length === 2 && lines[0]?.startsWith(UNTRUSTED_PREFIX)) b64 = lines[1];
  const blob = b64 === undefined ? null : strictBase64(b64.trim());
  if (!blob || blob.length !== 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '公钥格式不对：不是 minisign 公钥');
  }
  if (blob.subarray(0, 2).toString('latin1') !== ALG_LEGACY) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '公钥格式不对：不支持的签名算法');
  }
  return {
    keyId: new Uint8Array(blob.subarray(2, 2 + KEY_ID_BYTES)),
    publicKey: new Uint8Array(blob.subarray(2 + KEY_ID_BYTES)),
  };
}

function checkPublicKey(key: MinisignPublicKey): void {
  if (key.keyId.length !== KEY_ID_BYTES || key.publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '公钥或密钥编号长度不对');
  }
}

// ---------------------------------------------------------------------------------------------
// Key id and fingerprint, as people read them

/**
 * The key id as minisign prints it ("minisign public key 9C01…", "key id … is …"): the 8 bytes
 * read as a little-endian integer, in upper-case hex. This is the REVERSE of the stored byte
 * order, so `Buffer.from(keyId).toString('hex')` would not match what the stock tool shows.
 * Always 16 digits here; minisign itself prints with %PRIX64 and drops leading zeros
 * ("0CFB…" shows as "CFB…"), so compare the two as numbers, not strings.
 */
export function keyIdHex(keyId: Uint8Array): string {
  if (keyId.length !== KEY_ID_BYTES) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '密钥编号长度不对（应为 8 字节）');
  }
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** Inverse of keyIdHex; accepts the grouped form too ("3F2A 9C01 …"). */
export function parseKeyIdHex(text: string): Uint8Array {
  const hex = text.replace(/\s+/g, '');
  if (!/^[0-9A-Fa-f]{16}$/.test(hex)) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '密钥编号格式不对（应为 16 位十六进制）');
  }
  return new Uint8Array(Buffer.from(hex, 'hex').reverse());
}

/** "3F2A 9C01 77B0 12DE": the key id in groups of four, for reading aloud over the phone. */
export function formatKeyId(keyId: Uint8Array): string {
  return groupsOfFour(keyIdHex(keyId));
}

/**
 * What the parent compares on the registration form: SHA-256 of the raw 32-byte public key, first
 * 20 bytes, upper-case hex in groups of four. Same definition as services/node-key.ts
 * keyFingerprint, so both print the same text for the same key. 160 bits: forging a key with the
 * same fingerprint is a second-preimage search, far out of reach.
 */
export function publicKeyFingerprint(publicKey: Uint8Array): string {
  if (publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '公钥长度不对（应为 32 字节）');
  }
  const digest = createHash('sha256').update(publicKey).digest('hex').toUpperCase();
  return groupsOfFour(digest.slice(0, 40));
}

function groupsOfFour(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Signing

export interface SignOptions {
  /** Defaults to minisign's own "signature from minisign secret key". Not signed. */
  untrustedComment?: string;
  /** Produce a legacy "Ed" signature (like `minisign -S -l`). Only for tests and old verifiers. */
  legacy?: boolean;
}

/**
 * The complete .minisig file text for `message`. The trusted comment is covered by the global
 * signature; put in it what the receiver must be able to trust without the message (package id).
 */
export function signMinisign(
  message: Uint8Array,
  secretKey: Uint8Array | KeyObject,
  keyId: Uint8Array,
  trustedComment: string,
  options: SignOptions = {},
): string {
  if (keyId.length !== KEY_ID_BYTES) {
    throw new MinisignError('MINISIGN_KEY_MALFORMED', '密钥编号长度不对（应为 8 字节）');
  }
  const untrusted = options.untrustedComment ?? DEFAULT_SIGNATURE_COMMENT;
  const trustedBytes = checkComment(trustedComment, MAX_TRUSTED_COMMENT_BYTES, '可信注释');
  checkComment(untrusted, MAX_UNTRUSTED_COMMENT_BYTES, '注释');
  const key = secretKey instanceof Uint8Array ? secretKeyObject(secretKey) : secretKey;

  const alg = options.legacy ? ALG_LEGACY : ALG_PREHASHED;
  const signed = options.legacy ? message : blake2b512(message);
  const signature = sign(null, signed, key);
  const globalSignature = sign(null, Buffer.concat([signature, trustedBytes]), key);
  const sigBlob = Buffer.concat([Buffer.from(alg, 'latin1'), keyId, signature]);
  return (
    `${UNTRUSTED_PREFIX}${untrusted}\n${sigBlob.toString('base64')}\n` +
    `${TRUSTED_PREFIX}${trustedComment}\n${globalSignature.toString('base64')}\n`
  );
}

function checkComment(comment: string, maxBytes: number, label: string): Buffer {
  // A newline would let the comment forge the next line; minisign also cuts a line at CR and
  // strlen() stops at NUL, so the stock tool would check different bytes than we signed.
  if (/[\r\n\0]/.test(comment)) {
    throw new MinisignError('MINISIGN_COMMENT_INVALID', `${label}不能包含换行或空字符`);
  }
  if (LONE_SURROGATE.test(comment)) {
    throw new MinisignError('MINISIGN_COMMENT_INVALID', `${label}包含无效字符`);
  }
  const bytes = Buffer.from(comment, 'utf8');
  if (bytes.length > maxBytes) {
    throw new MinisignError('MINISIGN_COMMENT_INVALID', `${label}过长（最多 ${maxBytes} 字节）`);
  }
  return bytes;
}

// In a /u regex a surrogate pair is one code point, so this class matches only unpaired halves,
// which UTF-8 cannot encode (Buffer.from would silently write U+FFFD instead).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function blake2b512(message: Uint8Array): Buffer {
  return createHash('blake2b512').update(message).digest();
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface VerifyOptions {
  /** Refuse legacy "Ed" signatures (like `minisign -V -H`). Off by default: stock `-l` directives verify. */
  requirePrehashed?: boolean;
}

/**
 * Checks in minisign's order: the file parses, the key id names this key, the signature covers
 * the message, the global signature covers the trusted comment. Never throws for bad input.
 */
export function verifyMinisign(
  message: Uint8Array,
  signatureFile: string | Uint8Array,
  publicKey: MinisignPublicKey,
  options: VerifyOptions = {},
): MinisignVerifyResult {
  const parsed = parseSignatureFile(signatureFile);
  if (!parsed) {
    return failure('SIGNATURE_MALFORMED', '签名文件格式不对，无法读取');
  }
  if (publicKey.keyId.length !== KEY_ID_BYTES || publicKey.publicKey.length !== PUBLIC_KEY_BYTES) {
    return failure('SIGNATURE_KEY_MISMATCH', '发送方公钥格式不对');
  }
  if (!Buffer.from(parsed.keyId).equals(Buffer.from(publicKey.keyId))) {
    return failure(
      'SIGNATURE_KEY_MISMATCH',
      `签名所用密钥（编号 ${formatKeyId(parsed.keyId)}）不是已登记的发送方密钥（编号 ${formatKeyId(publicKey.keyId)}）`,
    );
  }
  if (!parsed.prehashed && options.requirePrehashed) {
    return failure('SIGNATURE_LEGACY_REFUSED', '签名使用旧格式（未预先哈希），按设置不予接受');
  }
  let key: KeyObject;
  try {
    key = publicKeyObject(publicKey.publicKey);
  } catch {
    return failure('SIGNATURE_KEY_MISMATCH', '发送方公钥无效');
  }
  const signed = parsed.prehashed ? blake2b512(message) : message;
  if (!verify(null, signed, key, parsed.signature)) {
    return failure('SIGNATURE_INVALID', '签名验证失败：文件内容与签名不符（文件被改动或签名不是对此文件所做）');
  }
  const globalMessage = Buffer.concat([parsed.signature, parsed.trustedCommentBytes]);
  if (!verify(null, globalMessage, key, parsed.globalSignature)) {
    return failure('SIGNATURE_GLOBAL_INVALID', '签名的可信注释验证失败（注释被改动）');
  }
  const trustedComment = decodeUtf8(parsed.trustedCommentBytes);
  if (trustedComment === null) {
    return failure('SIGNATURE_MALFORMED', '签名的可信注释不是有效的 UTF-8 文本');
  }
  return {
    ok: true,
    value: { trustedComment, prehashed: parsed.prehashed, untrustedComment: parsed.untrustedComment },
  };
}

interface ParsedSignature {
  untrustedComment: string;
  prehashed: boolean;
  keyId: Uint8Array;
  signature: Buffer;
  trustedCommentBytes: Buffer;
  globalSignature: Buffer;
}

function parseSignatureFile(file: string | Uint8Array): ParsedSignature | null {
  // Work on bytes (latin1 maps each byte to one char): the global signature covers the trusted
  // comment's exact bytes, which a UTF-8 decode/encode round trip could change.
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(file);
  if (bytes.length > MAX_UNTRUSTED_LINE_BYTES + MAX_TRUSTED_LINE_BYTES + 512) return null;
  const lines = bytes.toString('latin1').split('\n');
  // A final newline leaves one empty string; any further non-blank text is refused.
  const [untrustedLine, sigLine, trustedLine, globalLine, ...rest] = lines.map((l) =>
    l.endsWith('\r') ? l.slice(0, -1) : l,
  );
  if (rest.some((l) => l.trim() !== '')) return null;
  if (untrustedLine === undefined || sigLine === undefined || trustedLine === undefined || globalLine === undefined) {
    return null;
  }
  if (!untrustedLine.startsWith(UNTRUSTED_PREFIX) || untrustedLine.length > MAX_UNTRUSTED_LINE_BYTES) return null;
  if (!trustedLine.startsWith(TRUSTED_PREFIX) || trustedLine.length > MAX_TRUSTED_LINE_BYTES) return null;
  const trustedCommentBytes = Buffer.from(trustedLine.slice(TRUSTED_PREFIX.length), 'latin1');
  // The stock tool truncates at CR or NUL before checking: refuse rather than disagree with it.
  if (trustedCommentBytes.includes(0x0d) || trustedCommentBytes.includes(0x00)) return null;

  const sigBlob = strictBase64(sigLine.trim());
  const globalSignature = strictBase64(globalLine.trim());
  if (!sigBlob || sigBlob.length !== 2 + KEY_ID_BYTES + SIGNATURE_BYTES) return null;
  if (!globalSignature || globalSignature.length !== SIGNATURE_BYTES) return null;
  const alg = sigBlob.subarray(0, 2).toString('latin1');
  if (alg !== ALG_PREHASHED && alg !== ALG_LEGACY) return null;

  const untrustedComment = decodeUtf8(Buffer.from(untrustedLine.slice(UNTRUSTED_PREFIX.length), 'latin1')) ?? '';
  return {
    untrustedComment,
    prehashed: alg === ALG_PREHASHED,
    keyId: new Uint8Array(sigBlob.subarray(2, 2 + KEY_ID_BYTES)),
    signature: sigBlob.subarray(2 + KEY_ID_BYTES),
    trustedCommentBytes,
    globalSignature,
  };
}

/** Standard padded base64 only: Buffer.from(…, 'base64') silently skips junk, so check first. */
function strictBase64(text: string): Buffer | null {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function failure(kind: SignatureFailureKind, message: string): MinisignVerifyResult {
  return { ok: false, error: { kind, message } };
}
