// The renderer's only way to reach core: one typed call per contract method, over Electron IPC
// (the preload's window.fupin) or, in web mode, HTTP to the loopback server. Only types are
// imported from core, never code.
import type { ErrorKind, Input, MethodName, Output, Result } from '../../../electron/core/api/contract';

export interface FupinBridge {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** Desktop only: a picked file's bytes to core, answered with its upload reference. */
  upload(fileName: string, bytes: Uint8Array, token: string | null): Promise<Result<{ fileRef: string; size: number }>>;
  /** Desktop only: the save dialog for an export's download reference. */
  saveDownload(downloadRef: string, token: string | null): Promise<Result<{ saved: boolean; path: string | null }>>;
}

declare global {
  interface Window {
    fupin?: FupinBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'fupin.session';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const sessionListeners = new Set<(kind: ErrorKind) => void>();

export function setSessionToken(next: string | null): void {
  token = next;
  if (next) sessionStorage.setItem(TOKEN_KEY, next);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export const hasSessionToken = (): boolean => token !== null;
/** For the file transfers (api/transfer.ts), which carry the session outside call(). */
export const sessionToken = (): string | null => token;

/** Called when the core says the session is gone (expired, logged out elsewhere, disabled). */
export function onSessionLost(listener: (kind: ErrorKind) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

async function httpInvoke(method: string, input: unknown, sessionToken: string | null): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Fupin-Request': '1' };
  if (sessionToken) headers.Authorization = `Bearer ${sessionToken}`;
  const res = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }), credentials: 'same-origin' });
  if (res.status === 403) return { ok: false, error: { kind: 'UNAUTHENTICATED', message: '请使用启动时显示的地址重新打开工作站' } };
  return (await res.json()) as Result<unknown>;
}

const transport: FupinBridge['invoke'] = (method, input, t) => (window.fupin ? window.fupin.invoke(method, input, t) : httpInvoke(method, input, t));

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  let result: Result<unknown>;
  try {
    result = await transport(method, input, token);
  } catch {
    throw new ApiError('INTERNAL', '无法连接工作站服务，请确认程序仍在运行');
  }
  return settle<Output<M>>(result);
}

/** The value of an envelope, or its error thrown as ApiError; a lost session signs the user out. */
export function settle<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  const { kind, message, details } = result.error;
  if (kind === 'SESSION_EXPIRED' || (kind === 'UNAUTHENTICATED' && token) || kind === 'ACCOUNT_DISABLED') {
    setSessionToken(null);
    sessionListeners.forEach((l) => l(kind));
  }
  throw new ApiError(kind, message, details);
}
