import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HouseholdRow, Input } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';

export type HouseholdQuery = Omit<Input<'registry.searchHouseholds'>, 'offset' | 'limit'>;

/** Rows per request: large enough that scrolling rarely waits, small enough to answer at once. */
export const PAGE_SIZE = 200;
/** A village is read whole (to filter by 村民小组 here) in requests of the API's maximum. */
const WHOLE_PAGE_SIZE = 500;

export interface PendingRow {
  id: string;
  pending: true;
  index: number;
}

export type ListRow = (HouseholdRow & { pending?: undefined }) | PendingRow;

export interface HouseholdPages {
  /** null until the first page has answered. */
  total: number | null;
  rows: ListRow[];
  loading: boolean;
  error: string | null;
  /** Asks for the page holding row `index` (a placeholder row on screen calls this). */
  need(index: number): void;
  reload(): void;
}

/**
 * The household list, read from the server a page at a time. The table gets one row per
 * household from the start (placeholders where the page is not here yet), so the scrollbar is
 * true at 35 000 households and dragging it anywhere loads just the pages that come into view.
 * With `group` set, the village is read whole and filtered by 村民小组 here: the API has no
 * group filter.
 */
export function useHouseholdPages(query: HouseholdQuery, group: string | null): HouseholdPages {
  const key = JSON.stringify([query, group]);
  const [state, setState] = useState<{ key: string; total: number | null; pages: Map<number, HouseholdRow[]>; error: string | null }>({
    key,
    total: null,
    pages: new Map(),
    error: null,
  });
  const inFlight = useRef(new Set<string>());
  const [reloads, setReloads] = useState(0);
  const current = state.key === key ? state : { key, total: null, pages: new Map<number, HouseholdRow[]>(), error: null };

  const fetchPage = useCallback(
    (page: number) => {
      const tag = `${key}#${page}`;
      if (inFlight.current.has(tag)) return;
      inFlight.current.add(tag);
      call('registry.searchHouseholds', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          inFlight.current.delete(tag);
          setState((s) => {
            const base = s.key === key ? s : { key, total: null, pages: new Map<number, HouseholdRow[]>(), error: null };
            const pages = new Map(base.pages);
            pages.set(page, result.rows);
            return { ...base, total: result.total, pages, error: null };
          });
        },
        (err: unknown) => {
          inFlight.current.delete(tag);
          setState((s) => (s.key === key ? { ...s, error: errorText(err) } : { key, total: 0, pages: new Map(), error: errorText(err) }));
        },
      );
    },
    // `key` stands for `query`
    [key],
  );

  useEffect(() => {
    inFlight.current.clear();
    setState({ key, total: null, pages: new Map(), error: null });
    if (group === null) {
      fetchPage(0);
      return;
    }
    let cancelled = false;
    void (async () => {
      const all: HouseholdRow[] = [];
      try {
        for (let offset = 0; ; offset += WHOLE_PAGE_SIZE) {
          const result = await call('registry.searchHouseholds', { ...query, offset, limit: WHOLE_PAGE_SIZE });
          all.push(...result.rows);
          if (cancelled) return;
          if (result.rows.length < WHOLE_PAGE_SIZE || all.length >= result.total) break;
        }
        const mine = all.filter((r) => (r.groupName ?? '') === group);
        if (!cancelled) setState({ key, total: mine.length, pages: new Map([[-1, mine]]), error: null });
      } catch (err) {
        if (!cancelled) setState({ key, total: 0, pages: new Map(), error: errorText(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [key, reloads]);

  const rows = useMemo<ListRow[]>(() => {
    if (current.total === null) return [];
    const whole = current.pages.get(-1);
    if (whole) return whole;
    const out: ListRow[] = new Array(current.total);
    for (let i = 0; i < current.total; i++) {
      const row = current.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
      out[i] = row ?? { id: `pending-${i}`, pending: true, index: i };
    }
    return out;
  }, [current.total, current.pages]);

  const need = useCallback(
    (index: number) => {
      const page = Math.floor(index / PAGE_SIZE);
      if (!current.pages.has(page)) fetchPage(page);
    },
    [current.pages, fetchPage],
  );

  return {
    total: current.total,
    rows,
    loading: current.total === null && current.error === null,
    error: current.error,
    need,
    reload: () => setReloads((n) => n + 1),
  };
}
