import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Station } from '../station';
import { AppError } from '../api/errors';

// Files that cross a door: an xlsx the user uploads for import, an export the user downloads.
// Each is addressed by a random reference, never by a path from the caller, so no door can make
// core read or write a file of its choosing. Both live beside the database and expire after a day.
const MAX_AGE_MS = 24 * 3600 * 1000;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

interface Download {
  file: string;
  fileName: string;
  expiresAt: number;
}
const downloads = new Map<string, Download>();

const transferDir = (station: Station): string => join(dirname(resolve(station.file)), 'transfer');
const isRef = (ref: string): boolean => /^[A-Za-z0-9_-]{20,64}$/.test(ref);

export function storeUpload(station: Station, bytes: Uint8Array, fileName: string): { fileRef: string; size: number } {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError('INVALID_INPUT', `文件过大（超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
  const dir = join(transferDir(station), 'uploads');
  mkdirSync(dir, { recursive: true });
  pruneOld(dir);
  const fileRef = randomBytes(18).toString('base64url');
  const safeName = basename(fileName).replace(/[^\p{L}\p{N}._-]/gu, '_').slice(0, 80) || 'upload';
  writeFileSync(join(dir, `${fileRef}__${safeName}`), bytes);
  return { fileRef, size: bytes.byteLength };
}

/** The path of an uploaded file; refuses anything that is not a live reference. */
export function uploadedFile(station: Station, fileRef: string): { path: string; fileName: string } {
  const dir = join(transferDir(station), 'uploads');
  if (!isRef(fileRef) || !existsSync(dir)) throw new AppError('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件');
  const name = readdirSync(dir).find((n) => n.startsWith(`${fileRef}__`));
  if (!name) throw new AppError('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件');
  return { path: join(dir, name), fileName: name.slice(fileRef.length + 2) };
}

/** A path for core to write an export into, and the reference a door uses to hand it over. */
export function prepareDownload(station: Station, fileName: string): { downloadRef: string; path: string } {
  const dir = join(transferDir(station), 'downloads');
  mkdirSync(dir, { recursive: true });
  pruneOld(dir);
  const downloadRef = randomBytes(18).toString('base64url');
  const path = join(dir, `${downloadRef}__${basename(fileName)}`);
  downloads.set(downloadRef, { file: path, fileName: basename(fileName), expiresAt: Date.now() + MAX_AGE_MS });
  return { downloadRef, path };
}

export function downloadFile(downloadRef: string): { path: string; fileName: string } {
  const d = isRef(downloadRef) ? downloads.get(downloadRef) : undefined;
  if (!d || d.expiresAt < Date.now() || !existsSync(d.file)) throw new AppError('NOT_FOUND', '下载链接已过期，请重新导出');
  return { path: d.file, fileName: d.fileName };
}

function pruneOld(dir: string): void {
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).mtimeMs < cutoff) rmSync(p, { force: true });
  }
}
