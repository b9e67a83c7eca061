// What the flowing documents share (door cards, books, notices, sign-off sheets, statistics):
// their heading block, the foot line and the table style. Chromium paginates them; the renderer
// prints the title above and 「第 N 页 共 M 页」 below every page (document.ts).
import { escapeHtml } from '../../html-document';
import type { DocHeading } from '../types';
import { dateCn } from './format';

export const FLOW_CSS = `
.fp-doc { color: #111; }
.fp-doc h1 { font-size: 18pt; margin: 0 0 1.5mm; letter-spacing: 0.08em; text-align: center; }
.fp-doc .fp-sub { text-align: center; font-size: 10pt; color: #333; margin-bottom: 3mm; }
.fp-doc h2 { font-size: 12pt; margin: 3.5mm 0 1.5mm; }
.fp-doc table.fp-grid { font-size: 9.5pt; margin: 1mm 0 2.5mm; }
.fp-doc table.fp-grid th, .fp-doc table.fp-grid td { border: 0.25mm solid #333; padding: 0.6mm 1.2mm; text-align: center; vertical-align: middle; }
.fp-doc table.fp-grid th { background: #eef1f5; font-weight: 700; }
.fp-doc table.fp-grid td.l { text-align: left; }
.fp-doc table.fp-grid td.r { text-align: right; }
.fp-doc table.fp-grid tr.total td { font-weight: 700; background: #f4f4f4; }
.fp-doc .fp-foot { display: flex; justify-content: space-between; font-size: 9pt; color: #333; margin-top: 3mm; }
.fp-doc .fp-note { font-size: 9pt; color: #444; }
.fp-doc p { margin: 1.5mm 0; line-height: 1.7; }
.fp-part { break-before: page; }
.fp-part:first-child { break-before: auto; }
`;

/** 「会宁县会师镇高家庄村」 */
export const placeOf = (h: DocHeading): string => `${h.countyName}${h.townshipName}${h.villageName}`;

/** The heading every flowing document starts with. `extra` goes on the place/year line. */
export function headingHtml(title: string, h: DocHeading, extra = ''): string {
  return (
    `<h1>${escapeHtml(title)}</h1>` +
    `<div class="fp-sub">${escapeHtml(placeOf(h))}　${h.year}年度　数据截至${dateCn(h.asOf)}${extra ? `　${escapeHtml(extra)}` : ''}</div>`
  );
}

export function footHtml(h: DocHeading, left: string): string {
  return `<div class="fp-foot"><span>${escapeHtml(left)}</span><span>打印日期：${dateCn(h.printedOn)}</span></div>`;
}

/** 制表单位 of a village document: the committee and the resident team keep the charts. */
export const villageMaker = (h: DocHeading): string => (h.villageName ? `${h.villageName}村民委员会　驻村帮扶工作队` : `${h.townshipName || h.countyName}人民政府`);

/**
 * A ruled table of a flowing document. Cells are trusted HTML (escape before); `widths` in % of
 * the line; `align` per column ('l' left, 'r' right, '' centred). No rows: one line saying so,
 * because an empty grid on paper reads as "not filled in yet".
 */
export function gridTable(
  heads: readonly string[],
  rows: readonly (readonly string[])[],
  empty: string,
  widths: readonly number[] = [],
  align: readonly string[] = [],
  totalRow?: readonly string[],
): string {
  const cols = widths.length ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  const td = (c: string, i: number): string => `<td${align[i] ? ` class="${align[i]}"` : ''}>${c}</td>`;
  const body = rows.length ? rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('') : `<tr><td colspan="${heads.length}">${escapeHtml(empty)}</td></tr>`;
  const total = totalRow ? `<tr class="total">${totalRow.map(td).join('')}</tr>` : '';
  return `<table class="fp-grid">${cols}<thead><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${body}${total}</tbody></table>`;
}
