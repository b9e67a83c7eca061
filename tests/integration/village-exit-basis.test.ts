import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { family } from '../helpers/households';

// The figures behind a village's poverty incidence (workflow.villageExit's basis), as the 村信息
// page shows them: poor households and their persons at the year's end, and the form's population.
const HUISHI_VILLAGE = '620422100201';

let t: TestStation;
let admin: string;
beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
});
afterEach(() => t.close());

const poorFamily = async (headName: string) => (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, headName) }, admin)).id;

describe('workflow.villageExit basis', () => {
  it('counts the poor households and their members at the year end, and the population the rate divides by', async () => {
    await poorFamily('张建国');
    await poorFamily('王有才');
    let v = await ok(t.station, 'workflow.villageExit', { regionCode: HUISHI_VILLAGE, year: 2020 }, admin);
    // Without a form there is no population: the counts are still given, the rate is not.
    expect(v.basis).toEqual({ date: '2020-12-31', poorHouseholds: 2, poorPersons: 8, population: null });
    expect(v.results[0]).toMatchObject({ code: 'incidence', passed: false, value: null });

    await ok(t.station, 'registry.saveVillage', { regionCode: HUISHI_VILLAGE, fields: { householdCount: 100, populationCount: 400 } }, admin);
    v = await ok(t.station, 'workflow.villageExit', { regionCode: HUISHI_VILLAGE, year: 2020 }, admin);
    expect(v.basis).toEqual({ date: '2020-12-31', poorHouseholds: 2, poorPersons: 8, population: 400 });
    expect(v.results[0]!.value).toBe('2.00%（贫困人口 8 人 / 总人口 400 人）');

    // Before they were identified (2014-06-01) nobody was poor.
    expect((await ok(t.station, 'workflow.villageExit', { regionCode: HUISHI_VILLAGE, year: 2013 }, admin)).basis).toMatchObject({ poorHouseholds: 0, poorPersons: 0 });
    // The county's basis adds its villages up.
    expect((await ok(t.station, 'workflow.countyExit', { year: 2020 }, admin)).basis).toMatchObject({ poorHouseholds: 2, poorPersons: 8 });
  });

  it('refuses a code that is not a village', async () => {
    const r = await callApi(t.station, 'workflow.villageExit', { regionCode: '620422100000', year: 2020 }, admin);
    expect(r.ok === false && r.error.message).toContain('不是村（社区）的区划代码');
  });
});
