import Database from 'better-sqlite3';
import { loadShippedMigrations } from '../../../electron/core/db/migrations';
import { migrate } from '../../../electron/core/db/migrator';

/** A database migrated up to (not including) the migration with this tag, plus a step to apply it. */
export function databaseBefore(tag: string) {
  const shipped = loadShippedMigrations();
  const index = shipped.findIndex((m) => m.tag === tag);
  if (index < 0) throw new Error(`no shipped migration ${tag}`);
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, shipped.slice(0, index));
  return {
    db,
    applyIt: () => migrate(db, shipped.slice(0, index + 1)),
    tables: () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name),
  };
}
