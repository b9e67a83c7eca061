import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNOFF_MATRIX, matrixProblems, refuseSignature, signoffProgress, type SignatureFacts } from '../../../../electron/core/domain/workflow/signoff';

const M = DEFAULT_SIGNOFF_MATRIX;
const sig = (level: string, role: string, date = '2019-11-01'): SignatureFacts => ({ level, role, signerName: '张某', date });
const levelSigs = (level: string, date?: string) => M.levels.find((l) => l.level === level)!.roles.map((r) => sig(level, r.code, date));

describe('3342 sign-off matrix', () => {
  it('defaults to village 3, township 3, county 4, city 2', () => {
    expect(M.levels.map((l) => `${l.level}:${l.roles.length}`)).toEqual(['village:3', 'township:3', 'county:4', 'city:2']);
    expect(matrixProblems(M)).toEqual([]);
  });

  it('signs level by level: a level waits until the one below has all its signatures', () => {
    expect(refuseSignature(M, [], sig('village', 'helper'), null)).toBeNull();
    expect(refuseSignature(M, [], sig('township', 'mayor'), null)).toMatch(/村级尚未签完（缺帮扶责任人、驻村帮扶工作队队长（第一书记）、村党支部书记（村委会主任））/);
    const village = levelSigs('village');
    expect(refuseSignature(M, village, sig('township', 'mayor'), null)).toBeNull();
    expect(refuseSignature(M, village, sig('county', 'deputy'), null)).toMatch(/乡镇级尚未签完/);
    const all = [...village, ...levelSigs('township'), ...levelSigs('county'), ...levelSigs('city')];
    expect(signoffProgress(M, all).complete).toBe(true);
    expect(signoffProgress(M, village).currentLevel).toBe('township');
  });

  it('refuses unknown levels and roles, a second signature for a role, an empty name and a date before the level below', () => {
    expect(refuseSignature(M, [], sig('province', 'x'), null)).toMatch(/没有「province」这一级/);
    expect(refuseSignature(M, [], sig('village', 'mayor'), null)).toMatch(/没有「mayor」这一角色/);
    expect(refuseSignature(M, [sig('village', 'helper')], sig('village', 'helper'), null)).toMatch(/已签字，不能重复签字/);
    expect(refuseSignature(M, [], { ...sig('village', 'helper'), signerName: ' ' }, null)).toMatch(/请填写村级「帮扶责任人」签字人的姓名/);
    expect(refuseSignature(M, levelSigs('village', '2019-11-05'), sig('township', 'mayor', '2019-11-04'), null)).toMatch(/早于下一级的签字/);
    expect(refuseSignature(M, [], sig('village', 'helper', '2019-10-20'), '2019-10-21')).toMatch(/早于下一级的签字或公示期满日期/);
  });

  it('a configured matrix is checked: duplicate levels and roles, empty levels, top-down order', () => {
    const bad = {
      documentType: 'householdExit' as const,
      levels: [
        { level: 'county' as const, label: '县级', recordedBy: 'county' as const, roles: [{ code: 'a', label: 'A' }, { code: 'a', label: 'A' }] },
        { level: 'village' as const, label: '村级', recordedBy: 'station' as const, roles: [] },
        { level: 'county' as const, label: '县级', recordedBy: 'county' as const, roles: [{ code: 'b', label: 'B' }] },
      ],
    };
    const problems = matrixProblems(bad).join('\n');
    expect(problems).toMatch(/角色「A」重复/);
    expect(problems).toMatch(/「村级」没有任何签字人角色/);
    expect(problems).toMatch(/须自下而上排列/);
    expect(problems).toMatch(/与前面的级别重复/);
    // a two-level matrix works the same way
    const small = { documentType: 'householdExit' as const, levels: [M.levels[0]!, M.levels[2]!] };
    expect(matrixProblems(small)).toEqual([]);
    expect(refuseSignature(small, levelSigs('village'), sig('county', 'deputy'), null)).toBeNull();
  });
});
