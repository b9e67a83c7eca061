// 统计表 (domain.md §4.5): the villages of a township, or the townships of a county, one row
// each plus the total — households and persons on the books, by status, by 贫困户属性 and by
// 主要致贫原因, the year's exits and the 贫困发生率. Every row adds up to the total, and every
// row's attribute and cause columns add up to its registered households.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { FlowDocument } from './shared/document';
import { num, percent } from './shared/format';
import { FLOW_CSS, footHtml, headingHtml } from './shared/flow-page';
import type { StatisticsData, StatisticsRow } from './types';

const STAT_CSS = `
.fp-stat table.fp-grid { width: 100%; table-layout: fixed; font-size: 8.5pt; }
.fp-stat table.fp-grid th { font-size: 8pt; padding: 0.5mm 0.4mm; }
.fp-stat table.fp-grid td { padding: 0.5mm 0.6mm; }
.fp-stat td.nm { text-align: left; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
`;

export const ATTRIBUTE_COLUMNS = [
  { key: 'general', label: '一般贫困户' },
  { key: 'dibao', label: '低保贫困户' },
  { key: 'wubao', label: '特困供养贫困户' },
  { key: 'unknown', label: '未填写' },
] as const;

/** The columns of the table, in order, as label and value: the PDF and the xlsx share them. */
export interface StatisticsColumn {
  /** The group heading over the column ('' for a column of its own). */
  group: string;
  label: string;
  value: (r: StatisticsRow) => number | null;
  percent?: boolean;
}

export function statisticsColumns(d: Pick<StatisticsData, 'causes' | 'rows' | 'total'>): StatisticsColumn[] {
  const attrs = ATTRIBUTE_COLUMNS.filter((a) => a.key !== 'unknown' || d.total.byAttribute.unknown > 0);
  return [
    { group: '建档立卡', label: '户数', value: (r) => r.registered.households },
    { group: '建档立卡', label: '人数', value: (r) => r.registered.persons },
    { group: '未脱贫', label: '户数', value: (r) => r.poor.households },
    { group: '未脱贫', label: '人数', value: (r) => r.poor.persons },
    { group: '未脱贫', label: '其中返贫户', value: (r) => r.returned.households },
    { group: '已脱贫', label: '户数', value: (r) => r.exited.households },
    { group: '已脱贫', label: '人数', value: (r) => r.exited.persons },
    { group: '当年脱贫', label: '户数', value: (r) => r.exitsOfYear.households },
    { group: '当年脱贫', label: '人数', value: (r) => r.exitsOfYear.persons },
    ...attrs.map((a): StatisticsColumn => ({ group: '贫困户属性（户）', label: a.label, value: (r) => r.byAttribute[a.key] })),
    ...d.causes.map((c, i): StatisticsColumn => ({ group: '主要致贫原因（户）', label: c.label, value: (r) => r.byCause[i] ?? 0 })),
    { group: '', label: '总人口', value: (r) => r.population },
    { group: '', label: '贫困发生率', value: (r) => r.incidencePercent, percent: true },
  ];
}

const show = (c: StatisticsColumn, r: StatisticsRow): string => (c.percent ? percent(c.value(r)) : num(c.value(r)));

function headRows(unit: string, cols: StatisticsColumn[]): string {
  let top = `<th rowspan="2" style="width:3%">序号</th><th rowspan="2" style="width:8%">${unit}</th>`;
  let bottom = '';
  for (let i = 0; i < cols.length; ) {
    const c = cols[i]!;
    if (c.group === '') {
      top += `<th rowspan="2">${escapeHtml(c.label)}</th>`;
      i += 1;
      continue;
    }
    let span = 0;
    while (cols[i + span]?.group === c.group) span += 1;
    top += `<th colspan="${span}">${escapeHtml(c.group)}</th>`;
    bottom += cols.slice(i, i + span).map((x) => `<th>${escapeHtml(x.label)}</th>`).join('');
    i += span;
  }
  return `<tr>${top}</tr><tr>${bottom}</tr>`;
}

export function buildStatistics(d: StatisticsData, paper: PaperSize = 'A3', orientation: Orientation = 'landscape'): FlowDocument {
  const h = d.heading;
  const unit = d.rowLevel === 'village' ? '村' : '乡镇';
  const cols = statisticsColumns(d);
  const line = (r: StatisticsRow, first: string, cls = ''): string =>
    `<tr${cls ? ` class="${cls}"` : ''}>${first}<td class="nm">${escapeHtml(r.name)}</td>${cols.map((c) => `<td>${show(c, r)}</td>`).join('')}</tr>`;
  const body = d.rows.length
    ? d.rows.map((r, i) => line(r, `<td>${i + 1}</td>`)).join('') + line(d.total, '<td></td>', 'total')
    : `<tr><td colspan="${cols.length + 2}">${d.scopeName}下没有${unit}级区划</td></tr>`;
  const title = `${h.year}年度${d.scopeName}建档立卡贫困人口统计表`;
  return {
    kind: 'flow',
    title,
    paper,
    orientation,
    draft: !d.approved,
    css: FLOW_CSS + STAT_CSS,
    body:
      '<div class="fp-doc fp-stat">' +
      headingHtml(title, h, `按${unit}统计`) +
      `<table class="fp-grid"><thead>${headRows(unit, cols)}</thead><tbody>${body}</tbody></table>` +
      '<p class="fp-note">说明：建档立卡户数为统计日在册的未脱贫户与已脱贫户；人数为统计日的家庭成员数；贫困发生率 = 未脱贫人数 ÷ 总人口，有村未填写总人口时不计算（—）。</p>' +
      footHtml(h, `制表：${h.townshipName || h.countyName}人民政府扶贫工作站`) +
      '</div>',
  };
}
