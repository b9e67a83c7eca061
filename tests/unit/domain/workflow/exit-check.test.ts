import { describe, expect, it } from 'vitest';
import { householdExitCheck, type ExitCheckInput } from '../../../../electron/core/domain/workflow/exit-check';
import { defaultWorkflowParams, workflowParamsProblems } from '../../../../electron/core/domain/workflow/exit-params';
import { family, person } from '../../../helpers/households';

const SIX = defaultWorkflowParams(2019).householdIndicators;
const SEVEN = defaultWorkflowParams(2016).householdIndicators;

function input(overrides: Partial<ExitCheckInput> = {}): ExitCheckInput {
  const f = family('620422100201', '王建军');
  return {
    year: 2020,
    household: f.household,
    members: f.members.map((m) => m.record),
    conditions: f.conditions,
    // (9000 − 2500 + 300 + 400) / 4 = 1800 per person: raise it above 4000
    income: { ...f.income, productionIncome: 20_000 },
    incomeThreshold: 4000,
    povertyLine: 4000,
    compulsoryAges: { from: 6, to: 15 },
    asOf: '2020-12-31',
    ...overrides,
  };
}

const failing = (i: ExitCheckInput, list = SIX) => householdExitCheck(i, list).failing.map((f) => `${f.code}: ${f.reason}`);

describe('household exit check', () => {
  it('uses the 7 indicators before 2018 and Gansu’s 6 from 2018', () => {
    expect(SEVEN.map((i) => i.code)).toEqual(['income', 'food', 'clothing', 'education', 'medical', 'housing', 'water']);
    expect(SIX.map((i) => i.code)).toEqual(['income', 'foodClothing', 'water', 'education', 'medical', 'housing']);
    expect(workflowParamsProblems(defaultWorkflowParams(2019))).toEqual([]);
  });

  it('passes a household that meets every indicator', () => {
    const r = householdExitCheck(input(), SIX);
    expect(r.passed).toBe(true);
    expect(r.results).toHaveLength(6);
    expect(householdExitCheck(input(), SEVEN).passed).toBe(true);
  });

  it('income: must exceed the target; equal is not enough; missing income fails with the year', () => {
    // (20000 − 2500 + 300 + 400) / 4 = 4550
    expect(failing(input({ incomeThreshold: 4550 }))).toEqual(['income: 2020年人均纯收入4550.00元，未超过退出标准4550元']);
    expect(failing(input({ incomeThreshold: 4549.99 }))).toEqual([]);
    expect(failing(input({ income: null }))).toEqual(['income: 缺少2020年收入数据']);
    expect(failing(input({ incomeThreshold: null }))[0]).toMatch(/没有设定退出收入标准/);
  });

  it('food and clothing: fail below the NBS line or when the visit found hardship', () => {
    const f = family('620422100201', '王建军');
    // 1800 per person: below the line, so income, food and clothing all fail
    const poor = input({ income: f.income });
    expect(householdExitCheck(poor, SIX).failing.map((x) => x.code)).toEqual(['income', 'foodClothing']);
    expect(householdExitCheck(poor, SEVEN).failing.map((x) => x.code)).toEqual(['income', 'food', 'clothing']);
    expect(failing(input({ visit: { foodSecure: false } }), SEVEN)).toEqual(['food: 入户核实认定吃仍有困难']);
    expect(failing(input({ visit: { clothingSecure: false } }), SEVEN)).toEqual(['clothing: 入户核实认定穿仍有困难']);
  });

  it('education: a healthy child of 6–15 out of school fails, naming the child; a disabled child does not', () => {
    const f = family('620422100201', '王建军');
    const kids = f.members.map((m) => m.record);
    kids[2] = { ...kids[2]!, studentStatus: '01' }; // 非在校生, born 2008 → 12 in 2020
    expect(failing(input({ members: kids }))).toEqual(['education: 义务教育阶段适龄儿童失学辍学：王小明（12岁）未在校']);
    kids[2] = { ...kids[2]!, health: ['04'] };
    expect(failing(input({ members: kids }))).toEqual([]);
    kids[3] = { ...kids[3]!, dropoutReason: '04' };
    expect(failing(input({ members: kids }))[0]).toMatch(/王小红（9岁）未在校/);
  });

  it('medical: every member must be in a basic medical insurance', () => {
    const m = input().members.map((p, i) => (i === 1 ? { ...p, hasRuralMedicalInsurance: false } : p));
    expect(failing(input({ members: m }))).toEqual(['medical: 未参加基本医疗保险：李秀英']);
    const employee = m.map((p, i) => (i === 1 ? { ...p, hasEmployeeMedicalInsurance: true } : p));
    expect(failing(input({ members: employee }))).toEqual([]);
  });

  it('housing: a C/D house not yet renovated fails, a renovated one passes, an empty area fails', () => {
    const c = input().conditions!;
    expect(failing(input({ conditions: { ...c, dilapidationGrade: '03' } }))).toEqual(['housing: 仍住危房，尚未改造或搬迁']);
    expect(failing(input({ conditions: { ...c, isDilapidated: true, renovationYear: 2019 } }))).toEqual([]);
    expect(failing(input({ conditions: { ...c, isDilapidated: true, renovationYear: 2021 } }))).toEqual(['housing: 仍住危房，尚未改造或搬迁']);
    expect(failing(input({ conditions: { ...c, housingArea: 0 } }))).toEqual(['housing: 住房面积为0或未填写']);
  });

  it('water: difficulty, unsafe or unknown water fails; missing conditions fail housing and water', () => {
    const c = input().conditions!;
    expect(failing(input({ conditions: { ...c, waterDifficulty: true } }))).toEqual(['water: 饮水仍困难']);
    expect(failing(input({ conditions: { ...c, waterSafe: false } }))).toEqual(['water: 饮水安全未解决']);
    expect(failing(input({ conditions: { ...c, waterSafe: null } }))).toEqual(['water: 未填写饮水是否安全']);
    expect(failing(input({ conditions: null }))).toEqual(['water: 缺少2020年生产生活条件数据', 'housing: 缺少2020年生产生活条件数据']);
  });

  it('names every failing indicator at once, in the year’s order', () => {
    const c = input().conditions!;
    const members = [person('王老汉', '01', '1950-01-01', true, { hasRuralMedicalInsurance: false })];
    const r = householdExitCheck(input({ members, conditions: { ...c, waterSafe: false, isDilapidated: true } }), SIX);
    expect(r.failing.map((f) => f.code)).toEqual(['water', 'medical', 'housing']);
  });
});
