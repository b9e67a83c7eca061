import { describe, expect, it } from 'vitest';
import { join, resolve, sep } from 'node:path';
import {
  APP_ENTRY_URL,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSender,
  resolveAppPath,
} from '../../../electron/main/url-policy';

describe('isAppUrl / isAllowedNavigation', () => {
  it.each([
    APP_ENTRY_URL,
    'app://fupin',
    'app://fupin/index.html',
    'app://fupin/households/620422100201/edit',
    'app://fupin/assets/index-abc123.js',
    'app://fupin/registry?village=620422100201&page=2',
    'app://fupin/#/login',
    'app://fupin/search?q=%E5%BC%A0%E4%B8%89',
  ])('allows %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    ['file', 'file:///C:/Windows/System32/drivers/etc/hosts'],
    ['file (posix)', 'file:///etc/passwd'],
    ['http', 'http://fupin/'],
    ['https', 'https://example.com/'],
    ['loopback web mode', 'http://127.0.0.1:5173/'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript inside app-looking text', 'javascript://app://fupin/%0aalert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blob', 'blob:app://fupin/1b4e28ba-2fa1-11d2-883f-0016d3cca427'],
    ['about:blank', 'about:blank'],
    ['other host', 'app://other/'],
    ['host that starts like ours', 'app://fupin.evil/'],
    ['credentials', 'app://user:pw@fupin/'],
    ['credentials hiding a host', 'app://fupin@evil/'],
    ['port', 'app://fupin:8080/'],
    ['upper-case host (not what Chromium sends)', 'app://FUPIN/'],
    ['no slashes', 'app:fupin/index.html'],
    ['other custom scheme', 'fupin-print:abc'],
    ['empty', ''],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each([
    'app://fupin/../../etc/passwd',
    'app://fupin/assets/../../../etc/passwd',
    'app://fupin/%2e%2e/%2e%2e/etc/passwd',
    'app://fupin/%2E%2E/secret',
    'app://fupin/.%2e/secret',
    'app://fupin/..%2f..%2fetc%2fpasswd',
    'app://fupin/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://fupin/..%5c..%5cWindows%5cwin.ini',
    'app://fupin/..\\..\\Windows\\win.ini',
    'app://fupin/index.html%00.png',
    'app://fupin/./index.html',
  ])('refuses path traversal %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('does not mistake dots inside names for traversal', () => {
    expect(isAppUrl('app://fupin/assets/index.es.min.js')).toBe(true);
    expect(isAppUrl('app://fupin/assets/..hidden')).toBe(true);
  });

  it('never throws on hostile input', () => {
    for (const input of [undefined, null, 42, {}] as unknown as string[]) expect(isAppUrl(input)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('refuses everything with the shipped (empty) allowlist', () => {
    expect(isAllowedExternalUrl('https://www.gansu.gov.cn/')).toBe(false);
    expect(isAllowedExternalUrl('app://fupin/')).toBe(false);
  });

  it('allows only https pages of listed origins', () => {
    const list = ['https://www.gansu.gov.cn'];
    expect(isAllowedExternalUrl('https://www.gansu.gov.cn/zwgk/index.html', list)).toBe(true);
    expect(isAllowedExternalUrl('http://www.gansu.gov.cn/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://www.gansu.gov.cn.evil.com/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://x@www.gansu.gov.cn/', list)).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/', list)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', list)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame of our page, on any client-side route', () => {
    expect(isTrustedSender({ frameUrl: 'app://fupin/', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://fupin/households/1', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: 'app://fupin/villages/%E5%A4%A7%E6%B2%9F%2F%E4%B8%80%E7%BB%84', isMainFrame: true })).toBe(true);
  });

  it('refuses a subframe, even one of our own pages', () => {
    expect(isTrustedSender({ frameUrl: 'app://fupin/', isMainFrame: false })).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:3000/',
    'file:///C:/x.html',
    'data:text/html,x',
    'about:blank',
    'blob:app://fupin/1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    'app://other/',
    'app://fupin.evil/',
    'app://fupin@evil/',
    'app://fupin:1/',
    '',
  ])(
    'refuses a main frame on %s',
    (frameUrl) => {
      expect(isTrustedSender({ frameUrl, isMainFrame: true })).toBe(false);
    },
  );

  it('refuses a missing sender', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = resolve('/srv/fupin/dist/renderer');

  it('maps app paths into the root', () => {
    expect(resolveAppPath(root, '/')).toBe(root);
    expect(resolveAppPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, '/assets//./x.css')).toBe(join(root, 'assets', 'x.css'));
    expect(resolveAppPath(root, '/%E5%9B%BE%E7%89%87/a.png')).toBe(join(root, '图片', 'a.png'));
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../x',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/x',
    '/..%2f..%2fetc%2fpasswd',
    '/..%5c..%5cwin.ini',
    '/..\\..\\win.ini',
    '/C:/Windows/win.ini',
    '/c%3a/Windows/win.ini',
    '/index.html%00.png',
    '/%E0%A4%A', // malformed escape
    '/..',
  ])('refuses %s', (path) => {
    expect(resolveAppPath(root, path)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const attempts = ['/a/../..', '/./../', '/%2e/%2e%2e/', '/x/%2e%2e/%2e%2e/y', '/..;/x', '/....//x'];
    for (const path of attempts) {
      const out = resolveAppPath(root, path);
      if (out !== null) expect(out === root || out.startsWith(root + sep)).toBe(true);
    }
  });
});
