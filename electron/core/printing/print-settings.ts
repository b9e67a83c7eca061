// What both PDF renderers (playwright-core here, Electron's printToPDF in electron/main) need
// from PdfRenderOptions: page size, margins and the header/footer templates. Both Chromium
// APIs take the same templates (spans of class pageNumber/totalPages are filled in per page),
// so keeping them here makes the two renderers print identical pages.
import { pageSizeMm, type MarginsMm } from '../domain/paper';
import { CJK_FONT_FAMILY, escapeHtml } from './html-document';
import type { PdfRenderOptions } from './pdf-renderer-types';

export const DEFAULT_MARGINS_MM: Readonly<MarginsMm> = Object.freeze({ top: 15, right: 15, bottom: 15, left: 15 });

/** A header or footer is drawn inside the page margin; below this it is clipped. */
export const MIN_HEADER_FOOTER_MARGIN_MM = 10;

export interface PrintSettings {
  widthMm: number;
  heightMm: number;
  marginsMm: MarginsMm;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
}

// Template pages have no stylesheet of ours and a tiny default font: size everything inline.
const templateStyle = (align: 'left' | 'center', padLeftMm: number, padRightMm: number): string =>
  `width:100%;font-family:${CJK_FONT_FAMILY.replace(/"/g, "'")};font-size:8pt;color:#444;` +
  `text-align:${align};padding:0 ${padRightMm}mm 0 ${padLeftMm}mm;-webkit-print-color-adjust:exact;`;

export function titleHeaderTemplate(title: string, margins: MarginsMm): string {
  return `<div style="${templateStyle('left', margins.left, margins.right)}">${escapeHtml(title)}</div>`;
}

/** 「第 N 页 共 M 页」 */
export function pageNumberFooterTemplate(margins: MarginsMm): string {
  return (
    `<div style="${templateStyle('center', margins.left, margins.right)}">` +
    '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>'
  );
}

// An empty element: Chromium prints the date, URL and title when a template is left out.
const EMPTY_TEMPLATE = '<span></span>';

export function printSettings(opts: PdfRenderOptions): PrintSettings {
  const { widthMm, heightMm } = pageSizeMm(opts.paper, opts.orientation);
  const margins: MarginsMm = { ...(opts.margins ?? DEFAULT_MARGINS_MM) };
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    if (!Number.isFinite(margins[side]) || margins[side] < 0) throw new RangeError('页边距必须是不小于 0 的数值（毫米）');
  }
  if (margins.left + margins.right >= widthMm || margins.top + margins.bottom >= heightMm) {
    throw new RangeError('页边距超出了纸张大小');
  }
  const header = opts.headerFooter !== undefined;
  const footer = opts.pageNumbers === true;
  if (header) margins.top = Math.max(margins.top, MIN_HEADER_FOOTER_MARGIN_MM);
  if (footer) margins.bottom = Math.max(margins.bottom, MIN_HEADER_FOOTER_MARGIN_MM);
  return {
    widthMm,
    heightMm,
    marginsMm: margins,
    displayHeaderFooter: header || footer,
    headerTemplate: opts.headerFooter ? titleHeaderTemplate(opts.headerFooter.title, margins) : EMPTY_TEMPLATE,
    footerTemplate: footer ? pageNumberFooterTemplate(margins) : EMPTY_TEMPLATE,
  };
}
