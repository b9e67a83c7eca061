// The renderer is served from app://fupin/ rather than file://: a real origin, so the CSP header,
// fetch and storage behave as on the web, and no page in the window can read the disk.
import { protocol, session, type Session } from 'electron';
import { rendererDist } from '../core/paths';
import { logError } from '../core/log';
import { APP_SCHEME } from './url-policy';
import { serveAppRequest } from './serve-app-request';

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a real origin; secure: treated like https (no mixed-content
      // downgrades); supportFetchAPI: the renderer may fetch its own assets; codeCache: V8 caches
      // the compiled bundle, which matters on the old township PCs. No bypassCSP, no CORS.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer on the given session (after 'ready'). */
export function serveAppProtocol(target: Session = session.defaultSession, root: string = rendererDist()): void {
  target.protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await serveAppRequest(request, root);
    } catch (err) {
      logError('app protocol', err);
      return new Response('internal error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  });
}
