import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../api/errors';
import { checkHistory, readAppliedMigrations } from '../db/migrator';
import { backupDirFor } from '../paths';
import { reopenDatabase, type Station } from '../station';
import { backupDatabase, checkDatabaseFile, replaceDatabaseFile, type BackupInfo } from './backup';
import { sessions } from '../db/schema';

/** Refuses a backup that is damaged, is not a station database, or was written by a newer app. */
export function checkRestorable(station: Station, file: string): void {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', '备份文件不存在');
  const problem = checkDatabaseFile(file);
  if (problem) throw new AppError('BACKUP_INVALID', `该备份不能用于恢复：${problem}`);
  const probe = new Database(file, { readonly: true });
  try {
    checkHistory(readAppliedMigrationsReadonly(probe), station.migrations);
  } finally {
    probe.close();
  }
}

function readAppliedMigrationsReadonly(db: Database.Database) {
  const has = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = '__fupin_migrations'").get() as { n: number };
  return has.n === 0 ? [] : readAppliedMigrations(db);
}

/**
 * Restores the station from a backup: check it, take a safety copy of the current data, swap the
 * file, reopen. The safety copy means a wrong choice of backup can itself be undone.
 */
export async function restoreFromBackup(station: Station, file: string): Promise<{ restored: string; safetyBackup: BackupInfo }> {
  checkRestorable(station, file);
  const safety = await backupDatabase(station.db.$client, station.file, 'pre-restore', { now: station.clock() });
  station.db.$client.close();
  replaceDatabaseFile(file, station.file);
  reopenDatabase(station);
  // Sessions saved in the backup must not come back to life: everyone logs in again.
  station.db.delete(sessions).run();
  return { restored: file, safetyBackup: safety };
}

export const backupFileByName = (station: Station, name: string): string => join(backupDirFor(station.file), name);
