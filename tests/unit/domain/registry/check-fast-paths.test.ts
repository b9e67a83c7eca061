// The county import's check phase takes shortcuts (yuanToFen without a string, code tables
// indexed once, recent ID answers kept, records completed from a template, forms normalised in
// place). Each is checked here against the plain way it replaced, on ordinary and odd input: the
// shortcut must give the same answer, not a close one.
import { describe, expect, it } from 'vitest';
import { yuanToFen } from '../../../../electron/core/domain/registry/income';
import { codeTable, DEFAULT_CODE_TABLES, entryOf, groupOf, type CodeTableDefinition } from '../../../../electron/core/domain/registry/code-tables';
import { ageOn, checkIdNumber, idInfoOf, makeIdNumber } from '../../../../electron/core/domain/registry/id-number';
import { healthGroups, isDisabled, isHealthy, isSick, isUnhealthy } from '../../../../electron/core/domain/registry/person-facts';
import { CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS, type FieldSpec } from '../../../../electron/core/domain/registry/field-specs';
import { emptyPersonRecord } from '../../../../electron/core/domain/registry/record-defaults';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../../../electron/core/domain/registry/types';
import { completeForm, type HouseholdForm } from '../../../../electron/core/services/registry/quality-check';
import { normalizeForm, type SaveHouseholdInput } from '../../../../electron/core/services/registry/households-write';
import { normalizeIdNumber } from '../../../../electron/core/domain/registry/id-number';

/** yuanToFen as it was: always through toPrecision(15). */
function slowYuanToFen(yuan: number | null | undefined): number | null {
  if (yuan == null || !Number.isFinite(yuan)) return null;
  const fen = Number((Math.abs(yuan) * 100).toPrecision(15));
  return Math.sign(yuan) * Math.round(fen) || 0;
}

describe('yuanToFen fast path', () => {
  it('gives the slow answer for whole, two-decimal, noisy, tiny, huge and odd amounts', () => {
    const values = [
      0, -0, 1, -1, 2995, -2995, 0.1, 0.2, 0.1 + 0.2, -(0.1 + 0.2), 1.005, -1.005, 1.004, 1.015, 0.125, -0.125, 0.001, -0.001, 0.005, -0.005,
      0.0049999, 1e-9, -1e-9, 12.34, 19.99, 4.35, 1234567.89, 9999999999.99, 9999999999.995, 1e10, 1e12 / 100 - 0.01, 1e12 / 100, 1e12, 1e15, 1e21,
      -1e21, 123456789012345.67, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 2 ** -1074, 0.3 - 0.1, 100.00000000001, 99.999999999,
    ];
    for (let i = 0; i < 20000; i++) {
      values.push(Math.round(Math.random() * 2e7 - 1e7) / 100); // two decimals, both signs
      values.push((Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 14)); // anything
    }
    for (const v of values) expect([v, yuanToFen(v)]).toEqual([v, slowYuanToFen(v)]);
  });

  it('never returns negative zero', () => {
    for (const v of [-0, -0.001, -0.004, -1e-9]) expect(Object.is(yuanToFen(v), 0)).toBe(true);
  });

  it('still refuses what it refused: NaN, infinities, strings (with or without commas)', () => {
    for (const v of [NaN, Infinity, -Infinity, '1,000', '12.5', '']) expect(yuanToFen(v as number)).toBeNull();
  });
});

describe('code tables indexed once per tables array', () => {
  it('finds what a scan of the tables finds, for every field, year and code', () => {
    for (const def of DEFAULT_CODE_TABLES) {
      for (const year of [2013, 2014, 2017, 2019, 2021, 2030]) {
        const table = codeTable(def.field, year);
        for (const e of table) expect(entryOf(def.field, e.code, year)).toBe(table.find((x) => x.code === e.code));
        expect(entryOf(def.field, 'no-such-code', year)).toBeUndefined();
        expect(entryOf(def.field, null, year)).toBeUndefined();
      }
    }
  });

  it('keeps the first entry of a code listed twice and the latest definition in force, per array', () => {
    const tables: CodeTableDefinition[] = [
      { field: 'sex', from: '2014-2016', entries: [{ code: '1', label: '男', group: 'a' }] },
      { field: 'sex', from: '2019-2020', entries: [{ code: '1', label: '男性', group: 'b' }, { code: '1', label: '重复', group: 'c' }] },
      { field: 'sex', from: '2019-2020', entries: [{ code: '1', label: '后定义', group: 'd' }] },
    ];
    expect(groupOf('sex', '1', 2018, tables)).toBe('a');
    expect(groupOf('sex', '1', 2020, tables)).toBe('d');
    const other = [tables[0]!, tables[1]!];
    expect(groupOf('sex', '1', 2020, other)).toBe('b');
    expect(groupOf('sex', '1', 2020)).toBeUndefined();
  });
});

describe('recent ID answers', () => {
  it('are the check’s answers, frozen, and survive the cache being emptied', () => {
    const ids = Array.from({ length: 1500 }, (_, i) => makeIdNumber('620422', `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, i % 1000));
    ids.push('', 'X', '62042219800101001', '620422800101001', '62042219800101001X', '６２０４２２１９８００１０１００１５', '000000000000000000');
    for (let round = 0; round < 2; round++) {
      for (const raw of ids) {
        const check = checkIdNumber(raw);
        const info = idInfoOf(raw);
        expect(info).toEqual(check.ok ? check.info : (check.info ?? null));
        if (info) expect(Object.isFrozen(info)).toBe(true);
        expect(idInfoOf(raw)).toBe(info);
      }
    }
  });

  it('ask the check again when given options', () => {
    const id = makeIdNumber('620422', '2020-05-01', '011');
    expect(idInfoOf(id)?.birthDate).toBe('2020-05-01');
    expect(idInfoOf(id, { asOf: '2019-12-31' })).toBeNull();
  });
});

describe('ageOn', () => {
  const slowAgeOn = (birthDate: string, asOf: string): number => {
    const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
    const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
    let age = ay - by;
    if (am < bm || (am === bm && ad < bd)) age -= 1;
    return age;
  };
  it('reads well-formed and odd dates as split did', () => {
    const dates = ['1990-03-15', '2000-02-29', '2018-12-31', '1990-3-5', '-199-01-01', '1990-0a-01', '19900315', '', '1990-03-15T00', '０１９９-03-15'];
    for (const b of dates) for (const a of ['2018-12-31', '2019-03-15', '2019-3-1', 'x']) expect([b, a, ageOn(b, a)]).toEqual([b, a, slowAgeOn(b, a)]);
  });
});

describe('health predicates without the groups array', () => {
  it('agree with healthGroups for every combination of codes', () => {
    const codes = [...codeTable('health', 2018).map((e) => e.code), '99'];
    const lists: string[][] = [[]];
    for (const a of codes) {
      lists.push([a]);
      for (const b of codes) lists.push([a, b]);
    }
    for (const health of lists) {
      const p: PersonRecord = { ...emptyPersonRecord(), health };
      const g = healthGroups(p, 2018);
      expect([health, isUnhealthy(p, 2018)]).toEqual([health, g.some((x) => x !== 'healthy')]);
      expect([health, isHealthy(p, 2018)]).toEqual([health, g.length > 0 && g.every((x) => x === 'healthy')]);
      expect([health, isDisabled(p, 2018)]).toEqual([health, g.includes('disabled')]);
      expect([health, isSick(p, 2018)]).toEqual([health, g.some((x) => x === 'chronic' || x === 'serious')]);
    }
  });
});

// completeForm / normalizeForm as they were, to compare shapes and key orders with
type Defaults = Readonly<Record<string, () => unknown>>;
function slowComplete(specs: readonly FieldSpec[], record: object, defaults: Defaults): Record<string, unknown> {
  const cleaned = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  const merged: Record<string, unknown> = { ...Object.fromEntries(Object.entries(defaults).map(([k, f]) => [k, f()])), ...cleaned };
  const empty: Record<string, unknown> = Object.fromEntries(specs.map((s) => [s.key, s.kind === 'codes' ? [] : null]));
  return { ...empty, ...merged };
}
function slowCompleteForm(form: HouseholdForm): HouseholdForm {
  return {
    household: slowComplete(HOUSEHOLD_FIELDS, form.household, { otherCauses: () => [], relocation: () => null }) as unknown as HouseholdRecord,
    members: form.members.map((m) => ({ personId: m.personId, record: slowComplete(PERSON_FIELDS, m.record, { health: () => [] }) as unknown as PersonRecord })),
    conditions: form.conditions ? (slowComplete(CONDITIONS_FIELDS, form.conditions, {}) as unknown as ConditionsRecord) : null,
    income: form.income ? (slowComplete(INCOME_FIELDS, form.income, {}) as unknown as IncomeRecord) : null,
  };
}
function slowNormalize(input: SaveHouseholdInput): HouseholdForm {
  const form = slowCompleteForm(input);
  const members = form.members.map(({ personId, record }) => {
    const idNumber = record.idNumber ? normalizeIdNumber(record.idNumber) : null;
    const info = idNumber ? idInfoOf(idNumber) : null;
    return { personId, record: { ...record, idNumber, birthDate: record.birthDate ?? info?.birthDate ?? null, sex: record.sex ?? info?.sex ?? null } };
  });
  const head = members.find((m) => m.record.relationship === '01');
  return {
    ...form,
    household: {
      ...form.household,
      regionCode: input.regionCode,
      headName: head?.record.name ?? form.household.headName,
      headIdNumber: head?.record.idNumber ?? (form.household.headIdNumber ? normalizeIdNumber(form.household.headIdNumber) : null),
      householdSize: members.length,
    },
    members,
    conditions: form.conditions ? { ...form.conditions, dataYear: form.conditions.dataYear ?? form.household.dataYear } : null,
    income: form.income,
  };
}

/** JSON keeps key order, so equal strings mean equal stored documents. */
const same = (a: unknown, b: unknown): void => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

function sampleInput(): SaveHouseholdInput {
  const head = makeIdNumber('620422', '1970-05-04', '013');
  return {
    id: null,
    regionCode: '620422100201',
    // sparse records as files and API inputs give them: missing fields, undefined ones, fields
    // in another order, fields no spec knows, a default-only field given
    household: { dataYear: 2020, householdNumber: 'H1', headIdNumber: ' ６２０４２２１９７０ ', mainCause: undefined, extraNote: 'x', relocation: { mode: '1' } } as never,
    members: [
      { personId: null, record: { relationship: '02', name: '妻', idNumber: makeIdNumber('620422', '1972-01-01', '024').toLowerCase() } as never },
      { personId: 'p1', record: { name: '户主', relationship: '01', idNumber: head, sex: '2', birthDate: undefined, health: ['01'], labelsAsPrinted: { sex: '女' } } as never },
      { personId: null, record: { relationship: '03', idNumber: '12345', otherField: 1 } as never },
      { personId: null, record: {} as never },
    ],
    leaving: [],
    conditions: { housingArea: 80, dataYear: null } as never,
    income: { wageIncome: 1000.5, year: 2020, unknownAmount: 3 } as never,
  };
}

describe('records completed from a template', () => {
  it('have the keys, order and values the spread chain gave, and share no lists', () => {
    const input = sampleInput();
    const fast = completeForm(input);
    same(fast, slowCompleteForm(input));
    const again = completeForm(input);
    expect(again.household.otherCauses).not.toBe(fast.household.otherCauses);
    expect(again.members[0]!.record.health).not.toBe(fast.members[0]!.record.health);
    expect(fast.household).not.toBe(input.household);
  });

  it('ignore inherited fields, as the own-property checks did', () => {
    const record = Object.create({ name: 'inherited', idNumber: '1' }) as Record<string, unknown>;
    record.relationship = '01';
    const form = completeForm({ household: { dataYear: 2020 } as never, members: [{ personId: null, record: record as never }], conditions: null, income: null });
    expect(form.members[0]!.record.name).toBeNull();
    expect(form.members[0]!.record.idNumber).toBeNull();
  });
});

describe('normalizeForm in place', () => {
  it('stores what the copying version stored and leaves the input alone', () => {
    const input = sampleInput();
    const before = JSON.stringify(input);
    const fast = normalizeForm(input);
    expect(JSON.stringify(input)).toBe(before);
    same(fast, slowNormalize(input));
    expect(fast.household.headName).toBe('户主');
    expect(fast.household.householdSize).toBe(4);
    expect(fast.conditions?.dataYear).toBe(2020);
  });

  it('keeps the household’s own head fields when no member is 户主', () => {
    const input = sampleInput();
    input.members = input.members.filter((m) => m.record.relationship !== '01');
    same(normalizeForm(input), slowNormalize(input));
  });
});
