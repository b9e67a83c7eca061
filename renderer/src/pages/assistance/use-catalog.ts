import { useEffect, useState } from 'react';
import type { AssistanceCatalog } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';

const cache = new Map<number, Promise<AssistanceCatalog>>();

/** The assistance code lists of a year, fetched once per year and shared by every page. */
export function useAssistanceCatalog(year: number): AssistanceCatalog | null {
  const [catalog, setCatalog] = useState<AssistanceCatalog | null>(null);
  useEffect(() => {
    let cancelled = false;
    let pending = cache.get(year);
    if (!pending) {
      pending = call('assistance.catalog', { year });
      cache.set(year, pending);
      pending.catch(() => cache.delete(year));
    }
    pending.then(
      (c) => !cancelled && setCatalog(c),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [year]);
  return catalog;
}

/** Options for an antd Select from a code list. */
export const selectOptions = (list: readonly { code: string; label: string }[] | undefined) => (list ?? []).map((o) => ({ value: o.code, label: o.label }));

export const thisYear = (): number => new Date().getFullYear();
