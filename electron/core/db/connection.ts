import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

/**
 * Opens a station database with the pragmas the design asks for. WAL + synchronous=FULL: a
 * township PC loses power without warning, and a committed registry edit must survive that.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  applyPragmas(sqlite, options.readonly ?? false);
  return drizzle(sqlite, { schema }) as Db;
}

export function applyPragmas(sqlite: Database.Database, readonly: boolean): void {
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
