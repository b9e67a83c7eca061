import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDatabase, closeDatabase, type Db } from './db/connection';
import { loadShippedMigrations, type Migration } from './db/migrations';
import { checkHistory, migrate, readAppliedMigrations } from './db/migrator';
import { backupDatabase, listBackups, pruneBackups } from './services/backup';
import { backupDirFor } from './paths';
import { node, regions, settings } from './db/schema';
import { loadDivisions } from './services/regions';
import { eq } from 'drizzle-orm';
import type { NodeSecret } from './services/key-slots';

/**
 * One open installation: the database handle plus what lives only in memory — the unlocked
 * signing keys of logged-in administrators and the clock (injectable so tests can move time).
 */
export interface Station {
  db: Db;
  readonly file: string;
  readonly migrations: Migration[];
  /** Node secrets unwrapped at an administrator's login, keyed by session token hash. */
  readonly keyring: Map<string, NodeSecret>;
  clock: () => Date;
  /** The demo login shown on the login page, when running on the embedded demo county. */
  demoLogin: { username: string; password: string } | null;
  /** Resources opened on the station's behalf (the PDF renderer's browser), released by closeStation. */
  readonly closers: Set<() => void>;
}

export interface OpenOptions {
  clock?: () => Date;
  /** Tests and one-shot CLI commands skip the once-a-day start-up backup. */
  dailyBackup?: boolean;
  migrations?: Migration[];
}

export async function openStation(file: string, options: OpenOptions = {}): Promise<Station> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const migrations = options.migrations ?? loadShippedMigrations();
  const clock = options.clock ?? (() => new Date());
  const db = openDatabase(path);
  try {
    const applied = readAppliedMigrations(db.$client);
    const pending = checkHistory(applied, migrations);
    if (pending.length > 0 && applied.length > 0) {
      await backupDatabase(db.$client, path, 'pre-migration', { now: clock() });
    }
    migrate(db.$client, migrations, { now: clock });
    // The division table is public data the first-run page needs before there is any node.
    if (db.select({ code: regions.code }).from(regions).limit(1).get() === undefined) loadDivisions(db);
    const station: Station = { db, file: path, migrations, keyring: new Map(), clock, demoLogin: readDemoLogin(db), closers: new Set() };
    if (options.dailyBackup ?? true) await takeDailyBackupIfDue(station);
    return station;
  } catch (err) {
    closeDatabase(db);
    throw err;
  }
}

/** A demo database records its login so the login page can show it; real stations never have one. */
function readDemoLogin(db: Db): Station['demoLogin'] {
  const row = db.select().from(settings).where(eq(settings.key, 'demo.login')).get();
  return row ? (JSON.parse(row.value) as Station['demoLogin']) : null;
}

export function isInitialized(station: Station): boolean {
  return station.db.select({ id: node.id }).from(node).get() !== undefined;
}

/** Once a day at start: the first start of a calendar day (local date of the clock) takes a copy. */
export async function takeDailyBackupIfDue(station: Station): Promise<boolean> {
  if (!isInitialized(station)) return false;
  const dir = backupDirFor(station.file);
  const today = station.clock().toISOString().slice(0, 10);
  const hasToday = listBackups(dir).some((b) => b.kind === 'daily' && b.takenAt.slice(0, 10) === today);
  if (hasToday) return false;
  await backupDatabase(station.db.$client, station.file, 'daily', { now: station.clock() });
  pruneBackups(dir, station.clock());
  return true;
}

export function closeStation(station: Station): void {
  for (const close of station.closers) close();
  station.closers.clear();
  station.keyring.clear();
  closeDatabase(station.db);
}

/** Swaps the station's connection after its file was replaced (restore). */
export function reopenDatabase(station: Station): void {
  closeDatabase(station.db);
  station.keyring.clear();
  station.db = openDatabase(station.file);
  migrate(station.db.$client, station.migrations, { now: station.clock });
  station.demoLogin = readDemoLogin(station.db);
}
