import type { Station } from '../../station';

const tails = new WeakMap<Station, Promise<unknown>>();

/**
 * One exchange operation at a time per station. Imports and package building await (age
 * encryption is async), and two of them interleaving would hand out one sequence number twice or
 * check a sequence that the other is about to change. Not re-entrant: call it at the entry points.
 */
export function withExchangeLock<T>(station: Station, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(station) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  tails.set(
    station,
    run.catch(() => undefined),
  );
  return run;
}
