import { describe, expect, it } from 'vitest';
import { checkTeam, type TeamDraft } from '../../../../electron/core/domain/assistance/team';
import { checkPairing, checkPairingEnd } from '../../../../electron/core/domain/assistance/pairing';
import { checkCadre, checkUnit } from '../../../../electron/core/domain/assistance/cadre';
import { checkPlan, emptyPlanIndicators } from '../../../../electron/core/domain/assistance/plan';
import { checkMeasure, type MeasureDraft } from '../../../../electron/core/domain/assistance/measure';
import { checkLedgerEntry } from '../../../../electron/core/domain/assistance/ledger';
import { addYears, periodsOverlap } from '../../../../electron/core/domain/assistance/dates';
import { DEFAULT_ASSISTANCE_POLICY } from '../../../../electron/core/domain/assistance/policy';
import { defaultYearParams } from '../../../../electron/core/domain/registry/year-params';
import { makeIdNumber } from '../../../../electron/core/domain/registry/id-number';

const rules = (list: { rule: string }[]) => list.map((v) => v.rule);

describe('periods', () => {
  it('overlap when they share a day; open ends run on', () => {
    expect(periodsOverlap({ fromDate: '2016-01-01', toDate: '2016-12-31' }, { fromDate: '2016-12-31', toDate: null })).toBe(true);
    expect(periodsOverlap({ fromDate: '2016-01-01', toDate: '2016-12-30' }, { fromDate: '2016-12-31', toDate: null })).toBe(false);
    expect(addYears('2016-02-29', 3)).toBe('2019-02-28');
  });
});

describe('驻村工作队', () => {
  const team: TeamDraft = {
    name: '郭城村驻村帮扶工作队',
    fromDate: '2015-03-01',
    toDate: null,
    members: [
      { cadreId: 'a', cadreName: '刘建军', role: 'leader', isFirstSecretary: true, fromDate: '2015-03-01', toDate: null, daysInVillage: { '2018': 230 } },
      { cadreId: 'b', cadreName: '马小兰', role: 'member', isFirstSecretary: false, fromDate: '2015-03-01', toDate: null, daysInVillage: {} },
    ],
  };
  it('accepts a team with one 队长 who is also 第一书记', () => {
    expect(checkTeam(team, [])).toEqual([]);
  });
  it('refuses two leaders at once, two 第一书记, no leader, duplicates and a second team in the village', () => {
    expect(rules(checkTeam({ ...team, members: team.members.map((m) => ({ ...m, role: 'leader' })) }, []))).toEqual(['TEAM-LEADER']);
    expect(rules(checkTeam({ ...team, members: team.members.map((m) => ({ ...m, isFirstSecretary: true })) }, []))).toEqual(['TEAM-SECRETARY']);
    expect(rules(checkTeam({ ...team, members: [team.members[1]!] }, []))).toEqual(['TEAM-LEADER']);
    expect(rules(checkTeam({ ...team, members: [...team.members, team.members[1]!] }, []))).toEqual(['TEAM-DUPLICATE']);
    const [v] = checkTeam(team, [{ name: '原工作队', fromDate: '2014-05-01', toDate: '2015-03-01' }]);
    expect(v!.message).toBe('「派驻日期」：本村的原工作队自 2014-05-01 起在驻，同一时间一个村只派驻一支工作队（规则：一村一队）');
    expect(checkTeam(team, [{ name: '原工作队', fromDate: '2014-05-01', toDate: '2015-02-28' }])).toEqual([]);
  });
  it('allows a leader to hand over: one ends, the next starts the day after', () => {
    const handover = { ...team, members: [{ ...team.members[0]!, toDate: '2017-02-28' }, { ...team.members[1]!, role: 'leader', fromDate: '2017-03-01' }] };
    expect(checkTeam(handover, [])).toEqual([]);
  });
  it('refuses impossible days and members outside the team period', () => {
    expect(rules(checkTeam({ ...team, members: [{ ...team.members[0]!, daysInVillage: { '2018': 400 } }] }, []))).toEqual(['TEAM-DAYS']);
    expect(rules(checkTeam({ ...team, members: [{ ...team.members[0]!, fromDate: '2015-01-01' }] }, []))).toEqual(['TEAM-MEMBER-PERIOD']);
  });
});

describe('pairings', () => {
  it('refuses a second overlapping pairing of the same cadre and household, and an end before the start', () => {
    expect(checkPairing({ fromDate: '2019-01-01', toDate: null }, [{ fromDate: '2015-01-01', toDate: '2018-12-31' }], '刘建军')).toEqual([]);
    expect(rules(checkPairing({ fromDate: '2018-06-01', toDate: null }, [{ fromDate: '2015-01-01', toDate: '2018-12-31' }], '刘建军'))).toEqual(['PAIR-DUPLICATE']);
    expect(rules(checkPairingEnd({ fromDate: '2019-01-01', toDate: null }, '2018-12-31'))).toEqual(['PERIOD-ORDER']);
  });
});

describe('units and cadres', () => {
  const ctx = { asOf: '2019-06-01', year: 2019, quota: DEFAULT_ASSISTANCE_POLICY.quota, idTakenBy: null };
  const cadre = { name: '刘建军', idNumber: makeIdNumber('620422', '1980-01-01', 123), phone: '13909430001', unitId: 'u1', rank: '04', politicalStatus: '01', education: '2' };
  it('needs a valid ID number, a mobile phone, a unit and a rank of the quota table', () => {
    expect(checkCadre(cadre, ctx)).toEqual([]);
    expect(rules(checkCadre({ ...cadre, idNumber: cadre.idNumber.slice(0, 17) + (cadre.idNumber.endsWith('1') ? '2' : '1'), phone: '0943-123', unitId: null, rank: 'x' }, ctx))).toEqual(['CADRE-ID', 'CADRE-PHONE', 'CADRE-UNIT', 'CADRE-RANK']);
    expect(checkCadre(cadre, { ...ctx, idTakenBy: '王某' })[0]!.message).toContain('已登记为帮扶责任人王某');
  });
  it('needs a unit name not yet registered and a known 隶属关系', () => {
    expect(checkUnit({ name: '会宁县教育局', affiliation: '04', contactPhone: '0943-3221234' }, { year: 2019, nameTaken: false })).toEqual([]);
    expect(rules(checkUnit({ name: '会宁县教育局', affiliation: '09', contactPhone: '12' }, { year: 2019, nameTaken: true }))).toEqual(['UNIT-NAME', 'UNIT-AFFILIATION', 'UNIT-PHONE']);
  });
});

describe('脱贫计划', () => {
  const ctx = { firstIdentifiedYear: 2014, exitDeadlineYear: 2020, params: defaultYearParams(2018) };
  it('plans an exit year between identification and 2020', () => {
    expect(checkPlan({ year: 2018, plannedExitYear: 2019, indicators: emptyPlanIndicators() }, ctx)).toEqual([]);
    expect(rules(checkPlan({ year: 2018, plannedExitYear: 2021, indicators: [] }, ctx))).toEqual(['PLAN-EXIT-YEAR']);
    expect(rules(checkPlan({ year: 2018, plannedExitYear: 2013, indicators: [] }, ctx))).toEqual(['PLAN-EXIT-YEAR']);
  });
  it('checks value kinds and warns when an exit this year plans an income at or below the line', () => {
    const rows = emptyPlanIndicators();
    rows[0] = { ...rows[0]!, plan: 3500 };
    const list = checkPlan({ year: 2018, plannedExitYear: 2018, indicators: rows }, ctx);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ rule: 'PLAN-INCOME', severity: 'warning' });
    rows[0] = { ...rows[0]!, plan: 4200 };
    rows[1] = { ...rows[1]!, plan: 3 as never };
    expect(rules(checkPlan({ year: 2018, plannedExitYear: 2018, indicators: rows }, ctx))).toEqual(['PLAN-VALUE']);
  });
});

describe('帮扶措施 and 工作台账', () => {
  const m: MeasureDraft = { year: 2018, category: '01', projectName: '肉羊养殖', fundSource: '01', amount: 5000, startDate: '2018-04-01', endDate: '2018-10-01', benefitAmount: 3200, responsibleCadreId: 'c', status: 'done' };
  it('takes categories from the year\'s national list', () => {
    expect(checkMeasure(m, { asOf: '2019-01-01', cadreIsHelper: true })).toEqual([]);
    expect(rules(checkMeasure({ ...m, category: '13' }, { asOf: '2019-01-01', cadreIsHelper: true }))).toEqual(['MEASURE-CATEGORY']);
    expect(checkMeasure({ ...m, year: 2021, category: '13' }, { asOf: '2022-01-01', cadreIsHelper: true })).toEqual([]);
  });
  it('needs a completion date in the past for a measure marked done', () => {
    expect(rules(checkMeasure({ ...m, endDate: null }, { asOf: '2019-01-01', cadreIsHelper: null }))).toEqual(['MEASURE-DONE']);
    expect(rules(checkMeasure(m, { asOf: '2018-09-01', cadreIsHelper: null }))).toEqual(['MEASURE-DONE']);
    expect(checkMeasure(m, { asOf: '2019-01-01', cadreIsHelper: false })[0]!.severity).toBe('warning');
  });
  it('keeps the ledger to work done, by someone who helps the household that day', () => {
    const e = { date: '2018-05-02', kind: 'visit', content: '入户了解养羊情况', problemSolved: '联系兽医防疫' };
    expect(checkLedgerEntry(e, { asOf: '2018-06-01', cadreName: '刘建军', cadreHelpsOnDate: true })).toEqual([]);
    expect(rules(checkLedgerEntry({ ...e, date: '2018-07-01' }, { asOf: '2018-06-01', cadreName: '刘建军', cadreHelpsOnDate: true }))).toEqual(['LEDGER-FUTURE']);
    expect(checkLedgerEntry(e, { asOf: '2018-06-01', cadreName: '刘建军', cadreHelpsOnDate: false })[0]!.message).toBe(
      '「帮扶人」：刘建军在 2018-05-02 不是本户的帮扶责任人，也不是本村驻村工作队队员（规则：台账由本户帮扶责任人或驻村工作队记录）',
    );
    expect(rules(checkLedgerEntry({ ...e, kind: 'x', content: ' ' }, { asOf: '2018-06-01', cadreName: 'x', cadreHelpsOnDate: true }))).toEqual(['LEDGER-KIND', 'LEDGER-CONTENT']);
  });
});
