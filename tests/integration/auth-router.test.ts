import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { LOCKOUT_MINUTES, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from '../../electron/core/services/users';

let t: TestStation;
let adminToken: string;
beforeEach(async () => {
  t = await makeStation();
  adminToken = await loginAs(t.station, ADMIN.username, ADMIN.password);
  await ok(t.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: '620422100000', password: 'Clerk1234' }, adminToken);
  await ok(t.station, 'users.create', { username: 'viewer', displayName: '查看员', role: 'viewer', scopeCode: '620422000000', password: 'Viewer1234' }, adminToken);
});
afterEach(() => t.close());

describe('login and lockout', () => {
  it('locks an account after five wrong passwords, refuses even the right one, and unlocks after 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await callApi(t.station, 'auth.login', { username: 'clerk', password: 'wrong-pass1' });
      expect(r).toMatchObject({ ok: false, error: { kind: 'BAD_CREDENTIALS' } });
    }
    const fifth = await callApi(t.station, 'auth.login', { username: 'clerk', password: 'wrong-pass1' });
    expect(fifth).toMatchObject({ ok: false, error: { kind: 'ACCOUNT_LOCKED' } });
    const right = await callApi(t.station, 'auth.login', { username: 'clerk', password: 'Clerk1234' });
    expect(right).toMatchObject({ ok: false, error: { kind: 'ACCOUNT_LOCKED' } });
    if (!right.ok) expect(right.error.message).toMatch(/15 分钟/);
    t.clock.advanceMinutes(LOCKOUT_MINUTES - 1);
    expect(await callApi(t.station, 'auth.login', { username: 'clerk', password: 'Clerk1234' })).toMatchObject({ ok: false, error: { kind: 'ACCOUNT_LOCKED' } });
    t.clock.advanceMinutes(2);
    expect((await callApi(t.station, 'auth.login', { username: 'clerk', password: 'Clerk1234' })).ok).toBe(true);
  });

  it('an administrator can unlock a locked account at once', async () => {
    for (let i = 0; i < 5; i++) await callApi(t.station, 'auth.login', { username: 'clerk', password: 'nope-nope1' });
    const list = await ok(t.station, 'users.list', {}, adminToken);
    const clerk = list.find((u) => u.username === 'clerk')!;
    expect(clerk.lockedUntil).not.toBeNull();
    await ok(t.station, 'users.unlock', { id: clerk.id }, adminToken);
    expect((await callApi(t.station, 'auth.login', { username: 'clerk', password: 'Clerk1234' })).ok).toBe(true);
  });

  it('an unknown user and a wrong password get the same message', async () => {
    const unknown = await callApi(t.station, 'auth.login', { username: 'ghost', password: 'whatever1' });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'BAD_CREDENTIALS', message: '用户名或密码错误' } });
  });

  it('a disabled account cannot log in and its sessions end', async () => {
    const clerkToken = await loginAs(t.station, 'clerk', 'Clerk1234');
    const clerk = (await ok(t.station, 'users.list', {}, adminToken)).find((u) => u.username === 'clerk')!;
    await ok(t.station, 'users.update', { id: clerk.id, disabled: true }, adminToken);
    expect(await callApi(t.station, 'auth.me', {}, clerkToken)).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
    expect(await callApi(t.station, 'auth.login', { username: 'clerk', password: 'Clerk1234' })).toMatchObject({ ok: false, error: { kind: 'ACCOUNT_DISABLED' } });
  });
});

describe('sessions', () => {
  it('expire after the idle limit and slide while in use', async () => {
    const token = await loginAs(t.station, 'clerk', 'Clerk1234');
    t.clock.advanceMinutes(SESSION_IDLE_MINUTES - 5);
    expect((await callApi(t.station, 'auth.me', {}, token)).ok).toBe(true); // slides
    t.clock.advanceMinutes(SESSION_IDLE_MINUTES - 5);
    expect((await callApi(t.station, 'auth.me', {}, token)).ok).toBe(true);
    t.clock.advanceMinutes(SESSION_IDLE_MINUTES + 1);
    expect(await callApi(t.station, 'auth.me', {}, token)).toMatchObject({ ok: false, error: { kind: 'SESSION_EXPIRED' } });
    // and stays gone
    expect(await callApi(t.station, 'auth.me', {}, token)).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
  });

  it('end after the absolute limit however busy', async () => {
    const token = await loginAs(t.station, 'clerk', 'Clerk1234');
    for (let m = 0; m < SESSION_MAX_HOURS * 60; m += 20) {
      t.clock.advanceMinutes(20);
      const r = await callApi(t.station, 'auth.me', {}, token);
      if (!r.ok) {
        expect(r.error.kind).toBe('SESSION_EXPIRED');
        expect(m + 20).toBeGreaterThanOrEqual(SESSION_MAX_HOURS * 60);
        return;
      }
    }
    t.clock.advanceMinutes(1);
    expect(await callApi(t.station, 'auth.me', {}, token)).toMatchObject({ ok: false, error: { kind: 'SESSION_EXPIRED' } });
  });

  it('end at logout', async () => {
    const token = await loginAs(t.station, 'clerk', 'Clerk1234');
    await ok(t.station, 'auth.logout', {}, token);
    expect(await callApi(t.station, 'auth.me', {}, token)).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
  });

  it('a forged or missing token is refused', async () => {
    expect(await callApi(t.station, 'users.list', {}, 'forged-token')).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
    expect(await callApi(t.station, 'users.list', {}, null)).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
  });
});

describe('roles, scope and input are enforced in the router', () => {
  it('refuses administrator methods to clerks and viewers', async () => {
    for (const [u, p] of [['clerk', 'Clerk1234'], ['viewer', 'Viewer1234']] as const) {
      const token = await loginAs(t.station, u, p);
      expect(await callApi(t.station, 'users.list', {}, token)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
      expect(await callApi(t.station, 'audit.verify', {}, token)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
      expect(await callApi(t.station, 'backup.create', {}, token)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    }
  });

  it('a township administrator cannot create accounts outside the township', async () => {
    await ok(t.station, 'users.create', { username: 'townadmin', displayName: '镇管理员', role: 'admin', scopeCode: '620422100000', password: 'Town12345' }, adminToken);
    const token = await loginAs(t.station, 'townadmin', 'Town12345');
    const other = await callApi(t.station, 'users.create', { username: 'x1', displayName: 'x', role: 'clerk', scopeCode: '620422101000', password: 'Clerk1234' }, token);
    expect(other).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    // 620422100001 东山根社区 lies inside 会师镇
    const inside = await callApi(t.station, 'users.create', { username: 'x2', displayName: 'x', role: 'clerk', scopeCode: '620422100001', password: 'Clerk1234' }, token);
    expect(inside).toMatchObject({ ok: true, value: { scopeName: '东山根社区居民委员会' } });
  });

  it('names the bad field in Chinese', async () => {
    const r = await callApi(t.station, 'users.create', { username: '!', displayName: '', role: 'boss' as never, scopeCode: '123', password: 'x' }, adminToken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('INVALID_INPUT');
      expect(r.error.message).toMatch(/「用户名」/);
      expect(r.error.message).toMatch(/「管辖范围」/);
    }
  });

  it('refuses unknown methods and setup of an initialized node', async () => {
    expect(await callApi(t.station, 'nope.nothing' as never, {} as never)).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    const again = await callApi(t.station, 'system.setup', { level: 'county', regionCode: '620422000000', adminUsername: 'evil', adminDisplayName: 'x', adminPassword: 'Evil12345' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'ALREADY_INITIALIZED' } });
  });

  it('forces a password change after an administrator reset', async () => {
    const clerk = (await ok(t.station, 'users.list', {}, adminToken)).find((u) => u.username === 'clerk')!;
    await ok(t.station, 'users.resetPassword', { id: clerk.id, password: 'Reset1234' }, adminToken);
    const token = await loginAs(t.station, 'clerk', 'Reset1234');
    expect(await callApi(t.station, 'system.status', {}, token)).toMatchObject({ ok: true });
    expect(await callApi(t.station, 'auth.changePassword', { oldPassword: 'Reset1234', newPassword: 'Mine12345' }, token)).toMatchObject({ ok: true });
  });
});

describe('node key slots', () => {
  it('an administrator login unlocks the signing key; a wrong password does not, and the DB never holds it in the clear', async () => {
    const me = await ok(t.station, 'auth.me', {}, adminToken);
    expect(me.keyUnlocked).toBe(true);
    const clerkToken = await loginAs(t.station, 'clerk', 'Clerk1234');
    expect((await ok(t.station, 'auth.me', {}, clerkToken)).keyUnlocked).toBe(false);
    const secret = [...t.station.keyring.values()][0]!;
    const dump = t.station.db.$client.prepare('SELECT * FROM key_slots').all();
    expect(JSON.stringify(dump)).not.toContain(secret.ed25519);
  });

  it('a new administrator created by an unlocked administrator gets a slot that opens with their own password', async () => {
    await ok(t.station, 'users.create', { username: 'admin2', displayName: '第二管理员', role: 'admin', scopeCode: '620422000000', password: 'Second1234' }, adminToken);
    const token = await loginAs(t.station, 'admin2', 'Second1234');
    expect((await ok(t.station, 'auth.me', {}, token)).keyUnlocked).toBe(true);
    await ok(t.station, 'auth.changePassword', { oldPassword: 'Second1234', newPassword: 'Changed1234' }, token);
    const again = await loginAs(t.station, 'admin2', 'Changed1234');
    expect((await ok(t.station, 'auth.me', {}, again)).keyUnlocked).toBe(true);
  });
});
