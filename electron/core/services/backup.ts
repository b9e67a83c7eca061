import Database from 'better-sqlite3';
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../api/errors';
import { backupDirFor } from '../paths';

export const BACKUP_KINDS = ['manual', 'daily', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  file: string;
  name: string;
  kind: BackupKind;
  takenAt: string;
  sizeBytes: number;
}

const NAME = /^station-(\d{8})-(\d{6})(?:-(\d{3}))?-(manual|daily|pre-migration|pre-restore)\.db$/;

function stamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

export function parseBackupName(name: string): { kind: BackupKind; takenAt: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, ymd, hms, ms, kind] = m as unknown as [string, string, string, string | undefined, BackupKind];
  const takenAt = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}T${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4)}.${ms ?? '000'}Z`;
  return { kind, takenAt };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => {
      const parsed = parseBackupName(name);
      if (!parsed) return null;
      const file = join(dir, name);
      return { file, name, ...parsed, sizeBytes: statSync(file).size };
    })
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
}

/** Opens a copy read-only and runs SQLite's full integrity check; returns the problem or null. */
export function checkDatabaseFile(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') return `完整性检查未通过：${verdict.slice(0, 200)}`;
    const hasNode = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'node'").get() as { n: number };
    if (hasNode.n !== 1) return '不是扶贫工作站的数据库文件';
    return null;
  } catch (err) {
    return `无法作为数据库打开：${err instanceof Error ? err.message.slice(0, 120) : '未知错误'}`;
  } finally {
    db?.close();
  }
}

/**
 * Online backup through SQLite's backup API (the station keeps running), then an integrity
 * check of the copy. A copy that fails the check is deleted and reported, never kept as if good.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  dbFile: string,
  kind: BackupKind,
  options: { out?: string; now?: Date } = {},
): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  const dir = backupDirFor(dbFile);
  const target = options.out ? resolve(options.out) : join(dir, `station-${stamp(now)}-${kind}.db`);
  mkdirSync(resolve(target, '..'), { recursive: true });
  const temp = `${target}.partial`;
  rmSync(temp, { force: true });
  await sqlite.backup(temp);
  // A backup is a single self-contained file: leave no -wal/-shm beside it.
  const copy = new Database(temp);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const problem = checkDatabaseFile(temp);
  if (problem) {
    rmSync(temp, { force: true });
    throw new AppError('BACKUP_INVALID', `备份副本校验失败，已丢弃：${problem}`);
  }
  const fd = openSync(temp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, target);
  return { file: target, name: basename(target), kind, takenAt: now.toISOString(), sizeBytes: statSync(target).size };
}

/**
 * The pruning rule, stated once: manual backups are never deleted automatically; daily backups
 * keep the newest 7 plus the newest of each of the last 12 calendar months; pre-migration and
 * pre-restore backups keep the newest 5 of each kind.
 */
export function backupsToPrune(backups: BackupInfo[], now: Date = new Date()): BackupInfo[] {
  const byKind = (k: BackupKind) => backups.filter((b) => b.kind === k).sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
  const prune: BackupInfo[] = [];
  const daily = byKind('daily');
  const keep = new Set(daily.slice(0, 7).map((b) => b.name));
  const oldestMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
  const seenMonths = new Set<string>();
  for (const b of daily) {
    const month = b.takenAt.slice(0, 7);
    if (month >= oldestMonth && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(b.name);
    }
  }
  prune.push(...daily.filter((b) => !keep.has(b.name)));
  for (const kind of ['pre-migration', 'pre-restore'] as const) prune.push(...byKind(kind).slice(5));
  return prune;
}

export function pruneBackups(dir: string, now: Date = new Date()): string[] {
  const doomed = backupsToPrune(listBackups(dir), now);
  for (const b of doomed) rmSync(b.file, { force: true });
  return doomed.map((b) => b.name);
}

/**
 * Replaces the database file with a checked backup. The caller must have closed its connection;
 * the old -wal and -shm files are removed so SQLite cannot replay the replaced file's journal.
 */
export function replaceDatabaseFile(backupFile: string, dbFile: string): void {
  const temp = `${dbFile}.restoring`;
  copyFileSync(backupFile, temp);
  const fd = openSync(temp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  rmSync(`${dbFile}-wal`, { force: true });
  rmSync(`${dbFile}-shm`, { force: true });
  renameSync(temp, dbFile);
}
