import type Database from 'better-sqlite3';
import { AppError } from '../api/errors';
import type { Migration } from './migrations';

const HISTORY_TABLE = '__fupin_migrations';

export interface AppliedMigration {
  idx: number;
  tag: string;
  hash: string;
  appliedAt: string;
}

export interface MigrateOptions {
  /** Called once, before the first pending migration runs on a database that already has data. */
  backupBeforeMigrating?: (pending: Migration[]) => void;
  now?: () => Date;
}

export interface MigrateReport {
  applied: string[];
  backedUp: boolean;
}

export function readAppliedMigrations(sqlite: Database.Database): AppliedMigration[] {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  return sqlite
    .prepare(`SELECT idx, tag, hash, applied_at AS appliedAt FROM ${HISTORY_TABLE} ORDER BY idx`)
    .all() as AppliedMigration[];
}

/**
 * Checks that what the database has applied is a prefix of what this build ships. A longer
 * history means a newer app wrote the file (running on it could destroy what it added); a
 * different history means the file came from another lineage. Either way we refuse to touch it.
 */
export function checkHistory(applied: AppliedMigration[], shipped: Migration[]): Migration[] {
  if (applied.length > shipped.length) {
    throw new AppError(
      'DB_TOO_NEW',
      `数据库由更新版本的扶贫工作站创建（已应用 ${applied.length} 个结构版本，本程序只认识 ${shipped.length} 个）。请升级本程序后再打开，数据未做任何改动。`,
    );
  }
  applied.forEach((a, i) => {
    const s = shipped[i];
    if (!s || a.idx !== s.idx || a.tag !== s.tag || a.hash !== s.hash) {
      throw new AppError(
        'HISTORY_MISMATCH',
        `数据库的结构版本历史与本程序不一致（第 ${i + 1} 个版本：数据库为「${a.tag}」，程序为「${s?.tag ?? '无'}」）。为防止损坏数据，已拒绝打开。`,
      );
    }
  });
  return shipped.slice(applied.length);
}

export function migrate(
  sqlite: Database.Database,
  shipped: Migration[],
  options: MigrateOptions = {},
): MigrateReport {
  const now = options.now ?? (() => new Date());
  const applied = readAppliedMigrations(sqlite);
  const pending = checkHistory(applied, shipped);
  if (pending.length === 0) return { applied: [], backedUp: false };

  const hasData = applied.length > 0;
  let backedUp = false;
  if (hasData && options.backupBeforeMigrating) {
    options.backupBeforeMigrating(pending);
    backedUp = true;
  }

  const record = sqlite.prepare(`INSERT INTO ${HISTORY_TABLE} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`);
  const done: string[] = [];
  // Foreign keys are checked after each migration rather than during it, so that a migration may
  // rebuild a table (SQLite's 12-step ALTER) without tripping over its own intermediate state.
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      const run = sqlite.transaction(() => {
        for (const statement of m.statements) sqlite.exec(statement);
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`foreign key violations after ${m.tag}`);
        record.run(m.idx, m.tag, m.hash, now().toISOString());
      });
      try {
        run();
      } catch (err) {
        throw new AppError(
          'MIGRATION_FAILED',
          `数据库升级到结构版本「${m.tag}」失败，已回滚该步骤，程序停止。升级前的备份保存在备份目录中。`,
          { tag: m.tag, cause: err instanceof Error ? err.message : String(err) },
        );
      }
      done.push(m.tag);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  sqlite.pragma(`user_version = ${shipped.length}`);
  return { applied: done, backedUp };
}
