// The file side of the desktop door, without Electron: the same sender check as the API channel,
// then an upload stored by core under a random reference, or an export copied to the path the
// user picked in the save dialog. The renderer never names a path on disk, so a page in the
// window cannot read or write a file of its choosing; web mode does the same over HTTP.
import { copyFile } from 'node:fs/promises';
import type { Station } from '../core/station';
import { toApiError, type Result } from '../core/api/errors';
import { resolveSession } from '../core/services/users';
import { downloadFile, storeUpload } from '../core/services/transfer-files';
import type { SavedDownload, UploadedFile } from '../preload/bridge';
import type { InvokeSender } from './invoke-gate';
import { isTrustedSender } from './url-policy';

export interface TransferDialogs {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath(defaultName: string): Promise<string | null>;
}

const refused: Result<never> = { ok: false, error: { kind: 'FORBIDDEN', message: '请求来源不受信任，已拒绝' } };
const malformed: Result<never> = { ok: false, error: { kind: 'INVALID_INPUT', message: '请求格式错误' } };

const isToken = (t: unknown): t is string | null => t === null || typeof t === 'string';

export async function gateTransfer(
  station: Station,
  sender: InvokeSender | null,
  args: readonly unknown[],
  dialogs: TransferDialogs,
): Promise<Result<UploadedFile | SavedDownload>> {
  if (sender === null || !sender.fromOurWindow || !isTrustedSender(sender)) return refused;
  const [op] = args;
  try {
    if (op === 'upload' && args.length === 4) {
      const [, fileName, bytes, token] = args;
      if (typeof fileName !== 'string' || !(bytes instanceof Uint8Array) || !isToken(token)) return malformed;
      // Uploads need a live session, as in web mode: the bytes land beside the database.
      resolveSession(station, token ?? '');
      return { ok: true, value: storeUpload(station, bytes, fileName) };
    }
    if (op === 'save' && args.length === 3) {
      const [, downloadRef, token] = args;
      if (typeof downloadRef !== 'string' || !isToken(token)) return malformed;
      resolveSession(station, token ?? '');
      const file = downloadFile(downloadRef);
      const target = await dialogs.chooseSavePath(file.fileName);
      if (target === null) return { ok: true, value: { saved: false, path: null } };
      await copyFile(file.path, target);
      return { ok: true, value: { saved: true, path: target } };
    }
    return malformed;
  } catch (err) {
    const error = toApiError(err);
    // a failed copy (disk full, read-only folder, file open in Excel) is not an internal fault
    if (error.kind === 'INTERNAL' && op === 'save') return { ok: false, error: { kind: 'INVALID_INPUT', message: '文件未能保存到所选位置（可能没有写入权限、磁盘已满或同名文件正被 Excel 打开），请另选位置' } };
    return { ok: false, error };
  }
}
