import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoCounty } from '../../electron/core/demo/fill-county';
import { checkVillageRecord } from '../../electron/core/domain/registry/village-form';
import { errorsOf } from '../../electron/core/domain/assistance/violations';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';

// The village form (贫困村信息采集表) through the router: a demo village's stored form opens and
// saves one field; a village without a form opens empty and saves; impossible counts and bad types
// are refused with the field named, nothing written; another township's clerk is refused.

const TOWNSHIP = '620422100000'; // 会师镇
const OTHER_TOWNSHIP = '620422101000';

let ts: TestStation;
let admin: string;
let clerk: string;
const one = <T>(sql: string, ...p: unknown[]): T => ts.station.db.$client.prepare(sql).get(...p) as T;

beforeAll(async () => {
  ts = await makeStation();
  fillDemoCounty(ts.station, { households: 60, seed: 5, townships: 1 });
  admin = await loginAs(ts.station, ADMIN.username, ADMIN.password);
  await ok(ts.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: TOWNSHIP, password: 'Clerk1234' }, admin);
  clerk = await loginAs(ts.station, 'clerk', 'Clerk1234');
}, 60_000);
afterAll(() => ts?.close());

describe('the village form', () => {
  it('passes for every village form the demo county generates, the tiny e2e county too (a part never exceeds its whole)', async () => {
    const tiny = await makeStation();
    fillDemoCounty(tiny.station, { households: 24, seed: 1 });
    try {
      for (const station of [ts.station, tiny.station]) {
        const rows = station.db.$client.prepare('SELECT region_code AS code, record FROM villages').all() as { code: string; record: string }[];
        expect(rows.length).toBeGreaterThan(10);
        for (const r of rows) {
          const record = JSON.parse(r.record) as Record<string, unknown>;
          expect(errorsOf(checkVillageRecord(record, { year: record.dataYear as number })), r.code).toEqual([]);
        }
      }
    } finally {
      tiny.close();
    }
  });

  it('opens a demo village\'s form and saves a changed field in one audited write, keeping the others', async () => {
    const code = one<{ code: string }>("SELECT region_code AS code FROM villages WHERE region_code LIKE '620422100%' LIMIT 1").code;
    const before = await ok(ts.station, 'registry.village', { regionCode: code }, clerk);
    expect(before.stored).toBe(true);
    expect(before.record.populationCount).toBeGreaterThan(0);
    expect(before.groups.length).toBeGreaterThan(0);
    const audits = one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'registry.village.save'").n;

    const saved = await ok(ts.station, 'registry.saveVillage', { regionCode: code, fields: { leaderName: '马明德', phone: '13909431234', cooperativeCount: 4 } }, clerk);
    expect(saved.record).toMatchObject({ leaderName: '马明德', phone: '13909431234', cooperativeCount: 4, populationCount: before.record.populationCount });
    const stored = JSON.parse(one<{ record: string }>('SELECT record FROM villages WHERE region_code = ?', code).record);
    expect(stored.leaderName).toBe('马明德');
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'registry.village.save'").n).toBe(audits + 1);
  });

  it('refuses counts that cannot both be true and values of the wrong type, naming the field, and writes nothing', async () => {
    const code = one<{ code: string }>("SELECT region_code AS code FROM villages WHERE region_code LIKE '620422100%' LIMIT 1 OFFSET 1").code;
    const before = one<{ record: string }>('SELECT record FROM villages WHERE region_code = ?', code).record;
    const households = JSON.parse(before).householdCount as number;
    const cases: [Record<string, unknown>, string][] = [
      [{ dibaoHouseholdCount: households + 1 }, `「低保户数」：${households + 1} 大于「总户数」${households}`],
      [{ irrigatedArea: 500, farmlandArea: 300 }, '「有效灌溉面积（亩）」：500 大于「耕地面积（亩）」300'],
      [{ womenCount: -3 }, '「妇女人口」：应为不小于 0 的整数'],
      [{ partyMemberCount: 2.5 }, '「中共党员人数」：应为不小于 0 的整数'],
      [{ longitude: 36.1, latitude: 105.0 }, '「经度」：经度应在 73–136 之间'],
      [{ attribute: '9' }, '「村属性」：「9」不是代码表中的值'],
      [{ phone: '打给村委会' }, '「联系电话」：应为 11 位手机号或带区号的固定电话'],
      [{ hasBusService: '是' }, '「是否通客运班车」：应为「是」或「否」'],
    ];
    for (const [fields, message] of cases) {
      const r = await callApi(ts.station, 'registry.saveVillage', { regionCode: code, fields }, clerk);
      expect(r.ok, JSON.stringify(fields)).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('INVALID_INPUT');
        expect(r.error.message).toContain(message);
      }
    }
    expect(one<{ record: string }>('SELECT record FROM villages WHERE region_code = ?', code).record).toBe(before);
  });

  it('opens a village without a form empty, named after its division, and stores the first save', async () => {
    const code = one<{ code: string }>(
      "SELECT code FROM regions WHERE level = 'village' AND code LIKE '620422100%' AND code NOT IN (SELECT region_code FROM villages) LIMIT 1",
    )?.code;
    if (!code) {
      // Every village of the township has a demo form: take one away to have an empty one.
      const any = one<{ code: string }>("SELECT region_code AS code FROM villages WHERE region_code LIKE '620422100%' ORDER BY region_code DESC LIMIT 1").code;
      ts.station.db.$client.prepare('DELETE FROM villages WHERE region_code = ?').run(any);
      return checkEmpty(any);
    }
    return checkEmpty(code);
  });

  it('refuses another township\'s village and a code that is not a village', async () => {
    const other = one<{ code: string }>("SELECT code FROM regions WHERE parent_code = ? AND level = 'village' LIMIT 1", OTHER_TOWNSHIP).code;
    const theirs = await callApi(ts.station, 'registry.village', { regionCode: other }, clerk);
    expect(theirs.ok).toBe(false);
    if (!theirs.ok) expect(theirs.error.kind).toBe('SCOPE_DENIED');
    const township = await callApi(ts.station, 'registry.village', { regionCode: TOWNSHIP }, admin);
    expect(township.ok).toBe(false);
    if (!township.ok) expect(township.error.message).toContain('不是本库中的村级区划代码');
  });
});

async function checkEmpty(code: string): Promise<void> {
  const name = one<{ name: string }>('SELECT name FROM regions WHERE code = ?', code).name;
  const empty = await ok(ts.station, 'registry.village', { regionCode: code }, clerk);
  expect(empty).toMatchObject({ stored: false, updatedAt: null, warnings: [] });
  expect(empty.record).toMatchObject({ regionCode: code, name, populationCount: null, disastersLastYear: [] });
  const saved = await ok(ts.station, 'registry.saveVillage', { regionCode: code, fields: { attribute: '1', householdCount: 120, populationCount: 480, dibaoHouseholdCount: 12, dibaoPersonCount: 30 } }, clerk);
  expect(saved.stored).toBe(true);
  expect(saved.record).toMatchObject({ attribute: '1', householdCount: 120, populationCount: 480 });
  expect(JSON.parse(one<{ record: string }>('SELECT record FROM villages WHERE region_code = ?', code).record).dibaoPersonCount).toBe(30);
}
