import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { makeStation, ADMIN, type TestStation } from '../helpers/station';
import { startWebServer, type WebServer } from '../../electron/server/http-server';

let t: TestStation;
let server: WebServer;
let cookie = '';

/** Raw HTTP, so the test controls the Host header and cookies like an attacker would. */
function http(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

beforeAll(async () => {
  t = await makeStation();
  const staticDir = join(t.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>扶贫工作站</title></head><body>界面</body></html>');
  server = await startWebServer(t.station, { staticDir });
});
afterAll(async () => {
  await server.close();
  t.close();
});

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  http('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Fupin-Request': '1', Cookie: cookie, ...headers }, body: JSON.stringify({ method, input }) });

describe('web mode server', () => {
  it('listens on loopback only and hands out the launch cookie once the launch token is shown', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const noToken = await http('/');
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatch(/请使用启动时显示的地址/);
    const wrong = await http('/?launch=guess');
    expect(wrong.status).toBe(403);
    const launch = await http(new URL(server.launchUrl).pathname + new URL(server.launchUrl).search);
    expect(launch.status).toBe(302);
    const setCookie = String(launch.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
    const page = await http('/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.body).toContain('lang="zh-CN"');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the cookie', async () => {
    const r = await http('/', { headers: { Host: `evil.example:${server.port}`, Cookie: cookie } });
    expect(r.status).toBe(421);
  });

  it('runs API calls through the router, with the session in the Authorization header', async () => {
    const status = JSON.parse((await api('system.status', {})).body);
    expect(status).toMatchObject({ ok: true, value: { initialized: true, node: { regionCode: '620422000000' } } });
    const login = JSON.parse((await api('auth.login', ADMIN)).body);
    expect(login.ok).toBe(true);
    const users = JSON.parse((await api('users.list', {}, { Authorization: `Bearer ${login.value.token}` })).body);
    expect(users.ok).toBe(true);
    const anonymous = JSON.parse((await api('users.list', {})).body);
    expect(anonymous).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
  });

  it('refuses API calls without the cookie or without the custom header (cross-site posts)', async () => {
    const noCookie = await http('/api/call', { method: 'POST', headers: { 'X-Fupin-Request': '1' }, body: '{"method":"system.status"}' });
    expect(noCookie.status).toBe(403);
    const noHeader = await http('/api/call', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'text/plain' }, body: '{"method":"system.status"}' });
    expect(noHeader.status).toBe(400);
    const junk = JSON.parse((await http('/api/call', { method: 'POST', headers: { Cookie: cookie, 'X-Fupin-Request': '1' }, body: 'not json' })).body);
    expect(junk).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await http('/..%2F..%2Fstation.db', { headers: { Cookie: cookie } });
    expect(r.body).not.toContain('SQLite format');
  });
});
