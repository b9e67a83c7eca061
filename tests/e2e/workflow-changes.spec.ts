import { test, expect, type Locator, type Page } from '@playwright/test';
import type { HouseholdRow, Page as ListPage, RegionNode, StatusView } from '../../electron/core/api/contract';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { AppShell, LoginPage, cjk, pickOption } from './support/pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';

// Natural changes and corrections on the demo county: an exited household that moves away (整户迁出) is
// recorded from its 动态 tab and its status follows; a 清退 of a household that is not poor is
// refused with core's sentence; the village and county exit indicators; closing 2021, after which
// the move is a frozen figure and setting it right takes a correction event.
// Its own station: closing a year here cannot disturb workflow.spec.ts.

let station: RegistryStation;
test.beforeAll(async () => {
  station = await startRegistryStation(24);
}, 120_000);
test.afterAll(async () => station?.stop());

test.describe.configure({ mode: 'serial' });

const dialog = (page: Page, title: string | RegExp) => page.getByRole('dialog', { name: title });
const today = new Date().toISOString().slice(0, 10);

async function typeDate(within: Page | Locator, label: string, date: string): Promise<void> {
  const input = within.getByRole('textbox', { name: label }).first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function login(page: Page): Promise<AppShell> {
  const login = new LoginPage(page);
  await login.open(station.launchUrl);
  await login.login(station.admin.username, station.admin.password);
  const shell = new AppShell(page);
  await shell.expectLoaded();
  return shell;
}

/** A household of the township whose status on `date` is `status`. */
async function householdWith(status: string, date: string, regionCode = station.township.code): Promise<HouseholdRow> {
  const list = await station.api.call<ListPage<HouseholdRow>>('registry.searchHouseholds', { regionCode, offset: 0, limit: 100 });
  for (const h of list.rows) {
    const s = await station.api.call<StatusView>('workflow.statusOn', { householdId: h.id, date });
    if (s.status.status === status) return h;
  }
  throw new Error(`the demo county has no household that is ${status} on ${date}`);
}

async function pickVillage(page: Page, select: Locator, village: RegionNode): Promise<void> {
  await select.click();
  const tree = page.locator('.ant-select-dropdown:visible');
  await tree.locator('.ant-select-tree-treenode', { hasText: station.township.name }).locator('.ant-select-tree-switcher').click();
  await tree.locator('.ant-select-tree-title', { hasText: village.name.replace(/村民委员会$/, '村').replace(/居民委员会$/, '') }).first().click();
}

let household: HouseholdRow;

test('动态: 返贫排查 link, a refused 清退, a household that moves away', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  household = await householdWith('exited', '2021-01-01');
  await login(page);
  await page.goto(page.url().replace(/#.*$/, `#/registry/household/${household.id}`));
  await page.getByRole('tab', { name: /^动态/ }).click();
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
  const shell = await login(page);
  await shell.navItem('识别退出').click();
  await page.getByRole('tab', { name: '村/县退出指标' }).click();
  await page.getByRole('spinbutton', { name: '指标年度' }).fill('2020');

  const village = page.getByTestId('village-exit');
  await pickVillage(page, village.getByRole('combobox', { name: '退出指标的村' }), villages[0]!);
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
  const shell = await login(page);
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
  await page.goto(page.url().replace(/#.*$/, `#/registry/household/${household.id}`));
  await page.getByRole('tab', { name: /^动态/ }).click();
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
  const shell = await login(page);
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
