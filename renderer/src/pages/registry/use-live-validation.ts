import { useEffect, useRef, useState } from 'react';
import type { FindingView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import type { SaveInput } from './household-draft';

export const VALIDATE_DELAY_MS = 400;

export interface LiveValidation {
  /** The findings of the latest answered check (or those the page was opened with). */
  findings: FindingView[];
  /** False until the first check of this page has answered. */
  answered: boolean;
  checking: boolean;
  error: string | null;
  /** Replace the findings from outside: a save's answer or its refusal. */
  setFindings(findings: FindingView[]): void;
}

/**
 * Validate as you type: ~400 ms after the last edit the whole form goes to
 * registry.validateHousehold (which saves nothing). An answer to an older form than the one on
 * screen is dropped, so a slow answer never overwrites a newer one.
 */
export function useLiveValidation(input: SaveInput | null): LiveValidation {
  const [findings, setFindings] = useState<FindingView[]>([]);
  const [answered, setAnswered] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    if (!input) return;
    const mine = ++seq.current;
    // The form as opened is checked at once; edits wait for a pause in typing.
    const delay = first.current ? 0 : VALIDATE_DELAY_MS;
    first.current = false;
    const timer = window.setTimeout(() => {
      setChecking(true);
      call('registry.validateHousehold', input).then(
        (result) => {
          if (mine !== seq.current) return;
          setFindings(result);
          setAnswered(true);
          setError(null);
          setChecking(false);
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setError(errorText(err));
          setChecking(false);
        },
      );
    }, delay);
    return () => window.clearTimeout(timer);
  }, [input]);

  return {
    findings,
    answered,
    checking,
    error,
    setFindings(next) {
      seq.current += 1;
      setChecking(false);
      setAnswered(true);
      setFindings(next);
    },
  };
}
