// A wall chart laid out for a big paper (A2–A0), printed on an office printer as a stack of
// A4/A3 sheets that are glued together: one PDF page per tile of a TilingPlan, printed 1:1.
//
// Chromium cannot show one element on several printed pages, so each sheet carries its own
// copy of the chart markup. Every copy is laid out at the chart's full size, shifted so the
// sheet's part sits in the tile window, and clipped by it (overflow: hidden): all sheets come
// from the same layout, and the chart stays vector on every sheet.
import { paperLabel } from '../domain/paper';
import { overlapGuides, type RectMm, type Tile, type TilingPlan } from '../domain/tiling';
import { buildHtmlDocument, escapeHtml } from './html-document';
import type { PdfRenderer } from './pdf-renderer-types';

export interface TiledChart {
  /** Shown in each sheet's band and as the document title. */
  title: string;
  /** Trusted HTML fragment laid out for plan.chart's width × height (its container has that size). */
  chartHtml: string;
  /** CSS for the chart fragment; included once. */
  chartCss?: string;
  /** Not yet approved: the 「草稿 未审定」 watermark over every sheet. */
  draft?: boolean;
  /** For a chart of several pages, which page this is (「第2页，共3页」), shown in every band. */
  pageLabel?: string;
}

export const ZERO_MARGINS = { top: 0, right: 0, bottom: 0, left: 0 };

// Numbers in generated CSS/SVG: enough precision for 1/1000 mm, no float noise.
const n = (v: number): string => String(Math.round(v * 1000) / 1000);
const rectStyle = (r: RectMm): string => `left:${n(r.x)}mm;top:${n(r.y)}mm;width:${n(r.width)}mm;height:${n(r.height)}mm`;

export const TILED_CSS = `
.fp-sheet { position: relative; overflow: hidden; break-after: page; }
.fp-sheet:last-of-type { break-after: auto; }
.fp-tile { position: absolute; overflow: hidden; }
.fp-chart { position: absolute; overflow: hidden; }
.fp-marks { position: absolute; left: 0; top: 0; pointer-events: none; }
.fp-band { position: absolute; display: flex; align-items: center; gap: 4mm; }
.fp-label { font-size: 15pt; font-weight: 700; line-height: 1; white-space: nowrap; }
.fp-info { flex: 1; font-size: 7pt; line-height: 1.35; color: #444; min-width: 0; }
.fp-map { flex: none; display: block; }
`;

const CUT = 'stroke="#000" stroke-width="0.2"';
const GUIDE_TICK = 'stroke="#000" stroke-width="0.2" stroke-dasharray="0.8 0.5"';
const GUIDE_LINE = 'stroke="#888" stroke-width="0.15" stroke-dasharray="1.5 1.5"';

/**
 * Marks in the gutter around the tile, in sheet millimetres:
 * - solid crop marks on the tile's edges: where this sheet is trimmed;
 * - dashed ticks, and a faint dashed line across the chart, where the neighbouring sheet's
 *   edge has to land: the overlap boundary to line the next sheet up with.
 */
export function cutMarksSvg(plan: TilingPlan, tile: Tile): string {
  const p = tile.placement;
  const gap = Math.min(1, plan.gutterMm / 4);
  const len = Math.max(0, plan.gutterMm - gap - 0.5);
  const lines: string[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number, style: string): void => {
    lines.push(`<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${style}/>`);
  };
  // Ticks outside the tile, above and below a vertical line at x; left and right of y.
  const vTicks = (x: number, style: string): void => {
    line(x, p.y - gap, x, p.y - gap - len, style);
    line(x, p.y + p.height + gap, x, p.y + p.height + gap + len, style);
  };
  const hTicks = (y: number, style: string): void => {
    line(p.x - gap, y, p.x - gap - len, y, style);
    line(p.x + p.width + gap, y, p.x + p.width + gap + len, y, style);
  };
  if (len > 0) {
    vTicks(p.x, CUT);
    vTicks(p.x + p.width, CUT);
    hTicks(p.y, CUT);
    hTicks(p.y + p.height, CUT);
  }
  const guides = overlapGuides(plan, tile);
  for (const gx of guides.vertical) {
    if (len > 0) vTicks(p.x + gx, GUIDE_TICK);
    line(p.x + gx, p.y, p.x + gx, p.y + p.height, GUIDE_LINE);
  }
  for (const gy of guides.horizontal) {
    if (len > 0) hTicks(p.y + gy, GUIDE_TICK);
    line(p.x, p.y + gy, p.x + p.width, p.y + gy, GUIDE_LINE);
  }
  const { widthMm: w, heightMm: h } = plan.sheet;
  return `<svg class="fp-marks" xmlns="http://www.w3.org/2000/svg" width="${n(w)}mm" height="${n(h)}mm" viewBox="0 0 ${n(w)} ${n(h)}">${lines.join('')}</svg>`;
}

/**
 * The whole wall as a small grid, this sheet filled in, so a stack of sheets that fell on the
 * floor can be put back in order. Cells keep the tiles' proportions.
 */
export function sheetMapSvg(plan: TilingPlan, tile: Tile, maxWidthMm: number, maxHeightMm: number): string {
  const aspect = tile.source.width / tile.source.height;
  const cellH = Math.min(maxHeightMm / plan.rows, maxWidthMm / (plan.cols * aspect));
  const cellW = cellH * aspect;
  const sw = 0.2;
  const width = plan.cols * cellW + sw;
  const height = plan.rows * cellH + sw;
  const cells = plan.tiles
    .map((t) => {
      const current = t.index === tile.index;
      const fill = current ? '#222' : '#fff';
      return `<rect x="${n(sw / 2 + (t.col - 1) * cellW)}" y="${n(sw / 2 + (t.row - 1) * cellH)}" width="${n(cellW)}" height="${n(cellH)}" fill="${fill}" stroke="#555" stroke-width="${sw}"/>`;
    })
    .join('');
  return (
    `<svg class="fp-map" xmlns="http://www.w3.org/2000/svg" width="${n(width)}mm" height="${n(height)}mm" viewBox="0 0 ${n(width)} ${n(height)}">` +
    `<title>${escapeHtml(tile.label)}</title>${cells}</svg>`
  );
}

function sheetInfo(chart: TiledChart, plan: TilingPlan): string {
  const total = plan.tiles.length;
  return (
    `${escapeHtml(chart.title)}${chart.pageLabel ? ` ${escapeHtml(chart.pageLabel)}` : ''}（${paperLabel(plan.chart)}）<br>` +
    `共 ${plan.rows} 行 × ${plan.cols} 张 = ${total} 张 ${paperLabel(plan.sheet)}，1:1 打印；` +
    `沿实线裁去白边，对准虚线粘贴，重叠 ${n(plan.overlapMm)} 毫米`
  );
}

function sheetHtml(chart: TiledChart, plan: TilingPlan, tile: Tile): string {
  const { widthMm, heightMm } = plan.sheet;
  const band = plan.band;
  const mapHeight = Math.max(0, band.height - 2);
  const chartBox = `left:${n(-tile.source.x)}mm;top:${n(-tile.source.y)}mm;width:${n(plan.chart.widthMm)}mm;height:${n(plan.chart.heightMm)}mm`;
  return (
    `<section class="fp-sheet" style="width:${n(widthMm)}mm;height:${n(heightMm)}mm" data-tile="${tile.row}-${tile.col}">` +
    `<div class="fp-tile" style="${rectStyle(tile.placement)}"><div class="fp-chart" style="${chartBox}">${chart.chartHtml}</div></div>` +
    cutMarksSvg(plan, tile) +
    (band.height > 0
      ? `<div class="fp-band" style="${rectStyle(band)}">` +
        `<div class="fp-label">${escapeHtml(tile.label)}</div>` +
        `<div class="fp-info">${sheetInfo(chart, plan)}</div>` +
        sheetMapSvg(plan, tile, Math.min(60, band.width / 4), mapHeight) +
        '</div>'
      : '') +
    '</section>'
  );
}

/** The sheets of one chart as body HTML (needs TILED_CSS), so several charts can share a document. */
export function tiledSheetsBody(chart: TiledChart, plan: TilingPlan): string {
  return plan.tiles.map((tile) => sheetHtml(chart, plan, tile)).join('\n');
}

/** The complete HTML: one page per tile, in plan order (row by row). */
export function buildTiledSheetsHtml(chart: TiledChart, plan: TilingPlan): string {
  return buildHtmlDocument({
    title: `${chart.title}（拼贴 ${plan.rows}×${plan.cols}）`,
    paper: plan.sheet.paper,
    orientation: plan.sheet.orientation,
    // The sheet draws its own printer margin; a page margin would shift every mark.
    margins: ZERO_MARGINS,
    css: `${TILED_CSS}\n${chart.chartCss ?? ''}`,
    draft: chart.draft === true,
    body: tiledSheetsBody(chart, plan),
  });
}

export async function renderTiledPdf(renderer: PdfRenderer, chart: TiledChart, plan: TilingPlan): Promise<Uint8Array> {
  return renderer.render(buildTiledSheetsHtml(chart, plan), {
    paper: plan.sheet.paper,
    orientation: plan.sheet.orientation,
    margins: ZERO_MARGINS,
    pageNumbers: false,
  });
}
