// Answers one app:// request from the built renderer folder. No Electron import: protocol.ts hands
// it Electron's fetch-style Request, and the unit tests hand it one built by hand.
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/api/csp';
import { isAppUrl, resolveAppPath } from './url-policy';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
  });
}

// A client-side route (/households/123) has no extension in its last segment and gets the app's
// index.html; a missing asset (/assets/x.js) gets a 404, never HTML posing as a script.
const isRoute = (pathname: string): boolean => !/\.[^/]*$/.test(pathname);

export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  if (!isAppUrl(request.url)) return plain(404, 'not found');
  const { pathname } = new URL(request.url);
  const file = resolveAppPath(root, pathname);
  if (file === null) return plain(404, 'not found');

  let target: string | null = (await isFile(file)) ? file : null;
  if (target === null && isRoute(pathname)) target = join(root, 'index.html');
  if (target === null) return plain(404, 'not found');
  if (!(await isFile(target))) return plain(500, '界面尚未构建：请先运行 npm run build:renderer');

  const type = MIME[extname(target).toLowerCase()] ?? 'application/octet-stream';
  const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(target));
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}
