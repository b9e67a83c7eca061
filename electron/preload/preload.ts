// The renderer's only door to the main process: one function, one channel. No ipcRenderer, no
// event emitters, nothing else crosses the context bridge. Runs sandboxed, so it is bundled to a
// single CommonJS file whose only require is 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../core/api/contract';
import { INVOKE_CHANNEL, type FupinBridge } from './bridge';

const fupin = {
  invoke: (method: string, input: unknown, token: string | null): Promise<Result<unknown>> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, input, token),
} satisfies FupinBridge;

contextBridge.exposeInMainWorld('fupin', fupin);
