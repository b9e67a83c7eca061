import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { ADMIN } from './support/station';
import { cjk, pickOption } from './support/pages';

const CLERK = { username: 'lixiuying', name: '李秀英', password: 'Clerk2024', township: '会师镇' } as const;

test('an admin creates a clerk; the clerk sees no admin tabs', async ({ page, loginPage, shell }) => {
  const errors = collectConsoleErrors(page);
  await loginPage.login(ADMIN.username, ADMIN.password);
  await shell.expectLoaded();
  await shell.openSettings('账号管理');
  const table = page.locator('.ant-table');
  await expect(table.getByRole('row', { name: /admin/ })).toContainText('正常');

  await page.getByRole('button', { name: cjk('新建账号') }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('用户名').fill(CLERK.username);
  await dialog.getByLabel('姓名').fill(CLERK.name);
  await dialog.getByLabel('录入员').check();
  await pickOption(page, dialog.getByRole('combobox', { name: '乡（镇）' }), CLERK.township);
  await dialog.getByLabel('初始密码').fill(CLERK.password);
  await dialog.getByLabel('确认密码').fill(CLERK.password);
  await page.screenshot({ path: `${SCREENS}/users-create.png` });
  await dialog.getByRole('button', { name: cjk('建立账号') }).click();
  await expect(dialog).toBeHidden();

  const row = table.getByRole('row', { name: new RegExp(CLERK.username) });
  await expect(row).toContainText(CLERK.name);
  await expect(row).toContainText('录入员');
  await expect(row).toContainText(CLERK.township);
  await expect(row).toContainText('从未登录');
  await page.screenshot({ path: `${SCREENS}/users.png` });

  // Editing starts from the stored values, scope cascade included.
  await row.getByRole('button', { name: cjk('编辑') }).click();
  const edit = page.getByRole('dialog', { name: new RegExp(`编辑账号：${CLERK.name}`) });
  await expect(edit.getByLabel('姓名')).toHaveValue(CLERK.name);
  await expect(edit.locator('.ant-select').first()).toContainText(CLERK.township);
  await page.screenshot({ path: `${SCREENS}/users-edit.png` });
  await edit.getByRole('button', { name: cjk('取消') }).click();
  await expect(edit).toBeHidden();

  await shell.logout();
  await loginPage.login(CLERK.username, CLERK.password);
  await shell.expectLoaded();
  await expect(shell.userMenuButton).toContainText('录入员');
  await shell.navItem('系统设置').click();
  await expect(page.getByRole('tab', { name: '节点信息', selected: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '账号管理' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '备份与恢复' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '审计日志' })).toHaveCount(0);
  // Typing the address of an admin tab lands on what the clerk may see.
  await page.goto(page.url().replace(/#.*$/, '#/settings/users'));
  await expect(page.getByRole('tab', { name: '节点信息', selected: true })).toBeVisible();
  expect(errors).toEqual([]);
});
