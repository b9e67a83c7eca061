// The README's promise: `npm start` brings the station up on the embedded demo county. This runs
// the same bin/start.js (web mode: no Electron binary here) on a fresh demo database, reads the
// address and the demo login it prints, and logs in through the real page.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { AppShell, LoginPage } from './support/pages';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Started {
  child: ChildProcess;
  output: string;
  launchUrl: string;
}

function npmStart(demoDb: string): Promise<Started> {
  const child = spawn(process.execPath, [join(root, 'bin', 'start.js')], {
    cwd: root,
    env: { ...process.env, FUPIN_WEB: '1', FUPIN_DEMO_DB: demoDb },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStarted, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no address in 90 s:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/\?launch=/.test(l.trim()));
      if (url && /演示账号：demo \/ Demo1234\s*$/m.test(output.slice(output.indexOf(url)))) {
        clearTimeout(timer);
        resolveStarted({ child, output, launchUrl: url.trim() });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

test('npm start: the demo county in web mode, the printed login works, the registry holds the demo households', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'fupin-start-'));
  const started = await npmStart(join(dir, 'station.db'));
  try {
    expect(started.output).toContain('生成演示县数据库（会宁县）');
    expect(started.output).toMatch(/完成：3 个乡镇，\d+ 个村（社区），1200 户/);
    const errors = collectConsoleErrors(page);
    const login = new LoginPage(page);
    await login.open(started.launchUrl);
    // the login page shows the demo account, so nobody has to read the terminal
    await expect(page.getByText('演示数据：用户名 demo 密码 Demo1234')).toBeVisible();
    await login.login('demo', 'Demo1234');
    const shell = new AppShell(page);
    await shell.expectLoaded();
    await expect(shell.banner).toContainText('会宁县');
    await page.screenshot({ path: `${SCREENS}/start-demo-workbench.png` });
    await shell.navItem('建档立卡').click();
    await expect(page.getByText(/共\s*1,?200\s*户/)).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/start-demo-registry.png` });
    expect(errors).toEqual([]);
  } finally {
    const exited = new Promise((r) => started.child.once('exit', r));
    started.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
