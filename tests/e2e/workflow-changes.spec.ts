import { test, expect } from '@playwright/test';
import type { CaseDetail, CaseRow, HouseholdRow, Page as ListPage, RegionNode, StatusView } from '../../electron/core/api/contract';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { cjk, pickOption } from './support/pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';
import { idNumber } from './support/id-number';
import { isoDay } from '../../electron/core/domain/workflow/dates';
import { dialog, openEventsTab, pickVillage, signInAdmin, typeDate } from './support/workflow-pages';

// Natural changes and corrections on the demo county: an exited household that moves away (整户迁出) is
// recorded from its 动态 tab and its status follows; a 清退 of a household that is not poor is
// refused with core's sentence; the village and county exit indicators; closing 2021, after which
// the move is a frozen figure and setting it right takes a correction event; a 一般农户 applies
// for identification from its 动态 tab.
// Its own station: closing a year here cannot disturb workflow.spec.ts.

let station: RegistryStation;
test.beforeAll(async () => {
  test.setTimeout(120_000); // generating the demo county
  station = await startRegistryStation(24);
});
test.afterAll(async () => station?.stop());

test.describe.configure({ mode: 'serial' });

const today = isoDay(new Date());

/** A household of the township whose status on `date` is `status`. */
async function householdWith(status: string, date: string, regionCode = station.township.code): Promise<HouseholdRow> {
  const list = await station.api.call<ListPage<HouseholdRow>>('registry.searchHouseholds', { regionCode, offset: 0, limit: 100 });
  for (const h of list.rows) {
    const s = await station.api.call<StatusView>('workflow.statusOn', { householdId: h.id, date });
    if (s.status.status === status) return h;
  }
  throw new Error(`the demo county has no household that is ${status} on ${date}`);
}

let household: HouseholdRow;

test('动态: 返贫排查 link, a refused 清退, a household that moves away', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  household = await householdWith('exited', '2021-01-01');
  await signInAdmin(page, station);
  await openEventsTab(page, household.id);
  await expect(page.getByTestId('household-status')).toHaveText(/^已脱贫/);

  // 返贫排查 opens the case dialog with this household and the return workflow already chosen
  await page.getByRole('button', { name: cjk('返贫排查') }).click();
  const apply = dialog(page, '农户申请');
  await expect(apply).toContainText(household.headName!);
  await expect(apply.getByRole('radio', { name: '返贫认定（已脱贫户）' })).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`householdId=${household.id}`));
  await apply.getByRole('button', { name: cjk('取消') }).click();
  await page.goBack();
  await page.getByRole('tab', { name: /^动态/ }).click();

  // 识别不准清退 only applies to a poor household: core refuses, the dialog says why
  await page.getByRole('button', { name: cjk('减少（清退）') }).click();
  const remove = dialog(page, /^减少：/);
  await pickOption(page, remove.getByRole('combobox', { name: '减少原因' }), '识别不准清退');
  await typeDate(remove, '减少日期', '2021-05-10');
  await remove.getByLabel('情况说明').fill('核查发现家庭收入较高');
  await remove.getByRole('button', { name: cjk('登记减少') }).click();
  await expect(remove.getByRole('alert')).toContainText('识别不准清退只适用于未脱贫的建档立卡户');

  // 整户迁出 is the station's: recorded, shown in 动态, and the status follows
  await pickOption(page, remove.getByRole('combobox', { name: '减少原因' }), '整户迁出');
  await remove.getByLabel('情况说明').fill('全家迁往兰州市落户');
  await page.screenshot({ path: `${SCREENS}/workflow-household-remove.png` });
  await remove.getByRole('button', { name: cjk('登记减少') }).click();
  await expect(remove).toHaveCount(0);
  await expect(page.getByTestId('household-status')).toHaveText('已减少（清退）（2021-05-10 起）');
  const event = page.locator('.ant-timeline-item').filter({ hasText: '整户迁出：全家迁往兰州市落户' });
  await expect(event).toContainText('2021-05-10');
  await expect(event).toContainText('2021 年度');
  await expect(page.getByRole('button', { name: cjk('减少（清退）') })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^动态/ })).toHaveText(/动态（\d+）/);
  await page.screenshot({ path: `${SCREENS}/workflow-household-removed.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('村/县退出指标: a village and the county against the 2020 indicators', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const villages = await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code });
  const shell = await signInAdmin(page, station);
  await shell.navItem('识别退出').click();
  await page.getByRole('tab', { name: '村/县退出指标' }).click();
  await page.getByRole('spinbutton', { name: '指标年度' }).fill('2020');

  const village = page.getByTestId('village-exit');
  await pickVillage(page, village.getByRole('combobox', { name: '退出指标的村' }), station, villages[0]!);
  const incidence = village.locator('tr').filter({ hasText: '贫困发生率' });
  await expect(incidence).toContainText('低于 3%');
  await expect(incidence.locator('.ant-tag')).toHaveText(/^(达到|未达到)$/);
  await expect(village.locator('tbody tr')).toHaveCount(4);

  const county = page.getByTestId('county-exit');
  await expect(county.locator('tr').filter({ hasText: '综合贫困发生率低于3%' })).toBeVisible();
  await expect(county.locator('tr').filter({ hasText: '错退率' })).toContainText('待第三方评估');
  await county.getByRole('spinbutton', { name: '错退率' }).fill('3');
  await expect(county.locator('tr').filter({ hasText: '错退率' })).toContainText('错退率3%，未低于2%');
  await page.screenshot({ path: `${SCREENS}/workflow-exit-indicators.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('年度结转: closing 2021 freezes its figures; the move is then set right by a correction', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const shell = await signInAdmin(page, station);
  await shell.navItem('识别退出').click();
  await page.getByRole('tab', { name: '年度结转' }).click();
  const row2021 = page.locator('tr[data-row-key="2021"]');
  await expect(row2021).toContainText('未结账');
  const decrease = row2021.locator('td').nth(6);
  const before = Number((await decrease.innerText()).split(' 户')[0]);
  // A poor household that dies out in 2021 is one more of the year's natural decrease (an
  // ordinary household moving away is not: the flows count the poor population).
  const poor = await householdWith('poor', '2021-11-20', station.township.code.slice(0, 6) + '000000');
  await station.api.call('workflow.removeHousehold', { householdId: poor.id, reason: 'extinct', date: '2021-11-20', note: '户主去世，家中已无其他成员' });
  await page.reload();
  await expect(decrease).toHaveText(new RegExp(`^${before + 1} 户`));

  await row2021.getByRole('button', { name: cjk('结账') }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('2021-12-31');
  await expect(confirm).toContainText('结账不可撤销');
  await page.screenshot({ path: `${SCREENS}/workflow-year-close-confirm.png` });
  await confirm.getByRole('button', { name: cjk('结账 2021 年度') }).click();
  await expect(row2021).toContainText('已结账');
  await expect(page.getByText('已结账至 2021 年度')).toBeVisible();
  // Earlier years can no longer be closed
  await expect(page.locator('tr[data-row-key="2020"]').getByRole('button', { name: cjk('结账') })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/workflow-year-close.png`, fullPage: true });

  // On the household: a change dated 2021 is now refused; a correction dated today is recorded
  await openEventsTab(page, household.id);
  await page.getByRole('button', { name: cjk('状态更正') }).click();
  const correct = dialog(page, /^状态更正：/);
  await pickOption(page, correct.getByRole('combobox', { name: '更正为' }), '已脱贫');
  await typeDate(correct, '更正日期', '2021-12-01');
  await correct.getByRole('spinbutton', { name: '所更正的年度' }).fill('2021');
  await correct.getByLabel('更正原因').fill('该户并未迁出，系误报');
  await correct.getByRole('button', { name: cjk('登记更正') }).click();
  await expect(correct.getByRole('alert')).toContainText('2021年度已结账');
  await typeDate(correct, '更正日期', today);
  await correct.getByRole('button', { name: cjk('登记更正') }).click();
  await expect(correct).toHaveCount(0);
  await expect(page.getByTestId('household-status')).toHaveText(`已脱贫（${today} 起）`);
  await expect(page.locator('.ant-timeline-item').filter({ hasText: '更正2021年度' })).toContainText('已减少（清退） → 已脱贫（该户并未迁出，系误报）');
  await page.screenshot({ path: `${SCREENS}/workflow-status-corrected.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('年度参数: an administrator changes a county exit threshold of 2020; the county indicators follow', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const shell = await signInAdmin(page, station);
  await shell.navItem('识别退出').click();
  await page.getByRole('tab', { name: '年度参数' }).click();
  await page.getByRole('spinbutton', { name: '参数年度' }).fill('2020');
  await expect(page.getByText('系统默认值')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '指标名称' }).first()).not.toHaveValue('');
  await page.getByRole('spinbutton', { name: '漏评率低于' }).fill('1');
  await page.getByRole('button', { name: cjk('保存') }).click();
  await expect(page.getByText('2020 年度识别退出参数已保存')).toBeVisible();
  await expect(page.getByText('已保存的本年度参数')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/workflow-params.png`, fullPage: true });

  await page.getByRole('tab', { name: '村/县退出指标' }).click();
  await page.getByRole('spinbutton', { name: '指标年度' }).fill('2020');
  await expect(page.getByTestId('county-exit').locator('tr').filter({ hasText: '漏评率低于1%' })).toBeVisible();
  expect(errors).toEqual([]);
});

test("申请识别 from a 一般农户's 动态 tab: refused without a reason, then the identification case is opened", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  // The demo county registers only poor and exited households. A 一般农户 is a registered household
  // whose application was withdrawn: core records identification.rejected and the household stays.
  const villages = await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code });
  const earlier = await station.api.call<CaseDetail>('workflow.openIdentification', {
    kind: 'identification',
    householdId: null,
    applicant: { regionCode: villages[1]!.code, groupName: '二社', headName: '牛占彪', headIdNumber: idNumber('620422', '1971-08-20', 613), phone: null },
    applicationDate: '2022-04-01',
    reason: '家中缺劳力',
    attribute: null,
    mainCause: null,
  });
  await station.api.call('workflow.withdraw', { caseId: earlier.id, reason: '当年务工收入已超过扶贫标准，本人撤回申请' });
  const householdId = earlier.householdId;
  const statusToday = async () => (await station.api.call<StatusView>('workflow.statusOn', { householdId, date: today })).status.status;
  const openCases = async () =>
    (await station.api.call<ListPage<CaseRow>>('workflow.cases', { householdId, outcome: 'open', offset: 0, limit: 10 })).rows;
  expect(await statusToday()).toBe('none');

  await signInAdmin(page, station);
  await openEventsTab(page, householdId);
  await expect(page.getByTestId('household-status')).toHaveText(/^一般农户/);
  await expect(page.getByRole('button', { name: cjk('返贫排查') })).toHaveCount(0);
  await page.getByRole('button', { name: cjk('申请识别') }).click();
  const apply = dialog(page, '农户申请');
  await expect(page).toHaveURL(new RegExp(`householdId=${householdId}`));
  await expect(apply).toContainText('牛占彪');
  await expect(apply.getByRole('radio', { name: '贫困户识别' })).toBeChecked();
  await expect(apply.getByRole('radio', { name: '已登记的户' })).toBeChecked();

  // Without 申请理由 core refuses, the dialog stays open naming the field, and no case is opened
  await pickOption(page, apply.getByRole('combobox', { name: '主要致贫原因' }), '缺劳力');
  await apply.getByRole('button', { name: cjk('登记申请') }).click();
  await expect(apply.getByRole('alert')).toContainText('「申请理由」：请填写申请理由');
  await page.screenshot({ path: `${SCREENS}/workflow-household-apply-refused.png` });
  expect(await openCases()).toEqual([]);

  await apply.getByLabel('申请理由').fill('户主腰椎受伤，无法外出务工');
  await apply.getByRole('button', { name: cjk('登记申请') }).click();
  await expect(page.getByText('贫困户识别：牛占彪')).toBeVisible();
  await expect(page.getByTestId('current-step').locator('.ant-card-head-title').first()).toHaveText('办理：一核（核收入）');
  await page.screenshot({ path: `${SCREENS}/workflow-household-applied.png`, fullPage: true });

  // Core has the case, with what the dialog said, and the household is now an applicant
  const cases = await openCases();
  expect(cases.map((c) => [c.kind, c.headName])).toEqual([['identification', '牛占彪']]);
  const opened = await station.api.call<CaseDetail>('workflow.case', { id: cases[0]!.id });
  expect(opened.opening).toMatchObject({ applicationDate: today, reason: '户主腰椎受伤，无法外出务工', mainCause: '08', newApplicant: false });
  expect(await statusToday()).toBe('applicant');

  // Back on 动态: the application is an event; 申请识别 and 减少 wait for the open case, which is linked
  await openEventsTab(page, householdId);
  await expect(page.getByTestId('household-status')).toHaveText(`申请识别中（${today} 起）`);
  await expect(page.locator('.ant-timeline-item').filter({ hasText: '户主腰椎受伤，无法外出务工' })).toContainText(today);
  await expect(page.getByRole('button', { name: cjk('申请识别') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /减\s*少/ })).toHaveCount(0);
  await page.getByRole('button', { name: '正在办理：贫困户识别' }).click();
  await expect(page).toHaveURL(/#\/identification\/case\//);
  await page.goBack();
  await page.screenshot({ path: `${SCREENS}/workflow-household-applicant.png`, fullPage: true });
  expect(errors).toEqual([]);
});
