import { describe, expect, it } from 'vitest';
import { householdStatusOn, type StatusEvent } from '../../../../electron/core/domain/workflow/status';
import { countStatuses } from '../../../../electron/core/domain/workflow/status-counts';

const ev = (type: string, date: string, detail?: unknown): StatusEvent => ({ type, date, recordedAt: `${date}T00:00:00Z`, detail });

// One household per line: its events and its size.
const homes: { events: StatusEvent[]; persons: number }[] = [
  { events: [ev('identified', '2015-06-01')], persons: 4 }, // poor throughout
  { events: [ev('identified', '2015-06-01'), ev('exit.deregistered', '2017-11-20')], persons: 3 }, // exited 2017
  // exited 2017, back to poverty in 2019 (返贫)
  { events: [ev('identified', '2015-06-01'), ev('exit.deregistered', '2017-11-20'), ev('return.approved', '2019-05-10')], persons: 5 },
  // exited, then a 脱贫不稳定户 from 2020
  { events: [ev('identified', '2015-06-01'), ev('exit.deregistered', '2018-12-01'), ev('monitoring.included', '2020-04-01', { objectType: 'unstable' })], persons: 2 },
  // never poor, an 边缘易致贫户 from 2020 until its risk was eliminated in 2021
  { events: [ev('monitoring.included', '2020-03-01', { objectType: 'marginal' }), ev('monitoring.eliminated', '2021-06-30')], persons: 6 },
  { events: [ev('identification.applied', '2019-03-04')], persons: 1 }, // applying
  { events: [ev('identified', '2015-06-01'), ev('household.removed', '2018-01-15', { reason: 'death' })], persons: 0 },
  { events: [ev('monitoring.included', '2020-03-01', { objectType: 'odd' })], persons: 2 }, // a type the app does not know
];
const on = (date: string) => countStatuses(homes.map((h) => ({ status: householdStatusOn(h.events, date), persons: h.persons })));

describe('countStatuses', () => {
  it('partitions the households by status on the date; 返贫 is counted within the poor', () => {
    const c = on('2019-12-31');
    expect(c.byStatus.poor).toEqual({ households: 2, persons: 9 });
    expect(c.returned).toEqual({ households: 1, persons: 5 });
    expect(c.byStatus.exited).toEqual({ households: 2, persons: 5 });
    expect(c.byStatus.none).toEqual({ households: 2, persons: 8 });
    expect(c.byStatus.applicant).toEqual({ households: 1, persons: 1 });
    expect(c.byStatus.removed).toEqual({ households: 1, persons: 0 });
    expect(c.total).toEqual({ households: 8, persons: 23 });
    const sum = Object.values(c.byStatus).reduce((s, x) => s + x.households, 0);
    expect(sum).toBe(c.total.households);
    expect(c.monitoring).toEqual({ households: 0, persons: 0 });
  });

  it('an earlier date: the returned household is still 已脱贫, another still poor', () => {
    const c = on('2017-12-31');
    // the 4-person one, the one exiting in 2018 and the one removed in 2018
    expect(c.byStatus.poor).toEqual({ households: 3, persons: 6 });
    expect(c.byStatus.exited).toEqual({ households: 2, persons: 8 });
    expect(c.returned.households).toBe(0);
    expect(c.byStatus.removed.households).toBe(0);
  });

  it('counts 监测对象 beside the statuses, by type; an unknown type only in the total', () => {
    const c = on('2020-12-31');
    expect(c.monitoring).toEqual({ households: 3, persons: 10 });
    expect(c.monitoringByType).toEqual({ unstable: { households: 1, persons: 2 }, marginal: { households: 1, persons: 6 }, sudden: { households: 0, persons: 0 } });
    // the 脱贫不稳定户 is still 已脱贫, the 边缘易致贫户 still 一般农户
    expect(c.byStatus.exited.households).toBe(2);
    expect(c.byStatus.none.households).toBe(2);
    expect(on('2021-12-31').monitoringByType.marginal.households).toBe(0);
  });

  it('no households: every count zero', () => {
    const c = countStatuses([]);
    expect(c.total).toEqual({ households: 0, persons: 0 });
    expect(c.monitoringByType.sudden).toEqual({ households: 0, persons: 0 });
  });
});
