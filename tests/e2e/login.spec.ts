import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { ADMIN, NODE } from './support/station';

// 数据质量 (回头看) has its own section beside 建档立卡 (issue #3).
const NAV = ['工作台', '建档立卡', '数据质量', '识别退出', '帮扶', '打印中心', '数据交换', '系统设置'];

test('wrong password shows the core\'s Chinese message', async ({ page, loginPage }) => {
  await expect(page).toHaveTitle('扶贫工作站');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.screenshot({ path: `${SCREENS}/login.png` });
  await loginPage.login(ADMIN.username, 'Wrong1234');
  await expect(loginPage.error).toContainText('用户名或密码错误');
  await expect(loginPage.error).toContainText('再错 4 次将锁定');
  await expect(page.getByRole('heading', { name: '账号登录' })).toBeVisible();
});

test('admin sees the layout: eight nav items, node and region in the header', async ({ page, loginPage, shell }) => {
  const errors = collectConsoleErrors(page);
  await loginPage.login(ADMIN.username, ADMIN.password);
  await shell.expectLoaded();
  await expect(shell.nav.getByRole('menuitem')).toHaveText(NAV);
  await expect(shell.banner).toContainText(NODE.name);
  await expect(shell.banner).toContainText(`县级 · ${NODE.regionPath}`);
  await expect(shell.userMenuButton).toContainText('管理员');
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^([0-9A-F]{4}\s*){10}$/);
  await page.screenshot({ path: `${SCREENS}/dashboard.png` });

  // The nav leads to the registry: a fresh county node has the region tree and no households yet.
  await shell.navItem('建档立卡').click();
  await expect(page.getByTestId('household-total')).toHaveText('共 0 户');

  await shell.openSettings('节点信息');
  await expect(page.getByText(`${NODE.regionPath}（${NODE.region}）`)).toBeVisible();

  // A reload keeps the session (the token lives in sessionStorage).
  await page.reload();
  await expect(shell.banner).toContainText(NODE.name);

  await shell.userMenuButton.click();
  await expect(page.getByText('管辖范围：会宁县')).toBeVisible();
  await page.keyboard.press('Escape');
  await shell.logout();
  await expect(page.getByText('您已退出登录')).toBeVisible();
  expect(errors).toEqual([]);
});
