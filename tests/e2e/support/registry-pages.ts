import { expect, type Locator, type Page } from '@playwright/test';
import { cjk } from './pages';

/** 建档立卡: the region tree, the filter bar and the virtual household list. */
export class RegistryListPage {
  readonly search: Locator;
  readonly total: Locator;
  readonly list: Locator;
  readonly tree: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel('查找户');
    this.total = page.getByTestId('household-total');
    this.list = page.getByTestId('household-list');
    this.tree = page.getByRole('tree');
  }

  async open(): Promise<void> {
    await this.page.getByRole('menu', { name: '主导航' }).getByRole('menuitem', { name: '建档立卡' }).click();
    await expect(this.total).toContainText(/共 [\d,]+ 户/);
  }

  /** The body rows that show a household (placeholder rows have no data-row-id). */
  rows(): Locator {
    return this.list.locator('.ant-table-tbody [data-row-id], .ant-table-tbody-virtual [data-row-id]');
  }

  row(text: string | RegExp): Locator {
    return this.rows().filter({ hasText: text });
  }

  async expectTotal(n: number): Promise<void> {
    await expect(this.total).toHaveText(`共 ${n.toLocaleString('zh-CN')} 户`);
  }

  treeNode(name: string | RegExp): Locator {
    return this.tree.locator('.ant-tree-treenode').filter({ has: this.page.locator('.ant-tree-title', { hasText: name }) });
  }

  async selectTreeNode(name: string | RegExp): Promise<void> {
    await this.treeNode(name).first().locator('.ant-tree-node-content-wrapper').click();
  }

  async expandTreeNode(name: string | RegExp): Promise<void> {
    await this.treeNode(name).first().locator('.ant-tree-switcher').click();
  }

  async filter(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }
}

/** One household's page: the tabs, the findings panel, the member drawer. */
export class HouseholdPageObject {
  readonly findings: Locator;
  readonly save: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.findings = page.getByTestId('findings-panel');
    this.save = page.getByRole('button', { name: cjk('保存') });
    this.drawer = page.getByRole('dialog', { name: /^成员：/ });
  }

  async tab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The wrapper of a form field (label, input, findings), by its record key. */
  field(key: string, within?: Locator): Locator {
    return (within ?? this.page).locator(`[data-field="${key}"]`);
  }

  /** A field's findings as shown beside it. */
  findingOf(key: string, within?: Locator): Locator {
    return (within ?? this.page).getByTestId(`finding-${key}`);
  }

  async setBool(key: string, value: boolean, within?: Locator): Promise<void> {
    await this.field(key, within)
      .getByText(value ? '是' : '否', { exact: true })
      .click();
  }

  /** Picks an option of a (multi-)select field by its label. */
  async pick(key: string, option: string, within?: Locator): Promise<void> {
    await this.field(key, within).locator('.ant-select').click();
    await this.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  /** Removes a chosen value of a multi-select field. */
  async unpick(key: string, option: string, within?: Locator): Promise<void> {
    await this.field(key, within).locator(`.ant-select-selection-item[title="${option}"] .ant-select-selection-item-remove`).click();
  }
}
