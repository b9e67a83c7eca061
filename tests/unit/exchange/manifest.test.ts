import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  MANIFEST_FILE,
  ManifestError,
  canonicalJson,
  describeFile,
  manifestHash,
  parseManifest,
  serializeManifest,
  type Manifest,
  type ManifestErrorKind,
} from '../../../electron/core/exchange/manifest';
import { generateMinisignKeyPair, keyIdHex, signMinisign, verifyMinisign } from '../../../electron/core/exchange/minisign';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const hex = (c: string) => c.repeat(64);

function sample(): Manifest {
  return {
    formatVersion: 1,
    packageId: '0190c6a8-7c1e-7b3a-9f00-123456789abc',
    kind: 'report',
    sender: { nodeId: '620422100000', keyId: '920C99729C7A3F0F' },
    recipient: { nodeId: '620422000000' },
    channel: { seq: 2, prevHash: hex('a') },
    createdAt: '2024-05-01T08:00:00.000Z',
    expiresAt: '2024-05-31T08:00:00.000Z',
    schemaVersion: 3,
    changeRange: { fromSeq: 101, toSeq: 250 },
    recordCounts: { persons: 120, households: 30 },
    files: [
      describeFile('households.ndjson.age', text('ciphertext-1'), true),
      describeFile('persons.ndjson', text('{"id":1}\n'), false),
    ],
    auditHead: { seq: 880, hash: hex('b') },
  };
}

function kindOf(fn: () => unknown): ManifestErrorKind | 'NO_ERROR' | 'OTHER' {
  try {
    fn();
    return 'NO_ERROR';
  } catch (err) {
    return err instanceof ManifestError ? err.kind : 'OTHER';
  }
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('does not depend on insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('sorts by UTF-16 code units and escapes like JSON.stringify', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, 户: 4 })).toBe('{"Z":3,"z":2,"é":1,"户":4}');
    expect(canonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });

  it('throws on values JSON.stringify would quietly change', () => {
    for (const v of [undefined, NaN, Infinity, new Date(0), { a: undefined }, [undefined], () => 1, 1n, new Map()]) {
      expect(() => canonicalJson(v)).toThrow(TypeError);
    }
  });
});

describe('manifest', () => {
  it('serializes to canonical bytes and parses back to the same value', () => {
    const bytes = serializeManifest(sample());
    const json = Buffer.from(bytes).toString('utf8');
    expect(json.startsWith('{"auditHead":{"hash":"bbbb')).toBe(true);
    expect(json).not.toMatch(/\s/);
    expect(parseManifest(bytes)).toEqual(sample());
  });

  it('gives the same bytes whatever the key order of the input', () => {
    const m = sample();
    const shuffled = Object.fromEntries(Object.entries(m).reverse()) as Manifest;
    shuffled.recordCounts = { households: 30, persons: 120 };
    expect(Buffer.from(serializeManifest(shuffled)).equals(Buffer.from(serializeManifest(m)))).toBe(true);
  });

  it('signs and verifies as bytes, and the hash chains', () => {
    const kp = generateMinisignKeyPair();
    const m = { ...sample(), sender: { nodeId: '620422100000', keyId: keyIdHex(kp.keyId) } };
    const bytes = serializeManifest(m);
    const sig = signMinisign(bytes, kp.secretKey, kp.keyId, `fpkg ${m.packageId}`);
    expect(verifyMinisign(serializeManifest(parseManifest(bytes)), sig, kp).ok).toBe(true);
    expect(manifestHash(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('describes a file by the bytes as stored', () => {
    expect(describeFile('a.ndjson', text('abc'), false)).toEqual({
      name: 'a.ndjson',
      size: 3,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      encrypted: false,
    });
  });

  it('allows the first package on a channel and packages without change-log rows', () => {
    const first: Manifest = { ...sample(), kind: 'key', channel: { seq: 1, prevHash: null }, changeRange: null, files: [] };
    expect(parseManifest(serializeManifest(first))).toEqual(first);
  });

  const invalid: [string, (m: Manifest) => unknown][] = [
    ['unknown kind', (m) => ({ ...m, kind: 'bogus' })],
    ['bad package id', (m) => ({ ...m, packageId: 'x' })],
    ['extra field', (m) => ({ ...m, note: 'hi' })],
    ['missing field', ({ auditHead: _a, ...rest }) => rest],
    ['local time', (m) => ({ ...m, createdAt: '2024-05-01T16:00:00+08:00' })],
    ['expiry before creation', (m) => ({ ...m, expiresAt: '2024-04-01T00:00:00Z' })],
    ['seq 1 with a previous hash', (m) => ({ ...m, channel: { seq: 1, prevHash: hex('a') } })],
    ['seq 2 without a previous hash', (m) => ({ ...m, channel: { seq: 2, prevHash: null } })],
    ['seq 0', (m) => ({ ...m, channel: { seq: 0, prevHash: null } })],
    ['upper-case hash', (m) => ({ ...m, auditHead: { seq: 1, hash: hex('A') } })],
    ['reversed change range', (m) => ({ ...m, changeRange: { fromSeq: 9, toSeq: 3 } })],
    ['fractional count', (m) => ({ ...m, recordCounts: { persons: 1.5 } })],
    ['negative size', (m) => ({ ...m, files: [{ ...m.files[0]!, size: -1 }] })],
    ['bad table name', (m) => ({ ...m, recordCounts: { 'Persons; drop': 1 } })],
    ['key id in raw byte order is still 16 hex digits but lower case', (m) => ({ ...m, sender: { ...m.sender, keyId: 'abcdef0123456789' } })],
    ['traversal in a file name', (m) => ({ ...m, files: [{ ...m.files[0]!, name: '../evil' }] })],
    ['duplicate file names', (m) => ({ ...m, files: [m.files[0]!, { ...m.files[1]!, name: m.files[0]!.name.toUpperCase() }] })],
    ['a file named like the manifest', (m) => ({ ...m, files: [{ ...m.files[0]!, name: MANIFEST_FILE }] })],
  ];
  it.each(invalid)('refuses %s → MANIFEST_INVALID', (_label, mutate) => {
    const raw = mutate(sample());
    expect(kindOf(() => serializeManifest(raw as Manifest))).toBe('MANIFEST_INVALID');
    expect(kindOf(() => parseManifest(text(canonicalJson(raw))))).toBe('MANIFEST_INVALID');
  });

  it('error details name the fields, not their values', () => {
    try {
      serializeManifest({ ...sample(), recipient: { nodeId: '身份证 620422199001011234' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ManifestError);
      const e = err as ManifestError;
      expect(e.message).toContain('recipient.nodeId');
      expect(JSON.stringify(e.details) + e.message).not.toContain('620422199001011234');
    }
  });

  it('refuses a format version it does not know → MANIFEST_UNSUPPORTED_VERSION', () => {
    const future = { ...sample(), formatVersion: 2 };
    expect(kindOf(() => parseManifest(text(canonicalJson(future))))).toBe('MANIFEST_UNSUPPORTED_VERSION');
    const { formatVersion: _v, ...none } = sample();
    expect(kindOf(() => parseManifest(text(canonicalJson(none))))).toBe('MANIFEST_UNSUPPORTED_VERSION');
  });

  it('refuses a non-canonical spelling of a valid manifest → MANIFEST_NOT_CANONICAL', () => {
    const m = sample();
    expect(kindOf(() => parseManifest(text(JSON.stringify(m))))).toBe('MANIFEST_NOT_CANONICAL');
    expect(kindOf(() => parseManifest(text(JSON.stringify(JSON.parse(canonicalJson(m)), null, 2))))).toBe(
      'MANIFEST_NOT_CANONICAL',
    );
    expect(kindOf(() => parseManifest(text(`${canonicalJson(m)}\n`)))).toBe('MANIFEST_NOT_CANONICAL');
    // A duplicate key: JSON.parse keeps the last one, other parsers the first.
    const dup = canonicalJson(m).replace('"kind":"report"', '"kind":"directive","kind":"report"');
    expect(kindOf(() => parseManifest(text(dup)))).toBe('MANIFEST_NOT_CANONICAL');
  });

  it('refuses bytes that are not a JSON object → MANIFEST_MALFORMED', () => {
    expect(kindOf(() => parseManifest(text('not json')))).toBe('MANIFEST_MALFORMED');
    expect(kindOf(() => parseManifest(text('[1,2]')))).toBe('MANIFEST_MALFORMED');
    expect(kindOf(() => parseManifest(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe('MANIFEST_MALFORMED');
    expect(kindOf(() => parseManifest(new Uint8Array(2 * 1024 * 1024).fill(0x20)))).toBe('MANIFEST_MALFORMED');
  });
});
