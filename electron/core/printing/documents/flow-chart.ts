// 贫困人口进出动态图 (domain.md §4.3): per year the opening stock, 新识别, 返贫, 脱贫, 自然减少
// and the closing stock in households and persons, and 贫困发生率, as a chart over the years
// and the table of every figure under it.
import type { Orientation, PaperSize } from '../../domain/paper';
import type { WallDocument } from './shared/document';
import { dateCn, num, percent } from './shared/format';
import { placeOf, villageMaker } from './shared/flow-page';
import { barChartSvg } from './shared/svg-bars';
import { WALL_CSS, wallFrame, wallPageHtml, wallSubtitle } from './shared/wall-frame';
import { tableScale } from './cause-table';
import type { Count, FlowChartData } from './types';

const cells = (c: Count): string => `<td>${c.households}</td><td>${c.persons}</td>`;

export function buildFlowChart(d: FlowChartData, paper: PaperSize, orientation: Orientation): WallDocument {
  const frame = wallFrame(paper, orientation);
  const h = d.heading;
  const tableRows = d.rows.length + 2;
  const scale = tableScale(tableRows, frame.bodyHeightEm, 0.42);
  const tableEm = tableRows * 1.75 * scale;
  const chartH = Math.max(8, frame.bodyHeightEm - tableEm - 3.6);
  const chart = barChartSvg({
    widthEm: frame.bodyWidthEm,
    heightEm: chartH,
    categories: d.rows.map((r) => `${r.year}年`),
    bars: [
      { name: '年末贫困人口', color: '#c0392b', values: d.rows.map((r) => r.closing.persons) },
      { name: '当年新识别和返贫', color: '#e6a23c', values: d.rows.map((r) => r.newlyIdentified.persons + r.returned.persons) },
      { name: '当年脱贫', color: '#3a8f5c', values: d.rows.map((r) => r.exited.persons) },
    ],
    line: { name: '贫困发生率', color: '#2e6da4', values: d.rows.map((r) => r.incidencePercent), unit: '%' },
    axisLabel: '人',
  });
  const head =
    '<tr><th rowspan="2">年度</th><th colspan="2">年初贫困人口</th><th colspan="2">新识别</th><th colspan="2">返贫</th>' +
    '<th colspan="2">脱贫</th><th colspan="2">自然减少（含清退）</th><th rowspan="2">自然增加（人）</th><th colspan="2">年末贫困人口</th><th rowspan="2">贫困发生率</th></tr>' +
    `<tr>${'<th>户</th><th>人</th>'.repeat(5)}<th>户</th><th>人</th></tr>`;
  const rows = d.rows
    .map(
      (r) =>
        `<tr><td>${r.year}</td>${cells(r.opening)}${cells(r.newlyIdentified)}${cells(r.returned)}${cells(r.exited)}${cells(r.naturalDecrease)}` +
        `<td>${r.naturalIncrease.persons}</td>${cells(r.closing)}<td>${percent(r.incidencePercent)}</td></tr>`,
    )
    .join('');
  const body =
    `<div>${chart}</div>` +
    `<table class="fl" style="font-size:${scale.toFixed(3)}em"><thead>${head}</thead><tbody>${rows}</tbody></table>` +
    '<div class="fl-note">年末贫困人口 = 年初 + 新识别 + 返贫 + 自然增加 − 脱贫 − 自然减少；' +
    `贫困发生率 = 年末贫困人口 ÷ 农村户籍人口（${num(d.population)} 人）× 100%。</div>`;
  const page = wallPageHtml(frame, {
    title: `${h.villageName}贫困人口进出动态图`,
    subtitle: wallSubtitle(h, '单位：户、人'),
    body,
    maker: `制表：${villageMaker(h)}`,
    printedOn: dateCn(h.printedOn),
    page: 1,
    pages: 1,
  });
  return {
    kind: 'wall',
    title: `${placeOf(h)}${h.year}年贫困人口进出动态图`,
    paper,
    orientation,
    pages: [page],
    css: WALL_CSS + '.fl-note { margin-top: 0.5em; font-size: 0.85em; color: #333; } .fl { margin-top: 0.4em; }',
    draft: !d.approved,
  };
}
