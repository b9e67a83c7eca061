// Hostile and broken packages at a county from its township: each is refused at its own check,
// with its own error kind and reason, and nothing of it reaches the registry or the change log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { REGIONS, connect, makeNode, sharedClock, type TestNode } from '../unit/exchange/support/network';
import { rawZip, zeroBombStream } from '../unit/exchange/raw-zip';
import { importBytes } from '../../electron/core/services/exchange/commands';
import { nodeKeys } from '../../electron/core/services/exchange/node-identity';
import { channelState, getPeer } from '../../electron/core/services/exchange/peers';
import { MIN_SCHEMA_VERSION, type ImportResult } from '../../electron/core/services/exchange/import';
import { buildPackage, type ManifestHeader, type PayloadFile, type Signer } from '../../electron/core/exchange/package-format';
import { readZip, writeZip } from '../../electron/core/exchange/zip';
import { MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, serializeManifest, type Manifest } from '../../electron/core/exchange/manifest';
import { generateMinisignKeyPair, keyIdHex, signMinisign } from '../../electron/core/exchange/minisign';
import { encryptToRecipient } from '../../electron/core/exchange/age';
import { generateNodeAgeIdentity } from '../../electron/core/exchange/age-identity';
import { jsonBytes, type ReportMeta } from '../../electron/core/exchange/payloads';

const HUISHI_VILLAGE = '620422100001';
const OTHER_TOWNSHIP_VILLAGE = '620422101001';

const clock = sharedClock();
let county: TestNode;
let township: TestNode;

beforeAll(async () => {
  county = await makeNode('county', REGIONS.huining, clock.now);
  township = await makeNode('township', REGIONS.huishi, clock.now);
  await connect(township, county);
});
afterAll(() => {
  county?.close();
  township?.close();
});

type Row = Record<string, unknown>;

function household(id: string, regionCode = HUISHI_VILLAGE, headName = '张三'): Row {
  const now = clock.now().toISOString();
  return { id, regionCode, record: { headName, dataYear: 2020 }, nameInitials: 'zs', memberCount: 0, errorCount: 0, warningCount: 0, createdAt: now, updatedAt: now };
}

function reportFiles(rows: Row[], extra: PayloadFile[] = []): { files: PayloadFile[]; recordCounts: Record<string, number> } {
  const meta: ReportMeta = {
    mode: 'incremental',
    node: { nodeId: township.nodeId, level: 'township', regionCode: REGIONS.huishi, name: '会师镇扶贫工作站' },
    tables: rows.length ? ['households'] : [],
    acknowledgedSeq: 0,
    reviewTaskResults: [],
  };
  const files: PayloadFile[] = [{ name: 'meta.json', bytes: jsonBytes(meta) }];
  if (rows.length) files.push({ name: 'households.ndjson', bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + '\n') });
  return { files: [...files, ...extra], recordCounts: rows.length ? { households: rows.length } : {} };
}

/** A report from the township, built by hand so that every manifest field can be set. */
async function craft(
  rows: Row[],
  o: { header?: Partial<ManifestHeader>; seqOffset?: number; signer?: Signer; encryptTo?: string | null; files?: PayloadFile[]; recordCounts?: Record<string, number> } = {},
) {
  const keys = nodeKeys(township.station, township.secret);
  const channel = channelState(county.station.db, township.nodeId, 'in');
  const seq = channel.lastSeq + 1 + (o.seqOffset ?? 0);
  const now = clock.now();
  const content = reportFiles(rows);
  return buildPackage(
    {
      packageId: randomUUID(),
      kind: 'report',
      sender: { nodeId: township.nodeId, keyId: keys.node.keyId },
      recipient: { nodeId: county.nodeId },
      channel: { seq, prevHash: seq === 1 ? null : o.seqOffset ? 'ab'.repeat(32) : channel.lastHash },
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      schemaVersion: county.station.migrations.length,
      changeRange: null,
      recordCounts: o.recordCounts ?? content.recordCounts,
      auditHead: { seq: 0, hash: '0'.repeat(64) },
      ...o.header,
    },
    o.files ?? content.files,
    { encryptTo: o.encryptTo === undefined ? getPeer(township.station.db, county.nodeId)!.ageRecipient : o.encryptTo, signer: o.signer ?? keys.signer },
  );
}

const send = (bytes: Uint8Array, options: { holdGaps?: boolean; payloadLimits?: { maxFileBytes: number; maxTotalBytes: number } } = {}) =>
  importBytes(county.station, county.caller, bytes, { source: 'file', ...options });

/** What "nothing applied" means: registry rows, the change log and the channel all unchanged. */
function state() {
  const db = county.station.db.$client;
  return {
    households: (db.prepare('SELECT COUNT(*) AS n FROM households').get() as { n: number }).n,
    changes: (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM change_log').get() as { n: number }).n,
    inSeq: channelState(county.station.db, township.nodeId, 'in').lastSeq,
  };
}

let before: ReturnType<typeof state>;
beforeEach(() => {
  before = state();
});

function expectRefused(r: ImportResult, kind: string, reason?: string | RegExp) {
  expect(r.status, r.error?.message).toBe('refused');
  expect(r.error?.kind).toBe(kind);
  if (typeof reason === 'string') expect(r.error?.reason).toBe(reason);
  else if (reason) expect(r.error?.reason).toMatch(reason);
  expect(r.error?.message).toMatch(/[\u4e00-\u9fff]/);
  expect(state()).toEqual(before);
}

function rezip(bytes: Uint8Array, change: (name: string, data: Uint8Array) => Uint8Array): Uint8Array {
  return writeZip(readZip(bytes).map((e) => ({ name: e.name, bytes: change(e.name, e.bytes), compression: 'store' as const })));
}

const flipAt = (data: Uint8Array, at: number): Uint8Array => {
  const copy = new Uint8Array(data);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('a good package applies (the baseline the refusals are measured against)', () => {
  it('applies and answers with a receipt', async () => {
    const r = await send((await craft([household(randomUUID())])).bytes);
    expect(r.status, r.error?.message).toBe('applied');
    expect(state().households).toBe(before.households + 1);
    expect(r.receiptPackageId).toBeTruthy();
  });
});

describe('tampering', () => {
  it('a flipped byte in every file of the package and in the signature', async () => {
    const pkg = await craft([household(randomUUID())]);
    const names = readZip(pkg.bytes).map((e) => e.name);
    expect(names).toEqual([MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, 'meta.json.gz.age', 'households.ndjson.gz.age']);
    for (const name of names) {
      const tampered = rezip(pkg.bytes, (n, data) => {
        if (n !== name) return data;
        if (n === MANIFEST_FILE) {
          // A hex digit of a file hash: still canonical JSON, so it is the signature that catches it.
          const text = Buffer.from(data).toString('utf8');
          const at = text.indexOf('"sha256":"') + 12;
          return Buffer.from(text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1));
        }
        if (n === MANIFEST_SIGNATURE_FILE) {
          const lines = Buffer.from(data).toString('utf8').split('\n');
          const sig = lines[1]!;
          lines[1] = sig.slice(0, 40) + (sig[40] === 'A' ? 'B' : 'A') + sig.slice(41);
          return Buffer.from(lines.join('\n'));
        }
        return flipAt(data, Math.floor(data.length / 2));
      });
      const r = await send(tampered);
      if (name === MANIFEST_FILE || name === MANIFEST_SIGNATURE_FILE) expectRefused(r, 'PACKAGE_SIGNATURE', /^SIGNATURE_/);
      else expectRefused(r, 'PACKAGE_HASH', 'FILE_HASH');
    }
  });

  it('any flipped byte of the .fpkg file is refused, unless it only touched zip bookkeeping outside the signed content', async () => {
    const pkg = await craft([household(randomUUID())]);
    const original = JSON.stringify(readZip(pkg.bytes).map((e) => [e.name, Buffer.from(e.bytes).toString('base64')]));
    let refused = 0;
    for (let i = 0; i < 24; i++) {
      const at = Math.floor(((i + 0.5) / 24) * pkg.bytes.length);
      const flipped = flipAt(pkg.bytes, at);
      const r = await send(flipped);
      if (r.status === 'refused') {
        refused++;
        expect(['PACKAGE_FORMAT', 'PACKAGE_SIGNATURE', 'PACKAGE_HASH']).toContain(r.error?.kind);
        expect(state().households).toBeLessThanOrEqual(before.households + 1);
        continue;
      }
      // Accepted: then the flip was in a field no reader uses (e.g. "version made by"), and every
      // file read back is byte for byte the signed one.
      expect(['applied', 'already-applied']).toContain(r.status);
      expect(JSON.stringify(readZip(flipped).map((e) => [e.name, Buffer.from(e.bytes).toString('base64')]))).toBe(original);
    }
    expect(refused).toBeGreaterThanOrEqual(20);
  });

  it('payloads swapped between two packages', async () => {
    const a = await craft([household(randomUUID(), HUISHI_VILLAGE, '甲')]);
    const b = await craft([household(randomUUID(), HUISHI_VILLAGE, '乙')]);
    const bFiles = new Map(readZip(b.bytes).map((e) => [e.name, e.bytes]));
    const swapped = rezip(a.bytes, (name, data) => (name === MANIFEST_FILE || name === MANIFEST_SIGNATURE_FILE ? data : bFiles.get(name)!));
    expectRefused(await send(swapped), 'PACKAGE_HASH', /^FILE_(HASH|SIZE)$/);
  });

  it('an extra file that the manifest does not list', async () => {
    const pkg = await craft([household(randomUUID())]);
    const entries = readZip(pkg.bytes).map((e) => ({ name: e.name, bytes: e.bytes }));
    expectRefused(await send(writeZip([...entries, { name: 'persons.ndjson', bytes: Buffer.from('{}\n') }])), 'PACKAGE_HASH', 'FILE_UNLISTED');
  });
});

describe('sequence', () => {
  it('a replayed package is answered "already applied" and changes nothing', async () => {
    const pkg = await craft([household(randomUUID())]);
    const first = await send(pkg.bytes);
    expect(first.status).toBe('applied');
    before = state();
    const again = await send(pkg.bytes);
    expect(again.status).toBe('already-applied');
    expect(again.error).toMatchObject({ kind: 'PACKAGE_REPLAY', reason: 'ALREADY_APPLIED' });
    expect(again.receiptPackageId).toBe(first.receiptPackageId);
    expect(state()).toEqual(before);
  });

  it('a skipped package is held, names the missing number, and goes in when the missing one arrives', async () => {
    const next = await craft([household(randomUUID(), HUISHI_VILLAGE, '先')]);
    const after = await craft([household(randomUUID(), HUISHI_VILLAGE, '后')], { seqOffset: 1, header: { channel: { seq: next.manifest.channel.seq + 1, prevHash: next.manifestHash } } });
    const missing = next.manifest.channel.seq;

    const refused = await send(after.bytes, { holdGaps: false });
    expectRefused(refused, 'PACKAGE_GAP', 'MISSING');
    expect(refused.error!.message).toContain(`第 ${missing} 号`);

    const held = await send(after.bytes);
    expect(held).toMatchObject({ status: 'held', error: { kind: 'PACKAGE_GAP', reason: 'MISSING' } });
    expect(held.error!.message).toContain(`第 ${missing} 号`);
    expect(state()).toEqual(before);
    // The same package again (a second stick): still held, under the same record.
    const again = await send(after.bytes);
    expect(again).toMatchObject({ status: 'held', historyId: held.historyId, error: { reason: 'ALREADY_HELD' } });

    const filled = await send(next.bytes);
    expect(filled.status).toBe('applied');
    expect(filled.released.map((r) => [r.seq, r.status])).toEqual([[missing + 1, 'applied']]);
    expect(state().households).toBe(before.households + 2);
  });

  it('a forked package: another package under a number already applied, or one that follows a different predecessor', async () => {
    const applied = await craft([household(randomUUID())]);
    expect((await send(applied.bytes)).status).toBe('applied');
    before = state();
    const sameNumber = await craft([household(randomUUID())], { header: { channel: { seq: applied.manifest.channel.seq, prevHash: applied.manifest.channel.prevHash } } });
    expectRefused(await send(sameNumber.bytes), 'PACKAGE_FORK', 'SEQ_REUSED');
    const wrongParent = await craft([household(randomUUID())], { header: { channel: { seq: applied.manifest.channel.seq + 1, prevHash: 'cd'.repeat(32) } } });
    expectRefused(await send(wrongParent.bytes), 'PACKAGE_FORK', 'PREV_HASH');
  });
});

describe('addressing, keys, time, version', () => {
  it('an expired package', async () => {
    const t = clock.now().getTime();
    const pkg = await craft([household(randomUUID())], {
      header: { createdAt: new Date(t - 90 * 86_400_000).toISOString(), expiresAt: new Date(t - 86_400_000).toISOString() },
    });
    const r = await send(pkg.bytes);
    expectRefused(r, 'PACKAGE_EXPIRED', 'EXPIRED');
    // Signed by the registered key: the sender is told, in a signed receipt, to make it again.
    expect(r.receiptPackageId).toBeTruthy();
  });

  it('a misaddressed package', async () => {
    const pkg = await craft([household(randomUUID())], { header: { recipient: { nodeId: 'county-620421000000' } } });
    expectRefused(await send(pkg.bytes), 'PACKAGE_RECIPIENT', 'NOT_FOR_US');
  });

  it('an unknown key, an unknown node, and a known key id signed by another key', async () => {
    const stranger = generateMinisignKeyPair();
    const strangerSigner = { secretKey: stranger.secretKey, keyId: stranger.keyId };
    const unknownKey = await craft([household(randomUUID())], { signer: strangerSigner, header: { sender: { nodeId: township.nodeId, keyId: keyIdHex(stranger.keyId) } } });
    expectRefused(await send(unknownKey.bytes), 'PACKAGE_UNKNOWN_KEY', 'UNKNOWN_KEY');
    const unknownNode = await craft([household(randomUUID())], { signer: strangerSigner, header: { sender: { nodeId: 'township-620422101000', keyId: keyIdHex(stranger.keyId) } } });
    expectRefused(await send(unknownNode.bytes), 'PACKAGE_UNKNOWN_KEY', 'UNKNOWN_NODE');
    const keys = nodeKeys(township.station, township.secret);
    const forged = await craft([household(randomUUID())], { signer: { secretKey: stranger.secretKey, keyId: keys.signer.keyId } });
    expectRefused(await send(forged.bytes), 'PACKAGE_SIGNATURE', 'SIGNATURE_INVALID');
  });

  it('a package from a newer schema', async () => {
    const pkg = await craft([household(randomUUID())], { header: { schemaVersion: 99 } });
    expectRefused(await send(pkg.bytes), 'PACKAGE_SCHEMA', 'SENDER_NEWER');
    const old = await craft([household(randomUUID())], { header: { schemaVersion: MIN_SCHEMA_VERSION - 1 } });
    expectRefused(await send(old.bytes), 'PACKAGE_SCHEMA', 'SENDER_TOO_OLD');
  });
});

describe('hostile containers', () => {
  const signedEntries = async () => readZip((await craft([])).bytes).filter((e) => e.name === MANIFEST_FILE || e.name === MANIFEST_SIGNATURE_FILE);

  it('a zip bomb', async () => {
    const [manifest, sig] = await signedEntries();
    const bomb = rawZip([
      { name: MANIFEST_FILE, data: manifest!.bytes },
      { name: MANIFEST_SIGNATURE_FILE, data: sig!.bytes },
      { name: 'households.ndjson', data: zeroBombStream(64), method: 8, size: 64 * 1024 * 1024, crc: 0 },
    ]);
    expectRefused(await send(bomb), 'PACKAGE_ZIP_BOMB', 'ZIP_BOMB');
  });

  it('a bomb that lies about its size, listed in a signed manifest, is stopped at the declared size', async () => {
    const keys = nodeKeys(township.station, township.secret);
    const pkg = await craft([]);
    const manifest: Manifest = { ...pkg.manifest, files: [{ name: 'households.ndjson', size: 2 * 1024 * 1024, sha256: '0'.repeat(64), encrypted: false }] };
    const bytes = serializeManifest(manifest);
    const sig = signMinisign(bytes, keys.signer.secretKey, keys.signer.keyId, 'bomb');
    const zip = rawZip([
      { name: MANIFEST_FILE, data: bytes },
      { name: MANIFEST_SIGNATURE_FILE, data: Buffer.from(sig) },
      { name: 'households.ndjson', data: zeroBombStream(64), method: 8, size: 2 * 1024 * 1024, crc: 0 },
    ]);
    expectRefused(await send(zip), 'PACKAGE_ZIP_BOMB', 'ZIP_BOMB');
  });

  it('a gzip bomb inside the encrypted payload of a signed package is capped after decryption', async () => {
    const recipient = getPeer(township.station.db, county.nodeId)!.ageRecipient!;
    const huge = gzipSync(Buffer.alloc(4 * 1024 * 1024), { level: 9 });
    const keys = nodeKeys(township.station, township.secret);
    const pkg = await craft([]);
    const ciphertext = await encryptToRecipient(huge, recipient);
    const { describeFile } = await import('../../electron/core/exchange/manifest');
    const manifest: Manifest = { ...pkg.manifest, files: [...pkg.manifest.files, describeFile('households.ndjson.gz.age', ciphertext, true)] };
    const bytes = serializeManifest(manifest);
    const zip = writeZip([
      { name: MANIFEST_FILE, bytes },
      { name: MANIFEST_SIGNATURE_FILE, bytes: Buffer.from(signMinisign(bytes, keys.signer.secretKey, keys.signer.keyId, 'gz')) },
      ...readZip(pkg.bytes).filter((e) => e.name.endsWith('.age')),
      { name: 'households.ndjson.gz.age', bytes: ciphertext, compression: 'store' },
    ]);
    const r = await send(zip, { payloadLimits: { maxFileBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 } });
    expectRefused(r, 'PACKAGE_ZIP_BOMB', 'PAYLOAD_TOO_LARGE');
  });

  it('a zip with 10 000 entries', async () => {
    const zip = rawZip(Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}.ndjson`, data: new Uint8Array(0) })));
    expectRefused(await send(zip), 'PACKAGE_TOO_LARGE', 'ZIP_TOO_MANY_ENTRIES');
  });

  it('a path-traversal entry name', async () => {
    const [manifest, sig] = await signedEntries();
    const zip = rawZip([
      { name: MANIFEST_FILE, data: manifest!.bytes },
      { name: MANIFEST_SIGNATURE_FILE, data: sig!.bytes },
      { name: '../../../AppData/Roaming/evil.ndjson', data: Buffer.from('{}\n') },
    ]);
    expectRefused(await send(zip), 'PACKAGE_FORMAT', 'ZIP_PATH_TRAVERSAL');
  });

  it('not a package at all', async () => {
    expectRefused(await send(Buffer.from('PK\u0003\u0004 this is not a zip')), 'PACKAGE_FORMAT', 'ZIP_MALFORMED');
    const noManifest = writeZip([{ name: 'households.ndjson', bytes: Buffer.from('{}\n') }]);
    expectRefused(await send(noManifest), 'PACKAGE_FORMAT', 'MANIFEST_MISSING');
  });
});

describe('content and ownership, after every check passed', () => {
  it('a household of another township: refused naming the row, nothing applied', async () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const r = await send((await craft([household(mine), household(theirs, OTHER_TOWNSHIP_VILLAGE)])).bytes);
    expectRefused(r, 'PACKAGE_OWNERSHIP', 'OUTSIDE_REGION');
    expect(r.error!.message).toContain(`households/${theirs}`);
    expect(r.error!.message).not.toContain(mine);
    // The sender hears why, in a signed receipt.
    expect(r.receiptPackageId).toBeTruthy();
  });

  it('taking over a household the county holds for another region, by reusing its id', async () => {
    const id = randomUUID();
    const county2Row = household(id, OTHER_TOWNSHIP_VILLAGE);
    county.station.db.$client
      .prepare('INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, OTHER_TOWNSHIP_VILLAGE, JSON.stringify(county2Row.record), 'x', 'x');
    before = state();
    const r = await send((await craft([household(id)])).bytes);
    expectRefused(r, 'PACKAGE_OWNERSHIP', 'OUTSIDE_REGION');
    expect(r.error!.message).toContain(`households/${id}`);
  });

  it('a kind the sender may not send (a township "directive")', async () => {
    const pkg = await craft([], { header: { kind: 'directive' }, files: [{ name: 'directive.json', bytes: jsonBytes({}) }], recordCounts: {} });
    expectRefused(await send(pkg.bytes), 'PACKAGE_OWNERSHIP', 'KIND_NOT_ALLOWED');
  });

  it('a payload encrypted to someone else', async () => {
    const pkg = await craft([household(randomUUID())], { encryptTo: generateNodeAgeIdentity().recipient });
    expectRefused(await send(pkg.bytes), 'PACKAGE_DECRYPT', 'AGE_NOT_FOR_US');
  });

  it('bad NDJSON, an unknown column, and counts that disagree with the manifest', async () => {
    const bad = reportFiles([]);
    const badLine = await craft([], { files: [...bad.files, { name: 'households.ndjson', bytes: Buffer.from('{"id":"x",\n') }], recordCounts: { households: 1 } });
    expectRefused(await send(badLine.bytes), 'PACKAGE_CONTENT', 'NDJSON_INVALID');
    const unknownColumn = await craft([{ ...household(randomUUID()), secretField: 1 }]);
    expectRefused(await send(unknownColumn.bytes), 'PACKAGE_CONTENT', 'UNKNOWN_COLUMN');
    const miscounted = await craft([household(randomUUID())], { recordCounts: { households: 2 } });
    expectRefused(await send(miscounted.bytes), 'PACKAGE_CONTENT', 'COUNT_MISMATCH');
  });

  it('a row that refers to a household nobody has', async () => {
    const files = reportFiles([]);
    const membership = { id: randomUUID(), householdId: 'nope', personId: 'nobody', relationship: '01', sortOrder: 0, fromDate: '2020-01-01', toDate: null, joinReason: null, leaveReason: null };
    const pkg = await craft([], { files: [...files.files, { name: 'memberships.ndjson', bytes: Buffer.from(JSON.stringify(membership) + '\n') }], recordCounts: { memberships: 1 } });
    expectRefused(await send(pkg.bytes), 'PACKAGE_CONTENT', 'MISSING_REFERENCE');
  });
});
