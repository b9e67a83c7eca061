// 户户3本账 (domain.md §4.4): the household's 脱贫计划, 帮扶措施 and 工作台账 of one year, each
// book starting on its own page under the same household block, so that the pages can be filed
// in three binders. Kept by the household and its cadre, not posted: the head's ID number is
// printed masked, bank accounts never, the cadre's phone in full (the household calls it).
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { FlowDocument } from './shared/document';
import { cell, dateCn, yuan } from './shared/format';
import { FLOW_CSS, footHtml, gridTable, headingHtml, placeOf } from './shared/flow-page';
import type { BookPhoto, HouseholdBooksData } from './types';

const BOOKS_CSS = `
.fp-books table.fp-grid { width: 100%; table-layout: fixed; }
.fp-books table.fp-grid td { overflow-wrap: anywhere; }
.fp-books table.hb-info th { background: #eef1f5; width: 13%; }
.fp-books .hb-sign { margin-top: 6mm; display: flex; justify-content: space-around; font-size: 10pt; }
.fp-books .hb-photos { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; margin-top: 2mm; }
.fp-books .hb-photo { break-inside: avoid; margin: 0; border: 0.25mm solid #999; padding: 1.5mm; }
.fp-books .hb-photo img { display: block; width: 100%; height: 72mm; object-fit: contain; background: #f4f4f4; }
.fp-books .hb-photo figcaption { font-size: 8.5pt; line-height: 1.45; margin-top: 1mm; color: #222; }
.fp-books .fp-part.hb-no-photos { break-before: auto; }
`;

function infoTable(d: HouseholdBooksData): string {
  const e = escapeHtml;
  return (
    '<table class="fp-grid hb-info"><tbody>' +
    `<tr><th>户主</th><td>${e(d.headName)}</td><th>身份证号</th><td>${e(d.idMasked)}</td><th>村民小组</th><td>${e(d.groupName)}</td></tr>` +
    `<tr><th>家庭人口</th><td>${d.persons} 人</td><th>贫困户属性</th><td>${e(d.attributeLabel)}</td><th>主要致贫原因</th><td>${e(d.mainCauseLabel)}</td></tr>` +
    `<tr><th>脱贫状态</th><td>${e(d.statusLabel)}</td><th>帮扶责任人</th><td class="l" colspan="3">${e(
      d.cadres.map((c) => `${c.name}（${c.unit}${c.position ? ` ${c.position}` : ''}，${c.phone}）`).join('；') || '尚未结对帮扶责任人',
    )}</td></tr>` +
    '</tbody></table>'
  );
}

function planBook(d: HouseholdBooksData): string {
  const p = d.plan;
  if (!p) return '<p class="fp-note">本年度尚未制定脱贫计划。</p>';
  const carried = p.year !== d.heading.year ? `（沿用${p.year}年度计划）` : '';
  return (
    `<p>计划脱贫年度：<b>${p.plannedExitYear ?? '未定'}</b>${p.plannedExitYear ? '年' : ''}${carried}　帮扶期限：${escapeHtml(cell(p.period))}</p>` +
    `<p>发展目标：${escapeHtml(cell(p.goal))}</p>` +
    gridTable(
      ['指标', '现状（基期）', '计划', '完成'],
      p.rows.map((r) => [escapeHtml(r.label), escapeHtml(r.baseline), escapeHtml(r.plan), escapeHtml(r.actual)]),
      '尚未填写计划指标',
      [34, 22, 22, 22],
      ['l'],
    )
  );
}

function measureBook(d: HouseholdBooksData): string {
  const total = d.measures.reduce((s, m) => s + (m.amount ?? 0), 0);
  return (
    gridTable(
      ['序号', '类别', '项目', '资金来源', '金额（元）', '起止时间', '受益情况', '责任人', '落实情况'],
      d.measures.map((m, i) => [
        String(i + 1),
        escapeHtml(m.category),
        escapeHtml(m.project),
        escapeHtml(cell(m.fundSource)),
        yuan(m.amount),
        escapeHtml(cell(m.period)).replace('至', '<br>至'),
        escapeHtml(cell(m.benefit)),
        escapeHtml(cell(m.responsible)),
        escapeHtml(m.status),
      ]),
      '本年度暂无帮扶措施',
      [6, 11, 17, 11, 10, 14, 13, 9, 9],
      ['', '', 'l', '', 'r', '', 'l'],
    ) + (d.measures.length ? `<p>本年度共落实帮扶措施 ${d.measures.length} 项，投入资金合计 ${yuan(total)} 元。</p>` : '')
  );
}

function ledgerBook(d: HouseholdBooksData): string {
  return gridTable(
    ['日期', '帮扶人', '帮扶方式', '帮扶内容', '解决的问题', '户主签字'],
    d.ledger.map((l) => [dateCn(l.date), escapeHtml(l.cadre), escapeHtml(l.kind), escapeHtml(l.content), escapeHtml(cell(l.solved)), l.signed ? '已签字' : '']),
    '本年度暂无帮扶工作记录',
    [15, 10, 10, 33, 20, 12],
    ['', '', '', 'l', 'l'],
  );
}

const PHOTOS_TITLE = '「二看」现场照片';

/**
 * Caption: step, when the house was looked at and when the photo came in, and who took it in.
 * The uploader's name only — never an ID number; the head is named in the block above.
 */
function photoFigure(p: BookPhoto, i: number): string {
  const e = escapeHtml;
  const when = p.inspectedOn ? `查看日期：${dateCn(p.inspectedOn)}　` : '';
  return (
    '<figure class="hb-photo">' +
    `<img src="${e(p.dataUrl)}" alt="照片${i + 1}" width="${p.width}" height="${p.height}">` +
    `<figcaption><b>照片 ${i + 1}</b>　${e(p.stageLabel)}<br>${when}上传日期：${dateCn(p.uploadedOn)}<br>上传人：${e(p.uploader)}` +
    (p.note ? `<br>说明：${e(p.note)}` : '') +
    '</figcaption></figure>'
  );
}

/**
 * The 二看 photos as a part of their own, two to a row, each kept whole on its page. With no
 * photos the part still appears, as one line after the ledger rather than a page of its own: an
 * inspector checking the 二看 evidence must read that there is none (an omitted section cannot be
 * told from a lost sheet), and a village's batch should not carry a blank sheet per household.
 */
function photosPart(d: HouseholdBooksData, heading: string, foot: string): string {
  if (d.photos.length === 0) {
    return `<div class="fp-part hb-no-photos"><h2>${PHOTOS_TITLE}</h2><p class="fp-note">无现场照片（本户识别时未上传二看照片，或在启用本系统前已建档立卡）。</p></div>`;
  }
  return (
    '<div class="fp-part">' +
    heading +
    `<h2>${PHOTOS_TITLE}（共 ${d.photos.length} 张）</h2>` +
    `<div class="hb-photos">${d.photos.map(photoFigure).join('')}</div>` +
    foot +
    '</div>'
  );
}

/** The three books of one household, in one flowing document (each book on a new page), then the 二看 photos. */
export function buildHouseholdBooks(d: HouseholdBooksData, paper: PaperSize = 'A4', orientation: Orientation = 'portrait'): FlowDocument {
  const h = d.heading;
  const foot = footHtml(h, `${h.villageName}村民委员会　驻村帮扶工作队`);
  const book = (name: string, content: string, signLine: string): string =>
    '<div class="fp-part">' +
    headingHtml(`${h.year}年度${name}`, h, `户主：${d.headName}`) +
    infoTable(d) +
    `<h2>${name}</h2>` +
    content +
    `<div class="hb-sign">${signLine}</div>` +
    foot +
    '</div>';
  return {
    kind: 'flow',
    title: `${placeOf(h)} ${d.headName} ${h.year}年度户户3本账`,
    paper,
    orientation,
    draft: !d.approved,
    css: FLOW_CSS + BOOKS_CSS,
    body:
      '<div class="fp-doc fp-books">' +
      book('脱贫计划', planBook(d), '<span>户主（签字）：＿＿＿＿＿＿</span><span>帮扶责任人（签字）：＿＿＿＿＿＿</span>') +
      book('帮扶措施', measureBook(d), '<span>帮扶责任人（签字）：＿＿＿＿＿＿</span><span>驻村工作队（盖章）：＿＿＿＿＿＿</span>') +
      book('工作台账', ledgerBook(d), '<span>户主（签字）：＿＿＿＿＿＿</span><span>帮扶责任人（签字）：＿＿＿＿＿＿</span>') +
      photosPart(d, headingHtml(PHOTOS_TITLE, h, `户主：${d.headName}`) + infoTable(d), foot) +
      '</div>',
  };
}
