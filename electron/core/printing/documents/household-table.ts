// 贫困户脱贫目标任务表 (domain.md §4.3): one row per registered household. A wall chart of fixed
// pages: the type shrinks (within readable bounds) until the village fits, and a big village
// continues on further pages, each with its own header row and 「第 N 页 共 M 页」.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { WallDocument } from './shared/document';
import { dateCn, num } from './shared/format';
import { placeOf, villageMaker } from './shared/flow-page';
import { WALL_CSS, wallFrame, wallPageHtml, wallSubtitle } from './shared/wall-frame';
import type { HouseholdTableData, HouseholdTableRow } from './types';

/** One table row's height in em of the row's own type: line 1.3, padding 0.3, rules. */
export const ROW_EM = 1.72;
export const MIN_SCALE = 0.62;
export const MAX_SCALE = 0.92;

/** Type size and rows per page so the rows fill as few pages as possible. */
export function tablePaging(rows: number, heightEm: number): { scale: number; perPage: number; pages: number } {
  const avail = heightEm - 2.2; // the summary line over the table
  const fit = avail / ((rows + 1.4) * ROW_EM); // +1.4: the header row is a little taller
  const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, fit));
  const perPage = Math.max(1, Math.floor(avail / (scale * ROW_EM) - 1.4));
  return { scale, perPage, pages: Math.max(1, Math.ceil(rows / perPage)) };
}

const COLUMNS: { head: string; width: number; cell: (r: HouseholdTableRow, i: number) => string; cls?: string }[] = [
  { head: '序号', width: 3.5, cell: (_r, i) => String(i + 1) },
  { head: '村民小组', width: 5.5, cell: (r) => escapeHtml(r.groupName) },
  { head: '户主', width: 5, cell: (r) => escapeHtml(r.headName) },
  { head: '人口', width: 3.2, cell: (r) => String(r.persons) },
  { head: '属性', width: 7.5, cell: (r) => escapeHtml(r.attributeLabel) },
  { head: '主要致贫原因', width: 7.5, cell: (r) => escapeHtml(r.mainCauseLabel) },
  { head: '帮扶责任人', width: 7, cell: (r) => escapeHtml(r.cadres || '—'), cls: 'l' },
  { head: '计划脱贫年度', width: 6, cell: (r) => num(r.plannedExitYear) },
  { head: '帮扶措施', width: 20, cell: (r) => escapeHtml(r.measures || '—'), cls: 'l' },
  { head: '人均纯收入（元）', width: 7.5, cell: (r) => num(r.perCapitaNet) },
  { head: '脱贫状态', width: 6, cell: (r) => escapeHtml(r.statusLabel) },
];

export function buildHouseholdTable(d: HouseholdTableData, paper: PaperSize, orientation: Orientation): WallDocument {
  const frame = wallFrame(paper, orientation);
  const h = d.heading;
  const paging = tablePaging(d.rows.length, frame.bodyHeightEm);
  const persons = d.rows.reduce((s, r) => s + r.persons, 0);
  const notExited = d.rows.filter((r) => r.statusLabel !== '已脱贫');
  const colgroup = `<colgroup>${COLUMNS.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup>`;
  const head = `<thead><tr>${COLUMNS.map((c) => `<th>${c.head}</th>`).join('')}</tr></thead>`;
  const pages: string[] = [];
  for (let p = 0; p < paging.pages; p++) {
    const slice = d.rows.slice(p * paging.perPage, (p + 1) * paging.perPage);
    const rows = slice.map((r, k) => `<tr>${COLUMNS.map((c) => `<td${c.cls ? ` class="${c.cls}"` : ''}>${c.cell(r, p * paging.perPage + k)}</td>`).join('')}</tr>`).join('');
    const body =
      `<div class="ht-sum">建档立卡户共 ${d.rows.length} 户 ${persons} 人，其中未脱贫 ${notExited.length} 户 ${notExited.reduce((s, r) => s + r.persons, 0)} 人` +
      `${paging.pages > 1 ? `；本页第 ${p * paging.perPage + 1}–${p * paging.perPage + slice.length} 户` : ''}</div>` +
      (d.rows.length === 0
        ? '<div class="ht-empty">本村没有建档立卡户</div>'
        : `<table class="ht" style="font-size:${paging.scale.toFixed(3)}em">${colgroup}${head}<tbody>${rows}</tbody></table>`);
    pages.push(
      wallPageHtml(frame, {
        title: `${h.villageName}贫困户脱贫目标任务表`,
        subtitle: wallSubtitle(h),
        body,
        maker: `制表：${villageMaker(h)}`,
        printedOn: dateCn(h.printedOn),
        page: p + 1,
        pages: paging.pages,
      }),
    );
  }
  return {
    kind: 'wall',
    title: `${placeOf(h)}${h.year}年贫困户脱贫目标任务表`,
    paper,
    orientation,
    pages,
    css:
      WALL_CSS +
      `.ht { table-layout: fixed; } .ht td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ht th { white-space: nowrap; overflow: hidden; font-size: 0.9em; } .ht-sum { height: 2.2em; line-height: 2.2em; }
.ht-empty { font-size: 1.4em; color: #555; text-align: center; margin-top: 4em; }`,
    draft: !d.approved,
  };
}
