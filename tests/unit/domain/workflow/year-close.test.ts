import { describe, expect, it } from 'vitest';
import { refuseDatedChange, refuseYearClose } from '../../../../electron/core/domain/workflow/year-close';

describe('year close', () => {
  it('closes only finished years, once, and never before a later closed year', () => {
    expect(refuseYearClose(2019, '2020-01-05', [])).toBeNull();
    expect(refuseYearClose(2020, '2020-12-31', [])).toMatch(/须在2021年1月1日以后结账/);
    expect(refuseYearClose(2019, '2020-01-05', [2019])).toMatch(/不能重复结账/);
    expect(refuseYearClose(2018, '2020-01-05', [2019])).toMatch(/2019年度已结账，不能再结账更早的2018年度/);
  });

  it('refuses changes dated in a closed year; a correction is dated in an open year and names the closed one', () => {
    expect(refuseDatedChange('2019-12-20', [2019])).toMatch(/2019年度已结账/);
    expect(refuseDatedChange('2020-02-01', [2019])).toBeNull();
    expect(refuseDatedChange('2020-02-01', [2019], { year: 2019, reason: '原销号有误' })).toBeNull();
    expect(refuseDatedChange('2020-02-01', [2019], { year: 2018, reason: 'x' })).toMatch(/2018年度尚未结账/);
    expect(refuseDatedChange('2020-02-01', [2019], { year: 2019, reason: ' ' })).toMatch(/请填写更正原因/);
  });
});
