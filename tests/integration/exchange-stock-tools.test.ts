// The package promise, checked with Debian's own tools on whole packages: a package the station
// makes is opened by `unzip`, its manifest verified by `minisign -V`, its payload decrypted by
// `age -d`; and a directive made entirely with stock tools (minisign -S, age -r, gzip, zip) by a
// province whose key was registered at the county by hand is accepted and answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ok } from '../helpers/station';
import { family } from '../helpers/households';
import { REGIONS, connect, makeNode, sharedClock, bytesOf, type TestNode } from '../unit/exchange/support/network';
import { exportReport, importBytes } from '../../electron/core/services/exchange/commands';
import { addParentKeyManually } from '../../electron/core/services/exchange/peers';
import { nodeKeys, ownKeyView } from '../../electron/core/services/exchange/node-identity';
import { pendingFor } from '../../electron/core/services/exchange/outbox';
import { canonicalJson, sha256Hex, type Manifest } from '../../electron/core/exchange/manifest';
import { formatAgeIdentityFile } from '../../electron/core/exchange/age';
import { importMinisignPublicKey, keyIdHex, publicKeyFingerprint } from '../../electron/core/exchange/minisign';
import { yearParams } from '../../electron/core/db/schema';

const clock = sharedClock();
let dir: string;
let township: TestNode;
let county: TestNode;

function run(cmd: string, args: string[], cwd = dir, input?: Uint8Array) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'buffer', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

beforeAll(async () => {
  const missing = ['minisign', 'age', 'age-keygen', 'zip', 'unzip', 'gzip'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length) throw new Error(`these tests need Debian's ${missing.join(', ')} (apt-get install minisign age zip unzip)`);
  dir = mkdtempSync(join(tmpdir(), 'fupin-stock-'));
  county = await makeNode('county', REGIONS.huining, clock.now);
  township = await makeNode('township', REGIONS.huishi, clock.now);
  await connect(township, county);
});
afterAll(() => {
  township?.close();
  county?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a station package, opened with stock tools', () => {
  it('unzip opens it, minisign -V verifies the manifest, age -d decrypts every payload file', async () => {
    await ok(township.station, 'registry.saveHousehold', { id: null, regionCode: '620422100001', ...family('620422100001', '张建国') }, township.token);
    const report = await exportReport(township.station, township.caller);
    const pkgDir = mkdtempSync(join(dir, 'report-'));
    writeFileSync(join(pkgDir, 'report.fpkg'), bytesOf(township, report.packageId));
    const unzipped = run('unzip', ['-q', 'report.fpkg'], pkgDir);
    expect(unzipped.status, unzipped.stderr).toBe(0);

    const own = ownKeyView(township.station);
    const v = run('minisign', ['-V', '-P', own.minisignPublicKey, '-m', 'manifest.json'], pkgDir);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.toString()).toContain(`Trusted comment: fpkg report ${report.packageId}`);

    const manifest = JSON.parse(readFileSync(join(pkgDir, 'manifest.json'), 'utf8')) as Manifest;
    const countyIdentity = nodeKeys(county.station, county.secret);
    writeFileSync(join(pkgDir, 'county.key'), formatAgeIdentityFile({ identity: countyIdentity.ageIdentity, recipient: countyIdentity.ageRecipient }));
    for (const f of manifest.files) {
      expect(f.encrypted).toBe(true);
      expect(sha256Hex(readFileSync(join(pkgDir, f.name)))).toBe(f.sha256);
      const d = run('age', ['-d', '-i', 'county.key', f.name], pkgDir);
      expect(d.status, d.stderr).toBe(0);
      const g = run('gunzip', ['-c'], pkgDir, d.stdout);
      expect(g.status, g.stderr).toBe(0);
      const text = g.stdout.toString('utf8');
      if (f.name.startsWith('meta.json')) {
        expect(JSON.parse(text)).toMatchObject({ mode: 'snapshot', node: { nodeId: township.nodeId } });
      } else {
        const table = f.name.replace('.ndjson.gz.age', '');
        const lines = text.split('\n').filter(Boolean);
        expect(lines.length).toBe(manifest.recordCounts[table]);
        for (const l of lines) expect(JSON.parse(l)).toHaveProperty('id');
      }
    }
    // The identity derived from the node key is an ordinary age identity to the stock tools.
    const y = run('age-keygen', ['-y', 'county.key'], pkgDir);
    expect(y.stdout.toString().trim()).toBe(countyIdentity.ageRecipient);
    // The township's own identity is not the county's: stock age refuses it too.
    const wrong = nodeKeys(township.station, township.secret);
    writeFileSync(join(pkgDir, 'township.key'), formatAgeIdentityFile({ identity: wrong.ageIdentity, recipient: wrong.ageRecipient }));
    expect(run('age', ['-d', '-i', 'township.key', manifest.files[0]!.name], pkgDir).status).not.toBe(0);
  });

  it('minisign -V refuses the manifest when a byte of it changes', async () => {
    const pkgDir = mkdtempSync(join(dir, 'tamper-'));
    const report = await exportReport(township.station, township.caller);
    writeFileSync(join(pkgDir, 'r.fpkg'), bytesOf(township, report.packageId));
    expect(run('unzip', ['-q', 'r.fpkg'], pkgDir).status).toBe(0);
    const text = readFileSync(join(pkgDir, 'manifest.json'), 'utf8');
    writeFileSync(join(pkgDir, 'manifest.json'), text.replace('"kind":"report"', '"kind":"repOrt"'));
    const v = run('minisign', ['-V', '-P', ownKeyView(township.station).minisignPublicKey, '-m', 'manifest.json'], pkgDir);
    expect(v.status).not.toBe(0);
  });
});

describe('a directive made with stock tools only', () => {
  it('a province key from `minisign -G`, registered at the county by hand, signs a directive the county accepts', async () => {
    const pdir = mkdtempSync(join(dir, 'province-'));
    expect(run('minisign', ['-G', '-W', '-f', '-p', 'province.pub', '-s', 'province.key'], pdir).status).toBe(0);
    expect(run('age-keygen', ['-o', 'province.age'], pdir).status).toBe(0);
    const provinceRecipient = readFileSync(join(pdir, 'province.age'), 'utf8').match(/public key: (age1\w+)/)![1]!;
    const pubText = readFileSync(join(pdir, 'province.pub'), 'utf8');
    const provKey = importMinisignPublicKey(pubText);
    const provinceId = `province-${REGIONS.province}`;

    // The county's administrator registers the key, typing the fingerprint from the province's form.
    addParentKeyManually(county.station, county.caller.actor, {
      nodeId: provinceId,
      publicKey: pubText,
      ageRecipient: provinceRecipient,
      fingerprint: publicKeyFingerprint(provKey.publicKey),
    });

    // The payload: gzip, then age to the county's recipient, both stock.
    const directive = {
      note: '2026 年度参数',
      yearParams: [{ year: 2026, params: { povertyLineNbs: 4800, exitIncomeTarget: 4800 } }],
      codeOverrides: [],
      regions: [],
      reviewTasks: [],
    };
    writeFileSync(join(pdir, 'directive.json'), JSON.stringify(directive));
    expect(run('gzip', ['-k', '-n', 'directive.json'], pdir).status).toBe(0);
    const countyRecipient = nodeKeys(county.station, county.secret).ageRecipient;
    const enc = run('age', ['-r', countyRecipient, '-o', 'directive.json.gz.age', 'directive.json.gz'], pdir);
    expect(enc.status, enc.stderr).toBe(0);
    const payload = readFileSync(join(pdir, 'directive.json.gz.age'));

    // The manifest: canonical JSON written by hand (sorted keys), signed by `minisign -S`.
    const now = clock.now();
    const manifest = {
      formatVersion: 1,
      packageId: randomUUID(),
      kind: 'directive',
      sender: { nodeId: provinceId, keyId: keyIdHex(provKey.keyId) },
      recipient: { nodeId: county.nodeId },
      channel: { seq: 1, prevHash: null },
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      schemaVersion: county.station.migrations.length,
      changeRange: null,
      recordCounts: { year_params: 1 },
      files: [{ name: 'directive.json.gz.age', size: payload.length, sha256: sha256Hex(payload), encrypted: true }],
      auditHead: { seq: 0, hash: '0'.repeat(64) },
    };
    writeFileSync(join(pdir, 'manifest.json'), canonicalJson(manifest));
    const signed = run('minisign', ['-S', '-s', 'province.key', '-m', 'manifest.json', '-t', 'province directive 1'], pdir);
    expect(signed.status, signed.stderr).toBe(0);
    const zipped = run('zip', ['-X', '-q', '-0', 'directive.fpkg', 'manifest.json', 'manifest.json.minisig', 'directive.json.gz.age'], pdir);
    expect(zipped.status, zipped.stderr).toBe(0);

    const r = await importBytes(county.station, county.caller, readFileSync(join(pdir, 'directive.fpkg')), { source: 'usb', fileName: 'directive.fpkg' });
    expect(r.status, r.error?.message).toBe('applied');
    expect(r.counts).toEqual({ year_params: 1 });
    const params = county.station.db.select().from(yearParams).where(eq(yearParams.year, 2026)).get();
    expect(params?.params).toMatchObject({ povertyLineNbs: 4800 });

    // The county's receipt to the province opens with the province's stock identity.
    const receipt = pendingFor(county.station.db, provinceId).find((p) => p.kind === 'receipt')!;
    writeFileSync(join(pdir, 'receipt.fpkg'), bytesOf(county, receipt.packageId));
    expect(run('unzip', ['-q', '-o', 'receipt.fpkg', '-d', 'receipt'], pdir).status).toBe(0);
    const v = run('minisign', ['-V', '-P', ownKeyView(county.station).minisignPublicKey, '-m', 'receipt/manifest.json'], pdir);
    expect(v.status, v.stderr).toBe(0);
    const d = run('age', ['-d', '-i', 'province.age', 'receipt/receipt.json.gz.age'], pdir);
    expect(d.status, d.stderr).toBe(0);
    const body = JSON.parse(run('gunzip', ['-c'], pdir, d.stdout).stdout.toString('utf8'));
    expect(body).toMatchObject({ forPackageId: manifest.packageId, status: 'applied', acceptedSeq: 1 });

    // The same directive again: already applied, nothing changes.
    const again = await importBytes(county.station, county.caller, readFileSync(join(pdir, 'directive.fpkg')), { source: 'usb' });
    expect(again.status).toBe('already-applied');
  });
});
