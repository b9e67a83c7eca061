import { expect, type Locator, type Page } from '@playwright/test';

// antd puts a space between two CJK characters in a button's text (「登 录」), so buttons are
// matched by patterns that allow it. Not anchored: a button's icon adds its own name (「plus」).
export const cjk = (text: string): RegExp => new RegExp([...text].join('\\s*'));

/** Picks an option of an antd Select by its visible text. A long searchable list renders only
 * the options in view, so `search` types into it first. */
export async function pickOption(page: Page, select: Locator, optionText: string, search?: string): Promise<void> {
  await select.click();
  if (search) await select.fill(search);
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${optionText}"]`);
  await option.click();
}

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('用户名');
    this.password = page.getByLabel('密码', { exact: true });
    this.submit = page.getByRole('button', { name: cjk('登录') });
    this.error = page.locator('.ant-alert-error');
  }

  /** The launch URL trades the one-time token for a cookie, then the app routes to login. */
  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await expect(this.page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class AppShell {
  readonly nav: Locator;
  readonly banner: Locator;
  readonly userMenuButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('menu', { name: '主导航' });
    this.banner = page.getByTestId('node-banner');
    this.userMenuButton = page.getByRole('button', { name: '用户菜单' });
  }

  navItem(label: string): Locator {
    return this.nav.getByRole('menuitem', { name: label });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: '工作台' })).toBeVisible();
  }

  async openSettings(tab: string): Promise<void> {
    await this.navItem('系统设置').click();
    await this.page.getByRole('tab', { name: tab }).click();
    await expect(this.page.getByRole('tab', { name: tab, selected: true })).toBeVisible();
  }

  async logout(): Promise<void> {
    await this.userMenuButton.click();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(this.page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  }
}
