// The zip container of an .xlsx, read from the file by random access: the central directory
// first, then only the parts we need, each inflated as a stream. Reading this way (rather than
// walking local headers front to back, as streaming unzippers do) lets us take workbook.xml,
// styles and shared strings before the sheet, whatever order the writing program chose, without
// spilling the sheet to a temp file; and every size is capped, so a zip bomb or a lying header
// costs a bounded amount of time and memory.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxFormatError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc32: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
/** An xlsx has a dozen parts; thousands would only be a trick to make us walk a huge directory. */
const MAX_ENTRIES = 5000;
const MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024;

const broken = (): XlsxFormatError => new XlsxFormatError('文件已损坏或不完整：不是有效的 xlsx 压缩包（可能是下载或复制不完整，请重新导出）');

export class ZipFile {
  private constructor(
    private readonly fh: FileHandle,
    private readonly file: string,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(file: string, fileSize: number): Promise<ZipFile> {
    const fh = await open(file, 'r');
    try {
      const entries = await readCentralDirectory(fh, fileSize);
      return new ZipFile(fh, file, entries);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  /** Part names are matched without regard to case: some writers spell xl/SharedStrings.xml. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  /** A whole part as text, refused when it inflates beyond `maxBytes`. */
  async readText(entry: ZipEntry, maxBytes: number): Promise<string> {
    const parts: Buffer[] = [];
    await this.streamBytes(entry, maxBytes, (b) => void parts.push(b));
    return Buffer.concat(parts).toString('utf8');
  }

  /**
   * Inflates a part chunk by chunk; `onChunk` returns false to stop early. The declared size is
   * not trusted: the cap counts the bytes actually produced, and the CRC-32 is checked when the
   * part was read to its end.
   */
  async streamBytes(entry: ZipEntry, maxBytes: number, onChunk: (bytes: Buffer) => boolean | void): Promise<void> {
    if (entry.flags & 0x0001) throw new XlsxFormatError('文件已加密（设置了打开密码），请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入');
    if (entry.method !== 0 && entry.method !== 8) throw new XlsxFormatError('文件使用了不支持的压缩方式，请在 Excel/WPS 中另存为 .xlsx 后再导入');
    if (entry.size > maxBytes) throw tooLarge(maxBytes);
    const dataStart = await this.dataStart(entry);
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw broken();
      return;
    }
    const raw = createReadStream(this.file, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
    const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : raw;
    raw.on('error', (e) => source.destroy(e));
    let total = 0;
    let crc = 0;
    let stopped = false;
    // Errors of the caller's own handler pass through as they are; anything the stream or the
    // inflater throws means the bytes are damaged.
    let own: unknown = undefined;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw tooLarge(maxBytes);
        crc = crc32(chunk, crc);
        let more: boolean | void;
        try {
          more = onChunk(chunk);
        } catch (err) {
          own = err;
          throw err;
        }
        if (more === false) {
          stopped = true;
          break;
        }
      }
    } catch (err) {
      if (err === own || err instanceof XlsxFormatError) throw err;
      throw broken();
    } finally {
      source.destroy();
      raw.destroy();
    }
    if (stopped) return;
    if (total !== entry.size || (crc >>> 0) !== entry.crc32) throw broken();
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = Buffer.alloc(30);
    const { bytesRead } = await this.fh.read(header, 0, 30, entry.localOffset);
    if (bytesRead !== 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw broken();
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

function tooLarge(maxBytes: number): XlsxFormatError {
  return new XlsxFormatError(`文件解压后超过 ${Math.round(maxBytes / 1024 / 1024)} MB，数据量过大或文件异常（疑似压缩炸弹），已拒绝`);
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw broken();
  return buf;
}

async function readCentralDirectory(fh: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  // The end record is the last 22 bytes plus a comment of at most 64 KiB.
  const tailLength = Math.min(fileSize, 22 + MAX_U16);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(fh, tailStart, tailLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === SIG_EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw broken();
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === MAX_U16 || cdSize === MAX_U32 || cdOffset === MAX_U32) {
    // ZIP64: the locator sits right before the end record and points at the 64-bit record.
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== SIG_ZIP64_LOCATOR) throw broken();
    const recordOffset = Number(tail.readBigUInt64LE(locatorAt + 8));
    const record = await readAt(fh, recordOffset, 56);
    if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw broken();
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES || cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > fileSize) throw broken();
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIG_CENTRAL) throw broken();
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const crc = cd.readUInt32LE(at + 16);
    let compressedSize = cd.readUInt32LE(at + 20);
    let size = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    let localOffset = cd.readUInt32LE(at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > cd.length) throw broken();
    const name = cd.toString('utf8', nameStart, extraStart);
    if (size === MAX_U32 || compressedSize === MAX_U32 || localOffset === MAX_U32) {
      // ZIP64 extra field (id 1): only the values whose 32-bit field is saturated, in this order.
      let e = extraStart;
      const extraEnd = extraStart + extraLength;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 1) {
          let p = e + 4;
          const take = (): number => {
            if (p + 8 > e + 4 + len) throw broken();
            const v = Number(cd.readBigUInt64LE(p));
            p += 8;
            return v;
          };
          if (size === MAX_U32) size = take();
          if (compressedSize === MAX_U32) compressedSize = take();
          if (localOffset === MAX_U32) localOffset = take();
          break;
        }
        e += 4 + len;
      }
    }
    if (localOffset + compressedSize > fileSize) throw broken();
    entries.set(name.toLowerCase(), { name, method, flags, compressedSize, size, crc32: crc, localOffset });
    at = next;
  }
  return entries;
}
