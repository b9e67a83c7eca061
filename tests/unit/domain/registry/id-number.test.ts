import { describe, expect, it } from 'vitest';
import {
  ageOn,
  canonicalId18,
  checkIdNumber,
  hasValidCheckChar,
  idCheckChar,
  idInfoOf,
  makeIdNumber,
  normalizeIdNumber,
  upgradeId15,
} from '../../../../electron/core/domain/registry/id-number';

// Independently known-valid numbers: the GB 11643-1999 standard's own example, and the example
// printed in the Chinese Wikipedia article on the resident ID card.
const GB_EXAMPLE = '11010519491231002X';
const WIKI_EXAMPLE = '440524188001010014';

describe('check character (GB 11643)', () => {
  it('accepts independently known-valid numbers', () => {
    for (const id of [GB_EXAMPLE, WIKI_EXAMPLE]) {
      const r = checkIdNumber(id);
      expect(r.ok, id).toBe(true);
    }
    expect(idCheckChar(GB_EXAMPLE.slice(0, 17))).toBe('X');
    expect(idCheckChar(WIKI_EXAMPLE.slice(0, 17))).toBe('4');
  });

  it('maps every remainder through "10X98765432"', () => {
    // Vary the 17th digit: all 11 remainders are not reachable that way, so brute-force prefixes.
    const seen = new Set<string>();
    for (let seq = 0; seq < 200 && seen.size < 11; seq++) {
      seen.add(idCheckChar('62042219800101' + String(seq).padStart(3, '0')));
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('derives birth date, sex and area from a valid number', () => {
    const r = checkIdNumber(GB_EXAMPLE);
    expect(r).toMatchObject({ ok: true, info: { form: 'id18', birthDate: '1949-12-31', sex: '2', areaCode: '110105', suffix: null } });
    expect(idInfoOf(WIKI_EXAMPLE)).toMatchObject({ birthDate: '1880-01-01', sex: '1' });
  });

  it('normalises lower-case x, spaces and full-width digits', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe(GB_EXAMPLE);
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe(GB_EXAMPLE);
    const r = checkIdNumber('110105 19491231 002x');
    expect(r.ok).toBe(true);
    expect(r.normalized).toBe(GB_EXAMPLE);
  });

  it('reports a wrong check character', () => {
    const r = checkIdNumber('110105194912310021');
    expect(r).toMatchObject({ ok: false, problem: 'checksum', message: '18位身份证号码校验位错误' });
    expect(hasValidCheckChar('110105194912310021')).toBe(false);
    expect(hasValidCheckChar(GB_EXAMPLE)).toBe(true);
  });
});

describe('what is wrong, exactly', () => {
  it('empty', () => {
    expect(checkIdNumber(null)).toMatchObject({ ok: false, problem: 'empty', message: '证件号码为空' });
    expect(checkIdNumber('  ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('length, saying how long it is', () => {
    expect(checkIdNumber('1101051949123100')).toMatchObject({ ok: false, problem: 'length', message: '证件号码长度应为15、18、20或22位，实际为16位' });
    expect(checkIdNumber('1101051949123100211')).toMatchObject({ problem: 'length' });
  });

  it('characters', () => {
    expect(checkIdNumber('11010519491231002Y')).toMatchObject({ ok: false, problem: 'characters' });
    expect(checkIdNumber('1101051949X231002X')).toMatchObject({ problem: 'characters' });
    expect(checkIdNumber('11010549123100X')).toMatchObject({ problem: 'characters' });
  });

  it('area code of no province', () => {
    const first17 = '00010519491231002';
    expect(checkIdNumber(first17 + idCheckChar(first17))).toMatchObject({ ok: false, problem: 'areaCode' });
  });

  it('impossible birth dates, including 29 February of a common year and a date after asOf', () => {
    for (const date of ['19490230', '19491301', '19490000', '20190229', '18491231']) {
      const first17 = '110105' + date + '002';
      expect(checkIdNumber(first17 + idCheckChar(first17)), date).toMatchObject({ ok: false, problem: 'birthDate', message: '证件号码中的出生日期无效' });
    }
    const leap = '110105' + '20200229' + '002';
    expect(checkIdNumber(leap + idCheckChar(leap)).ok).toBe(true);
    const future = makeIdNumber('620422', '2019-05-01', '001');
    expect(checkIdNumber(future, { asOf: '2018-12-31' })).toMatchObject({ problem: 'birthDate' });
    expect(checkIdNumber(future, { asOf: '2019-05-01' }).ok).toBe(true);
  });

  it('15-digit numbers need an upgrade but still identify the person', () => {
    const r = checkIdNumber('110105491231002');
    expect(r).toMatchObject({ ok: false, problem: 'needsUpgrade', message: '15位证件号码需要升级为18位' });
    expect(r.ok ? null : r.info).toMatchObject({ form: 'id15', id18: GB_EXAMPLE, birthDate: '1949-12-31', sex: '2' });
    expect(upgradeId15('110105491231002')).toBe(GB_EXAMPLE);
  });

  it('never repeats the number in a message', () => {
    for (const raw of ['110105194912310021', '110105491231002', '11010519491231002X4A', '1101051949']) {
      const r = checkIdNumber(raw);
      if (!r.ok) expect(r.message).not.toContain('1101051949');
    }
  });
});

describe('残疾人证 numbers (18-digit ID + suffix)', () => {
  it('accepts 20 characters with a 2-digit category/grade suffix', () => {
    expect(checkIdNumber(GB_EXAMPLE + '42')).toMatchObject({ ok: true, info: { form: 'disability20', id18: GB_EXAMPLE, suffix: '42' } });
  });

  it('accepts 22 characters for reissued certificates', () => {
    expect(checkIdNumber(GB_EXAMPLE + '42B1')).toMatchObject({ ok: true, info: { form: 'disability22', suffix: '42B1' } });
    expect(checkIdNumber(GB_EXAMPLE.toLowerCase() + '42b1').ok).toBe(true);
  });

  it('checks the ID inside the certificate number', () => {
    expect(checkIdNumber('110105194912310021' + '42')).toMatchObject({ ok: false, problem: 'checksum', message: '残疾人证号码中的身份证号码校验位错误' });
  });

  it('reports a malformed suffix but still identifies the person', () => {
    const r = checkIdNumber(GB_EXAMPLE + '4A');
    expect(r).toMatchObject({ ok: false, problem: 'disabilitySuffix' });
    expect(idInfoOf(GB_EXAMPLE + '4A')?.id18).toBe(GB_EXAMPLE);
    expect(checkIdNumber(GB_EXAMPLE + '4AB1')).toMatchObject({ problem: 'disabilitySuffix' });
  });

  it('canonicalId18 matches every form of one person', () => {
    for (const form of [GB_EXAMPLE, '11010519491231002x', '110105491231002', GB_EXAMPLE + '42', GB_EXAMPLE + '42B1']) {
      expect(canonicalId18(form), form).toBe(GB_EXAMPLE);
    }
    expect(canonicalId18('110105194912310021')).toBeNull();
    expect(canonicalId18(null)).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('1970-03-15', '2018-03-14')).toBe(47);
    expect(ageOn('1970-03-15', '2018-03-15')).toBe(48);
    expect(ageOn('1970-03-15', '2018-12-31')).toBe(48);
    expect(ageOn('2018-12-31', '2018-12-31')).toBe(0);
  });

  it('turns a 29 February birthday over on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
  });
});

describe('makeIdNumber', () => {
  it('rebuilds the standard example', () => {
    expect(makeIdNumber('110105', '1949-12-31', '002')).toBe(GB_EXAMPLE);
    expect(makeIdNumber('440524', '1880-01-01', 1)).toBe(WIKI_EXAMPLE);
  });

  it('makes numbers that pass the check, with sex from the sequence', () => {
    for (let seq = 0; seq < 50; seq++) {
      const id = makeIdNumber('620422', '1985-07-20', seq);
      const r = checkIdNumber(id);
      expect(r.ok, id).toBe(true);
      if (r.ok) expect(r.info.sex).toBe(seq % 2 === 1 ? '1' : '2');
    }
  });

  it('refuses bad input', () => {
    expect(() => makeIdNumber('62042', '1985-07-20', '001')).toThrow();
    expect(() => makeIdNumber('620422', '1985-02-30', '001')).toThrow();
    expect(() => makeIdNumber('620422', '1985-07-20', '1000')).toThrow();
    expect(() => idCheckChar('1234')).toThrow();
    expect(() => upgradeId15('12345')).toThrow();
  });
});
