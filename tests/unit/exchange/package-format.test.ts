import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { identityToRecipient } from 'age-encryption';
import {
  buildPackage,
  checkExpiry,
  checkFiles,
  checkSignature,
  openPackage,
  packageFileName,
  readPayloadFile,
  readPayloadFiles,
  logicalName,
  type ManifestHeader,
} from '../../../electron/core/exchange/package-format';
import { generateMinisignKeyPair, keyIdHex } from '../../../electron/core/exchange/minisign';
import { encryptToRecipient } from '../../../electron/core/exchange/age';
import { bech32Decode, bech32Encode, deriveAgeIdentity, generateNodeAgeIdentity, recipientOfIdentity } from '../../../electron/core/exchange/age-identity';
import { NdjsonWriter, readNdjson } from '../../../electron/core/exchange/ndjson';
import { PackageError } from '../../../electron/core/exchange/package-errors';
import { describeFile } from '../../../electron/core/exchange/manifest';
import { cleanRow, reportTable, snapshotSql, REPORT_TABLE_NAMES } from '../../../electron/core/services/exchange/report-tables';
import { ReportParser } from '../../../electron/core/services/exchange/report-apply';

const signerKey = generateMinisignKeyPair();
const signer = { secretKey: signerKey.secretKey, keyId: signerKey.keyId };

function header(overrides: Partial<ManifestHeader> = {}): ManifestHeader {
  return {
    packageId: randomUUID(),
    kind: 'report',
    sender: { nodeId: 'township-620422100000', keyId: keyIdHex(signerKey.keyId) },
    recipient: { nodeId: 'county-620422000000' },
    channel: { seq: 1, prevHash: null },
    createdAt: '2026-03-02T08:00:00.000Z',
    expiresAt: '2026-05-01T08:00:00.000Z',
    schemaVersion: 3,
    changeRange: { fromSeq: 1, toSeq: 10 },
    recordCounts: { households: 2 },
    auditHead: { seq: 4, hash: 'a'.repeat(64) },
    ...overrides,
  };
}

const kindOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'NO_ERROR';
  } catch (err) {
    return err instanceof PackageError ? `${err.kind}/${err.reason}` : String(err);
  }
};

const ndjson = Buffer.from('{"id":"a"}\n{"id":"b"}\n');

describe('buildPackage / openPackage', () => {
  it('an encrypted package: gzip + age per file, stored (not deflated), named .gz.age, every check passes', async () => {
    const me = deriveAgeIdentity(Buffer.alloc(32, 9).toString('base64'));
    const built = await buildPackage(header(), [{ name: 'households.ndjson', bytes: ndjson }], { encryptTo: me.recipient, signer });
    expect(built.fileName).toBe(`township-620422100000_county-620422000000_report_000001_${built.manifest.packageId.slice(0, 8)}.fpkg`);
    const pkg = openPackage(built.bytes);
    expect(pkg.zip.entries.map((e) => [e.name, e.method])).toEqual([
      ['manifest.json', 'store'],
      ['manifest.json.minisig', 'store'],
      ['households.ndjson.gz.age', 'store'],
    ]);
    expect(pkg.manifestHash).toBe(built.manifestHash);
    checkSignature(pkg, signerKey);
    checkExpiry(pkg.manifest, new Date('2026-04-01T00:00:00Z'));
    const files = checkFiles(pkg);
    const file = pkg.manifest.files[0]!;
    expect(logicalName(file)).toBe('households.ndjson');
    const plain = await readPayloadFile(file, files.get(file.name)!, me.identity, { remaining: 1 << 20 });
    expect(Buffer.from(plain).toString()).toBe(ndjson.toString());
  });

  it('an unencrypted package keeps plain NDJSON and lets the zip deflate it', async () => {
    const built = await buildPackage(header(), [{ name: 'households.ndjson', bytes: Buffer.from(ndjson.toString().repeat(50)) }], { encryptTo: null, signer });
    const pkg = openPackage(built.bytes);
    expect(pkg.zip.entries[2]).toMatchObject({ name: 'households.ndjson', method: 'deflate' });
    const files = checkFiles(pkg);
    const out = await readPayloadFile(pkg.manifest.files[0]!, files.get('households.ndjson')!, null, { remaining: 1 << 20 });
    expect(Buffer.from(out).toString()).toBe(ndjson.toString().repeat(50));
  });

  it('expiry is exclusive of the instant itself', async () => {
    const built = await buildPackage(header(), [], { encryptTo: null, signer });
    expect(kindOf(() => checkExpiry(built.manifest, new Date('2026-05-01T08:00:00.000Z')))).toBe('PACKAGE_EXPIRED/EXPIRED');
    expect(kindOf(() => checkExpiry(built.manifest, new Date('2026-05-01T07:59:59.999Z')))).toBe('NO_ERROR');
  });

  it('a signature by another key names the mismatch', async () => {
    const built = await buildPackage(header(), [], { encryptTo: null, signer });
    const other = generateMinisignKeyPair();
    expect(kindOf(() => checkSignature(openPackage(built.bytes), other))).toBe('PACKAGE_SIGNATURE/SIGNATURE_KEY_MISMATCH');
    expect(kindOf(() => checkSignature(openPackage(built.bytes), { keyId: signerKey.keyId, publicKey: other.publicKey }))).toBe('PACKAGE_SIGNATURE/SIGNATURE_INVALID');
  });

  it('decompression after decryption is capped, and the budget spans files', async () => {
    const me = generateNodeAgeIdentity();
    const bomb = await encryptToRecipient(gzipSync(Buffer.alloc(2 * 1024 * 1024)), me.recipient);
    const file = describeFile('households.ndjson.gz.age', bomb, true);
    await expect(readPayloadFile(file, bomb, me.identity, { remaining: 10 << 20 }, { maxFileBytes: 1 << 20, maxTotalBytes: 10 << 20 })).rejects.toMatchObject({
      kind: 'PACKAGE_ZIP_BOMB',
    });
    await expect(readPayloadFile(file, bomb, me.identity, { remaining: 1 << 20 })).rejects.toMatchObject({ kind: 'PACKAGE_ZIP_BOMB' });
    const budget = { remaining: 3 << 20 };
    await readPayloadFile(file, bomb, me.identity, budget);
    expect(budget.remaining).toBe(1 << 20);
  });

  describe('reading the payload files ahead (readPayloadFiles)', () => {
    const me = generateNodeAgeIdentity();
    const encrypted = async (name: string, plain: Buffer) => {
      const bytes = await encryptToRecipient(gzipSync(plain), me.recipient);
      return { file: describeFile(`${name}.gz.age`, bytes, true), bytes };
    };
    const read = async (parts: { file: ReturnType<typeof describeFile>; bytes: Uint8Array }[], limits = { maxFileBytes: 1 << 20, maxTotalBytes: 10 << 20 }) => {
      const seen: string[] = [];
      let error: unknown = null;
      try {
        await readPayloadFiles(
          parts.map((p) => p.file),
          new Map(parts.map((p) => [p.file.name, p.bytes])),
          me.identity,
          limits,
          (f, bytes) => seen.push(`${logicalName(f)}:${bytes.length}`),
        );
      } catch (err) {
        error = err;
      }
      return { seen, error: error as PackageError | null };
    };

    it('hands every file over in manifest order, whatever finishes inflating first', async () => {
      const parts = [await encrypted('a.ndjson', Buffer.alloc(900_000, 97)), await encrypted('b.ndjson', Buffer.from('b\n')), await encrypted('c.ndjson', Buffer.alloc(5000, 99))];
      expect(await read(parts)).toEqual({ seen: ['a.ndjson:900000', 'b.ndjson:2', 'c.ndjson:5000'], error: null });
    });

    it('holds a file read ahead to the cap left after the files before it', async () => {
      // 600 KB + 600 KB under a 1 MB total: the second was inflated against the whole 1 MB (the
      // first was not counted yet) and must still be refused as over the 400 KB left for it.
      const parts = [await encrypted('a.ndjson', Buffer.alloc(600 * 1024)), await encrypted('b.ndjson', Buffer.alloc(600 * 1024)), await encrypted('c.ndjson', Buffer.from('c\n'))];
      const r = await read(parts, { maxFileBytes: 1 << 20, maxTotalBytes: 1 << 20 });
      expect(r.seen).toEqual(['a.ndjson:614400']);
      expect(r.error).toMatchObject({ kind: 'PACKAGE_ZIP_BOMB', reason: 'PAYLOAD_TOO_LARGE' });
      expect(r.error!.message).toContain('b.ndjson.gz.age');
    });

    it('reports the first bad file in manifest order, not the first to fail', async () => {
      const good = await encrypted('a.ndjson', Buffer.alloc(300_000, 97));
      const notGzip = await encryptToRecipient(Buffer.from('plain, not gzip'), me.recipient);
      const corrupt = { file: describeFile('b.ndjson.gz.age', notGzip, true), bytes: notGzip };
      const other = generateNodeAgeIdentity();
      const foreignBytes = await encryptToRecipient(gzipSync(Buffer.from('x')), other.recipient);
      const foreign = { file: describeFile('c.ndjson.gz.age', foreignBytes, true), bytes: foreignBytes };
      // c fails at once (not for us) while a and b are still inflating; b's error comes first.
      const r = await read([good, corrupt, foreign]);
      expect(r.seen).toEqual(['a.ndjson:300000']);
      expect(r.error).toMatchObject({ kind: 'PACKAGE_CONTENT', reason: 'GZIP_CORRUPT' });
      expect((await read([good, foreign, corrupt])).error).toMatchObject({ kind: 'PACKAGE_DECRYPT', reason: 'AGE_NOT_FOR_US' });
    });
    it("does not trust gzip's stated length: a file that lies about it is refused, never inflated past the cap", async () => {
      const withStatedLength = async (name: string, plain: Buffer, stated: number) => {
        const gz = gzipSync(plain);
        gz.writeUInt32LE(stated >>> 0, gz.length - 4);
        const bytes = await encryptToRecipient(gz, me.recipient);
        return { file: describeFile(`${name}.gz.age`, bytes, true), bytes };
      };
      // claims 4 GB, holds 2 MB, cap 1 MB: over the cap
      expect((await read([await withStatedLength('a.ndjson', Buffer.alloc(2 << 20), 0xffffffff)])).error).toMatchObject({ kind: 'PACKAGE_ZIP_BOMB' });
      // claims 10 bytes, holds 500 KB: inflates in more chunks and then fails gzip's own length check
      expect((await read([await withStatedLength('a.ndjson', Buffer.alloc(500_000, 1), 10)])).error).toMatchObject({ kind: 'PACKAGE_CONTENT', reason: 'GZIP_CORRUPT' });
    });
  });

  it('a report parsed file by file keeps its first bad file until the end, and reads deletions last', () => {
    const line = (v: unknown) => Buffer.from(JSON.stringify(v) + '\n');
    const parser = new ReportParser();
    parser.addFile('deletes.ndjson', Buffer.from('not json\n'));
    parser.addFile('households.ndjson', Buffer.from('{"id": 1}\n'));
    parser.addFile('persons.ndjson', Buffer.from('{oops\n'));
    const meta = { mode: 'snapshot' as const, node: { nodeId: 'n', level: 'township' as const, regionCode: '620422100000', name: 'x' }, tables: [], acknowledgedSeq: 0, reviewTaskResults: [] };
    expect(kindOf(() => parser.finish(meta, {}))).toBe('PACKAGE_CONTENT/ROW_INVALID');
    expect(() => parser.finish(meta, {})).toThrow(/households\.ndjson 第 1 行缺少主键 id/);
    const clean = new ReportParser();
    clean.addFile('deletes.ndjson', line({ table: 'households', id: 'h1' }));
    expect(clean.finish(meta, { deletes: 1 }).deletes).toEqual([{ table: 'households', id: 'h1' }]);
    const badDeletes = new ReportParser();
    badDeletes.addFile('deletes.ndjson', Buffer.from('not json\n'));
    expect(kindOf(() => badDeletes.finish(meta, {}))).toBe('PACKAGE_CONTENT/NDJSON_INVALID');
  });

  it('file names sort by channel and sequence', () => {
    const names = [12, 3, 100].map((seq) => packageFileName({ ...header(), channel: { seq, prevHash: 'a'.repeat(64) } }));
    expect([...names].sort().map((n) => n.split('_')[3])).toEqual(['000003', '000012', '000100']);
  });
});

describe('the node age identity', () => {
  it('is derived deterministically from the signing seed, and age-encryption agrees on its recipient', async () => {
    const seed = Buffer.alloc(32, 1).toString('base64');
    const a = deriveAgeIdentity(seed);
    expect(deriveAgeIdentity(seed)).toEqual(a);
    expect(deriveAgeIdentity(Buffer.alloc(32, 2).toString('base64')).identity).not.toBe(a.identity);
    expect(a.identity).toMatch(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/);
    expect(await identityToRecipient(a.identity)).toBe(a.recipient);
    expect(recipientOfIdentity(a.identity)).toBe(a.recipient);
    const random = generateNodeAgeIdentity();
    expect(await identityToRecipient(random.identity)).toBe(random.recipient);
  });

  it('bech32 round-trips and refuses a changed character', () => {
    const data = new Uint8Array(Buffer.from('00ff10203040506070', 'hex'));
    const text = bech32Encode('age', data);
    expect(bech32Decode(text)).toEqual({ hrp: 'age', data });
    const broken = text.slice(0, -1) + (text.endsWith('q') ? 'p' : 'q');
    expect(bech32Decode(broken)).toBeNull();
  });
});

describe('NDJSON', () => {
  it('writes in chunks and reads back line by line, naming a bad line', () => {
    const w = new NdjsonWriter();
    for (let i = 0; i < 1000; i++) w.push({ i, s: '户'.repeat(i % 7) });
    const seen: number[] = [];
    readNdjson(w.bytes(), 'x.ndjson', (v) => seen.push((v as { i: number }).i));
    expect(seen).toHaveLength(1000);
    expect(w.lines).toBe(1000);
    expect(kindOf(() => readNdjson(Buffer.from('{"a":1}\r\n{"a":\n'), 'x.ndjson', () => undefined))).toBe('PACKAGE_CONTENT/NDJSON_INVALID');
  });

  it('reads many megabytes of multi-byte text line by line, line numbers counting on', () => {
    // ~9 MB of lines of Chinese text of odd lengths.
    const lines: string[] = [];
    for (let i = 0, bytes = 0; bytes < 9_500_000; i++) {
      lines.push(JSON.stringify({ i, s: '扶贫户'.repeat(1 + (i % 97)) }));
      bytes += Buffer.byteLength(lines[i]!) + 1;
    }
    const bytes = Buffer.from(lines.join('\n') + '\n\n' + lines[0] + '\r\n' + lines[1]);
    expect(bytes.length).toBeGreaterThan(9 * 1024 * 1024);
    const seen: { i: number; line: number; s: string }[] = [];
    const count = readNdjson(bytes, 'x.ndjson', (v, line) => seen.push({ ...(v as { i: number; s: string }), line }));
    expect(seen).toHaveLength(lines.length + 2);
    expect(seen.every((v, k) => k >= lines.length || (v.i === k && v.line === k + 1 && v.s === '扶贫户'.repeat(1 + (k % 97))))).toBe(true);
    // the empty line is counted, not parsed; CRLF and a missing final newline are fine
    expect(seen.slice(-2).map((v) => [v.i, v.line])).toEqual([[0, lines.length + 2], [1, lines.length + 3]]);
    expect(count).toBe(lines.length + 3);
    // a bad line far into the file is named by its number
    const broken = Buffer.from(lines.join('\n') + '\n{"i":\n');
    expect(() => readNdjson(broken, 'x.ndjson', () => undefined)).toThrow(`x.ndjson 第 ${lines.length + 1} 行不是有效的 JSON`);
  });

  it('refuses a line over 1 MB, however long, before parsing it', () => {
    const ok = '{"a":1}\n';
    const long = (n: number) => Buffer.from(ok + '{"s":"' + 'x'.repeat(n) + '"}\n' + ok);
    const seen: number[] = [];
    expect(() => readNdjson(long(1024 * 1024), 'x.ndjson', (_v, line) => seen.push(line))).toThrow('x.ndjson 第 2 行过长');
    expect(seen).toEqual([1]);
    expect(kindOf(() => readNdjson(long(6 * 1024 * 1024), 'x.ndjson', () => undefined))).toBe('PACKAGE_CONTENT/LINE_TOO_LONG');
    expect(() => readNdjson(long(6 * 1024 * 1024), 'x.ndjson', () => undefined)).toThrow('第 2 行过长');
    // just under the limit is one of ours
    expect(readNdjson(long(1024 * 1024 - 20), 'x.ndjson', () => undefined)).toBe(3);
  });
});

describe('report tables', () => {
  it('travel in foreign-key order and let SQLite write each line', () => {
    expect(REPORT_TABLE_NAMES).toEqual(['villages', 'village_groups', 'households', 'persons', 'memberships', 'conditions', 'incomes', 'benefits', 'household_events']);
    const sql = snapshotSql(reportTable('households')!);
    expect(sql).toContain(`',"record":' || COALESCE("record", 'null')`);
    expect(sql).not.toContain('head_name');
  });

  it('an incoming row: generated columns dropped, unknown ones and wrong types refused', () => {
    const t = reportTable('households')!;
    const row = { id: 'h', regionCode: '620422100001', record: {}, headName: '张三', createdAt: 'n', updatedAt: 'n' };
    expect(cleanRow(t, row, 'households.ndjson', 1)).toEqual({ id: 'h', regionCode: '620422100001', record: {}, createdAt: 'n', updatedAt: 'n' });
    expect(kindOf(() => cleanRow(t, { ...row, extra: 1 }, 'f', 1))).toBe('PACKAGE_CONTENT/UNKNOWN_COLUMN');
    expect(kindOf(() => cleanRow(t, { ...row, memberCount: '4' }, 'f', 1))).toBe('PACKAGE_CONTENT/ROW_INVALID');
    expect(kindOf(() => cleanRow(t, { ...row, memberCount: null }, 'f', 1))).toBe('PACKAGE_CONTENT/ROW_INVALID');
    expect(kindOf(() => cleanRow(t, { id: 'h' }, 'f', 1))).toBe('PACKAGE_CONTENT/ROW_INVALID');
    expect(kindOf(() => cleanRow(t, [1], 'f', 1))).toBe('PACKAGE_CONTENT/ROW_INVALID');
  });
});
