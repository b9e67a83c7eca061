import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { ADMIN, fupinCli } from './support/station';
import { AppShell, LoginPage, cjk } from './support/pages';

const VIEWER = { username: 'zhangwei', name: '张伟', first: 'Viewer2024', reset: 'Reset2024a', own: 'Mine2024b' } as const;

test('a password reset ends the session and forces a change at next login', async ({ page, browser, station, loginPage, shell }) => {
  const errors = collectConsoleErrors(page);
  await fupinCli(station.db, ['user', 'add', '--username', VIEWER.username, '--name', VIEWER.name, '--role', 'viewer', '--scope', '620422100000', '--password', VIEWER.first]);
  await loginPage.login(VIEWER.username, VIEWER.first);
  await shell.expectLoaded();
  await expect(shell.userMenuButton).toContainText('查看员');

  // Meanwhile the administrator resets that password in another window.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const adminLogin = new LoginPage(adminPage);
  await adminLogin.open(station.launchUrl);
  await adminLogin.login(ADMIN.username, ADMIN.password);
  const adminShell = new AppShell(adminPage);
  await adminShell.expectLoaded();
  await adminShell.openSettings('账号管理');
  const row = adminPage.locator('.ant-table').getByRole('row', { name: new RegExp(VIEWER.username) });
  await row.getByRole('button', { name: cjk('重置密码') }).click();
  const dialog = adminPage.getByRole('dialog');
  await dialog.getByLabel('新密码', { exact: true }).fill(VIEWER.reset);
  await dialog.getByLabel('确认新密码').fill(VIEWER.reset);
  await dialog.getByRole('button', { name: cjk('重置密码') }).click();
  await expect(row).toContainText('待改密码');
  await adminContext.close();

  // The viewer's session is gone: the next call sends them back to login with a reason.
  await page.reload();
  await expect(page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  await expect(page.getByText('登录已失效，请重新登录')).toBeVisible();

  await loginPage.login(VIEWER.username, VIEWER.reset);
  const forced = page.getByRole('dialog', { name: '请先修改密码' });
  await expect(forced).toContainText('管理员已重置您的密码');
  await page.screenshot({ path: `${SCREENS}/forced-password-change.png` });
  await forced.getByLabel(/原密码/).fill(VIEWER.reset);
  await forced.getByLabel('新密码', { exact: true }).fill(VIEWER.own);
  await forced.getByLabel('再次输入新密码').fill(VIEWER.own);
  await forced.getByRole('button', { name: cjk('确认修改') }).click();
  await shell.expectLoaded();

  await shell.logout();
  await loginPage.login(VIEWER.username, VIEWER.own);
  await shell.expectLoaded();
  expect(errors).toEqual([]);
});
