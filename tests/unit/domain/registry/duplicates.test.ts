import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../electron/core/domain/registry/id-number';
import { findDuplicatePersons, type DuplicateCandidate } from '../../../../electron/core/domain/registry/quality/duplicates';

const T1 = '620422101';
const T2 = '620422102';
const id = (birth: string, seq: string) => makeIdNumber('620422', birth, seq);

const p = (personId: string, householdId: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  personId,
  householdId,
  idNumber: id('1970-03-15', '011'),
  name: '张建国',
  birthDate: '1970-03-15',
  townshipCode: T1,
  active: true,
  ...over,
});

describe('findDuplicatePersons', () => {
  it('finds nothing among distinct people', () => {
    expect(findDuplicatePersons([p('a', 'h1'), p('b', 'h2', { idNumber: id('1980-01-01', '021'), name: '李秀英', birthDate: '1980-01-01' })])).toEqual([]);
  });

  it('reports the same ID in two households as an error', () => {
    const found = findDuplicatePersons([p('a', 'h1'), p('b', 'h2', { townshipCode: T2 }), p('c', 'h3', { idNumber: id('1990-01-01', '013'), name: '王五', birthDate: '1990-01-01' })]);
    expect(found).toEqual([
      {
        ruleCode: 'Q-DUP-01',
        severity: 'error',
        kind: 'sameIdNumber',
        message: '证件号码：同一证件号码登记在2个不同的户中',
        personIds: ['a', 'b'],
        householdIds: ['h1', 'h2'],
      },
    ]);
  });

  it('matches 15-digit, lower-case and 残疾人证 forms of one ID', () => {
    const id18 = '11010519491231002X';
    const found = findDuplicatePersons([
      p('a', 'h1', { idNumber: '110105491231002', name: null }),
      p('b', 'h2', { idNumber: id18.toLowerCase(), name: null }),
      p('c', 'h3', { idNumber: id18 + '42', name: null }),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.personIds).toEqual(['a', 'b', 'c']);
  });

  it('leaves a repeat inside one household to the household rule', () => {
    expect(findDuplicatePersons([p('a', 'h1'), p('b', 'h1')])).toEqual([]);
  });

  it('ignores inactive persons', () => {
    expect(findDuplicatePersons([p('a', 'h1'), p('b', 'h2', { active: false })])).toEqual([]);
  });

  it('offers same name and birth date with different IDs in one township for review', () => {
    const found = findDuplicatePersons([p('a', 'h1'), p('b', 'h2', { idNumber: id('1970-03-15', '013'), name: '张 建国' })]);
    expect(found).toEqual([
      {
        ruleCode: 'Q-DUP-02',
        severity: 'warning',
        kind: 'sameNameAndBirthDate',
        message: '姓名、出生日期：同一乡镇内有2人姓名和出生日期相同但证件号码不同，可能是同一人重复登记',
        personIds: ['a', 'b'],
        householdIds: ['h1', 'h2'],
      },
    ]);
  });

  it('reads the birth date from the ID when it was not recorded, and counts a missing ID as different', () => {
    const found = findDuplicatePersons([p('a', 'h1', { birthDate: null }), p('b', 'h2', { idNumber: null })]);
    expect(found.map((g) => g.ruleCode)).toEqual(['Q-DUP-02']);
  });

  it('does not pair people across townships or with different birth dates', () => {
    expect(findDuplicatePersons([p('a', 'h1'), p('b', 'h2', { idNumber: id('1970-03-15', '013'), townshipCode: T2 })])).toEqual([]);
    expect(findDuplicatePersons([p('a', 'h1'), p('b', 'h2', { idNumber: id('1970-03-16', '013'), birthDate: '1970-03-16' })])).toEqual([]);
  });
});
