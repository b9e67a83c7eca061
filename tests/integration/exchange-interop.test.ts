// The package format promises that stock tools read it: `minisign -V` checks manifest.json's
// signature, `age -d` opens an encrypted payload, `unzip` opens the .fpkg. These tests run the
// Debian tools (minisign 0.11, age 1.1.1, Info-ZIP unzip/zip) against our code in both directions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAX_TRUSTED_COMMENT_BYTES,
  exportMinisignPublicKey,
  generateMinisignKeyPair,
  importMinisignPublicKey,
  keyIdHex,
  minisignPublicKeyBase64,
  signMinisign,
  verifyMinisign,
  type MinisignVerifyResult,
} from '../../electron/core/exchange/minisign';
import {
  AgeError,
  decryptWithIdentity,
  encryptToRecipient,
  formatAgeIdentityFile,
  generateAgeKeyPair,
  parseAgeIdentityFile,
} from '../../electron/core/exchange/age';
import { openZip, readZip, writeZip } from '../../electron/core/exchange/zip';
import {
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  describeFile,
  parseManifest,
  serializeManifest,
  type Manifest,
} from '../../electron/core/exchange/manifest';

const TOOLS = ['minisign', 'age', 'age-keygen', 'unzip', 'zip'];
let dir: string;
const path = (name: string) => join(dir, name);
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const failKind = (r: MinisignVerifyResult) => (r.ok ? 'OK' : r.error.kind);
/** minisign prints key ids with %PRIX64, i.e. without leading zeros (1 key in 16 shows 15 digits). */
const asMinisignPrints = (keyId: Uint8Array) => keyIdHex(keyId).replace(/^0+(?=.)/, '');

/** Runs a tool; returns its exit status and output instead of throwing. */
function run(cmd: string, args: string[], input?: string | Uint8Array) {
  const stdin = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const r = spawnSync(cmd, args, { cwd: dir, input: stdin, encoding: 'buffer', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

beforeAll(() => {
  // Missing tools are a setup error, not a reason to skip: install with
  // `apt-get install -y minisign age zip unzip`.
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0) throw new Error(`interop tests need these Debian tools: ${missing.join(', ')}`);
  dir = mkdtempSync(join(tmpdir(), 'fupin-exchange-interop-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('minisign: our signatures, the stock verifier', () => {
  it('minisign -V accepts our prehashed signature and shows our trusted comment', () => {
    const kp = generateMinisignKeyPair();
    writeFileSync(path('ours.pub'), exportMinisignPublicKey(kp));
    const message = text('{"kind":"report","县":"会宁县"}');
    writeFileSync(path('m1.json'), message);
    writeFileSync(path('m1.json.minisig'), signMinisign(message, kp.secretKey, kp.keyId, 'fpkg 甘肃 会宁县 #42'));

    const r = run('minisign', ['-V', '-p', 'ours.pub', '-m', 'm1.json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Trusted comment: fpkg 甘肃 会宁县 #42');
    // -P with the bare key, -H to insist on the prehashed algorithm, -Q for the comment only.
    const q = run('minisign', ['-V', '-H', '-Q', '-P', minisignPublicKeyBase64(kp), '-m', 'm1.json']);
    expect(q.status, q.stderr).toBe(0);
    expect(q.stdout).toBe('fpkg 甘肃 会宁县 #42\n');
  });

  it('a changed byte is refused by minisign -V and by us', () => {
    const kp = generateMinisignKeyPair();
    writeFileSync(path('ours2.pub'), exportMinisignPublicKey(kp));
    const message = text('{"seq":7}');
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'x');
    const changed = text('{"seq":8}');
    writeFileSync(path('m2.json'), changed);
    writeFileSync(path('m2.json.minisig'), sig);
    const r = run('minisign', ['-V', '-p', 'ours2.pub', '-m', 'm2.json']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/verification failed/i);
    expect(failKind(verifyMinisign(changed, sig, kp))).toBe('SIGNATURE_INVALID');

    // A changed trusted comment: the stock tool and we both refuse it.
    writeFileSync(path('m2.json'), message);
    writeFileSync(path('m2.json.minisig'), sig.replace('trusted comment: x', 'trusted comment: y'));
    const g = run('minisign', ['-V', '-p', 'ours2.pub', '-m', 'm2.json']);
    expect(g.status).not.toBe(0);
    expect(g.stderr).toMatch(/comment signature verification failed/i);
    expect(failKind(verifyMinisign(message, readFileSync(path('m2.json.minisig')), kp))).toBe('SIGNATURE_GLOBAL_INVALID');
  });

  it('minisign -V accepts the longest trusted comment we allow', () => {
    const kp = generateMinisignKeyPair();
    writeFileSync(path('ours5.pub'), exportMinisignPublicKey(kp));
    writeFileSync(path('m5.txt'), 'x');
    const comment = '甘'.repeat(Math.floor(MAX_TRUSTED_COMMENT_BYTES / 3)) + 'x'.repeat(MAX_TRUSTED_COMMENT_BYTES % 3);
    expect(Buffer.byteLength(comment)).toBe(MAX_TRUSTED_COMMENT_BYTES);
    writeFileSync(path('m5.txt.minisig'), signMinisign(text('x'), kp.secretKey, kp.keyId, comment));
    const r = run('minisign', ['-V', '-Q', '-p', 'ours5.pub', '-m', 'm5.txt']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${comment}\n`);
  });

  it('minisign -V accepts our legacy signature, and -H refuses it like we do', () => {
    const kp = generateMinisignKeyPair();
    writeFileSync(path('ours3.pub'), exportMinisignPublicKey(kp));
    const message = text('legacy directive');
    writeFileSync(path('m3.txt'), message);
    writeFileSync(path('m3.txt.minisig'), signMinisign(message, kp.secretKey, kp.keyId, 'old', { legacy: true }));
    expect(run('minisign', ['-V', '-p', 'ours3.pub', '-m', 'm3.txt']).status).toBe(0);
    expect(run('minisign', ['-V', '-H', '-p', 'ours3.pub', '-m', 'm3.txt']).status).not.toBe(0);
  });

  it('a signature by another key: minisign names the key ids we print', () => {
    const signer = generateMinisignKeyPair();
    signer.keyId[7] = 0x05; // top nibble 0: minisign shows 15 digits, we show 16
    const other = generateMinisignKeyPair();
    writeFileSync(path('other.pub'), exportMinisignPublicKey(other));
    writeFileSync(path('m4.txt'), 'x');
    writeFileSync(path('m4.txt.minisig'), signMinisign(text('x'), signer.secretKey, signer.keyId, 'x'));
    const r = run('minisign', ['-V', '-p', 'other.pub', '-m', 'm4.txt']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`is ${asMinisignPrints(signer.keyId)}\n`);
    expect(r.stderr).toContain(`is ${asMinisignPrints(other.keyId)}\n`);
    expect(keyIdHex(signer.keyId)).toMatch(/^05/);
  });
});

describe('minisign: stock signatures, our verifier', () => {
  let key: ReturnType<typeof importMinisignPublicKey>;
  let hasLegacyFlag = false;

  beforeAll(() => {
    const g = run('minisign', ['-G', '-W', '-f', '-p', 'stock.pub', '-s', 'stock.key']);
    expect(g.status, g.stderr).toBe(0);
    const pubText = readFileSync(path('stock.pub'), 'utf8');
    key = importMinisignPublicKey(pubText);
    // Our key id display must be the one in minisign's own comment line.
    expect(pubText.split('\n')[0]).toBe(`untrusted comment: minisign public key ${asMinisignPrints(key.keyId)}`);
    const help = run('minisign', ['-h']);
    hasLegacyFlag = /^\s*-l\s/m.test(help.stdout + help.stderr);
  });

  it('a directive signed with `minisign -S` (prehashed) verifies', () => {
    const directive = text('{"kind":"directive","povertyLine":4000}\n');
    writeFileSync(path('d1.json'), directive);
    const s = run('minisign', ['-S', '-s', 'stock.key', '-t', '省扶贫办 参数 2024', '-m', 'd1.json']);
    expect(s.status, s.stderr).toBe(0);
    const sig = readFileSync(path('d1.json.minisig'));
    expect(verifyMinisign(directive, sig, key)).toMatchObject({
      ok: true,
      value: { trustedComment: '省扶贫办 参数 2024', prehashed: true },
    });
    const changed = new Uint8Array(directive);
    changed[5]! ^= 1;
    expect(failKind(verifyMinisign(changed, sig, key))).toBe('SIGNATURE_INVALID');
  });

  it('with its default trusted comment (timestamp, file name, tab separated)', () => {
    writeFileSync(path('d2.json'), '{}');
    expect(run('minisign', ['-S', '-s', 'stock.key', '-m', 'd2.json']).status).toBe(0);
    const r = verifyMinisign(text('{}'), readFileSync(path('d2.json.minisig')), key);
    expect(r.ok && r.value.trustedComment).toMatch(/^timestamp:\d+\tfile:d2\.json/);
  });

  it('a directive signed with `minisign -S -l` (legacy) verifies', () => {
    expect(hasLegacyFlag, 'minisign -h lists -l in 0.11').toBe(true);
    const directive = text('{"kind":"directive","legacy":true}');
    writeFileSync(path('d3.json'), directive);
    const s = run('minisign', ['-S', '-l', '-s', 'stock.key', '-t', 'legacy', '-m', 'd3.json']);
    expect(s.status, s.stderr).toBe(0);
    const sig = readFileSync(path('d3.json.minisig'));
    expect(Buffer.from(sig.toString().split('\n')[1]!, 'base64').subarray(0, 2).toString()).toBe('Ed');
    expect(verifyMinisign(directive, sig, key)).toMatchObject({ ok: true, value: { prehashed: false, trustedComment: 'legacy' } });
    expect(failKind(verifyMinisign(text('{"kind":"directive","legacy":false}'), sig, key))).toBe('SIGNATURE_INVALID');
    expect(failKind(verifyMinisign(directive, sig, key, { requirePrehashed: true }))).toBe('SIGNATURE_LEGACY_REFUSED');
  });
});

describe('age: both directions', () => {
  it('`age -d -i identity.txt` decrypts what we encrypt', async () => {
    const pair = await generateAgeKeyPair();
    writeFileSync(path('identity.txt'), formatAgeIdentityFile(pair), { mode: 0o600 });
    const plain = text(Array.from({ length: 3000 }, (_, i) => `{"id":${i},"户主":"张三"}`).join('\n'));
    writeFileSync(path('persons.ndjson.age'), await encryptToRecipient(plain, pair.recipient));
    const r = run('age', ['-d', '-i', 'identity.txt', 'persons.ndjson.age']);
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.from(r.raw).equals(Buffer.from(plain))).toBe(true);
  });

  it('we decrypt what `age -r` encrypts (binary and armored), with an age-keygen identity', async () => {
    const k = run('age-keygen', ['-o', 'keygen.txt']);
    expect(k.status, k.stderr).toBe(0);
    const identity = parseAgeIdentityFile(readFileSync(path('keygen.txt'), 'utf8'));
    const recipient = run('age-keygen', ['-y', 'keygen.txt']).stdout.trim();
    const plain = text('{"kind":"directive"}\n'.repeat(5000));
    writeFileSync(path('plain.ndjson'), plain);
    expect(run('age', ['-r', recipient, '-o', 'stock.age', 'plain.ndjson']).status).toBe(0);
    expect(run('age', ['-a', '-r', recipient, '-o', 'stock.age.asc', 'plain.ndjson']).status).toBe(0);
    for (const f of ['stock.age', 'stock.age.asc']) {
      const out = await decryptWithIdentity(readFileSync(path(f)), identity);
      expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it('a file `age` encrypted to someone else → AGE_NOT_FOR_US', async () => {
    const ours = await generateAgeKeyPair();
    const theirs = await generateAgeKeyPair();
    writeFileSync(path('p.txt'), 'x');
    expect(run('age', ['-r', theirs.recipient, '-o', 'theirs.age', 'p.txt']).status).toBe(0);
    await expect(decryptWithIdentity(readFileSync(path('theirs.age')), ours.identity)).rejects.toMatchObject({
      kind: 'AGE_NOT_FOR_US',
    });
    await expect(decryptWithIdentity(readFileSync(path('theirs.age')), ours.identity)).rejects.toBeInstanceOf(AgeError);
  });
});

describe('zip: Info-ZIP reads ours, we read Info-ZIP', () => {
  it('`unzip -t` passes our archive and extracts the same bytes, in order', () => {
    const entries = [
      { name: 'manifest.json', bytes: text('{"a":1}') },
      { name: 'data/persons.ndjson', bytes: text('{"id":1}\n'.repeat(2000)) },
      { name: '户籍.ndjson', bytes: text('{"name":"李四"}\n') },
      { name: 'empty.bin', bytes: new Uint8Array(0) },
    ];
    writeFileSync(path('ours.fpkg'), writeZip(entries));
    const t = run('unzip', ['-t', 'ours.fpkg']);
    expect(t.status, t.stdout + t.stderr).toBe(0);
    expect(t.stdout).toContain('No errors detected');
    expect(run('unzip', ['-Z1', 'ours.fpkg']).stdout.trim().split('\n')).toEqual(entries.map((e) => e.name));
    for (const e of entries) {
      const out = execFileSync('unzip', ['-p', path('ours.fpkg'), e.name]);
      expect(out.equals(Buffer.from(e.bytes))).toBe(true);
    }
  });

  it('we read an archive made by `zip` (extra fields in local headers)', () => {
    writeFileSync(path('a.ndjson'), '{"id":1}\n'.repeat(500));
    writeFileSync(path('b.txt'), 'hello');
    rmSync(path('infozip.zip'), { force: true });
    expect(run('zip', ['-q', '-X-', 'infozip.zip', 'a.ndjson', 'b.txt']).status).toBe(0);
    const out = readZip(readFileSync(path('infozip.zip')));
    expect(out.map((e) => e.name)).toEqual(['a.ndjson', 'b.txt']);
    expect(Buffer.from(out[0]!.bytes).toString()).toBe('{"id":1}\n'.repeat(500));
  });

  it('a `zip` archive written from a pipe (ZIP64 records) → ZIP_UNSUPPORTED', () => {
    rmSync(path('piped.zip'), { force: true });
    expect(run('zip', ['-q', 'piped.zip', '-'], 'data\n').status).toBe(0);
    expect(() => openZip(readFileSync(path('piped.zip')))).toThrow(expect.objectContaining({ kind: 'ZIP_UNSUPPORTED' }));
  });

  it('a `zip -r` folder archive is refused for its directory entries', () => {
    rmSync(path('folder.zip'), { force: true });
    execFileSync('mkdir', ['-p', path('pkg')]);
    writeFileSync(path('pkg/a.txt'), 'a');
    expect(run('zip', ['-qr', 'folder.zip', 'pkg']).status).toBe(0);
    expect(() => openZip(readFileSync(path('folder.zip')))).toThrow(expect.objectContaining({ kind: 'ZIP_BAD_NAME' }));
  });
});

describe('a whole package, checked with stock tools only', () => {
  it('unzip → sha256 of each file → minisign -V the manifest → age -d the payload', async () => {
    const sender = generateMinisignKeyPair();
    const recipientKeys = await generateAgeKeyPair();
    const persons = text('{"id":"p1","name":"王五"}\n{"id":"p2","name":"赵六"}\n');
    const households = text('{"id":"h1","village":"620422100201"}\n');
    const personsAge = await encryptToRecipient(persons, recipientKeys.recipient);

    const manifest: Manifest = {
      formatVersion: 1,
      packageId: '0190c6a8-7c1e-7b3a-9f00-123456789abc',
      kind: 'report',
      sender: { nodeId: '620422100000', keyId: keyIdHex(sender.keyId) },
      recipient: { nodeId: '620422000000' },
      channel: { seq: 1, prevHash: null },
      createdAt: '2024-05-01T08:00:00.000Z',
      expiresAt: '2024-05-31T08:00:00.000Z',
      schemaVersion: 1,
      changeRange: { fromSeq: 1, toSeq: 3 },
      recordCounts: { households: 1, persons: 2 },
      files: [describeFile('persons.ndjson.age', personsAge, true), describeFile('households.ndjson', households, false)],
      auditHead: { seq: 3, hash: 'c'.repeat(64) },
    };
    const manifestBytes = serializeManifest(manifest);
    const sig = signMinisign(manifestBytes, sender.secretKey, sender.keyId, `fpkg ${manifest.packageId}`);
    const fpkg = writeZip([
      { name: MANIFEST_FILE, bytes: manifestBytes },
      { name: MANIFEST_SIGNATURE_FILE, bytes: text(sig) },
      { name: 'persons.ndjson.age', bytes: personsAge },
      { name: 'households.ndjson', bytes: households },
    ]);
    writeFileSync(path('report.fpkg'), fpkg);
    writeFileSync(path('sender.pub'), exportMinisignPublicKey(sender));
    writeFileSync(path('recipient-identity.txt'), formatAgeIdentityFile(recipientKeys), { mode: 0o600 });

    execFileSync('mkdir', ['-p', path('unpacked')]);
    expect(run('unzip', ['-q', '-o', 'report.fpkg', '-d', 'unpacked']).status).toBe(0);
    const v = run('minisign', ['-V', '-p', 'sender.pub', '-m', 'unpacked/manifest.json']);
    expect(v.status, v.stderr).toBe(0);
    const listed = parseManifest(readFileSync(path('unpacked/manifest.json')));
    for (const f of listed.files) {
      const bytes = readFileSync(path(`unpacked/${f.name}`));
      expect(bytes.length).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    const d = run('age', ['-d', '-i', 'recipient-identity.txt', 'unpacked/persons.ndjson.age']);
    expect(d.status, d.stderr).toBe(0);
    expect(Buffer.from(d.raw).equals(Buffer.from(persons))).toBe(true);

    // And our own reader: verify the manifest before touching the payload.
    const zip = openZip(fpkg);
    const ok = verifyMinisign(zip.read(MANIFEST_FILE), zip.read(MANIFEST_SIGNATURE_FILE), sender);
    expect(ok).toMatchObject({ ok: true, value: { trustedComment: `fpkg ${manifest.packageId}` } });
  });
});
