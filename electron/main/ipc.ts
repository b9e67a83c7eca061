// Two channels, each answered by one handler: 'fupin:invoke' (the API) and 'fupin:transfer'
// (files in and out). Anything a renderer might send on another channel has no listener and goes
// nowhere.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Station } from '../core/station';
import { INVOKE_CHANNEL, TRANSFER_CHANNEL } from '../preload/bridge';
import { gateInvoke, type InvokeSender } from './invoke-gate';
import { gateTransfer, type TransferDialogs } from './transfer-gate';

function describeSender(event: IpcMainInvokeEvent, isOurContents: (contents: WebContents) => boolean): InvokeSender | null {
  // senderFrame is null when the frame has already navigated away or been destroyed.
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return null;
  return { frameUrl: frame.url, isMainFrame: frame.parent === null, fromOurWindow: isOurContents(event.sender) };
}

const FILE_TYPES: Record<string, string> = { xlsx: 'Excel 工作簿', pdf: 'PDF 文档', zip: '压缩包', fpkg: '扶贫数据包' };

/** The dialog offers the file's own type (an export is xlsx, a print PDF or zip, a package fpkg). */
function filtersFor(fileName: string): { name: string; extensions: string[] }[] {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return FILE_TYPES[ext] ? [{ name: FILE_TYPES[ext]!, extensions: [ext] }] : [];
}

/** The save dialog, modal to the window that asked. */
function dialogsFor(contents: WebContents): TransferDialogs {
  return {
    async chooseSavePath(defaultName) {
      const win = BrowserWindow.fromWebContents(contents);
      const options = { title: '保存文件', defaultPath: defaultName, filters: filtersFor(defaultName) };
      const answer = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
  };
}

/** Registers both handlers; returns a function that removes them (used on shutdown). */
export function registerInvokeHandler(station: Station, isOurContents: (contents: WebContents) => boolean): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, ...args: unknown[]) => gateInvoke(station, describeSender(event, isOurContents), args));
  ipcMain.handle(TRANSFER_CHANNEL, (event, ...args: unknown[]) => gateTransfer(station, describeSender(event, isOurContents), args, dialogsFor(event.sender)));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(TRANSFER_CHANNEL);
  };
}
