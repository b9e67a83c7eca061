import { test, expect } from '@playwright/test';
import type { RegionNode, VillageFormView } from '../../electron/core/api/contract';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { cjk } from './support/pages';
import { RegistryListPage } from './support/registry-pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';
import { signInAdmin } from './support/workflow-pages';

// 村信息 on the demo county: the village form opens from the registry tree with the demo's
// figures, an impossible count is refused with the field named and nothing saved, a correction
// saves; the village's team and its coverage are shown beside it.

let station: RegistryStation;
test.beforeAll(async () => {
  test.setTimeout(120_000); // generating the demo county
  station = await startRegistryStation(24);
});
test.afterAll(async () => station?.stop());

test('the village form: opened from the tree, an impossible count refused, a correction saved; team and coverage shown', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const villages = await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code });
  const village = villages.find((v) => v.households > 0)!;
  const before = await station.api.call<VillageFormView>('registry.village', { regionCode: village.code });
  // The demo's own form passes the checks: nothing to correct but what this test changes.
  expect(before.warnings).toEqual([]);

  await signInAdmin(page, station);
  const list = new RegistryListPage(page);
  await list.open();
  await list.expandTreeNode(station.township.name);
  await list.selectTreeNode(new RegExp(`^${village.name.replace(/(村民|居民)委员会$/, '')}`));
  await page.getByRole('button', { name: cjk('村信息') }).click();

  await expect(page.getByText(`${village.name} · 贫困村信息采集表`)).toBeVisible();
  const households = page.getByRole('spinbutton', { name: '总户数' });
  await expect(households).toHaveValue(String(before.record.householdCount));
  await expect(page.getByText('驻村工作队').first()).toBeVisible();
  await expect(page.getByText(/两个全覆盖（截至/)).toBeVisible();

  // More 低保 households than households: refused, the field named, nothing stored.
  const dibao = page.getByRole('spinbutton', { name: '低保户数' });
  await dibao.fill(String(before.record.householdCount! + 5));
  await page.getByRole('button', { name: cjk('保存采集表') }).click();
  await expect(page.getByRole('alert').filter({ hasText: '未能保存' })).toContainText(`「低保户数」：${before.record.householdCount! + 5} 大于「总户数」${before.record.householdCount}`);
  expect((await station.api.call<VillageFormView>('registry.village', { regionCode: village.code })).record.dibaoHouseholdCount).toBe(before.record.dibaoHouseholdCount);
  await page.screenshot({ path: `${SCREENS}/village-form-refused.png` });

  await dibao.fill('1');
  await page.getByRole('textbox', { name: '村负责人' }).fill('马明德');
  await page.getByRole('button', { name: cjk('保存采集表') }).click();
  await expect(page.locator('.ant-message')).toContainText('贫困村信息采集表已保存');
  const after = await station.api.call<VillageFormView>('registry.village', { regionCode: village.code });
  expect(after.record).toMatchObject({ dibaoHouseholdCount: 1, leaderName: '马明德', populationCount: before.record.populationCount });
  await page.screenshot({ path: `${SCREENS}/village-form.png`, fullPage: true });
  expect(errors).toEqual([]);
});
