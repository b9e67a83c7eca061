import { describe, expect, it } from 'vitest';
import { householdStatusOn, registryRecordEvents, statusChanges, type StatusEvent } from '../../../../electron/core/domain/workflow/status';

const ev = (type: string, date: string, detail?: unknown, recordedAt = `${date}T08:00:00Z`): StatusEvent => ({ type, date, detail, recordedAt });

// Five years, 2016–2020: identified, exited, returned, exited again, monitored, then risk eliminated.
const HISTORY: StatusEvent[] = [
  ev('identification.applied', '2016-03-01'),
  ev('identification.approved', '2016-05-20'),
  ev('member.joined', '2016-08-01', { reason: '06' }),
  ev('exit.deregistered', '2017-12-15'),
  ev('return.approved', '2018-09-10'),
  ev('exit.deregistered', '2019-12-10'),
  ev('monitoring.included', '2020-04-01', { objectType: 'unstable' }),
  ev('monitoring.eliminated', '2020-11-30'),
];

describe('householdStatusOn', () => {
  it('derives each date of a five-year history with a return to poverty', () => {
    const on = (d: string) => householdStatusOn(HISTORY, d);
    expect(on('2015-12-31').status).toBe('none');
    expect(on('2016-03-01').status).toBe('applicant');
    expect(on('2016-05-19').status).toBe('applicant');
    expect(on('2016-05-20')).toMatchObject({ status: 'poor', since: '2016-05-20', returned: false, firstIdentified: '2016-05-20' });
    expect(on('2017-12-14').status).toBe('poor');
    expect(on('2017-12-15')).toMatchObject({ status: 'exited', lastExit: '2017-12-15', exits: 1 });
    expect(on('2018-09-10')).toMatchObject({ status: 'poor', returned: true, returns: 1, firstIdentified: '2016-05-20' });
    expect(on('2019-12-31')).toMatchObject({ status: 'exited', exits: 2, returned: false });
    expect(on('2020-06-30')).toMatchObject({ status: 'exited', monitoring: { type: 'unstable', since: '2020-04-01' } });
    expect(on('2020-12-31').monitoring).toBeNull();
  });

  it('does not depend on the order events are stored in', () => {
    const shuffled = [...HISTORY].reverse();
    for (const d of ['2016-06-01', '2018-01-01', '2018-10-01', '2020-05-01']) expect(householdStatusOn(shuffled, d)).toEqual(householdStatusOn(HISTORY, d));
  });

  it('orders events of the same day by when they were recorded', () => {
    const sameDay = [ev('exit.deregistered', '2019-12-10', null, '2019-12-10T10:00:00Z'), ev('identified', '2019-12-10', null, '2019-12-10T09:00:00Z')];
    expect(householdStatusOn(sameDay, '2019-12-10').status).toBe('exited');
  });

  it('ignores events that do not fit the state instead of inventing transitions', () => {
    expect(householdStatusOn([ev('exit.deregistered', '2017-01-01')], '2018-01-01').status).toBe('none');
    expect(householdStatusOn([ev('identified', '2014-04-01'), ev('return.approved', '2015-01-01')], '2016-01-01')).toMatchObject({ status: 'poor', returned: false });
    expect(householdStatusOn([ev('identified', '2014-04-01'), ev('identified', '2015-01-01')], '2016-01-01').since).toBe('2014-04-01');
  });

  it('removal, rejection and corrections', () => {
    const removed = [ev('identified', '2014-04-01'), ev('household.removed', '2016-06-01', { reason: 'misidentified' })];
    expect(householdStatusOn(removed, '2016-06-01').status).toBe('removed');
    expect(householdStatusOn([ev('identification.applied', '2016-03-01'), ev('identification.rejected', '2016-04-01')], '2016-05-01').status).toBe('none');
    const corrected = [ev('identified', '2014-04-01'), ev('exit.deregistered', '2018-12-01'), ev('status.corrected', '2021-02-01', { to: 'poor', correction: { year: 2018 } })];
    expect(householdStatusOn(corrected, '2020-12-31').status).toBe('exited');
    expect(householdStatusOn(corrected, '2021-02-01').status).toBe('poor');
    expect(householdStatusOn([ev('status.corrected', '2021-02-01', { to: 'nonsense' })], '2021-03-01').status).toBe('none');
  });

  it('lists the days the status changed', () => {
    expect(statusChanges(HISTORY).map((c) => `${c.date}:${c.state.status}`)).toEqual([
      '2016-03-01:applicant',
      '2016-05-20:poor',
      '2017-12-15:exited',
      '2018-09-10:poor',
      '2019-12-10:exited',
      '2020-04-01:exited',
      '2020-11-30:exited',
    ]);
  });
});

describe('registryRecordEvents (households from before the workflows)', () => {
  const identified = [ev('identified', '2014-05-01')];
  it('reads an exit at the end of the exit year and a 返贫 mark at the start of the data year', () => {
    expect(registryRecordEvents({ exitYear: 2017, exitStatusGroup: 'exited', dataYear: 2020 }, identified).map((e) => `${e.type}@${e.date}`)).toEqual(['legacy.exit@2017-12-31']);
    const returned = registryRecordEvents({ exitYear: 2016, exitStatusGroup: 'returned', dataYear: 2019 }, identified);
    expect(returned.map((e) => `${e.type}@${e.date}`)).toEqual(['legacy.exit@2016-12-31', 'legacy.return@2019-01-01']);
    const all = [...identified, ...returned];
    expect(householdStatusOn(all, '2017-06-01').status).toBe('exited');
    expect(householdStatusOn(all, '2019-06-01')).toMatchObject({ status: 'poor', returned: true });
  });
  it('adds nothing for a household still poor, or one whose exit the workflow recorded', () => {
    expect(registryRecordEvents({ exitYear: null, exitStatusGroup: 'notExited', dataYear: 2020 }, identified)).toEqual([]);
    expect(registryRecordEvents({ exitYear: 2018, exitStatusGroup: 'exited', dataYear: 2020 }, [...identified, ev('exit.deregistered', '2018-12-10')])).toEqual([]);
  });
});
