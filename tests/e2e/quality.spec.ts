import type { HouseholdDetail, HouseholdRow, Page as ApiPage, QualityRunResult, RegionNode, SaveHouseholdResult } from '../../electron/core/api/contract';
import { test, expect } from './support/registry-fixtures';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { HouseholdPageObject } from './support/registry-pages';
import { cjk } from './support/pages';
import { idNumber } from './support/id-number';
import { testHousehold } from './support/registry-data';
import type { StationApi } from './support/api-client';
import { savesAsItIs } from './support/registry-checks';

/** Makes one member of a household of the township skip 大病保险: a Q-MED-02 warning. */
async function uninsuredMember(api: StationApi, township: string): Promise<{ householdId: string; personId: string; name: string; head: string }> {
  const page = await api.call<ApiPage<HouseholdRow>>('registry.searchHouseholds', { regionCode: township, offset: 0, limit: 20 });
  let row: HouseholdRow | undefined;
  let detail: HouseholdDetail | undefined;
  for (const r of [...page.rows].reverse()) {
    const d = await api.call<HouseholdDetail>('registry.getHousehold', { id: r.id });
    if (await savesAsItIs(api, d)) {
      row = r;
      detail = d;
      break;
    }
  }
  if (!row || !detail) throw new Error('no household of the township saves as it is');
  const index = detail.members.length - 1;
  const members = detail.members.map((m, i) => ({ personId: m.personId, record: i === index ? { ...m.record, hasCriticalIllnessInsurance: false } : m.record }));
  await api.call<SaveHouseholdResult>('registry.saveHousehold', {
    id: detail.id,
    regionCode: detail.regionCode,
    household: detail.household,
    members,
    leaving: [],
    conditions: detail.conditions,
    income: detail.incomes[0]?.record ?? null,
  });
  const m = detail.members[index]!;
  return { householdId: detail.id, personId: m.personId, name: m.record.name!, head: row.headName! };
}

test('回头看 over the county: counts per rule, errors first, a finding opens its household at the field', async ({ page, registry, signIn }) => {
  const errors = collectConsoleErrors(page);
  const target = await uninsuredMember(registry.api, registry.township.code);
  await signIn('admin');
  await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '数据质量' }).click();
  await expect(page.getByRole('heading', { name: '数据质量（回头看）' })).toBeVisible();

  await page.getByRole('button', { name: cjk('运行检查') }).click();
  await expect(page.locator('.ant-message')).toContainText('检查完成');
  const expected = await registry.api.call<QualityRunResult>('quality.summary', {});
  await expect(page.locator('.ant-statistic').filter({ hasText: '检查户数' })).toContainText(String(expected.households));
  await expect(page.locator('.ant-statistic').filter({ hasText: '本次用时' })).toContainText('秒');

  // Errors first, then warnings; every rule listed has findings.
  const rules = page.getByRole('table', { name: '规则' });
  const severities = await rules.locator('tbody tr td:first-child').allInnerTexts();
  const firstWarning = severities.findIndex((s) => s.includes('提醒'));
  expect(severities.slice(firstWarning).some((s) => s.includes('错误'))).toBe(false);
  const med = rules.getByRole('row', { name: /Q-MED-02/ });
  const count = expected.rules.find((r) => r.ruleCode === 'Q-MED-02')!;
  await expect(med).toContainText(String(count.households));
  await page.screenshot({ path: `${SCREENS}/quality-rules.png` });

  // The rule's findings; the one made above opens its household, member and field.
  await med.getByRole('button', { name: cjk('查看问题') }).click();
  const drawer = page.getByRole('dialog', { name: /Q-MED-02/ });
  await expect(drawer).toContainText('未参加大病保险');
  const row = drawer.getByRole('row', { name: new RegExp(target.head) }).filter({ hasText: '是否参加大病保险' });
  await expect(row.first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/quality-findings.png` });
  await row.first().click();

  const household = new HouseholdPageObject(page);
  await expect(page.getByRole('heading', { name: target.head })).toBeVisible();
  await expect(household.drawer).toContainText(`成员：${target.name}`);
  const field = household.field('hasCriticalIllnessInsurance', household.drawer);
  await expect(field).toBeInViewport();
  await expect(field).toHaveCSS('outline-style', 'solid');
  await expect(household.findingOf('hasCriticalIllnessInsurance', household.drawer)).toContainText('大病保险');
  await page.screenshot({ path: `${SCREENS}/quality-household-field.png` });

  // Back to the rule list, where the drawer was.
  await household.drawer.getByRole('button', { name: cjk('完成') }).click();
  await page.getByRole('button', { name: /户列表/ }).click();
  await expect(page.getByRole('dialog', { name: /Q-MED-02/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a township, then the duplicates of the same person in two households', async ({ page, registry, signIn }) => {
  const errors = collectConsoleErrors(page);
  // A second registration of a person: same name and birth date, another ID number, same township.
  const existing = (await registry.api.call<ApiPage<HouseholdRow>>('registry.searchHouseholds', { regionCode: registry.township.code, offset: 0, limit: 1 })).rows[0]!;
  const detail = await registry.api.call<HouseholdDetail>('registry.getHousehold', { id: existing.id });
  const twin = detail.members[0]!.record;
  const villages = await registry.api.call<RegionNode[]>('registry.tree', { parentCode: registry.township.code });
  const copy = testHousehold(900, villages[villages.length - 1]!.code);
  copy.members[0]!.record = { ...copy.members[0]!.record, name: twin.name, birthDate: twin.birthDate, idNumber: idNumber('620422', twin.birthDate!, 991) };
  copy.household.headName = twin.name;
  await registry.api.call('registry.saveHousehold', { id: null, ...copy });

  await signIn('admin');
  await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '数据质量' }).click();
  await page.getByRole('combobox', { name: '检查范围' }).click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-tree-title').first()).toContainText('会宁县');
  await page.screenshot({ path: `${SCREENS}/quality-scope.png` });
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: `${registry.township.name}（` }).click();
  await page.getByRole('button', { name: cjk('运行检查') }).click();
  await expect(page.locator('.ant-message')).toContainText('检查完成');
  const township = (await registry.api.call<RegionNode[]>('registry.tree', { parentCode: null })).find((t) => t.code === registry.township.code)!;
  await expect(page.locator('.ant-statistic').filter({ hasText: '检查户数' })).toContainText(String(township.households));

  await page.getByRole('tab', { name: '重复人员' }).click();
  const table = page.getByRole('table', { name: '重复人员' });
  const group = table.getByRole('row').filter({ hasText: twin.name! }).filter({ hasText: '出生日期相同' });
  await expect(group).toHaveCount(1);
  await expect(group.getByRole('link', { name: twin.name! })).toHaveCount(2);
  await page.screenshot({ path: `${SCREENS}/quality-duplicates.png` });
  await group.getByRole('link', { name: twin.name! }).first().click();
  await expect(new HouseholdPageObject(page).drawer).toContainText(`成员：${twin.name}`);
  expect(errors).toEqual([]);
});

test('a township clerk checks their own villages only', async ({ page, registry, signIn }) => {
  const errors = collectConsoleErrors(page);
  await signIn('clerk');
  await page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '数据质量' }).click();
  // The scope starts at the clerk's township; the villages offered are its own, no other township.
  const select = page.getByRole('combobox', { name: '检查范围' });
  await expect(page.locator('.ant-card').first()).toContainText(`检查范围：${registry.township.name}`);
  const villages = await registry.api.call<RegionNode[]>('registry.tree', { parentCode: registry.township.code });
  const other = (await registry.api.call<RegionNode[]>('registry.tree', { parentCode: null })).find((t) => t.code !== registry.township.code)!;
  await select.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-tree-title');
  await expect(options.first()).toContainText(registry.township.name);
  await expect(options.nth(1)).toContainText(villages[0]!.name.replace(/(村民|居民)委员会$/, ''));
  await select.fill(other.name);
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('没有匹配的区划');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: cjk('运行检查') }).click();
  await expect(page.locator('.ant-message')).toContainText('检查完成');
  expect(errors).toEqual([]);
});
