import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { serveStation, type RunningStation } from './support/station';
import { LoginPage, AppShell, cjk, pickOption } from './support/pages';

// Its own server on an empty database: the shared station is already set up.
let fresh: RunningStation;
test.beforeAll(async () => {
  fresh = await serveStation({ initialized: false });
});
test.afterAll(async () => {
  await fresh?.stop();
});

test('first-run setup through the wizard, then login as the new administrator', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(fresh.launchUrl);
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByText('首次设置：建立本工作站')).toBeVisible();

  // Step 1: a township station in 会宁县. The cascade needs regions.children before setup.
  await expect(page.getByRole('combobox', { name: '市（州）' }), 'regions.children must list regions before setup').toBeVisible();
  await page.getByLabel('乡镇级（乡镇扶贫工作站）').check();
  await pickOption(page, page.getByRole('combobox', { name: '市（州）' }), '白银市');
  await pickOption(page, page.getByRole('combobox', { name: '县（区）' }), '会宁县');
  // Next without a township is refused beside the field.
  await page.getByRole('button', { name: cjk('下一步') }).click();
  await expect(page.getByText('请选择到乡（镇）一级')).toBeVisible();
  await pickOption(page, page.getByRole('combobox', { name: '乡（镇）' }), '会师镇');
  await expect(page.getByLabel('节点名称')).toHaveAttribute('placeholder', '（会师镇扶贫工作站）');
  await page.screenshot({ path: `${SCREENS}/setup-1-region.png` });
  await page.getByRole('button', { name: cjk('下一步') }).click();

  // Step 2: the first administrator; the password rule is shown and checked.
  await expect(page.getByText('密码规则：至少 8 位，须同时包含字母和数字').first()).toBeVisible();
  await page.getByLabel('用户名').fill('zhaoming');
  await page.getByLabel('姓名').fill('赵明');
  await page.getByLabel('密码', { exact: true }).fill('onlyletters');
  await page.getByLabel('确认密码').fill('different1');
  await page.getByRole('button', { name: cjk('下一步') }).click();
  await expect(page.getByText('密码须同时包含字母和数字')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('Huishi2024');
  await page.getByLabel('确认密码').fill('Huishi2024');
  await page.screenshot({ path: `${SCREENS}/setup-2-admin.png` });
  await page.getByRole('button', { name: cjk('下一步') }).click();

  // Step 3: check and finish.
  await expect(page.getByText('会师镇扶贫工作站')).toBeVisible();
  await expect(page.getByText('会师镇（620422100000）')).toBeVisible();
  await page.getByRole('button', { name: cjk('完成设置') }).click();

  await expect(page.getByText('工作站设置完成')).toBeVisible();
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^([0-9A-F]{4}\s*){10}$/);
  await expect(page.getByText('请务必与上级扶贫办核对密钥指纹')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/setup-3-fingerprint.png` });
  await page.getByRole('button', { name: /前往登录/ }).click();

  const login = new LoginPage(page);
  await expect(page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  await login.login('zhaoming', 'Huishi2024');
  const shell = new AppShell(page);
  await shell.expectLoaded();
  await expect(shell.banner).toContainText('会师镇扶贫工作站');
  await expect(shell.banner).toContainText('乡镇级 · 甘肃省 白银市 会宁县 会师镇');
  expect(errors).toEqual([]);
});
