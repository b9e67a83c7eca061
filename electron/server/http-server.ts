import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/api/router';
import type { Station } from '../core/station';
import { rendererDist } from '../core/paths';
import { CONTENT_SECURITY_POLICY } from '../core/api/csp';
import { logError } from '../core/log';
import { resolveSession } from '../core/services/users';
import { toApiError, type Result } from '../core/api/errors';
import { downloadFile, MAX_UPLOAD_BYTES, storeUpload } from '../core/services/transfer-files';

export interface WebServer {
  url: string;
  /** The address to open: carries the per-launch token once; the page then lives on a cookie. */
  launchUrl: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const COOKIE = 'fupin_launch';
const MAX_BODY = 2 * 1024 * 1024;

const NOT_LAUNCHED_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>扶贫工作站</title></head>
<body style="font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;padding:48px"><h2>请使用启动时显示的地址打开扶贫工作站</h2>
<p>为保护数据，本页面只接受启动程序时在命令行中打印的完整地址（含一次性启动口令）。</p></body></html>`;

/**
 * Web mode: the built renderer and the API on 127.0.0.1 only. A per-launch token (exchanged for
 * an HttpOnly cookie on first visit) keeps other local programs and web pages from calling the
 * API; the Host check defeats DNS rebinding; the custom request header defeats cross-site posts.
 */
export async function startWebServer(station: Station, options: { port?: number; staticDir?: string } = {}): Promise<WebServer> {
  const launchToken = randomBytes(24).toString('base64url');
  const staticDir = options.staticDir ?? rendererDist();
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      logError('web request', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain; charset=utf-8', 'bad host');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const offered = url.searchParams.get('launch');
    if (req.method === 'GET' && offered !== null) {
      if (!sameToken(offered, launchToken)) return send(res, 403, 'text/html; charset=utf-8', NOT_LAUNCHED_PAGE);
      res.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${launchToken}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    if (!sameToken(readCookie(req, COOKIE) ?? '', launchToken)) return send(res, 403, 'text/html; charset=utf-8', NOT_LAUNCHED_PAGE);

    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST' || req.headers['x-fupin-request'] !== '1') return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
      return sendJson(res, await handleUpload(req, url));
    }
    if (url.pathname.startsWith('/api/download/')) return serveDownload(url.pathname.slice('/api/download/'.length), res);
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST' || req.headers['x-fupin-request'] !== '1') return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'application/json', JSON.stringify({ ok: false, error: { kind: 'INVALID_INPUT', message: '请求过大' } }));
      let call: { method?: unknown; input?: unknown };
      try {
        call = JSON.parse(body) as typeof call;
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { kind: 'INVALID_INPUT', message: '请求格式错误' } }));
      }
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
      const result = await dispatch(station, { method: String(call.method ?? ''), input: call.input, token });
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    serveStatic(url.pathname, res);
  }

  /** Uploads need a live session; the bytes go to core's transfer folder under a random reference. */
  async function handleUpload(req: IncomingMessage, url: URL): Promise<Result<unknown>> {
    const auth = req.headers.authorization;
    try {
      resolveSession(station, auth?.startsWith('Bearer ') ? auth.slice(7) : '');
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
    const bytes = await readBytes(req, MAX_UPLOAD_BYTES);
    if (bytes === null) return { ok: false, error: { kind: 'INVALID_INPUT', message: `文件过大（超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）` } };
    try {
      return { ok: true, value: storeUpload(station, bytes, url.searchParams.get('name') ?? 'upload.xlsx') };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  }

  /** A download reference is a short-lived random capability issued by an export call. */
  function serveDownload(ref: string, res: ServerResponse): void {
    let file: { path: string; fileName: string };
    try {
      file = downloadFile(decodeURIComponent(ref));
    } catch (err) {
      return send(res, 404, 'text/plain; charset=utf-8', toApiError(err).message);
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(file.path).pipe(res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticDir, relative);
    if (!file.startsWith(staticDir + sep) && file !== staticDir) return send(res, 404, 'text/plain', 'not found');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html'); // SPA routes
    if (!existsSync(file)) return send(res, 500, 'text/plain; charset=utf-8', '界面尚未构建：请先运行 npm run build:renderer');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?launch=${launchToken}`,
    port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolvePromise(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const bytes = await readBytes(req, MAX_BODY);
  return bytes === null ? null : bytes.toString('utf8');
}
