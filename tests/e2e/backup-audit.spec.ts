import { test, expect, collectConsoleErrors, SCREENS } from './support/fixtures';
import { ADMIN } from './support/station';
import { cjk } from './support/pages';

test.beforeEach(async ({ loginPage, shell }) => {
  await loginPage.login(ADMIN.username, ADMIN.password);
  await shell.expectLoaded();
});

test('backup now adds a manual backup to the list', async ({ page, shell }) => {
  const errors = collectConsoleErrors(page);
  await shell.openSettings('备份与恢复');
  await expect(page.getByText('手动备份不会自动删除')).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const before = await rows.filter({ hasText: '手动' }).count();
  await page.getByRole('button', { name: cjk('立即备份') }).click();
  await expect(page.getByText(/已备份（/)).toBeVisible();
  await expect(rows.filter({ hasText: '手动' })).toHaveCount(before + 1);
  await expect(rows.filter({ hasText: '手动' }).first()).toContainText(/station-.*-manual\.db/);
  await page.screenshot({ path: `${SCREENS}/backup.png` });

  // Restore asks first and says what happens; cancelling changes nothing.
  await rows.filter({ hasText: '手动' }).first().getByRole('button', { name: cjk('恢复') }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('恢复前，系统会先把当前数据另存为一份「恢复前」备份');
  await expect(confirm).toContainText('都须重新登录');
  await page.screenshot({ path: `${SCREENS}/backup-restore-confirm.png` });
  await confirm.getByRole('button', { name: cjk('取消') }).click();
  await expect(confirm).toBeHidden();
  expect(errors).toEqual([]);
});

test('restore from the backup just made: back to login, then a 恢复前 backup is listed', async ({ page, shell, loginPage }) => {
  const errors = collectConsoleErrors(page);
  await shell.openSettings('备份与恢复');
  await page.getByRole('button', { name: cjk('立即备份') }).click();
  await expect(page.getByText(/已备份（/)).toBeVisible();
  const manual = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '手动' }).first();
  await manual.getByRole('button', { name: cjk('恢复') }).click();
  await page.getByRole('dialog').getByRole('button', { name: cjk('恢复') }).click();

  await expect(page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  await expect(page.getByText(/已从备份恢复数据；恢复前的数据已另存为 station-.*-pre-restore\.db。请重新登录。/)).toBeVisible();
  await loginPage.login(ADMIN.username, ADMIN.password);
  await shell.expectLoaded();
  await shell.openSettings('备份与恢复');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '恢复前' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('audit log lists entries and the hash chain verifies', async ({ page, shell }) => {
  const errors = collectConsoleErrors(page);
  await shell.openSettings('审计日志');
  await expect(page.locator('.ant-table-tbody')).toContainText('首次设置');
  await expect(page.locator('.ant-table-tbody')).toContainText('登录');
  await page.getByRole('button', { name: cjk('校验哈希链') }).click();
  await expect(page.locator('.ant-alert-success')).toContainText(/校验通过：共 \d+ 条记录/);
  await page.screenshot({ path: `${SCREENS}/audit.png` });
  expect(errors).toEqual([]);
});
