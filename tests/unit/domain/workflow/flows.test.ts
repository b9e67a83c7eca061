import { describe, expect, it } from 'vitest';
import { householdSizeOn, yearFlows, type FlowHousehold, type MembershipSpan } from '../../../../electron/core/domain/workflow/flows';
import type { StatusEvent } from '../../../../electron/core/domain/workflow/status';

const ev = (type: string, date: string, detail?: unknown): StatusEvent => ({ type, date, detail, recordedAt: `${date}T08:00:00Z` });
const original = (n: number): MembershipSpan[] => Array.from({ length: n }, () => ({ fromDate: '2026-01-01', toDate: null, joinReason: null }));

describe('household size on a date', () => {
  it('counts members registered with the household from the start, joiners from their day, leavers until theirs', () => {
    const m: MembershipSpan[] = [...original(2), { fromDate: '2017-05-01', toDate: null, joinReason: '06' }, { fromDate: '2014-01-01', toDate: '2018-03-01', joinReason: null }];
    expect(householdSizeOn(m, '2016-01-01')).toBe(3);
    expect(householdSizeOn(m, '2017-05-01')).toBe(4);
    expect(householdSizeOn(m, '2018-02-28')).toBe(4);
    expect(householdSizeOn(m, '2018-03-01')).toBe(3);
  });
});

describe('yearly flows', () => {
  const a: FlowHousehold = { events: [ev('identified', '2014-04-01'), ev('exit.deregistered', '2017-12-10')], memberships: original(4) };
  const b: FlowHousehold = {
    events: [ev('identified', '2014-04-01'), ev('exit.deregistered', '2016-12-10'), ev('return.approved', '2017-06-01')],
    memberships: [...original(3), { fromDate: '2017-08-01', toDate: null, joinReason: '06' }],
  };
  const c: FlowHousehold = { events: [ev('identification.applied', '2017-02-01'), ev('identification.approved', '2017-04-01')], memberships: original(2) };
  const d: FlowHousehold = { events: [ev('identified', '2014-04-01'), ev('household.removed', '2017-09-01', { reason: 'misidentified' })], memberships: original(5) };
  const e: FlowHousehold = {
    events: [ev('identified', '2014-04-01')],
    memberships: [...original(3), { fromDate: '2014-01-01', toDate: '2017-03-01', joinReason: null }],
  };
  const all = [a, b, c, d, e];

  it('counts opening stock, each inflow and outflow, and closing stock in households and persons', () => {
    const f = yearFlows(all, 2017);
    expect(f.opening).toEqual({ households: 3, persons: 4 + 5 + 4 }); // a, d, e (b exited in 2016)
    expect(f.newlyIdentified).toEqual({ households: 1, persons: 2 }); // c
    expect(f.returned).toEqual({ households: 1, persons: 3 }); // b, before the birth
    expect(f.exited).toEqual({ households: 1, persons: 4 }); // a
    expect(f.naturalDecrease).toEqual({ households: 1, persons: 5 + 1 }); // d removed, e's member left
    expect(f.naturalIncrease).toEqual({ households: 0, persons: 1 }); // b's birth while poor
    expect(f.closing).toEqual({ households: 3, persons: 4 + 2 + 3 }); // b, c, e
  });

  it('balances every year: opening + in − out = closing', () => {
    for (const year of [2014, 2015, 2016, 2017, 2018]) {
      const f = yearFlows(all, year);
      for (const k of ['households', 'persons'] as const) {
        const balance = f.opening[k] + f.newlyIdentified[k] + f.returned[k] + f.naturalIncrease[k] - f.exited[k] - f.naturalDecrease[k];
        expect(balance, `${year} ${k}`).toBe(f.closing[k]);
      }
    }
    expect(yearFlows(all, 2016).exited).toEqual({ households: 1, persons: 3 });
    expect(yearFlows(all, 2014).newlyIdentified.households).toBe(4);
  });

  it('counts corrections of closed years', () => {
    const corrected: FlowHousehold = { events: [ev('identified', '2014-04-01'), ev('exit.deregistered', '2019-01-10', { correction: { year: 2018, reason: '漏登' } })], memberships: original(1) };
    expect(yearFlows([corrected], 2019).corrections).toBe(1);
    expect(yearFlows([corrected], 2018).corrections).toBe(0);
  });
});
