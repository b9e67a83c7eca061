// The 二看 photos in the household books (户户3本账), on a real station: a clerk uploads a real
// JPEG and PNG to an identification case and completes 二看 citing them; the books go through
// print.render to a PDF that Chromium draws and poppler reads back (pdfimages for the pictures,
// pdftotext for the captions). PNG previews land in tests/artifacts/book-photos/ for a human look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { downloadFile, storeUpload } from '../../electron/core/services/transfer-files';
import { usePrinter } from '../../electron/core/services/printing/printer';
import { createPlaywrightPdfRenderer } from '../../electron/core/printing/pdf-renderer';
import { makeStation, ok, callApi, loginAs, ADMIN, HUISHI, HUISHI_VILLAGE, type TestStation } from '../helpers/station';
import { makePng } from '../helpers/png';
import { makeJpeg } from '../helpers/jpeg';
import { openApplicantCase } from '../helpers/workflow';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/book-photos');

let t: TestStation;
let clerk: string;
let withPhotos: { householdId: string; headId: string };
let withoutPhotos: { householdId: string };
let manyPhotos: { householdId: string };
const MANY = 7;
const jpeg = makeJpeg(640, 480);
// a house-coloured picture with a roof line, so the preview shows which way up it printed
const png = makePng(320, 240, (x, y) => (y < 80 - Math.abs(x - 160) / 2 ? [200, 60, 40] : y > 200 ? [90, 140, 60] : [150 + (x % 40), 130, 100]));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await makeStation();
  usePrinter(t.station, createPlaywrightPdfRenderer());
  const admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
  await ok(t.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: HUISHI, password: 'Clerk1234' }, admin);
  clerk = await loginAs(t.station, 'clerk', 'Clerk1234');

  const c = await openApplicantCase(t.station, clerk, HUISHI_VILLAGE, '马国福', 31);
  await ok(t.station, 'workflow.completeStep', { caseId: c.id, stage: 'verify', date: '2019-03-08', data: { perCapitaIncome: 2100, assets: '土坯房三间', verifiers: '王海、李强' } }, clerk);
  const up = async (fileName: string, bytes: Uint8Array, note: string) => {
    const { fileRef } = storeUpload(t.station, bytes, fileName);
    return ok(t.station, 'workflow.uploadPhoto', { caseId: c.id, uploadRef: fileRef, note }, clerk);
  };
  const kitchen = await up('厨房.jpg', jpeg, '厨房及灶台');
  const front = await up('房屋正面.png', png, '房屋正面，后墙开裂');
  // uploaded but not cited by the completed step: known only by its upload date
  await up('院落.jpg', makeJpeg(160, 120), '');
  const data = { housing: '土坯房三间，后墙开裂', housingSafe: false, labourers: 1, labour: '户主患病，仅妻子务农', photos: [kitchen.id, front.id], outcome: 'pass' };
  await ok(t.station, 'workflow.completeStep', { caseId: c.id, stage: 'inspect', date: '2019-03-10', data }, clerk);
  const detail = await ok(t.station, 'workflow.case', { id: c.id }, clerk);
  const headId = (t.station.db.$client.prepare("SELECT json_extract(record, '$.headIdNumber') AS id FROM households WHERE id = ?").get(detail.householdId) as { id: string }).id;
  withPhotos = { householdId: detail.householdId, headId };

  const other = await openApplicantCase(t.station, clerk, HUISHI_VILLAGE, '李秀英', 35);
  withoutPhotos = { householdId: (await ok(t.station, 'workflow.case', { id: other.id }, clerk)).householdId };

  // more photos than one sheet holds, the case still at 二看
  const many = await openApplicantCase(t.station, clerk, HUISHI_VILLAGE, '张建军', 37);
  await ok(t.station, 'workflow.completeStep', { caseId: many.id, stage: 'verify', date: '2019-03-08', data: { perCapitaIncome: 1900, assets: '砖木房两间', verifiers: '王海' } }, clerk);
  for (let i = 1; i <= MANY; i++) {
    const { fileRef } = storeUpload(t.station, i % 2 ? makeJpeg(400 + i * 8, 300) : makePng(300, 200 + i * 8, () => [60, 90 + i * 15, 160]), `第${i}张`);
    await ok(t.station, 'workflow.uploadPhoto', { caseId: many.id, uploadRef: fileRef, note: `第${i}张` }, clerk);
  }
  manyPhotos = { householdId: (await ok(t.station, 'workflow.case', { id: many.id }, clerk)).householdId };
}, 120_000);
afterAll(() => t?.close());

async function printBooks(householdId: string, year: number, name: string): Promise<string> {
  const r = await ok(t.station, 'print.render', { document: 'household-books', scope: { householdId }, year }, clerk);
  const file = join(ARTIFACTS, name);
  writeFileSync(file, readFileSync(downloadFile(r.downloadRef).path));
  return file;
}
const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
// The draft watermark's characters land between words in pdftotext: drop them and all spacing.
const text = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[草稿未审定\s]/g, '');
/** pdfimages -list rows: page, width, height, encoding. */
function images(file: string): { page: number; width: number; height: number; enc: string }[] {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const c = l.trim().split(/\s+/);
    return { page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), enc: c[8]! };
  });
}

describe('户户3本账: 二看现场照片', () => {
  it('prints the case\'s JPEG and PNG on a page of their own, with step, dates and uploader in the caption', async () => {
    const file = await printBooks(withPhotos.householdId, 2026, 'books-with-photos.pdf');
    const n = pages(file);
    expect(n).toBeGreaterThanOrEqual(4);
    const imgs = images(file).filter((i) => i.enc !== 'smask');
    // every stored photo at its own size: the two cited ones and the one only uploaded
    expect(imgs.map((i) => `${i.width}x${i.height}`).sort()).toEqual(['160x120', '320x240', '640x480']);
    // the photos are after the three books, not on them
    const firstPhotoPage = Math.min(...imgs.map((i) => i.page));
    expect(text(file, firstPhotoPage)).toContain('「二看」现场照片（共3张）');
    for (let p = 1; p < firstPhotoPage; p++) expect(text(file, p)).not.toContain('现场照片');
    expect(text(file, firstPhotoPage - 1)).toContain('2026年度工作台账');

    const t2 = text(file);
    expect(t2).toContain('照片1二看（看住房、看劳力）查看日期：2019年3月10日上传日期：2026年3月2日上传人：会师镇录入员说明：厨房及灶台');
    expect(t2).toContain('照片2二看（看住房、看劳力）查看日期：2019年3月10日上传日期：2026年3月2日上传人：会师镇录入员说明：房屋正面，后墙开裂');
    // the uncited photo has no inspection date, and no empty 说明
    expect(t2).toMatch(/照片3二看（看住房、看劳力）上传日期：2026年3月2日上传人：会师镇录入员(?!说明)/);
    expect(t2).not.toContain('无现场照片');
    // the head's ID number is never printed in full; the uploader's login name is not a caption
    expect(t2).not.toContain(withPhotos.headId);
    expect(t2).not.toContain('上传人：clerk');

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(firstPhotoPage), '-l', String(firstPhotoPage), file, join(ARTIFACTS, 'photos-page')]);

    // the print's audit entry names the document and hashes the PDF; no photo bytes in it
    const audit = t.station.db.$client.prepare("SELECT after FROM audit_log WHERE action = 'print.document' ORDER BY seq DESC LIMIT 1").get() as { after: string };
    expect(audit.after).toContain('户户3本账');
    expect(audit.after).not.toContain('base64');
    expect(audit.after.length).toBeLessThan(2000);
    expect(audit.after).not.toContain(jpeg.subarray(0, 24).toString('base64'));
  }, 120_000);

  it('a book of 2019 shows the photos inspected in 2019, not the one that came in later', async () => {
    const file = await printBooks(withPhotos.householdId, 2019, 'books-2019.pdf');
    const imgs = images(file).filter((i) => i.enc !== 'smask');
    expect(imgs.map((i) => `${i.width}x${i.height}`).sort()).toEqual(['320x240', '640x480']);
    expect(text(file)).toContain('「二看」现场照片（共2张）');
  }, 60_000);

  it('a household whose case has no photos prints its books with the line 无现场照片 and no blank sheet', async () => {
    const file = await printBooks(withoutPhotos.householdId, 2026, 'books-without-photos.pdf');
    expect(images(file)).toEqual([]);
    const n = pages(file);
    const last = text(file, n);
    expect(last).toContain('「二看」现场照片');
    // (未 is dropped with the watermark's characters)
    expect(last).toContain('无现场照片（本户识别时上传二看照片');
    // the line follows the ledger on its page: three books, no page for the photos
    expect(last).toContain('2026年度工作台账');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), file, join(ARTIFACTS, 'no-photos-page')]);
  }, 60_000);

  it('keeps each photo whole on one sheet with its caption when they run over several sheets', async () => {
    const file = await printBooks(manyPhotos.householdId, 2026, 'books-many-photos.pdf');
    const imgs = images(file).filter((i) => i.enc !== 'smask');
    expect(imgs).toHaveLength(MANY);
    const sheets = [...new Set(imgs.map((i) => i.page))];
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    // each sheet's captions are exactly the photos drawn on it, in order
    let next = 1;
    for (const page of sheets) {
      const onPage = imgs.filter((i) => i.page === page).length;
      // (pdftotext reads a grid row's columns in any order)
      const captions = [...text(file, page).matchAll(/照片(\d+)二看/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
      expect(captions, `page ${page}`).toEqual(Array.from({ length: onPage }, (_, k) => next + k));
      next += onPage;
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(sheets[1]), '-l', String(sheets[1]), file, join(ARTIFACTS, 'many-photos-second-sheet')]);
  }, 60_000);

  it('a clerk of another township cannot print the books with the photos', async () => {
    const admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
    await ok(t.station, 'users.create', { username: 'other', displayName: '柴家门镇录入员', role: 'clerk', scopeCode: '620422101000', password: 'Clerk1234' }, admin);
    const other = await loginAs(t.station, 'other', 'Clerk1234');
    const r = await callApi(t.station, 'print.render', { document: 'household-books', scope: { householdId: withPhotos.householdId }, year: 2026 }, other);
    expect(r).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
  });
});
