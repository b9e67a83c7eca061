// 3342 退出验收签字表 (domain.md §5.4): the exit cases of a village and year, then one line per
// level and role — who signed, when, for how many of the households — and a blank for the pen.
// "谁签字、谁负责": a role nobody has signed yet prints as an empty line to be signed; the sheet
// carries the draft watermark until every household's signatures are complete.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { FlowDocument } from './shared/document';
import { dateCn, num } from './shared/format';
import { FLOW_CSS, footHtml, gridTable, headingHtml, placeOf } from './shared/flow-page';
import type { SignoffSheetData } from './types';

const SHEET_CSS = `
.fp-signoff table.fp-grid { width: 100%; table-layout: fixed; }
.fp-signoff table.so-sign td { height: 9mm; }
.fp-signoff td.lv { font-weight: 700; background: #f7f7f7; }
`;

function dateSpan(first: string | null, last: string | null): string {
  if (!first) return '';
  return first === last || !last ? dateCn(first) : `${dateCn(first)}至${dateCn(last)}`;
}

function signatureTable(d: SignoffSheetData): string {
  const lines = d.levels.flatMap((l) =>
    l.roles.map((r, i) => {
      const level = i === 0 ? `<td class="lv" rowspan="${l.roles.length}">${escapeHtml(l.label)}</td>` : '';
      const count = r.of === 0 ? '—' : `${r.signed}/${r.of}`;
      return (
        `<tr>${level}<td class="l">${escapeHtml(r.label)}</td><td>${escapeHtml(r.signers.join('、'))}</td>` +
        `<td>${escapeHtml(dateSpan(r.firstDate, r.lastDate))}</td><td>${count}</td><td></td></tr>`
      );
    }),
  );
  return (
    '<table class="fp-grid so-sign"><colgroup><col style="width:10%"><col style="width:27%"><col style="width:17%"><col style="width:20%"><col style="width:9%"><col style="width:17%"></colgroup>' +
    '<thead><tr><th>级别</th><th>签字人职务</th><th>姓名</th><th>签字日期</th><th>已签户数</th><th>签字</th></tr></thead>' +
    `<tbody>${lines.join('')}</tbody></table>`
  );
}

export function buildSignoffSheet(d: SignoffSheetData, paper: PaperSize = 'A4', orientation: Orientation = 'portrait'): FlowDocument {
  const h = d.heading;
  const persons = d.rows.reduce((s, r) => s + r.persons, 0);
  const households = gridTable(
    ['序号', '村民小组', '户主', '身份证号', '人口', '人均纯收入（元）', '退出核验', '办理环节'],
    d.rows.map((r, i) => [
      String(i + 1),
      escapeHtml(r.groupName),
      escapeHtml(r.headName),
      escapeHtml(r.idMasked),
      String(r.persons),
      num(r.perCapitaNet),
      escapeHtml(r.checkLabel),
      escapeHtml(r.stageLabel),
    ]),
    '本年度本村没有退出户',
    [6, 10, 10, 20, 7, 13, 17, 17],
    ['', '', '', '', '', 'r', 'l'],
  );
  return {
    kind: 'flow',
    title: `${placeOf(h)}${h.year}年度贫困户退出验收签字表`,
    paper,
    orientation,
    draft: !d.complete,
    css: FLOW_CSS + SHEET_CSS,
    body:
      '<div class="fp-doc fp-signoff">' +
      headingHtml(`${h.year}年度贫困户退出验收签字表`, h, '（3342）') +
      `<p>本村${h.year}年度拟退出贫困户共 ${d.rows.length} 户 ${persons} 人，经逐户核验、民主评议、公示无异议，按村、乡镇、县、市逐级签字确认，谁签字、谁负责。</p>` +
      '<h2>一、退出户名单</h2>' +
      households +
      '<h2>二、逐级签字</h2>' +
      signatureTable(d) +
      `<p class="fp-note">签字按户记录；「已签户数」为已由该职务签字的户数${d.complete ? '，各级签字均已齐全' : '，签字未齐全的本表为草稿'}。</p>` +
      footHtml(h, `${h.townshipName}人民政府　${h.villageName}村民委员会`) +
      '</div>',
  };
}
