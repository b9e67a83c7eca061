import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import type { BenchFigure } from './measure';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: URL, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/**
 * Cold start of web mode to a usable registry page: process start, server up, the page and its
 * script served, a login, and the first page of the household list answered. The baseline is the
 * start of a bare `node` process on this machine.
 */
export async function benchColdStart(dbFile: string, login: { username: string; password: string }): Promise<BenchFigure> {
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
  }
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/fupin.js', 'serve', '--db', dbFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const launch = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
        if (line) resolve(line.trim());
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      setTimeout(() => reject(new Error('serve did not start in 30 s')), 30_000);
    });
    const url = new URL(launch);
    const redirect = await get(url, url.pathname + url.search);
    const cookie = String(redirect.headers['set-cookie']).split(';')[0]!;
    const page = await get(url, '/', { headers: { Cookie: cookie } });
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    if (script) await get(url, `/${script}`, { headers: { Cookie: cookie } });
    const call = async (method: string, input: unknown, token?: string) => {
      const headers: Record<string, string> = { Cookie: cookie, 'X-Fupin-Request': '1', 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      return JSON.parse((await get(url, '/api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }) })).body);
    };
    const session = await call('auth.login', login);
    if (!session.ok) throw new Error(`login failed: ${session.error.message}`);
    const list = await call('registry.searchHouseholds', { limit: 50 }, session.value.token);
    if (!list.ok) throw new Error(`search failed: ${list.error.message}`);
    const elapsed = performance.now() - started;
    return {
      name: 'cold start of web mode to a usable registry page',
      value: elapsed,
      unit: 'ms',
      baseline: Math.min(...bare),
      baselineLabel: 'a bare node process start',
      target: 2000,
    };
  } finally {
    child.kill('SIGTERM');
  }
}
