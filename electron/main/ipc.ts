// One channel, 'fupin:invoke', answered by one handler. Anything else a renderer might send on
// another channel has no listener and goes nowhere.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Station } from '../core/station';
import { INVOKE_CHANNEL } from '../preload/bridge';
import { gateInvoke, type InvokeSender } from './invoke-gate';

function describeSender(event: IpcMainInvokeEvent, isOurContents: (contents: WebContents) => boolean): InvokeSender | null {
  // senderFrame is null when the frame has already navigated away or been destroyed.
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return null;
  return { frameUrl: frame.url, isMainFrame: frame.parent === null, fromOurWindow: isOurContents(event.sender) };
}

/** Registers the handler; returns a function that removes it (used on shutdown). */
export function registerInvokeHandler(station: Station, isOurContents: (contents: WebContents) => boolean): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, ...args: unknown[]) => gateInvoke(station, describeSender(event, isOurContents), args));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
