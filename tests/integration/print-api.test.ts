// 打印中心 through the router on a real station with the demo county: Chromium renders, poppler
// reads back. Figures are checked against the database with this file's own SQL; notices are
// searched for every full ID number and phone of the village; batches are jobs with progress,
// cancel, folder and download output; every print is in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { fillDemoCounty } from '../../electron/core/demo/fill-county';
import { downloadFile, storeUpload } from '../../electron/core/services/transfer-files';
import { maskIdNumber } from '../../electron/core/domain/masking';
import type { BatchJobView } from '../../electron/core/api/contract';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { makePng } from '../helpers/png';
import { usePrinter } from '../../electron/core/services/printing/printer';
import { createPlaywrightPdfRenderer } from '../../electron/core/printing/pdf-renderer';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/print-api');
const TOWNSHIP = '620422100000'; // 会师镇
const OTHER_TOWNSHIP = '620422101000';
const YEAR = 2020;

let ts: TestStation;
let admin: string;
let clerk: string;
let village: { code: string; name: string };
const all = <T>(sql: string, ...p: unknown[]): T[] => ts.station.db.$client.prepare(sql).all(...p) as T[];
const one = <T>(sql: string, ...p: unknown[]): T => ts.station.db.$client.prepare(sql).get(...p) as T;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ts = await makeStation();
  fillDemoCounty(ts.station, { households: 300, seed: 11, townships: 1 });
  admin = await loginAs(ts.station, ADMIN.username, ADMIN.password);
  await ok(ts.station, 'users.create', { username: 'clerk', displayName: '会师镇录入员', role: 'clerk', scopeCode: TOWNSHIP, password: 'Clerk1234' }, admin);
  clerk = await loginAs(ts.station, 'clerk', 'Clerk1234');
  const v = one<{ code: string; name: string }>('SELECT h.region_code AS code, r.name FROM households h JOIN regions r ON r.code = h.region_code GROUP BY h.region_code ORDER BY count(*) DESC LIMIT 1');
  // Printed as clerks say it: 「高家庄村民委员会」 is 「高家庄村」.
  village = { code: v.code, name: v.name.replace(/村民委员会$/, '村') };
}, 120_000);
afterAll(() => ts?.close());

/** The households on the books at the end of YEAR, by this test's own reading of the events. */
function registered(villageCode: string): { id: string; head: string; idNumber: string | null; phone: string | null; persons: number }[] {
  return all(
    `SELECT h.id, json_extract(h.record, '$.headName') AS head, json_extract(h.record, '$.headIdNumber') AS idNumber, json_extract(h.record, '$.phone') AS phone,
            (SELECT count(*) FROM memberships m WHERE m.household_id = h.id AND m.from_date <= :end AND (m.to_date IS NULL OR m.to_date > :end)) AS persons
       FROM households h WHERE h.region_code = :v
        AND EXISTS (SELECT 1 FROM household_events e WHERE e.household_id = h.id AND e.type IN ('identified', 'identification.approved') AND e.date <= :end)
        AND NOT EXISTS (SELECT 1 FROM household_events e WHERE e.household_id = h.id AND e.type = 'household.removed' AND e.date <= :end)`,
    { v: villageCode, end: `${YEAR}-12-31` },
  );
}

function pdfOf(downloadRef: string, name: string): string {
  const file = join(ARTIFACTS, name);
  writeFileSync(file, readFileSync(downloadFile(downloadRef).path));
  return file;
}
const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(info(file))?.[1]);
// The draft watermark's characters land between words in pdftotext: drop them and all spacing.
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const squeezed = (file: string) => text(file).replace(/[草稿未审定\s]/g, '');
const png = (file: string, prefix: string) => execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '2', file, join(ARTIFACTS, prefix)]);

async function waitDone(token: string, job: BatchJobView): Promise<BatchJobView> {
  let v = job;
  const seen = new Set<number>();
  while (v.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    v = await ok(ts.station, 'print.batchStatus', { jobId: job.jobId }, token);
    seen.add(v.done);
  }
  return v;
}

describe('one document', () => {
  it('lists the documents with their scopes and papers', async () => {
    const c = await ok(ts.station, 'print.catalog', {}, clerk);
    expect(c.villageCharts).toEqual(['distribution-map', 'cause-table', 'flow-chart', 'target-chart', 'household-table']);
    expect(c.documents.find((d) => d.kind === 'door-card')).toMatchObject({ label: '帮扶明白卡', scopes: ['village', 'household'], tileable: false });
    expect(c.documents.find((d) => d.kind === 'cause-table')).toMatchObject({ scopes: ['village'], tileable: true, paper: 'A3', orientation: 'landscape' });
    expect(c.papers).toEqual(['A4', 'A3', 'A2', 'A1', 'A0']);
  });

  it('prints the 脱贫目标任务表 on A3 with every registered household, and records who printed it', async () => {
    const r = await ok(ts.station, 'print.render', { document: 'household-table', scope: { village: village.code }, year: YEAR }, clerk);
    expect(r.fileName).toMatch(/贫困户脱贫目标任务表_2020_A3\.pdf$/);
    const file = pdfOf(r.downloadRef, 'household-table.pdf');
    expect(info(file)).toMatch(/Page size:\s+119\d\.\d+ x 84\d\.\d+ pts \(A3\)/);
    const t = squeezed(file);
    const homes = registered(village.code);
    expect(homes.length).toBeGreaterThan(10);
    for (const h of homes) expect(t).toContain(h.head.replace(/[草稿未审定]/g, ''));
    // No household's ID number or phone on a wall chart.
    for (const h of homes) {
      if (h.idNumber) expect(t).not.toContain(h.idNumber);
      if (h.phone) expect(t).not.toContain(h.phone);
    }
    png(file, 'household-table');
    const audit = one<{ actor: string; detail: string }>("SELECT username AS actor, entity_id || ' ' || after AS detail FROM audit_log WHERE action = 'print.document' ORDER BY seq DESC LIMIT 1");
    expect(audit.actor).toBe('clerk');
    expect(audit.detail).toContain(village.code);
    expect(audit.detail).toContain('贫困户脱贫目标任务表');
  });

  it('prints an exit notice with the office\'s masking policy and objection line: no full ID number or phone', async () => {
    const bad = await callApi(ts.station, 'print.savePreferences', { maskingPolicy: { idKeepStart: 6, idKeepEnd: 4, phoneKeepStart: 3, phoneKeepEnd: 4, maskChar: '*' }, objection: { office: null, phone: null, address: null } }, admin);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('身份证号最多只能显示 7 位');
    const badPhone = await callApi(ts.station, 'print.savePreferences', { maskingPolicy: { idKeepStart: 1, idKeepEnd: 2, phoneKeepStart: 3, phoneKeepEnd: 2, maskChar: '●' }, objection: { office: '会师镇扶贫工作站', phone: '电话找我', address: null } }, admin);
    expect(badPhone.ok).toBe(false);
    if (!badPhone.ok) expect(badPhone.error.message).toContain('「举报电话」');
    expect((await ok(ts.station, 'print.preferences', {}, clerk)).maskingPolicy.idKeepStart).toBe(2); // nothing half-saved
    const forbidden = await callApi(ts.station, 'print.savePreferences', { maskingPolicy: { idKeepStart: 1, idKeepEnd: 2, phoneKeepStart: 3, phoneKeepEnd: 2, maskChar: '●' }, objection: { office: null, phone: null, address: null } }, clerk);
    expect(forbidden.ok).toBe(false);

    const policy = { idKeepStart: 1, idKeepEnd: 2, phoneKeepStart: 3, phoneKeepEnd: 2, maskChar: '●' };
    await ok(ts.station, 'print.savePreferences', { maskingPolicy: policy, objection: { office: '会师镇扶贫工作站', phone: '0943-3221234', address: '会师镇人民政府二楼' } }, admin);
    const r = await ok(ts.station, 'print.render', { document: 'notice-exit', scope: { village: village.code }, year: YEAR }, clerk);
    const file = pdfOf(r.downloadRef, 'notice-exit.pdf');
    expect(info(file)).toMatch(/\(A4\)/);
    const raw = text(file);
    const t = raw.replace(/[草稿未审定\s]/g, '');
    expect(t).toContain('受理异议：会师镇扶贫工作站，电话0943-3221234，地址会师镇人民政府二楼');
    const homes = all<{ idNumber: string | null; phone: string | null }>("SELECT json_extract(record, '$.headIdNumber') AS idNumber, json_extract(record, '$.phone') AS phone FROM households WHERE region_code = ?", village.code);
    const persons = all<{ idNumber: string | null }>("SELECT json_extract(p.record, '$.idNumber') AS idNumber FROM persons p JOIN memberships m ON m.person_id = p.id JOIN households h ON h.id = m.household_id WHERE h.region_code = ?", village.code);
    const digits = raw.replace(/\s+/g, '');
    for (const h of [...homes, ...persons]) if (h.idNumber) expect(digits).not.toContain(h.idNumber);
    for (const h of homes) if (h.phone) expect(digits).not.toContain(h.phone);
    const masked = t.match(/\d●{15}\d{1}[\dX]/g) ?? [];
    expect(masked.length).toBeGreaterThan(0);
    const expected = new Set(homes.map((h) => maskIdNumber(h.idNumber, policy)));
    for (const m of masked) expect(expected).toContain(m);
    const stated = /以下(\d+)户/.exec(t);
    expect(Number(stated?.[1])).toBe(masked.length);
    png(file, 'notice-exit');
    const audit = one<{ detail: string }>("SELECT after AS detail FROM audit_log WHERE action = 'print.document' ORDER BY seq DESC LIMIT 1");
    expect(audit.detail).toContain('身份证号显示前1位、后2位');
    await ok(ts.station, 'print.savePreferences', { maskingPolicy: { idKeepStart: 2, idKeepEnd: 3, phoneKeepStart: 3, phoneKeepEnd: 4, maskChar: '*' }, objection: { office: null, phone: null, address: null } }, admin);
  });

  it('prints one household\'s door card for the clerk of its township, and refuses another township\'s village', async () => {
    const home = registered(village.code)[0]!;
    const r = await ok(ts.station, 'print.render', { document: 'door-card', scope: { householdId: home.id }, year: YEAR }, clerk);
    const file = pdfOf(r.downloadRef, 'door-card.pdf');
    expect(pages(file)).toBe(1);
    png(file, 'door-card');
    expect(squeezed(file)).toContain(home.head);
    const other = one<{ code: string }>("SELECT code FROM regions WHERE parent_code = ? AND level = 'village' LIMIT 1", OTHER_TOWNSHIP);
    const refused = await callApi(ts.station, 'print.render', { document: 'cause-table', scope: { village: other.code }, year: YEAR }, clerk);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.kind).toBe('SCOPE_DENIED');
    const notVillage = await callApi(ts.station, 'print.render', { document: 'cause-table', scope: { village: TOWNSHIP }, year: YEAR }, admin);
    expect(notVillage.ok).toBe(false);
    if (!notVillage.ok) expect(notVillage.error.message).toContain('不是本库中的村级区划代码');
    const cardForChart = await callApi(ts.station, 'print.render', { document: 'flow-chart', scope: { householdId: home.id }, year: YEAR }, admin);
    expect(cardForChart.ok).toBe(false);
    if (!cardForChart.ok) expect(cardForChart.error.message).toContain('按村打印');
  });

  it('prints the township statistics and the household books through the API, and exports the statistics as xlsx', async () => {
    const villages = one<{ n: number }>("SELECT count(*) AS n FROM regions WHERE parent_code = ? AND level = 'village'", TOWNSHIP).n;
    const stats = await ok(ts.station, 'print.render', { document: 'statistics', scope: { region: TOWNSHIP }, year: YEAR }, clerk);
    expect(squeezed(pdfOf(stats.downloadRef, 'statistics.pdf'))).toContain('建档立卡贫困人口统计表');
    const x = await ok(ts.station, 'print.statisticsXlsx', { regionCode: TOWNSHIP, year: YEAR }, clerk);
    expect(x.fileName).toBe('会师镇2020年度建档立卡贫困人口统计表.xlsx');
    expect(x.rows).toBeGreaterThanOrEqual(villages);
    expect(readFileSync(downloadFile(x.downloadRef).path).subarray(0, 2).toString('latin1')).toBe('PK');
    const other = await callApi(ts.station, 'print.statisticsXlsx', { regionCode: OTHER_TOWNSHIP, year: YEAR }, clerk);
    expect(other.ok).toBe(false);
    const ofVillage = await callApi(ts.station, 'print.statisticsXlsx', { regionCode: village.code, year: YEAR }, admin);
    expect(ofVillage.ok).toBe(false);
    if (!ofVillage.ok) expect(ofVillage.error.message).toContain('统计表按县或乡镇导出');
    const home = registered(village.code)[1]!;
    const books = await ok(ts.station, 'print.render', { document: 'household-books', scope: { householdId: home.id }, year: YEAR }, clerk);
    const t = squeezed(pdfOf(books.downloadRef, 'household-books.pdf'));
    expect(t).toContain(home.head);
    if (home.idNumber) expect(t).not.toContain(home.idNumber);
  });

  it('prints each of the five village charts on one A3 landscape page, titled for the village, kept as PNG for looking at', async () => {
    const catalog = await ok(ts.station, 'print.catalog', {}, clerk);
    const charts = catalog.villageCharts;
    expect(charts).toHaveLength(5);
    const homes = registered(village.code);
    for (const document of charts) {
      const r = await ok(ts.station, 'print.render', { document, scope: { village: village.code }, year: YEAR }, clerk);
      const file = pdfOf(r.downloadRef, `${document}.pdf`);
      expect(info(file), document).toMatch(/Page size:\s+1191\.\d+ x 841\.\d+ pts \(A3\)/);
      // 「全村脱贫目标任务图」 is titled with the village in place of 全村.
      expect(squeezed(file), document).toContain(`${village.name}${catalog.documents.find((d) => d.kind === document)!.label.replace(/^全村/, '')}`);
      png(file, document);
    }
    // The household table and the map name every registered household's head.
    const map = squeezed(join(ARTIFACTS, 'distribution-map.pdf'));
    for (const h of homes) expect(map).toContain(h.head);
  }, 120_000);

  it('previews as HTML without an audit entry', async () => {
    const before = one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'print.%'").n;
    const p = await ok(ts.station, 'print.preview', { document: 'cause-table', scope: { village: village.code }, year: YEAR }, clerk);
    expect(p.html).toContain('<html lang="zh-CN"');
    expect(p.html).toContain(`${village.name}贫困人口致贫原因表`);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'print.%'").n).toBe(before);
  });
});

describe('direct printing', () => {
  it('is refused in web mode with what to do instead, and on the desktop sends the document to the print dialog and records it only when printed', async () => {
    const web = await callApi(ts.station, 'print.direct', { document: 'cause-table', scope: { village: village.code }, year: YEAR }, clerk);
    expect(web.ok).toBe(false);
    if (!web.ok) expect(web.error.message).toContain('直接打印只能在桌面程序中使用');

    // The desktop door's printer (electron/main/printing.ts) answers the dialog; here the clerk's answers are scripted.
    const dialogs: { html: string; paper: string; answer: boolean }[] = [];
    let answer = true;
    usePrinter(ts.station, {
      render: () => Promise.reject(new Error('not used')),
      close: async () => undefined,
      printWithDialog: async (html, opts) => {
        dialogs.push({ html, paper: `${opts.paper} ${opts.orientation}`, answer });
        return answer;
      },
    });
    const count = () => one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'print.direct'").n;
    expect(await ok(ts.station, 'print.direct', { document: 'cause-table', scope: { village: village.code }, year: YEAR }, clerk)).toEqual({ printed: true });
    expect(dialogs[0]!.html).toContain(`${village.name}贫困人口致贫原因表`);
    expect(dialogs[0]!.paper).toBe('A3 landscape');
    expect(count()).toBe(1);
    answer = false;
    expect(await ok(ts.station, 'print.direct', { document: 'notice-exit', scope: { village: village.code }, year: YEAR }, clerk)).toEqual({ printed: false });
    expect(count()).toBe(1);
    usePrinter(ts.station, createPlaywrightPdfRenderer());
  });
});

describe('the distribution map\'s base image', () => {
  it('imports a PNG, saves dragged markers and prints on the image; refuses a text file and another village\'s household', async () => {
    const sketch = makePng(480, 320, (x, y) => (Math.abs(y - 160 - 40 * Math.sin(x / 60)) < 6 ? [90, 140, 200] : [245, 240, 225]));
    const up = storeUpload(ts.station, sketch, '高家庄村示意图.png');
    let m = await ok(ts.station, 'print.setMapImage', { villageCode: village.code, year: YEAR, uploadRef: up.fileRef }, clerk);
    expect(m.image).toMatchObject({ widthPx: 480, heightPx: 320, fileName: '高家庄村示意图.png' });
    expect(m.households.every((h) => h.position === null)).toBe(true);
    const [a, b] = m.households;
    m = await ok(ts.station, 'print.moveMarkers', { villageCode: village.code, year: YEAR, moves: [{ householdId: a!.id, position: { x: 0.25, y: 0.5 } }, { householdId: b!.id, position: { x: 0.75, y: 0.4 } }] }, clerk);
    expect(m.households.find((h) => h.id === a!.id)?.position).toEqual({ x: 0.25, y: 0.5 });

    const junk = storeUpload(ts.station, Buffer.from('这不是图片'), '说明.txt');
    const refused = await callApi(ts.station, 'print.setMapImage', { villageCode: village.code, year: YEAR, uploadRef: junk.fileRef }, clerk);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('「说明.txt」不是 PNG 或 JPEG 图片');
    const stranger = one<{ id: string }>('SELECT id FROM households WHERE region_code <> ? LIMIT 1', village.code);
    const off = await callApi(ts.station, 'print.moveMarkers', { villageCode: village.code, year: YEAR, moves: [{ householdId: a!.id, position: { x: 0.1, y: 0.1 } }, { householdId: stranger.id, position: { x: 0.5, y: 0.5 } }] }, clerk);
    expect(off.ok).toBe(false);
    if (!off.ok) expect(off.error.message).toContain('第 2 个标记');
    expect((await ok(ts.station, 'print.mapEditor', { villageCode: village.code, year: YEAR }, clerk)).households.find((h) => h.id === a!.id)?.position).toEqual({ x: 0.25, y: 0.5 });

    const r = await ok(ts.station, 'print.render', { document: 'distribution-map', scope: { village: village.code }, year: YEAR }, clerk);
    const file = pdfOf(r.downloadRef, 'distribution-map-base-image.pdf');
    expect(squeezed(file)).toContain('按村级底图标注');
    png(file, 'distribution-map-base-image');
    m = await ok(ts.station, 'print.clearMap', { villageCode: village.code, year: YEAR }, clerk);
    expect(m.image).toBeNull();
    expect(m.households.every((h) => h.position === null)).toBe(true);
  });
});

describe('batches', () => {
  it('prints a chart of every village of the township into a folder, one file per village, with progress', async () => {
    const folder = join(ts.dir, 'out');
    const villages = all<{ name: string }>("SELECT name FROM regions WHERE parent_code = ? AND level = 'village'", TOWNSHIP);
    const charts = (await ok(ts.station, 'print.catalog', {}, clerk)).villageCharts;
    const started = await ok(ts.station, 'print.startBatch', { regionCode: TOWNSHIP, year: YEAR, documents: charts.slice(2, 3), layout: 'per-village', folder }, clerk);
    expect(started.total).toBe(villages.length);
    const done = await waitDone(clerk, started);
    expect(done).toMatchObject({ state: 'done', done: villages.length, error: null, folder });
    const files = readdirSync(join(folder, '会师镇'));
    expect(files).toHaveLength(villages.length);
    expect(files.every((f) => f.endsWith('.pdf'))).toBe(true);
    const sample = join(folder, '会师镇', files.find((f) => f.startsWith(village.name))!);
    expect(pages(sample)).toBe(1);
    expect(squeezed(sample)).toContain(`${village.name}贫困人口进出动态图`);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'print.batch'").n).toBe(villages.length);
    // Another user cannot see the job.
    const peek = await callApi(ts.station, 'print.batchStatus', { jobId: started.jobId }, admin);
    expect(peek.ok).toBe(false);
  }, 240_000);

  it('gives a zip download in web mode, stops on cancel, and refuses what cannot be done', async () => {
    const job = await ok(ts.station, 'print.startBatch', { regionCode: TOWNSHIP, year: YEAR, documents: ['cause-table'], layout: 'per-document' }, admin);
    const cancelled = await ok(ts.station, 'print.cancelBatch', { jobId: job.jobId }, admin);
    expect(['running', 'cancelled']).toContain(cancelled.state);
    const end = await waitDone(admin, job);
    expect(end.state).toBe('cancelled');
    expect(end.done).toBeLessThan(end.total);
    // What was printed before the cancel is still handed over: one PDF as it is, several as a zip.
    if (end.files.length === 1) expect(end.download?.fileName).toMatch(/\.pdf$/);
    if (end.files.length > 1) expect(Object.keys(unzipSync(readFileSync(downloadFile(end.download!.downloadRef).path)))).toHaveLength(end.files.length);

    const two = one<{ code: string }>("SELECT code FROM regions WHERE parent_code = ? AND level = 'village' ORDER BY code LIMIT 1", TOWNSHIP);
    const small = await ok(ts.station, 'print.startBatch', { regionCode: two.code, year: YEAR, documents: ['cause-table', 'flow-chart'], layout: 'per-document' }, admin);
    const got = await waitDone(admin, small);
    expect(got.state).toBe('done');
    const zip = unzipSync(readFileSync(downloadFile(got.download!.downloadRef).path));
    expect(Object.keys(zip).sort()).toEqual(got.files.slice().sort());
    expect(Object.keys(zip)).toHaveLength(2);
    for (const bytes of Object.values(zip)) expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const tiled = await callApi(ts.station, 'print.startBatch', { regionCode: TOWNSHIP, year: YEAR, documents: ['cause-table'], layout: 'per-village', tile: 'A4', paper: 'A1' }, admin);
    expect(tiled.ok).toBe(false);
    if (!tiled.ok) expect(tiled.error.message).toContain('拼贴打印每张挂图单独成一个文件');
    const mixed = await ok(ts.station, 'print.startBatch', { regionCode: two.code, year: YEAR, documents: ['cause-table', 'door-card'], layout: 'per-village' }, admin);
    const failed = await waitDone(admin, mixed);
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('挂图和台账、卡片、公示不能合并到同一个文件');
  }, 240_000);
});
