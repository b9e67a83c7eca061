#!/usr/bin/env node
// `npm start`: brings the station up on the embedded demo county with nothing else to do first.
// Installs dependencies if the checkout has none, builds the interface if it is missing or stale,
// creates the demo database once, then opens Electron where its binary is installed and web mode
// (a printed 127.0.0.1 address) everywhere else.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoDb = process.env.FUPIN_DEMO_DB ?? join(root, '.demo', 'station.db');
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args, what) {
  console.log(`[启动] ${what}…`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`[启动] 失败：${what}（退出码 ${r.status}）`);
    process.exit(r.status ?? 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) run(npm, ['ci', '--no-audit', '--no-fund'], '安装依赖（首次运行，约 1–2 分钟）');

const builtIndex = join(root, 'dist', 'renderer', 'index.html');
if (!existsSync(builtIndex) || newestMtime(join(root, 'renderer')) > statSync(builtIndex).mtimeMs) {
  run(npx, ['vite', 'build', '--logLevel', 'warn'], '构建界面');
}

// the command line's bundle (dist-electron/cli.js): bin/fupin.js runs it when it is fresh, which
// starts web mode about a second sooner than transpiling the sources
const cliBundle = join(root, 'dist-electron', 'cli.js');
if (!existsSync(cliBundle) || newestMtime(join(root, 'electron')) > statSync(cliBundle).mtimeMs) {
  run(npx, ['vite', 'build', '-c', 'vite.electron.config.ts', '--logLevel', 'warn'], '构建命令行与桌面程序');
}

if (!existsSync(demoDb)) {
  run(process.execPath, [join(root, 'bin', 'fupin.js'), 'demo', '--db', demoDb, '--create', '--households', process.env.FUPIN_DEMO_HOUSEHOLDS ?? '1200', '--townships', process.env.FUPIN_DEMO_TOWNSHIPS ?? '3'], '生成演示县数据库（会宁县）');
}

function electronBinary() {
  try {
    const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const electron = process.env.FUPIN_WEB === '1' ? null : electronBinary();
if (electron) {
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: { ...env, FUPIN_DB: demoDb } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('[启动] 本机没有 Electron 可执行文件，以网页模式启动。');
  const args = [join(root, 'bin', 'fupin.js'), 'serve', '--db', demoDb];
  if (process.env.PORT) args.push('--port', process.env.PORT);
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  const forward = (sig) => () => child.kill(sig);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}
