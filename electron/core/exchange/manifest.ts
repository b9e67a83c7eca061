// manifest.json: what a package claims to be. The signature covers its exact bytes and it lists
// the SHA-256 of every payload file (ciphertext when encrypted), so verifying this one small
// file vouches for the whole package before anything is decrypted or applied.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkEntryName, ZipError } from './zip';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SIGNATURE_FILE = 'manifest.json.minisig';
export const MANIFEST_FORMAT_VERSION = 1;
/** A manifest lists a few dozen files at most; anything this big is not ours. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The zip reader allows 64 entries; two are the manifest and its signature. */
export const MAX_MANIFEST_FILES = 62;

export const PACKAGE_KINDS = ['report', 'directive', 'receipt', 'key', 'trust'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

const sha256HexString = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 SHA-256');
/** A node id (the 12-digit region code fits) — letters, digits, '.', '_', '-'. */
const nodeId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '节点编号格式不对');
/** The key id as minisign prints it (see minisign.ts keyIdHex), without spaces. */
const keyId = z.string().regex(/^[0-9A-F]{16}$/, '密钥编号应为 16 位大写十六进制');
/** UTC only ("…Z"): one instant, one spelling, so the signed bytes do not depend on a time zone. */
const utcTime = z.iso.datetime({ offset: false, local: false });
const count = z.int().min(0);
const tableName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, '表名格式不对');

export const manifestFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  /** Bytes as stored in the package (ciphertext size when encrypted). */
  size: count,
  /** SHA-256 of the bytes as stored (of the ciphertext when encrypted). */
  sha256: sha256HexString,
  /** age-encrypted to the recipient's X25519 key. */
  encrypted: z.boolean(),
});

export const manifestSchema = z
  .strictObject({
    formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
    packageId: z.uuid(),
    kind: z.enum(PACKAGE_KINDS),
    sender: z.strictObject({ nodeId, keyId }),
    recipient: z.strictObject({ nodeId }),
    channel: z.strictObject({
      /** Per (sender, recipient) channel, starting at 1, no gaps. */
      seq: z.int().min(1),
      /** SHA-256 of the previous package's manifest.json bytes on this channel; null for seq 1. */
      prevHash: sha256HexString.nullable(),
    }),
    createdAt: utcTime,
    expiresAt: utcTime,
    /** The sender's database schema version (number of applied migrations). */
    schemaVersion: z.int().min(1),
    /** Change-log sequence numbers carried, both ends inclusive; null when no change-log rows travel. */
    changeRange: z.strictObject({ fromSeq: z.int().min(1), toSeq: z.int().min(1) }).nullable(),
    /** Rows per table in the payload. */
    recordCounts: z.record(tableName, count),
    files: z.array(manifestFileSchema).max(MAX_MANIFEST_FILES),
    /** The sender's audit chain head when the package was made (seq 0 = empty chain). */
    auditHead: z.strictObject({ seq: count, hash: sha256HexString }),
  })
  .check((ctx) => {
    const m = ctx.value;
    const issue = (path: PropertyKey[], message: string) =>
      ctx.issues.push({ code: 'custom', input: m, path, message });
    if (Date.parse(m.expiresAt) <= Date.parse(m.createdAt)) issue(['expiresAt'], '过期时间必须晚于创建时间');
    if ((m.channel.seq === 1) !== (m.channel.prevHash === null)) {
      issue(['channel', 'prevHash'], '通道第 1 个数据包没有上一包哈希，其后的数据包必须有');
    }
    if (m.changeRange && m.changeRange.fromSeq > m.changeRange.toSeq) {
      issue(['changeRange'], '变更范围的起点不能大于终点');
    }
    const names = new Set<string>();
    m.files.forEach((f, i) => {
      try {
        checkEntryName(f.name);
      } catch (err) {
        issue(['files', i, 'name'], err instanceof ZipError ? err.message : '文件名不合法');
        return;
      }
      const key = f.name.normalize('NFC').toLowerCase();
      if (key === MANIFEST_FILE || key === MANIFEST_SIGNATURE_FILE) issue(['files', i, 'name'], '文件名与清单文件重名');
      if (names.has(key)) issue(['files', i, 'name'], '文件名重复');
      names.add(key);
    });
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export type ManifestErrorKind =
  | 'MANIFEST_MALFORMED'
  | 'MANIFEST_UNSUPPORTED_VERSION'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_NOT_CANONICAL';

export class ManifestError extends Error {
  constructor(
    readonly kind: ManifestErrorKind,
    message: string,
    /** Paths of the failing fields, never their values. */
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical JSON

/**
 * Sorted keys (by UTF-16 code unit, as RFC 8785), no whitespace, JSON.stringify's escaping.
 * Stricter than db/canonical-json.ts on purpose: signed bytes must never depend on what
 * JSON.stringify quietly does with undefined, NaN, Dates or class instances, so those throw.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: not a plain object');
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
}

// ---------------------------------------------------------------------------------------------
// Manifest bytes

/** Validates and encodes: these exact bytes are what gets signed. */
export function serializeManifest(manifest: Manifest): Uint8Array {
  const checked = validate(manifest);
  return Buffer.from(canonicalJson(checked), 'utf8');
}

/**
 * Reads manifest bytes: UTF-8, JSON, format version, schema, then canonical form. Requiring the
 * canonical bytes means one manifest has one spelling: no duplicate keys (which parsers resolve
 * differently), no padding, nothing a second reader could see differently.
 */
export function parseManifest(bytes: Uint8Array): Manifest {
  if (bytes.length > MAX_MANIFEST_BYTES) throw new ManifestError('MANIFEST_MALFORMED', '数据包清单过大，不是本系统的数据包');
  let text: string;
  let raw: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    raw = JSON.parse(text);
  } catch {
    throw new ManifestError('MANIFEST_MALFORMED', '数据包清单不是有效的 JSON 文本');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ManifestError('MANIFEST_MALFORMED', '数据包清单格式不对');
  }
  const version = (raw as Record<string, unknown>).formatVersion;
  if (version !== MANIFEST_FORMAT_VERSION) {
    throw new ManifestError(
      'MANIFEST_UNSUPPORTED_VERSION',
      typeof version === 'number' && version > MANIFEST_FORMAT_VERSION
        ? `数据包格式版本 ${version} 比本软件支持的新，请先升级软件`
        : '数据包格式版本不对或缺失',
    );
  }
  const manifest = validate(raw);
  if (canonicalJson(manifest) !== text) {
    throw new ManifestError('MANIFEST_NOT_CANONICAL', '数据包清单不是规范格式（可能被手工改动）');
  }
  return manifest;
}

function validate(value: unknown): Manifest {
  const result = manifestSchema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const fields = [...new Set(details.map((d) => d.path || '（整体）'))].slice(0, 5).join('、');
  throw new ManifestError('MANIFEST_INVALID', `数据包清单内容不合规：${fields}`, details);
}

// ---------------------------------------------------------------------------------------------
// Helpers for building one

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest line for a payload file, from the bytes exactly as they go into the zip. */
export function describeFile(name: string, stored: Uint8Array, encrypted: boolean): ManifestFile {
  return { name, size: stored.length, sha256: sha256Hex(stored), encrypted };
}

/** What the next package on the channel puts in channel.prevHash. */
export function manifestHash(manifestBytes: Uint8Array): string {
  return sha256Hex(manifestBytes);
}
