// Packages on a USB stick. A stick is pulled out mid-write and fills up more often than anyone
// expects, so a package is written under a hidden temporary name, flushed to the device, renamed
// into place and read back: a .fpkg that exists under its real name is always complete, and a
// failed write says which of the usual causes it was.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { packageError, PackageError } from './package-errors';
import { sha256 } from './package-format';

export interface WritableFile {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The few file operations the export needs; tests swap in one that fails like a full or pulled stick. */
export interface FolderFs {
  open(path: string, flags: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean; size: number }>;
  readdir(path: string): Promise<string[]>;
}

export const realFolderFs: FolderFs = {
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  readFile: (path) => fsp.readFile(path),
  stat: (path) => fsp.stat(path),
  readdir: (path) => fsp.readdir(path),
};

const WRITE_CHUNK = 1024 * 1024;
export const PARTIAL_SUFFIX = '.part';

/**
 * Writes `bytes` as `folder/fileName` atomically and verifies the copy on the device.
 * Throws PACKAGE_MEDIA with reason DISK_FULL, MEDIA_GONE, READ_ONLY or VERIFY_FAILED.
 */
export async function writePackageFile(folder: string, fileName: string, bytes: Uint8Array, fs: FolderFs = realFolderFs): Promise<string> {
  const finalPath = join(folder, fileName);
  const tempPath = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`);
  try {
    const st = await fs.stat(folder);
    if (!st.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (err) {
    throw mediaError(err, folder);
  }
  let created = false;
  try {
    const file = await fs.open(tempPath, 'wx');
    created = true;
    try {
      for (let at = 0; at < bytes.length; ) {
        const { bytesWritten } = await file.write(bytes, at, Math.min(WRITE_CHUNK, bytes.length - at), at);
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        at += bytesWritten;
      }
      // Without this the rename can reach the stick before the data does.
      await file.sync();
    } finally {
      await file.close().catch(() => undefined);
    }
    await fs.rename(tempPath, finalPath);
    created = false;
    await syncFolder(folder, fs);
  } catch (err) {
    if (created) await fs.unlink(tempPath).catch(() => undefined);
    throw mediaError(err, folder);
  }
  let copy: Uint8Array;
  try {
    copy = await fs.readFile(finalPath);
  } catch (err) {
    throw mediaError(err, folder);
  }
  if (copy.length !== bytes.length || sha256(copy) !== sha256(bytes)) {
    await fs.unlink(finalPath).catch(() => undefined);
    throw packageError('PACKAGE_MEDIA', 'VERIFY_FAILED', `写入 U 盘后读回校验不一致（U 盘可能损坏），已删除该文件：${fileName}`);
  }
  return finalPath;
}

/** Makes the rename durable where the platform allows it (Windows cannot open a folder for fsync). */
async function syncFolder(folder: string, fs: FolderFs): Promise<void> {
  try {
    const dir = await fs.open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // not supported here; the file itself is already synced
  }
}

function mediaError(err: unknown, folder: string): PackageError {
  if (err instanceof PackageError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return packageError('PACKAGE_MEDIA', 'DISK_FULL', `U 盘（目标磁盘）空间不足，数据包没有写入，也没有留下不完整的文件。请清理空间或换一个 U 盘后重试。`, { code });
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return packageError('PACKAGE_MEDIA', 'READ_ONLY', `所选文件夹只读或没有写入权限（U 盘可能开启了写保护）：${folder}`, { code });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'EIO' || code === 'ENXIO' || code === 'ENOMEDIUM') {
    return packageError('PACKAGE_MEDIA', 'MEDIA_GONE', `无法写入所选文件夹（U 盘可能已拔出或损坏），数据包没有写入：${folder}`, { code });
  }
  return packageError('PACKAGE_MEDIA', 'WRITE_FAILED', `写入数据包失败（${code || '未知错误'}），数据包没有写入：${folder}`, { code });
}

export interface FolderEntry {
  name: string;
  path: string;
  size: number;
}

/** The .fpkg files in a folder (hidden temporary files of an interrupted export are skipped). */
export async function listPackageFiles(folder: string, fs: FolderFs = realFolderFs): Promise<FolderEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (err) {
    throw mediaError(err, folder);
  }
  const out: FolderEntry[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || !name.toLowerCase().endsWith('.fpkg')) continue;
    const path = join(folder, name);
    const st = await fs.stat(path).catch(() => null);
    if (st?.isFile()) out.push({ name, path, size: st.size });
  }
  return out;
}

export async function readPackageFile(path: string, fs: FolderFs = realFolderFs): Promise<Uint8Array> {
  try {
    return await fs.readFile(path);
  } catch (err) {
    throw mediaError(err, path);
  }
}
