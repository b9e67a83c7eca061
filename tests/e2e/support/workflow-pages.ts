import type { Locator, Page } from '@playwright/test';
import type { RegionNode } from '../../../electron/core/api/contract';
import { AppShell, LoginPage } from './pages';
import type { RegistryStation } from './registry-station';

// What the 识别退出 specs share: signing in on a demo county station, the dialogs, dates typed into
// antd's DatePicker and the village tree select.

export const dialog = (page: Page, title: string | RegExp): Locator => page.getByRole('dialog', { name: title });

/** Types a date into the DatePicker labelled `label` and confirms it with Enter. */
export async function typeDate(within: Page | Locator, label: string, date: string): Promise<void> {
  const input = within.getByRole('textbox', { name: label }).first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Opens the station through its launch URL and signs the demo administrator in. */
export async function signInAdmin(page: Page, station: RegistryStation): Promise<AppShell> {
  const login = new LoginPage(page);
  await login.open(station.launchUrl);
  await login.login(station.admin.username, station.admin.password);
  const shell = new AppShell(page);
  await shell.expectLoaded();
  return shell;
}

/** Picks a village of the station's township in a region tree select (the tree shows 「…村」 for 「…村民委员会」). */
export async function pickVillage(page: Page, select: Locator, station: RegistryStation, village: RegionNode): Promise<void> {
  await select.click();
  const tree = page.locator('.ant-select-dropdown:visible');
  await tree.locator('.ant-select-tree-treenode', { hasText: station.township.name }).locator('.ant-select-tree-switcher').click();
  await tree.locator('.ant-select-tree-title', { hasText: village.name.replace(/村民委员会$/, '村').replace(/居民委员会$/, '') }).first().click();
}

/** A household's page, on the tab named 「动态（n）」. */
export async function openEventsTab(page: Page, householdId: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, `#/registry/household/${householdId}`));
  await page.getByRole('tab', { name: /^动态/ }).click();
}
