// 数据交换 end to end: a township station and its county station, each a real `fupin serve` on its
// own database, and every step in the real UI of each. Keys are exchanged the way design.md §4
// says (the township's registration package, confirmed at the county against the township's
// fingerprint; the county's trust package, imported at the township with the county's
// fingerprint), then a full report goes up as a downloaded file. A copy with one byte flipped is
// refused with core's Chinese sentence and changes nothing.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { HouseholdRow, Page as ApiPage, RegionNode } from '../../electron/core/api/contract';
import { ADMIN, serveStation, type RunningStation } from './support/station';
import { StationApi } from './support/api-client';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { cjk, LoginPage } from './support/pages';
import { testHousehold } from './support/registry-data';

const run = promisify(execFile);
const TOWNSHIP = { code: '620422100000', name: '会师镇扶贫工作站', nodeId: 'township-620422100000' } as const;
const COUNTY_NODE_ID = 'county-620422000000';

interface Stations {
  county: RunningStation;
  township: RunningStation;
  /** The township administrator's API, for seeding households and reading counts. */
  townshipApi: StationApi;
  countyApi: StationApi;
}

const test = base.extend<{ exchangePage: (station: RunningStation) => Promise<{ page: Page; errors: string[] }> }, { stations: Stations }>({
  // Contexts of our own (one per station); closed before the stations stop, or their open
  // connections keep a server from exiting.
  exchangePage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (station) => {
      const context = await browser.newContext({ acceptDownloads: true });
      contexts.push(context);
      return openExchange(context, station);
    });
    for (const context of contexts) await context.close();
  },
  stations: [
    async ({}, use) => {
      const county = await serveStation({ initialized: true });
      const township = await serveStation({
        initialized: false,
        prepare: async (db) => {
          await run(
            process.execPath,
            ['bin/fupin.js', 'init', '--db', db, '--level', 'township', '--region', TOWNSHIP.code, '--admin', ADMIN.username, '--password', ADMIN.password, '--name', TOWNSHIP.name],
            { cwd: process.cwd() },
          );
        },
      });
      const townshipApi = await (await StationApi.open(township.launchUrl)).login(ADMIN.username, ADMIN.password);
      const countyApi = await (await StationApi.open(county.launchUrl)).login(ADMIN.username, ADMIN.password);
      await use({ county, township, townshipApi, countyApi });
      await township.stop();
      await county.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/** A few households in the township's first villages, saved through the API like a clerk would. */
async function seedHouseholds(api: StationApi, from: number, count: number): Promise<void> {
  const villages = await api.call<RegionNode[]>('registry.tree', { parentCode: TOWNSHIP.code });
  expect(villages.length).toBeGreaterThan(0);
  for (let i = from; i < from + count; i++) {
    await api.call('registry.saveHousehold', { id: null, ...testHousehold(i, villages[i % villages.length]!.code) });
  }
}

async function householdTotal(api: StationApi): Promise<number> {
  const page = await api.call<ApiPage<HouseholdRow>>('registry.searchHouseholds', { regionCode: TOWNSHIP.code, offset: 0, limit: 1 });
  return page.total;
}

/** A signed-in administrator on the 数据交换 page of one station, in a browser context of its own. */
async function openExchange(context: BrowserContext, station: RunningStation): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  const login = new LoginPage(page);
  await login.open(station.launchUrl);
  await login.login(ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '数据交换' }).click();
  await expect(page.getByRole('tab', { name: '发件箱', selected: true })).toBeVisible();
  return { page, errors };
}

async function openTab(page: Page, name: string): Promise<void> {
  // A tab with a badge is named with its count too (「发件箱 1」).
  const tab = new RegExp(`^${name}(\\s*\\d+)?$`);
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible();
}

/** The fingerprint as the 密钥 tab shows it, read off the page like off the paper form. */
async function ownFingerprint(page: Page): Promise<string> {
  await openTab(page, '密钥');
  const own = page.getByTestId('own-key');
  const row = own.locator('.ant-descriptions-row').filter({ hasText: '公钥指纹' });
  const text = (await row.locator('.ant-descriptions-item-content').innerText()).replace(/\s+/g, ' ').trim();
  expect(text).toMatch(/[0-9A-F]{4}( [0-9A-F]{4}){3,}/);
  return text;
}

/** Clicks 下载 on the outbox row of the newest package of a kind and saves the file. */
async function downloadNewest(page: Page, rowText: RegExp, to: string): Promise<string> {
  await openTab(page, '发件箱');
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: rowText }).first();
  await expect(row).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: cjk('下载') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.fpkg$/);
  const file = join(to, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** 收件箱 → 导入数据包 → pick the file; returns the dialog with core's result in it. */
async function importFile(page: Page, file: string, fingerprint?: string) {
  await openTab(page, '收件箱');
  await page.getByRole('button', { name: cjk('导入数据包') }).click();
  const dialog = page.getByRole('dialog', { name: '导入数据包' });
  await expect(dialog).toBeVisible();
  if (fingerprint) await dialog.getByLabel('上级公钥指纹').fill(fingerprint);
  await dialog.locator('input[type=file]').setInputFiles(file);
  return dialog;
}

test('township → county: keys and trust exchanged, a full report downloaded and imported with every check, a flipped byte refused', async ({ exchangePage, stations }) => {
  test.setTimeout(120_000);
  const { county, township, townshipApi, countyApi } = stations;
  await seedHouseholds(townshipApi, 0, 6);
  const t = await exchangePage(township);
  const c = await exchangePage(county);

  // 1. The township's key registration goes up; the county confirms it against the township's fingerprint.
  await expect(t.page.getByText('尚未与上级建立信任')).toBeVisible();
  await t.page.getByRole('button', { name: cjk('生成密钥登记包') }).click();
  await expect(t.page.locator('.ant-message')).toContainText('已生成密钥登记包');
  const registration = await downloadNewest(t.page, /密钥登记/, township.dir);
  const townshipFingerprint = await ownFingerprint(t.page);

  let dialog = await importFile(c.page, registration);
  await expect(dialog.getByTestId('import-result')).toContainText('待确认');
  await dialog.getByRole('button', { name: cjk('完成') }).click();
  await openTab(c.page, '密钥');
  const child = c.page.getByTestId('children-keys').locator('tr.ant-table-row').filter({ hasText: TOWNSHIP.nodeId });
  await expect(child).toContainText('待核对');
  await child.getByRole('button', { name: cjk('核对指纹并确认') }).click();
  const confirm = c.page.getByRole('dialog', { name: /核对 .* 的公钥指纹/ });
  await confirm.getByLabel('公钥指纹').fill(townshipFingerprint);
  await confirm.getByRole('button', { name: cjk('确认密钥') }).click();
  await expect(confirm.getByTestId('import-result')).toContainText('已导入');
  await confirm.getByRole('button', { name: cjk('完成') }).click();
  await expect(child).toContainText('已确认');

  // 2. The county's trust package comes down; the township checks it against the county's fingerprint.
  await child.getByRole('button', { name: cjk('生成信任包') }).click();
  await expect(c.page.locator('.ant-message')).toContainText('已生成给');
  const countyFingerprint = await ownFingerprint(c.page);
  const trust = await downloadNewest(c.page, /信任/, county.dir);
  dialog = await importFile(t.page, trust, countyFingerprint);
  await expect(dialog.getByTestId('import-result')).toContainText('已导入');
  await dialog.getByRole('button', { name: cjk('完成') }).click();
  await openTab(t.page, '密钥');
  const parent = t.page.getByTestId('parent-key');
  await expect(parent).toContainText(COUNTY_NODE_ID);
  await expect(parent).toContainText('已确认');
  await t.page.screenshot({ path: `${SCREENS}/exchange-township-keys.png`, fullPage: true });

  // 3. A full report from the township's 发件箱, downloaded, imported at the county.
  await openTab(t.page, '发件箱');
  await t.page.getByTestId('report-toolbar').getByText('全量', { exact: true }).click();
  await t.page.getByRole('button', { name: cjk('生成上报包') }).click();
  await expect(t.page.locator('.ant-message')).toContainText('已生成全量上报包');
  const report = await downloadNewest(t.page, /报送（全量）/, township.dir);
  await t.page.screenshot({ path: `${SCREENS}/exchange-township-outbox.png`, fullPage: true });

  expect(await householdTotal(countyApi)).toBe(0);
  dialog = await importFile(c.page, report);
  const result = dialog.getByTestId('import-result');
  await expect(result).toContainText('已导入');
  await expect(result).toContainText('上报包 第');
  await expect(result.locator('li[data-ok="false"]')).toHaveCount(0);
  await c.page.screenshot({ path: `${SCREENS}/exchange-county-import.png`, fullPage: true });
  await dialog.getByRole('button', { name: cjk('完成') }).click();
  expect(await householdTotal(countyApi)).toBe(6);

  // 历史: the report with its checks, every one passed, in core's order.
  await openTab(c.page, '历史');
  const history = c.page.getByTestId('history-table');
  const reportRow = history.locator('tr.ant-table-row').filter({ hasText: '报送' }).first();
  await expect(reportRow).toContainText('已导入');
  await reportRow.locator('.ant-table-row-expand-icon').click();
  const checks = history.getByRole('list', { name: '校验结果' }).first();
  await expect(checks.locator('li')).not.toHaveCount(0);
  await expect(checks.locator('li[data-ok="false"]')).toHaveCount(0);
  const order = await checks.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-check')));
  expect(order.slice(0, 8)).toEqual(['format', 'recipient', 'senderKey', 'signature', 'expiry', 'files', 'sequence', 'schema']);
  expect(order).toContain('apply');
  await c.page.screenshot({ path: `${SCREENS}/exchange-county-history.png`, fullPage: true });

  // 4. The next report (two new households) with one byte flipped: refused, nothing written.
  await seedHouseholds(townshipApi, 6, 2);
  await openTab(t.page, '发件箱');
  await t.page.getByTestId('report-toolbar').getByText('全量', { exact: true }).click();
  await t.page.getByRole('button', { name: cjk('生成上报包') }).click();
  await expect(t.page.locator('.ant-message')).toContainText('已生成全量上报包');
  const next = await downloadNewest(t.page, /报送（全量）/, township.dir);
  expect(next).not.toBe(report);
  const bytes = readFileSync(next);
  const tampered = join(township.dir, `tampered-${next.split('/').pop()}`);
  const flipped = Buffer.from(bytes);
  flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
  writeFileSync(tampered, flipped);

  dialog = await importFile(c.page, tampered);
  const refused = dialog.getByTestId('import-result');
  await expect(refused).toContainText('已拒收');
  await expect(refused.getByTestId('import-error-message')).toContainText(/数据包被改动或损坏|已损坏/);
  await expect(refused).toContainText('未解密、未写入任何数据');
  await c.page.screenshot({ path: `${SCREENS}/exchange-county-tampered.png`, fullPage: true });
  await dialog.getByRole('button', { name: cjk('完成') }).click();
  expect(await householdTotal(countyApi)).toBe(6);

  // The refusal consumed nothing: the untouched file is the next in sequence and goes in.
  dialog = await importFile(c.page, next);
  await expect(dialog.getByTestId('import-result')).toContainText('已导入');
  await dialog.getByRole('button', { name: cjk('完成') }).click();
  expect(await householdTotal(countyApi)).toBe(8);

  expect(t.errors).toEqual([]);
  expect(c.errors).toEqual([]);
});
