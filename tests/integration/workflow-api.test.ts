import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { family } from '../helpers/households';
import { openApplicantCase } from '../helpers/workflow';
import { makeIdNumber } from '../../electron/core/domain/registry/id-number';
import type { CaseDetail, Input } from '../../electron/core/api/contract';

// 会师镇 620422100000 and 柴家门镇 620422101000 are two real townships of 会宁县.
const HUISHI = '620422100000';
const HUISHI_VILLAGE = '620422100201';
const OTHER_TOWNSHIP = '620422101000';

let t: TestStation;
let admin: string;
let clerk: string;
let otherVillage: string;

beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
  otherVillage = (await ok(t.station, 'registry.tree', { parentCode: OTHER_TOWNSHIP }, admin))[0]!.code;
  await ok(t.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: HUISHI, password: 'Clerk1234' }, admin);
  clerk = await loginAs(t.station, 'clerk', 'Clerk1234');
});
afterEach(() => t.close());

const step = (caseId: string, stage: string, date: string, data: unknown): Input<'workflow.completeStep'> => ({ caseId, stage, date, data });
const meeting = (date: string, votesFor = 9) => ({ body: 'representatives' as const, date, participants: 11, votesFor, votesAgainst: 11 - votesFor, votesAbstain: 0, attendees: '村民代表 11 人' });
const stageState = (c: CaseDetail) => Object.fromEntries(c.stages.map((s) => [s.code, s.state]));

const applicant = (token: string, regionCode = HUISHI_VILLAGE, headName = '马国福', seq = 31) => openApplicantCase(t.station, token, regionCode, headName, seq);

/** A poor household since 2014 whose 2020 income and conditions pass (or with `poorIncome`, fail) the exit check. */
async function poorHousehold(headName: string, regionCode = HUISHI_VILLAGE, poorIncome = false) {
  const f = family(regionCode, headName);
  if (!poorIncome) f.income = { ...f.income, wageIncome: 24_000 };
  return (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode, ...f }, admin)).id;
}

describe('identification (一核二看三比四评议五公示) through the router', () => {
  it('runs application to the county approval, with an objection during 公示 that reopens 二看', async () => {
    let c = await applicant(clerk);
    expect(c.kind).toBe('identification');
    expect(c.currentStage).toBe('verify');
    expect(c.headIdMasked).toContain('*');
    expect(c.status.status).toBe('applicant');
    const id = c.id;

    c = await ok(t.station, 'workflow.completeStep', step(id, 'verify', '2019-03-08', { perCapitaIncome: 2100, assets: '土坯房三间', verifiers: '王海、李强' }), clerk);
    expect(c.stages.find((s) => s.code === 'verify')!.completion!.summary).toContain('低于扶贫标准3218元');
    c = await ok(t.station, 'workflow.completeStep', step(id, 'inspect', '2019-03-10', { housing: '土木结构，墙体开裂', housingSafe: false, labourers: 1, outcome: 'pass' }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'compare', '2019-03-12', { foodClothing: '低于邻里', housing: '明显差于邻里', living: '无大件家电', outcome: 'pass' }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'review', '2019-03-15', { meetings: [meeting('2019-03-15')] }), clerk);
    expect(c.currentStage).toBe('notice');
    expect(c.blockers).toEqual(['尚未张贴公示']);

    // A 7-day notice (calendar days) from 03-18 ends 03-24 at the earliest.
    const short = await callApi(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2019-03-18', endDate: '2019-03-20', place: '村委会公示栏' }, clerk);
    expect(short.ok === false && short.error.message).toContain('最早 2019-03-24 结束');
    c = await ok(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2019-03-18', endDate: '2019-03-24', place: '村委会公示栏' }, clerk);
    const notice = c.notices[0]!;
    expect(notice).toMatchObject({ round: 0, current: true, levelLabel: '村级公示' });

    // the notice cannot end early
    const early = await callApi(t.station, 'workflow.completeStep', step(id, 'notice', '2019-03-22', {}), clerk);
    expect(early.ok === false && early.error.message).toContain('公示期至 2019-03-24 才结束');

    c = await ok(
      t.station,
      'workflow.addObjection',
      { caseId: id, noticeId: notice.id, receivedDate: '2019-03-20', channel: 'visit', complainant: '张德明', content: '该户新盖了砖房', concernsStage: 'inspect' },
      clerk,
    );
    expect(stageState(c)).toMatchObject({ apply: 'done', verify: 'done', inspect: 'current', compare: 'pending', review: 'pending', notice: 'pending' });
    expect(c.stages.find((s) => s.code === 'inspect')!.reopened).toBe(1);
    expect(c.notices[0]!.objections[0]).toMatchObject({ complainantMasked: '张**', concernsStageLabel: '二看（看住房、看劳力）', resolution: null });
    expect(JSON.stringify(c.history)).not.toContain('张德明');

    // the reopened step needs the objection's finding
    const noFinding = await callApi(t.station, 'workflow.completeStep', step(id, 'inspect', '2019-03-21', { housing: '砖房为亲戚所建', housingSafe: false, labourers: 1, outcome: 'pass' }), clerk);
    expect(noFinding.ok === false && noFinding.error.message).toContain('异议核实结论');
    c = await ok(
      t.station,
      'workflow.completeStep',
      step(id, 'inspect', '2019-03-21', { housing: '砖房为亲戚所建，本户仍住土坯房', housingSafe: false, labourers: 1, outcome: 'pass', objectionResolution: { upheld: false, note: '经核实砖房不属于该户' } }),
      clerk,
    );
    expect(c.notices[0]!.objections[0]!.resolution).toEqual({ upheld: false, note: '经核实砖房不属于该户' });
    c = await ok(t.station, 'workflow.completeStep', step(id, 'compare', '2019-03-22', { foodClothing: '低于邻里', housing: '明显差于邻里', living: '无大件家电', outcome: 'pass' }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'review', '2019-03-25', { meetings: [meeting('2019-03-25', 10)] }), clerk);
    expect(c.noticeRound).toBe(1);
    expect(c.blockers).toEqual(['异议核实后尚未重新张贴公示']);
    // the void round's notice takes no more objections
    const stale = await callApi(t.station, 'workflow.addObjection', { caseId: id, noticeId: notice.id, receivedDate: '2019-03-24', channel: 'phone', complainant: '李四', content: 'x', concernsStage: 'verify' }, clerk);
    expect(stale.ok).toBe(false);
    c = await ok(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2019-03-26', endDate: '2019-04-01', place: '村委会公示栏' }, clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'notice', '2019-04-02', {}), clerk);
    expect(c.currentStage).toBe('approve');

    // the clerk cannot decide; the county admin can
    expect(c.may).toEqual({ record: true, decide: false });
    const byClerk = await callApi(t.station, 'workflow.completeStep', step(id, 'approve', '2019-04-08', { decision: 'approve', documentNumber: '会扶发〔2019〕12号' }), clerk);
    expect(byClerk).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    c = await ok(t.station, 'workflow.completeStep', step(id, 'approve', '2019-04-08', { decision: 'approve', documentNumber: '会扶发〔2019〕12号', effectiveDate: '2019-04-10' }), admin);
    expect(c.outcome).toBe('passed');
    expect(c.currentStage).toBeNull();

    // the status follows the events: applicant before the stated date, poor from it
    expect((await ok(t.station, 'workflow.statusOn', { householdId: c.householdId, date: '2019-04-09' }, clerk)).status.status).toBe('applicant');
    const on = await ok(t.station, 'workflow.statusOn', { householdId: c.householdId, date: '2019-04-10' }, clerk);
    expect(on).toMatchObject({ statusLabel: '未脱贫', status: { status: 'poor', firstIdentified: '2019-04-10' } });
    const list = await ok(t.station, 'workflow.cases', { kind: 'identification', year: 2019, outcome: 'passed' }, clerk);
    expect(list.rows.map((r) => [r.headName, r.kindLabel, r.outcome])).toEqual([['马国福', '贫困户识别', 'passed']]);
    expect((await ok(t.station, 'workflow.cases', { outcome: 'open' }, clerk)).total).toBe(0);
    // a finished case takes nothing more
    expect(await callApi(t.station, 'workflow.withdraw', { caseId: id, reason: '误操作' }, clerk)).toMatchObject({ ok: false, error: { kind: 'CONFLICT' } });
  });

  it('refuses skipping, reordering and repeating steps', async () => {
    const c = await applicant(clerk);
    const skip = await callApi(t.station, 'workflow.completeStep', step(c.id, 'compare', '2019-03-08', { foodClothing: 'a', housing: 'b', living: 'c', outcome: 'pass' }), clerk);
    expect(skip.ok === false && skip.error.message).toContain('不能跳过「一核（核收入）」');
    const backwards = await callApi(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-01', { perCapitaIncome: 2100, verifiers: '王海' }), clerk);
    expect(backwards.ok === false && backwards.error.message).toContain('步骤不能倒序办理');
    await ok(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-08', { perCapitaIncome: 2100, verifiers: '王海' }), clerk);
    const again = await callApi(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-09', { perCapitaIncome: 2100, verifiers: '王海' }), clerk);
    expect(again.ok === false && again.error.message).toContain('已完成，不能重复办理');
    const future = await callApi(t.station, 'workflow.completeStep', step(c.id, 'inspect', '2027-01-01', { housing: 'a', housingSafe: true, labourers: 1, outcome: 'pass' }), clerk);
    expect(future.ok === false && future.error.message).toContain('不能晚于今天');
  });

  it('an income above the line fails 一核 and ends the case; a withdrawn case can be applied for again', async () => {
    let c = await applicant(clerk);
    c = await ok(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-08', { perCapitaIncome: 5200, verifiers: '王海' }), clerk);
    expect(c.outcome).toBe('failed');
    const ended = await ok(t.station, 'workflow.statusOn', { householdId: c.householdId, date: '2019-03-09' }, clerk);
    expect(ended.status.status).toBe('none');
    expect(ended.openCase).toBeNull();
    const again = await ok(t.station, 'workflow.openIdentification', { kind: 'identification', householdId: c.householdId, applicant: null, applicationDate: '2019-05-06', reason: '重新申请', attribute: null, mainCause: null }, clerk);
    // While the case is open the status says so: the household page offers no removal or second application.
    expect((await ok(t.station, 'workflow.statusOn', { householdId: c.householdId, date: '2019-05-07' }, clerk)).openCase).toEqual({ id: again.id, kind: 'identification', label: '贫困户识别' });
    const withdrawn = await ok(t.station, 'workflow.withdraw', { caseId: again.id, reason: '农户撤回申请' }, clerk);
    expect(withdrawn).toMatchObject({ outcome: 'withdrawn', withdrawnReason: '农户撤回申请' });
    expect((await ok(t.station, 'workflow.statusOn', { householdId: c.householdId, date: '2019-05-07' }, clerk)).openCase).toBeNull();
  });
});

describe('bad inputs: a Chinese message naming field and rule, nothing half-applied', () => {
  it('refuses a bad step form, a bad applicant and a bad notice without writing anything', async () => {
    const c = await applicant(clerk);
    const before = await ok(t.station, 'workflow.case', { id: c.id }, clerk);
    const bad = await callApi(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-08', { perCapitaIncome: '两千', verifiers: '' }), clerk);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    if (!bad.ok) {
      expect(bad.error.message).toContain('「核定人均纯收入（元）」');
      expect(bad.error.message).toContain('「核查人」：请填写核查人');
    }
    const badReview = await callApi(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-08', { perCapitaIncome: 100, verifiers: 'x', objectionResolution: { upheld: true, note: '' } }), clerk);
    expect(badReview.ok === false && badReview.error.message).toContain('「异议核实结论」');
    const date = await callApi(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019/03/08', { perCapitaIncome: 100, verifiers: 'x' }), clerk);
    expect(date.ok === false && date.error.message).toContain('年-月-日');
    const after = await ok(t.station, 'workflow.case', { id: c.id }, clerk);
    expect(after.history).toEqual(before.history);
    expect(after.currentStage).toBe('verify');

    const badId = await callApi(
      t.station,
      'workflow.openIdentification',
      { kind: 'identification', householdId: null, applicant: { regionCode: HUISHI_VILLAGE, groupName: null, headName: '赵六', headIdNumber: '620422196803150000', phone: null }, applicationDate: '2019-03-04', reason: '困难', attribute: null, mainCause: null },
      clerk,
    );
    expect(badId.ok === false && badId.error.message).toContain('户主证件号码：不是有效的居民身份证号码');
    const badCause = await callApi(
      t.station,
      'workflow.openIdentification',
      { kind: 'identification', householdId: null, applicant: { regionCode: HUISHI_VILLAGE, groupName: null, headName: '赵六', headIdNumber: makeIdNumber('620422', '1970-01-01', 11), phone: null }, applicationDate: '2019-03-04', reason: '困难', attribute: null, mainCause: '77' },
      clerk,
    );
    expect(badCause.ok === false && badCause.error.message).toContain('主要致贫原因：代码「77」');
    const noReason = await callApi(t.station, 'workflow.openIdentification', { kind: 'identification', householdId: null, applicant: null, applicationDate: '2019-03-04', reason: '', attribute: null, mainCause: null }, clerk);
    expect(noReason.ok === false && noReason.error.message).toContain('请填写申请理由');
    expect((await ok(t.station, 'workflow.cases', {}, admin)).total).toBe(1);
    expect((await ok(t.station, 'registry.searchHouseholds', { regionCode: HUISHI_VILLAGE }, admin)).total).toBe(1);
  });
});

describe('scope', () => {
  it('a clerk of one township is refused another township\'s case and applicant', async () => {
    const theirs = await applicant(admin, otherVillage, '王志强', 33);
    for (const r of [
      await callApi(t.station, 'workflow.case', { id: theirs.id }, clerk),
      await callApi(t.station, 'workflow.completeStep', step(theirs.id, 'verify', '2019-03-08', { perCapitaIncome: 2100, verifiers: '王海' }), clerk),
      await callApi(t.station, 'workflow.withdraw', { caseId: theirs.id, reason: '越权' }, clerk),
      await callApi(t.station, 'workflow.cases', { regionCode: OTHER_TOWNSHIP }, clerk),
      await callApi(t.station, 'workflow.statusOn', { householdId: theirs.householdId, date: '2019-03-08' }, clerk),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    }
    const applyThere = await callApi(
      t.station,
      'workflow.openIdentification',
      { kind: 'identification', householdId: null, applicant: { regionCode: otherVillage, groupName: null, headName: '越权户', headIdNumber: makeIdNumber('620422', '1971-01-01', 13), phone: null }, applicationDate: '2019-03-04', reason: '困难', attribute: null, mainCause: null },
      clerk,
    );
    expect(applyThere).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    // the clerk's own list does not show it
    await applicant(clerk);
    expect((await ok(t.station, 'workflow.cases', {}, clerk)).rows.map((r) => r.headName)).toEqual(['马国福']);
    expect((await ok(t.station, 'workflow.cases', {}, admin)).total).toBe(2);
  });
});

describe('exit (退出) through the router', () => {
  it('checks each household, refuses the failing one with its indicator, and signs off level by level to 销号', async () => {
    const good = await poorHousehold('张建国');
    const weak = await poorHousehold('李有才', HUISHI_VILLAGE, true);
    const byClerk = await callApi(t.station, 'workflow.createCohort', { year: 2020, name: '' }, clerk);
    expect(byClerk).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    const cohort = await ok(t.station, 'workflow.createCohort', { year: 2020, name: '' }, admin);
    expect(cohort.name).toBe('2020年度贫困户退出计划');
    expect((await ok(t.station, 'workflow.cohort', { id: cohort.id }, clerk)).candidates).toBe(2);
    const added = await ok(t.station, 'workflow.addToCohort', { cohortId: cohort.id, householdIds: [], plannedInRegion: HUISHI, date: '2020-06-01' }, clerk);
    expect(added).toEqual({ added: 2, skipped: [] });
    const detail = await ok(t.station, 'workflow.cohort', { id: cohort.id }, clerk);
    expect(detail.indicators.map((i) => i.code)).toEqual(['income', 'foodClothing', 'water', 'education', 'medical', 'housing']);
    const weakRow = detail.rows.find((r) => r.householdId === weak)!;
    expect(weakRow.check.passed).toBe(false);
    expect(weakRow.check.failing.map((f) => f.code)).toContain('income');
    expect(weakRow.check.failing.every((f) => (f.reason ?? '').length > 0)).toBe(true);
    expect(detail.rows.find((r) => r.householdId === good)!.check.passed).toBe(true);

    const refused = await callApi(t.station, 'workflow.runCheck', { caseId: weakRow.caseId, date: '2020-09-01' }, clerk);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/人均纯收入稳定超过国家扶贫标准——.*4000/);
    const weakCase = await ok(t.station, 'workflow.case', { id: weakRow.caseId }, clerk);
    expect(weakCase.currentStage).toBe('check');
    expect(weakCase.blockers[0]).toContain('人均纯收入稳定超过国家扶贫标准');
    expect((await ok(t.station, 'workflow.exitCheck', { householdId: weak, year: 2020 }, clerk)).failing[0]!.code).toBe('income');

    const id = detail.rows.find((r) => r.householdId === good)!.caseId;
    let c = await ok(t.station, 'workflow.runCheck', { caseId: id, date: '2020-09-01' }, clerk);
    expect(c.exitCheck!.passed).toBe(true);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'review', '2020-09-05', { meetings: [meeting('2020-09-05')] }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'verification', '2020-09-08', { verifiers: '村两委、驻村工作队', foodSecure: true, clothingSecure: true }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'agreement', '2020-09-09', { signerName: '张建国', agreed: true }), clerk);
    // 5 working days from Thursday 09-10: Thu, Fri, Mon, Tue, Wed → 09-16 at the earliest
    const short = await callApi(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2020-09-10', endDate: '2020-09-14', place: '' }, clerk);
    expect(short.ok === false && short.error.message).toContain('5个工作日');
    c = await ok(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2020-09-10', endDate: '2020-09-16', place: '村委会' }, clerk);
    c = await ok(
      t.station,
      'workflow.addObjection',
      { caseId: id, noticeId: c.notices[0]!.id, receivedDate: '2020-09-11', channel: 'letter', complainant: '赵明', content: '该户收入不实', concernsStage: 'verification' },
      clerk,
    );
    expect(stageState(c)).toMatchObject({ check: 'done', review: 'done', verification: 'current', agreement: 'pending', notice: 'pending' });
    c = await ok(t.station, 'workflow.completeStep', step(id, 'verification', '2020-09-14', { verifiers: '村两委', foodSecure: true, clothingSecure: true, objectionResolution: { upheld: false, note: '务工收入有工资单' } }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'agreement', '2020-09-14', { signerName: '张建国', agreed: true }), clerk);
    c = await ok(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2020-09-15', endDate: '2020-09-21', place: '村委会' }, clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'notice', '2020-09-22', {}), clerk);
    expect(c.currentStage).toBe('signoff');
    expect(c.signoff!.levels.map((l) => [l.level, l.roles.length])).toEqual([['village', 3], ['township', 3], ['county', 4], ['city', 2]]);

    // signatures go level by level; the county's and city's are recorded by the county
    const county = c.signoff!.levels.find((l) => l.level === 'county')!;
    const early = await callApi(t.station, 'workflow.sign', { caseId: id, level: 'county', role: county.roles[0]!.code, signerName: '县长', date: '2020-09-23' }, admin);
    expect(early.ok === false && early.error.message).toContain('须逐级签字：村级尚未签完');
    let n = 0;
    for (const level of c.signoff!.levels) {
      const token = level.level === 'village' || level.level === 'township' ? clerk : admin;
      for (const role of level.roles) {
        if (token === clerk && level.level === 'township' && n === 3) {
          const twice = await callApi(t.station, 'workflow.sign', { caseId: id, level: 'village', role: c.signoff!.levels[0]!.roles[0]!.code, signerName: '再签', date: '2020-09-24' }, clerk);
          expect(twice.ok === false && twice.error.message).toContain('已签字，不能重复签字');
        }
        c = await ok(t.station, 'workflow.sign', { caseId: id, level: level.level, role: role.code, signerName: `签字人${++n}`, date: '2020-09-24' }, token);
      }
      if (level.level === 'township') {
        const cityByClerk = await callApi(t.station, 'workflow.sign', { caseId: id, level: 'county', role: county.roles[0]!.code, signerName: '县长', date: '2020-09-24' }, clerk);
        expect(cityByClerk).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
      }
    }
    expect(n).toBe(12);
    expect(c.signoff!.complete).toBe(true);
    expect(c.currentStage).toBe('announce');
    c = await ok(t.station, 'workflow.completeStep', step(id, 'announce', '2020-09-28', { documentNumber: '会政公告〔2020〕5号' }), admin);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'deregister', '2020-09-30', { effectiveDate: '2020-09-30' }), admin);
    expect(c.outcome).toBe('passed');
    expect((await ok(t.station, 'workflow.statusOn', { householdId: good, date: '2020-10-01' }, clerk)).status).toMatchObject({ status: 'exited', exits: 1, lastExit: '2020-09-30' });
    expect((await ok(t.station, 'workflow.statusOn', { householdId: good, date: '2020-09-29' }, clerk)).status.status).toBe('poor');
    const cohorts = await ok(t.station, 'workflow.cohorts', {}, clerk);
    expect(cohorts[0]).toMatchObject({ households: 2, passedCheck: 1, deregistered: 1 });

    // the year's flow counts the exit; closing the year freezes it against later edits
    const flow = (await ok(t.station, 'workflow.flows', { regionCode: HUISHI_VILLAGE, fromYear: 2020, toYear: 2020 }, clerk))[0]!;
    expect(flow.exited).toEqual({ households: 1, persons: 4 });
    const closed = await ok(t.station, 'workflow.closeYear', { year: 2020 }, admin);
    expect(closed.total.exited.households).toBe(1);
    expect(closed.householdCount).toBe(2);
    const late = await callApi(t.station, 'workflow.removeHousehold', { householdId: weak, reason: 'movedAway', date: '2020-12-01', note: '举家迁出' }, admin);
    expect(late.ok === false && late.error.message).toContain('2020年度已结账');
    expect((await ok(t.station, 'workflow.flows', { regionCode: HUISHI_VILLAGE, fromYear: 2020, toYear: 2020 }, clerk))[0]).toMatchObject({ frozen: true, exited: { households: 1, persons: 4 } });
    expect(await callApi(t.station, 'workflow.closeYear', { year: 2020 }, admin)).toMatchObject({ ok: false, error: { kind: 'CONFLICT' } });
    expect((await ok(t.station, 'workflow.yearCloses', {}, clerk)).map((y) => y.year)).toEqual([2020]);
  });

  it('village and county exit indicators name what is missing', async () => {
    await poorHousehold('张建国');
    const v = await ok(t.station, 'workflow.villageExit', { regionCode: HUISHI_VILLAGE, year: 2020 }, clerk);
    expect(v.passed).toBe(false);
    expect(v.results.map((r) => r.code)).toEqual(['incidence', 'industry', 'infrastructure', 'publicServices']);
    expect(v.results[0]!.reason).toContain('未填写村总人口数');
    const county = await ok(t.station, 'workflow.countyExit', { year: 2020, wrongExitPercent: 1, missedPercent: 3, satisfactionPercent: null }, admin);
    expect(county.results.find((r) => r.code === 'missed')).toMatchObject({ passed: false, reason: '漏评率3%，未低于2%' });
    expect(county.results.find((r) => r.code === 'satisfaction')).toMatchObject({ passed: null, reason: '待第三方评估' });
  });
});

describe('monitoring (防返贫) through the router', () => {
  it('declares a marginal household, runs it to the county decision and lists it as monitored', async () => {
    const h = (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, '刘德胜', { householdType: '3', attribute: null, mainCause: null, firstIdentifiedDate: null, plannedExitYear: null }) }, admin)).id;
    const unstable = await callApi(t.station, 'workflow.openMonitoring', { householdId: h, objectType: 'unstable', risks: ['01'], source: 'visit', reportedDate: '2021-05-10', note: '' }, clerk);
    expect(unstable.ok === false && unstable.error.message).toContain('脱贫不稳定户须是已脱贫的建档立卡户');
    const tooMany = await callApi(t.station, 'workflow.openMonitoring', { householdId: h, objectType: 'marginal', risks: ['01', '02', '03', '04', '05', '06'], source: 'visit', reportedDate: '2021-05-10', note: '' }, clerk);
    expect(tooMany.ok).toBe(false);
    let c = await ok(t.station, 'workflow.openMonitoring', { householdId: h, objectType: 'marginal', risks: ['01', '08'], source: 'visit', reportedDate: '2021-05-10', note: '户主住院' }, clerk);
    expect(c.currentStage).toBe('visit');
    const id = c.id;
    c = await ok(t.station, 'workflow.completeStep', step(id, 'visit', '2021-05-12', { verifiers: '王海', findings: '住院花费 6 万元', outcome: 'pass' }), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'review', '2021-05-14', { meetings: [meeting('2021-05-14')] }), clerk);
    c = await ok(t.station, 'workflow.addNotice', { caseId: id, level: 'village', startDate: '2021-05-17', endDate: '2021-05-21', place: '村委会' }, clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'notice', '2021-05-24', {}), clerk);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'township', '2021-05-25', { opinion: '同意纳入', outcome: 'pass' }), clerk);
    let rows = (await ok(t.station, 'workflow.monitoring', {}, clerk)).rows;
    expect(rows.map((r) => [r.headName, r.stateLabel, r.openCaseId])).toEqual([['刘德胜', '识别中', id]]);
    c = await ok(t.station, 'workflow.completeStep', step(id, 'county', '2021-05-28', { decision: 'approve', documentNumber: '会防监〔2021〕3号' }), admin);
    expect(c.outcome).toBe('passed');
    rows = (await ok(t.station, 'workflow.monitoring', { householdId: h }, clerk)).rows;
    expect(rows[0]).toMatchObject({ state: 'monitoring', includedDate: '2021-05-28', objectTypeLabel: '边缘易致贫户', risks: [{ code: '01', label: '因病' }, { code: '08', label: '因自然灾害' }] });
    expect((await ok(t.station, 'workflow.statusOn', { householdId: h, date: '2021-06-01' }, clerk)).status.monitoring).toMatchObject({ type: 'marginal' });
    const again = await callApi(t.station, 'workflow.openMonitoring', { householdId: h, objectType: 'sudden', risks: ['04'], source: 'visit', reportedDate: '2021-06-10', note: '' }, clerk);
    expect(again.ok === false && again.error.message).toContain('不能重复纳入');
    // elimination: the conditions are checked against the form's answers
    const el = await ok(t.station, 'workflow.openElimination', { monitoringId: rows[0]!.id, method: 'assisted', date: '2021-11-01' }, clerk);
    expect(el.currentStage).toBe('conditions');
    const unmet = await callApi(t.station, 'workflow.completeStep', step(el.id, 'conditions', '2021-11-03', { stableIncomeMonths: 2, rigidExpenditureSolved: false, risksResolved: true }), clerk);
    expect(unmet.ok).toBe(false);
    expect((await ok(t.station, 'workflow.monitoring', {}, clerk)).rows[0]!.state).toBe('eliminating');
  });
});
