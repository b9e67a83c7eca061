// Writing a package to a USB stick: atomic (temp name, fsync, rename), read back and checked,
// and when the stick fills up or disappears mid-write, a clear message and no half-written file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { listPackageFiles, realFolderFs, writePackageFile, type FolderFs } from '../../../electron/core/exchange/usb';
import { PackageError } from '../../../electron/core/exchange/package-errors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fupin-usb-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));

/** The real file system, except that writes fail with `code` after `after` bytes (or reads lie). */
function failing(code: string | null, after = 1024 * 1024, corruptRead = false): FolderFs & { calls: string[] } {
  const calls: string[] = [];
  let written = 0;
  return {
    calls,
    ...realFolderFs,
    async open(path, flags) {
      calls.push(`open ${flags}`);
      const file = await realFolderFs.open(path, flags);
      return {
        async write(buf, offset, length, position) {
          if (code && written + length > after) {
            // Part of the chunk lands, as on a real device that fills up mid-write.
            await file.write(buf, offset, Math.max(0, after - written), position);
            throw Object.assign(new Error(code), { code });
          }
          written += length;
          return file.write(buf, offset, length, position);
        },
        async sync() {
          calls.push('sync');
          return file.sync();
        },
        close: () => file.close(),
      };
    },
    async rename(from, to) {
      calls.push('rename');
      return realFolderFs.rename(from, to);
    },
    async readFile(path) {
      const data = await realFolderFs.readFile(path);
      if (corruptRead) data[10] = data[10]! ^ 0xff;
      return data;
    },
  };
}

const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'NO_ERROR';
  } catch (err) {
    return err instanceof PackageError ? `${err.kind}/${err.reason}` : String(err);
  }
};

describe('writePackageFile', () => {
  it('writes under a hidden temporary name, syncs, renames, and the copy reads back identical', async () => {
    const fs = failing(null);
    const path = await writePackageFile(dir, 'a_b_report_000001_x.fpkg', bytes, fs);
    expect(readdirSync(dir)).toEqual(['a_b_report_000001_x.fpkg']);
    expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
    expect(fs.calls.slice(0, 3)).toEqual(['open wx', 'sync', 'rename']);
  });

  it('a full stick: DISK_FULL, and the partial temporary file is removed', async () => {
    const r = await reasonOf(writePackageFile(dir, 'p.fpkg', bytes, failing('ENOSPC', 1536 * 1024)));
    expect(r).toBe('PACKAGE_MEDIA/DISK_FULL');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a stick pulled out mid-write: MEDIA_GONE with a message that says so', async () => {
    let message = '';
    try {
      await writePackageFile(dir, 'p.fpkg', bytes, failing('EIO', 512 * 1024));
    } catch (err) {
      message = (err as Error).message;
      expect(err).toMatchObject({ kind: 'PACKAGE_MEDIA', reason: 'MEDIA_GONE' });
    }
    expect(message).toMatch(/U 盘可能已拔出/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that is gone before writing starts, and a read-only one', async () => {
    expect(await reasonOf(writePackageFile(join(dir, 'missing'), 'p.fpkg', bytes))).toBe('PACKAGE_MEDIA/MEDIA_GONE');
    const readOnly: FolderFs = { ...realFolderFs, open: async () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) };
    expect(await reasonOf(writePackageFile(dir, 'p.fpkg', bytes, readOnly))).toBe('PACKAGE_MEDIA/READ_ONLY');
  });

  it('a copy that reads back different is deleted and reported', async () => {
    expect(await reasonOf(writePackageFile(dir, 'p.fpkg', bytes, failing(null, 0, true)))).toBe('PACKAGE_MEDIA/VERIFY_FAILED');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an existing package file of the same name is replaced whole, never appended to', async () => {
    writeFileSync(join(dir, 'p.fpkg'), 'old contents');
    await writePackageFile(dir, 'p.fpkg', bytes);
    expect(Buffer.compare(readFileSync(join(dir, 'p.fpkg')), bytes)).toBe(0);
  });
});

describe('listPackageFiles', () => {
  it('lists .fpkg files and skips the hidden temporaries of an interrupted export', async () => {
    writeFileSync(join(dir, 'b.fpkg'), 'x');
    writeFileSync(join(dir, 'a.FPKG'), 'x');
    writeFileSync(join(dir, '.c.fpkg.1234.part'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect((await listPackageFiles(dir)).map((f) => f.name)).toEqual(['a.FPKG', 'b.fpkg']);
    expect(await reasonOf(listPackageFiles(join(dir, 'gone')))).toBe('PACKAGE_MEDIA/MEDIA_GONE');
  });
});
