// Which URLs the desktop window may show, call the API from, or hand to the OS browser. Pure
// functions with no Electron import, so the rules are unit-tested here rather than trusted.
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fupin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/**
 * Web pages the OS browser may open from a link in the app. Empty: the station works offline and
 * nothing in the UI links out. An entry is a full https origin, e.g. 'https://www.gansu.gov.cn'.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [];

// A dot segment, plain or percent-encoded, or an encoded slash or backslash anywhere in the raw
// string. WHATWG parsing would quietly fold `..` away; we refuse instead, because our own UI never
// produces such a URL and anything that does is probing.
const SUSPICIOUS_PATH = /(^|[/\\])(\.|%2e){1,2}([/\\?#]|$)|%2f|%5c|%00|\\/i;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our scheme and host, no credentials or port: the page's origin is ours, whatever its path. */
export function isAppOrigin(url: string): boolean {
  if (typeof url !== 'string') return false;
  const u = parse(url);
  // `origin` is "null" for non-special schemes such as app:, so compare the parts instead.
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** True for app://fupin/… only, and with no traversal tricks in the path. */
export function isAppUrl(url: string): boolean {
  return isAppOrigin(url) && !SUSPICIOUS_PATH.test(rawPath(url));
}

/** The part after scheme://host, before ?query/#hash, as written (not normalised). */
function rawPath(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return afterScheme.split(/[?#]/, 1)[0] ?? '';
}

/** The window may only ever navigate within the app itself. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Links the OS browser may open: https pages on the allowlist, nothing else. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_ORIGINS): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && allowlist.includes(u.origin);
}

export interface SenderFrame {
  /** The URL of the frame that sent the IPC message, as Electron reports it. */
  frameUrl: string;
  /** The frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Only our own page's top frame may call the API: never an iframe, never a foreign page. Trust
 * follows the origin, not the path: a client-side route may legitimately carry an encoded slash,
 * and refusing it would break the page without protecting anything.
 */
export function isTrustedSender(sender: SenderFrame | null | undefined): boolean {
  return sender !== null && sender !== undefined && sender.isMainFrame === true && isAppOrigin(sender.frameUrl);
}

/**
 * Maps the path of an app:// request to a file under root, or null when it would leave root. The
 * path is decoded once; any `..` segment, backslash, drive letter or NUL is refused outright
 * rather than normalised, and the joined result is checked to still lie inside root.
 */
export function resolveAppPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || win32.isAbsolute(s) || /^[a-z]:/i.test(s))) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const rel = relative(base, file);
  if (rel === '') return base;
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}
