// 贫困人口致贫原因表 (domain.md §4.3): 村民小组 × 主要致贫原因 in households and persons, with the
// totals and a bar chart of the causes beside the table, as villages print it on the wall.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { WallDocument } from './shared/document';
import { dateCn } from './shared/format';
import { placeOf, villageMaker } from './shared/flow-page';
import { CHART_COLORS, barChartSvg } from './shared/svg-bars';
import { WALL_CSS, wallFrame, wallPageHtml, wallSubtitle } from './shared/wall-frame';
import type { CauseTableData, Count } from './types';

const cells = (c: Count): string => `<td>${c.households}</td><td>${c.persons}</td>`;

/** The table's type size (em) so that it takes at most `share` of the body's height. */
export function tableScale(rows: number, heightEm: number, share: number, rowEm = 1.75): number {
  return Math.max(0.6, Math.min(1, (heightEm * share) / (rows * rowEm)));
}

export function buildCauseTable(d: CauseTableData, paper: PaperSize, orientation: Orientation): WallDocument {
  const frame = wallFrame(paper, orientation);
  const h = d.heading;
  const head =
    `<tr><th rowspan="2">村民小组</th>${d.causes.map((c) => `<th colspan="2">${escapeHtml(c.label)}</th>`).join('')}<th colspan="2">合计</th></tr>` +
    `<tr>${[...d.causes, null].map(() => '<th>户</th><th>人</th>').join('')}</tr>`;
  const rows = d.groups.map((g) => `<tr><td>${escapeHtml(g.name)}</td>${g.cells.map(cells).join('')}${cells(g.total)}</tr>`).join('');
  const total = `<tr class="total"><td>合计</td>${d.totals.map(cells).join('')}${cells(d.grand)}</tr>`;
  // header rows count double: long cause names wrap
  const scale = tableScale(d.groups.length + 5, frame.bodyHeightEm, 0.5);
  const tableEm = (d.groups.length + 5) * 1.75 * scale;
  const noteEm = 2.4;
  const chartH = Math.max(8, frame.bodyHeightEm - tableEm - noteEm - 1);
  const chart = barChartSvg({
    widthEm: frame.bodyWidthEm,
    heightEm: chartH,
    categories: d.causes.map((c) => c.label),
    bars: [
      { name: '户数', color: CHART_COLORS[1]!, values: d.totals.map((t) => t.households) },
      { name: '人数', color: CHART_COLORS[2]!, values: d.totals.map((t) => t.persons) },
    ],
    axisLabel: '户/人',
  });
  const top = d.causes
    .map((c, i) => ({ c, n: d.totals[i]!.households }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((x) => `${x.c.label} ${x.n} 户（${d.grand.households ? ((x.n / d.grand.households) * 100).toFixed(1) : '0.0'}%）`)
    .join('，');
  const body =
    `<table class="ct" style="font-size:${scale.toFixed(3)}em"><thead>${head}</thead><tbody>${rows}${total}</tbody></table>` +
    `<div class="ct-note">建档立卡户 ${d.grand.households} 户 ${d.grand.persons} 人，其中未脱贫 ${d.poor.households} 户 ${d.poor.persons} 人。` +
    `主要致贫原因居前：${escapeHtml(top || '无')}。按主要致贫原因统计，未列出的致贫原因均为 0 户。</div>` +
    `<div class="ct-chart">${chart}</div>`;
  const page = wallPageHtml(frame, {
    title: `${h.villageName}贫困人口致贫原因表`,
    subtitle: wallSubtitle(h, '单位：户、人'),
    body,
    maker: `制表：${villageMaker(h)}`,
    printedOn: dateCn(h.printedOn),
    page: 1,
    pages: 1,
  });
  return {
    kind: 'wall',
    title: `${placeOf(h)}${h.year}年贫困人口致贫原因表`,
    paper,
    orientation,
    pages: [page],
    css: WALL_CSS + '.ct-note { margin: 0.5em 0; font-size: 0.9em; } .ct th { font-size: 0.92em; }',
    draft: !d.approved,
  };
}
