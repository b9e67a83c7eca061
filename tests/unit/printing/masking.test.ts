import { describe, it, expect } from 'vitest';
import {
  DEFAULT_MASKING_POLICY,
  describeMaskingPolicy,
  maskBankAccount,
  maskField,
  maskIdNumber,
  maskName,
  maskPhone,
  validateMaskingPolicy,
  type MaskingPolicy,
} from '../../../electron/core/domain/masking';

const policy = (over: Partial<MaskingPolicy>): MaskingPolicy => ({ ...DEFAULT_MASKING_POLICY, ...over });

describe('maskIdNumber', () => {
  it('keeps the first 2 and last 3 characters of an 18-character ID by default', () => {
    expect(maskIdNumber('620422199001011234')).toBe('62*************234');
    expect(maskIdNumber('620422199001011234')).toHaveLength(18);
  });

  it('handles 15-digit IDs, lower-case x, spaces and full-width characters', () => {
    expect(maskIdNumber('620422900101123')).toBe('62**********123');
    expect(maskIdNumber('62042219900101123x')).toBe('62*************23X');
    expect(maskIdNumber(' 620422 19900101 1234 ')).toBe('62*************234');
    expect(maskIdNumber('６２０４２２１９９００１０１１２３４')).toBe('62*************234');
  });

  it('masks anything that is not shaped like an ID in full', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskIdNumber('6204')).toBe('****');
    expect(maskIdNumber('620422')).toBe('******');
    expect(maskIdNumber('62042219900101123')).toBe('*'.repeat(17));
    expect(maskIdNumber('6204221990010112345')).toBe('*'.repeat(19));
    expect(maskIdNumber('62042219900101123Y')).toBe('*'.repeat(18));
  });

  it('follows the policy', () => {
    expect(maskIdNumber('620422199001011234', policy({ idKeepStart: 6, idKeepEnd: 1, maskChar: '●' }))).toBe('620422' + '●'.repeat(11) + '4');
    expect(maskIdNumber('620422199001011234', policy({ idKeepStart: 0, idKeepEnd: 0 }))).toBe('*'.repeat(18));
  });

  it('never reveals more than 7 characters of an ID with any valid policy', () => {
    for (let start = 0; start <= 7; start++) {
      for (let end = 0; start + end <= 7; end++) {
        const p = policy({ idKeepStart: start, idKeepEnd: end });
        for (const id of ['620422199001011234', '620422900101123']) {
          const masked = maskIdNumber(id, p);
          expect(masked).toHaveLength(id.length);
          expect(masked.replace(/\*/g, '')).toHaveLength(start + end);
        }
      }
    }
  });

  it('refuses to work with an unsafe policy', () => {
    expect(() => maskIdNumber('620422199001011234', policy({ idKeepStart: 6, idKeepEnd: 4 }))).toThrow(/最多只能显示 7 位/);
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });

  it('copes with spaces, dashes, +86 and 0086', () => {
    expect(maskPhone('139 1234 5678')).toBe('139****5678');
    expect(maskPhone('139-1234-5678')).toBe('139****5678');
    expect(maskPhone('+86 139 1234 5678')).toBe('139****5678');
    expect(maskPhone('+8613912345678')).toBe('139****5678');
    expect(maskPhone('0086-13912345678')).toBe('139****5678');
    expect(maskPhone('＋８６ １３９１２３４５６７８')).toBe('139****5678');
  });

  it('masks landlines, and short numbers in full', () => {
    expect(maskPhone('0931-8123456')).toBe('093****3456');
    expect(maskPhone('8123456')).toBe('*******');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('masks several numbers in one field one by one', () => {
    expect(maskPhone('13912345678、13812345678')).toBe('139****5678、138****5678');
    expect(maskPhone('13912345678 / 0931-8123456')).toBe('139****5678、093****3456');
  });

  it('keeps text without digits and returns empty for empty', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('   ')).toBe('');
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('无')).toBe('无');
  });

  it('follows the policy', () => {
    expect(maskPhone('13912345678', policy({ phoneKeepStart: 0, phoneKeepEnd: 4, maskChar: '×' }))).toBe('×××××××5678');
  });
});

describe('other fields', () => {
  it('never prints bank accounts and keeps names', () => {
    expect(maskBankAccount('6228480018888888888')).toBe('');
    expect(maskBankAccount('')).toBe('');
    expect(maskField('bankAccount', '6228 4800 1888 8888 888')).toBe('');
    expect(maskName('张三')).toBe('张三');
    expect(maskField('name', '欧阳娜娜')).toBe('欧阳娜娜');
    expect(maskField('idNumber', '620422199001011234')).toBe('62*************234');
    expect(maskField('phone', '13912345678')).toBe('139****5678');
    expect(maskField('text', '因病致贫')).toBe('因病致贫');
  });
});

describe('validateMaskingPolicy', () => {
  it('accepts the default policy', () => {
    expect(validateMaskingPolicy(DEFAULT_MASKING_POLICY)).toEqual({ ok: true, value: { ...DEFAULT_MASKING_POLICY } });
    expect(validateMaskingPolicy(policy({ idKeepStart: 4, idKeepEnd: 3 })).ok).toBe(true);
  });

  it('refuses a policy that would reveal a whole ID or more than 7 characters', () => {
    for (const bad of [policy({ idKeepStart: 18, idKeepEnd: 0 }), policy({ idKeepStart: 6, idKeepEnd: 4 }), policy({ idKeepStart: 4, idKeepEnd: 4 })]) {
      const check = validateMaskingPolicy(bad);
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.error.kind).toBe('INVALID_INPUT');
        expect(check.error.message).toMatch(/身份证号最多只能显示 7 位/);
      }
    }
  });

  it('refuses a phone policy that shows more than 7 digits', () => {
    const check = validateMaskingPolicy(policy({ phoneKeepStart: 4, phoneKeepEnd: 4 }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error.message).toMatch(/电话号码最多只能显示 7 位/);
  });

  it('refuses bad numbers and mask characters, all problems in one message', () => {
    const check = validateMaskingPolicy({ idKeepStart: -1, idKeepEnd: 1.5, phoneKeepStart: '3', phoneKeepEnd: 4, maskChar: 'X' });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.error.message).toMatch(/^脱敏规则无效：/);
      expect(check.error.message).toMatch(/身份证号保留前几位/);
      expect(check.error.message).toMatch(/身份证号保留后几位/);
      expect(check.error.message).toMatch(/电话保留前几位/);
      expect(check.error.message).toMatch(/掩码字符/);
    }
    for (const maskChar of ['', '**', '1', 'a', ' ', '中']) {
      expect(validateMaskingPolicy(policy({ maskChar })).ok).toBe(false);
    }
    for (const maskChar of ['*', '●', '×', '#']) {
      expect(validateMaskingPolicy(policy({ maskChar })).ok).toBe(true);
    }
    expect(validateMaskingPolicy(null).ok).toBe(false);
    expect(validateMaskingPolicy('policy').ok).toBe(false);
  });

  it('describes the policy for the print log', () => {
    expect(describeMaskingPolicy(DEFAULT_MASKING_POLICY)).toBe(
      '身份证号显示前2位、后3位；电话显示前3位、后4位；银行账号不打印；姓名不变；掩码字符「*」',
    );
  });
});
