// 公示 / 公告 of a village's identification or exit list, for the notice board (domain.md §3, §5).
// The rows arrive masked (domain/masking.ts); this builder prints what it is given and the
// objection channel. A notice whose period is not on record prints blanks to fill in by hand.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { FlowDocument } from './shared/document';
import { dateCn, num } from './shared/format';
import { FLOW_CSS } from './shared/flow-page';
import type { NoticeData } from './types';

export const NOTICE_TITLES = {
  identification: { notice: '贫困户识别公示', announcement: '贫困户识别公告' },
  exit: { notice: '贫困户退出公示', announcement: '贫困户退出公告' },
} as const;

const NOTICE_CSS = `
.fp-notice p { text-indent: 2em; }
.fp-notice .fp-sign { text-align: right; margin-top: 8mm; line-height: 1.9; }
`;

const BLANK_DATE = '____年__月__日';
const BLANK = '__________';

export function buildNotice(d: NoticeData, paper: PaperSize = 'A4', orientation: Orientation = 'portrait'): FlowDocument {
  const h = d.heading;
  const exit = d.kind === 'exit';
  const what = exit ? '拟退出（脱贫）' : '拟识别为建档立卡贫困户';
  const start = d.startDate ? dateCn(d.startDate) : BLANK_DATE;
  const end = d.endDate ? dateCn(d.endDate) : BLANK_DATE;
  const persons = d.rows.reduce((s, r) => s + r.persons, 0);
  const head =
    '<tr><th>序号</th><th>村民小组</th><th>户主姓名</th><th>身份证号</th><th>家庭人口</th><th>贫困户属性</th><th>主要致贫原因</th>' +
    (exit ? '<th>人均纯收入（元）</th>' : '') +
    '<th>联系电话</th></tr>';
  const cols = exit ? 9 : 8;
  const rows = d.rows.length
    ? d.rows
        .map(
          (r, i) =>
            `<tr><td>${i + 1}</td><td>${escapeHtml(r.groupName)}</td><td>${escapeHtml(r.headName)}</td><td>${escapeHtml(r.idMasked)}</td><td>${r.persons}</td>` +
            `<td>${escapeHtml(r.attributeLabel)}</td><td>${escapeHtml(r.causeLabel)}</td>${exit ? `<td>${num(r.perCapitaNet)}</td>` : ''}<td>${escapeHtml(r.phoneMasked || '—')}</td></tr>`,
        )
        .join('')
    : `<tr><td colspan="${cols}">本年度无${exit ? '退出' : '识别'}对象</td></tr>`;
  const title = `${h.villageName}${h.year}年度${NOTICE_TITLES[d.kind][d.form]}`;
  const intro =
    d.form === 'notice'
      ? `经农户申请、村民小组评议、村民代表大会民主评议和村“两委”审核，以下 ${d.rows.length} 户 ${persons} 人${what}，现予以${d.levelLabel ?? '公示'}。` +
        `公示期自 ${start} 至 ${end}${d.periodLabel ? `（${escapeHtml(d.periodLabel)}）` : ''}。公示期间如有异议，请以来信、来电或来访方式反映。`
      : `经公示无异议，以下 ${d.rows.length} 户 ${persons} 人${exit ? '退出建档立卡贫困户' : '确定为建档立卡贫困户'}，现予以公告。`;
  const o = d.objection;
  return {
    kind: 'flow',
    title,
    paper,
    orientation,
    draft: !d.approved,
    css: FLOW_CSS + NOTICE_CSS,
    body:
      '<div class="fp-doc fp-notice">' +
      `<h1>${escapeHtml(title)}</h1>` +
      `<p>${intro}</p>` +
      `<table class="fp-grid"><thead>${head}</thead><tbody>${rows}</tbody></table>` +
      `<p>受理异议：${escapeHtml(o.office ?? BLANK)}，电话 ${escapeHtml(o.phone ?? BLANK)}，地址 ${escapeHtml(o.address ?? BLANK)}；全国扶贫监督举报电话 12317。</p>` +
      `<p class="fp-note">个人信息已按规定脱敏：${escapeHtml(d.maskingPolicy)}</p>` +
      `<div class="fp-sign">${escapeHtml(d.issuer)}<br>${d.startDate ? dateCn(d.startDate) : BLANK_DATE}</div>` +
      '</div>',
  };
}
