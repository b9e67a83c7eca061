import { openStation, closeStation, type Station } from '../core/station';
import { dbOf, type Flags } from './args';

/** Opens the --db station for one command (no start-up backup) and always closes it. */
export async function withStation<T>(flags: Flags, fn: (s: Station) => Promise<T>): Promise<T> {
  const station = await openStation(dbOf(flags), { dailyBackup: false });
  try {
    return await fn(station);
  } finally {
    closeStation(station);
  }
}
