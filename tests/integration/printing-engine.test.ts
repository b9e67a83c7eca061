// The printing engine end to end: real Chromium (Debian's, through playwright-core) makes the
// PDFs, poppler reads them back. One renderer, so one browser, for the whole file: the test
// machine has 2 cores. PDFs and PNG previews land in tests/artifacts/printing/ for a human look.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import * as echarts from 'echarts';
import { maskIdNumber, maskPhone } from '../../electron/core/domain/masking';
import { mmToPt } from '../../electron/core/domain/paper';
import { planTiling, type TilingPlan } from '../../electron/core/domain/tiling';
import { buildHtmlDocument, escapeHtml } from '../../electron/core/printing/html-document';
import { createPlaywrightPdfRenderer, type PdfRenderer } from '../../electron/core/printing/pdf-renderer';
import { buildTiledSheetsHtml, renderTiledPdf } from '../../electron/core/printing/tiled-pdf';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/printing');

let renderer: PdfRenderer;
const blocked: string[] = [];
const timings: string[] = [];

beforeAll(() => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  renderer = createPlaywrightPdfRenderer({ onBlockedRequest: (url) => blocked.push(url) });
});

afterAll(async () => {
  await renderer?.close();
  if (timings.length) console.log(`[printing-engine] render times:\n  ${timings.join('\n  ')}`);
});

// ---- poppler helpers ---------------------------------------------------------------------

function savePdf(name: string, pdf: Uint8Array): string {
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function pdfInfo(file: string): { pages: number; sizes: Array<[number, number]> } {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const all = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  const sizes = [...all.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (m) => [Number(m[1]), Number(m[2])] as [number, number],
  );
  return { pages, sizes };
}

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function toPngs(file: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-r', '50', '-png', file, join(ARTIFACTS, prefix)]);
  return readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
}

/** Chromium rounds page sizes to whole CSS pixels: allow a point and a half. */
function expectPageSizeMm(size: [number, number] | undefined, widthMm: number, heightMm: number): void {
  expect(size).toBeDefined();
  expect(Math.abs(size![0] - mmToPt(widthMm))).toBeLessThan(1.5);
  expect(Math.abs(size![1] - mmToPt(heightMm))).toBeLessThan(1.5);
}

async function timed(label: string, pages: number, job: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const start = performance.now();
  const pdf = await job();
  const ms = performance.now() - start;
  timings.push(`${label}: ${Math.round(ms)} ms for ${pages} page(s), ${Math.round(ms / pages)} ms/page`);
  return pdf;
}

// ---- documents -----------------------------------------------------------------------------

const NOTICE_INTRO = '经村民代表大会民主评议、村“两委”审核，以下农户拟识别为建档立卡贫困户，现予公示。';
const NOTICE_OBJECTION = '公示期内如有异议，请向香泉镇人民政府反映，监督电话：0932-8123456。';
const HOUSEHOLDS = [
  { name: '张建国', id: '620422199001011234', phone: '13912345678', size: 4, cause: '因病' },
  { name: '李秀英', id: '62042219850315002x', phone: '+86 138 0931 2222', size: 3, cause: '缺技术' },
  { name: '欧阳明', id: '620422650101123', phone: '0932-8123456', size: 5, cause: '因学' },
];

function noticeHtml(paper: 'A4' | 'A3', orientation: 'portrait' | 'landscape', draft = false): string {
  const rows = Array.from({ length: 16 }, (_, i) => HOUSEHOLDS[i % HOUSEHOLDS.length]!).map(
    (h, i) =>
      `<tr><td>${i + 1}</td><td>${escapeHtml(h.name)}</td><td>${escapeHtml(maskIdNumber(h.id))}</td>` +
      `<td>${escapeHtml(maskPhone(h.phone))}</td><td>${h.size}</td><td>${escapeHtml(h.cause)}</td></tr>`,
  );
  return buildHtmlDocument({
    title: '香泉镇贫困户识别公示',
    paper,
    orientation,
    draft,
    css: 'td,th{border:0.3mm solid #000;padding:1.5mm 2mm;text-align:center} p{text-indent:2em}',
    body:
      '<h1>香泉镇贫困户识别公示</h1>' +
      `<p>${NOTICE_INTRO}</p>` +
      '<table><thead><tr><th>序号</th><th>户主姓名</th><th>身份证号</th><th>联系电话</th><th>家庭人口</th><th>主要致贫原因</th></tr></thead>' +
      `<tbody>${rows.join('')}</tbody></table>` +
      `<p>${NOTICE_OBJECTION}</p>` +
      '<p class="page-break" style="text-align:right">香泉镇人民政府<br>2024年6月1日</p>' +
      '<h2>附：公示期及异议渠道</h2><p>公示期为七天，自2024年6月1日至2024年6月7日。</p>',
  });
}

// ---- tests ---------------------------------------------------------------------------------

describe('PDF renderer (Chromium via playwright-core)', () => {
  it('renders a Chinese A4 portrait notice: pages, size, exact text, page numbers, masked numbers', async () => {
    const pdf = await timed('A4 notice', 2, () =>
      renderer.render(noticeHtml('A4', 'portrait'), {
        paper: 'A4',
        orientation: 'portrait',
        headerFooter: { title: '香泉镇贫困户识别公示' },
        pageNumbers: true,
      }),
    );
    const file = savePdf('notice-a4-portrait', pdf);
    const info = pdfInfo(file);
    expect(info.pages).toBe(2);
    for (const size of info.sizes) expectPageSizeMm(size, 210, 297);

    const text = pdfText(file);
    expect(text).toContain('香泉镇贫困户识别公示');
    expect(text).toContain('户主姓名');
    expect(text).toContain('欧阳明');
    // long sentences may wrap: compare without line breaks
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(NOTICE_INTRO);
    expect(flat).toContain(NOTICE_OBJECTION.replace(/\s+/g, ''));
    // masked, never in full
    expect(text).toContain('62*************234');
    expect(text).toContain('62*************02X');
    expect(text).toContain('139****5678');
    expect(text).not.toContain('620422199001011234');
    expect(text).not.toContain('13912345678');
    // 「第 N 页 共 M 页」 on each page (pdftotext drops the spaces)
    expect(pdfText(file, 1)).toMatch(/第\s*1\s*页\s*共\s*2\s*页/);
    expect(pdfText(file, 2)).toMatch(/第\s*2\s*页\s*共\s*2\s*页/);
    expect(toPngs(file, 'notice-a4-portrait')).toHaveLength(2);
  });

  it('renders A3 landscape at A3 landscape size, with the draft watermark', async () => {
    const pdf = await timed('A3 draft notice', 2, () =>
      renderer.render(noticeHtml('A3', 'landscape', true), { paper: 'A3', orientation: 'landscape', pageNumbers: true }),
    );
    const file = savePdf('notice-a3-landscape-draft', pdf);
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    for (const size of info.sizes) expectPageSizeMm(size, 420, 297);
    // The watermark is rotated: pdftotext gives its characters back one by one.
    for (let p = 1; p <= info.pages; p++) {
      const text = pdfText(file, p);
      for (const ch of '草稿未审定') expect(text.split(ch).length - 1, ch).toBeGreaterThanOrEqual(4);
    }
    toPngs(file, 'notice-a3-landscape-draft');
  });

  describe('never fetches anything', () => {
    let server: Server;
    let origin: string;
    const hits: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'image/png' }).end();
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((done) => server.close(done));
    });

    it('blocks every request of a page without our CSP, without hanging', async () => {
      blocked.length = 0;
      // A 1×1 PNG inline is allowed: documents embed their images like this.
      const dot = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
      const html =
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>外部资源</title>' +
        `<link rel="stylesheet" href="${origin}/style.css">` +
        `<style>@import url("${origin}/import.css"); @font-face{font-family:X;src:url("${origin}/font.woff2")} ` +
        `body{font-family:X,"Noto Sans CJK SC";background:url("${origin}/bg.png")}</style></head><body>` +
        `<p>外部图片不应被加载</p><img src="${origin}/logo.png"><img src="https://example.com/logo.png">` +
        `<img src="${dot}"><iframe src="${origin}/frame.html"></iframe>` +
        '</body></html>';
      const start = performance.now();
      const pdf = await renderer.render(html, { paper: 'A4', orientation: 'portrait' });
      const ms = performance.now() - start;
      expect(ms).toBeLessThan(20_000);
      expect(hits).toEqual([]);
      for (const path of ['/style.css', '/logo.png', '/frame.html']) expect(blocked).toContain(`${origin}${path}`);
      expect(blocked).toContain('https://example.com/logo.png');
      expect(blocked.some((url) => url.startsWith('data:'))).toBe(false);
      expect(pdfText(savePdf('external-resources', pdf))).toContain('外部图片不应被加载');
    });

    it('a document built by buildHtmlDocument asks for nothing at all (its CSP)', async () => {
      blocked.length = 0;
      const html = buildHtmlDocument({
        title: '外部资源',
        paper: 'A4',
        orientation: 'portrait',
        body: `<p>外部图片</p><img src="${origin}/logo2.png"><div style="background:url('${origin}/bg2.png')">背景</div>`,
      });
      await renderer.render(html, { paper: 'A4', orientation: 'portrait' });
      expect(hits).toEqual([]);
      expect(blocked).toEqual([]);
    });
  });
});

// ---- tiling --------------------------------------------------------------------------------

const CHART_W = 841;
const CHART_H = 594;
const MARK_STEP = 60;

/** Unique text markers at known chart positions, to check which sheet shows what. */
function markers(): Array<{ text: string; x: number; y: number }> {
  const list = [];
  for (let y = 30; y < CHART_H; y += MARK_STEP) {
    for (let x = 30; x < CHART_W; x += MARK_STEP) {
      list.push({ text: `K${String(x).padStart(3, '0')}${String(y).padStart(3, '0')}`, x, y });
    }
  }
  return list;
}

function pieSvg(): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 420 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Noto Sans CJK SC' },
    title: { text: '致贫原因构成', left: 'center', textStyle: { fontSize: 26 } },
    series: [
      {
        type: 'pie',
        radius: ['30%', '62%'],
        top: 40,
        label: { fontSize: 18 },
        data: [
          { name: '因病', value: 41 },
          { name: '缺技术', value: 23 },
          { name: '因学', value: 12 },
          { name: '缺劳力', value: 9 },
          { name: '缺资金', value: 15 },
        ],
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** An A1 landscape village chart: a 50 mm grid, households, a legend, an ECharts pie. */
function villageChartHtml(): string {
  const grid: string[] = [];
  for (let x = 0; x <= CHART_W; x += 50) grid.push(`<line x1="${x}" y1="0" x2="${x}" y2="${CHART_H}" stroke="#d6e4f0" stroke-width="0.4"/>`);
  for (let y = 0; y <= CHART_H; y += 50) grid.push(`<line x1="0" y1="${y}" x2="${CHART_W}" y2="${y}" stroke="#d6e4f0" stroke-width="0.4"/>`);
  const names = ['张建国', '李秀英', '王福来', '赵玉兰', '刘成林', '陈桂花', '杨永强', '马彩霞', '周德明', '何小平'];
  const houses: string[] = [];
  for (let r = 0; r < 5; r++) {
    for (let c = 0; c < 9; c++) {
      const x = 40 + c * 62;
      const y = 120 + r * 86;
      const status = (r * 9 + c) % 3;
      const fill = ['#f4b6b6', '#b9e4c0', '#ffffff'][status];
      houses.push(
        `<rect x="${x}" y="${y}" width="48" height="34" rx="2" fill="${fill}" stroke="#333" stroke-width="0.5"/>` +
          `<text x="${x + 24}" y="${y + 21}" font-size="9" text-anchor="middle">${names[(r * 9 + c) % names.length]}</text>`,
      );
    }
  }
  const marks = markers().map(
    (m) => `<text x="${m.x}" y="${m.y}" font-size="3.5" fill="#0a58a8" text-anchor="middle" dominant-baseline="middle">${m.text}</text>`,
  );
  return (
    `<svg class="village" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_W} ${CHART_H}" width="${CHART_W}mm" height="${CHART_H}mm">` +
    `<rect x="0" y="0" width="${CHART_W}" height="${CHART_H}" fill="#fbfdff"/>` +
    grid.join('') +
    `<rect x="2" y="2" width="${CHART_W - 4}" height="${CHART_H - 4}" fill="none" stroke="#a3161a" stroke-width="2"/>` +
    `<text x="${CHART_W / 2}" y="70" font-size="40" font-weight="700" text-anchor="middle" fill="#a3161a">香泉村贫困人口分布图</text>` +
    houses.join('') +
    `<g transform="translate(620 110)"><rect width="200" height="140" fill="#fff" stroke="#333" stroke-width="0.5"/>` +
    `<svg x="0" y="0" width="200" height="140" viewBox="0 0 600 420">${pieSvg().replace(/^<svg[^>]*>|<\/svg>\s*$/g, '')}</svg></g>` +
    `<g transform="translate(620 280)" font-size="7"><rect width="200" height="80" fill="#fff" stroke="#333" stroke-width="0.5"/>` +
    '<rect x="12" y="14" width="20" height="12" fill="#f4b6b6" stroke="#333" stroke-width="0.4"/><text x="40" y="24">贫困户</text>' +
    '<rect x="12" y="34" width="20" height="12" fill="#b9e4c0" stroke="#333" stroke-width="0.4"/><text x="40" y="44">脱贫户</text>' +
    '<rect x="12" y="54" width="20" height="12" fill="#fff" stroke="#333" stroke-width="0.4"/><text x="40" y="64">一般农户</text></g>' +
    marks.join('') +
    '</svg>'
  );
}

describe('tiled wall chart, A1 landscape on A4', () => {
  let plan: TilingPlan;
  let file: string;

  beforeAll(async () => {
    plan = planTiling({ chart: { paper: 'A1', orientation: 'landscape' }, sheetPaper: 'A4' });
    const chart = {
      title: '香泉村贫困人口分布图',
      chartHtml: villageChartHtml(),
      chartCss: '.village{display:block;font-family:"Noto Sans CJK SC",sans-serif}',
    };
    writeFileSync(join(ARTIFACTS, 'tiled-a1-on-a4.html'), buildTiledSheetsHtml(chart, plan));
    const pdf = await timed(`A1→A4 tiled (${plan.rows}×${plan.cols})`, plan.tiles.length, () => renderTiledPdf(renderer, chart, plan));
    file = savePdf('tiled-a1-on-a4', pdf);
  });

  it('yields rows × cols A4 pages, each with its own 「第X行第Y张」 label', () => {
    const info = pdfInfo(file);
    expect(info.pages).toBe(plan.rows * plan.cols);
    for (const size of info.sizes) expectPageSizeMm(size, plan.sheet.widthMm, plan.sheet.heightMm);
    for (const tile of plan.tiles) {
      const text = pdfText(file, tile.index + 1);
      expect(text).toContain(tile.label);
      for (const other of plan.tiles) if (other !== tile) expect(text).not.toContain(other.label);
    }
  });

  it('each sheet shows exactly its part of the chart', () => {
    const margin = 6; // a marker is ~5 mm wide: only judge markers clearly in or out
    for (const tile of plan.tiles) {
      const text = pdfText(file, tile.index + 1);
      const s = tile.source;
      for (const m of markers()) {
        const inside = m.x > s.x + margin && m.x < s.x + s.width - margin && m.y > s.y + margin && m.y < s.y + s.height - margin;
        const outside = m.x < s.x - margin || m.x > s.x + s.width + margin || m.y < s.y - margin || m.y > s.y + s.height + margin;
        if (inside) expect(text, `${m.text} on ${tile.label}`).toContain(m.text);
        if (outside) expect(text, `${m.text} not on ${tile.label}`).not.toContain(m.text);
      }
    }
  });

  it('leaves PNG previews for a human look', () => {
    expect(toPngs(file, 'tiled-a1-on-a4')).toHaveLength(plan.tiles.length);
  });
});

describe('tiled draft chart, A2 portrait on A3', () => {
  it('prints every sheet with its label and the draft watermark', async () => {
    const plan = planTiling({ chart: { paper: 'A2', orientation: 'portrait' }, sheetPaper: 'A3' });
    const chartHtml =
      '<div class="goal"><h1>香泉村脱贫目标任务图</h1><table>' +
      Array.from({ length: 14 }, (_, i) => `<tr><td>${2016 + (i % 5)}年</td><td>第${i + 1}组</td><td>计划脱贫 ${i + 3} 户</td><td>帮扶责任人：王书记</td></tr>`).join('') +
      '</table></div>';
    const chartCss =
      '.goal{padding:20mm;font-size:16pt}.goal h1{font-size:48pt;color:#a3161a;margin:10mm 0 20mm}' +
      '.goal td{border:0.4mm solid #333;padding:6mm 4mm}';
    const pdf = await timed(`A2→A3 tiled draft (${plan.rows}×${plan.cols})`, plan.tiles.length, () =>
      renderTiledPdf(renderer, { title: '香泉村脱贫目标任务图', chartHtml, chartCss, draft: true }, plan),
    );
    const file = savePdf('tiled-a2-on-a3-draft', pdf);
    const info = pdfInfo(file);
    expect(info.pages).toBe(plan.tiles.length);
    for (const size of info.sizes) expectPageSizeMm(size, plan.sheet.widthMm, plan.sheet.heightMm);
    for (const tile of plan.tiles) {
      const text = pdfText(file, tile.index + 1);
      expect(text).toContain(tile.label);
      expect(text).toContain('草');
    }
    expect(toPngs(file, 'tiled-a2-on-a3-draft')).toHaveLength(plan.tiles.length);
  });
});
