import type { Db } from '../../db/connection';

/**
 * Region names by code, loaded once per database handle: lists show a village and township name
 * on every row, and 19 000 names are cheaper to hold than to query row by row.
 */
const cache = new WeakMap<Db, Map<string, string>>();

export function regionNames(db: Db): Map<string, string> {
  let names = cache.get(db);
  if (!names) {
    names = new Map((db.$client.prepare('SELECT code, name FROM regions').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    cache.set(db, names);
  }
  return names;
}

export const regionName = (db: Db, code: string): string => regionNames(db).get(code) ?? code;
