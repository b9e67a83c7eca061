import { describe, expect, it } from 'vitest';
import { Inflate, unzipSync, zipSync, strToU8 } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import {
  DEFAULT_ZIP_LIMITS,
  ZipError,
  checkEntryName,
  openZip,
  readZip,
  writeZip,
  type ZipErrorKind,
} from '../../../electron/core/exchange/zip';
import { crc32 } from '../../../electron/core/exchange/crc32';
import { rawZip, zeroBombStream } from './raw-zip';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function kindOf(fn: () => unknown): ZipErrorKind | 'NO_ERROR' | 'OTHER_ERROR' {
  try {
    fn();
    return 'NO_ERROR';
  } catch (err) {
    return err instanceof ZipError ? err.kind : 'OTHER_ERROR';
  }
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof Error ? err.message : '';
  }
  return '';
}

const ndjson = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: i, village: '会宁县某村', size: i % 7 })).join('\n');

describe('crc32', () => {
  it('matches the standard check value and continues across chunks', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(text('6789'), crc32(text('12345')))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('writeZip / readZip round trip', () => {
  const entries = [
    { name: 'manifest.json', bytes: text('{"a":1}') },
    { name: 'manifest.json.minisig', bytes: text('untrusted comment: x\n') },
    { name: 'data/households.ndjson', bytes: text(ndjson) },
    { name: '户籍.ndjson', bytes: text('{"name":"张三"}\n') },
    { name: 'empty.ndjson', bytes: new Uint8Array(0) },
    { name: '10', bytes: text('an integer-like name keeps its place') },
    { name: 'random.bin', bytes: new Uint8Array(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))) },
  ];

  it('gives back every entry, in order, byte for byte', () => {
    const zip = writeZip(entries);
    const out = readZip(zip);
    expect(out.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    out.forEach((e, i) => expect(Buffer.from(e.bytes).equals(Buffer.from(entries[i]!.bytes))).toBe(true));
  });

  it('is reproducible: the same input gives the same bytes', () => {
    expect(Buffer.from(writeZip(entries)).equals(Buffer.from(writeZip(entries)))).toBe(true);
  });

  it('stamps fixed, host-neutral header fields (no clock, no time zone, no Unix modes)', () => {
    const zip = Buffer.from(writeZip([{ name: '户籍.ndjson', bytes: text('x') }]));
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(zip.readUInt16LE(cd + 4)).toBe((11 << 8) | 20); // made by NTFS: Info-ZIP honours the UTF-8 flag
    expect(zip.readUInt16LE(cd + 8) & 0x0800).toBe(0x0800);
    expect(zip.readUInt16LE(cd + 12)).toBe(0); // 00:00:00
    expect(zip.readUInt16LE(cd + 14)).toBe(0x21); // 1980-01-01
    expect(zip.readUInt32LE(cd + 38)).toBe(0); // external attributes
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
    expect(Buffer.from(writeZip([{ name: 'a.txt', bytes: text('x') }])).readUInt16LE(6)).toBe(0);
  });

  it('stores, deflates or picks whichever is smaller', () => {
    const stored = openZip(writeZip(entries, { compression: 'store' })).entries;
    expect(stored.every((e) => e.method === 'store')).toBe(true);
    const deflated = openZip(writeZip(entries, { compression: 'deflate' })).entries;
    expect(deflated.every((e) => e.method === 'deflate')).toBe(true);
    const auto = openZip(writeZip(entries)).entries;
    expect(auto.find((e) => e.name === 'data/households.ndjson')?.method).toBe('deflate');
    expect(auto.find((e) => e.name === 'empty.ndjson')?.method).toBe('store');
    const ndjsonInfo = auto.find((e) => e.name === 'data/households.ndjson')!;
    expect(ndjsonInfo.compressedSize).toBeLessThan(ndjsonInfo.size);
  });

  it('per-entry compression overrides the archive default', () => {
    const zip = writeZip([{ name: 'a.ndjson', bytes: text(ndjson), compression: 'store' }], { compression: 'deflate' });
    expect(openZip(zip).entries[0]?.method).toBe('store');
  });

  it('openZip lists without inflating and reads one entry on demand', () => {
    const zip = openZip(writeZip(entries));
    expect(zip.entries).toHaveLength(entries.length);
    expect(zip.has('manifest.json')).toBe(true);
    expect(zip.has('nope')).toBe(false);
    expect(Buffer.from(zip.read('manifest.json')).toString()).toBe('{"a":1}');
    expect(kindOf(() => zip.read('nope'))).toBe('ZIP_MALFORMED');
  });

  it('is read by fflate, and reads what fflate writes', () => {
    const ours = unzipSync(writeZip(entries));
    for (const e of entries) expect(Buffer.from(ours[e.name]!).equals(Buffer.from(e.bytes))).toBe(true);
    const theirs = zipSync({ 'a.txt': strToU8('hello'), 'b.ndjson': strToU8(ndjson) }, { level: 6 });
    const read = readZip(theirs);
    expect(read.map((e) => e.name)).toEqual(['a.txt', 'b.ndjson']);
    expect(Buffer.from(read[1]!.bytes).toString()).toBe(ndjson);
  });

  it('works on a Uint8Array that is a view into a bigger buffer', () => {
    const zip = writeZip(entries);
    const big = new Uint8Array(zip.length + 100);
    big.set(zip, 50);
    expect(readZip(big.subarray(50, 50 + zip.length))).toHaveLength(entries.length);
  });

  it('refuses to write bad or duplicate names', () => {
    expect(kindOf(() => writeZip([{ name: '../x', bytes: text('') }]))).toBe('ZIP_PATH_TRAVERSAL');
    expect(
      kindOf(() =>
        writeZip([
          { name: 'a.txt', bytes: text('') },
          { name: 'A.TXT', bytes: text('') },
        ]),
      ),
    ).toBe('ZIP_DUPLICATE_ENTRY');
  });
});

describe('entry names', () => {
  const cases: [string, ZipErrorKind | 'NO_ERROR'][] = [
    ['manifest.json', 'NO_ERROR'],
    ['data/persons.ndjson', 'NO_ERROR'],
    ['户籍/成员.ndjson', 'NO_ERROR'],
    ['../evil', 'ZIP_PATH_TRAVERSAL'],
    ['a/../../evil', 'ZIP_PATH_TRAVERSAL'],
    ['..', 'ZIP_PATH_TRAVERSAL'],
    ['./a', 'ZIP_PATH_TRAVERSAL'],
    ['/etc/passwd', 'ZIP_PATH_TRAVERSAL'],
    ['//server/share/x', 'ZIP_PATH_TRAVERSAL'],
    ['C:/Windows/evil.dll', 'ZIP_PATH_TRAVERSAL'],
    ['C:evil', 'ZIP_PATH_TRAVERSAL'],
    ['a\\..\\evil', 'ZIP_PATH_TRAVERSAL'],
    ['file.txt:stream', 'ZIP_PATH_TRAVERSAL'],
    ['', 'ZIP_BAD_NAME'],
    ['dir/', 'ZIP_BAD_NAME'],
    ['a//b', 'ZIP_BAD_NAME'],
    ['a\u0000b', 'ZIP_BAD_NAME'],
    ['a\nb', 'ZIP_BAD_NAME'],
    ['manifest.json.', 'ZIP_BAD_NAME'],
    ['manifest.json ', 'ZIP_BAD_NAME'],
    ['x'.repeat(256), 'ZIP_BAD_NAME'],
  ];
  it.each(cases)('%j → %s', (name, kind) => {
    expect(kindOf(() => checkEntryName(name))).toBe(kind);
  });
});

describe('hostile archives are refused with their own kind', () => {
  it('10 000 entries → ZIP_TOO_MANY_ENTRIES', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}.txt`, data: new Uint8Array(0) }));
    const zip = rawZip(entries);
    expect(kindOf(() => openZip(zip))).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(messageOf(() => openZip(zip))).toMatch(/条目过多/);
  });

  it('the entry count is checked before the central directory is walked', () => {
    // A garbage directory behind an end record that claims 10 000 entries.
    const zip = rawZip([{ name: 'a', data: text('a') }], { declaredCount: 10_000 });
    expect(kindOf(() => openZip(zip))).toBe('ZIP_TOO_MANY_ENTRIES');
  });

  it('a custom maxEntries is honoured', () => {
    const zip = writeZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, bytes: text('x') })));
    expect(kindOf(() => openZip(zip, { maxEntries: 4 }))).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(kindOf(() => openZip(zip, { maxEntries: 5 }))).toBe('NO_ERROR');
  });

  it('the bomb stream really inflates to 200 MiB (checked by counting, not storing)', () => {
    let total = 0;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
    });
    const stream = zeroBombStream(200);
    expect(stream.length).toBeLessThan(300_000);
    for (let at = 0; at < stream.length; at += 16_384) {
      inflater.push(stream.subarray(at, at + 16_384), at + 16_384 >= stream.length);
    }
    expect(total).toBe(200 * 1024 * 1024);
  });

  it('a 200 MB-when-inflated entry → ZIP_BOMB, refused before inflating', () => {
    const stream = zeroBombStream(200);
    const zip = rawZip([{ name: 'households.ndjson', data: stream, method: 8, size: 200 * 1024 * 1024, crc: 0 }]);
    const before = process.memoryUsage().arrayBuffers;
    expect(kindOf(() => openZip(zip))).toBe('ZIP_BOMB');
    expect(kindOf(() => readZip(zip))).toBe('ZIP_BOMB');
    expect(messageOf(() => openZip(zip))).toMatch(/压缩炸弹/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('a bomb that lies about its size is stopped at the declared size → ZIP_BOMB', () => {
    const stream = zeroBombStream(200);
    // Declares 2 MiB: the ratio looks harmless (≈ 8:1), the stream still holds 200 MiB.
    const zip = rawZip([{ name: 'households.ndjson', data: stream, method: 8, size: 2 * 1024 * 1024, crc: 0 }]);
    const opened = openZip(zip);
    expect(opened.entries[0]?.size).toBe(2 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(kindOf(() => opened.read('households.ndjson'))).toBe('ZIP_BOMB');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('an entry over the per-entry limit → ZIP_TOO_LARGE', () => {
    const zip = writeZip([{ name: 'big.bin', bytes: new Uint8Array(64 * 1024), compression: 'store' }]);
    expect(kindOf(() => openZip(zip, { maxEntryBytes: 32 * 1024 }))).toBe('ZIP_TOO_LARGE');
  });

  it('entries over the total limit → ZIP_TOO_LARGE', () => {
    const bytes = new Uint8Array(40 * 1024);
    const zip = writeZip([
      { name: 'a.bin', bytes },
      { name: 'b.bin', bytes },
    ]);
    expect(kindOf(() => openZip(zip, { maxEntryBytes: 50 * 1024, maxTotalBytes: 60 * 1024 }))).toBe('ZIP_TOO_LARGE');
  });

  it('an archive over the file size limit → ZIP_TOO_LARGE', () => {
    const zip = writeZip([{ name: 'a.bin', bytes: new Uint8Array(10_000), compression: 'store' }]);
    expect(kindOf(() => openZip(zip, { maxArchiveBytes: 5_000 }))).toBe('ZIP_TOO_LARGE');
  });

  it('small, very compressible entries pass the ratio check; big ones do not', () => {
    const blanks = new Uint8Array(512 * 1024).fill(0x20);
    expect(kindOf(() => readZip(writeZip([{ name: 'blank.txt', bytes: blanks }])))).toBe('NO_ERROR');
    expect(kindOf(() => readZip(writeZip([{ name: 'blank.txt', bytes: blanks }]), { ratioCheckMinBytes: 1024 }))).toBe(
      'ZIP_BOMB',
    );
  });

  it.each([
    ['../evil', 'ZIP_PATH_TRAVERSAL'],
    ['/etc/cron.d/evil', 'ZIP_PATH_TRAVERSAL'],
    ['C:\\evil.bat', 'ZIP_PATH_TRAVERSAL'],
    ['dir\\file', 'ZIP_PATH_TRAVERSAL'],
    ['dir/', 'ZIP_BAD_NAME'],
  ] as const)('entry %j → %s', (name, kind) => {
    expect(kindOf(() => openZip(rawZip([{ name, data: text('x') }])))).toBe(kind);
  });

  it('duplicate names → ZIP_DUPLICATE_ENTRY (also differing only in case)', () => {
    const same = rawZip([
      { name: 'manifest.json', data: text('{"a":1}') },
      { name: 'manifest.json', data: text('{"a":2}') },
    ]);
    expect(kindOf(() => openZip(same))).toBe('ZIP_DUPLICATE_ENTRY');
    const cased = rawZip([
      { name: 'manifest.json', data: text('{"a":1}') },
      { name: 'Manifest.JSON', data: text('{"a":2}') },
    ]);
    expect(kindOf(() => openZip(cased))).toBe('ZIP_DUPLICATE_ENTRY');
  });

  it('a non-UTF-8 name without the UTF-8 flag → ZIP_BAD_NAME', () => {
    const gbk = new Uint8Array([0xbb, 0xa7, 0xbc, 0xae, 0x2e, 0x74]); // "户籍.t" in GBK
    expect(kindOf(() => openZip(rawZip([{ name: gbk, data: text('x') }])))).toBe('ZIP_BAD_NAME');
    expect(kindOf(() => openZip(rawZip([{ name: gbk, data: text('x'), flags: 0x0800 }])))).toBe('ZIP_BAD_NAME');
  });

  it('every truncation of a package → ZIP_MALFORMED', () => {
    const zip = writeZip([
      { name: 'manifest.json', bytes: text('{"a":1}') },
      { name: 'data.ndjson', bytes: text(ndjson.slice(0, 3000)) },
    ]);
    const kinds = new Set<string>();
    for (let len = 0; len < zip.length; len++) kinds.add(kindOf(() => readZip(zip.subarray(0, len))));
    expect([...kinds]).toEqual(['ZIP_MALFORMED']);
  });

  it('junk before or after the archive → ZIP_MALFORMED', () => {
    const zip = writeZip([{ name: 'a.txt', bytes: text('a') }]);
    expect(kindOf(() => openZip(Buffer.concat([Buffer.from('MZ junk'), zip])))).toBe('ZIP_MALFORMED');
    expect(kindOf(() => openZip(Buffer.concat([zip, Buffer.from('junk')])))).toBe('ZIP_MALFORMED');
    expect(kindOf(() => openZip(text('not a zip at all, just some text')))).toBe('ZIP_MALFORMED');
    expect(kindOf(() => openZip(new Uint8Array(0)))).toBe('ZIP_MALFORMED');
  });

  it('an archive comment is allowed', () => {
    const zip = rawZip([{ name: 'a.txt', data: text('a') }], { comment: 'made by hand' });
    expect(readZip(zip)[0]?.name).toBe('a.txt');
  });

  it('a flipped data byte → ZIP_MALFORMED (CRC), stored and deflated', () => {
    const stored = writeZip([{ name: 'a.txt', bytes: text('hello world'), compression: 'store' }]);
    stored[30 + 'a.txt'.length + 3]! ^= 0x01;
    expect(kindOf(() => readZip(stored))).toBe('ZIP_MALFORMED');

    const deflated = deflateRawSync(Buffer.from(ndjson));
    const good = rawZip([{ name: 'd.ndjson', data: deflated, method: 8, size: text(ndjson).length, crc: crc32(text(ndjson)) }]);
    expect(kindOf(() => readZip(good))).toBe('NO_ERROR');
    const wrongCrc = rawZip([{ name: 'd.ndjson', data: deflated, method: 8, size: text(ndjson).length, crc: 1234 }]);
    expect(kindOf(() => readZip(wrongCrc))).toBe('ZIP_MALFORMED');
    // Damaged DEFLATE data may fail to decode, decode to the wrong bytes (CRC) or run past the
    // declared size (then it is indistinguishable from a lying bomb): refused in every case.
    for (const at of [10, 200, 1000, deflated.length - 5]) {
      const bad = new Uint8Array(good);
      bad[30 + 'd.ndjson'.length + at]! ^= 0x55;
      expect(['ZIP_MALFORMED', 'ZIP_BOMB']).toContain(kindOf(() => readZip(bad)));
    }
  });

  it('a deflate stream shorter than declared → ZIP_MALFORMED', () => {
    const deflated = deflateRawSync(Buffer.from('short'));
    const zip = rawZip([{ name: 'a.txt', data: deflated, method: 8, size: 100, crc: 0 }]);
    expect(kindOf(() => readZip(zip))).toBe('ZIP_MALFORMED');
  });

  it('a local header that disagrees with the directory → ZIP_MALFORMED', () => {
    const zip = rawZip([{ name: 'readme.txt', localName: '../evil.sh', data: text('x') }]);
    expect(kindOf(() => openZip(zip))).toBe('ZIP_MALFORMED');
  });

  it('stored entry whose sizes disagree → ZIP_MALFORMED', () => {
    const zip = rawZip([{ name: 'a.txt', data: text('abc'), size: 10 }]);
    expect(kindOf(() => openZip(zip))).toBe('ZIP_MALFORMED');
  });

  it('two entries sharing one data region (overlap bomb) → ZIP_MALFORMED', () => {
    const zip = rawZip([
      { name: 'a.txt', data: text('shared') },
      { name: 'b.txt', data: text('shared'), localOffsetOf: 0 },
    ]);
    expect(kindOf(() => openZip(zip))).toBe('ZIP_MALFORMED');
  });

  it('zip encryption and unknown methods → ZIP_UNSUPPORTED', () => {
    expect(kindOf(() => openZip(rawZip([{ name: 'a.txt', data: text('x'), flags: 0x0001 }])))).toBe('ZIP_UNSUPPORTED');
    expect(kindOf(() => openZip(rawZip([{ name: 'a.txt', data: text('x'), method: 12, size: 1 }])))).toBe(
      'ZIP_UNSUPPORTED',
    );
  });

  it('every message is Chinese', () => {
    const msg = messageOf(() => openZip(rawZip([{ name: '../evil', data: text('x') }])));
    expect(msg).toMatch(/[\u4e00-\u9fff]/);
  });

  it('default limits are the documented ones', () => {
    expect(DEFAULT_ZIP_LIMITS.maxEntries).toBe(64);
    expect(Object.isFrozen(DEFAULT_ZIP_LIMITS)).toBe(true);
  });
});
