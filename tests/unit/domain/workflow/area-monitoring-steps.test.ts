import { describe, expect, it } from 'vitest';
import { countyExitCheck, incidencePercent, villageExitCheck } from '../../../../electron/core/domain/workflow/area-exit';
import { defaultWorkflowParams } from '../../../../electron/core/domain/workflow/exit-params';
import { eliminationBlockers, refuseMonitoringObject, type EliminationFacts } from '../../../../electron/core/domain/workflow/monitoring';
import { evaluateStep, meetingPassed, type Meeting } from '../../../../electron/core/domain/workflow/step-rules';
import type { VillageRecord } from '../../../../electron/core/domain/registry/types';

const P = defaultWorkflowParams(2019);
const village = (o: Partial<VillageRecord> = {}) =>
  ({ populationCount: 1000, cooperativeCount: 2, collectiveIncome: 50_000, pavedRoadToTownship: true, groupsWithoutProductionPower: 0, clinicCount: 1, libraryCount: 1, ...o }) as VillageRecord;

describe('village and county exit indicators', () => {
  it('poverty incidence must be under 3 %', () => {
    expect(incidencePercent(29, 1000)).toBe(2.9);
    expect(incidencePercent(1, null)).toBeNull();
    expect(villageExitCheck({ year: 2019, village: village(), poorPersons: 29 }, P.villageIndicators, 3).passed).toBe(true);
    const r = villageExitCheck({ year: 2019, village: village(), poorPersons: 30 }, P.villageIndicators, 3);
    expect(r.results.filter((x) => !x.passed).map((x) => x.reason)).toEqual(['贫困发生率3.00%，未低于3%']);
  });

  it('each village veto indicator names what is missing or failing', () => {
    const reasons = (v: VillageRecord) => villageExitCheck({ year: 2019, village: v, poorPersons: 0 }, P.villageIndicators, 3).results.filter((x) => !x.passed).map((x) => x.reason);
    expect(reasons(village({ populationCount: null }))).toEqual(['未填写村总人口数，无法计算贫困发生率']);
    expect(reasons(village({ collectiveIncome: 0 }))).toEqual(['没有村集体经济收入']);
    expect(reasons(village({ cooperativeCount: null }))).toEqual(['未填写农民专业合作社个数']);
    expect(reasons(village({ pavedRoadToTownship: false }))).toEqual(['建制村到乡镇未通沥青（水泥）路']);
    expect(reasons(village({ groupsWithoutProductionPower: 2 }))).toEqual(['有 2 个自然村未通动力电']);
    expect(reasons(village({ clinicCount: 0 }))).toEqual(['没有村卫生室']);
  });

  it('county: incidence, share of exited villages by year, and the third-party figures', () => {
    const villages = [...Array(9).fill({ exited: true }), { exited: false }];
    const r = countyExitCheck({ year: 2019, poorPersons: 200, population: 10_000, poorVillages: villages, assessment: null }, P);
    expect(r.results.map((x) => `${x.code}:${x.passed}`)).toEqual(['incidence:true', 'villageShare:true', 'wrongExit:null', 'missed:null', 'satisfaction:null']);
    expect(r.passed).toBe(false);
    const r2020 = countyExitCheck({ year: 2020, poorPersons: 200, population: 10_000, poorVillages: villages, assessment: { wrongExitPercent: 1, missedPercent: 2, satisfactionPercent: 95 } }, defaultWorkflowParams(2020));
    expect(r2020.results.filter((x) => x.passed === false).map((x) => x.reason)).toEqual(['已退出贫困村比例90.00%，低于100%', '漏评率2%，未低于2%']);
  });
});

describe('monitoring objects and risk elimination', () => {
  const base = { type: 'unstable' as const, risks: ['01'], wasRegisteredPoor: true, isPoorNow: false, alreadyMonitored: false };
  it('checks the type against the household’s past and the risk list', () => {
    expect(refuseMonitoringObject(base, 5)).toBeNull();
    expect(refuseMonitoringObject({ ...base, wasRegisteredPoor: false }, 5)).toMatch(/脱贫不稳定户须是已脱贫的建档立卡户/);
    expect(refuseMonitoringObject({ ...base, type: 'marginal' }, 5)).toMatch(/边缘易致贫户是从未建档立卡的一般农户/);
    expect(refuseMonitoringObject({ ...base, type: 'sudden', wasRegisteredPoor: false }, 5)).toBeNull();
    expect(refuseMonitoringObject({ ...base, isPoorNow: true }, 5)).toMatch(/不纳入防返贫监测/);
    expect(refuseMonitoringObject({ ...base, alreadyMonitored: true }, 5)).toMatch(/不能重复纳入/);
    expect(refuseMonitoringObject({ ...base, risks: [] }, 5)).toMatch(/至少选择一项/);
    expect(refuseMonitoringObject({ ...base, risks: ['01', '02', '03', '04', '05', '06'] }, 5)).toMatch(/最多填写 5 项/);
    expect(refuseMonitoringObject({ ...base, risks: ['01', '01'] }, 5)).toMatch(/有重复/);
    expect(refuseMonitoringObject({ ...base, risks: ['77'] }, 5)).toMatch(/未知的风险类型代码「77」/);
  });

  const facts: EliminationFacts = {
    method: 'assisted',
    stableIncomeMonths: 8,
    perCapitaIncome: 7000,
    monitoringLine: 6000,
    rigidExpenditureSolved: true,
    guaranteeFailures: [],
    risksResolved: true,
    wholeHouseholdWithoutLabour: false,
  };
  it('names each unmet condition of 风险消除', () => {
    expect(eliminationBlockers(facts, 6)).toEqual([]);
    expect(eliminationBlockers({ ...facts, stableIncomeMonths: 5 }, 6)).toEqual(['收入持续稳定 5 个月，不足 6 个月']);
    expect(eliminationBlockers({ ...facts, perCapitaIncome: 6000 }, 6)).toEqual(['人均纯收入6000.00元，未稳定超过监测线6000元']);
    expect(eliminationBlockers({ ...facts, rigidExpenditureSolved: false }, 6)).toEqual(['医疗、教育等大额刚性支出尚未稳定解决']);
    expect(eliminationBlockers({ ...facts, guaranteeFailures: ['饮水安全未解决'] }, 6)).toEqual(['三保障和饮水安全未巩固：饮水安全未解决']);
    expect(eliminationBlockers({ ...facts, risksResolved: false, method: 'natural' }, 6)).toEqual(['风险尚未自然消失']);
    expect(eliminationBlockers({ ...facts, wholeHouseholdWithoutLabour: true }, 6)[0]).toMatch(/继续监测/);
    expect(eliminationBlockers({ ...facts, monitoringLine: null }, 6)).toEqual(['本年度没有设定防返贫监测线']);
  });
});

describe('step forms', () => {
  const ctx = { date: '2016-04-10', previousDate: '2016-04-01', povertyLine: 2952, pendingObjections: 0 };
  const meeting = (o: Partial<Meeting> = {}): Meeting => ({ body: 'representatives', date: '2016-04-08', participants: 41, votesFor: 21, votesAgainst: 15, votesAbstain: 5, attendees: '', ...o });

  it('一核 passes below the poverty line only', () => {
    expect(evaluateStep('verify', { perCapitaIncome: 2951.99, assets: '', verifiers: '' }, ctx).outcome).toBe('pass');
    expect(evaluateStep('verify', { perCapitaIncome: 2952, assets: '', verifiers: '' }, ctx)).toMatchObject({ outcome: 'fail', summary: '人均纯收入2952.00元，不低于扶贫标准2952元' });
    expect(evaluateStep('verify', { perCapitaIncome: 100, assets: '', verifiers: '' }, { ...ctx, povertyLine: null }).problems[0]).toMatch(/没有设定国家扶贫标准/);
  });

  it('评议 passes with more than half of those present; votes and dates are checked', () => {
    expect(meetingPassed(meeting())).toBe(true);
    expect(meetingPassed(meeting({ votesFor: 20 }))).toBe(false);
    expect(evaluateStep('review', { meetings: [meeting(), meeting({ body: 'committee', participants: 7, votesFor: 3, votesAgainst: 4, votesAbstain: 0 })] }, ctx).outcome).toBe('fail');
    const bad = evaluateStep('review', { meetings: [meeting({ votesFor: 40 }), meeting({ date: '2016-03-30' }), meeting({ date: '2016-04-11' })] }, ctx).problems;
    expect(bad).toEqual([
      '第 1 次会议（村民代表大会评议）：赞成 40、反对 15、弃权 5 票合计超过参会人数 41',
      '第 2 次会议（村民代表大会评议）：会议日期 2016-03-30 早于上一步的日期 2016-04-01',
      '第 3 次会议（村民代表大会评议）：会议日期 2016-04-11 晚于本步骤日期 2016-04-10',
    ]);
    expect(evaluateStep('review', { meetings: [] }, ctx).problems).toEqual(['请至少登记一次评议会议']);
  });

  it('a step sent back by an objection needs the objection’s findings', () => {
    const form = { housing: '土坯房', housingSafe: false, labourers: 1, labour: '', photos: [], outcome: 'pass' as const };
    expect(evaluateStep('inspect', form, { ...ctx, pendingObjections: 1 }).problems[0]).toMatch(/请填写异议核实结论/);
    expect(evaluateStep('inspect', { ...form, objectionResolution: { upheld: false, note: '经核实异议不成立' } }, { ...ctx, pendingObjections: 1 }).problems).toEqual([]);
  });

  it('decisions, agreement and announcements need their names and numbers', () => {
    expect(evaluateStep('approve', { decision: 'approve', documentNumber: '' }, ctx).problems).toEqual(['请填写审定文号']);
    expect(evaluateStep('approve', { decision: 'reject', documentNumber: '' }, ctx).outcome).toBe('fail');
    expect(evaluateStep('agreement', { signerName: '', agreed: true }, ctx).problems).toHaveLength(1);
    expect(evaluateStep('agreement', { signerName: '王某', agreed: false }, ctx).outcome).toBe('fail');
    expect(evaluateStep('verification', { verifiers: 'a', foodSecure: true, clothingSecure: false }, ctx)).toMatchObject({ outcome: 'fail', summary: '核实发现穿仍有困难' });
    expect(evaluateStep('announce', { documentNumber: '' }, ctx).problems).toEqual(['请填写公告文号']);
    expect(evaluateStep('township', { opinion: '', outcome: 'pass' }, ctx).problems).toEqual(['请填写乡镇审核意见']);
  });
});
