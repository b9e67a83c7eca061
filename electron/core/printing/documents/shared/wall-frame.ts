// The board every village wall chart is drawn on: a red double frame, the title, a line naming
// the village and the year, the chart itself, and a foot line with who made it, when, and the
// page. All sizes are in em and the em is a fixed share of the paper's short side, so the same
// chart reads the same on A4 and on A0 (28 pt type on A1, 10 pt on A4).
import { pageSizeMm, type Orientation, type PaperSize } from '../../../domain/paper';
import { escapeHtml } from '../../html-document';
import type { DocHeading } from '../types';
import { dateCn } from './format';
import { placeOf } from './flow-page';

export interface WallFrame {
  widthMm: number;
  heightMm: number;
  /** The chart's body text size. */
  emMm: number;
  /** Room for the chart itself, inside the frame, header and foot. */
  bodyWidthEm: number;
  bodyHeightEm: number;
}

const PAD_EM = 2.2; // paper edge to frame: plotters and office printers leave 5–15 mm blank
const INNER_EM = 1.0; // frame to content
const HEADER_EM = 5.4;
const FOOT_EM = 2.0;

export function wallFrame(paper: PaperSize, orientation: Orientation): WallFrame {
  const { widthMm, heightMm } = pageSizeMm(paper, orientation);
  const emMm = Math.min(widthMm, heightMm) / 60;
  const side = 2 * (PAD_EM + INNER_EM);
  return {
    widthMm,
    heightMm,
    emMm,
    bodyWidthEm: widthMm / emMm - side,
    bodyHeightEm: heightMm / emMm - side - HEADER_EM - FOOT_EM,
  };
}

export interface WallPageParts {
  title: string;
  /** 「会宁县会师镇高家庄村 · 2019年度 · 数据截至2019年12月31日」 */
  subtitle: string;
  /** Trusted HTML that fits bodyWidthEm × bodyHeightEm. */
  body: string;
  /** 「制表单位：……」 */
  maker: string;
  printedOn: string;
  page: number;
  pages: number;
}

export const WALL_CSS = `
.wc { position: absolute; inset: 0; padding: ${PAD_EM}em; color: #111; line-height: 1.3; }
.wc-frame { position: relative; width: 100%; height: 100%; border: 0.32em solid #b3262a; outline: 0.08em solid #b3262a; outline-offset: -0.62em;
  padding: ${INNER_EM}em; display: flex; flex-direction: column; }
.wc-head { height: ${HEADER_EM}em; flex: none; text-align: center; }
.wc-title { font-size: 2.5em; font-weight: 700; letter-spacing: 0.12em; line-height: 1.25; margin: 0; color: #8f1d21; }
.wc-sub { font-size: 1em; margin-top: 0.35em; color: #222; }
.wc-body { flex: 1 1 auto; min-height: 0; overflow: hidden; position: relative; }
.wc-foot { height: ${FOOT_EM}em; flex: none; display: flex; justify-content: space-between; align-items: flex-end; font-size: 0.8em; color: #333; }
.wc table { border-collapse: collapse; width: 100%; }
.wc th, .wc td { border: 0.06em solid #333; padding: 0.15em 0.3em; text-align: center; vertical-align: middle; }
.wc th { background: #f3e3c3; font-weight: 700; }
.wc tr.total td { font-weight: 700; background: #faf3e4; }
.wc td.l { text-align: left; }
.wc td.r, .wc th.r { text-align: right; }
`;

export function wallPageHtml(frame: WallFrame, parts: WallPageParts): string {
  return (
    `<div class="wc" style="font-size:${frame.emMm.toFixed(3)}mm">` +
    '<div class="wc-frame">' +
    `<div class="wc-head"><h1 class="wc-title">${escapeHtml(parts.title)}</h1><div class="wc-sub">${escapeHtml(parts.subtitle)}</div></div>` +
    `<div class="wc-body">${parts.body}</div>` +
    `<div class="wc-foot"><span>${escapeHtml(parts.maker)}</span><span>打印日期：${escapeHtml(parts.printedOn)}</span><span>第 ${parts.page} 页 共 ${parts.pages} 页</span></div>` +
    '</div></div>'
  );
}

/** 「会宁县会师镇高家庄村 · 2019年度 · 数据截至2019年12月31日」, and anything the chart adds. */
export function wallSubtitle(h: DocHeading, extra = ''): string {
  return [placeOf(h), `${h.year}年度`, `数据截至${dateCn(h.asOf)}`, extra].filter((x) => x !== '').join(' · ');
}
