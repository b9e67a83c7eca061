import { describe, expect, it } from 'vitest';
import { findCoverageGaps, type CoverageInput } from '../../../../electron/core/domain/assistance/coverage';
import { DEFAULT_ASSISTANCE_POLICY } from '../../../../electron/core/domain/assistance/policy';

const names: Record<string, string> = { V1: '郭城村', V2: '新堡村', V3: '桃花山村' };

function base(): CoverageInput {
  return {
    asOf: '2019-06-01',
    daysYear: 2018,
    villages: [
      { code: 'V1', name: '郭城村', poor: true },
      { code: 'V2', name: '新堡村', poor: true },
      { code: 'V3', name: '桃花山村', poor: false },
    ],
    teams: [
      { id: 'T1', villageCode: 'V1', name: '郭城村驻村工作队', fromDate: '2015-03-01', toDate: null },
      { id: 'T2', villageCode: 'V2', name: '新堡村驻村工作队', fromDate: '2015-03-01', toDate: '2018-12-31' },
    ],
    teamMembers: [
      { teamId: 'T1', cadreId: 'C1', role: 'leader', fromDate: '2015-03-01', toDate: null, daysInVillage: { '2018': 230 } },
      { teamId: 'T1', cadreId: 'C2', role: 'member', fromDate: '2015-03-01', toDate: null, daysInVillage: { '2018': 180 } },
      { teamId: 'T1', cadreId: 'C3', role: 'townshipCadre', fromDate: '2015-03-01', toDate: null, daysInVillage: { '2018': 40 } },
    ],
    households: [
      { id: 'H1', villageCode: 'V1', headName: '张三', exitStatus: '0' },
      { id: 'H2', villageCode: 'V1', headName: '李四', exitStatus: '1' },
      { id: 'H3', villageCode: 'V3', headName: '王五', exitStatus: '4' },
      { id: 'H4', villageCode: 'V3', headName: '赵六', exitStatus: '3' },
    ],
    pairings: [
      { householdId: 'H1', cadreId: 'C1', fromDate: '2015-04-01', toDate: null },
      { householdId: 'H2', cadreId: 'C2', fromDate: '2015-04-01', toDate: '2018-12-31' },
    ],
    cadres: [
      { id: 'C1', name: '刘建军', rank: '06', idNumber18: '620422198001011234' },
      { id: 'C2', name: '马小兰', rank: '06', idNumber18: '62042219850202002X' },
      { id: 'C3', name: '包村干部', rank: '06', idNumber18: null },
    ],
    registeredPersons: new Map([['62042219850202002X', { name: '马小兰', householdId: 'H4', villageCode: 'V3' }]]),
    villageName: (code) => names[code] ?? code,
  };
}

describe('两个全覆盖', () => {
  it('finds the poor village without a team in office, the households without a current cadre, and the cadre who is a poor person', () => {
    const gaps = findCoverageGaps(base(), DEFAULT_ASSISTANCE_POLICY);
    expect(gaps.filter((g) => g.kind === 'villageWithoutTeam').map((g) => g.villageCode)).toEqual(['V2']);
    // H2's pairing ended; H3 no longer enjoys policies (不再享受政策); H4 returned to poverty
    expect(gaps.filter((g) => g.kind === 'householdWithoutCadre').map((g) => g.householdId)).toEqual(['H2', 'H4']);
    const poor = gaps.find((g) => g.kind === 'cadreIsPoorPerson')!;
    expect(poor).toMatchObject({ cadreId: 'C2', householdId: 'H4' });
    expect(poor.message).toContain('帮扶责任人马小兰的证件号码与桃花山村建档立卡户成员马小兰相同');
    expect(gaps.find((g) => g.kind === 'villageWithoutTeam')!.message).toBe('新堡村是贫困村，但在 2019-06-01 没有在驻的驻村工作队');
  });

  it('flags team members short of 220 days but not 包村干部, and teams without a leader', () => {
    const input = base();
    let gaps = findCoverageGaps(input, DEFAULT_ASSISTANCE_POLICY);
    expect(gaps.filter((g) => g.kind === 'memberDaysShort').map((g) => g.cadreId)).toEqual(['C2']);
    expect(gaps.some((g) => g.kind === 'teamWithoutLeader')).toBe(false);
    input.teamMembers = input.teamMembers.map((m) => (m.cadreId === 'C1' ? { ...m, toDate: '2019-01-31' } : m));
    gaps = findCoverageGaps(input, DEFAULT_ASSISTANCE_POLICY);
    expect(gaps.filter((g) => g.kind === 'teamWithoutLeader').map((g) => g.teamId)).toEqual(['T1']);
  });

  it('closes each gap once the data is there', () => {
    const input = base();
    input.teams = [...input.teams, { id: 'T3', villageCode: 'V2', name: '新堡村第二工作队', fromDate: '2019-01-01', toDate: null }];
    input.teamMembers = [...input.teamMembers, { teamId: 'T3', cadreId: 'C1', role: 'leader', fromDate: '2019-01-01', toDate: null, daysInVillage: {} }];
    input.pairings = [...input.pairings, { householdId: 'H2', cadreId: 'C1', fromDate: '2019-01-01', toDate: null }, { householdId: 'H4', cadreId: 'C1', fromDate: '2019-05-01', toDate: null }];
    input.cadres = input.cadres.map((c) => (c.id === 'C2' ? { ...c, idNumber18: '620422198502020000' } : c));
    input.teamMembers = input.teamMembers.map((m) => (m.cadreId === 'C2' ? { ...m, daysInVillage: { '2018': 221 } } : m));
    const kinds = findCoverageGaps(input, DEFAULT_ASSISTANCE_POLICY).map((g) => g.kind);
    expect(kinds).toEqual(['cadreOverQuota']); // C1 now helps three households, above 一般干部's two
  });

  it('follows the policy: which exit statuses must keep a cadre, and the days a member must serve', () => {
    const policy = { ...DEFAULT_ASSISTANCE_POLICY, coverage: { coveredExitStatuses: ['0', '3'], minDaysInVillage: 150 } };
    const gaps = findCoverageGaps(base(), policy);
    expect(gaps.filter((g) => g.kind === 'householdWithoutCadre').map((g) => g.householdId)).toEqual(['H4']);
    expect(gaps.some((g) => g.kind === 'memberDaysShort')).toBe(false);
  });
});
