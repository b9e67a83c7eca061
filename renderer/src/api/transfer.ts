// Files in and out of core, by reference: an upload becomes a fileRef that an import method
// takes; an export method answers with a downloadRef. The desktop preload carries both over its
// transfer channel (the save dialog is the main process's); web mode uses /api/upload and
// /api/download/<ref> on the loopback server.
import type { Result } from '../../../electron/core/api/contract';
import { ApiError, sessionToken, settle } from './client';

export interface Uploaded {
  fileRef: string;
  size: number;
}

export interface Saved {
  /** False when the user closed the save dialog */
  saved: boolean;
  /** Desktop: where the file went; web mode: null (the browser's downloads) */
  path: string | null;
}

const UNREACHABLE = '无法连接工作站服务，请确认程序仍在运行';

export async function uploadFile(file: File): Promise<Uploaded> {
  let result: Result<unknown>;
  try {
    if (window.fupin) {
      result = await window.fupin.upload(file.name, new Uint8Array(await file.arrayBuffer()), sessionToken());
    } else {
      const headers: Record<string, string> = { 'X-Fupin-Request': '1', 'Content-Type': 'application/octet-stream' };
      const token = sessionToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
      if (res.status === 403) throw new ApiError('UNAUTHENTICATED', '请使用启动时显示的地址重新打开工作站');
      result = (await res.json()) as Result<unknown>;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('INTERNAL', UNREACHABLE);
  }
  return settle<Uploaded>(result);
}

export async function saveDownload(downloadRef: string, fileName: string): Promise<Saved> {
  if (window.fupin) {
    let result: Result<unknown>;
    try {
      result = await window.fupin.saveDownload(downloadRef, sessionToken());
    } catch {
      throw new ApiError('INTERNAL', UNREACHABLE);
    }
    return settle<Saved>(result);
  }
  // The browser saves it: a same-origin link with the download attribute, clicked once.
  const a = document.createElement('a');
  a.href = `/api/download/${encodeURIComponent(downloadRef)}`;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  return { saved: true, path: null };
}
