import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { migrate, readAppliedMigrations } from '../../electron/core/db/migrator';
import { loadShippedMigrations, type Migration } from '../../electron/core/db/migrations';
import { openStation, closeStation } from '../../electron/core/station';
import { tempDir } from '../helpers/station';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

const m = (idx: number, tag: string, sql: string): Migration => ({ idx, tag, hash: `h-${tag}-${sql.length}`, statements: [sql] });

describe('guarded migrator', () => {
  it('applies every shipped migration to an empty database and records them', () => {
    const db = new Database(':memory:');
    const shipped = loadShippedMigrations();
    const report = migrate(db, shipped);
    expect(report.applied).toEqual(shipped.map((s) => s.tag));
    expect(readAppliedMigrations(db).map((a) => a.tag)).toEqual(shipped.map((s) => s.tag));
    expect(db.pragma('user_version', { simple: true })).toBe(shipped.length);
    // idempotent: a second run applies nothing
    expect(migrate(db, shipped).applied).toEqual([]);
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const db = new Database(':memory:');
    const a = m(0, '0000_a', 'CREATE TABLE a (x)');
    const b = m(1, '0001_b', 'CREATE TABLE b (x)');
    migrate(db, [a, b]);
    expect(() => migrate(db, [a])).toThrowError(expect.objectContaining({ kind: 'DB_TOO_NEW' }));
    expect(readAppliedMigrations(db)).toHaveLength(2);
  });

  it('refuses an applied history that is not a prefix of the shipped one', () => {
    const db = new Database(':memory:');
    migrate(db, [m(0, '0000_a', 'CREATE TABLE a (x)')]);
    const other = [m(0, '0000_other', 'CREATE TABLE a (x)'), m(1, '0001_b', 'CREATE TABLE b (x)')];
    expect(() => migrate(db, other)).toThrowError(expect.objectContaining({ kind: 'HISTORY_MISMATCH' }));
    // same tag but edited SQL (different hash) is a different history too
    const edited = [{ ...m(0, '0000_a', 'CREATE TABLE a (x)'), hash: 'changed' }];
    expect(() => migrate(db, edited)).toThrowError(expect.objectContaining({ kind: 'HISTORY_MISMATCH' }));
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  it('stops at a failing migration, rolls that step back and applies nothing after it', () => {
    const db = new Database(':memory:');
    const good = m(0, '0000_a', 'CREATE TABLE a (x)');
    const bad: Migration = { idx: 1, tag: '0001_bad', hash: 'x', statements: ['CREATE TABLE half (x)', 'THIS IS NOT SQL'] };
    const later = m(2, '0002_c', 'CREATE TABLE c (x)');
    expect(() => migrate(db, [good, bad, later])).toThrowError(expect.objectContaining({ kind: 'MIGRATION_FAILED' }));
    expect(readAppliedMigrations(db).map((r) => r.tag)).toEqual(['0000_a']);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('half');
    expect(tables).not.toContain('c');
  });

  it('backs the file up before migrating a database that has data', async () => {
    const dir = fresh();
    const file = join(dir, 'station.db');
    const shipped = loadShippedMigrations();
    const first = await openStation(file, { migrations: shipped.slice(0, 1), dailyBackup: false });
    first.db.$client.exec("INSERT INTO settings (key, value) VALUES ('probe', '\"before\"')");
    closeStation(first);
    const extra = m(shipped.length, '9999_probe', 'CREATE TABLE probe_table (x)');
    const second = await openStation(file, { migrations: [...shipped, extra], dailyBackup: false });
    closeStation(second);
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups.filter((n) => n.endsWith('-pre-migration.db'))).toHaveLength(1);
    const copy = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key='probe'").get()).toEqual({ value: '"before"' });
    expect(copy.prepare("SELECT count(*) n FROM sqlite_master WHERE name='probe_table'").get()).toEqual({ n: 0 });
    copy.close();
  });

  it('does not open a newer database through openStation and keeps the file as it was', async () => {
    const dir = fresh();
    const file = join(dir, 'station.db');
    const shipped = loadShippedMigrations();
    const future = [...shipped, m(shipped.length, '9999_future', 'CREATE TABLE future_table (x)')];
    closeStation(await openStation(file, { migrations: future, dailyBackup: false }));
    await expect(openStation(file, { migrations: shipped, dailyBackup: false })).rejects.toMatchObject({ kind: 'DB_TOO_NEW' });
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
