// The .fpkg container: a plain zip. A package arrives from USB sticks and uploads, so the reader
// treats every byte as hostile: it reads the central directory itself and checks counts, names,
// declared sizes and compression ratios BEFORE inflating anything, then inflates with a hard cap
// at the declared size (a lying header cannot make it allocate more) and checks each CRC-32.
//
// Why not fflate's zipSync/unzipSync for the container:
// - zipSync stamps Date.now() (local time, so also the machine's time zone) into every entry
//   unless told otherwise, and takes entries as object keys, which JS reorders ("10" before "a")
//   and which "__proto__" breaks; our writer is byte-for-byte reproducible instead.
// - unzipSync trusts the central directory's sizes, silently truncates output to them and never
//   checks CRC-32; its filter hook sees only declared sizes.
// fflate still does the DEFLATE work (deflateSync, streaming Inflate).
import { Inflate, deflateSync, type DeflateOptions } from 'fflate';
import { crc32 } from './crc32';

export type ZipErrorKind =
  | 'ZIP_MALFORMED'
  | 'ZIP_UNSUPPORTED'
  | 'ZIP_TOO_MANY_ENTRIES'
  | 'ZIP_TOO_LARGE'
  | 'ZIP_BOMB'
  | 'ZIP_PATH_TRAVERSAL'
  | 'ZIP_BAD_NAME'
  | 'ZIP_DUPLICATE_ENTRY';

export class ZipError extends Error {
  constructor(
    readonly kind: ZipErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipLimits {
  /** The archive file itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed; NDJSON compresses 5–30×, DEFLATE tops out near 1032×. */
  maxCompressionRatio: number;
  /** Entries smaller than this skip the ratio check (a small file of blanks is not a bomb). */
  ratioCheckMinBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxArchiveBytes: 512 * MiB,
  maxEntries: 64,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1 * MiB,
});

export type ZipCompression = 'store' | 'deflate' | 'auto';

export interface ZipEntryInput {
  name: string;
  bytes: Uint8Array;
  /** Overrides the archive-wide choice; 'auto' deflates and keeps the result only if smaller. */
  compression?: ZipCompression;
}

export interface ZipWriteOptions {
  /** Default 'auto': age ciphertext does not compress and is stored as is. */
  compression?: ZipCompression;
  level?: DeflateOptions['level'];
}

export interface ZipEntryInfo {
  name: string;
  method: 'store' | 'deflate';
  compressedSize: number;
  size: number;
  crc32: number;
}

export interface ZipFileEntry {
  name: string;
  bytes: Uint8Array;
}

export interface OpenedZip {
  /** In central directory order, i.e. the order the writer was given. */
  entries: readonly ZipEntryInfo[];
  has(name: string): boolean;
  /** Inflates one entry (capped at its declared size, CRC-checked). */
  read(name: string): Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const EOCD_BYTES = 22;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const MAX_COMMENT_BYTES = 0xffff;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const VERSION_NEEDED = 20;
// "Made by" NTFS (host 11), zip 2.0. Not MS-DOS (host 0): Info-ZIP unzip then converts names from
// CP437 even when the UTF-8 flag is set, so 户籍.ndjson comes out as mojibake. Not Unix (host 3):
// external attributes 0 would then mean mode 0000 and unzip would extract unreadable files.
const VERSION_MADE_BY = (11 << 8) | 20;
/** 1980-01-01 00:00:00, the zip epoch: a fixed stamp keeps the archive reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_NAME_BYTES = 255;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
/** Compressed bytes fed to the inflater at a time: bounds one step's output to ~8 MiB. */
const INFLATE_CHUNK = 8 * 1024;

// ---------------------------------------------------------------------------------------------
// Entry names

/**
 * A package entry name is a plain relative path: '/'-separated segments, none empty, '.' or
 * '..'; no backslash, no colon (drive letters, NTFS streams), no leading '/', no control
 * characters, and no trailing dot or space (Windows drops them, making two names one file).
 */
export function checkEntryName(name: string): void {
  const shown = showName(name);
  if (name.length === 0) throw new ZipError('ZIP_BAD_NAME', '压缩包中有文件名为空的条目');
  if (name.includes('\\')) throw new ZipError('ZIP_PATH_TRAVERSAL', `压缩包条目 ${shown} 含有反斜杠路径，已拒绝`);
  if (name.startsWith('/')) throw new ZipError('ZIP_PATH_TRAVERSAL', `压缩包条目 ${shown} 是绝对路径，已拒绝`);
  if (name.includes(':')) {
    throw new ZipError('ZIP_PATH_TRAVERSAL', `压缩包条目 ${shown} 含有盘符或冒号，已拒绝`);
  }
  const segments = name.split('/');
  if (segments.some((s) => s === '..' || s === '.')) {
    throw new ZipError('ZIP_PATH_TRAVERSAL', `压缩包条目 ${shown} 含有 “..” 或 “.” 路径，已拒绝`);
  }
  if (segments.some((s) => s === '')) {
    throw new ZipError('ZIP_BAD_NAME', `压缩包条目 ${shown} 的路径含有空段（目录条目或 “//”）`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name) || /[\uD800-\uDFFF]/u.test(name)) {
    throw new ZipError('ZIP_BAD_NAME', `压缩包条目 ${shown} 的文件名含有控制字符或无效字符`);
  }
  if (segments.some((s) => s.endsWith('.') || s.endsWith(' '))) {
    throw new ZipError('ZIP_BAD_NAME', `压缩包条目 ${shown} 的文件名以点或空格结尾`);
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    throw new ZipError('ZIP_BAD_NAME', `压缩包条目的文件名过长（最多 ${MAX_NAME_BYTES} 字节）`);
  }
}

/** Two names that land on the same file on Windows or macOS count as duplicates. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function showName(name: string): string {
  const short = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return JSON.stringify(short);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A zip of `entries` in the given order; the same input always gives the same bytes. */
export function writeZip(entries: readonly ZipEntryInput[], options: ZipWriteOptions = {}): Uint8Array {
  if (entries.length > MAX_U16) {
    throw new ZipError('ZIP_TOO_MANY_ENTRIES', `压缩包条目过多（最多 ${MAX_U16} 个）`);
  }
  const seen = new Set<string>();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;

  for (const entry of entries) {
    checkEntryName(entry.name);
    const key = nameKey(entry.name);
    if (seen.has(key)) throw new ZipError('ZIP_DUPLICATE_ENTRY', `压缩包中有重名条目 ${showName(entry.name)}`);
    seen.add(key);
    if (entry.bytes.length >= MAX_U32) throw new ZipError('ZIP_TOO_LARGE', '单个文件超过 4 GB，不能写入压缩包');

    const nameBytes = Buffer.from(entry.name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : FLAG_UTF8;
    const { method, data } = compress(entry.bytes, entry.compression ?? options.compression ?? 'auto', options.level);
    const crc = crc32(entry.bytes);
    if (offset + LOCAL_HEADER_BYTES + nameBytes.length + data.length >= MAX_U32) {
      throw new ZipError('ZIP_TOO_LARGE', '压缩包超过 4 GB，不能写入');
    }

    const local = new DataView(new ArrayBuffer(LOCAL_HEADER_BYTES));
    local.setUint32(0, SIG_LOCAL, true);
    local.setUint16(4, VERSION_NEEDED, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, entry.bytes.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);

    const cd = new DataView(new ArrayBuffer(CENTRAL_HEADER_BYTES));
    cd.setUint32(0, SIG_CENTRAL, true);
    cd.setUint16(4, VERSION_MADE_BY, true);
    cd.setUint16(6, VERSION_NEEDED, true);
    cd.setUint16(8, flags, true);
    cd.setUint16(10, method, true);
    cd.setUint16(12, DOS_TIME, true);
    cd.setUint16(14, DOS_DATE, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, entry.bytes.length, true);
    cd.setUint16(28, nameBytes.length, true);
    // extra, comment, disk, internal and external attributes stay 0
    cd.setUint32(42, offset, true);

    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    central.push(new Uint8Array(cd.buffer), nameBytes);
    offset += LOCAL_HEADER_BYTES + nameBytes.length + data.length;
  }

  const cdSize = central.reduce((n, p) => n + p.length, 0);
  if (offset + cdSize + EOCD_BYTES >= MAX_U32) throw new ZipError('ZIP_TOO_LARGE', '压缩包超过 4 GB，不能写入');
  const eocd = new DataView(new ArrayBuffer(EOCD_BYTES));
  eocd.setUint32(0, SIG_EOCD, true);
  eocd.setUint16(8, entries.length, true);
  eocd.setUint16(10, entries.length, true);
  eocd.setUint32(12, cdSize, true);
  eocd.setUint32(16, offset, true);
  return concat([...parts, ...central, new Uint8Array(eocd.buffer)]);
}

function compress(
  bytes: Uint8Array,
  choice: ZipCompression,
  level: DeflateOptions['level'],
): { method: number; data: Uint8Array } {
  if (choice === 'store') return { method: METHOD_STORE, data: bytes };
  const deflated = deflateSync(bytes, { level: level ?? 6 });
  if (choice === 'auto' && deflated.length >= bytes.length) return { method: METHOD_STORE, data: bytes };
  return { method: METHOD_DEFLATE, data: deflated };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

interface CentralEntry extends ZipEntryInfo {
  localOffset: number;
  dataStart: number;
}

/**
 * Parses and checks the archive without inflating anything; `read` inflates one entry on demand,
 * so the receiver can verify manifest.json before it touches the payload.
 */
export function openZip(archive: Uint8Array, limits: Partial<ZipLimits> = {}): OpenedZip {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const entries = parseArchive(archive, lim);
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries: entries.map((e) => ({
      name: e.name,
      method: e.method,
      compressedSize: e.compressedSize,
      size: e.size,
      crc32: e.crc32,
    })),
    has: (name) => byName.has(name),
    read(name) {
      const entry = byName.get(name);
      if (!entry) throw new ZipError('ZIP_MALFORMED', `压缩包中没有条目 ${showName(name)}`);
      return extract(archive, entry);
    },
  };
}

/** Every entry, checked and inflated, in archive order. */
export function readZip(archive: Uint8Array, limits: Partial<ZipLimits> = {}): ZipFileEntry[] {
  const zip = openZip(archive, limits);
  return zip.entries.map((e) => ({ name: e.name, bytes: zip.read(e.name) }));
}

function parseArchive(archive: Uint8Array, lim: ZipLimits): CentralEntry[] {
  if (archive.length > lim.maxArchiveBytes) {
    throw new ZipError('ZIP_TOO_LARGE', `数据包文件过大（超过 ${formatBytes(lim.maxArchiveBytes)}）`);
  }
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const eocdAt = findEndOfCentralDirectory(archive, view);

  const diskNumber = view.getUint16(eocdAt + 4, true);
  const cdDisk = view.getUint16(eocdAt + 6, true);
  const entriesOnDisk = view.getUint16(eocdAt + 8, true);
  const totalEntries = view.getUint16(eocdAt + 10, true);
  const cdSize = view.getUint32(eocdAt + 12, true);
  const cdOffset = view.getUint32(eocdAt + 16, true);
  const zip64Locator = eocdAt >= ZIP64_LOCATOR_BYTES && view.getUint32(eocdAt - ZIP64_LOCATOR_BYTES, true) === SIG_ZIP64_LOCATOR;
  if (zip64Locator || totalEntries === MAX_U16 || cdSize === MAX_U32 || cdOffset === MAX_U32) {
    throw new ZipError('ZIP_UNSUPPORTED', '不支持 ZIP64 格式的压缩包');
  }
  if (diskNumber !== 0 || cdDisk !== 0 || entriesOnDisk !== totalEntries) {
    throw new ZipError('ZIP_UNSUPPORTED', '不支持分卷压缩包');
  }
  // The count comes from 22 bytes at the end: refuse before walking a huge central directory.
  if (totalEntries > lim.maxEntries) {
    throw new ZipError('ZIP_TOO_MANY_ENTRIES', `压缩包条目过多（${totalEntries} 个，最多 ${lim.maxEntries} 个）`);
  }
  // Nothing may sit between the central directory and its end record (a ZIP64 locator, junk),
  // and the directory must lie inside the file.
  if (cdOffset + cdSize !== eocdAt) {
    throw new ZipError('ZIP_MALFORMED', '压缩包目录位置不对（文件被截断、拼接或损坏）');
  }

  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < totalEntries; i++) {
    if (at + CENTRAL_HEADER_BYTES > eocdAt || view.getUint32(at, true) !== SIG_CENTRAL) {
      throw new ZipError('ZIP_MALFORMED', '压缩包目录已损坏');
    }
    const flags = view.getUint16(at + 8, true);
    const methodCode = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const diskStart = view.getUint16(at + 34, true);
    const localOffset = view.getUint32(at + 42, true);
    const next = at + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (next > eocdAt) throw new ZipError('ZIP_MALFORMED', '压缩包目录已损坏');
    const nameBytes = archive.subarray(at + CENTRAL_HEADER_BYTES, at + CENTRAL_HEADER_BYTES + nameLength);
    at = next;

    const name = decodeName(nameBytes, flags);
    checkEntryName(name);
    const key = nameKey(name);
    if (seen.has(key)) throw new ZipError('ZIP_DUPLICATE_ENTRY', `压缩包中有重名条目 ${showName(name)}`);
    seen.add(key);

    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
      throw new ZipError('ZIP_UNSUPPORTED', `压缩包条目 ${showName(name)} 使用了 zip 加密，不支持`);
    }
    if (methodCode !== METHOD_STORE && methodCode !== METHOD_DEFLATE) {
      throw new ZipError('ZIP_UNSUPPORTED', `压缩包条目 ${showName(name)} 的压缩方式不支持（仅支持存储和 DEFLATE）`);
    }
    if (compressedSize === MAX_U32 || size === MAX_U32 || localOffset === MAX_U32 || diskStart !== 0) {
      throw new ZipError('ZIP_UNSUPPORTED', '不支持 ZIP64 格式的压缩包');
    }
    if (methodCode === METHOD_STORE && compressedSize !== size) {
      throw new ZipError('ZIP_MALFORMED', `压缩包条目 ${showName(name)} 的大小记录前后不一致`);
    }
    // Ratio first: a bomb is named as such even when it would also break the size limits.
    if (size >= lim.ratioCheckMinBytes && size > compressedSize * lim.maxCompressionRatio) {
      throw new ZipError(
        'ZIP_BOMB',
        `压缩包条目 ${showName(name)} 的压缩比异常（${formatRatio(size, compressedSize)}，上限 ${lim.maxCompressionRatio}:1），疑似压缩炸弹，已拒绝`,
      );
    }
    if (size > lim.maxEntryBytes) {
      throw new ZipError('ZIP_TOO_LARGE', `压缩包条目 ${showName(name)} 解压后过大（超过 ${formatBytes(lim.maxEntryBytes)}）`);
    }
    total += size;
    if (total > lim.maxTotalBytes) {
      throw new ZipError('ZIP_TOO_LARGE', `压缩包解压后总大小过大（超过 ${formatBytes(lim.maxTotalBytes)}）`);
    }

    const dataStart = checkLocalHeader(archive, view, {
      localOffset,
      cdOffset,
      nameBytes,
      flags,
      methodCode,
      crc,
      compressedSize,
      size,
      shown: showName(name),
    });
    entries.push({
      name,
      method: methodCode === METHOD_STORE ? 'store' : 'deflate',
      compressedSize,
      size,
      crc32: crc,
      localOffset,
      dataStart,
    });
  }
  if (at !== eocdAt) throw new ZipError('ZIP_MALFORMED', '压缩包目录的条目数与目录长度不符');
  checkNoOverlap(entries);
  return entries;
}

/** The end record is the last 22 bytes plus its comment; scan back over at most 64 KiB of comment. */
function findEndOfCentralDirectory(archive: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, archive.length - EOCD_BYTES - MAX_COMMENT_BYTES);
  for (let at = archive.length - EOCD_BYTES; at >= lowest; at--) {
    if (view.getUint32(at, true) === SIG_EOCD && at + EOCD_BYTES + view.getUint16(at + 20, true) === archive.length) {
      return at;
    }
  }
  throw new ZipError('ZIP_MALFORMED', '不是完整的 zip 数据包（文件被截断或不是数据包）');
}

function decodeName(bytes: Uint8Array, flags: number): string {
  const ascii = bytes.every((b) => b < 0x80);
  if (!ascii && !(flags & FLAG_UTF8)) {
    // Legacy code pages (GBK from Chinese Windows, CP437) are ambiguous: one byte string, two names.
    throw new ZipError('ZIP_BAD_NAME', '压缩包条目的文件名不是 UTF-8 编码');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ZipError('ZIP_BAD_NAME', '压缩包条目的文件名不是有效的 UTF-8');
  }
}

interface LocalCheck {
  localOffset: number;
  cdOffset: number;
  nameBytes: Uint8Array;
  flags: number;
  methodCode: number;
  crc: number;
  compressedSize: number;
  size: number;
  shown: string;
}

/**
 * The local header must agree with the central directory: a reader that walks local headers
 * (as some unzip tools do) must see the same names and sizes we checked.
 */
function checkLocalHeader(archive: Uint8Array, view: DataView, c: LocalCheck): number {
  const broken = () => new ZipError('ZIP_MALFORMED', `压缩包条目 ${c.shown} 的文件头已损坏或与目录不一致`);
  if (c.localOffset + LOCAL_HEADER_BYTES > c.cdOffset || view.getUint32(c.localOffset, true) !== SIG_LOCAL) {
    throw broken();
  }
  const flags = view.getUint16(c.localOffset + 6, true);
  const methodCode = view.getUint16(c.localOffset + 8, true);
  const nameLength = view.getUint16(c.localOffset + 26, true);
  const extraLength = view.getUint16(c.localOffset + 28, true);
  const dataStart = c.localOffset + LOCAL_HEADER_BYTES + nameLength + extraLength;
  if (methodCode !== c.methodCode || (flags & FLAG_ENCRYPTED) !== (c.flags & FLAG_ENCRYPTED)) throw broken();
  if (dataStart > c.cdOffset) throw broken();
  const localName = archive.subarray(c.localOffset + LOCAL_HEADER_BYTES, c.localOffset + LOCAL_HEADER_BYTES + nameLength);
  if (!Buffer.from(localName).equals(Buffer.from(c.nameBytes))) throw broken();
  if (!(flags & FLAG_DATA_DESCRIPTOR)) {
    if (
      view.getUint32(c.localOffset + 14, true) !== c.crc ||
      view.getUint32(c.localOffset + 18, true) !== c.compressedSize ||
      view.getUint32(c.localOffset + 22, true) !== c.size
    ) {
      throw broken();
    }
  }
  if (dataStart + c.compressedSize > c.cdOffset) {
    throw new ZipError('ZIP_MALFORMED', `压缩包条目 ${c.shown} 的数据不完整（文件被截断）`);
  }
  return dataStart;
}

/**
 * Entries whose data overlap are how "non-recursive" zip bombs reuse one compressed kernel for
 * many files; honest archives never overlap.
 */
function checkNoOverlap(entries: readonly CentralEntry[]): void {
  const spans = entries
    .map((e) => ({ start: e.localOffset, end: e.dataStart + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      throw new ZipError('ZIP_MALFORMED', '压缩包条目的数据互相重叠（构造异常的压缩包），已拒绝');
    }
  }
}

function extract(archive: Uint8Array, entry: CentralEntry): Uint8Array {
  const data = archive.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const bytes = entry.method === 'store' ? new Uint8Array(data) : inflateCapped(data, entry);
  if (crc32(bytes) !== entry.crc32) {
    throw new ZipError('ZIP_MALFORMED', `压缩包条目 ${showName(entry.name)} 的校验和不符（数据损坏）`);
  }
  return bytes;
}

/** Inflates at most `entry.size` bytes; output past the declared size means a lying header. */
function inflateCapped(data: Uint8Array, entry: CentralEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (written + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
      const end = Math.min(at + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (overflow) break;
    }
  } catch {
    throw new ZipError('ZIP_MALFORMED', `压缩包条目 ${showName(entry.name)} 的压缩数据已损坏`);
  }
  if (overflow) {
    throw new ZipError(
      'ZIP_BOMB',
      `压缩包条目 ${showName(entry.name)} 解压后超过其声明的大小（数据损坏或疑似压缩炸弹），已停止解压`,
    );
  }
  if (written !== entry.size) {
    throw new ZipError('ZIP_MALFORMED', `压缩包条目 ${showName(entry.name)} 解压后大小与声明不符（数据损坏）`);
  }
  return out;
}

function formatBytes(n: number): string {
  return n >= MiB ? `${Math.round(n / MiB)} MB` : `${Math.round(n / 1024)} KB`;
}

function formatRatio(size: number, compressed: number): string {
  return compressed === 0 ? '∞' : `${Math.round(size / compressed)}:1`;
}
