// 全村脱贫目标任务图 (domain.md §4.3): planned against actual exits per year, the village's
// planned exit year, and its exit indicators with 现状 / 目标 / 完成.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { WallDocument } from './shared/document';
import { dateCn } from './shared/format';
import { placeOf, villageMaker } from './shared/flow-page';
import { barChartSvg } from './shared/svg-bars';
import { WALL_CSS, wallFrame, wallPageHtml, wallSubtitle } from './shared/wall-frame';
import { tableScale } from './cause-table';
import type { Count, TargetChartData } from './types';

const cells = (c: Count): string => `<td>${c.households}</td><td>${c.persons}</td>`;
const sum = (list: Count[]): Count => list.reduce((s, c) => ({ households: s.households + c.households, persons: s.persons + c.persons }), { households: 0, persons: 0 });

export const doneLabel = (done: boolean | null): string => (done === null ? '待核实' : done ? '✔ 已完成' : '✘ 未完成');

export function buildTargetChart(d: TargetChartData, paper: PaperSize, orientation: Orientation): WallDocument {
  const frame = wallFrame(paper, orientation);
  const h = d.heading;
  const rowsNeeded = Math.max(d.years.length + 3, d.indicators.length + 1) + 1.5;
  const scale = tableScale(rowsNeeded, frame.bodyHeightEm, 0.5);
  const tablesEm = rowsNeeded * 1.75 * scale;
  const bannerEm = 2.6;
  const chartH = Math.max(8, frame.bodyHeightEm - tablesEm - bannerEm - 1);
  const chart = barChartSvg({
    widthEm: frame.bodyWidthEm,
    heightEm: chartH,
    categories: d.years.map((y) => `${y.year}年`),
    bars: [
      { name: '计划脱贫人数', color: '#9aa5b1', values: d.years.map((y) => y.planned.persons) },
      { name: '实际脱贫人数', color: '#3a8f5c', values: d.years.map((y) => y.actual.persons) },
    ],
    axisLabel: '人',
  });
  const yearRows = d.years
    .map((y) => `<tr><td>${y.year}</td>${cells(y.planned)}${cells(y.actual)}<td>${y.planned.persons ? `${Math.round((y.actual.persons / y.planned.persons) * 100)}%` : '—'}</td></tr>`)
    .join('');
  const planned = sum(d.years.map((y) => y.planned));
  const actual = sum(d.years.map((y) => y.actual));
  const indicatorRows = d.indicators
    .map((i) => `<tr><td class="l">${escapeHtml(i.label)}</td><td class="l">${escapeHtml(i.current)}</td><td class="l">${escapeHtml(i.target)}</td><td class="tg-done${i.done === false ? ' tg-no' : ''}">${doneLabel(i.done)}</td></tr>`)
    .join('');
  const banner =
    `<div class="tg-banner">计划退出年度：<b>${d.villagePlannedExitYear ?? '未填写'}</b>　　` +
    `${d.villageExitYear ? `已于 <b>${d.villageExitYear}</b> 年退出` : '尚未退出'}　　` +
    `计划脱贫 ${planned.households} 户 ${planned.persons} 人，已脱贫 ${actual.households} 户 ${actual.persons} 人</div>`;
  const body =
    banner +
    `<div>${chart}</div>` +
    `<div class="tg-two" style="font-size:${scale.toFixed(3)}em">` +
    '<div><div class="tg-cap">年度脱贫计划与完成</div>' +
    '<table><thead><tr><th rowspan="2">年度</th><th colspan="2">计划脱贫</th><th colspan="2">实际脱贫</th><th rowspan="2">完成率</th></tr><tr><th>户</th><th>人</th><th>户</th><th>人</th></tr></thead>' +
    `<tbody>${yearRows}<tr class="total"><td>合计</td>${cells(planned)}${cells(actual)}<td>${planned.persons ? `${Math.round((actual.persons / planned.persons) * 100)}%` : '—'}</td></tr></tbody></table></div>` +
    '<div><div class="tg-cap">贫困村退出指标</div>' +
    `<table><thead><tr><th>指标</th><th>现状</th><th>目标</th><th>完成</th></tr></thead><tbody>${indicatorRows}</tbody></table></div></div>`;
  const page = wallPageHtml(frame, {
    title: `${h.villageName}脱贫目标任务图`,
    subtitle: wallSubtitle(h),
    body,
    maker: `制表：${villageMaker(h)}`,
    printedOn: dateCn(h.printedOn),
    page: 1,
    pages: 1,
  });
  return {
    kind: 'wall',
    title: `${placeOf(h)}${h.year}年全村脱贫目标任务图`,
    paper,
    orientation,
    pages: [page],
    css:
      WALL_CSS +
      `.tg-banner { text-align: center; font-size: 1.15em; margin-bottom: 0.4em; color: #8f1d21; }
.tg-two { display: flex; gap: 1.2em; margin-top: 0.4em; } .tg-two > div:first-child { flex: 0.8; } .tg-two > div:last-child { flex: 1.2; } .tg-two > div { min-width: 0; }
.tg-cap { font-weight: 700; margin-bottom: 0.3em; } .tg-done { white-space: nowrap; } .tg-no { color: #b3262a; font-weight: 700; }`,
    draft: !d.approved,
  };
}
