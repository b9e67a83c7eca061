import { useCallback, useEffect, useState } from 'react';
import type { HouseholdAssistance } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';

/** One household's assistance view, with a reload for after each save. */
export function useHouseholdAssistance(householdId: string) {
  const [data, setData] = useState<HouseholdAssistance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await call('assistance.household', { householdId }));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [householdId]);
  useEffect(() => void reload(), [reload]);
  return { data, error, reload };
}
