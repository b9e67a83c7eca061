import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveAppRequest } from '../../../electron/main/serve-app-request';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/api/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'fupin-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>扶贫工作站</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET'): Promise<Response> => serveAppRequest(new Request(url, { method }), root);

describe('app:// protocol handler', () => {
  it('serves files with their type and the CSP', async () => {
    const res = await get('app://fupin/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
    expect((await get('app://fupin/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves index.html for the root and for client-side routes (SPA fallback)', async () => {
    for (const url of ['app://fupin/', 'app://fupin/households/620422100201', 'app://fupin/settings?tab=users']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).toContain('扶贫工作站');
    }
  });

  it('answers a missing asset with 404, not with HTML', async () => {
    const res = await get('app://fupin/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it.each([
    'app://fupin/..%2fsecret.txt',
    'app://fupin/%2e%2e%2fsecret.txt',
    'app://fupin/..%5csecret.txt',
    'app://fupin/assets/..%2f..%2fsecret.txt',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside');
  });

  it('folds plain dot segments the way Chromium does, so they stay inside the folder', async () => {
    // new Request() canonicalises app://fupin/../secret.txt to app://fupin/secret.txt.
    const res = await get('app://fupin/../secret.txt');
    expect(await res.text()).not.toContain('outside');
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://fupin/index.html', 'POST')).status).toBe(405);
    const head = await get('app://fupin/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the renderer has not been built', async () => {
    const res = await serveAppRequest(new Request('app://fupin/'), join(base, 'nowhere'));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('npm run build:renderer');
  });
});
