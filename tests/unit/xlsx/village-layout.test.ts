import { describe, expect, it } from 'vitest';
import { headerCollisions } from '../../../electron/core/services/xlsx/layout';
import { VILLAGE_HEADERS, VILLAGE_LAYOUT, villageSpec } from '../../../electron/core/services/xlsx/village-layout';
import { VILLAGE_FIELDS } from '../../../electron/core/domain/registry/village-form';

describe('the village sheet layout', () => {
  it('heads each column with the form\'s label, after 村代码, 乡（镇） and 年度', () => {
    expect(VILLAGE_LAYOUT.map((c) => c.header)).toEqual(['村代码', '乡（镇）', '年度', ...VILLAGE_FIELDS.map((f) => f.label)]);
  });

  it('has no two columns whose headings fold to the same name', () => {
    expect(headerCollisions(VILLAGE_LAYOUT)).toEqual([]);
  });

  it('recognises headings as typed: spaces, half-width brackets, units left off, aliases', () => {
    const id = (h: string) => VILLAGE_HEADERS.lookup(h)?.id;
    expect(id(' 村 代码')).toBe('meta.code');
    expect(id('行政区划代码')).toBe('meta.code');
    expect(id('耕地面积(亩)')).toBe('village.farmlandArea');
    expect(id('耕地面积')).toBe('village.farmlandArea');
    expect(id('农民人均纯收入')).toBe('village.perCapitaNetIncome');
    expect(id('行政村到乡镇未通沥青(水泥)路里程')).toBe('village.unpavedKmToTownship');
    expect(id('自然村到行政村未通沥青（水泥）路里程（公里）')).toBe('village.unpavedKmGroupsToVillage');
    expect(id('总人口')).toBe('village.populationCount');
    expect(id('备注')).toBeUndefined();
  });

  it('gives each field the cell parser of its kind', () => {
    const kind = (key: string) => villageSpec(VILLAGE_FIELDS.find((f) => f.key === key)!).kind;
    expect([kind('householdCount'), kind('farmlandArea'), kind('longitude'), kind('exitYear'), kind('hasBusService'), kind('attribute'), kind('disastersLastYear'), kind('phone')]).toEqual([
      'int',
      'number',
      'number',
      'year',
      'bool',
      'code',
      'codes',
      'text',
    ]);
    expect(villageSpec(VILLAGE_FIELDS.find((f) => f.key === 'terrain')!).codeField).toBe('terrain');
  });
});
