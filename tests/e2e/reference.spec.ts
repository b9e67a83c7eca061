import type { Page } from '@playwright/test';
import type { CodeOption } from '../../electron/core/api/contract';
import { test, expect } from './support/registry-fixtures';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { AppShell, cjk } from './support/pages';

/** The list of tables is long (and virtual): type to find one. */
async function pickCodeTable(page: Page, name: string): Promise<void> {
  const select = page.getByRole('combobox', { name: '代码表' });
  await select.click();
  await select.fill(name);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`).click();
}

test('年度参数: the [U] values say 待确认; an administrator saves a year', async ({ page, registry, signIn }) => {
  const errors = collectConsoleErrors(page);
  await signIn('admin');
  await new AppShell(page).openSettings('年度参数');
  await page.getByRole('combobox', { name: '年度' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="2019 年"]').click();
  const target = page.getByLabel(/退出收入标准/);
  await expect(target).toHaveValue('3747');
  // 2019's exit target is a derivation, not a figure from a document.
  await expect(page.locator('.ant-form-item').filter({ hasText: '退出收入标准' })).toContainText('待确认');
  await expect(page.getByText('内置默认值')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/reference-year-params.png`, fullPage: true });

  await target.fill('3800');
  await page.getByRole('button', { name: /保存 2019 年度参数/ }).click();
  await expect(page.locator('.ant-message')).toContainText('已保存 2019 年度参数');
  await expect(page.getByText('本单位已保存')).toBeVisible();
  const stored = await registry.api.call<{ params: { exitIncomeTarget: number | null; dibaoClasses: { label: string }[] }; stored: boolean }>('reference.yearParams', { year: 2019 });
  expect(stored.stored).toBe(true);
  expect(stored.params.exitIncomeTarget).toBe(3800);
  expect(stored.params.dibaoClasses.map((c) => c.label)).toEqual(['一类', '二类', '三类', '四类']);
  expect(errors).toEqual([]);
});

test('代码表: an administrator adds a code, it is offered in the registry, then retires it', async ({ page, registry, signIn }) => {
  const errors = collectConsoleErrors(page);
  await signIn('admin');
  await new AppShell(page).openSettings('代码表');
  await pickCodeTable(page, '致贫原因');
  // A table with a fixed header is two tables: the rows are in the second.
  const table = page.getByRole('table', { name: '代码' }).last();
  await expect(table).toContainText('因病');
  await expect(page.getByText('2020 年使用 2014–2016 版')).toBeVisible();

  await page.getByRole('button', { name: cjk('新增代码') }).click();
  const dialog = page.getByRole('dialog', { name: /新增代码/ });
  await dialog.getByLabel('代码').fill('98');
  await dialog.getByLabel('名称').fill('因灾（测试）');
  await dialog.getByRole('button', { name: cjk('保存') }).click();
  await expect(dialog).toBeHidden();
  const row = table.getByRole('row', { name: /因灾（测试）/ });
  await expect(row).toContainText('本单位修改');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/reference-code-table.png` });
  const tables = await registry.api.call<Record<string, CodeOption[]>>('registry.codeTables', { year: 2020 });
  expect(tables.cause!.some((o) => o.code === '98' && o.label === '因灾（测试）')).toBe(true);

  // The registry's filter offers it at once (the window's cached tables were dropped).
  await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '建档立卡' }).click();
  await page.getByRole('combobox', { name: '主要致贫原因' }).click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="因灾（测试）"]')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await new AppShell(page).openSettings('代码表');
  await pickCodeTable(page, '致贫原因');
  await table.getByRole('row', { name: /因灾（测试）/ }).getByRole('button', { name: cjk('停用') }).click();
  await page.getByRole('dialog').getByRole('button', { name: cjk('停用') }).click();
  await expect(table.getByRole('row', { name: /因灾（测试）/ })).toContainText('已停用');
  const after = await registry.api.call<Record<string, CodeOption[]>>('registry.codeTables', { year: 2020 });
  expect(after.cause!.some((o) => o.code === '98')).toBe(false);
  expect(errors).toEqual([]);
});

test('a clerk does not see the reference tabs', async ({ page, signIn }) => {
  await signIn('clerk');
  await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page.getByRole('tab', { name: '节点信息', selected: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '年度参数' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '代码表' })).toHaveCount(0);
});
