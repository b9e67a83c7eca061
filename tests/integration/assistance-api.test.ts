import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { family } from '../helpers/households';
import { cadreForm, markPoorVillages, unitForm } from '../helpers/assistance';

// 会师镇 620422100000 and 柴家门镇 620422101000 are two real townships of 会宁县.
const HUISHI = '620422100000';
const HUISHI_VILLAGE = '620422100201';
const OTHER_TOWNSHIP = '620422101000';

let t: TestStation;
let admin: string;
let clerk: string;
let mine: string;
let theirs: string;
let otherVillage: string;
let countyUnit: string;
let countyCadre: string;

beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
  otherVillage = (await ok(t.station, 'registry.tree', { parentCode: OTHER_TOWNSHIP }, admin))[0]!.code;
  mine = (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, '张建国') }, admin)).id;
  theirs = (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: otherVillage, ...family(otherVillage, '王志强') }, admin)).id;
  await ok(t.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: HUISHI, password: 'Clerk1234' }, admin);
  clerk = await loginAs(t.station, 'clerk', 'Clerk1234');
  countyUnit = (await ok(t.station, 'assistance.saveUnit', unitForm('会宁县教育局', '04', [HUISHI_VILLAGE]), admin)).id;
  countyCadre = (await ok(t.station, 'assistance.saveCadre', cadreForm(countyUnit, '刘建军', '04'), admin)).id;
});
afterEach(() => t.close());

describe('units and cadres through the router', () => {
  it('a county unit and cadre are visible to a township clerk but not editable by them', async () => {
    const units = await ok(t.station, 'assistance.listUnits', {}, clerk);
    expect(units.map((u) => [u.name, u.editable, u.affiliationLabel])).toEqual([['会宁县教育局', false, '县']]);
    expect(units[0]!.villages.map((v) => v.villageCode)).toEqual([HUISHI_VILLAGE]);
    const cadres = await ok(t.station, 'assistance.listCadres', {}, clerk);
    expect(cadres.rows.map((c) => [c.name, c.editable, c.rankLabel, c.quota])).toEqual([['刘建军', false, '正科级干部', 4]]);
    expect(cadres.rows[0]!.idNumberMasked).toContain('*');
    expect(cadres.rows[0]!.idNumberMasked).not.toBe(cadres.rows[0]!.idNumber);
    const edit = await callApi(t.station, 'assistance.saveCadre', { ...cadreForm(countyUnit, '刘建军改'), id: countyCadre }, clerk);
    expect(edit).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    expect(await callApi(t.station, 'assistance.deleteUnit', { id: countyUnit }, clerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
  });

  it('a clerk keeps the township\'s own units and cadres, and cannot link a village of another township', async () => {
    const unit = await ok(t.station, 'assistance.saveUnit', unitForm('会师镇人民政府', '05', [HUISHI_VILLAGE]), clerk);
    const units = await ok(t.station, 'assistance.listUnits', {}, clerk);
    expect(units.find((u) => u.id === unit.id)).toMatchObject({ regionCode: HUISHI, editable: true });
    const refused = await callApi(t.station, 'assistance.saveUnit', { ...unitForm('会师镇农业站', '05', [otherVillage]) }, clerk);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!refused.ok) expect(refused.error.message).toContain('「联系村」');
    // nor may the clerk claim the county as the keeping office
    expect(await callApi(t.station, 'assistance.saveUnit', { ...unitForm('某单位'), regionCode: '620422000000' }, clerk)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    // the county admin sees both; another township's clerk sees only the county's
    expect((await ok(t.station, 'assistance.listUnits', {}, admin)).length).toBe(2);
    await ok(t.station, 'users.create', { username: 'clerk2', displayName: '柴家门镇录入员', role: 'clerk', scopeCode: OTHER_TOWNSHIP, password: 'Clerk1234' }, admin);
    const other = await loginAs(t.station, 'clerk2', 'Clerk1234');
    expect((await ok(t.station, 'assistance.listUnits', {}, other)).map((u) => u.name)).toEqual(['会宁县教育局']);
  });

  it('refuses a bad cadre with a message naming each field, and a second registration of the same person', async () => {
    const r = await callApi(t.station, 'assistance.saveCadre', { ...cadreForm(countyUnit, '王', '04'), idNumber: '62042219820506', phone: '123' }, admin);
    expect(r).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!r.ok) {
      expect(r.error.message).toContain('「证件号码」');
      expect(r.error.message).toContain('「联系电话」');
    }
    const first = (await ok(t.station, 'assistance.listCadres', {}, admin)).rows[0]!;
    const twin = await callApi(t.station, 'assistance.saveCadre', { ...cadreForm(countyUnit, '刘建军'), idNumber: first.idNumber }, admin);
    expect(twin.ok === false && twin.error.message).toContain('已登记为帮扶责任人刘建军');
    // a unit with a cadre cannot be deleted
    expect(await callApi(t.station, 'assistance.deleteUnit', { id: countyUnit }, admin)).toMatchObject({ ok: false, error: { kind: 'CONFLICT' } });
  });

  it('a viewer reads but never writes', async () => {
    await ok(t.station, 'users.create', { username: 'viewer', displayName: '查看员', role: 'viewer', scopeCode: '620422000000', password: 'Viewer1234' }, admin);
    const viewer = await loginAs(t.station, 'viewer', 'Viewer1234');
    expect((await ok(t.station, 'assistance.listCadres', {}, viewer)).total).toBe(1);
    expect(await callApi(t.station, 'assistance.pair', { householdId: mine, cadreId: countyCadre, fromDate: '2020-01-01' }, viewer)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    expect(await callApi(t.station, 'assistance.savePolicy', { policy: await ok(t.station, 'assistance.policy', {}, viewer) }, clerk)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
  });
});

describe('pairings, books and benefits through the router', () => {
  it('a clerk pairs a county cadre with a household of the township, and keeps its three books', async () => {
    await ok(t.station, 'assistance.pair', { householdId: mine, cadreId: countyCadre, fromDate: '2016-03-01' }, clerk);
    const view = await ok(t.station, 'assistance.household', { householdId: mine }, clerk);
    expect(view.pairings.map((p) => [p.cadreName, p.active, p.cadreUnitName])).toEqual([['刘建军', true, '会宁县教育局']]);
    // the draft plan starts from the registry: income, housing, insurance
    expect(view.draftPlan.indicators.find((i) => i.key === 'ruralMedical')!.baseline).toBe(true);
    expect(view.draftPlan.plannedExitYear).toBe(2020);

    const indicators = view.draftPlan.indicators.map((i) => (i.key === 'perCapitaIncome' ? { ...i, plan: 4600 } : i));
    await ok(t.station, 'assistance.savePlan', { householdId: mine, year: 2020, plannedExitYear: 2019, period: '2016—2019', goal: '养羊 20 只', indicators }, clerk);
    // the plan's exit year is the registry field
    expect((await ok(t.station, 'registry.getHousehold', { id: mine }, clerk)).household.plannedExitYear).toBe(2019);

    const measure = await ok(
      t.station,
      'assistance.saveMeasure',
      { id: null, householdId: mine, year: 2020, category: '01', projectName: '肉羊养殖', fundSource: '01', amount: 5000, startDate: '2020-04-01', endDate: null, benefit: '出栏 10 只', benefitAmount: 3000, responsibleUnitId: countyUnit, responsibleCadreId: countyCadre, status: 'inProgress', note: null },
      clerk,
    );
    expect(measure.warnings).toEqual([]);
    await ok(t.station, 'assistance.saveLedgerEntry', { id: null, householdId: mine, cadreId: countyCadre, date: '2020-05-02', kind: 'visit', content: '入户了解养羊情况', problemSolved: '联系兽医防疫', headSigned: true }, clerk);
    const after = await ok(t.station, 'assistance.household', { householdId: mine }, clerk);
    expect(after.plans.map((p) => [p.year, p.plannedExitYear, p.goal])).toEqual([[2020, 2019, '养羊 20 只']]);
    expect(after.measures.map((m) => [m.categoryLabel, m.projectName, m.statusLabel, m.responsibleCadreName])).toEqual([['产业扶贫', '肉羊养殖', '实施中', '刘建军']]);
    expect(after.ledger.map((l) => [l.date, l.kindLabel, l.cadreName, l.recordedBy])).toEqual([['2020-05-02', '走访入户', '刘建军', 'clerk']]);

    // every write left an audit entry
    const audit = t.station.db.$client.prepare("SELECT action FROM audit_log WHERE action LIKE 'assistance.%' ORDER BY seq").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['assistance.unit.create', 'assistance.cadre.create', 'assistance.pair', 'assistance.plan.save', 'assistance.measure.create', 'assistance.ledger.create']);
    const logged = t.station.db.$client.prepare("SELECT DISTINCT table_name AS t FROM change_log WHERE table_name LIKE 'assistance_%' ORDER BY t").all() as { t: string }[];
    expect(logged.map((r) => r.t)).toEqual(['assistance_cadres', 'assistance_ledger', 'assistance_measures', 'assistance_pairings', 'assistance_plans', 'assistance_unit_villages', 'assistance_units']);

    // deleting a measure and a ledger entry
    await ok(t.station, 'assistance.deleteMeasure', { id: measure.id }, clerk);
    expect((await ok(t.station, 'assistance.household', { householdId: mine }, clerk)).measures).toEqual([]);
  });

  it('refuses the clerk every record of another township\'s household', async () => {
    const measure = await ok(
      t.station,
      'assistance.saveMeasure',
      { id: null, householdId: theirs, year: 2020, category: '02', projectName: '劳务输转', fundSource: null, amount: null, startDate: null, endDate: null, benefit: null, benefitAmount: null, responsibleUnitId: null, responsibleCadreId: null, status: 'planned', note: null },
      admin,
    );
    for (const r of [
      await callApi(t.station, 'assistance.household', { householdId: theirs }, clerk),
      await callApi(t.station, 'assistance.pair', { householdId: theirs, cadreId: countyCadre, fromDate: '2020-01-01' }, clerk),
      await callApi(t.station, 'assistance.deleteMeasure', { id: measure.id }, clerk),
      await callApi(t.station, 'assistance.listPairings', { regionCode: OTHER_TOWNSHIP }, clerk),
      await callApi(t.station, 'assistance.coverage', { regionCode: OTHER_TOWNSHIP }, clerk),
      // a measure of theirs edited under my household's id is still refused
      await callApi(t.station, 'assistance.saveMeasure', { id: measure.id, householdId: mine, year: 2020, category: '02', projectName: 'x', fundSource: null, amount: null, startDate: null, endDate: null, benefit: null, benefitAmount: null, responsibleUnitId: null, responsibleCadreId: null, status: 'planned', note: null }, clerk),
      await callApi(t.station, 'assistance.saveTeam', { id: null, villageCode: otherVillage, name: '工作队', unitId: null, fromDate: '2015-01-01', toDate: null, note: null, members: [] }, clerk),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    }
  });

  it('a ledger entry by a cadre who does not help the household that day is refused', async () => {
    await ok(t.station, 'assistance.pair', { householdId: mine, cadreId: countyCadre, fromDate: '2018-01-01' }, admin);
    const r = await callApi(t.station, 'assistance.saveLedgerEntry', { id: null, householdId: mine, cadreId: countyCadre, date: '2017-06-01', kind: 'visit', content: '走访', problemSolved: null, headSigned: false }, admin);
    expect(r.ok === false && r.error.message).toContain('刘建军在 2017-06-01 不是本户的帮扶责任人');
  });

  it('the quota rule refuses one household too many, and follows an edited policy', async () => {
    const ordinary = (await ok(t.station, 'assistance.saveCadre', cadreForm(countyUnit, '马小兰', '06'), admin)).id;
    const homes = [mine];
    for (const name of ['李一', '李二']) homes.push((await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, name) }, admin)).id);
    await ok(t.station, 'assistance.pair', { householdId: homes[0]!, cadreId: ordinary, fromDate: '2019-01-01' }, admin);
    await ok(t.station, 'assistance.pair', { householdId: homes[1]!, cadreId: ordinary, fromDate: '2019-02-01' }, admin);
    const third = await callApi(t.station, 'assistance.pair', { householdId: homes[2]!, cadreId: ordinary, fromDate: '2019-03-01' }, admin);
    expect(third).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!third.ok) expect(third.error.message).toBe('结对帮扶未保存：「帮扶责任人」：马小兰（一般干部）已结对帮扶 2 户，一般干部最多帮扶 2 户，不能再结对（规则：「4432」帮扶户数分工）');
    // backdating the third pairing to before the other two is refused too: they overlap it later
    expect((await callApi(t.station, 'assistance.pair', { householdId: homes[2]!, cadreId: ordinary, fromDate: '2018-01-01' }, admin)).ok).toBe(false);
    // once one pairing ends, the third fits from the day after
    const list = await ok(t.station, 'assistance.listPairings', { cadreId: ordinary }, admin);
    await ok(t.station, 'assistance.endPairing', { id: list.rows.find((p) => p.householdId === homes[0])!.id, toDate: '2019-02-28', reason: '调整帮扶' }, admin);
    await ok(t.station, 'assistance.pair', { householdId: homes[2]!, cadreId: ordinary, fromDate: '2019-03-01' }, admin);
    expect((await ok(t.station, 'assistance.listCadres', { query: '马' }, admin)).rows[0]).toMatchObject({ activeHouseholds: 2, standing: 'full' });
    // the office raises 一般干部 to 3
    const policy = await ok(t.station, 'assistance.policy', {}, admin);
    const raised = { ...policy, quota: { ...policy.quota, name: '4433', ranks: policy.quota.ranks.map((r) => (r.code === '06' ? { ...r, maxHouseholds: 3 } : r)) } };
    await ok(t.station, 'assistance.savePolicy', { policy: raised }, admin);
    await ok(t.station, 'assistance.pair', { householdId: homes[0]!, cadreId: ordinary, fromDate: '2019-06-01' }, admin);
    // a same-cadre overlapping pairing is refused by name
    const dup = await callApi(t.station, 'assistance.pair', { householdId: homes[0]!, cadreId: ordinary, fromDate: '2019-07-01' }, admin);
    expect(dup.ok === false && dup.error.message).toContain('马小兰与本户自 2019-06-01 起已有结对');
  });

  it('small-loan violations are refused with their rule; a valid loan is stored and a second one refused', async () => {
    const members = (await ok(t.station, 'assistance.household', { householdId: mine }, admin)).members;
    const head = members[0]!.personId;
    const child = members[2]!.personId; // born 2008
    const loan = { kind: 'smallLoan' as const, personId: head, year: 2019, amount: 50_000, startDate: '2019-04-01', endDate: '2022-04-01', purpose: '02', loanType: 'development', bank: '会宁农商银行', repaidDate: null };
    for (const [bad, text] of [
      [{ ...loan, amount: 60_000 }, '「借款金额」：60000 元超过每户最高 50000 元'],
      [{ ...loan, endDate: '2022-04-02' }, '「到期日期」'],
      [{ ...loan, personId: child }, '不在 18–65 周岁之间'],
      [{ ...loan, purpose: '83' }, '「生活消费」不是生产经营用途'],
    ] as const) {
      const r = await callApi(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: bad }, admin);
      expect(r).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
      if (!r.ok) expect(r.error.message).toContain(text);
    }
    await ok(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: loan }, admin);
    const second = await callApi(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: { ...loan, personId: members[1]!.personId, startDate: '2020-01-10', endDate: '2021-01-10' } }, admin);
    expect(second.ok === false && second.error.message).toContain('每户同一时间只能有一笔扶贫小额信贷');
    const benefits = (await ok(t.station, 'assistance.household', { householdId: mine }, admin)).benefits;
    expect(benefits.map((b) => b.summary)).toEqual(['张建国，发展型贷款 50000 元，2019-04-01 至 2022-04-01，用于养殖业，未结清']);
    // the rule holds for an input that never went through the page: zod first, then the domain rule
    expect(await callApi(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: { ...loan, kind: 'nope' } as never }, admin)).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
  });

  it('other benefits: 低保 above its class standard and a vocational grant for a pupil are refused', async () => {
    const members = (await ok(t.station, 'assistance.household', { householdId: mine }, admin)).members;
    const dibao = await callApi(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: { kind: 'dibao', personId: null, year: 2020, amount: 7000, classCode: '1', persons: 2 } }, admin);
    expect(dibao.ok === false && dibao.error.message).toContain('超过一类标准 3300 元/人/年 × 2 人 = 6600 元');
    const ok6600 = await ok(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: { kind: 'dibao', personId: null, year: 2020, amount: 6600, classCode: '1', persons: 2 } }, admin);
    expect(ok6600.warnings.map((w) => w.rule)).toEqual(['DIBAO-MEMBERS']); // nobody in the form receives 低保
    const grant = await callApi(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: { kind: 'education', personId: members[3]!.personId, year: 2020, amount: 3000, program: 'yulu' } }, admin);
    expect(grant.ok === false && grant.error.message).toContain('不属于雨露计划（中高职）的资助对象');
    const reno = await callApi(t.station, 'assistance.saveBenefit', { id: null, householdId: mine, benefit: { kind: 'housingRenovation', personId: null, year: 2020, amount: 20_000, grade: '03', method: 'repair', endDate: null } }, admin);
    expect(reno.ok === false && reno.error.message).toContain('危房D类应拆除重建');
  });
});

describe('teams and coverage', () => {
  it('finds the poor village without a team and the household without a cadre; both close when entered', async () => {
    markPoorVillages(t.station, [HUISHI_VILLAGE]);
    let report = await ok(t.station, 'assistance.coverage', {}, clerk);
    expect(report.counts).toMatchObject({ villageWithoutTeam: 1, householdWithoutCadre: 1, cadreIsPoorPerson: 0 });
    expect(report.gaps.map((g) => g.kind)).toEqual(['villageWithoutTeam', 'householdWithoutCadre']);
    expect(report.totals).toMatchObject({ poorVillages: 1, poorVillagesWithTeam: 0, households: 1, householdsWithCadre: 0 });

    const secretary = (await ok(t.station, 'assistance.saveCadre', cadreForm(countyUnit, '赵书记', '05'), admin)).id;
    const team = {
      id: null,
      villageCode: HUISHI_VILLAGE,
      name: '驻村帮扶工作队',
      unitId: countyUnit,
      fromDate: '2015-03-01',
      toDate: null,
      note: null,
      members: [
        { cadreId: secretary, role: 'leader', isFirstSecretary: true, fromDate: '2015-03-01', toDate: null, daysInVillage: { '2025': 200 } },
        { cadreId: countyCadre, role: 'member', isFirstSecretary: false, fromDate: '2015-03-01', toDate: null, daysInVillage: { '2025': 230 } },
      ],
    };
    // a second 队长 is refused
    const two = await callApi(t.station, 'assistance.saveTeam', { ...team, members: team.members.map((m) => ({ ...m, role: 'leader' })) }, clerk);
    expect(two.ok === false && two.error.message).toContain('一队只能有一名队长');
    const saved = await ok(t.station, 'assistance.saveTeam', team, clerk);
    await ok(t.station, 'assistance.pair', { householdId: mine, cadreId: countyCadre, fromDate: '2016-01-01' }, clerk);
    report = await ok(t.station, 'assistance.coverage', {}, clerk);
    // the station clock is 2026: 2025 days are checked; the leader served 200 < 220
    expect(report.gaps.map((g) => [g.kind, g.cadreId])).toEqual([['memberDaysShort', secretary]]);
    expect(report.totals).toMatchObject({ poorVillagesWithTeam: 1, householdsWithCadre: 1 });
    const teams = await ok(t.station, 'assistance.listTeams', {}, clerk);
    expect(teams.map((x) => [x.id, x.villageName, x.active, x.members.map((m) => `${m.roleLabel}${m.isFirstSecretary ? '/第一书记' : ''}:${m.cadreName}`)])).toEqual([
      [saved.id, teams[0]!.villageName, true, ['队长/第一书记:赵书记', '队员:刘建军']],
    ]);
    expect((await ok(t.station, 'assistance.household', { householdId: mine }, clerk)).team?.id).toBe(saved.id);
  });

  it('finds a cadre who is a registered poor person', async () => {
    const detail = await ok(t.station, 'registry.getHousehold', { id: mine }, admin);
    const poorId = detail.members[1]!.record.idNumber!;
    await ok(t.station, 'assistance.saveCadre', cadreForm(countyUnit, '李秀英', '06', { idNumber: poorId }), admin);
    const report = await ok(t.station, 'assistance.coverage', {}, admin);
    const gap = report.gaps.find((g) => g.kind === 'cadreIsPoorPerson')!;
    expect(gap.householdId).toBe(mine);
    expect(gap.message).toContain('帮扶责任人李秀英的证件号码与');
  });
});
