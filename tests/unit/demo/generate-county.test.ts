import { beforeAll, describe, expect, it } from 'vitest';
import { generateCounty, type DemoCounty, type DemoHousehold } from '../../../electron/core/demo/generate-county';
import { checkIdNumber, ageOn } from '../../../electron/core/domain/registry/id-number';
import { impliedSexOfRelationship } from '../../../electron/core/domain/registry/household-consistency';
import { emptyRecord, CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, PERSON_FIELDS } from '../../../electron/core/domain/registry/field-specs';
import { emptyIncomeRecord, perCapitaNetIncomeFen } from '../../../electron/core/domain/registry/income';
import { runQualityRules } from '../../../electron/core/domain/registry/quality';
import { defaultYearParams } from '../../../electron/core/domain/registry/year-params';
import { isKnownCode, type CodeField } from '../../../electron/core/domain/registry/code-tables';
import { huiningVillages } from './huining-villages';

const VILLAGES = huiningVillages();
const YEAR = 2020;
let county: DemoCounty;
let households: DemoHousehold[];

beforeAll(() => {
  county = generateCounty({ villages: VILLAGES, households: 3000, seed: 2014, firstYear: 2014, lastYear: YEAR });
  households = county.households;
});

const share = (predicate: (h: DemoHousehold) => boolean): number => households.filter(predicate).length / households.length;
const age = (birthDate: string | null): number => ageOn(birthDate!, `${YEAR}-12-31`);

describe('demo county: determinism', () => {
  it('gives identical output for the same seed and different output for another', () => {
    const small = { villages: VILLAGES.slice(0, 20), households: 150, firstYear: 2014, lastYear: YEAR };
    const a = generateCounty({ ...small, seed: 42 });
    const b = generateCounty({ ...small, seed: 42 });
    const c = generateCounty({ ...small, seed: 43 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('puts every household in a village of the input, exactly as many as asked', () => {
    expect(households).toHaveLength(3000);
    const codes = new Set(VILLAGES.map((v) => v.code));
    expect(households.every((h) => codes.has(h.regionCode) && h.record.regionCode === h.regionCode)).toBe(true);
    expect(county.villages).toHaveLength(VILLAGES.length);
  });
});

describe('demo county: ID numbers', () => {
  it('gives every person a valid, unique 18-digit ID from 白银市 (6204xx), mostly 会宁 (620422)', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let local = 0;
    let total = 0;
    for (const h of households) {
      for (const { record: p } of h.members) {
        const check = checkIdNumber(p.idNumber, { asOf: `${YEAR}-12-31` });
        total += 1;
        if (!check.ok) {
          problems.push(`${p.idNumber}: ${check.problem}`);
          continue;
        }
        if (p.idNumber!.length !== 18 || check.info.form !== 'id18') problems.push(`${p.idNumber}: not 18 digits`);
        if (!check.info.areaCode.startsWith('6204')) problems.push(`${p.idNumber}: area ${check.info.areaCode}`);
        if (check.info.birthDate !== p.birthDate || check.info.sex !== p.sex) problems.push(`${p.idNumber}: birth date or sex differ`);
        if (seen.has(p.idNumber!)) problems.push(`${p.idNumber}: duplicate`);
        seen.add(p.idNumber!);
        if (check.info.areaCode === '620422') local += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(local / total).toBeGreaterThan(0.9);
    expect(local).toBeLessThan(total); // a few were born elsewhere in 白银
  });

  it('gives every household a unique 16-digit household number and the name and ID of the head', () => {
    const numbers = households.map((h) => h.record.householdNumber!);
    expect(numbers.every((n) => /^\d{16}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const h of households) {
      const head = h.members.find((m) => m.record.relationship === '01')!.record;
      expect(h.record.headName).toBe(head.name);
      expect(h.record.headIdNumber).toBe(head.idNumber);
    }
  });
});

describe('demo county: families', () => {
  it('has exactly one 户主, at most one 配偶 of the other sex, and sexes that fit the relationship', () => {
    const problems: string[] = [];
    for (const h of households) {
      const n = h.record.householdNumber;
      const rels = h.members.map((m) => m.record.relationship);
      if (rels.filter((r) => r === '01').length !== 1 || rels[0] !== '01') problems.push(`${n}: 户主 ${rels.join(',')}`);
      const spouses = h.members.filter((m) => m.record.relationship === '02');
      if (spouses.length > 1) problems.push(`${n}: ${spouses.length} 配偶`);
      if (spouses[0] && spouses[0].record.sex === h.members[0]!.record.sex) problems.push(`${n}: 配偶 of the same sex`);
      for (const { record: p } of h.members) {
        const implied = impliedSexOfRelationship(p.relationship, YEAR);
        if (implied && p.sex !== implied) problems.push(`${n}: ${p.relationship} with sex ${p.sex}`);
      }
      if (h.record.householdSize !== h.members.length) problems.push(`${n}: size`);
      if (new Set(h.members.map((m) => m.record.name)).size !== h.members.length) problems.push(`${n}: two members share a name`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps generations apart: parents 18+ years older, grandchildren 36+ years younger than the head', () => {
    const problems: string[] = [];
    for (const h of households) {
      const headAge = age(h.members[0]!.record.birthDate);
      const n = h.record.householdNumber;
      if (headAge < 24) problems.push(`${n}: head aged ${headAge}`);
      for (const { record: p } of h.members.slice(1)) {
        const a = age(p.birthDate);
        const rel = p.relationship!;
        if ((rel === '03' || rel === '04') && headAge - a < 16) problems.push(`${n}: child ${a}, head ${headAge}`);
        if ((rel === '11' || rel === '12') && a - headAge < 18) problems.push(`${n}: parent ${a}, head ${headAge}`);
        if (['07', '08', '09', '10'].includes(rel) && headAge - a < 36) problems.push(`${n}: grandchild ${a}, head ${headAge}`);
        if (['02', '05', '06'].includes(rel) && a < 20) problems.push(`${n}: ${rel} aged ${a}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives couples different surnames and the surname of the father to the children', () => {
    for (const h of households) {
      const surnameOf = (rel: string) => h.members.find((m) => m.record.relationship === rel)?.record.name!.slice(0, 1);
      const head = h.members[0]!.record;
      const surname = head.name!.slice(0, 1);
      const son = surnameOf('03');
      for (const { record: p } of h.members.slice(1)) {
        if (p.relationship === '02') expect(p.name!.slice(0, 1)).not.toBe(surname);
        // a daughter-in-law is of another lineage than her husband (the head's son)
        if (p.relationship === '05') expect(p.name!.slice(0, 1)).not.toBe(son);
        if (head.sex === '1' && ['03', '04', '07', '08', '11'].includes(p.relationship!)) expect(p.name!.slice(0, 1)).toBe(surname);
      }
    }
  });

  it('has a realistic size: mean 3.8–4.8, some single old people, few very large homes', () => {
    const mean = households.reduce((s, h) => s + h.members.length, 0) / households.length;
    expect(mean).toBeGreaterThan(3.8);
    expect(mean).toBeLessThan(4.8);
    const singleOld = share((h) => h.members.length === 1 && age(h.members[0]!.record.birthDate) >= 60);
    expect(singleOld).toBeGreaterThan(0.04);
    expect(singleOld).toBeLessThan(0.09);
    expect(share((h) => h.members.length >= 9)).toBeLessThan(0.01);
  });

  it('joins members born or married in after identification on that date, with the reason', () => {
    for (const h of households) {
      for (const m of h.members) {
        expect(m.fromDate >= h.record.firstIdentifiedDate!).toBe(true);
        if (m.record.birthDate! > h.record.firstIdentifiedDate!) {
          expect(m.fromDate).toBe(m.record.birthDate);
          expect(m.joinReason).toBe('06');
        }
        if (m.joinReason === null) expect(m.fromDate).toBe(h.record.firstIdentifiedDate);
      }
    }
  });
});

describe('demo county: members', () => {
  it('fills exactly one of 文化程度 and 在校生状况, with children of compulsory age in school', () => {
    const problems: string[] = [];
    for (const h of households) {
      for (const { record: p } of h.members) {
        const a = age(p.birthDate);
        if ((p.education === null) === (p.studentStatus === null)) problems.push(`${p.idNumber}: 文化程度 ${p.education}, 在校生状况 ${p.studentStatus}`);
        // a seven-year-old born after the school-year cut-off may still be in 学前教育
        if (a >= 8 && a <= 15 && !(Number(p.studentStatus) >= 3)) problems.push(`${p.idNumber}: aged ${a}, 在校生状况 ${p.studentStatus}`);
        if (a > 23 && p.studentStatus !== null) problems.push(`${p.idNumber}: aged ${a} in school`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses only codes of the tables of the data year', () => {
    const problems = new Set<string>();
    const check = (table: CodeField, code: string | null) => {
      if (code !== null && !isKnownCode(table, code, YEAR)) problems.add(`${table}=${code}`);
    };
    for (const h of households) {
      check('attribute', h.record.attribute);
      check('cause', h.record.mainCause);
      h.record.otherCauses.forEach((c) => check('cause', c));
      check('exitStatus', h.record.exitStatus);
      check('householdType', h.record.householdType);
      check('identificationStandard', h.record.identificationStandard);
      for (const { record: p } of h.members) {
        check('relationship', p.relationship);
        check('labourSkill', p.labourSkill);
        check('politicalStatus', p.politicalStatus);
        check('sex', p.sex);
        check('education', p.education);
        check('studentStatus', p.studentStatus);
        check('disabilityCategory', p.disabilityCategory);
        check('disabilityGrade', p.disabilityGrade);
        p.health.forEach((c) => check('health', c));
      }
      for (const c of h.conditions) {
        check('roadType', c.roadType);
        check('housingStructure', c.housingStructure);
        check('dilapidationGrade', c.dilapidationGrade);
        check('fuel', c.fuelType);
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('has more illness and disability among the old than the young', () => {
    const people = households.flatMap((h) => h.members.map((m) => m.record));
    const unhealthy = (from: number, to: number) => {
      const group = people.filter((p) => age(p.birthDate) >= from && age(p.birthDate) <= to);
      return group.filter((p) => !p.health.includes('01')).length / group.length;
    };
    expect(unhealthy(0, 15)).toBeLessThan(0.06);
    expect(unhealthy(60, 120)).toBeGreaterThan(0.3);
    expect(unhealthy(60, 120)).toBeGreaterThan(3 * unhealthy(16, 44));
  });

  it('sends some working-age adults away for work, with months and a place', () => {
    const adults = households.flatMap((h) => h.members.map((m) => m.record)).filter((p) => age(p.birthDate) >= 18 && age(p.birthDate) <= 55);
    const migrants = adults.filter((p) => (p.migrantMonths ?? 0) > 0);
    expect(migrants.length / adults.length).toBeGreaterThan(0.15);
    expect(migrants.length / adults.length).toBeLessThan(0.5);
    expect(migrants.filter((p) => p.migrantPlace !== null).length / migrants.length).toBeGreaterThan(0.97);
  });
});

describe('demo county: households', () => {
  it('has realistic shares of 一般/低保/特困', () => {
    expect(share((h) => h.record.attribute === '1')).toBeGreaterThan(0.6);
    expect(share((h) => h.record.attribute === '1')).toBeLessThan(0.78);
    expect(share((h) => h.record.attribute === '2')).toBeGreaterThan(0.18);
    expect(share((h) => h.record.attribute === '2')).toBeLessThan(0.34);
    expect(share((h) => h.record.attribute === '3')).toBeGreaterThan(0.02);
    expect(share((h) => h.record.attribute === '3')).toBeLessThan(0.08);
  });

  it('has realistic main causes, each backed by the members', () => {
    const cause = (c: string) => share((h) => h.record.mainCause === c);
    expect(cause('09')).toBeGreaterThan(0.2); // 缺资金
    expect(cause('09')).toBeLessThan(0.36);
    expect(cause('01')).toBeGreaterThan(0.15); // 因病
    expect(cause('01')).toBeLessThan(0.3);
    expect(cause('07')).toBeGreaterThan(0.1); // 缺技术
    expect(cause('03')).toBeGreaterThan(0.05); // 因学
    expect(cause('08')).toBeGreaterThan(0.03); // 缺劳力
    expect(cause('02')).toBeGreaterThan(0.03); // 因残
    for (const h of households) {
      const health = h.members.flatMap((m) => m.record.health);
      if (h.record.mainCause === '01') expect(health.some((x) => x === '02' || x === '03')).toBe(true);
      if (h.record.mainCause === '02') expect(health).toContain('04');
      if (h.record.mainCause === '03') expect(h.members.some((m) => Number(m.record.studentStatus) >= 3)).toBe(true);
      expect(h.record.otherCauses).not.toContain(h.record.mainCause);
    }
  });

  it('has 低保 and 特困 members exactly where the attribute says so, and no labourer in a 特困 home', () => {
    for (const h of households) {
      const dibao = h.members.filter((m) => m.record.receivesDibao).length;
      const wubao = h.members.filter((m) => m.record.receivesWubao).length;
      if (h.record.attribute === '1') expect(dibao + wubao).toBe(0);
      if (h.record.attribute === '2') expect(dibao).toBeGreaterThan(0);
      if (h.record.attribute === '3') {
        expect(wubao).toBe(h.members.length);
        expect(h.members.every((m) => ['03', '04'].includes(m.record.labourSkill!))).toBe(true);
      }
    }
  });

  it('identifies most households in 2014 and exits most by 2019–2020, a few returning to poverty', () => {
    expect(share((h) => h.record.firstIdentifiedDate!.startsWith('2014'))).toBeGreaterThan(0.75);
    expect(share((h) => h.record.exitStatus === '1')).toBeGreaterThan(0.9);
    expect(share((h) => (h.record.exitYear ?? 0) >= 2019)).toBeGreaterThan(0.45);
    expect(share((h) => h.record.exitStatus === '3')).toBeGreaterThan(0);
    for (const h of households) {
      if (h.record.exitYear !== null) expect(h.record.exitYear).toBeGreaterThan(Number(h.record.firstIdentifiedDate!.slice(0, 4)));
      expect(h.record.householdType).toBe(h.record.exitStatus === '1' ? '2' : '1');
    }
  });

  it('keeps conditions and income for every year, exited households above the line and poor ones below it', () => {
    let poorYears = 0;
    let poorAbove = 0;
    const problems: string[] = [];
    for (const h of households) {
      const first = Number(h.record.firstIdentifiedDate!.slice(0, 4));
      const years = Array.from({ length: YEAR - first + 1 }, (_, i) => first + i).join();
      if (h.conditions.map((c) => c.dataYear).join() !== years || h.incomes.map((c) => c.year).join() !== years) {
        problems.push(`${h.record.householdNumber}: years`);
      }
      for (const c of h.conditions) {
        if (!(c.farmlandArea! >= 5 && c.farmlandArea! <= 40)) problems.push(`${h.record.householdNumber}: 耕地 ${c.farmlandArea}`);
        if (c.irrigatedArea! > c.farmlandArea!) problems.push(`${h.record.householdNumber}: 灌溉 > 耕地`);
      }
      for (const income of h.incomes) {
        const pc = perCapitaNetIncomeFen(income, h.sizes[income.year]!)! / 100;
        const params = defaultYearParams(income.year);
        const exitedThen = h.record.exitYear !== null && income.year >= h.record.exitYear && h.record.exitStatus === '1';
        if (exitedThen && pc < params.exitIncomeTarget!) problems.push(`${h.record.householdNumber}: ${income.year} 人均 ${pc} after exit`);
        if (h.record.attribute === '1' && (h.record.exitYear === null || income.year < h.record.exitYear)) {
          poorYears += 1;
          if (pc >= params.povertyLineNbs!) poorAbove += 1;
        }
      }
      const last = h.conditions.at(-1)!;
      if (h.record.exitStatus === '1' && (last.isDilapidated || last.waterDifficulty)) problems.push(`${h.record.householdNumber}: exited with 危房 or 饮水困难`);
    }
    expect(problems).toEqual([]);
    // 一般 households live on their own earnings: below the line while poor (低保 and 特困 payments
    // can lift a household above it before it meets 两不愁三保障 and exits)
    expect(poorAbove / poorYears).toBeLessThan(0.02);
  });

  it('gives most households an 11-digit phone and a 信用社 account', () => {
    expect(share((h) => /^1\d{10}$/.test(h.record.phone ?? ''))).toBeGreaterThan(0.95);
    expect(households.every((h) => h.record.bank === '甘肃省农村信用社' && /^\d{19}$/.test(h.record.bankAccount!))).toBe(true);
  });

  it('writes complete records: every field of the forms is present', () => {
    const keys = (r: object) => Object.keys(r).sort();
    const h = households[0]!;
    expect(keys(h.record)).toEqual(expect.arrayContaining(keys(emptyRecord(HOUSEHOLD_FIELDS))));
    expect(keys(h.members[0]!.record)).toEqual(expect.arrayContaining(keys(emptyRecord(PERSON_FIELDS))));
    expect(keys(h.conditions[0]!)).toEqual(keys(emptyRecord(CONDITIONS_FIELDS)));
    expect(keys(h.incomes[0]!)).toEqual(keys(emptyIncomeRecord(YEAR)));
  });
});

describe('demo county: quality', () => {
  it('passes every blocking rule and has a modest share of households with warnings', () => {
    const params = defaultYearParams(YEAR);
    let warned = 0;
    const errors: string[] = [];
    for (const h of households) {
      const findings = runQualityRules({
        household: h.record,
        members: h.members.map((m) => m.record),
        conditions: h.conditions.at(-1)!,
        income: h.incomes.at(-1)!,
        year: YEAR,
        params,
        // ages as at the end of the data year: the snapshot the records describe
        asOf: `${YEAR}-12-31`,
      });
      for (const f of findings) if (f.severity === 'error') errors.push(`${h.record.householdNumber}: ${f.ruleCode} ${f.message}`);
      if (findings.length > 0) warned += 1;
    }
    expect(errors).toEqual([]);
    expect(warned / households.length).toBeGreaterThan(0.01);
    expect(warned / households.length).toBeLessThan(0.06);
  });
});

describe('demo county: villages', () => {
  it('makes about six in ten villages poor, some of them 深度贫困村, and no community', () => {
    const villages = county.villages.filter((v) => !v.name.endsWith('社区'));
    const poor = villages.filter((v) => v.record.attribute === '1' || v.record.attribute === '3').length / villages.length;
    expect(poor).toBeGreaterThan(0.55);
    expect(poor).toBeLessThan(0.8);
    expect(villages.some((v) => v.record.attribute === '3')).toBe(true);
    expect(county.villages.filter((v) => v.name.endsWith('社区')).every((v) => v.record.attribute === '2')).toBe(true);
  });

  it('gives every village 3–9 社 and every household one of the 社 of its village', () => {
    const groups = new Map(county.villages.map((v) => [v.code, v.groups]));
    for (const v of county.villages) {
      expect(v.groups.length).toBeGreaterThanOrEqual(3);
      expect(v.groups.length).toBeLessThanOrEqual(9);
      expect(v.groups.every((g) => /^[一二三四五六七八九]社$/.test(g))).toBe(true);
      expect(v.record.groupCount).toBe(v.groups.length);
    }
    for (const h of households) expect(groups.get(h.regionCode)).toContain(h.record.groupName);
  });

  it('counts the registered households and persons of each village on its form', () => {
    for (const v of county.villages) {
      const mine = households.filter((h) => h.regionCode === v.code);
      expect(v.record.householdCount!).toBeGreaterThanOrEqual(mine.length);
      expect(v.record.wubaoHouseholdCount).toBe(mine.filter((h) => h.record.attribute === '3').length);
    }
  });
});
