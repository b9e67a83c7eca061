import { copyFileSync, existsSync } from 'node:fs';
import type { RegionNode } from '../../../electron/core/api/contract';
import { fupinCli, serveStation, type RunningStation } from './station';
import { StationApi } from './api-client';

/** What `fupin demo --create` sets up. */
export const DEMO_ADMIN = { username: 'demo', password: 'Demo1234' } as const;

export const CLERK = { username: 'huishi', displayName: '刘晓燕', password: 'Clerk2024' } as const;

export interface RegistryStation extends RunningStation {
  admin: { username: string; password: string };
  /** The township the clerk is scoped to: the first one with households. */
  township: { code: string; name: string };
  clerk: typeof CLERK;
  households: number;
  /** The admin's API session, for looking data up from the tests. */
  api: StationApi;
}

/**
 * A county station with households: the demo county (`fupin demo --create`) of the given size.
 * A clerk scoped to one township is created through users.create, as an administrator would.
 */
export async function startRegistryStation(
  households: number,
  log: (line: string) => void = () => undefined,
  /** A database file to start from (kept by an earlier run), or to keep this one's in when absent. */
  savedDb?: string,
): Promise<RegistryStation> {
  if (savedDb && existsSync(savedDb)) return reuseStation(savedDb, households, log);
  const station = await serveStation({
    initialized: false,
    prepare: async (db) => {
      const started = Date.now();
      await fupinCli(db, ['demo', '--households', String(households), '--create']);
      log(`demo county with ${households} households in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  const admin = DEMO_ADMIN;
  const api = await (await StationApi.open(station.launchUrl)).login(admin.username, admin.password);
  const township = await clerkTownship(api);
  await api.call('users.create', { username: CLERK.username, displayName: CLERK.displayName, role: 'clerk', scopeCode: township.code, password: CLERK.password });
  if (savedDb) {
    await fupinCli(station.db, ['backup', '--out', savedDb]);
    log(`database kept as ${savedDb}`);
  }
  return { ...station, admin, township, clerk: CLERK, households, api };
}

async function clerkTownship(api: StationApi): Promise<{ code: string; name: string }> {
  const townships = await api.call<RegionNode[]>('registry.tree', { parentCode: null });
  const township = townships.find((t) => t.households > 0);
  if (!township) throw new Error('no township has households');
  return { code: township.code, name: township.name };
}

/** A station on a copy of a kept database: minutes of generating saved when looking at screens again. */
async function reuseStation(savedDb: string, households: number, log: (line: string) => void): Promise<RegistryStation> {
  const station = await serveStation({ initialized: false, prepare: async (db) => copyFileSync(savedDb, db) });
  log(`reusing ${savedDb}`);
  const launch = await StationApi.open(station.launchUrl);
  const admin = DEMO_ADMIN;
  const api = await launch.login(admin.username, admin.password);
  return { ...station, admin, township: await clerkTownship(api), clerk: CLERK, households, api };
}
