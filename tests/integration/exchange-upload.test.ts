// Online delivery over loopback: the township uploads to the county's receiver through a proxy
// that cuts the connection mid-upload. The upload resumes from the receiver's offset (within one
// sync by tus-js-client's retries, and across two syncs from the URL kept in the outbox), the
// package is verified and applied at the county, and the receipt comes back by fetching.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { REGIONS, connect, makeNode, sharedClock, type TestNode } from '../unit/exchange/support/network';
import { startReceiver, type RunningReceiver } from '../../electron/server/receiver/receiver';
import { exportReport } from '../../electron/core/services/exchange/commands';
import { issueUploadToken, setUploadTarget } from '../../electron/core/services/exchange/peers';
import { getOutboxRow } from '../../electron/core/services/exchange/outbox';
import { syncWithParent } from '../../electron/core/services/exchange/sync';
import { runWrite } from '../../electron/core/db/write-path';
import { households } from '../../electron/core/db/schema';

const clock = sharedClock();
let county: TestNode;
let township: TestNode;
let receiver: RunningReceiver;
let proxy: CuttingProxy;
let token: string;

/** A TCP proxy on loopback that drops the link once, `cutAfter` request bytes after being armed. */
interface CuttingProxy {
  port: number;
  arm(cutAfter: number): void;
  cuts: number;
  requestBytes: number;
  /** Request heads seen, e.g. "PATCH 262144" (method and Upload-Offset) or "HEAD". */
  requests: string[];
  close(): Promise<void>;
}

async function startProxy(targetPort: number): Promise<CuttingProxy> {
  const sockets = new Set<Socket>();
  let cutAt: number | null = null;
  const state: CuttingProxy = {
    port: 0,
    arm(cutAfter) {
      cutAt = state.requestBytes + cutAfter;
    },
    cuts: 0,
    requestBytes: 0,
    requests: [],
    close: async () => undefined,
  };
  const server: Server = createServer((client) => {
    const upstream = netConnect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      for (const m of text.matchAll(/^(POST|PATCH|HEAD|GET) [^\r\n]*\r\n([\s\S]*?)\r\n\r\n/gm)) {
        const offset = /^upload-offset: (\d+)$/im.exec(m[2]!)?.[1];
        state.requests.push(offset === undefined ? m[1]! : `${m[1]} ${offset}`);
      }
      state.requestBytes += chunk.length;
      if (cutAt !== null && state.requestBytes > cutAt) {
        cutAt = null;
        state.cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as { port: number }).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

beforeAll(async () => {
  county = await makeNode('county', REGIONS.huining, clock.now);
  township = await makeNode('township', REGIONS.huishi, clock.now);
  await connect(township, county);
  receiver = await startReceiver(county.station, { secret: county.secret });
  proxy = await startProxy(receiver.port);
  token = issueUploadToken(county.station, county.caller.actor, township.nodeId);
  setUploadTarget(township.station, township.caller.actor, { url: `http://127.0.0.1:${proxy.port}/exchange/v1`, token });
});

afterAll(async () => {
  await proxy?.close();
  await receiver?.close();
  township?.close();
  county?.close();
});

/** ~1.2 MB of incompressible household data, so the package needs several chunks. */
function addBulkyHouseholds(n: number): void {
  const now = clock.now().toISOString();
  runWrite(township.station.db, township.caller.actor, { action: 'test.bulk', entity: 'household' }, (w) => {
    for (let i = 0; i < n; i++) {
      w.insert(households, {
        id: randomUUID(),
        regionCode: '620422100001',
        record: { headName: `户${i}`, dataYear: 2020, scan: randomBytes(300_000).toString('base64') },
        createdAt: now,
        updatedAt: now,
      });
    }
  });
}

const countyHouseholds = () => county.station.db.select().from(households).all().length;

describe('upload with tus through a link that drops', () => {
  it('the connection is cut mid-upload; the next sync resumes from the receiver offset and completes', { timeout: 60_000 }, async () => {
    addBulkyHouseholds(4);
    const report = await exportReport(township.station, township.caller);
    expect(report.sizeBytes).toBeGreaterThan(1_000_000);
    const before = countyHouseholds();

    proxy.arm(600_000);
    proxy.requests = [];
    const progress: number[] = [];
    const first = await syncWithParent(township.station, township.caller, { retryDelays: [], chunkSize: 256 * 1024, onProgress: (p) => progress.push(p.bytesSent) });
    expect(proxy.cuts).toBe(1);
    expect(first.failed).toMatchObject({ packageId: report.packageId });
    expect(first.failed!.message).toMatch(/断点/);
    const stalled = getOutboxRow(township.station.db, report.packageId)!;
    expect(stalled).toMatchObject({ status: 'ready', attempts: 1 });
    expect(stalled.uploadUrl).toMatch(/\/exchange\/v1\/uploads\/township-620422100000\./);
    expect(stalled.nextAttemptAt! > clock.now().toISOString()).toBe(true);
    expect(Math.max(...progress)).toBeGreaterThan(0);
    expect(countyHouseholds()).toBe(before);

    proxy.requests = [];
    const bytesBefore = proxy.requestBytes;
    const second = await syncWithParent(township.station, township.caller, { force: true, retryDelays: [], chunkSize: 256 * 1024 });
    expect(second.failed).toBeNull();
    expect(second.uploaded).toEqual([{ packageId: report.packageId, seq: report.seq, status: 'applied', message: null }]);
    // Resumed, not restarted: a HEAD for the offset, then PATCHes from where the receiver was.
    expect(proxy.requests[0]).toBe('HEAD');
    const firstPatch = proxy.requests.find((r) => r.startsWith('PATCH'))!;
    expect(Number(firstPatch.split(' ')[1])).toBeGreaterThan(0);
    expect(proxy.requests).not.toContain('POST');
    expect(proxy.requestBytes - bytesBefore).toBeLessThan(report.sizeBytes);
    expect(countyHouseholds()).toBe(before + 4);

    // The county's receipt came back in the same sync.
    expect(second.fetched.map((r) => [r.kind, r.status])).toEqual([['receipt', 'applied']]);
    expect(getOutboxRow(township.station.db, report.packageId)).toMatchObject({ status: 'acknowledged', bytes: null });
  });

  it('within one sync, tus-js-client retries after the cut and finishes by itself', { timeout: 60_000 }, async () => {
    addBulkyHouseholds(2);
    const report = await exportReport(township.station, township.caller);
    proxy.arm(300_000);
    proxy.requests = [];
    const cutsBefore = proxy.cuts;
    const r = await syncWithParent(township.station, township.caller, { retryDelays: [50, 200], chunkSize: 256 * 1024 });
    expect(proxy.cuts).toBe(cutsBefore + 1);
    expect(r.failed).toBeNull();
    expect(r.uploaded.map((u) => u.status)).toEqual(['applied']);
    expect(proxy.requests.filter((x) => x === 'POST')).toHaveLength(1);
    expect(proxy.requests).toContain('HEAD');
    expect(getOutboxRow(township.station.db, report.packageId)).toMatchObject({ status: 'acknowledged' });
  });

  it('a wrong upload token is refused at once and not retried', { timeout: 30_000 }, async () => {
    await exportReport(township.station, township.caller);
    setUploadTarget(township.station, township.caller.actor, { url: `http://127.0.0.1:${proxy.port}/exchange/v1`, token: `fpt_${'A'.repeat(32)}` });
    proxy.requests = [];
    const r = await syncWithParent(township.station, township.caller, { retryDelays: [100, 100, 100] });
    expect(r.failed?.message).toMatch(/上传凭据/);
    expect(proxy.requests.filter((x) => x === 'POST')).toHaveLength(1);
    // Without a token nothing is listed either.
    const res = await fetch(`${receiver.url}/packages?after=0`);
    expect(res.status).toBe(401);
    setUploadTarget(township.station, township.caller.actor, { url: `http://127.0.0.1:${proxy.port}/exchange/v1`, token });
  });
});
