// What every document builder returns, and how a built document becomes the HTML a renderer
// prints: as it is, or (a wall chart) tiled onto office sheets.
//
// Two kinds:
// - a wall chart: fixed pages laid out for one paper size (A4–A0), each page drawing its own
//   title, frame and 「第 N 页 共 M 页」, so that it can also be cut into tiles;
// - a flowing document (books, cards, notices, tables): HTML that Chromium paginates, with the
//   title at the top and 「第 N 页 共 M 页」 at the foot of every page from the renderer.
import { paperLabel, pageSizeMm, type Orientation, type PaperSize } from '../../../domain/paper';
import { planTiling, type SheetPaper, type TilingPlan } from '../../../domain/tiling';
import { buildHtmlDocument } from '../../html-document';
import type { PdfRenderOptions } from '../../pdf-renderer-types';
import { TILED_CSS, ZERO_MARGINS, tiledSheetsBody } from '../../tiled-pdf';

export interface WallDocument {
  kind: 'wall';
  title: string;
  paper: PaperSize;
  orientation: Orientation;
  /** Trusted HTML, one fragment per page, each laid out for the whole paper (see wall-frame.ts). */
  pages: string[];
  css: string;
  /** Not yet approved: the 「草稿 未审定」 watermark. */
  draft: boolean;
}

export interface FlowDocument {
  kind: 'flow';
  title: string;
  paper: PaperSize;
  orientation: Orientation;
  /** Trusted HTML; `.page-break` between parts that start on a new page. */
  body: string;
  css: string;
  draft: boolean;
}

export type PrintDocument = WallDocument | FlowDocument;

const WALL_PAGE_CSS = `
.fp-wall-page { position: relative; overflow: hidden; break-after: page; }
.fp-wall-page:last-of-type { break-after: auto; }
`;

/** Flowing documents: margins wide enough for the title above and the page number below. */
export const FLOW_MARGINS_MM = { top: 16, right: 14, bottom: 16, left: 14 };

function wallPagesBody(doc: WallDocument): string {
  const { widthMm, heightMm } = pageSizeMm(doc.paper, doc.orientation);
  return doc.pages.map((p) => `<section class="fp-wall-page" style="width:${widthMm}mm;height:${heightMm}mm">${p}</section>`).join('\n');
}

/** The document as one HTML page, for printing untiled and for the preview. */
export function documentHtml(doc: PrintDocument): string {
  if (doc.kind === 'wall') {
    return buildHtmlDocument({
      title: doc.title,
      paper: doc.paper,
      orientation: doc.orientation,
      margins: ZERO_MARGINS,
      css: `${WALL_PAGE_CSS}\n${doc.css}`,
      draft: doc.draft,
      body: wallPagesBody(doc),
    });
  }
  return buildHtmlDocument({ title: doc.title, paper: doc.paper, orientation: doc.orientation, css: doc.css, draft: doc.draft, body: doc.body });
}

export function renderOptions(doc: PrintDocument): PdfRenderOptions {
  if (doc.kind === 'wall') return { paper: doc.paper, orientation: doc.orientation, margins: ZERO_MARGINS, pageNumbers: false };
  return { paper: doc.paper, orientation: doc.orientation, margins: FLOW_MARGINS_MM, headerFooter: { title: doc.title }, pageNumbers: true };
}

/** Several documents of the same kind and paper in one file (a village batch, a county batch). */
export function combineDocuments(title: string, docs: readonly PrintDocument[]): PrintDocument {
  const first = docs[0];
  if (!first) throw new RangeError('没有可合并的文档');
  for (const d of docs) {
    if (d.kind !== first.kind || d.paper !== first.paper || d.orientation !== first.orientation) {
      throw new RangeError('只能把同一纸张、同一种类的文档合并为一个文件');
    }
  }
  const css = [...new Set(docs.map((d) => d.css))].join('\n');
  const draft = docs.some((d) => d.draft);
  if (first.kind === 'wall') {
    return { kind: 'wall', title, paper: first.paper, orientation: first.orientation, css, draft, pages: docs.flatMap((d) => (d as WallDocument).pages) };
  }
  const body = docs.map((d) => (d as FlowDocument).body).join('\n<div class="page-break"></div>\n');
  return { kind: 'flow', title, paper: first.paper, orientation: first.orientation, css, draft, body };
}

export interface TiledDocument {
  html: string;
  plans: TilingPlan[];
  sheetPaper: SheetPaper;
}

/**
 * A wall chart printed on office sheets: every page of it tiled, one after the other, in one
 * HTML document. Each sheet's band names the chart, its page and the sheet (第2行第3张).
 */
export function tiledDocumentHtml(doc: WallDocument, sheetPaper: SheetPaper, overlapMm?: number): TiledDocument {
  const plan = planTiling({ chart: { paper: doc.paper, orientation: doc.orientation }, sheetPaper, ...(overlapMm === undefined ? {} : { overlapMm }) });
  const many = doc.pages.length > 1;
  const body = doc.pages
    .map((page, i) => tiledSheetsBody({ title: doc.title, chartHtml: page, draft: doc.draft, ...(many ? { pageLabel: `第${i + 1}页，共${doc.pages.length}页` } : {}) }, plan))
    .join('\n');
  const html = buildHtmlDocument({
    title: `${doc.title}（${paperLabel(plan.chart)}，拼贴为 ${plan.tiles.length * doc.pages.length} 张 ${sheetPaper}）`,
    paper: plan.sheet.paper,
    orientation: plan.sheet.orientation,
    margins: ZERO_MARGINS,
    css: `${TILED_CSS}\n${doc.css}`,
    draft: doc.draft,
    body,
  });
  return { html, plans: doc.pages.map(() => plan), sheetPaper };
}

export function tiledRenderOptions(t: TiledDocument): PdfRenderOptions {
  const plan = t.plans[0]!;
  return { paper: plan.sheet.paper, orientation: plan.sheet.orientation, margins: ZERO_MARGINS, pageNumbers: false };
}
