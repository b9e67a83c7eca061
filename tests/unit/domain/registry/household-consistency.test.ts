import { describe, expect, it } from 'vitest';
import {
  checkHouseholdConsistency,
  derivedLabourerCount,
  impliedSexOfRelationship,
} from '../../../../electron/core/domain/registry/household-consistency';
import { makeIdNumber } from '../../../../electron/core/domain/registry/id-number';
import { cleanContext, DAUGHTER, HEAD, SON, SPOUSE } from './fixtures';

const base = () => structuredClone(cleanContext());
const kinds = (ctx: ReturnType<typeof base>) => checkHouseholdConsistency(ctx.household, ctx.members, ctx.year).map((i) => i.kind);

describe('checkHouseholdConsistency', () => {
  it('finds nothing in a consistent household', () => {
    expect(kinds(base())).toEqual([]);
  });

  it('exactly one 户主', () => {
    const none = base();
    none.members[HEAD]!.relationship = '99';
    expect(kinds(none)).toEqual(['noHead']);
    const two = base();
    two.members[SON]!.relationship = '01';
    const issues = checkHouseholdConsistency(two.household, two.members, 2018);
    expect(issues).toEqual([{ kind: 'multipleHeads', message: '与户主关系：户内有2名户主，每户只能有一名户主', personIndex: SON }]);
  });

  it('at most one 配偶, of the other sex by the ID’s 17th digit', () => {
    const two = base();
    two.members[DAUGHTER]!.relationship = '02';
    expect(kinds(two)).toEqual(['multipleSpouses']);
    const same = base();
    // Recorded sex says 女, but the ID's 17th digit (odd) says 男: the ID wins.
    same.members[SPOUSE]!.idNumber = makeIdNumber('620422', '1972-06-01', '021');
    expect(kinds(same)).toEqual(['spouseSameSex']);
  });

  it('relationship agrees with sex', () => {
    const ctx = base();
    ctx.members[DAUGHTER]!.relationship = '03'; // 之子
    const issues = checkHouseholdConsistency(ctx.household, ctx.members, 2018);
    expect(issues).toEqual([{ kind: 'relationshipSex', message: '与户主关系：“之子”应为男性，但性别为女', personIndex: DAUGHTER }]);
  });

  it('falls back on the recorded sex without an ID', () => {
    const ctx = base();
    ctx.members[SON]!.idNumber = null;
    ctx.members[SON]!.relationship = '12'; // 之母
    expect(kinds(ctx)).toEqual(['relationshipSex']);
  });

  it('household size equals the member count', () => {
    const ctx = base();
    ctx.household.householdSize = 3;
    expect(checkHouseholdConsistency(ctx.household, ctx.members)[0]).toEqual({
      kind: 'sizeMismatch',
      message: '家庭人口数：填写为3人，但家庭成员有4人，二者应相等',
    });
  });

  it('labourer count is derived from 劳动技能', () => {
    const ctx = base();
    ctx.household.labourerCount = 1;
    expect(kinds(ctx)).toEqual(['labourerCountMismatch']);
    ctx.household.labourerCount = null;
    expect(kinds(ctx)).toEqual([]);
  });
});

describe('derivedLabourerCount', () => {
  it('counts 普通, 技能 and (2019+) 弱劳动力或半劳动力', () => {
    const ctx = base();
    expect(derivedLabourerCount(ctx.members, 2018)).toBe(2);
    ctx.members[SON]!.labourSkill = '05';
    expect(derivedLabourerCount(ctx.members, 2018)).toBe(2); // not a code before 2019
    expect(derivedLabourerCount(ctx.members, 2019)).toBe(3);
    ctx.members[HEAD]!.labourSkill = '03';
    expect(derivedLabourerCount(ctx.members, 2019)).toBe(2);
  });
});

describe('impliedSexOfRelationship', () => {
  it('之子/之孙子/之父 are male, 之女/之母/之儿媳 female, 户主/配偶/其他 neither', () => {
    expect(['03', '07', '11', '13', '19'].map((c) => impliedSexOfRelationship(c, 2018))).toEqual(['1', '1', '1', '1', '1']);
    expect(['04', '05', '08', '12', '20'].map((c) => impliedSexOfRelationship(c, 2018))).toEqual(['2', '2', '2', '2', '2']);
    expect(['01', '02', '99', null].map((c) => impliedSexOfRelationship(c, 2018))).toEqual([null, null, null, null]);
    expect(impliedSexOfRelationship('24', 2019)).toBe('1');
  });
});
