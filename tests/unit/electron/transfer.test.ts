// The desktop door for files: main.ts run against the fake Electron with a real station. The
// renderer's bytes become an upload reference that registry.importDryRun reads; an export's
// download reference is written where the save dialog says. Both refuse untrusted senders and
// callers without a session, exactly like the API channel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeElectron, type FakeElectron, type FakeFrame, type FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let appData: string;
let fake: FakeElectron;

beforeEach(() => {
  appData = mkdtempSync(join(tmpdir(), 'fupin-transfer-'));
  fake = fakeElectron.reset();
  fake.app.paths.set('appData', appData);
  fake.app.appPath = ROOT;
  vi.resetModules();
});

afterEach(() => {
  fake.app.emit('will-quit');
  rmSync(appData, { recursive: true, force: true });
});

function send(channel: string, contents: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]): Promise<any> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return handler({ sender: contents, senderFrame: frame }, ...args) as Promise<any>;
}

/** main.ts started, the node set up and an administrator logged in through the API channel. */
async function startedWithSession(): Promise<{ contents: FakeWebContents; token: string }> {
  await import('../../../electron/main/main');
  await vi.waitFor(() => {
    if (fake.windows.length === 0) throw new Error('still starting');
  });
  const contents = fake.windows[0]!.webContents;
  const setup = await send('fupin:invoke', contents, contents.mainFrame, 'system.setup', {
    level: 'county',
    regionCode: '620422000000',
    adminUsername: 'admin',
    adminDisplayName: '县管理员',
    adminPassword: 'Admin1234',
  }, null);
  expect(setup.ok).toBe(true);
  const login = await send('fupin:invoke', contents, contents.mainFrame, 'auth.login', { username: 'admin', password: 'Admin1234' }, null);
  expect(login.ok).toBe(true);
  return { contents, token: login.value.token as string };
}

describe('the fupin:transfer channel', () => {
  it('turns picked bytes into an upload reference the import reads, and saves an export where the dialog says', async () => {
    const { contents, token } = await startedWithSession();
    const frame = contents.mainFrame;

    const text = new TextEncoder().encode('姓名,证件号码\n张三,1\n');
    const uploaded = await send('fupin:transfer', contents, frame, 'upload', '名单.xlsx', text, token);
    expect(uploaded).toMatchObject({ ok: true, value: { fileRef: expect.stringMatching(/^[A-Za-z0-9_-]{20,64}$/), size: text.byteLength } });
    const dry = await send('fupin:invoke', contents, frame, 'registry.importDryRun', { uploadRef: uploaded.value.fileRef }, token);
    expect(dry).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT', message: expect.stringMatching(/^不是 xlsx 文件/) } });

    const exported = await send('fupin:invoke', contents, frame, 'registry.exportXlsx', { regionCode: '620422000000', layout: 'household' }, token);
    expect(exported.ok).toBe(true);
    const target = join(appData, '导出.xlsx');

    fake.saveDialog.answer = null; // the user closes the dialog
    expect(await send('fupin:transfer', contents, frame, 'save', exported.value.downloadRef, token)).toEqual({ ok: true, value: { saved: false, path: null } });
    expect(existsSync(target)).toBe(false);

    fake.saveDialog.answer = target;
    expect(await send('fupin:transfer', contents, frame, 'save', exported.value.downloadRef, token)).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
    expect(fake.saveDialog.calls.at(-1)).toMatchObject({ window: fake.windows[0], options: { defaultPath: exported.value.fileName } });

    expect(await send('fupin:transfer', contents, frame, 'save', 'x'.repeat(24), token)).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND', message: '下载链接已过期，请重新导出' } });
  });

  it('refuses untrusted senders, callers without a session and malformed messages', async () => {
    const { contents, token } = await startedWithSession();
    const bytes = new Uint8Array([1, 2, 3]);
    const forbidden = { ok: false, error: { kind: 'FORBIDDEN', message: expect.any(String) } };
    expect(await send('fupin:transfer', contents, contents.subframe('app://fupin/'), 'upload', 'a.xlsx', bytes, token)).toEqual(forbidden);
    expect(await send('fupin:transfer', contents, null, 'upload', 'a.xlsx', bytes, token)).toEqual(forbidden);
    contents.mainFrame.url = 'https://evil.example/';
    expect(await send('fupin:transfer', contents, contents.mainFrame, 'upload', 'a.xlsx', bytes, token)).toEqual(forbidden);
    contents.mainFrame.url = 'app://fupin/';

    expect(await send('fupin:transfer', contents, contents.mainFrame, 'upload', 'a.xlsx', bytes, null)).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
    expect(await send('fupin:transfer', contents, contents.mainFrame, 'save', 'x'.repeat(24), 'not-a-session')).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
    for (const args of [
      ['upload', 'a.xlsx', 'not bytes', token],
      ['upload', 'a.xlsx', bytes],
      ['save', 42, token],
      ['delete', '/etc/passwd', token],
      [],
    ]) {
      expect(await send('fupin:transfer', contents, contents.mainFrame, ...args)).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    }
    expect(fake.saveDialog.calls).toHaveLength(0);
  });

  it('is removed on quit together with the API channel', async () => {
    await startedWithSession();
    expect(fake.ipcHandlers.has('fupin:transfer')).toBe(true);
    fake.app.emit('will-quit');
    expect(fake.ipcHandlers.has('fupin:transfer')).toBe(false);
  });
});
