// 村信息's status summary: how many of the village's households are 未脱贫, 已脱贫, 一般农户 …
// on a date, and how many are 监测对象. The statuses come from statusesOn — the same replay of
// the household events (with the form's exit for households from before the workflows) that
// the 统计表, the exit indicators and the year close count — so this row never disagrees
// with a printed table of the same date.
import type { Station } from '../../station';
import { countStatuses } from '../../domain/workflow/status-counts';
import { householdSizeOn } from '../../domain/workflow/flows';
import type { VillageStatusSummary } from '../../api/contract/registry';
import { requireVillage } from '../regions';
import { regionName } from './region-names';
import { statusesOn } from '../workflow/flows';
import { requireNotFuture, todayOf } from '../workflow/access';

export function villageStatusSummary(station: Station, regionCode: string, date: string | undefined): VillageStatusSummary {
  requireVillage(station.db, regionCode);
  const on = date ?? todayOf(station);
  // A later day would only repeat today's statuses as if they were known.
  requireNotFuture(station, on, '统计日期');
  const counts = countStatuses(statusesOn(station.db, regionCode, on).map(({ household, status }) => ({ status, persons: householdSizeOn(household.memberships, on) })));
  return { regionCode, regionName: regionName(station.db, regionCode), date: on, ...counts };
}
