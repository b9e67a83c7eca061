// The IPC side of the API door, without Electron: decide whether a message may reach dispatch at
// all, then forward it. ipc.ts feeds it what Electron says about the sender.
import { dispatch, type Call } from '../core/api/router';
import type { Result } from '../core/api/contract';
import type { Station } from '../core/station';
import { isTrustedSender, type SenderFrame } from './url-policy';

export interface InvokeSender extends SenderFrame {
  /** The message came from the webContents of our main window (not a print or other window). */
  fromOurWindow: boolean;
}

export type Dispatch = (station: Station, call: Call) => Promise<Result<unknown>>;

const refused: Result<unknown> = { ok: false, error: { kind: 'FORBIDDEN', message: '请求来源不受信任，已拒绝' } };
const malformed: Result<unknown> = { ok: false, error: { kind: 'INVALID_INPUT', message: '请求格式错误' } };

/**
 * Refuses anything but our own page's top frame on app://fupin — an iframe, a page that got
 * navigated elsewhere, another window — before the router sees it. The router then does the
 * rest (input schema, session, role, region scope), exactly as for the HTTP door.
 */
export async function gateInvoke(
  station: Station,
  sender: InvokeSender | null,
  args: readonly unknown[],
  run: Dispatch = dispatch,
): Promise<Result<unknown>> {
  if (sender === null || !sender.fromOurWindow || !isTrustedSender(sender)) return refused;
  const [method, input, token] = args;
  if (args.length > 3 || typeof method !== 'string') return malformed;
  if (token !== undefined && token !== null && typeof token !== 'string') return malformed;
  return run(station, { method, input, token: token ?? null });
}
