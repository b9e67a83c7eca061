// The renderer's only door to the main process: one object of three functions on two channels
// (the API, and files). No ipcRenderer, no event emitters, nothing else crosses the context
// bridge. Runs sandboxed, so it is bundled to a single CommonJS file whose only require is 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../core/api/contract';
import { INVOKE_CHANNEL, TRANSFER_CHANNEL, type FupinBridge, type SavedDownload, type UploadedFile } from './bridge';

const fupin = {
  invoke: (method: string, input: unknown, token: string | null): Promise<Result<unknown>> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, input, token),
  upload: (fileName: string, bytes: Uint8Array, token: string | null): Promise<Result<UploadedFile>> =>
    ipcRenderer.invoke(TRANSFER_CHANNEL, 'upload', fileName, bytes, token),
  saveDownload: (downloadRef: string, token: string | null): Promise<Result<SavedDownload>> =>
    ipcRenderer.invoke(TRANSFER_CHANNEL, 'save', downloadRef, token),
} satisfies FupinBridge;

contextBridge.exposeInMainWorld('fupin', fupin);
