import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { family } from '../helpers/households';

const VILLAGE = '620422100201';
let t: TestStation;
let admin: string;
beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
});
afterEach(() => t.close());

describe('year parameters and code tables are editable data that the rules and lists use', () => {
  it('a raised poverty line makes an exited household with income under it a finding', async () => {
    const f = family(VILLAGE, '刘富', { exitStatus: '1', exitYear: 2019 });
    f.income.productionIncome = 24000; // (24000 - 2500 + 700) / 4 = 5550 per person
    const input = { id: null, regionCode: VILLAGE, ...f };
    const before = await ok(t.station, 'registry.validateHousehold', input, admin);
    expect(before.filter((x) => x.field === 'productionIncome' || /人均纯收入/.test(x.message))).toEqual([]);
    const { params } = await ok(t.station, 'reference.yearParams', { year: 2020 }, admin);
    expect(params.povertyLineNbs).toBe(4000);
    const { year: _y, unconfirmed: _u, ...rest } = params;
    const saved = await ok(t.station, 'reference.saveYearParams', { year: 2020, params: { ...rest, povertyLineNbs: 6000 } }, admin);
    expect(saved).toMatchObject({ stored: true, params: { povertyLineNbs: 6000 } });
    const after = await ok(t.station, 'registry.validateHousehold', input, admin);
    expect(after.some((x) => /人均纯收入/.test(x.message))).toBe(true);
  });

  it('refuses inconsistent parameters and non-administrators', async () => {
    const { params } = await ok(t.station, 'reference.yearParams', { year: 2018 }, admin);
    const { year: _y, unconfirmed: _u, ...rest } = params;
    const bad = await callApi(t.station, 'reference.saveYearParams', { year: 2018, params: { ...rest, smallLoan: { ...rest.smallLoan, minAge: 70 } } }, admin);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    await ok(t.station, 'users.create', { username: 'clerk', displayName: '录入员', role: 'clerk', scopeCode: '620422000000', password: 'Clerk1234' }, admin);
    const clerk = await loginAs(t.station, 'clerk', 'Clerk1234');
    expect(await callApi(t.station, 'reference.saveYearParams', { year: 2018, params: rest }, clerk)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    expect(await callApi(t.station, 'reference.saveCode', { field: 'cause', year: 2020, code: '09', label: 'x', retired: false }, clerk)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
  });

  it('a relabelled code shows in lists, and an [U] entry is marked as unconfirmed', async () => {
    await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: VILLAGE, ...family(VILLAGE, '陈实') }, admin);
    const table = await ok(t.station, 'reference.saveCode', { field: 'cause', year: 2020, code: '09', label: '缺发展资金', retired: false }, admin);
    expect(table.entries.find((e) => e.code === '09')).toMatchObject({ label: '缺发展资金', edited: true });
    const rows = (await ok(t.station, 'registry.searchHouseholds', {}, admin)).rows;
    expect(rows[0]!.mainCauseLabel).toBe('缺发展资金');
    const exit = await ok(t.station, 'reference.codeTable', { field: 'exitStatus', year: 2020 }, admin);
    expect(exit.entries.find((e) => e.code === '2')).toMatchObject({ unconfirmed: true });
    const audit = await ok(t.station, 'audit.list', { action: 'reference.saveCode', offset: 0, limit: 5 }, admin);
    expect(audit.total).toBe(1);
  });
});
