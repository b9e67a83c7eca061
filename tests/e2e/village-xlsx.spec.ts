// 村信息表 xlsx through the real page, as a township clerk: the village forms of the township
// exported from 导出 xlsx (the households' file is an administrator's), one field changed and one
// impossible count typed into the file, imported through 导入 xlsx → 村信息表: the dry run names
// the bad row's field and rule, only the valid villages are applied, and the page's form shows it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { RegionNode, VillageFormView } from '../../electron/core/api/contract';
import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { AppShell, LoginPage, cjk } from './support/pages';
import { RegistryListPage } from './support/registry-pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';

let station: RegistryStation;
let work: string;
test.beforeAll(async () => {
  test.setTimeout(120_000); // generating the demo county
  station = await startRegistryStation(24);
  work = mkdtempSync(join(tmpdir(), 'fupin-e2e-village-xlsx-'));
});
test.afterAll(async () => {
  await station?.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Edited {
  /** 1-based sheet rows */
  changedRow: number;
  badRow: number;
  changedCode: string;
  cooperatives: number;
}

/** The exported file with one village's 农民专业合作社个数 changed and another's 低保户数 above its 总户数. */
async function edit(file: string, out: string): Promise<Edited> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(1).values as unknown[];
  const col = (h: string) => header.indexOf(h);
  const filled: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) if (typeof ws.getRow(r).getCell(col('总户数')).value === 'number') filled.push(r);
  expect(filled.length).toBeGreaterThan(1);
  const [changedRow, badRow] = filled as [number, number];
  const changed = ws.getRow(changedRow);
  const cooperatives = Number(changed.getCell(col('农民专业合作社个数')).value) + 3;
  changed.getCell(col('农民专业合作社个数')).value = cooperatives;
  const bad = ws.getRow(badRow);
  bad.getCell(col('低保户数')).value = Number(bad.getCell(col('总户数')).value) + 3;
  await wb.xlsx.writeFile(out);
  return { changedRow, badRow, changedCode: changed.getCell(col('村代码')).text, cooperatives };
}

test('a clerk exports the township\'s village forms and imports a changed copy, seeing the dry run first', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const villages = (await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code })).filter((v) => v.level === 'village');
  const login = new LoginPage(page);
  await login.open(station.launchUrl);
  await login.login(station.clerk.username, station.clerk.password);
  await new AppShell(page).expectLoaded();
  const list = new RegistryListPage(page);
  await list.open();
  await list.selectTreeNode(station.township.name);

  // 导出: the clerk may not take the households' file, only the village forms
  await page.getByRole('button', { name: /导出 xlsx/ }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出 xlsx' });
  await expect(exportDialog.locator('.ant-segmented-item-disabled')).toHaveText('户和人员');
  await expect(exportDialog.locator('.ant-segmented-item-selected')).toHaveText('村信息表');
  await expect(exportDialog).toContainText('贫困村信息采集表，每个村一行');
  await expect(exportDialog).not.toContainText('身份证号');
  await page.screenshot({ path: `${SCREENS}/village-xlsx-export-dialog.png` });
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: cjk('导出') }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^村信息表-${station.township.name}-\\d{8}\\.xlsx$`));
  const exported = join(work, download.suggestedFilename());
  await download.saveAs(exported);
  await expect(exportDialog.getByTestId('export-done')).toContainText(`已导出 ${villages.length} 个村的村信息表`);
  await exportDialog.getByRole('button', { name: cjk('完成') }).click();

  const modified = join(work, '村信息-改.xlsx');
  const e = await edit(exported, modified);

  // 导入 → 村信息表: the dry run's counts and the bad row, before anything is written
  await page.getByRole('button', { name: /导入 xlsx/ }).click();
  const importDialog = page.getByRole('dialog', { name: /导入 xlsx/ });
  await importDialog.locator('.ant-segmented-item', { hasText: '村信息表' }).click();
  await expect(importDialog).toContainText('导入 xlsx（村信息表，每个村一行）');
  await expect(importDialog).toContainText('只能导入' + station.township.name + '范围内的村');
  await page.screenshot({ path: `${SCREENS}/village-xlsx-import-pick.png` });
  await importDialog.locator('input[type=file]').setInputFiles(modified);
  const summary = importDialog.getByTestId('import-summary');
  await expect(summary).toContainText(`${villages.length} 行 · 每个村一行`);
  await expect(summary).toContainText(`${villages.length - 1} 个村（新增 0，更新 1，无变化 ${villages.length - 2}）`);
  await expect(summary).toContainText('有错误1 个村');
  const problem = importDialog.getByRole('table').getByRole('row').filter({ hasText: 'VILLAGE-PART' }).first();
  await expect(problem.getByRole('cell').nth(0)).toHaveText(String(e.badRow));
  await expect(problem.getByRole('cell').nth(1)).toHaveText('低保户数');
  await expect(problem).toContainText('大于「总户数」');
  await expect(importDialog.getByRole('radio', { name: /只导入无错误的村/ })).toBeChecked();
  await page.screenshot({ path: `${SCREENS}/village-xlsx-dry-run.png` });
  const before = await station.api.call<VillageFormView>('registry.village', { regionCode: e.changedCode });
  expect(before.record.cooperativeCount).toBe(e.cooperatives - 3);

  await importDialog.getByRole('button', { name: cjk('开始导入') }).click();
  await expect(importDialog).toContainText('导入完成');
  await expect(importDialog).toContainText(`新增 0 个村，更新 1 个村，无变化 ${villages.length - 2} 个村，跳过 1 个村（有错误，未导入）。`);
  await page.screenshot({ path: `${SCREENS}/village-xlsx-done.png` });
  await importDialog.getByRole('button', { name: cjk('完成') }).click();
  const after = await station.api.call<VillageFormView>('registry.village', { regionCode: e.changedCode });
  expect(after.record).toEqual({ ...before.record, cooperativeCount: e.cooperatives });
  expect(errors).toEqual([]);
});
