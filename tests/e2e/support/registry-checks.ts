import type { FindingView, HouseholdDetail } from '../../../electron/core/api/contract';
import type { StationApi } from './api-client';

/** True when core would save the household as it is: no errors (demo data may carry some on purpose). */
export async function savesAsItIs(api: StationApi, d: HouseholdDetail): Promise<boolean> {
  const findings = await api.call<FindingView[]>('registry.validateHousehold', {
    id: d.id,
    regionCode: d.regionCode,
    household: d.household,
    members: d.members.map((m) => ({ personId: m.personId, record: m.record })),
    leaving: [],
    conditions: d.conditions,
    income: d.incomes[0]?.record ?? null,
  });
  return !findings.some((f) => f.severity === 'error');
}
