// How many households (and persons) of an area are in each status on one date, from the statuses
// householdStatusOn replays. The statuses partition the households, so the status counts add up
// to the total; 监测对象 is a flag on top of a status (a 脱贫不稳定户 is also 已脱贫, an 边缘易致贫户
// also 一般农户) and is counted beside them, by type, never as a status of its own.
import type { HouseholdStatus, HouseholdStatusOn } from './status';
import { MONITORING_TYPES, type MonitoringType } from './monitoring';

export interface HeadCount {
  households: number;
  persons: number;
}

export interface StatusCounts {
  total: HeadCount;
  byStatus: Record<HouseholdStatus, HeadCount>;
  /** Of the poor: poor again after an exit (返贫). */
  returned: HeadCount;
  /** 监测对象 on the date, overlapping the statuses. */
  monitoring: HeadCount;
  /** By type; a type the data does not know is counted in `monitoring` only. */
  monitoringByType: Record<MonitoringType, HeadCount>;
}

const zero = (): HeadCount => ({ households: 0, persons: 0 });
const add = (c: HeadCount, persons: number): void => {
  c.households += 1;
  c.persons += persons;
};

export function countStatuses(items: Iterable<{ status: HouseholdStatusOn; persons: number }>): StatusCounts {
  const out: StatusCounts = {
    total: zero(),
    byStatus: { none: zero(), applicant: zero(), poor: zero(), exited: zero(), removed: zero() },
    returned: zero(),
    monitoring: zero(),
    monitoringByType: { unstable: zero(), marginal: zero(), sudden: zero() },
  };
  for (const { status, persons } of items) {
    add(out.total, persons);
    add(out.byStatus[status.status], persons);
    if (status.status === 'poor' && status.returned) add(out.returned, persons);
    if (status.monitoring) {
      add(out.monitoring, persons);
      const type = status.monitoring.type;
      if ((MONITORING_TYPES as readonly string[]).includes(type)) add(out.monitoringByType[type as MonitoringType], persons);
    }
  }
  return out;
}
