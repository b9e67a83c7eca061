// 帮扶明白卡 (door card, domain.md §4.4): what a visitor at the door needs to see about one
// household. Posted on the door, so the data arrives masked: no ID number, no bank account, and
// only the cadre's phone (the household should be able to call its helper).
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { FlowDocument } from './shared/document';
import { dateCn as chineseDate, num } from './shared/format';
import { FLOW_CSS } from './shared/flow-page';
import type { DoorCardData } from './types';

const CARD_CSS = `
.fp-card { border: 0.8mm double #b22222; padding: 0.8em 1em; }
.fp-card h1 { color: #b22222; }
.fp-card table.fp-grid th { width: 14%; background: #fbeaea; }
`;

export function buildDoorCard(d: DoorCardData, paper: PaperSize = 'A4', orientation: Orientation = 'portrait'): FlowDocument {
  const h = d.heading;
  const members = d.members
    .map((m) => `<tr><td>${escapeHtml(m.name)}</td><td>${escapeHtml(m.relationship)}</td><td>${num(m.age)}</td><td>${escapeHtml(m.health)}</td><td>${escapeHtml(m.education)}</td></tr>`)
    .join('');
  const plan = d.planRows.map((p) => `<tr><td class="l">${escapeHtml(p.label)}</td><td>${escapeHtml(p.baseline)}</td><td>${escapeHtml(p.plan)}</td><td>${escapeHtml(p.actual)}</td></tr>`).join('');
  const measures = d.measures.length
    ? d.measures.map((m) => `<tr><td>${escapeHtml(m.category)}</td><td class="l">${escapeHtml(m.project)}</td><td>${num(m.amount)}</td><td>${escapeHtml(m.status)}</td></tr>`).join('')
    : '<tr><td colspan="4">本年度暂无帮扶措施</td></tr>';
  const cadres = d.cadres.length
    ? d.cadres.map((c) => `<tr><td>${escapeHtml(c.name)}</td><td class="l">${escapeHtml(c.unit)}</td><td>${escapeHtml(c.position)}</td><td>${escapeHtml(c.phone)}</td></tr>`).join('')
    : '<tr><td colspan="4">尚未结对帮扶责任人</td></tr>';
  const title = `${h.year}年度帮扶明白卡`;
  return {
    kind: 'flow',
    title: `${h.villageName} ${d.headName} ${title}`,
    paper,
    orientation,
    draft: !d.approved,
    css: FLOW_CSS + CARD_CSS,
    body:
      '<div class="fp-doc fp-card">' +
      `<h1>${escapeHtml(title)}</h1>` +
      `<div class="fp-sub">${escapeHtml(h.countyName + h.townshipName + h.villageName + d.groupName)}　户主：${escapeHtml(d.headName)}</div>` +
      '<table class="fp-grid"><tbody>' +
      `<tr><th>户主</th><td>${escapeHtml(d.headName)}</td><th>家庭人口</th><td>${d.persons} 人</td><th>劳动力</th><td>${num(d.labourers)} 人</td></tr>` +
      `<tr><th>贫困户属性</th><td>${escapeHtml(d.attributeLabel)}</td><th>主要致贫原因</th><td>${escapeHtml(d.mainCauseLabel)}</td><th>其他致贫原因</th><td>${escapeHtml(d.otherCauseLabels.join('、') || '无')}</td></tr>` +
      `<tr><th>脱贫状态</th><td>${escapeHtml(d.statusLabel)}</td><th>计划脱贫年度</th><td>${num(d.plannedExitYear)}</td><th>人均纯收入</th><td>${num(d.perCapitaNet)} 元</td></tr>` +
      `<tr><th>生产生活条件</th><td class="l" colspan="5">${escapeHtml(d.conditions.join('；') || '未登记')}</td></tr>` +
      `<tr><th>发展目标</th><td class="l" colspan="5">${escapeHtml(d.goal ?? '未填写')}</td></tr>` +
      '</tbody></table>' +
      `<h2>家庭成员</h2><table class="fp-grid"><thead><tr><th>姓名</th><th>与户主关系</th><th>年龄</th><th>健康状况</th><th>文化程度</th></tr></thead><tbody>${members}</tbody></table>` +
      (plan ? `<h2>脱贫计划</h2><table class="fp-grid"><thead><tr><th>指标</th><th>现状</th><th>计划</th><th>完成</th></tr></thead><tbody>${plan}</tbody></table>` : '') +
      `<h2>帮扶措施</h2><table class="fp-grid"><thead><tr><th>类别</th><th>项目</th><th>投入（元）</th><th>落实情况</th></tr></thead><tbody>${measures}</tbody></table>` +
      (d.benefits.length ? `<h2>享受政策</h2><p>${d.benefits.map(escapeHtml).join('；')}</p>` : '') +
      `<h2>帮扶责任人</h2><table class="fp-grid"><thead><tr><th>姓名</th><th>单位</th><th>职务</th><th>联系电话</th></tr></thead><tbody>${cadres}</tbody></table>` +
      `<div class="fp-foot"><span>${escapeHtml(h.villageName)}村民委员会　驻村帮扶工作队</span><span>${chineseDate(h.printedOn)}</span></div>` +
      '</div>',
  };
}
