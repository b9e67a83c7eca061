import { test, expect, type Page } from '@playwright/test';
import type { CaseDetail, PhotoView, RegionNode } from '../../electron/core/api/contract';
import { collectConsoleErrors, SCREENS } from './support/fixtures';
import { cjk } from './support/pages';
import { startRegistryStation, type RegistryStation } from './support/registry-station';
import { idNumber } from './support/id-number';
import { signInAdmin, typeDate } from './support/workflow-pages';
import { makePng } from '../helpers/png';
import { makeJpeg } from '../helpers/jpeg';

// 二看 with photos: an applicant's case at its 二看 step; the clerk picks a photo of the house
// (a PNG), a kitchen photo (a JPEG) and a text file named .jpg; the photos show as thumbnails,
// the text file is refused with core's sentence; the step is completed and its log entry shows
// the thumbnails, which open larger.

let station: RegistryStation;
let caseId: string;
test.beforeAll(async () => {
  test.setTimeout(120_000); // generating the demo county
  station = await startRegistryStation(24);
  const village = (await station.api.call<RegionNode[]>('registry.tree', { parentCode: station.township.code }))[0]!;
  const opened = await station.api.call<CaseDetail>('workflow.openIdentification', {
    kind: 'identification',
    householdId: null,
    applicant: { regionCode: village.code, groupName: '二社', headName: '杨建国', headIdNumber: idNumber('620422', '1966-05-20', 613), phone: null },
    applicationDate: '2020-03-02',
    reason: '住房破旧，缺劳力',
    attribute: null,
    mainCause: null,
  });
  caseId = opened.id;
  await station.api.call('workflow.completeStep', { caseId, stage: 'verify', date: '2020-03-05', data: { perCapitaIncome: 2300, verifiers: '王海' } });
});
test.afterAll(async () => station?.stop());

// A house front: sky, a wall with a door and a window, the ground.
const house = makePng(320, 240, (x, y) => {
  if (y < 80) return [170, 205, 235];
  if (y > 200) return [150, 120, 80];
  if (x > 140 && x < 180 && y > 130) return [90, 60, 40];
  if (x > 220 && x < 270 && y > 110 && y < 150) return [60, 80, 110];
  return [205, 185, 150];
});

const thumbnails = (page: Page) => page.getByTestId('photo-field').locator('.ant-upload-list-item img');

test('二看: photos uploaded as thumbnails, a text file refused, the completed step shows them and opens them larger', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInAdmin(page, station);
  await page.goto(page.url().replace(/#.*$/, `#/identification/case/${caseId}`));
  const card = page.getByTestId('current-step');
  await expect(card.locator('.ant-card-head-title').first()).toHaveText('办理：二看（看住房、看劳力）');

  await card.locator('input[type=file]').setInputFiles([
    { name: '房屋正面.png', mimeType: 'image/png', buffer: house },
    { name: '厨房.jpg', mimeType: 'image/jpeg', buffer: makeJpeg(160, 120) },
    { name: '说明.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这是一段文字说明，不是照片') },
  ]);
  await expect(card.getByRole('alert')).toContainText('照片「说明.jpg」不是 JPEG 或 PNG 图片（按文件内容判断，与扩展名无关）');
  await expect(thumbnails(page)).toHaveCount(2);
  // both thumbnails are drawn from the bytes core kept: decoded, at their own size
  for (const [i, width] of [[0, 320], [1, 160]] as const) {
    await expect.poll(() => thumbnails(page).nth(i).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(width);
  }
  await expect(card.getByText('已上传 2 张')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/workflow-photos-upload.png`, fullPage: true });

  // the kitchen photo was a mistake: it goes, on core's word
  await page.getByTestId('photo-field').locator('.ant-upload-list-item', { hasText: '厨房.jpg' }).hover();
  await page.getByTestId('photo-field').locator('.ant-upload-list-item', { hasText: '厨房.jpg' }).getByRole('button', { name: /删除|Remove|delete/i }).click();
  await expect(thumbnails(page)).toHaveCount(1);
  await expect(card.getByText('已上传 1 张')).toBeVisible();

  await typeDate(card, '办理日期', '2020-03-06');
  await card.getByLabel('住房情况').fill('土木结构，墙体开裂');
  await card.getByRole('checkbox', { name: '住房是否安全' }).uncheck();
  await card.getByRole('spinbutton', { name: '劳动力人数' }).fill('1');
  await card.getByRole('button', { name: cjk('办理完成') }).click();
  await expect(page.getByTestId('current-step').locator('.ant-card-head-title').first()).toHaveText('办理：三比（与邻里比）');

  // the log's 二看 entry names the photo count and shows its thumbnail
  await expect(page.getByText('住房不安全，劳动力 1 人，照片 1 张')).toBeVisible();
  const logged = page.getByTestId('step-photos').locator('img');
  await expect(logged).toHaveCount(1);
  await expect.poll(() => logged.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await logged.first().click();
  const preview = page.locator('.ant-image-preview img');
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width)).toBeGreaterThan(300);
  await page.screenshot({ path: `${SCREENS}/workflow-photos-preview.png` });
  await page.keyboard.press('Escape');

  // what core holds: one photo, cited by the completion and no longer deletable
  const photos = await station.api.call<PhotoView[]>('workflow.photos', { caseId });
  expect(photos.map((p) => [p.fileName, p.mime, p.width, p.citedBy.length, p.deletable])).toEqual([['房屋正面.png', 'image/png', 320, 1, false]]);
  const detail = await station.api.call<CaseDetail>('workflow.case', { id: caseId });
  expect((detail.stages.find((s) => s.code === 'inspect')!.completion!.data as { photos: string[] }).photos).toEqual([photos[0]!.id]);
  await page.screenshot({ path: `${SCREENS}/workflow-photos-log.png`, fullPage: true });
  expect(errors).toEqual([]);
});
