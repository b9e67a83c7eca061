// 村信息's status summary through the router on a real station file: a village whose households'
// events put them in every status on different dates (identified, exited, 返贫, applying, removed,
// monitored), counted on two dates; the same figures as the 统计表 of that date; a clerk of another
// township refused. The history is written as the rows the workflows leave (households and their
// events): running five years of cases through the router here would test the workflows, which
// have their own tests, rather than the count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, HUISHI, HUISHI_VILLAGE, OTHER_TOWNSHIP, type TestStation } from '../helpers/station';
import { statisticsData } from '../../electron/core/services/printing/statistics';

let t: TestStation;
let clerk: string;
let otherClerk: string;
let viewer: string;

// head name → its events (type, date, detail)
const HISTORY: Record<string, [string, string, unknown?][]> = {
  一直未脱贫: [['identified', '2015-06-01']],
  二零一七脱贫: [['identified', '2015-06-01'], ['exit.deregistered', '2017-11-20']],
  返贫户: [['identified', '2015-06-01'], ['exit.deregistered', '2017-11-20'], ['return.approved', '2019-05-10']],
  脱贫不稳定: [['identified', '2015-06-01'], ['exit.deregistered', '2018-12-01'], ['monitoring.included', '2020-04-01', { objectType: 'unstable' }]],
  边缘户: [['monitoring.included', '2020-03-01', { objectType: 'marginal' }], ['monitoring.eliminated', '2021-06-30']],
  突发困难: [['monitoring.included', '2021-02-01', { objectType: 'sudden' }]],
  申请中: [['identification.applied', '2021-03-04']],
  已减少: [['identified', '2015-06-01'], ['household.removed', '2018-01-15', { reason: 'death' }]],
  一般户: [],
};

beforeAll(async () => {
  t = await makeStation();
  const admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
  for (const [username, displayName, role, scopeCode] of [
    ['clerk', '会师镇录入员', 'clerk', HUISHI],
    ['other', '柴家门镇录入员', 'clerk', OTHER_TOWNSHIP],
    ['viewer', '会师镇查看员', 'viewer', HUISHI],
  ] as const) {
    await ok(t.station, 'users.create', { username, displayName, role, scopeCode, password: 'Clerk1234' }, admin);
  }
  clerk = await loginAs(t.station, 'clerk', 'Clerk1234');
  otherClerk = await loginAs(t.station, 'other', 'Clerk1234');
  viewer = await loginAs(t.station, 'viewer', 'Clerk1234');
  const db = t.station.db.$client;
  const house = db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES (?, ?, ?, '2015-01-01', '2015-01-01')");
  const event = db.prepare("INSERT INTO household_events (id, household_id, type, date, year, detail, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 'admin', ?)");
  db.transaction(() => {
    Object.entries(HISTORY).forEach(([head, events], i) => {
      house.run(`h${i}`, HUISHI_VILLAGE, JSON.stringify({ headName: head, dataYear: 2021, groupName: '一社' }));
      events.forEach(([type, date, detail], k) => event.run(`h${i}-e${k}`, `h${i}`, type, date, Number(date.slice(0, 4)), detail ? JSON.stringify(detail) : null, `${date}T08:00:00.000Z`));
    });
  })();
});
afterAll(() => t?.close());

const summary = (date: string | undefined, token = clerk) => ok(t.station, 'registry.villageStatus', { regionCode: HUISHI_VILLAGE, ...(date ? { date } : {}) }, token);
const households = (s: Awaited<ReturnType<typeof summary>>) => ({
  poor: s.byStatus.poor.households,
  returned: s.returned.households,
  exited: s.byStatus.exited.households,
  none: s.byStatus.none.households,
  applicant: s.byStatus.applicant.households,
  removed: s.byStatus.removed.households,
  monitoring: s.monitoring.households,
  unstable: s.monitoringByType.unstable.households,
  marginal: s.monitoringByType.marginal.households,
  sudden: s.monitoringByType.sudden.households,
  total: s.total.households,
});

describe('registry.villageStatus', () => {
  it('counts the village\'s households by status on 2017-12-31 and on 2021-12-31, 返贫 and 监测对象 included', async () => {
    expect(households(await summary('2017-12-31'))).toEqual({
      // 一直未脱贫, 脱贫不稳定 (exits 2018) and 已减少 (removed 2018)
      poor: 3, returned: 0, exited: 2, none: 4, applicant: 0, removed: 0, monitoring: 0, unstable: 0, marginal: 0, sudden: 0, total: 9,
    });
    expect(households(await summary('2021-12-31'))).toEqual({
      // 一直未脱贫 and 返贫户 poor; 二零一七脱贫 and 脱贫不稳定 exited; 边缘户 (risk eliminated), 突发困难 and 一般户 一般农户
      poor: 2, returned: 1, exited: 2, none: 3, applicant: 1, removed: 1, monitoring: 2, unstable: 1, marginal: 0, sudden: 1, total: 9,
    });
    const mid = await summary('2020-12-31');
    expect(households(mid)).toMatchObject({ monitoring: 2, unstable: 1, marginal: 1, sudden: 0, applicant: 0 });
    expect(mid).toMatchObject({ regionCode: HUISHI_VILLAGE, date: '2020-12-31' });
    expect(mid.regionName).toContain('村');
  });

  it('agrees with the 统计表 of the same date: 未脱贫, 返贫, 已脱贫 and 建档立卡', async () => {
    for (const year of [2017, 2019, 2021]) {
      const s = await summary(`${year}-12-31`);
      const row = statisticsData(t.station.db, HUISHI, year, t.station.clock()).rows.find((r) => r.code === HUISHI_VILLAGE)!;
      expect({ poor: row.poor.households, returned: row.returned.households, exited: row.exited.households, registered: row.registered.households }, String(year)).toEqual({
        poor: s.byStatus.poor.households,
        returned: s.returned.households,
        exited: s.byStatus.exited.households,
        registered: s.byStatus.poor.households + s.byStatus.exited.households,
      });
    }
  });

  it('defaults to today; a viewer of the township may read it', async () => {
    const today = await summary(undefined, viewer);
    expect(today.date).toBe('2026-03-02');
    expect(households(today)).toEqual(households(await summary('2021-12-31')));
  });

  it('refuses another township\'s clerk, a date after today, a bad date and a code that is not a village, in Chinese', async () => {
    expect(await callApi(t.station, 'registry.villageStatus', { regionCode: HUISHI_VILLAGE }, otherClerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    const later = await callApi(t.station, 'registry.villageStatus', { regionCode: HUISHI_VILLAGE, date: '2026-03-03' }, clerk);
    expect(later).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT', message: '统计日期（2026-03-03）不能晚于今天' } });
    const bad = await callApi(t.station, 'registry.villageStatus', { regionCode: HUISHI_VILLAGE, date: '2021/12/31' }, clerk);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toContain('日期格式应为 年-月-日');
    const township = await callApi(t.station, 'registry.villageStatus', { regionCode: HUISHI }, clerk);
    expect(township).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT', message: `「${HUISHI}」不是本库中的村级区划代码` } });
  });
});
