import { describe, expect, it } from 'vitest';
import {
  CODE_FIELDS,
  DEFAULT_CODE_TABLES,
  codeOfLabel,
  codeTable,
  codesOfLabels,
  groupOf,
  isKnownCode,
  labelOf,
  normalizeLabel,
  versionOfYear,
  type CodeField,
} from '../../../../electron/core/domain/registry/code-tables';

const YEARS = [2014, 2016, 2017, 2018, 2019, 2020, 2021, 2024];

describe('versions', () => {
  it('maps years onto the four version sets', () => {
    expect([2013, 2014, 2016, 2017, 2018, 2019, 2020, 2021, 2030].map(versionOfYear)).toEqual([
      '2014-2016', '2014-2016', '2014-2016', '2017-2018', '2017-2018', '2019-2020', '2019-2020', '2021+', '2021+',
    ]);
  });

  it('every field has a list in some year, with unique codes and labels', () => {
    for (const field of Object.keys(CODE_FIELDS) as CodeField[]) {
      const nonEmpty = YEARS.filter((y) => codeTable(field, y).length > 0);
      expect(nonEmpty.length, field).toBeGreaterThan(0);
      for (const y of YEARS) {
        const t = codeTable(field, y);
        expect(new Set(t.map((e) => e.code)).size, `${field} ${y} codes`).toBe(t.length);
        expect(new Set(t.map((e) => e.label)).size, `${field} ${y} labels`).toBe(t.length);
      }
    }
  });

  it('no alias of one entry resolves to another entry’s label', () => {
    for (const def of DEFAULT_CODE_TABLES) {
      const labels = new Set(def.entries.map((e) => normalizeLabel(e.label)));
      for (const e of def.entries) for (const a of e.aliases ?? []) expect(labels.has(normalizeLabel(a)), `${def.field} ${a}`).toBe(false);
    }
  });
});

describe('relationship', () => {
  it('has 21 entries before 2019 and adds 之兄弟姐妹 … 之叔伯 (unconfirmed codes) from 2019', () => {
    expect(codeTable('relationship', 2018)).toHaveLength(21);
    const t2019 = codeTable('relationship', 2019);
    expect(t2019).toHaveLength(28);
    expect(t2019.find((e) => e.label === '之兄弟姐妹')).toMatchObject({ code: '21', unconfirmed: true });
    expect(t2019.find((e) => e.code === '01')?.unconfirmed).toBeUndefined();
    expect(isKnownCode('relationship', '24', 2018)).toBe(false);
    expect(isKnownCode('relationship', '24', 2019)).toBe(true);
  });

  it('reads the printed variant “本人或户主” as 户主', () => {
    expect(codeOfLabel('relationship', '本人或户主', 2016)).toBe('01');
    expect(codeOfLabel('relationship', '户主', 2020)).toBe('01');
    expect(labelOf('relationship', '01', 2016)).toBe('户主');
  });

  it('marks the sex a relationship implies', () => {
    expect(groupOf('relationship', '03', 2018)).toBe('male');
    expect(groupOf('relationship', '12', 2018)).toBe('female');
    expect(groupOf('relationship', '26', 2019)).toBe('female');
    expect(groupOf('relationship', '21', 2019)).toBeUndefined();
  });
});

describe('label variants', () => {
  it('health: “大病” is 患有大病', () => {
    expect(codeOfLabel('health', '大病', 2018)).toBe('03');
    expect(codeOfLabel('health', '患有大病', 2018)).toBe('03');
  });

  it('cause: “缺劳动力” and “缺发展资金”', () => {
    expect(codeOfLabel('cause', '缺劳动力', 2015)).toBe('08');
    expect(codeOfLabel('cause', '缺劳力', 2015)).toBe('08');
    expect(codeOfLabel('cause', '缺发展资金', 2019)).toBe('09');
  });

  it('cause: 因婚 and 因丧 exist but are unconfirmed', () => {
    expect(codeTable('cause', 2016).find((e) => e.label === '因婚')).toMatchObject({ code: '12', unconfirmed: true });
    expect(codeTable('cause', 2016).find((e) => e.label === '因丧')).toMatchObject({ code: '13', unconfirmed: true });
    expect(codeTable('cause', 2016).find((e) => e.label === '因病')?.unconfirmed).toBeUndefined();
  });

  it('attribute: “五保贫困户” is 特困供养贫困户 from 2017, and prints by the year', () => {
    expect(codeOfLabel('attribute', '五保贫困户', 2016)).toBe('3');
    expect(codeOfLabel('attribute', '五保贫困户', 2017)).toBe('3');
    expect(codeOfLabel('attribute', '五保户', 2018)).toBe('3');
    expect(labelOf('attribute', '3', 2016)).toBe('五保贫困户');
    expect(labelOf('attribute', '3', 2017)).toBe('特困供养贫困户');
    expect(codeOfLabel('attribute', '低保户', 2015)).toBe('2');
  });

  it('folds full-width brackets and spaces', () => {
    expect(codeOfLabel('migrantStatus', '乡(镇)内务工', 2015)).toBe('01');
    expect(codeOfLabel('migrantStatus', ' 乡（镇）外县内务工 ', 2015)).toBe('02');
    expect(codeOfLabel('exitStatus', '已脱贫(享受政策)', 2018)).toBe('1');
  });

  it('ethnicity: GB/T 3304 with labels without 族', () => {
    expect(codeTable('ethnicity', 2018)).toHaveLength(58);
    expect(codeOfLabel('ethnicity', '回族', 2018)).toBe('03');
    expect(codeOfLabel('ethnicity', '回', 2018)).toBe('03');
    expect(codeOfLabel('ethnicity', '东乡族', 2018)).toBe('26');
    expect(codeOfLabel('ethnicity', '裕固', 2018)).toBe('48');
  });

  it('returns undefined for unknown or empty labels', () => {
    expect(codeOfLabel('health', '很好', 2018)).toBeUndefined();
    expect(codeOfLabel('health', '', 2018)).toBeUndefined();
    expect(codeOfLabel('health', null, 2018)).toBeUndefined();
    expect(labelOf('health', '77', 2018)).toBeUndefined();
  });

  it('splits multi-valued cells', () => {
    expect(codesOfLabels('health', '残疾,长期慢性病', 2019)).toEqual({ codes: ['04', '02'], unknown: [] });
    expect(codesOfLabels('cause', '因病、缺技术；其它', 2018)).toEqual({ codes: ['01', '07'], unknown: ['其它'] });
    expect(codesOfLabels('health', null, 2019)).toEqual({ codes: [], unknown: [] });
  });
});

describe('fields that changed between versions', () => {
  it('学龄前儿童 moves from 文化程度 to 在校生状况 in 2019', () => {
    expect(codeOfLabel('education', '学龄前儿童', 2018)).toBe('06');
    expect(codeOfLabel('education', '学龄前儿童', 2019)).toBeUndefined();
    expect(codeOfLabel('studentStatus', '学龄前儿童', 2019)).toBe('01');
    expect(codeOfLabel('studentStatus', '非在校生', 2018)).toBe('01');
    expect(labelOf('education', '05', 2018)).toBe('大专及以上');
    expect(labelOf('education', '05', 2019)).toBe('大专');
    expect(codeOfLabel('studentStatus', '本科五年级', 2020)).toBe('24');
  });

  it('弱劳动力或半劳动力 from 2019, keeping 丧失/无劳动力 on their old codes', () => {
    expect(codeTable('labourSkill', 2018).map((e) => e.code)).toEqual(['01', '02', '03', '04']);
    expect(codeTable('labourSkill', 2019).map((e) => e.label)).toEqual(['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力']);
    expect(codeOfLabel('labourSkill', '半劳动力', 2019)).toBe('05');
    expect(codeOfLabel('labourSkill', '丧失劳动力', 2019)).toBe('03');
    expect(codeOfLabel('labourSkill', '弱劳动力', 2018)).toBeUndefined();
  });

  it('务工状况 exists only 2014–2016', () => {
    expect(codeTable('migrantStatus', 2016)).toHaveLength(5);
    expect(codeTable('migrantStatus', 2017)).toEqual([]);
  });

  it('户类型 from 2019, monitoring types and risks from 2021', () => {
    expect(codeTable('householdType', 2018)).toEqual([]);
    expect(codeOfLabel('householdType', '普通农户', 2020)).toBe('3');
    expect(codeTable('monitoringObjectType', 2020)).toEqual([]);
    expect(codeOfLabel('monitoringObjectType', '边缘易致贫户', 2021)).toBe('100A03002');
    expect(codeTable('riskType', 2022).map((e) => e.label)).toContain('因意外事故');
  });

  it('assistance measure categories change names in 2021', () => {
    expect(codeTable('assistanceMeasure', 2018).map((e) => e.label)).toContain('产业扶贫');
    expect(codeTable('assistanceMeasure', 2021).map((e) => e.label)).toContain('产业帮扶');
    expect(codeOfLabel('assistanceMeasure', '金融扶贫(专项贷款)', 2016)).toBe('07');
  });

  it('lists for conditions, relocation, helpers and villages', () => {
    expect(codeTable('roadType', 2018).map((e) => e.label)).toEqual(['泥土路', '砂石路', '水泥路', '沥青路']);
    expect(codeOfLabel('dilapidationGrade', 'D级', 2018)).toBe('03');
    expect(codeTable('fuel', 2018)).toHaveLength(5);
    expect(codeTable('relocationMode', 2018)).toHaveLength(3);
    expect(codeOfLabel('resettlementPlace', '中心村安置', 2018)).toBe('c');
    expect(codeOfLabel('affiliation', '部队', 2018)).toBe('06');
    expect(codeTable('villageAttribute', 2018).map((e) => e.label)).toEqual(['贫困村', '非贫困村', '深度贫困村']);
    expect(codeTable('memberChange', 2018)).toHaveLength(8);
    expect(codeTable('politicalStatus', 2018)).toHaveLength(13);
  });
});

describe('overrides', () => {
  it('functions read the tables they are given', () => {
    const tables = DEFAULT_CODE_TABLES.map((t) =>
      t.field === 'cause' ? { ...t, entries: t.entries.map((e) => (e.code === '12' ? { ...e, label: '因婚致贫' } : e)) } : t,
    );
    expect(labelOf('cause', '12', 2018, tables)).toBe('因婚致贫');
    expect(labelOf('cause', '12', 2018)).toBe('因婚');
  });
});
