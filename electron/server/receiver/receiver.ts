// `fupin receiver`: the parent's upload endpoint. Children upload packages with the tus
// protocol (a dropped link resumes where it stopped), each request carries the child's upload
// token, and a finished upload is verified and applied at once; the answer (the import result)
// goes back in the final response, and the receipt waits in the outbox for the child to fetch,
// together with any directives.
//
//   POST/HEAD/PATCH  /exchange/v1/uploads[/ID]       tus 1.0 (creation, termination)
//   GET              /exchange/v1/packages?after=N   packages for the caller, sequence > N
//   GET              /exchange/v1/packages/ID        one package's bytes
//   GET              /exchange/v1/hello              the node's id (no token needed)
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Server as TusServer } from '@tus/server';
import { FileStore } from '@tus/file-store';
import type { Station } from '../../core/station';
import type { NodeSecret } from '../../core/services/key-slots';
import type { Actor } from '../../core/db/write-path';
import { readNode } from '../../core/services/node-setup';
import { nodeKeys } from '../../core/services/exchange/node-identity';
import { peerByUploadToken, type PeerRow } from '../../core/services/exchange/peers';
import { importPackage } from '../../core/services/exchange/import';
import { getOutboxRow, outboxBytes, publishedFor } from '../../core/services/exchange/outbox';
import { DEFAULT_ZIP_LIMITS } from '../../core/exchange/zip';
import { logError, logInfo } from '../../core/log';

export const RECEIVER_BASE = '/exchange/v1';
const UPLOADS = `${RECEIVER_BASE}/uploads`;
const PACKAGES = `${RECEIVER_BASE}/packages`;

export interface ReceiverOptions {
  /** 127.0.0.1 by default; put a TLS-terminating proxy in front for anything beyond loopback. */
  host?: string;
  port?: number;
  /** The node secret the receipts are signed with (an administrator's unlocked key slot). */
  secret: NodeSecret;
  actor?: Actor;
  /** Where partial uploads live; beside the database by default. */
  uploadDir?: string;
  maxBytes?: number;
}

export interface RunningReceiver {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface TusError {
  status_code: number;
  body: string;
}

const reject = (status_code: number, body: string): TusError => ({ status_code, body });

function bearer(header: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export async function startReceiver(station: Station, options: ReceiverOptions): Promise<RunningReceiver> {
  nodeKeys(station, options.secret); // refuses a wrong or missing key before listening
  const host = options.host ?? '127.0.0.1';
  const uploadDir = options.uploadDir ?? join(dirname(station.file), 'exchange-uploads');
  await mkdir(uploadDir, { recursive: true });
  const store = new FileStore({ directory: uploadDir });
  const actor = options.actor ?? { userId: null, username: 'receiver' };
  const peerOf = (token: string | null): PeerRow | undefined => {
    if (!token) return undefined;
    const peer = peerByUploadToken(station.db, token);
    return peer?.relation === 'child' ? peer : undefined;
  };

  const tus = new TusServer({
    path: UPLOADS,
    datastore: store,
    maxSize: options.maxBytes ?? DEFAULT_ZIP_LIMITS.maxArchiveBytes,
    relativeLocation: true,
    // An upload's id starts with its node's id, so a token can touch only its own uploads.
    namingFunction: (req) => `${peerOf(bearer(req.headers.get('authorization')))?.nodeId ?? 'x'}.${randomBytes(12).toString('hex')}`,
    async onIncomingRequest(req, uploadId) {
      const peer = peerOf(bearer(req.headers.get('authorization')));
      if (!peer) throw reject(401, 'upload token missing or not valid\n');
      if (uploadId && !uploadId.startsWith(`${peer.nodeId}.`)) throw reject(403, 'not your upload\n');
    },
    async onUploadFinish(req, upload) {
      const peer = peerOf(bearer(req.headers.get('authorization')))!;
      const path = join(uploadDir, upload.id);
      try {
        const bytes = new Uint8Array(await readFile(path));
        const result = await importPackage(station, bytes, { source: 'upload', fileName: upload.metadata?.filename ?? null, secret: options.secret, actor, expectSender: peer.nodeId });
        logInfo(`receiver: package from ${peer.nodeId} ${result.status}${result.error ? ` (${result.error.kind})` : ''}`);
        const body = JSON.stringify({
          status: result.status,
          packageId: result.packageId,
          seq: result.seq,
          error: result.error,
          receiptPackageId: result.receiptPackageId,
          released: result.released.map((r) => ({ seq: r.seq, status: r.status })),
        });
        return { status_code: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Fupin-Import-Status': result.status }, body };
      } finally {
        await store.remove(upload.id).catch(() => undefined);
      }
    },
    onResponseError(_req, err) {
      if (err instanceof Error) logError('receiver upload', err);
      return undefined;
    },
  });

  const server: HttpServer = createServer((req, res) => {
    route(req, res).catch((err) => {
      logError('receiver', err);
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (url.pathname === UPLOADS || url.pathname.startsWith(`${UPLOADS}/`)) {
      await tus.handle(req, res);
      return;
    }
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' });
    if (url.pathname === `${RECEIVER_BASE}/hello`) return send(res, 200, { nodeId: readNode(station).nodeId, protocol: 'tus/1.0.0' });
    const peer = peerOf(bearer(req.headers.authorization));
    if (url.pathname.startsWith(PACKAGES) && !peer) return send(res, 401, { error: 'upload token missing or not valid' });
    if (url.pathname === PACKAGES) {
      const after = Number(url.searchParams.get('after') ?? '0');
      if (!Number.isSafeInteger(after) || after < 0) return send(res, 400, { error: 'after must be a sequence number' });
      const list = publishedFor(station.db, peer!.nodeId, after).map((r) => ({ packageId: r.packageId, seq: r.seq, kind: r.kind, sizeBytes: r.sizeBytes, createdAt: r.createdAt, fileName: r.fileName }));
      return send(res, 200, { packages: list });
    }
    const id = url.pathname.slice(PACKAGES.length + 1);
    if (url.pathname.startsWith(`${PACKAGES}/`) && /^[0-9a-f-]{36}$/.test(id)) {
      const row = getOutboxRow(station.db, id);
      if (!row || row.peerNodeId !== peer!.nodeId || !row.bytes) return send(res, 404, { error: 'no such package' });
      const bytes = outboxBytes(station.db, id);
      res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': bytes.length, 'Content-Disposition': `attachment; filename="${row.fileName}"` });
      res.end(bytes);
      return;
    }
    return send(res, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}${RECEIVER_BASE}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
