// electron/main/main.ts run for real against a fake Electron (fake-electron.ts), real core and a
// real SQLite file: start-up, the window's web preferences, the IPC gate, the app:// handler, the
// hardening of every webContents, and the refusal to open a database from a newer version.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fakeElectron, type FakeElectron, type FakeFrame, type FakeWebContents } from './fake-electron';
import { closeStation, openStation } from '../../../electron/core/station';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let appData: string;
let fake: FakeElectron;

beforeEach(() => {
  appData = mkdtempSync(join(tmpdir(), 'fupin-main-'));
  fake = fakeElectron.reset();
  fake.app.paths.set('appData', appData);
  fake.app.appPath = ROOT;
  vi.resetModules();
});

afterEach(() => {
  fake.app.emit('will-quit'); // closes the station if main opened one
  rmSync(appData, { recursive: true, force: true });
});

async function startMain(): Promise<void> {
  await import('../../../electron/main/main');
  await vi.waitFor(() => {
    if (fake.windows.length === 0 && fake.app.exitCodes.length === 0 && fake.app.quitCalls === 0) throw new Error('still starting');
  });
}

function invoke(contents: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]): Promise<any> {
  const handler = fake.ipcHandlers.get('fupin:invoke');
  if (!handler) throw new Error('no IPC handler');
  return handler({ sender: contents, senderFrame: frame }, ...args) as Promise<any>;
}

describe('main.ts start-up', () => {
  it('opens the station in userData and shows a locked-down window on app://fupin/', async () => {
    await startMain();
    const userData = join(appData, 'fupin-station');
    expect(fake.app.getPath('userData')).toBe(userData);
    expect(readdirSync(userData)).toContain('station.db');
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(fake.privilegedSchemes[0]).not.toHaveProperty('privileges.bypassCSP');

    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(win.webContents.loadedUrls).toEqual(['app://fupin/']);

    const menu = fake.menus.at(-1)!;
    expect(menu.template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('answers IPC only from the main frame of our window on app://fupin', async () => {
    await startMain();
    const contents = fake.windows[0]!.webContents;
    const ok = await invoke(contents, contents.mainFrame, 'system.status', {}, null);
    expect(ok.ok).toBe(true);

    const forbidden = { ok: false, error: expect.objectContaining({ kind: 'FORBIDDEN' }) };
    expect(await invoke(contents, contents.subframe('app://fupin/'), 'system.status', {}, null)).toEqual(forbidden);
    expect(await invoke(contents, null, 'system.status', {}, null)).toEqual(forbidden);
    expect(await invoke(contents, { url: 'app://fupin/', parent: null, detached: true }, 'system.status', {}, null)).toEqual(forbidden);
    contents.mainFrame.url = 'https://evil.example/';
    expect(await invoke(contents, contents.mainFrame, 'system.status', {}, null)).toEqual(forbidden);

    const other = new fake.module.BrowserWindow({}).webContents;
    await other.loadURL('app://fupin/');
    expect(await invoke(other, other.mainFrame, 'system.status', {}, null)).toEqual(forbidden);
  });

  it('hardens every webContents: no new windows, no navigation away, no permissions', async () => {
    await startMain();
    const contents = fake.windows[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://fupin/print' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual([]);

    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { url: 'https://example.com/', preventDefault: vi.fn() };
      contents.emit(event, away);
      expect(away.preventDefault, event).toHaveBeenCalled();
      const inside = { url: 'app://fupin/households', preventDefault: vi.fn() };
      contents.emit(event, inside);
      expect(inside.preventDefault, event).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const granted = vi.fn();
    fake.defaultSession.permissionRequestHandler?.(contents, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.defaultSession.permissionCheckHandler?.(contents, 'clipboard-read', 'app://fupin', {})).toBe(false);
    expect(fake.defaultSession.deviceHandler?.({})).toBe(false);
  });

  it('serves the renderer through app:// with the CSP, and nothing outside it', async () => {
    await startMain();
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const index = await handler!(new Request('app://fupin/'));
    // 200 once the renderer is built (vite build), 500 with a hint before.
    expect([200, 500]).toContain(index.status);
    if (index.status === 200) expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handler!(new Request('app://fupin/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('leaves when another instance already runs, without opening the database', async () => {
    fake.app.lockGranted = false;
    await startMain();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(readdirSync(appData)).toEqual([]);
  });

  it('refuses a database from a newer version: names DB_TOO_NEW, quits, leaves the file alone', async () => {
    const dbFile = join(appData, 'fupin-station', 'station.db');
    const station = await openStation(dbFile, { dailyBackup: false });
    closeStation(station);
    const raw = new Database(dbFile);
    raw.prepare("INSERT INTO __fupin_migrations (idx, tag, hash, applied_at) VALUES (999, '9999_future', 'x', '2031-01-01T00:00:00Z')").run();
    raw.close();
    const digest = (): string => createHash('sha256').update(readFileSync(dbFile)).digest('hex');
    const before = digest();
    const filesBefore = readdirSync(dirname(dbFile)).sort();

    await startMain();

    expect(fake.app.exitCodes).toEqual([1]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.title).toBe('扶贫工作站无法启动');
    expect(fake.errorBoxes[0]!.content).toContain('DB_TOO_NEW');
    expect(fake.errorBoxes[0]!.content).toContain(dbFile);
    expect(digest()).toBe(before);
    expect(readdirSync(dirname(dbFile)).sort()).toEqual(filesBefore);
  });

  it('closes the station and drops the IPC handler on quit', async () => {
    await startMain();
    expect(fake.ipcHandlers.has('fupin:invoke')).toBe(true);
    fake.app.emit('will-quit');
    expect(fake.ipcHandlers.has('fupin:invoke')).toBe(false);
  });
});
