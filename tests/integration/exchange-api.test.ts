// The 数据交换 page's API, called the way a door calls it (session, role, input schema), and the
// command line. Every call goes through the real router.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { z } from 'zod';
import { REGIONS, makeNode, sharedClock, PASSWORD, type TestNode } from '../unit/exchange/support/network';
import { exchangeContract } from '../../electron/core/api/contract/exchange';
import { dispatch } from '../../electron/core/api/router';
import type { Result } from '../../electron/core/api/errors';
import { resolveSession, login, createUser } from '../../electron/core/services/users';
import type { MethodSpec } from '../../electron/core/api/define';
import type { Station } from '../../electron/core/station';
import { packageCommands } from '../../electron/cli/package-commands';

type Methods = typeof exchangeContract;
type Out<M extends keyof Methods> = Methods[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

function call<M extends keyof Methods>(station: Station, token: string, method: M, input: z.input<Methods[M]['input']>): Promise<Result<Out<M>>> {
  return dispatch(station, { method, input, token }) as Promise<Result<Out<M>>>;
}

async function ok<M extends keyof Methods>(station: Station, token: string, method: M, input: z.input<Methods[M]['input']>): Promise<Out<M>> {
  const r = await call(station, token, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.kind} ${r.error.message}`);
  return r.value;
}

// The command line opens the databases with the real clock, so this file runs on it too.
const clock = sharedClock(new Date().toISOString());
let county: TestNode;
let township: TestNode;
let usb: string;

beforeAll(async () => {
  county = await makeNode('county', REGIONS.huining, clock.now);
  township = await makeNode('township', REGIONS.huishi, clock.now);
  usb = mkdtempSync(join(tmpdir(), 'fupin-usb-'));
});
afterAll(() => {
  county?.close();
  township?.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('数据交换 over the API, by USB stick', () => {
  it('shows this node, its key and the registration form', async () => {
    const overview = await ok(township.station, township.token, 'exchange.overview', {});
    expect(overview).toMatchObject({ keyUnlocked: true, parent: null, children: [], self: { nodeId: township.nodeId, fingerprint: township.fingerprint } });
    expect(overview.self.ageRecipient).toMatch(/^age1/);
    const form = await ok(township.station, township.token, 'exchange.registrationForm', {});
    expect(form).toMatchObject({ nodeId: township.nodeId, fingerprint: township.fingerprint, parent: { nodeId: county.nodeId }, levelLabel: '乡镇' });
    expect(form.regionPath).toContain('会师镇');
    expect(form.instructions.length).toBeGreaterThan(2);
  });

  it('registration → stick → county: pending until the fingerprint is confirmed; trust and receipt go back on the stick', async () => {
    const reg = await ok(township.station, township.token, 'exchange.exportKeyRegistration', {});
    expect(reg).toMatchObject({ kind: 'key', seq: 1, status: 'ready', statusLabel: '待发送' });
    const written = await ok(township.station, township.token, 'exchange.writeToFolder', { packageIds: [reg.packageId], folder: usb });
    expect(written).toMatchObject([{ ok: true, fileName: reg.fileName }]);
    expect(readdirSync(usb)).toEqual([reg.fileName]);
    // On the stick it is out of the station's hands: it waits for the receipt, not to be sent.
    expect((await ok(township.station, township.token, 'exchange.outbox', {})).find((o) => o.packageId === reg.packageId)).toMatchObject({ status: 'ready', statusLabel: '已写入文件夹，待回执' });

    const imported = await ok(county.station, county.token, 'exchange.importFolder', { folder: usb });
    expect(imported.map((r) => r.result?.status)).toEqual(['pending-confirmation']);
    expect(await ok(county.station, county.token, 'exchange.inbox', {})).toHaveLength(1);

    const wrong = await call(county.station, county.token, 'exchange.confirmKey', { nodeId: township.nodeId, fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    const confirmed = await ok(county.station, county.token, 'exchange.confirmKey', { nodeId: township.nodeId, fingerprint: township.fingerprint.toLowerCase() });
    expect(confirmed).toMatchObject({ status: 'applied', statusLabel: '已导入', kind: 'key' });
    expect(confirmed!.checks.map((c) => c.label)).toContain('签名');
    expect(await ok(county.station, county.token, 'exchange.inbox', {})).toEqual([]);

    const peers = await ok(county.station, county.token, 'exchange.peers', {});
    expect(peers).toMatchObject([{ nodeId: township.nodeId, relation: 'child', keys: [{ status: 'active', source: 'registration', fingerprint: township.fingerprint }] }]);

    const outbox = await ok(county.station, county.token, 'exchange.outbox', { peerNodeId: township.nodeId });
    expect(outbox.map((o) => o.kind).sort()).toEqual(['receipt', 'trust']);
    rmSync(usb, { recursive: true, force: true });
    mkdirSync(usb);
    await ok(county.station, county.token, 'exchange.writeToFolder', { packageIds: outbox.map((o) => o.packageId), folder: usb });
    const back = await ok(township.station, township.token, 'exchange.importFolder', { folder: usb, trustFingerprint: county.fingerprint });
    expect(back.map((r) => [r.result?.kind, r.result?.status])).toEqual([
      ['trust', 'applied'],
      ['receipt', 'applied'],
    ]);
    const overview = await ok(township.station, township.token, 'exchange.overview', {});
    expect(overview.parent).toMatchObject({ nodeId: county.nodeId, keys: [{ status: 'active', source: 'trust' }] });
    const own = await ok(township.station, township.token, 'exchange.outbox', {});
    expect(own).toMatchObject([{ kind: 'key', status: 'acknowledged', statusLabel: '对方已确认' }]);

    const history = await ok(township.station, township.token, 'exchange.history', { offset: 0, limit: 10 });
    expect(history.total).toBe(2);
    expect(history.rows[0]!.checks.every((c) => c.ok)).toBe(true);
    const item = await ok(township.station, township.token, 'exchange.historyItem', { id: history.rows[0]!.id });
    expect(item.senderName).toBeTruthy();
  });

  it('a stick pulled out (the folder gone) is a clear message, not a half-written file', async () => {
    const report = await ok(township.station, township.token, 'exchange.exportReport', { mode: 'auto' });
    expect(report.summary).toMatchObject({ mode: 'snapshot' });
    const gone = join(usb, 'unplugged');
    const r = await ok(township.station, township.token, 'exchange.writeToFolder', { packageIds: [report.packageId], folder: gone });
    expect(r).toMatchObject([{ ok: false, error: { kind: 'PACKAGE_MEDIA', reason: 'MEDIA_GONE' } }]);
    expect(r[0]!.error!.message).toMatch(/U 盘/);
  });

  it('roles and the key: a viewer cannot, an administrator without a key slot gets KEY_LOCKED', async () => {
    const actor = { userId: null, username: 'admin' };
    createUser(township.station, actor, { username: 'viewer1', displayName: '查看员', role: 'viewer', scopeCode: REGIONS.huishi, password: 'Viewer1234' });
    createUser(township.station, actor, { username: 'admin2', displayName: '无密钥管理员', role: 'admin', scopeCode: REGIONS.huishi, password: 'Admin21234' });
    const viewer = login(township.station, 'viewer1', 'Viewer1234').token;
    const noKey = login(township.station, 'admin2', 'Admin21234').token;
    expect(await call(township.station, viewer, 'exchange.overview', {})).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    expect(await call(township.station, viewer, 'exchange.reviewTasks', {})).toMatchObject({ ok: true, value: [] });
    expect(await call(township.station, viewer, 'exchange.reviewTasks', { regionCode: '620422101000' })).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    expect(await call(township.station, noKey, 'exchange.exportReport', { mode: 'auto' })).toMatchObject({ ok: false, error: { kind: 'KEY_LOCKED' } });
    expect(await ok(township.station, noKey, 'exchange.overview', {})).toMatchObject({ keyUnlocked: false });
  });

  it('a refused package comes back as a result with its checks, and a bad path as an error', async () => {
    const missing = await call(county.station, county.token, 'exchange.importFile', { path: join(usb, 'nope.fpkg') });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });
  });
});

describe('the command line', () => {
  const capture = async (fn: () => Promise<number | void>) => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const code = await fn();
      return { code, text: lines.join('') };
    } finally {
      spy.mockRestore();
    }
  };

  it('key show, package list / write / verify / import', async () => {
    // The CLI opens the database itself: close the test's handle to this file meanwhile is not needed (WAL).
    const db = township.station.file;
    const shown = await capture(() => packageCommands.key!.run(['show'], { db }));
    expect(shown.text).toContain(township.fingerprint);
    expect(shown.text).toContain('minisign 公钥');

    const listed = await capture(() => packageCommands.package!.run(['list'], { db }));
    expect(listed.text).toMatch(/_report_000002_/);

    const stick = mkdtempSync(join(tmpdir(), 'fupin-cli-usb-'));
    try {
      await capture(() => packageCommands.package!.run(['write'], { db, out: stick }));
      const file = readdirSync(stick).find((f) => f.includes('_report_'))!;
      expect(file).toBeTruthy();
      const verified = await capture(() => packageCommands.package!.run(['verify', join(stick, file)], { db: county.station.file }));
      expect(verified.code, verified.text).toBe(0);
      expect(verified.text).toContain('✓ 签名');
      const imported = await capture(() => packageCommands.package!.run(['import', stick], { db: county.station.file, admin: 'admin', password: PASSWORD }));
      expect(imported.text).toContain('→ applied');
      expect(imported.code).toBe(0);
    } finally {
      rmSync(stick, { recursive: true, force: true });
    }
    await expect(packageCommands.package!.run(['import', usb], { db: county.station.file, admin: 'admin', password: 'wrong-password' })).rejects.toMatchObject({ kind: 'BAD_CREDENTIALS' });
  });
});
