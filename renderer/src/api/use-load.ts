import { useCallback, useEffect, useState } from 'react';
import { errorText } from './errors';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** One read from core for a tab: the value, core's sentence when it failed, and a reload. */
export function useLoad<T>(read: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableRead = useCallback(read, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await stableRead());
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [stableRead]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
