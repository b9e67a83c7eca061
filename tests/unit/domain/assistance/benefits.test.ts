import { describe, expect, it } from 'vitest';
import { checkDibao, checkEducation, checkHealth, checkRelocation, checkRenovation } from '../../../../electron/core/domain/assistance/benefits';
import { DEFAULT_ASSISTANCE_POLICY } from '../../../../electron/core/domain/assistance/policy';
import { defaultYearParams } from '../../../../electron/core/domain/registry/year-params';
import { person } from '../../../helpers/households';

const params = defaultYearParams(2018);
const rulesOf = (list: { rule: string }[]) => list.map((v) => v.rule);

describe('低保 by class', () => {
  const ctx = { params, membersReceivingDibao: 2, householdSize: 4 };
  it('accepts up to the class standard times the persons covered', () => {
    expect(checkDibao({ year: 2018, classCode: '1', persons: 2, amount: 6600 }, ctx)).toEqual([]);
  });
  it('refuses an amount above the standard and names the arithmetic', () => {
    const [v] = checkDibao({ year: 2018, classCode: '2', persons: 2, amount: 6000 }, ctx);
    expect(v!.message).toBe('「低保金」：6000 元超过二类标准 2808 元/人/年 × 2 人 = 5616 元（规则：2018 年农村低保分类施保标准）');
  });
  it('refuses a class the year does not have, and more persons than the household', () => {
    expect(rulesOf(checkDibao({ year: 2018, classCode: '5', persons: 1, amount: 100 }, ctx))).toEqual(['DIBAO-CLASS']);
    expect(rulesOf(checkDibao({ year: 2018, classCode: '1', persons: 5, amount: 100 }, ctx))).toContain('DIBAO-PERSONS');
  });
  it('warns when fewer members are flagged 享受低保 than covered; does not check an unknown standard', () => {
    const list = checkDibao({ year: 2018, classCode: '3', persons: 3, amount: 99_999 }, ctx);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ rule: 'DIBAO-MEMBERS', severity: 'warning' });
  });
});

describe('易地扶贫搬迁', () => {
  const ctx = { year: 2018, params, householdSize: 4, earlier: [] };
  const ok = { resettlementMode: '1', persons: 4, housingAreaM2: 100, selfFundingYuan: 8000, amount: 40_000 };
  it('accepts 25 m² a person and the self-funding caps', () => {
    expect(checkRelocation(ok, ctx)).toEqual([]);
  });
  it('refuses a larger house, more self-funding and a second relocation', () => {
    expect(rulesOf(checkRelocation({ ...ok, housingAreaM2: 101 }, ctx))).toEqual(['RELOC-AREA']);
    expect(rulesOf(checkRelocation({ ...ok, selfFundingYuan: 8001 }, ctx))).toEqual(['RELOC-SELF']);
    expect(rulesOf(checkRelocation({ ...ok, persons: 6, housingAreaM2: 10, selfFundingYuan: 0 }, ctx))).toEqual(['RELOC-PERSONS']);
    // household cap 10 000 binds before 6 × 2000
    expect(checkRelocation({ ...ok, persons: 4, selfFundingYuan: 10_000 }, { ...ctx, householdSize: 6 })[0]!.message).toContain('超过上限 8000 元');
    expect(rulesOf(checkRelocation({ ...ok, resettlementMode: null }, ctx))).toEqual(['RELOC-MODE']);
    expect(rulesOf(checkRelocation(ok, { ...ctx, earlier: [{ year: 2016 }] }))).toEqual(['RELOC-ONCE']);
  });
});

describe('危房改造', () => {
  const ctx = { policy: DEFAULT_ASSISTANCE_POLICY, earlier: [], year: 2018 };
  it('repairs C-grade and rebuilds D-grade houses', () => {
    expect(checkRenovation({ grade: '02', method: 'repair', amount: 8000 }, ctx)).toEqual([]);
    expect(checkRenovation({ grade: '03', method: 'rebuild', amount: 20_000 }, ctx)).toEqual([]);
    expect(checkRenovation({ grade: '02', method: 'rebuild', amount: 8000 }, ctx)[0]!.message).toBe('「改造方式」：危房C类应修缮加固，不能拆除重建（规则：农村危房改造：C级修缮加固、D级拆除重建）');
    expect(rulesOf(checkRenovation({ grade: '01', method: 'repair', amount: 1 }, ctx))).toEqual(['RENO-GRADE']);
  });
  it('checks the subsidy cap once the county sets one, and one renovation per household', () => {
    const policy = { ...DEFAULT_ASSISTANCE_POLICY, housingRenovation: { subsidyCapByGrade: { '02': 10_000, '03': 25_000 } } };
    expect(rulesOf(checkRenovation({ grade: '03', method: 'rebuild', amount: 25_001 }, { ...ctx, policy }))).toEqual(['RENO-SUBSIDY']);
    expect(rulesOf(checkRenovation({ grade: '03', method: 'rebuild', amount: 25_000 }, { ...ctx, policy, earlier: [{ year: 2016 }] }))).toEqual(['RENO-ONCE']);
  });
});

describe('教育扶贫', () => {
  const vocational = person('张小明', '03', '2001-02-20', true, { education: null, studentStatus: '11' });
  const pupil = person('张小红', '04', '2011-06-15', false, { studentStatus: '03' });
  const ctx = { policy: DEFAULT_ASSISTANCE_POLICY, sameProgramThisYear: 0 };
  it('pays 雨露计划 to 中高职 students up to 3000 a year, once', () => {
    expect(checkEducation({ year: 2018, program: 'yulu', amount: 3000 }, { ...ctx, student: vocational })).toEqual([]);
    expect(rulesOf(checkEducation({ year: 2018, program: 'yulu', amount: 3500 }, { ...ctx, student: vocational }))).toEqual(['EDU-CAP']);
    expect(rulesOf(checkEducation({ year: 2018, program: 'yulu', amount: 3000 }, { ...ctx, student: vocational, sameProgramThisYear: 1 }))).toEqual(['EDU-ONCE']);
    const [v] = checkEducation({ year: 2018, program: 'yulu', amount: 3000 }, { ...ctx, student: pupil });
    expect(v!.message).toBe('「受助学生」：张小红的在校生状况为「小学」，不属于雨露计划（中高职）的资助对象（规则：雨露计划（中高职））');
  });
  it('uses the 2019 list for 技师学院 students, and any member for other support', () => {
    const technician = person('张小刚', '03', '2002-01-01', true, { education: null, studentStatus: '17' });
    expect(checkEducation({ year: 2019, program: 'yulu', amount: 3000 }, { ...ctx, student: technician })).toEqual([]);
    expect(checkEducation({ year: 2018, program: 'other', amount: 500 }, { ...ctx, student: pupil })).toEqual([]);
    expect(rulesOf(checkEducation({ year: 2018, program: 'other', amount: 500 }, { ...ctx, student: null }))).toEqual(['EDU-STUDENT']);
  });
});

describe('健康扶贫', () => {
  const ctx = { policy: DEFAULT_ASSISTANCE_POLICY };
  it('warns when medical aid goes to a member not recorded as ill or disabled', () => {
    const healthy = person('张建国', '01', '1975-04-12', true);
    const ill = person('张父', '11', '1950-01-01', true, { health: ['02'] });
    expect(checkHealth({ year: 2018, program: 'aid', amount: 2000 }, { ...ctx, member: ill })).toEqual([]);
    expect(checkHealth({ year: 2018, program: 'aid', amount: 2000 }, { ...ctx, member: healthy })[0]).toMatchObject({ rule: 'HEALTH-ILL', severity: 'warning' });
    expect(checkHealth({ year: 2018, program: 'premium', amount: 180 }, { ...ctx, member: { ...healthy, hasRuralMedicalInsurance: false } })[0]!.rule).toBe('HEALTH-INSURED');
    expect(rulesOf(checkHealth({ year: 2018, program: 'nope', amount: 1 }, { ...ctx, member: healthy }))).toEqual(['HEALTH-PROGRAM']);
    expect(rulesOf(checkHealth({ year: 2018, program: 'other', amount: -1 }, { ...ctx, member: healthy }))).toEqual(['AMOUNT']);
  });
});
