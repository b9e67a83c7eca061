import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';

// Shipped resources (drizzle/ migrations, data/ division table, dist/renderer) live at the
// project root in a checkout and under process.resourcesPath in a packaged app; Electron main
// tells core which by calling setResourceRoot before anything opens.
let resourceRootOverride: string | null = process.env.FUPIN_RESOURCES ?? null;

export function setResourceRoot(dir: string): void {
  resourceRootOverride = dir;
}

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'drizzle'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot locate the project root (package.json + drizzle/)');
    dir = up;
  }
}

export function resourceRoot(): string {
  return resourceRootOverride ?? findProjectRoot();
}

export const migrationsDir = (): string => join(resourceRoot(), 'drizzle');
export const divisionsCsv = (): string => join(resourceRoot(), 'data', 'gansu-divisions.csv');
export const rendererDist = (): string => join(resourceRoot(), 'dist', 'renderer');

/** Where the station keeps its database and backups when no --db is given. */
export function defaultDataDir(): string {
  if (process.env.FUPIN_DATA_DIR) return resolve(process.env.FUPIN_DATA_DIR);
  if (process.platform === 'win32' && process.env.APPDATA) return join(process.env.APPDATA, 'fupin-station');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'fupin-station');
}

export const defaultDbPath = (): string => join(defaultDataDir(), 'station.db');

/** Backups sit beside the database, in a folder named after it. */
export const backupDirFor = (dbPath: string): string => join(dirname(resolve(dbPath)), 'backups');
