import { describe, expect, it } from 'vitest';
import { checkPairingQuota, checkQuotaRule, quotaFor, quotaStanding } from '../../../../electron/core/domain/assistance/quota';
import { DEFAULT_ASSISTANCE_POLICY, type QuotaRule } from '../../../../electron/core/domain/assistance/policy';

const rule = DEFAULT_ASSISTANCE_POLICY.quota;

describe('the 4432 pairing quota', () => {
  it('allows county and 正科 cadres 4, 副科 3 and ordinary cadres 2 households', () => {
    expect(['03', '04', '05', '06'].map((r) => quotaFor(rule, r))).toEqual([4, 4, 3, 2]);
  });

  it('refuses the household beyond the quota and names the cadre, the rank and the rule', () => {
    expect(checkPairingQuota({ name: '李文华', rank: '05', activeHouseholds: 2 }, rule)).toEqual([]);
    const [v] = checkPairingQuota({ name: '李文华', rank: '05', activeHouseholds: 3 }, rule);
    expect(v).toMatchObject({ rule: 'QUOTA-MAX', severity: 'error', field: 'cadreId' });
    expect(v!.message).toBe('「帮扶责任人」：李文华（副科级干部）已结对帮扶 3 户，副科级干部最多帮扶 3 户，不能再结对（规则：「4432」帮扶户数分工）');
    expect(checkPairingQuota({ name: '张伟', rank: '06', activeHouseholds: 2 }, rule)).toHaveLength(1);
    expect(checkPairingQuota({ name: '张伟', rank: '06', activeHouseholds: 1 }, rule)).toHaveLength(0);
  });

  it('is configurable: another rule with other figures and a rank without a limit', () => {
    const custom: QuotaRule = { name: '5532', ranks: [{ code: 'A', label: '县级', maxHouseholds: 5 }, { code: 'B', label: '退休干部', maxHouseholds: null }] };
    expect(checkPairingQuota({ name: '甲', rank: 'A', activeHouseholds: 4 }, custom)).toEqual([]);
    expect(checkPairingQuota({ name: '甲', rank: 'A', activeHouseholds: 5 }, custom)[0]!.message).toContain('「5532」');
    expect(checkPairingQuota({ name: '乙', rank: 'B', activeHouseholds: 40 }, custom)).toEqual([]);
    expect(quotaStanding(custom, 'B', 40)).toBe('none');
  });

  it('cannot check a cadre without a known rank', () => {
    expect(checkPairingQuota({ name: '王', rank: null, activeHouseholds: 0 }, rule)[0]).toMatchObject({ rule: 'QUOTA-RANK', field: 'rank' });
    expect(checkPairingQuota({ name: '王', rank: 'XX', activeHouseholds: 0 }, rule)[0]!.rule).toBe('QUOTA-RANK');
  });

  it('tells over, full and under apart', () => {
    expect(quotaStanding(rule, '06', 3)).toBe('over');
    expect(quotaStanding(rule, '06', 2)).toBe('full');
    expect(quotaStanding(rule, '06', 0)).toBe('under');
  });

  it('validates an edited rule', () => {
    expect(checkQuotaRule(rule)).toEqual([]);
    const bad = checkQuotaRule({ name: '', ranks: [{ code: '1', label: '甲', maxHouseholds: 0 }, { code: '1', label: '乙', maxHouseholds: 2.5 }] });
    expect(bad.map((v) => v.field)).toEqual(['name', 'ranks', 'ranks', 'ranks']);
    expect(checkQuotaRule({ name: 'x', ranks: [] })[0]!.message).toContain('至少要有一个级别');
  });
});
