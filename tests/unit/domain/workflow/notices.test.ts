import { describe, expect, it } from 'vitest';
import { daysCovered, earliestEnd, isWorkingDay } from '../../../../electron/core/domain/workflow/dates';
import { noticeBlockers, noticeRound, refuseNotice, refuseObjection, type NoticeFacts } from '../../../../electron/core/domain/workflow/notices';

const FIVE_WORKING = { days: 5, unit: 'workingDays' } as const;
const SEVEN = { days: 7, unit: 'calendarDays' } as const;
const NONE = { holidays: [], extraWorkdays: [] };

describe('working days', () => {
  it('skips weekends and listed holidays, counts make-up working days', () => {
    expect(isWorkingDay('2019-10-10')).toBe(true); // Thursday
    expect(isWorkingDay('2019-10-12')).toBe(false); // Saturday
    expect(isWorkingDay('2019-10-12', { holidays: [], extraWorkdays: ['2019-10-12'] })).toBe(true);
    expect(isWorkingDay('2019-10-01', { holidays: ['2019-10-01'], extraWorkdays: [] })).toBe(false);
  });

  it('a 5-working-day notice posted on a Thursday ends the next Wednesday', () => {
    expect(earliestEnd('2019-10-10', FIVE_WORKING)).toBe('2019-10-16');
    expect(daysCovered('2019-10-10', '2019-10-16', 'workingDays')).toBe(5);
    expect(earliestEnd('2019-10-10', SEVEN)).toBe('2019-10-16');
    expect(earliestEnd('2019-10-12', FIVE_WORKING)).toBe('2019-10-18');
    expect(earliestEnd('2019-09-30', FIVE_WORKING, { holidays: ['2019-10-01', '2019-10-02', '2019-10-03', '2019-10-04', '2019-10-07'], extraWorkdays: [] })).toBe('2019-10-11');
  });
});

describe('notices and objections', () => {
  it('refuses a period that is too short, reversed or earlier than the step before', () => {
    expect(refuseNotice({ level: 'village', startDate: '2019-10-10', endDate: '2019-10-15' }, FIVE_WORKING, NONE, null)).toMatch(/只有 4个工作日，规定至少5个工作日（最早 2019-10-16 结束）/);
    expect(refuseNotice({ level: 'village', startDate: '2019-10-10', endDate: '2019-10-16' }, FIVE_WORKING, NONE, null)).toBeNull();
    expect(refuseNotice({ level: 'village', startDate: '2019-10-10', endDate: '2019-10-09' }, FIVE_WORKING, NONE, null)).toMatch(/早于开始日期/);
    expect(refuseNotice({ level: 'village', startDate: '2019-10-10', endDate: '2019-10-20' }, FIVE_WORKING, NONE, '2019-10-11')).toMatch(/须在评议之后公示/);
    expect(refuseNotice({ level: 'group', startDate: '2016-05-01', endDate: '2016-05-06' }, SEVEN, NONE, null)).toMatch(/只有 6天/);
  });

  const notice: NoticeFacts = { level: 'village', startDate: '2019-10-10', endDate: '2019-10-16', round: 0 };

  it('takes objections only within the period of the current round', () => {
    expect(refuseObjection(notice, 0, '2019-10-10')).toBeNull();
    expect(refuseObjection(notice, 0, '2019-10-16')).toBeNull();
    expect(refuseObjection(notice, 0, '2019-10-17')).toMatch(/不在公示期内/);
    expect(refuseObjection(notice, 0, '2019-10-09')).toMatch(/不在公示期内/);
    expect(refuseObjection(notice, 1, '2019-10-12')).toMatch(/已因此前的异议作废/);
  });

  it('closing the notice step needs a notice of this round, its period over and no open objection', () => {
    expect(noticeBlockers([], [], 0, '2019-10-20')).toEqual(['尚未张贴公示']);
    expect(noticeBlockers([notice], [], 1, '2019-10-20')).toEqual(['异议核实后尚未重新张贴公示']);
    expect(noticeBlockers([notice], [], 0, '2019-10-16')[0]).toMatch(/须在公示期满后办理/);
    expect(noticeBlockers([notice], [], 0, '2019-10-17')).toEqual([]);
    expect(noticeBlockers([notice], [{ receivedDate: '2019-10-11', concernsStage: 'review', resolvedDate: null }], 0, '2019-10-17')).toEqual(['还有 1 条异议尚未核实处理']);
    expect(noticeRound([{ stage: 'notice', action: 'reopen', outcome: null, date: 'd', by: 'x', at: 'a' }])).toBe(1);
  });
});
