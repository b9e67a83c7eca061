import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { family, person } from '../helpers/households';

// 会师镇 620422100000 and 柴家门镇 620422101000 are two real townships of 会宁县.
const HUISHI_VILLAGE = '620422100201';
const OTHER_TOWNSHIP = '620422101000';

let t: TestStation;
let admin: string;
let clerk: string;
let mine: string;
let theirs: string;
let otherVillage: string;

beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
  const villages = await ok(t.station, 'registry.tree', { parentCode: OTHER_TOWNSHIP }, admin);
  otherVillage = villages[0]!.code;
  const huishi = await ok(t.station, 'registry.tree', { parentCode: '620422100000' }, admin);
  expect(huishi.some((v) => v.code === HUISHI_VILLAGE)).toBe(true);
  mine = (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, '张建国') }, admin)).id;
  theirs = (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: otherVillage, ...family(otherVillage, '王志强') }, admin)).id;
  await ok(t.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: '620422100000', password: 'Clerk1234' }, admin);
  clerk = await loginAs(t.station, 'clerk', 'Clerk1234');
});
afterEach(() => t.close());

describe('a township clerk is confined to the township, in the router', () => {
  it('lists only the own township when no region is given', async () => {
    const page = await ok(t.station, 'registry.searchHouseholds', {}, clerk);
    expect(page.rows.map((r) => r.id)).toEqual([mine]);
    const county = await ok(t.station, 'registry.searchHouseholds', {}, admin);
    expect(county.total).toBe(2);
  });

  it('is refused another township for reads', async () => {
    for (const r of [
      await callApi(t.station, 'registry.searchHouseholds', { regionCode: OTHER_TOWNSHIP }, clerk),
      await callApi(t.station, 'registry.searchHouseholds', { regionCode: '620422000000' }, clerk),
      await callApi(t.station, 'registry.getHousehold', { id: theirs }, clerk),
      await callApi(t.station, 'registry.tree', { parentCode: OTHER_TOWNSHIP }, clerk),
      await callApi(t.station, 'quality.findings', { regionCode: OTHER_TOWNSHIP }, clerk),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    }
  });

  it('is refused another township for writes, including moving a household there', async () => {
    const detail = await ok(t.station, 'registry.getHousehold', { id: theirs }, admin);
    const edit = {
      id: theirs,
      regionCode: otherVillage,
      household: { ...detail.household, phone: '13800000000' },
      members: detail.members.map((m) => ({ personId: m.personId, record: m.record })),
      leaving: [],
      conditions: detail.conditions,
      income: detail.incomes[0]!.record,
    };
    expect(await callApi(t.station, 'registry.saveHousehold', edit, clerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    // pretending the other township's household lives in my village does not help
    expect(await callApi(t.station, 'registry.saveHousehold', { ...edit, regionCode: HUISHI_VILLAGE }, clerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    // nor does creating a new household over there
    expect(await callApi(t.station, 'registry.saveHousehold', { id: null, regionCode: otherVillage, ...family(otherVillage, '赵新') }, clerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    // nor moving my own household out
    const own = await ok(t.station, 'registry.getHousehold', { id: mine }, clerk);
    const move = { id: mine, regionCode: otherVillage, household: own.household, members: own.members.map((m) => ({ personId: m.personId, record: m.record })), leaving: [], conditions: own.conditions, income: null };
    expect(await callApi(t.station, 'registry.saveHousehold', move, clerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    const after = await ok(t.station, 'registry.getHousehold', { id: theirs }, admin);
    expect(after.household.phone).toBe('13909431234');
  });

  it('a viewer may read but not write', async () => {
    await ok(t.station, 'users.create', { username: 'viewer', displayName: '查看员', role: 'viewer', scopeCode: '620422000000', password: 'Viewer1234' }, admin);
    const viewer = await loginAs(t.station, 'viewer', 'Viewer1234');
    expect((await ok(t.station, 'registry.searchHouseholds', {}, viewer)).total).toBe(2);
    expect(await callApi(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, '孙立') }, viewer)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
  });
});

describe('saving a household', () => {
  it('shows what changed, keeps history of members and records events', async () => {
    const detail = await ok(t.station, 'registry.getHousehold', { id: mine }, clerk);
    const members = detail.members.map((m) => ({ personId: m.personId, record: m.record }));
    members[1] = { ...members[1]!, record: { ...members[1]!.record, health: ['02'], hasCriticalIllnessInsurance: true } };
    const baby = person('张小宝', '07', '2020-03-01', true);
    const leaving = [{ personId: members[3]!.personId, reason: '02', date: '2020-05-01' }];
    const saved = await ok(
      t.station,
      'registry.saveHousehold',
      { id: mine, regionCode: HUISHI_VILLAGE, household: detail.household, members: [...members.slice(0, 3), { personId: null, record: baby, joinReason: '06' }], leaving, conditions: detail.conditions, income: detail.incomes[0]!.record },
      clerk,
    );
    expect(saved.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ section: '成员「李秀英」', field: '健康状况', before: '健康', after: '长期慢性病' }),
      expect.objectContaining({ field: '成员迁入', after: '新生儿' }),
      expect.objectContaining({ field: '成员减少' }),
    ]));
    const after = await ok(t.station, 'registry.getHousehold', { id: mine }, clerk);
    expect(after.members.map((m) => m.record.name)).toEqual(['张建国', '李秀英', '张小明', '张小宝']);
    expect(after.formerMembers.map((m) => [m.record.name, m.leaveReason])).toEqual([['张小红', '02']]);
    expect(after.events.map((e) => e.type)).toEqual(['identified', 'member.left', 'member.joined']);
    expect(after.household.householdSize).toBe(4);
  });

  it('refuses truly invalid data with every reason and saves nothing', async () => {
    const f = family(HUISHI_VILLAGE, '钱多多');
    f.members[1]!.record.relationship = '01'; // a second 户主
    f.members[2]!.record.idNumber = f.members[2]!.record.idNumber!.slice(0, 17) + (f.members[2]!.record.idNumber!.endsWith('1') ? '2' : '1');
    const r = await callApi(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...f }, clerk);
    expect(r).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!r.ok) {
      const findings = (r.error.details as { findings: { ruleCode: string; severity: string; personIndex: number | null }[] }).findings;
      expect(findings.filter((x) => x.severity === 'error').length).toBeGreaterThanOrEqual(2);
      expect(findings.some((x) => x.personIndex === 2)).toBe(true);
    }
    expect((await ok(t.station, 'registry.searchHouseholds', {}, clerk)).total).toBe(1);
  });

  it('refuses a person who is already a current member of another household, anywhere', async () => {
    const theirDetail = await ok(t.station, 'registry.getHousehold', { id: theirs }, admin);
    const f = family(HUISHI_VILLAGE, '周全');
    f.members[2]!.record.idNumber = theirDetail.members[2]!.record.idNumber;
    const r = await callApi(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...f }, clerk);
    expect(r).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!r.ok) expect(r.error.message).toMatch(/另一户/);
  });

  it('refuses a member dropped from the list without a reason', async () => {
    const detail = await ok(t.station, 'registry.getHousehold', { id: mine }, clerk);
    const members = detail.members.slice(0, 3).map((m) => ({ personId: m.personId, record: m.record }));
    const r = await callApi(t.station, 'registry.saveHousehold', { id: mine, regionCode: HUISHI_VILLAGE, household: detail.household, members, leaving: [], conditions: null, income: null }, clerk);
    expect(r).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
  });

  it('saves warnings and shows them, and the validate call reports the same without saving', async () => {
    const f = family(HUISHI_VILLAGE, '吴平', { phone: '1390943' });
    const check = await ok(t.station, 'registry.validateHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...f }, clerk);
    expect(check.some((x) => x.field === 'phone' && x.severity === 'warning')).toBe(true);
    const saved = await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...f }, clerk);
    expect(saved.findings.some((x) => x.field === 'phone')).toBe(true);
    const list = await ok(t.station, 'registry.searchHouseholds', { severity: 'warning' }, clerk);
    expect(list.rows.map((r) => r.headName)).toContain('吴平');
  });
});

describe('search', () => {
  it('finds a household by a member ID number, a name prefix, pinyin initials and filters', async () => {
    const detail = await ok(t.station, 'registry.getHousehold', { id: mine }, admin);
    const childId = detail.members[2]!.record.idNumber!;
    expect((await ok(t.station, 'registry.searchHouseholds', { query: childId }, clerk)).rows.map((r) => r.id)).toEqual([mine]);
    expect((await ok(t.station, 'registry.searchHouseholds', { query: childId.toLowerCase() }, clerk)).total).toBe(1);
    expect((await ok(t.station, 'registry.searchHouseholds', { query: '张建' }, admin)).rows.map((r) => r.id)).toEqual([mine]);
    expect((await ok(t.station, 'registry.searchHouseholds', { query: 'zjg' }, admin)).rows.map((r) => r.id)).toEqual([mine]);
    expect((await ok(t.station, 'registry.searchHouseholds', { query: '李秀英' }, admin)).total).toBe(2);
    expect((await ok(t.station, 'registry.searchHouseholds', { mainCause: '09' }, admin)).total).toBe(2);
    expect((await ok(t.station, 'registry.searchHouseholds', { mainCause: '01' }, admin)).total).toBe(0);
    const row = (await ok(t.station, 'registry.searchHouseholds', {}, clerk)).rows[0]!;
    expect(row.headIdMasked).toMatch(/^62\*+\d{2}[\dX]$/);
    expect(row.perCapitaNetIncome).toBeCloseTo((9000 - 2500 + 300 + 400) / 4, 2);
    expect(row.mainCauseLabel).toBe('缺资金');
  });
});
