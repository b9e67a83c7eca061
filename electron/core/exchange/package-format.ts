// Building and opening a .fpkg: the zip, its signed manifest and the payload files. No database
// here; the services decide what goes in and what a package may change.
//
// Encrypted payload files are gzip-compressed before age encrypts them (ciphertext does not
// compress, and a county snapshot is ~10× smaller compressed); they are named `x.ndjson.gz.age`,
// so `age -d -i id.txt x.ndjson.gz.age | gunzip` gives the NDJSON back with stock tools.
// Unencrypted files stay plain `x.ndjson` and the zip deflates them.
import { createHash } from 'node:crypto';
import { gunzip, gzip, type ZlibOptions } from 'node:zlib';
import { promisify } from 'node:util';
import { decryptWithIdentity, encryptToRecipient, AgeError } from './age';
import { signMinisign, verifyMinisign, type MinisignPublicKey } from './minisign';
import {
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  MANIFEST_FORMAT_VERSION,
  MAX_MANIFEST_BYTES,
  ManifestError,
  describeFile,
  manifestHash,
  parseManifest,
  serializeManifest,
  sha256Hex,
  type Manifest,
} from './manifest';
import { openZip, writeZip, ZipError, type OpenedZip, type ZipLimits } from './zip';
import { packageError, PackageError } from './package-errors';

export const ENCRYPTED_SUFFIX = '.gz.age';
const MAX_SIGNATURE_BYTES = 16 * 1024;
const gzipAsync = promisify<Uint8Array, ZlibOptions, Buffer>(gzip);
const gunzipAsync = promisify<Uint8Array, ZlibOptions, Buffer>(gunzip);
const MiB = 1024 * 1024;

/** What the receiver allows after decryption and gunzip (the zip limits cover the container). */
export interface PayloadLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_PAYLOAD_LIMITS: Readonly<PayloadLimits> = Object.freeze({
  maxFileBytes: 512 * MiB,
  maxTotalBytes: 1024 * MiB,
});

export type ManifestHeader = Omit<Manifest, 'formatVersion' | 'files'>;

export interface PayloadFile {
  /** The logical name, e.g. 'households.ndjson'; '.gz.age' is added when encrypted. */
  name: string;
  bytes: Uint8Array;
}

export interface Signer {
  /** Raw 32-byte Ed25519 seed. */
  secretKey: Uint8Array;
  /** 8 key-id bytes in minisign's stored order. */
  keyId: Uint8Array;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: Manifest;
  manifestBytes: Uint8Array;
  manifestHash: string;
  fileName: string;
}

export interface BuildOptions {
  /** age recipient (age1…) to encrypt the payload to; null leaves it in the clear. */
  encryptTo: string | null;
  signer: Signer;
  /** gzip level for encrypted files: 1 is ~3× faster than 6 for ~15 % more bytes. */
  gzipLevel?: number;
}

/** Signs the manifest's exact bytes; the signature covers every file's hash through it. */
export async function buildPackage(header: ManifestHeader, files: readonly PayloadFile[], options: BuildOptions): Promise<BuiltPackage> {
  // gzip runs on libuv's thread pool, one file per thread, while the main thread encrypts
  // whichever file finished first: on two cores a county snapshot takes about half as long.
  const encryptTo = options.encryptTo;
  const stored = await Promise.all(
    files.map(async (f) => {
      if (!encryptTo) return { name: f.name, bytes: f.bytes, encrypted: false };
      const compressed = await gzipAsync(f.bytes, { level: options.gzipLevel ?? 6 });
      return { name: f.name + ENCRYPTED_SUFFIX, bytes: await encryptToRecipient(compressed, encryptTo), encrypted: true };
    }),
  );
  const manifest: Manifest = {
    ...header,
    formatVersion: MANIFEST_FORMAT_VERSION,
    files: stored.map((s) => describeFile(s.name, s.bytes, s.encrypted)),
  };
  const manifestBytes = serializeManifest(manifest);
  const trusted = `fpkg ${manifest.kind} ${manifest.packageId} ${manifest.sender.nodeId}>${manifest.recipient.nodeId} seq=${manifest.channel.seq}`;
  const signature = signMinisign(manifestBytes, options.signer.secretKey, options.signer.keyId, trusted, {
    untrustedComment: `signature from fupin station key ${manifest.sender.keyId}`,
  });
  const bytes = writeZip([
    { name: MANIFEST_FILE, bytes: manifestBytes, compression: 'store' },
    { name: MANIFEST_SIGNATURE_FILE, bytes: Buffer.from(signature, 'utf8'), compression: 'store' },
    // Ciphertext never compresses: storing it saves a pointless deflate pass over the payload.
    ...stored.map((s) => ({ name: s.name, bytes: s.bytes, compression: s.encrypted ? ('store' as const) : ('auto' as const) })),
  ]);
  return { bytes, manifest, manifestBytes, manifestHash: manifestHash(manifestBytes), fileName: packageFileName(manifest) };
}

/** `county-620422000000_province-620000000000_report_000007_1a2b3c4d.fpkg`: sorts by channel and sequence. */
export function packageFileName(m: Pick<Manifest, 'sender' | 'recipient' | 'kind' | 'channel' | 'packageId'>): string {
  return `${m.sender.nodeId}_${m.recipient.nodeId}_${m.kind}_${String(m.channel.seq).padStart(6, '0')}_${m.packageId.slice(0, 8)}.fpkg`;
}

// ---------------------------------------------------------------------------------------------
// Opening: each function is one receiving check and throws its own PackageError.

export interface OpenedPackage {
  zip: OpenedZip;
  manifest: Manifest;
  manifestBytes: Uint8Array;
  manifestHash: string;
  signature: Uint8Array;
  /** SHA-256 of the whole .fpkg file. */
  fileSha256: string;
}

/**
 * Check 1, format and size limits: the container is read without inflating the payload, the
 * manifest parses in canonical form and the signature file is there. Nothing here is trusted yet.
 */
export function openPackage(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): OpenedPackage {
  const fileSha256 = sha256Hex(bytes);
  let zip: OpenedZip;
  try {
    zip = openZip(bytes, limits);
  } catch (err) {
    throw fromZipError(err);
  }
  const manifestEntry = zip.entries.find((e) => e.name === MANIFEST_FILE);
  const signatureEntry = zip.entries.find((e) => e.name === MANIFEST_SIGNATURE_FILE);
  if (!manifestEntry) throw packageError('PACKAGE_FORMAT', 'MANIFEST_MISSING', '数据包中没有清单文件 manifest.json，不是本系统的数据包');
  if (!signatureEntry) throw packageError('PACKAGE_FORMAT', 'SIGNATURE_MISSING', '数据包中没有签名文件 manifest.json.minisig，已拒绝');
  if (manifestEntry.size > MAX_MANIFEST_BYTES) throw packageError('PACKAGE_TOO_LARGE', 'MANIFEST_TOO_LARGE', '数据包清单过大，不是本系统的数据包');
  if (signatureEntry.size > MAX_SIGNATURE_BYTES) throw packageError('PACKAGE_FORMAT', 'SIGNATURE_MALFORMED', '签名文件过大，格式不对');
  let manifestBytes: Uint8Array;
  let signature: Uint8Array;
  let manifest: Manifest;
  try {
    manifestBytes = zip.read(MANIFEST_FILE);
    signature = zip.read(MANIFEST_SIGNATURE_FILE);
    manifest = parseManifest(manifestBytes);
  } catch (err) {
    if (err instanceof ManifestError) throw packageError('PACKAGE_FORMAT', err.kind, err.message, err.details ? { fields: err.details } : undefined);
    throw fromZipError(err);
  }
  return { zip, manifest, manifestBytes, manifestHash: manifestHash(manifestBytes), signature, fileSha256 };
}

function fromZipError(err: unknown): PackageError {
  if (err instanceof PackageError) return err;
  if (err instanceof ZipError) {
    if (err.kind === 'ZIP_BOMB') return packageError('PACKAGE_ZIP_BOMB', err.kind, err.message);
    if (err.kind === 'ZIP_TOO_LARGE' || err.kind === 'ZIP_TOO_MANY_ENTRIES') return packageError('PACKAGE_TOO_LARGE', err.kind, err.message);
    return packageError('PACKAGE_FORMAT', err.kind, err.message);
  }
  throw err;
}

/** Check 4: the manifest's signature by the sender's registered key (minisign's rules). */
export function checkSignature(pkg: OpenedPackage, key: MinisignPublicKey): void {
  const result = verifyMinisign(pkg.manifestBytes, pkg.signature, key);
  if (!result.ok) throw packageError('PACKAGE_SIGNATURE', result.error.kind, `签名验证未通过：${result.error.message}`);
}

/** Check 5. A package carries personal data and directives that go stale: it has a last day. */
export function checkExpiry(manifest: Manifest, now: Date): void {
  if (Date.parse(manifest.expiresAt) <= now.getTime()) {
    throw packageError('PACKAGE_EXPIRED', 'EXPIRED', `数据包已于 ${manifest.expiresAt.slice(0, 10)} 过期，不能导入，请发送方重新生成`, {
      expiresAt: manifest.expiresAt,
    });
  }
}

/**
 * Check 6: the zip holds exactly the listed files, each of the listed size and SHA-256. The
 * declared size is compared before inflating, so a lying entry is never read. Returns the bytes.
 */
export function checkFiles(pkg: OpenedPackage): Map<string, Uint8Array> {
  const listed = new Map(pkg.manifest.files.map((f) => [f.name, f]));
  for (const entry of pkg.zip.entries) {
    if (entry.name === MANIFEST_FILE || entry.name === MANIFEST_SIGNATURE_FILE) continue;
    if (!listed.has(entry.name)) {
      throw packageError('PACKAGE_HASH', 'FILE_UNLISTED', `数据包中有清单未列出的文件 ${JSON.stringify(entry.name.slice(0, 60))}，已拒绝`);
    }
  }
  const out = new Map<string, Uint8Array>();
  for (const f of pkg.manifest.files) {
    const entry = pkg.zip.entries.find((e) => e.name === f.name);
    if (!entry) throw packageError('PACKAGE_HASH', 'FILE_MISSING', `清单列出的文件 ${f.name} 不在数据包中（数据包不完整）`);
    if (entry.size !== f.size) {
      throw packageError('PACKAGE_HASH', 'FILE_SIZE', `文件 ${f.name} 的大小与清单不符（清单 ${f.size} 字节，实际 ${entry.size} 字节），数据包被改动或损坏`);
    }
    let bytes: Uint8Array;
    try {
      bytes = pkg.zip.read(f.name);
    } catch (err) {
      const e = fromZipError(err);
      throw e.kind === 'PACKAGE_FORMAT' ? packageError('PACKAGE_HASH', 'FILE_CORRUPT', `文件 ${f.name} 已损坏：${e.message}`) : e;
    }
    if (sha256Hex(bytes) !== f.sha256) {
      throw packageError('PACKAGE_HASH', 'FILE_HASH', `文件 ${f.name} 的 SHA-256 与清单不符，数据包被改动或损坏`);
    }
    out.set(f.name, bytes);
  }
  return out;
}

/** The file listed under a logical name (with or without the encrypted suffix). */
export function findPayloadFile(manifest: Manifest, logicalName: string): Manifest['files'][number] | undefined {
  return manifest.files.find((f) => f.name === logicalName || f.name === logicalName + ENCRYPTED_SUFFIX);
}

export const logicalName = (f: Manifest['files'][number]): string =>
  f.encrypted && f.name.endsWith(ENCRYPTED_SUFFIX) ? f.name.slice(0, -ENCRYPTED_SUFFIX.length) : f.name;

/**
 * Decrypts and decompresses one payload file after every check passed. The output is capped:
 * a signed package from a known sender is still not allowed to allocate without bound.
 */
export async function readPayloadFile(
  file: Manifest['files'][number],
  stored: Uint8Array,
  identity: string | null,
  budget: { remaining: number },
  limits: PayloadLimits = DEFAULT_PAYLOAD_LIMITS,
): Promise<Uint8Array> {
  const plain = await openPayloadFile(file, stored, identity, Math.min(limits.maxFileBytes, budget.remaining));
  return spendBudget(file, plain, budget, limits);
}

/**
 * Every payload file, decrypted and decompressed, handed to `onFile` in manifest order. While
 * `onFile` works on one file (parsing a county's persons takes longer than inflating them), the
 * next ones inflate on libuv's thread pool: zlib's async gunzip runs off the main thread, so on
 * two cores the two overlap instead of adding up.
 *
 * The outcome is what reading the files one by one would give: errors surface in manifest order
 * (a later file's failure waits behind an earlier one), and each file is held to the cap left
 * after the files before it — a file read ahead is inflated against the cap known when it
 * started, which can only be larger, and is then checked against its true one.
 */
export async function readPayloadFiles(
  files: readonly Manifest['files'][number][],
  stored: ReadonlyMap<string, Uint8Array>,
  identity: string | null,
  limits: PayloadLimits = DEFAULT_PAYLOAD_LIMITS,
  onFile: (file: Manifest['files'][number], bytes: Uint8Array) => void,
): Promise<void> {
  const budget = { remaining: limits.maxTotalBytes };
  const pending: Promise<Uint8Array>[] = [];
  const start = (i: number): void => {
    const f = files[i]!;
    const p = openPayloadFile(f, stored.get(f.name)!, identity, () => Math.min(limits.maxFileBytes, budget.remaining));
    // Awaited in order below; until then a rejection must not count as unhandled.
    p.catch(() => undefined);
    pending[i] = p;
  };
  for (let i = 0; i < Math.min(READ_AHEAD_FILES, files.length); i++) start(i);
  for (let i = 0; i < files.length; i++) {
    const plain = await pending[i]!;
    pending[i] = undefined as never;
    onFile(files[i]!, spendBudget(files[i]!, plain, budget, limits));
    if (i + READ_AHEAD_FILES < files.length) start(i + READ_AHEAD_FILES);
  }
}

/** Files inflating at once: one on the thread pool beside the one the main thread is parsing. */
const READ_AHEAD_FILES = 2;

/** Counts a file against the package's total, and refuses one over the cap left for it. */
function spendBudget(file: Manifest['files'][number], plain: Uint8Array, budget: { remaining: number }, limits: PayloadLimits): Uint8Array {
  if (!file.encrypted) {
    budget.remaining -= plain.length;
    if (budget.remaining < 0) throw packageError('PACKAGE_TOO_LARGE', 'PAYLOAD_TOO_LARGE', '数据包内容解压后总大小超过上限');
    return plain;
  }
  const cap = Math.min(limits.maxFileBytes, budget.remaining);
  if (plain.length > cap) throw gunzipTooLarge(file, cap);
  budget.remaining -= plain.length;
  return plain;
}

/** Decrypts and inflates one file, the inflation capped at `cap` bytes (read when inflation starts). */
async function openPayloadFile(file: Manifest['files'][number], stored: Uint8Array, identity: string | null, cap: number | (() => number)): Promise<Uint8Array> {
  if (!file.encrypted) return stored;
  if (!file.name.endsWith(ENCRYPTED_SUFFIX)) throw packageError('PACKAGE_CONTENT', 'BAD_FILE_NAME', `加密文件 ${file.name} 的名称应以 ${ENCRYPTED_SUFFIX} 结尾`);
  if (!identity) throw packageError('PACKAGE_DECRYPT', 'NO_IDENTITY', '本站没有解密私钥，无法打开加密的数据包内容');
  let compressed: Uint8Array;
  try {
    compressed = await decryptWithIdentity(stored, identity);
  } catch (err) {
    if (err instanceof AgeError) {
      throw packageError('PACKAGE_DECRYPT', err.kind, err.kind === 'AGE_NOT_FOR_US' ? '数据包内容不是加密给本站的，无法解密（发送方用错了本站的加密公钥）' : `数据包内容无法解密：${err.message}`);
    }
    throw err;
  }
  const limit = typeof cap === 'number' ? cap : cap();
  let plain: Buffer;
  try {
    plain = await gunzipAsync(compressed, { maxOutputLength: Math.max(limit, 1), chunkSize: outputChunkBytes(compressed, limit) });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw gunzipTooLarge(file, limit);
    throw packageError('PACKAGE_CONTENT', 'GZIP_CORRUPT', `文件 ${file.name} 解密后不是有效的 gzip 数据`);
  }
  return new Uint8Array(plain.buffer, plain.byteOffset, plain.length);
}

/**
 * zlib's async gunzip hands each full output chunk back to the main thread before it inflates
 * more, so with its 16 KB default a file makes no progress while the main thread parses the
 * previous one. One chunk the size gzip's trailer states (ISIZE, the length mod 2^32) lets it
 * inflate in one go; the trailer is the sender's word, so the chunk stays under the cap.
 */
function outputChunkBytes(gz: Uint8Array, cap: number): number {
  const MIN = 64 * 1024;
  if (gz.length < 18) return MIN;
  const stated = new DataView(gz.buffer, gz.byteOffset + gz.length - 4, 4).getUint32(0, true);
  // below the cap: a chunk of exactly the cap lets a lying trailer end as a length error instead
  return Math.max(MIN, Math.min(stated + 1, cap - 1));
}

const gunzipTooLarge = (file: Manifest['files'][number], cap: number): PackageError =>
  packageError('PACKAGE_ZIP_BOMB', 'PAYLOAD_TOO_LARGE', `文件 ${file.name} 解压后超过上限（${Math.round(cap / MiB)} MB），疑似压缩炸弹，已停止`);

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
