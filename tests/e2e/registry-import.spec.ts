// 导出 / 导入 xlsx through the real page: a township exported from a demo station is imported into
// a fresh station (dry run, summary, apply); a copy with one wrong ID number shows that row's
// field and rule and is refused as a whole; a file that is not xlsx gets core's sentence.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from '@playwright/test';
import type { RegionNode } from '../../electron/core/api/contract';
import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { AppShell, LoginPage, cjk } from './support/pages';
import { RegistryListPage } from './support/registry-pages';
import { fupinCli, serveStation, ADMIN, type RunningStation } from './support/station';
import { DEMO_ADMIN } from './support/registry-station';
import { StationApi } from './support/api-client';

const DEMO_HOUSEHOLDS = 30;

let source: RunningStation;
let target: RunningStation;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fupin-e2e-xlsx-'));
  [source, target] = await Promise.all([
    serveStation({ initialized: false, prepare: (db) => fupinCli(db, ['demo', '--households', String(DEMO_HOUSEHOLDS), '--townships', '1', '--create']).then(() => undefined) }),
    serveStation({ initialized: true }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  rmSync(work, { recursive: true, force: true });
});

async function signedIn(browser: Browser, station: RunningStation, account: { username: string; password: string }): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const errors = collectConsoleErrors(page);
  const login = new LoginPage(page);
  await login.open(station.launchUrl);
  await login.login(account.username, account.password);
  await new AppShell(page).expectLoaded();
  return { page, errors };
}

/** The same workbook with one member's (not a head's) ID number given a wrong check character. */
async function withBadIdNumber(file: string, out: string): Promise<{ row: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(1).values as unknown[];
  const idCol = header.indexOf('证件号码');
  const relCol = header.indexOf('与户主关系');
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(relCol).text === '户主') continue;
    const id = row.getCell(idCol).text;
    row.getCell(idCol).value = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    await wb.xlsx.writeFile(out);
    return { row: r };
  }
  throw new Error('no member row in the export');
}

test('export a township from one station, import it into a fresh one, then a bad row and a bad file', async ({ browser }) => {
  const api = await (await StationApi.open(source.launchUrl)).login(DEMO_ADMIN.username, DEMO_ADMIN.password);
  const township = (await api.call<RegionNode[]>('registry.tree', { parentCode: null })).find((t) => t.households > 0)!;

  // both signed in at once: each login unwraps the node key (scrypt), a second or two
  const [a, b] = await Promise.all([signedIn(browser, source, DEMO_ADMIN), signedIn(browser, target, ADMIN)]);

  // 导出: the township, one row per person, from the demo station
  const listA = new RegistryListPage(a.page);
  await listA.open();
  await listA.selectTreeNode(township.name);
  await listA.expectTotal(township.households);
  await a.page.getByRole('button', { name: /导出 xlsx/ }).click();
  const exportDialog = a.page.getByRole('dialog', { name: '导出 xlsx' });
  await expect(exportDialog).toContainText(township.name);
  await exportDialog.getByRole('radio', { name: /每人一行/ }).check();
  await a.page.screenshot({ path: `${SCREENS}/registry-export-dialog.png` });
  const [download] = await Promise.all([a.page.waitForEvent('download'), exportDialog.getByRole('button', { name: cjk('导出') }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^建档立卡-${township.name}-每人一行-\\d{8}\\.xlsx$`));
  const exported = join(work, download.suggestedFilename());
  await download.saveAs(exported);
  await expect(exportDialog.getByTestId('export-done')).toContainText(`已导出 ${township.households} 户、${township.persons} 行`);
  expect(a.errors).toEqual([]);

  // 导入 into the fresh station: dry run, summary, all-or-nothing, result, the list
  const listB = new RegistryListPage(b.page);
  await listB.open();
  await listB.expectTotal(0);
  const importDialog = b.page.getByRole('dialog', { name: /导入 xlsx/ });
  const pick = async (file: string) => {
    await b.page.getByRole('button', { name: /导入 xlsx/ }).click();
    await importDialog.locator('input[type=file]').setInputFiles(file);
  };
  await pick(exported);
  const summary = importDialog.getByTestId('import-summary');
  await expect(summary).toContainText(`${township.persons} 行 · ${township.households} 户 · ${township.persons} 人`);
  await expect(summary).toContainText(`${township.households} 户（新增 ${township.households}，更新 0，无变化 0）`);
  await expect(summary).toContainText('有错误0 户');
  await expect(importDialog.getByRole('radio', { name: /全部导入或全不导入/ })).toBeChecked();
  await b.page.screenshot({ path: `${SCREENS}/registry-import-dry-run.png` });
  await importDialog.getByRole('button', { name: cjk('开始导入') }).click();
  await expect(importDialog).toContainText('导入完成');
  await expect(importDialog).toContainText(`新增 ${township.households} 户，更新 0 户，无变化 0 户。`);
  await b.page.screenshot({ path: `${SCREENS}/registry-import-done.png` });
  await importDialog.getByRole('button', { name: cjk('完成') }).click();
  await listB.expectTotal(township.households);
  await expect(listB.treeNode(township.name)).toContainText(`${township.households} 户`);

  // a copy with one wrong check character: the row, the field and the rule; all-or-nothing refuses
  const bad = join(work, '有错误.xlsx');
  const { row } = await withBadIdNumber(exported, bad);
  await pick(bad);
  await expect(summary).toContainText('有错误1 户');
  const problem = importDialog.getByRole('table').getByRole('row').filter({ hasText: '证件号码' }).filter({ hasText: /Q-ID-\d+/ }).first();
  await expect(problem.getByRole('cell').first()).toHaveText(String(row));
  await expect(problem).toContainText('错误');
  await expect(importDialog.getByRole('radio', { name: /只导入无错误的户/ })).toBeChecked();
  await b.page.screenshot({ path: `${SCREENS}/registry-import-bad-row.png` });
  await importDialog.getByRole('radio', { name: /全部导入或全不导入/ }).check();
  await importDialog.getByRole('button', { name: cjk('开始导入') }).click();
  await expect(importDialog).toContainText('未导入任何数据');
  await expect(importDialog).toContainText(`第 ${row} 行 证件号码`);
  await b.page.screenshot({ path: `${SCREENS}/registry-import-refused.png` });
  await importDialog.getByRole('button', { name: cjk('完成') }).click();

  // not an xlsx at all: core's sentence, nothing imported
  const text = join(work, '名单.xlsx');
  writeFileSync(text, '姓名,证件号码\n张三,620422198001011234\n');
  await pick(text);
  await expect(importDialog.getByTestId('import-file-error')).toContainText('不是 xlsx 文件：文件内容是文本');
  await b.page.screenshot({ path: `${SCREENS}/registry-import-bad-file.png` });
  await importDialog.locator('.ant-modal-footer').getByRole('button', { name: cjk('关闭') }).click();
  await listB.expectTotal(township.households);
  expect(b.errors).toEqual([]);
  await Promise.all([a.page.context().close(), b.page.context().close()]);
});
