import { describe, expect, it } from 'vitest';
import { defaultYearParams, exitIncomeLine, incomePeriod } from '../../../../electron/core/domain/registry/year-params';

describe('defaultYearParams', () => {
  it('carries the NBS line and the 6 % exit series of domain.md §2', () => {
    const rows = [2014, 2015, 2016, 2017, 2018, 2019, 2020].map((y) => {
      const p = defaultYearParams(y);
      return [y, p.povertyLineNbs, p.exitIncomeTarget];
    });
    expect(rows).toEqual([
      [2014, 2800, 2800],
      [2015, 2855, 2968],
      [2016, 2952, 3146],
      [2017, 2952, 3335],
      [2018, 2995, 3500],
      [2019, 3218, 3747],
      [2020, 4000, 4000],
    ]);
  });

  it('marks unconfirmed figures', () => {
    expect(defaultYearParams(2015).unconfirmed).not.toContain('povertyLineNbs');
    expect(defaultYearParams(2017).unconfirmed).toContain('povertyLineNbs');
    expect(defaultYearParams(2018).unconfirmed).not.toContain('exitIncomeTarget');
    expect(defaultYearParams(2018).unconfirmed).toContain('dibaoClasses');
    expect(defaultYearParams(2021).unconfirmed).toContain('monitoringLine');
  });

  it('has a monitoring line from 2020 and no registry lines after 2020', () => {
    expect(defaultYearParams(2019).monitoringLine).toBeNull();
    expect(defaultYearParams(2021)).toMatchObject({ monitoringLine: 6000, povertyLineNbs: null, exitIncomeTarget: null });
    expect(defaultYearParams(2013)).toMatchObject({ povertyLineNbs: null, exitIncomeTarget: null, monitoringLine: null });
  });

  it('has 低保 classes with the unconfirmed 3300 / 2808', () => {
    expect(defaultYearParams(2018).dibaoClasses.map((c) => [c.label, c.annualAmount])).toEqual([
      ['一类', 3300],
      ['二类', 2808],
      ['三类', null],
      ['四类', null],
    ]);
  });

  it('has the small-loan limits, 公示 periods and rule ages', () => {
    const p = defaultYearParams(2017);
    expect(p.smallLoan).toMatchObject({ maxAmountYuan: 50000, maxTermYears: 3, minAge: 18, maxAge: 65, benchmarkRate1yPercent: 4.35 });
    expect(defaultYearParams(2014).smallLoan.benchmarkRate1yPercent).toBeNull();
    expect(p.publicNotice).toEqual({ identification: { days: 7, unit: 'calendarDays' }, exit: { days: 5, unit: 'workingDays' } });
    expect(p.ages.compulsoryEducation).toEqual({ from: 6, to: 15 });
    expect(p.quality).toMatchObject({ maxFarmlandPerPersonMu: 50, maxForestPerPersonMu: 70, maxDistanceToRoadKm: 50, maxPerCapitaNetIncome: 100000 });
  });

  it('returns fresh objects, so a caller editing one year cannot change another', () => {
    const a = defaultYearParams(2018);
    (a.quality as { phoneLength: number }).phoneLength = 8;
    expect(defaultYearParams(2018).quality.phoneLength).toBe(11);
  });
});

describe('exitIncomeLine', () => {
  it('is the NBS line, else the exit target', () => {
    expect(exitIncomeLine(defaultYearParams(2018))).toBe(2995);
    expect(exitIncomeLine({ ...defaultYearParams(2018), povertyLineNbs: null })).toBe(3500);
    expect(exitIncomeLine(defaultYearParams(2022))).toBeNull();
  });
});

describe('incomePeriod', () => {
  it('is the calendar year by default', () => {
    expect(incomePeriod(2018, defaultYearParams(2018))).toEqual({ from: '2018-01-01', to: '2018-12-31' });
  });

  it('can start on 1 October of the previous year', () => {
    expect(incomePeriod(2018, { incomeYearStart: { month: 10, day: 1, inPreviousYear: true } })).toEqual({ from: '2017-10-01', to: '2018-09-30' });
  });
});
