import { test, expect, type Page } from '@playwright/test';
import type { Page as ApiPage, PairingView } from '../../electron/core/api/contract';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { addDays, isoDay } from '../../electron/core/domain/workflow/dates';
import { AppShell, LoginPage, cjk, pickOption } from './support/pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';
import { idNumber } from './support/id-number';

// 帮扶 on the demo county (24 households, each with its cadre): a unit and a cadre are registered,
// a household whose pairing ended shows on the coverage page, gets the new cadre, a plan, a
// measure and a ledger entry, and a loan above the cap is refused with the rule's message.

let station: RegistryStation;
test.beforeAll(async () => {
  test.setTimeout(120_000); // generating the demo county
  station = await startRegistryStation(24);
});
test.afterAll(async () => station?.stop());

const dialog = (page: Page, title: string | RegExp) => page.getByRole('dialog', { name: title });

async function typeDate(page: Page, label: string, date: string, within = page.locator('body')): Promise<void> {
  const input = within.getByRole('textbox', { name: label });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('register a unit and a cadre, close a coverage gap by pairing, keep the three books, refuse a loan above the cap', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  // A household whose cadre left yesterday: the 两个全覆盖 check must find it.
  const yesterday = addDays(isoDay(new Date()), -1);
  const pairings = await station.api.call<ApiPage<PairingView>>('assistance.listPairings', { offset: 0, limit: 5 });
  const target = pairings.rows[0]!;
  await station.api.call('assistance.endPairing', { id: target.id, toDate: yesterday, reason: '工作调动' });
  const head = target.headName!;

  const login = new LoginPage(page);
  await login.open(station.launchUrl);
  await login.login(station.admin.username, station.admin.password);
  const shell = new AppShell(page);
  await shell.expectLoaded();

  await shell.navItem('帮扶').click();
  await expect(page.getByRole('tab', { name: '覆盖检查', selected: true })).toBeVisible();
  // the demo's poor villages all have their team: the household is the one gap of its kind
  await expect(page.getByText(/贫困村无工作队（0）/)).toBeVisible();
  await page.getByText(/贫困户无帮扶责任人（\d+）/).click();
  const gap = page.locator('.ant-table-row').filter({ hasText: `${head}户没有在帮的帮扶责任人` });
  await expect(gap).toHaveCount(1);
  await expect(page.getByText('贫困户有帮扶责任人')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/assistance-coverage-gap.png` });

  // 帮扶单位
  await page.getByRole('tab', { name: '帮扶单位' }).click();
  await page.getByRole('button', { name: cjk('登记帮扶单位') }).click();
  const unitDialog = dialog(page, '登记帮扶单位');
  await unitDialog.getByLabel('单位名称').fill('会宁县统计局');
  await unitDialog.getByRole('button', { name: cjk('保存') }).click();
  await expect(page.getByText('已保存「会宁县统计局」')).toBeVisible();
  await page.getByPlaceholder('按单位名称查找').fill('统计局');
  await expect(page.locator('.ant-table-row')).toHaveCount(2);
  await expect(page.locator('.ant-table-row').filter({ hasText: '会宁县统计局' })).toContainText('县');

  // 帮扶责任人: a bad phone first, then the corrected form
  await page.getByRole('tab', { name: '帮扶责任人' }).click();
  await page.getByRole('button', { name: cjk('登记帮扶责任人') }).click();
  const cadreDialog = dialog(page, '登记帮扶责任人');
  await cadreDialog.getByLabel('姓名').fill('高振华');
  await cadreDialog.getByLabel('证件号码').fill(idNumber('620422', '1986-07-12', 135));
  await cadreDialog.getByLabel('联系电话').fill('1399301234');
  await pickOption(page, cadreDialog.getByRole('combobox', { name: '单位名称' }), '会宁县统计局', '会宁县统计');
  await pickOption(page, cadreDialog.getByRole('combobox', { name: '行政职务级别' }), '一般干部（帮扶 2 户）');
  await cadreDialog.getByRole('button', { name: cjk('保存') }).click();
  await expect(cadreDialog.getByRole('alert')).toContainText('「联系电话」：应为 11 位手机号码');
  await cadreDialog.getByLabel('联系电话').fill('13993012345');
  await cadreDialog.getByRole('button', { name: cjk('保存') }).click();
  await expect(page.getByText('已保存高振华')).toBeVisible();
  await page.getByLabel('查找帮扶责任人').fill('高振华');
  await page.getByLabel('查找帮扶责任人').press('Enter');
  const cadreRow = page.locator('.ant-table-row').filter({ hasText: '高振华' });
  await expect(cadreRow).toContainText('0 / 2 户');
  await expect(cadreRow).toContainText('会宁县统计局');
  await page.screenshot({ path: `${SCREENS}/assistance-cadres.png` });

  // From the gap to the household's 帮扶 tab: pair it with the new cadre
  await page.getByRole('tab', { name: '覆盖检查' }).click();
  await page.getByText(/贫困户无帮扶责任人（\d+）/).click();
  await gap.getByRole('link', { name: '去结对' }).click();
  await expect(page.getByRole('heading', { name: head })).toBeVisible();
  await expect(page.getByText('本户目前没有在帮的帮扶责任人')).toBeVisible();
  await page.getByRole('button', { name: cjk('结对帮扶') }).click();
  const pairDialog = dialog(page, '结对帮扶');
  await pairDialog.getByRole('combobox', { name: '帮扶责任人' }).click();
  await pairDialog.getByRole('combobox', { name: '帮扶责任人' }).fill('高振华');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '高振华' }).click();
  await pairDialog.getByRole('button', { name: cjk('结对') }).click();
  await expect(page.getByText(`已为${head}户指定帮扶责任人高振华`)).toBeVisible();
  const cadres = page.locator('.ant-card').filter({ hasText: '帮扶责任人' }).first();
  await expect(cadres.locator('.ant-table-row').filter({ hasText: '高振华' })).toContainText('在帮');
  await expect(cadres.locator('.ant-table-row').filter({ hasText: '工作调动' })).toHaveCount(1);

  // A small loan of 8万元 is refused by the rule, naming the field
  await page.getByRole('button', { name: cjk('登记享受政策') }).click();
  const benefit = dialog(page, '登记享受政策');
  await pickOption(page, benefit.getByRole('combobox', { name: '借款人' }), head);
  await benefit.getByLabel('借款金额').fill('80000');
  await typeDate(page, '放款日期', '2019-04-01', benefit);
  await typeDate(page, '到期日期', '2021-04-01', benefit);
  await pickOption(page, benefit.getByRole('combobox', { name: '贷款用途' }), '养殖业');
  await benefit.getByRole('button', { name: cjk('保存') }).click();
  await expect(benefit.getByRole('alert')).toContainText('「借款金额」：80000 元超过每户最高 50000 元（规则：扶贫小额信贷额度不超过 5 万元）');
  await page.screenshot({ path: `${SCREENS}/assistance-loan-refused.png` });
  await benefit.getByRole('button', { name: cjk('取消') }).click();
  await page.screenshot({ path: `${SCREENS}/assistance-household.png` });

  // 三本账: the plan, a measure, a ledger entry
  await page.getByRole('tab', { name: '三本账' }).click();
  await page.getByLabel('发展目标').fill('发展肉羊养殖，家庭劳力外出务工');
  await page.getByRole('button', { name: cjk('保存脱贫计划') }).click();
  await expect(page.getByText(/^脱贫计划已保存/)).toBeVisible();

  await page.getByRole('button', { name: cjk('登记帮扶措施') }).click();
  const measure = dialog(page, '登记帮扶措施');
  await pickOption(page, measure.getByRole('combobox', { name: '措施类别' }), '产业扶贫');
  await measure.getByLabel('项目名称').fill('肉羊养殖（基础母羊 5 只）');
  await measure.getByLabel('投入金额').fill('6000');
  await measure.getByRole('button', { name: cjk('保存') }).click();
  await expect(page.getByText(/^帮扶措施已保存/)).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: '肉羊养殖（基础母羊 5 只）' })).toContainText('6,000 元');

  await page.getByRole('button', { name: cjk('记工作台账') }).click();
  const ledger = dialog(page, '记工作台账');
  await expect(ledger.getByRole('combobox', { name: '帮扶人' })).toBeVisible();
  await expect(ledger).toContainText('高振华（帮扶责任人）');
  await ledger.getByLabel('工作记录').fill('入户结对，了解家庭收入和养殖打算');
  await ledger.getByLabel('解决的问题').fill('讲清产业到户奖补政策');
  await ledger.getByRole('button', { name: cjk('保存') }).click();
  await expect(page.getByText(/^工作台账已保存/)).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: '入户结对，了解家庭收入和养殖打算' })).toContainText('高振华');
  await page.screenshot({ path: `${SCREENS}/assistance-books.png`, fullPage: true });

  // The gap is gone
  await shell.navItem('帮扶').click();
  await expect(page.getByRole('tab', { name: '覆盖检查', selected: true })).toBeVisible();
  await expect(page.getByText('贫困户有帮扶责任人')).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: `${head}户没有在帮的帮扶责任人` })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/assistance-coverage-closed.png` });
  expect(errors).toEqual([]);
});
