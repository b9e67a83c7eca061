import { describe, expect, it } from 'vitest';
import {
  foldHeader,
  headerCollisions,
  HOUSEHOLD_LAYOUT,
  matchHeaderRow,
  PERSON_HEADERS,
  PERSON_LAYOUT,
  stripBrackets,
} from '../../../electron/core/services/xlsx/layout';
import { ALL_FIELD_SPECS } from '../../../electron/core/domain/registry/field-specs';

const idOf = (heading: string): string | undefined => PERSON_HEADERS.lookup(heading)?.id;

describe('the layouts are built from the field specs', () => {
  it('the person layout has every field of the four forms once, after 序号 and the place columns', () => {
    expect(PERSON_LAYOUT.slice(0, 3).map((c) => c.header)).toEqual(['序号', '乡（镇）', '行政村']);
    const specs = PERSON_LAYOUT.filter((c) => c.spec).map((c) => c.spec);
    expect(specs).toEqual([...ALL_FIELD_SPECS]);
    expect(new Set(PERSON_LAYOUT.map((c) => c.id)).size).toBe(PERSON_LAYOUT.length);
  });

  it('the household layout adds the head’s fields and the member count', () => {
    const headers = HOUSEHOLD_LAYOUT.map((c) => c.header);
    expect(headers).toContain('户主性别');
    expect(headers).toContain('户主民族');
    expect(headers.at(-1)).toBe('成员人数');
    expect(headers).not.toContain('证件号码');
    expect(headers).not.toContain('与户主关系');
  });

  it('no two columns share a heading or an alias, with or without units', () => {
    expect(headerCollisions(PERSON_LAYOUT)).toEqual([]);
  });

  it('gives ID, phone and date columns room', () => {
    const width = (h: string) => PERSON_LAYOUT.find((c) => c.header === h)!.width;
    expect(width('证件号码')).toBeGreaterThanOrEqual(20);
    expect(width('户主证件号码')).toBeGreaterThanOrEqual(20);
    expect(width('联系电话')).toBeGreaterThanOrEqual(13);
    expect(width('出生日期')).toBeGreaterThanOrEqual(11);
  });
});

describe('headings are matched by name, tolerantly', () => {
  it('folds spaces, line breaks, full-width characters and case', () => {
    expect(foldHeader(' 证件 号码 ')).toBe('证件号码');
    expect(foldHeader('户主\n证件号码')).toBe('户主证件号码');
    expect(foldHeader('耕地面积（亩）')).toBe('耕地面积(亩)');
    expect(foldHeader('ＩＤ')).toBe('id');
    expect(foldHeader('*姓名')).toBe('姓名');
    expect(foldHeader('姓名：')).toBe('姓名');
    expect(stripBrackets('工资性收入(元)')).toBe('工资性收入');
    expect(stripBrackets('是否参加新型农村合作医疗(城乡居民基本医疗保险)')).toBe('是否参加新型农村合作医疗');
  });

  it('finds each column by its label, with stray spaces and full-width brackets', () => {
    expect(idOf('证件号码')).toBe('person.idNumber');
    expect(idOf(' 证 件 号 码 ')).toBe('person.idNumber');
    expect(idOf('户主证件号码')).toBe('household.headIdNumber');
    expect(idOf('与户主关系')).toBe('person.relationship');
    expect(idOf('务工时间（月）')).toBe('person.migrantMonths');
    expect(idOf('务工时间(月)')).toBe('person.migrantMonths');
    expect(idOf('年度')).toBe('household.dataYear');
    expect(idOf('收入年度')).toBe('income.year');
    expect(idOf('条件年度')).toBe('conditions.dataYear');
  });

  it('accepts the label variants of the specs and domain.md', () => {
    expect(idOf('身份证号码')).toBe('person.idNumber');
    expect(idOf('户主身份证号')).toBe('household.headIdNumber');
    expect(idOf('户编码')).toBe('household.householdNumber');
    expect(idOf('劳动能力')).toBe('person.labourSkill');
    expect(idOf('是否享受五保')).toBe('person.receivesWubao');
    expect(idOf('是否参加新型农村合作医疗（城乡居民基本医疗保险）')).toBe('person.hasRuralMedicalInsurance');
    expect(idOf('五保金')).toBe('income.wubaoIncome');
    expect(idOf('脱贫标志')).toBe('household.exitStatus');
    expect(idOf('村民小组（自然村）')).toBe('household.groupName');
    expect(idOf('区划代码')).toBe('household.regionCode');
    expect(idOf('村')).toBe('meta.village');
    expect(idOf('乡镇')).toBe('meta.township');
  });

  it('matches with or without units, and with other units', () => {
    expect(idOf('耕地面积')).toBe('conditions.farmlandArea');
    expect(idOf('耕地面积（亩）')).toBe('conditions.farmlandArea');
    expect(idOf('耕 地 面 积 (亩)')).toBe('conditions.farmlandArea');
    expect(idOf('工资性收入（元）')).toBe('income.wageIncome');
    expect(idOf('工资性收入')).toBe('income.wageIncome');
    expect(idOf('与村主干路距离（km）')).toBe('conditions.distanceToMainRoadKm');
    expect(idOf('住房面积（㎡）')).toBe('conditions.housingArea');
    expect(idOf('户主证件号码（18位）')).toBe('household.headIdNumber');
  });

  it('does not guess at unknown headings', () => {
    expect(idOf('备注')).toBeUndefined();
    expect(idOf('')).toBeUndefined();
    expect(idOf('证件')).toBeUndefined();
  });
});

describe('a header row', () => {
  it('maps columns, lists ignored and duplicate headings, and names the missing required ones', () => {
    const m = matchHeaderRow(['序号', '姓名', '备注', '身份证号', '证件号码', '年度']);
    expect(m.columns.map((c) => c?.id ?? null)).toEqual(['meta.seq', 'person.name', null, 'person.idNumber', null, 'household.dataYear']);
    expect(m.ignored).toEqual(['备注']);
    expect(m.duplicates).toEqual(['证件号码']);
    expect(m.missing).toEqual(['户主证件号码（或户编号）', '与户主关系', '行政区划代码（或行政村名称）']);
  });

  it('is complete with either key column and either place column', () => {
    expect(matchHeaderRow(['户编号', '姓名', '证件号码', '与户主关系', '行政村']).missing).toEqual([]);
    expect(matchHeaderRow(['户主证件号码', '姓名', '证件号码', '与户主关系', '行政区划代码']).missing).toEqual([]);
  });
});
