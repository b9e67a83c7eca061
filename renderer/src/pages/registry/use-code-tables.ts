import { useEffect, useState } from 'react';
import type { CodeOption } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';

export type CodeTables = Record<string, CodeOption[]>;

// A year's tables change only when an administrator edits a code (系统设置 › 代码表), which
// calls forgetCodeTables(); otherwise each year is fetched once per window.
const cache = new Map<number, Promise<CodeTables>>();

export function codeTablesOf(year: number): Promise<CodeTables> {
  let pending = cache.get(year);
  if (!pending) {
    pending = call('registry.codeTables', { year });
    pending.catch(() => cache.delete(year));
    cache.set(year, pending);
  }
  return pending;
}

export function forgetCodeTables(): void {
  cache.clear();
}

/** The dropdown options of every coded field for a data year; null while loading. */
export function useCodeTables(year: number | null | undefined): { tables: CodeTables | null; error: string | null } {
  const [state, setState] = useState<{ year: number | null; tables: CodeTables | null; error: string | null }>({ year: null, tables: null, error: null });
  useEffect(() => {
    if (!year) return;
    let cancelled = false;
    codeTablesOf(year).then(
      (tables) => !cancelled && setState({ year, tables, error: null }),
      (err: unknown) => !cancelled && setState({ year, tables: null, error: errorText(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [year]);
  return state.year === year ? { tables: state.tables, error: state.error } : { tables: null, error: null };
}

/** The label of a code in a table, or the code itself when the table does not know it. */
export function codeLabel(tables: CodeTables | null, field: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return tables?.[field]?.find((o) => o.code === code)?.label ?? code;
}
