import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fupin = join(root, 'bin/fupin.js');
const run = promisify(execFile);

export const ADMIN = { username: 'admin', password: 'Demo1234', displayName: '王建国' } as const;
export const NODE = { level: 'county', region: '620422000000', name: '会宁县扶贫办', regionPath: '甘肃省 白银市 会宁县' } as const;

export interface RunningStation {
  dir: string;
  db: string;
  launchUrl: string;
  stop(): Promise<void>;
}

/** Runs a `fupin` command (e.g. `user add`) against a station's database; returns its output. */
export async function fupinCli(db: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [fupin, ...args, '--db', db], { cwd: root });
  return stdout;
}

/** A fresh station in a temp folder, set up through the real CLI with the known administrator. */
export async function initStation(dir: string): Promise<string> {
  const db = join(dir, 'station.db');
  await run(
    process.execPath,
    [fupin, 'init', '--db', db, '--level', NODE.level, '--region', NODE.region, '--admin', ADMIN.username, '--password', ADMIN.password, '--name', NODE.name],
    { cwd: root },
  );
  return db;
}

/** `fupin serve` on a free port; resolves with the launch URL it prints on a line of its own. */
export async function serveStation(options: { initialized: boolean; prepare?: (db: string) => Promise<void> }): Promise<RunningStation> {
  const dir = mkdtempSync(join(tmpdir(), 'fupin-e2e-'));
  const db = options.initialized ? await initStation(dir) : join(dir, 'station.db');
  await options.prepare?.(db);
  const child = spawn(process.execPath, [fupin, 'serve', '--db', db, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const launchUrl = await launchUrlOf(child);
  return {
    dir,
    db,
    launchUrl,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launchUrlOf(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`fupin serve printed no launch URL within 30 s\n${stdout}\n${stderr}`)), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(err);
    };
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/.*\?launch=/.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    child.once('exit', (code) => fail(new Error(`fupin serve exited (${code}) before printing a launch URL\n${stderr}`)));
  });
}
