import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStation, closeStation, type Station } from '../../electron/core/station';
import { setupNode } from '../../electron/core/services/node-setup';
import { dispatch } from '../../electron/core/api/router';
import type { Input, MethodName, Output } from '../../electron/core/api/contract';

export const ADMIN = { username: 'admin', password: 'Admin1234' };
export const HUINING = '620422000000';
// 会师镇 and 柴家门镇, two real townships of 会宁县, and a village of 会师镇: scope tests put a
// clerk in one township and data in the other.
export const HUISHI = '620422100000';
export const HUISHI_VILLAGE = '620422100201';
export const OTHER_TOWNSHIP = '620422101000';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-02T08:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advanceMinutes(m: number) {
      now = new Date(now.getTime() + m * 60_000);
    },
  };
}

export function tempDir(prefix = 'fupin-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestStation {
  station: Station;
  dir: string;
  clock: ReturnType<typeof manualClock>;
  close(): void;
}

/** A real station file in a temp folder, set up as 会宁县's county node. */
export async function makeStation(options: { setup?: boolean; level?: 'county' | 'township'; region?: string } = {}): Promise<TestStation> {
  const dir = tempDir();
  const clock = manualClock();
  const station = await openStation(join(dir, 'station.db'), { clock: clock.now, dailyBackup: false });
  if (options.setup ?? true) {
    setupNode(station, {
      level: options.level ?? 'county',
      regionCode: options.region ?? HUINING,
      adminUsername: ADMIN.username,
      adminDisplayName: '县管理员',
      adminPassword: ADMIN.password,
    });
  }
  return {
    station,
    dir,
    clock,
    close() {
      closeStation(station);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the API exactly as a door would and returns the envelope. */
export function callApi<M extends MethodName>(station: Station, method: M, input: Input<M>, token?: string | null) {
  return dispatch(station, { method, input, token: token ?? null });
}

/** Calls the API and insists on success. */
export async function ok<M extends MethodName>(station: Station, method: M, input: Input<M>, token?: string | null): Promise<Output<M>> {
  const r = await callApi(station, method, input, token);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.kind} ${r.error.message}`);
  return r.value;
}

export async function loginAs(station: Station, username: string, password: string): Promise<string> {
  return (await ok(station, 'auth.login', { username, password })).token;
}
