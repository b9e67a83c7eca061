import { useCallback, useState } from 'react';
import { Alert } from 'antd';
import type { RuleViolation } from '../../../../electron/core/api/contract';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/errors';

/** What a refused save says: every violation on its own line when core lists them. */
export function saveErrorLines(err: unknown): string[] {
  if (err instanceof ApiError && err.kind === 'ROW_INVALID') {
    const list = (err.details as { violations?: RuleViolation[] } | undefined)?.violations;
    const errors = list?.filter((v) => v.severity === 'error') ?? [];
    if (errors.length > 0) return errors.map((v) => v.message);
  }
  return [errorText(err)];
}

export function SaveError({ lines }: { lines: string[] | null }) {
  if (!lines || lines.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={lines.length === 1 ? lines[0] : '未保存，请改正以下问题：'}
      description={lines.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
    />
  );
}

/** Warnings a save came back with, for a message toast. */
export const warningText = (warnings: RuleViolation[]): string => warnings.map((w) => w.message).join('；');

/** A dialog's save: the spinner while core works, and what core refused, line by line. */
export function useSave() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const run = useCallback(async (save: () => Promise<void>): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      await save();
    } catch (err) {
      setError(saveErrorLines(err));
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, error, setError, run };
}
