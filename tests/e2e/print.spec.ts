import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { test, expect, type Download, type Page } from '@playwright/test';
import type { MapEditorView, PrintPreferences, RegionNode } from '../../electron/core/api/contract';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { cjk, LoginPage, AppShell, pickOption } from './support/pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';
import { pickVillage, signInAdmin } from './support/workflow-pages';
import { makePng } from '../helpers/png';

// 打印中心 on a demo county of 24 households: one chart previewed and downloaded as a real PDF
// (read back with poppler), a township batch followed to its download, a base image imported for
// the distribution map with a household dragged onto it, and the print settings with the example
// core masks while the administrator types.

let station: RegistryStation;
let village: RegionNode;
let out: string;
const year = new Date().getFullYear();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  out = mkdtempSync(join(tmpdir(), 'fupin-print-e2e-'));
  station = await startRegistryStation(24);
  const villages = await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code });
  village = villages.find((v) => v.households > 0)!;
});
test.afterAll(async () => {
  await station?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const shortName = (name: string) => name.replace(/(村民|居民)委员会$/, (m) => (m === '村民委员会' ? '村' : ''));

async function saved(download: Promise<Download>, name: string): Promise<string> {
  const file = join(out, name);
  await (await download).saveAs(file);
  return file;
}

async function openPrint(page: Page, tab: string): Promise<void> {
  await new AppShell(page).navItem('打印中心').click();
  await page.getByRole('tab', { name: tab }).click();
}

test('one chart: preview in the sandboxed frame, then the PDF with the village and its figures', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInAdmin(page, station);
  await openPrint(page, '单个文档');
  await expect(page.getByText('选择文档和范围后点「预览」')).toBeVisible();
  // Nothing to print before a village is chosen.
  await expect(page.getByRole('button', { name: cjk('生成 PDF') })).toBeDisabled();

  await pickOption(page, page.getByRole('combobox', { name: '文档' }), '贫困人口致贫原因表');
  await pickVillage(page, page.getByRole('combobox', { name: '村', exact: true }), station, village);
  await page.getByRole('button', { name: cjk('预览') }).click();
  await expect(page.getByText(/尚未结转审定/)).toBeVisible();
  // The page itself logs nothing; Playwright's own probes into the script-less frame are what
  // Chromium reports as blocked, so the page's errors are counted before the frame is read.
  const pageErrors = [...errors];
  const frame = page.frameLocator('iframe[title^="预览"]');
  await expect(frame.locator('body')).toContainText('贫困人口致贫原因表');
  await expect(frame.locator('body')).toContainText(shortName(village.name).replace(/村$/, ''));
  // An empty sandbox grants the frame nothing: no scripts, no forms, no navigation of the app.
  expect(await page.locator('iframe[title^="预览"]').getAttribute('sandbox')).toBe('');
  await page.screenshot({ path: `${SCREENS}/print-single-preview.png` });
  expect(pageErrors).toEqual([]);
  expect(errors.filter((e) => !e.startsWith("Blocked script execution in 'about:srcdoc'"))).toEqual([]);
});

test('the PDF a clerk downloads is the chart of the chosen village on A3, and a tiled print on A4 sheets', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInAdmin(page, station);
  await openPrint(page, '单个文档');
  await pickOption(page, page.getByRole('combobox', { name: '文档' }), '贫困人口致贫原因表');
  await pickVillage(page, page.getByRole('combobox', { name: '村', exact: true }), station, village);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: cjk('生成 PDF') }).click();
  const pdf = await saved(download, 'cause-table.pdf');
  await expect(page.getByTestId('render-done')).toContainText('已生成');
  const text = pdfText(pdf);
  expect(text).toContain(`${shortName(village.name)}贫困人口致贫原因表`);
  // The draft watermark's characters are spread over the page; each of them is there.
  for (const c of '草稿未审定') expect(text).toContain(c);
  expect(pdfInfo(pdf)).toMatch(/Page size:\s+1191\.\d+ x 841\.\d+ pts \(A3\)/);

  // The same chart on A2, tiled onto A4 sheets: several pages, the note says how many.
  await pickOption(page, page.getByRole('combobox', { name: '纸张' }), 'A2');
  await pickOption(page, page.getByRole('combobox', { name: '拼贴' }), '拼贴到 A4 纸');
  const tiled = page.waitForEvent('download');
  await page.getByRole('button', { name: cjk('生成 PDF') }).click();
  const tiles = await saved(tiled, 'cause-table-tiled.pdf');
  await expect(page.getByTestId('render-done')).toContainText(/拼贴为 \d+ 行 × \d+ 列/);
  const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(tiles))![1]);
  expect(pages).toBeGreaterThan(1);
  expect(pdfInfo(tiles)).toMatch(/Page size:\s+\d+\.\d+ x \d+\.\d+ pts \(A4\)/);
  await page.screenshot({ path: `${SCREENS}/print-single-tiled.png` });
  expect(errors).toEqual([]);
});

test('a township batch: refused without documents, then followed to one download with a PDF per village', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInAdmin(page, station);
  await openPrint(page, '批量打印');
  const start = page.getByRole('button', { name: cjk('开始批量打印') });
  const checks = page.getByRole('group', { name: '批量打印的文档' });
  // Untick every chart: nothing to print, the button stays disabled.
  const ticked = checks.getByRole('checkbox', { checked: true });
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await expect(start).toBeDisabled();
  await checks.getByRole('checkbox', { name: /贫困人口致贫原因表/ }).check();
  await checks.getByRole('checkbox', { name: /全村脱贫目标任务图/ }).check();

  await page.getByRole('combobox', { name: '批量打印范围' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: `${station.township.name}（` }).click();
  await page.getByRole('radio', { name: '每村一个文件' }).check();
  await start.click();
  const job = page.getByTestId('batch-job');
  await expect(job).toContainText(`${station.township.name}：已完成`);
  await expect(job).toContainText('批量打印完成', { timeout: 120_000 });
  await page.screenshot({ path: `${SCREENS}/print-batch-done.png`, fullPage: true });

  const villages = (await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code })).length;
  await expect(job).toContainText(`共 ${villages} 个文件`);
  const download = page.waitForEvent('download');
  await job.getByRole('button', { name: /下载/ }).click();
  const zip = await saved(download, 'batch.zip');
  const names = Object.keys(unzipSync(readFileSync(zip)));
  expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(villages);
  expect(names).toContain(`${station.township.name}/${shortName(village.name)}_${year}年度_2种文档.pdf`);
  expect(errors).toEqual([]);
});

test('the distribution map: a bad file is refused, a base image is imported, a household dragged onto it and the map cleared', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInAdmin(page, station);
  await openPrint(page, '分布图底图');
  await pickVillage(page, page.getByRole('combobox', { name: '村', exact: true }), station, village);
  await expect(page.getByText(/还没有底图/)).toBeVisible();

  const upload = page.locator('input[type=file]');
  await upload.setInputFiles({ name: 'map.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片') });
  await expect(page.getByRole('alert').filter({ hasText: '操作未完成' })).toContainText('「map.png」不是 PNG 或 JPEG');

  // A 600×400 sketch: pale ground, a darker road across the middle.
  const png = makePng(600, 400, (_x, y) => (Math.abs(y - 200) < 12 ? [150, 150, 150] : [236, 242, 228]));
  await upload.setInputFiles({ name: '村示意图.png', mimeType: 'image/png', buffer: png });
  const board = page.getByTestId('map-board');
  await expect(board).toBeVisible();
  await expect(page.getByText(/底图「村示意图\.png」（600×400 像素）/)).toBeVisible();

  // Drag the first unplaced household onto the image, a quarter in from the left, a quarter down.
  const item = page.getByTestId('unplaced').locator('.print-unplaced-item').first();
  const name = (await item.textContent())!.trim().split('（')[0]!;
  const box = (await board.boundingBox())!;
  await item.dragTo(board, { targetPosition: { x: box.width * 0.25, y: box.height * 0.25 } });
  await expect(board.locator('.print-map-marker', { hasText: name })).toBeVisible();
  await page.getByRole('button', { name: /保存标记位置（1 户）/ }).click();
  await expect(page.locator('.ant-message')).toContainText('已保存 1 户的标记位置');

  const view = await station.api.call<MapEditorView>('print.mapEditor', { villageCode: village.code, year });
  const placed = view.households.find((h) => h.headName === name)!;
  expect(placed.position!.x).toBeCloseTo(0.25, 1);
  expect(placed.position!.y).toBeCloseTo(0.25, 1);

  // Then drag the marker itself further right with the mouse.
  const marker = board.locator('.print-map-marker', { hasText: name });
  const m = (await marker.boundingBox())!;
  await page.mouse.move(m.x + 9, m.y + 9);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: /保存标记位置（1 户）/ }).click();
  await expect(page.locator('.ant-message')).toContainText('已保存 1 户的标记位置');
  const moved = (await station.api.call<MapEditorView>('print.mapEditor', { villageCode: village.code, year })).households.find((h) => h.id === placed.id)!;
  expect(moved.position!.x).toBeCloseTo(0.7, 1);
  expect(moved.position!.y).toBeCloseTo(0.5, 1);
  await page.screenshot({ path: `${SCREENS}/print-map-editor.png` });

  await page.getByRole('button', { name: cjk('删除底图') }).click();
  await page.getByRole('button', { name: cjk('删除'), exact: false }).last().click();
  await expect(page.getByText(/还没有底图/)).toBeVisible();
  expect((await station.api.call<MapEditorView>('print.mapEditor', { villageCode: village.code, year })).image).toBeNull();
  expect(errors).toEqual([]);
});

test('print settings: the example follows the policy as typed, a policy showing too much is refused, a clerk only reads', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInAdmin(page, station);
  await openPrint(page, '打印设置');
  const example = page.getByTestId('mask-example');
  await expect(example).toContainText('62*************235');
  await expect(example).toContainText('139****5678');

  const start = page.getByRole('spinbutton', { name: '身份证号保留前几位' });
  await start.fill('6');
  // 6 + 3 = 9 characters of an ID number: more than a notice may show.
  await expect(example).toContainText('这条规则不能使用');
  await start.fill('4');
  await expect(example).toContainText('6204***********235');
  await page.getByRole('textbox', { name: '举报电话' }).fill('打电话给我');
  await page.getByRole('button', { name: cjk('保存打印设置') }).click();
  await expect(page.getByText('未能保存')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '「举报电话」' })).toBeVisible();
  const before = await station.api.call<PrintPreferences>('print.preferences', {});
  expect(before.maskingPolicy.idKeepStart).toBe(2);

  await page.getByRole('textbox', { name: '举报电话' }).fill('0943-3221234');
  await page.getByRole('textbox', { name: '受理单位' }).fill('会宁县乡村振兴局');
  await page.getByRole('button', { name: cjk('保存打印设置') }).click();
  await expect(page.locator('.ant-message')).toContainText('打印设置已保存');
  const after = await station.api.call<PrintPreferences>('print.preferences', {});
  expect(after.maskingPolicy.idKeepStart).toBe(4);
  expect(after.objection).toEqual({ office: '会宁县乡村振兴局', phone: '0943-3221234', address: null });
  await page.screenshot({ path: `${SCREENS}/print-settings.png` });

  // The township clerk sees the same settings and cannot change them.
  await new AppShell(page).logout();
  const login = new LoginPage(page);
  await login.login(station.clerk.username, station.clerk.password);
  await openPrint(page, '打印设置');
  await expect(page.getByText('打印设置由管理员修改')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: '身份证号保留前几位' })).toBeDisabled();
  await expect(page.getByRole('button', { name: cjk('保存打印设置') })).toHaveCount(0);
  // Put the policy back for the other tests.
  await station.api.call('print.savePreferences', before);
  expect(errors).toEqual([]);
});
