// Builds zips byte by byte for hostile-input tests: no checks, every field can be set to a lie.
import { deflateRawSync, constants } from 'node:zlib';
import { crc32 } from '../../../electron/core/exchange/crc32';

export interface RawEntry {
  name: string | Uint8Array;
  /** The stored (possibly compressed) bytes. */
  data: Uint8Array;
  method?: number;
  flags?: number;
  crc?: number;
  /** Defaults to data.length. */
  compressedSize?: number;
  /** Defaults to data.length for method 0; must be given for method 8. */
  size?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
  /** Point the central record at another entry's local header (overlap). */
  localOffsetOf?: number;
}

export interface RawZipOptions {
  /** Entry count written in the end record (a lie is allowed). */
  declaredCount?: number;
  comment?: string;
}

const enc = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s));

export function rawZip(entries: RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = enc(e.name);
    const localName = e.localName === undefined ? name : enc(e.localName);
    const method = e.method ?? 0;
    const flags = e.flags ?? 0;
    const crc = e.crc ?? (method === 0 ? crc32(e.data) : 0);
    const csize = e.compressedSize ?? e.data.length;
    const size = e.size ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt16LE(0x21, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(csize, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(localName.length, 26);
    offsets.push(offset);
    const localOffset = e.localOffsetOf === undefined ? offset : offsets[e.localOffsetOf]!;
    if (e.localOffsetOf === undefined) {
      locals.push(lh, localName, Buffer.from(e.data));
      offset += 30 + localName.length + e.data.length;
    }
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(csize, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(localOffset, 42);
    centrals.push(ch, name);
    void i;
  });
  const cd = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = options.declaredCount ?? entries.length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd, comment]));
}

/**
 * A valid raw DEFLATE stream that inflates to `mebibytes` MiB of zeros, built from one
 * sync-flushed 1 MiB block repeated (each copy is byte-aligned and only refers back to the
 * zeros before it), so the 200 MB never exist in memory on the way in.
 */
export function zeroBombStream(mebibytes: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array<Buffer>(mebibytes).fill(block), finalEmptyBlock]));
}
