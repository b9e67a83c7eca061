// The shell every print document is poured into: one self-contained HTML string, with no
// external resource of any kind, so the same bytes print the same way in Electron, in the CLI
// and in tests, offline, years from now.
import { pageRuleCss, pageSizeMm, type MarginsMm, type Orientation, type PaperSize } from '../domain/paper';

/**
 * The printed hanzi face: Noto Sans CJK SC's regular weight only, bold drawn from it by the
 * browser. Chromium embeds each face a PDF uses at a fixed cost of about half a second for these
 * 65 000-glyph CFF fonts (measured: 1.0 s for a chart using Regular and Bold, 0.55 s for Regular
 * alone), so one face halves the time of every print. local() is not a fetch: the CSP and the
 * request blocking allow it, and where the font is missing the family is skipped.
 */
export const PRINT_CJK_FACE = 'FP CJK';

export const PRINT_CJK_FONT_FACE_CSS =
  `@font-face { font-family: "${PRINT_CJK_FACE}"; font-weight: 400; ` +
  'src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"); }';

/**
 * Noto Sans CJK SC is what Debian and our test machines have; Microsoft YaHei and SimSun are on
 * every Chinese Windows. Without an SC font first, hanzi can come out in Japanese glyph shapes.
 */
export const CJK_FONT_FAMILY = `"${PRINT_CJK_FACE}", "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif`;

export const DRAFT_WATERMARK_TEXT = '草稿 未审定';

/**
 * A document may not fetch anything: this holds in Electron's printToPDF too, where the request
 * blocking of the Playwright renderer does not exist. Images must be inline (data: or SVG).
 */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values. null/undefined print as ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export const BASE_CSS = `
${PRINT_CJK_FONT_FACE_CSS}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html, body { margin: 0; padding: 0; }
body { font-family: ${CJK_FONT_FAMILY}; font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff; }
h1 { font-size: 18pt; font-weight: 700; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 14pt; font-weight: 700; margin: 4mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr, img, svg { break-inside: avoid; }
.page-break { break-after: page; }
`;

/** Watermark lattice: one text every 9 em along a row, rows 4.5 em apart, every other row staggered. */
const WM_CELL_EM = 9;
const WM_ROW_EM = 4.5;

export interface DraftWatermarkOptions {
  paper: PaperSize;
  orientation: Orientation;
}

/**
 * 「草稿 未审定」 repeated diagonally over every page of a document nobody has approved yet.
 * A fixed element repeats on every printed page in Chromium. It sits above the content in a
 * light grey so a filled table cannot hide it, and scales with the paper.
 */
export function draftWatermarkHtml({ paper, orientation }: DraftWatermarkOptions): string {
  const { widthMm, heightMm } = pageSizeMm(paper, orientation);
  // A staggered lattice over a square as wide as the page's diagonal, so that once rotated it
  // still covers every corner; the square is centred on the page and clipped to it.
  const diagonal = Math.ceil(Math.hypot(widthMm, heightMm));
  const fontMm = Math.round(Math.min(widthMm, heightMm) * 0.05 * 10) / 10;
  const cols = Math.ceil(diagonal / (fontMm * WM_CELL_EM)) + 1;
  const rows = Math.ceil(diagonal / (fontMm * WM_ROW_EM)) + 1;
  const cell = `<span>${escapeHtml(DRAFT_WATERMARK_TEXT)}</span>`;
  const grid = Array.from({ length: rows }, (_, r) => `<div class="fp-wm-row${r % 2 ? ' fp-wm-odd' : ''}">${cell.repeat(cols)}</div>`).join('');
  return `<div class="fp-draft-watermark" aria-hidden="true"><div class="fp-wm-grid" style="font-size:${fontMm}mm">${grid}</div></div>`;
}

export const DRAFT_WATERMARK_CSS = `
.fp-draft-watermark { position: fixed; inset: 0; overflow: hidden; pointer-events: none; z-index: 2147483647; }
.fp-wm-grid { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%) rotate(-30deg); }
.fp-wm-row { display: flex; height: ${WM_ROW_EM}em; align-items: center; white-space: nowrap; }
.fp-wm-odd { margin-left: ${WM_CELL_EM / 2}em; }
.fp-draft-watermark span { flex: none; width: ${WM_CELL_EM}em; text-align: center; line-height: 1;
  color: rgba(120, 120, 120, 0.2); font-weight: 700; letter-spacing: 0.15em; }
`;

export interface HtmlDocumentOptions {
  /** Becomes <title>; Chromium also puts it in the PDF's metadata. */
  title: string;
  paper: PaperSize;
  orientation: Orientation;
  /** Trusted HTML: every value from data must already have gone through escapeHtml. */
  body: string;
  /** Extra CSS for this document, after the base. */
  css?: string;
  /** Not yet approved: adds the 「草稿 未审定」 watermark. */
  draft?: boolean;
  /** Written into @page, where it overrides the renderer's margins. Usually leave it out. */
  margins?: MarginsMm;
}

export function buildHtmlDocument(opts: HtmlDocumentOptions): string {
  const css = [
    pageRuleCss(opts.paper, opts.orientation, opts.margins),
    BASE_CSS,
    opts.draft ? DRAFT_WATERMARK_CSS : '',
    opts.css ?? '',
  ].join('\n');
  const watermark = opts.draft ? draftWatermarkHtml(opts) : '';
  return (
    '<!doctype html>\n<html lang="zh-CN">\n<head>\n' +
    '<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">\n` +
    `<title>${escapeHtml(opts.title)}</title>\n` +
    `<style>\n${css}\n</style>\n` +
    '</head>\n<body>\n' +
    `${opts.body}\n${watermark}\n` +
    '</body>\n</html>\n'
  );
}
