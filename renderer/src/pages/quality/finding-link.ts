import type { FindingView } from '../../../../electron/core/api/contract';
import { tabOfFinding } from '../registry/household-draft';

/** The household page opened at a finding's tab, member and field. */
export function findingHref(householdId: string, f: Pick<FindingView, 'entity' | 'field' | 'personId'>): string {
  const q = new URLSearchParams({ tab: tabOfFinding(f) });
  if (f.field) q.set('field', f.field);
  if (f.personId) q.set('person', f.personId);
  return `/registry/household/${householdId}?${q.toString()}`;
}
