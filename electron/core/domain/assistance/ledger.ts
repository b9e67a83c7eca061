// 工作台账 (domain.md §4.4): one row per visit or piece of work, dated, by a cadre who helps the
// household on that day (its 帮扶责任人 or a member of the village's 驻村工作队).
import { LEDGER_KINDS } from './catalog';
import { isIsoDate } from './dates';
import { violation, type RuleViolation } from './violations';

export interface LedgerDraft {
  date: string;
  kind: string;
  content: string;
  problemSolved: string | null;
}

const TITLE = '工作台账登记';

export function checkLedgerEntry(e: LedgerDraft, ctx: { asOf: string; cadreName: string; cadreHelpsOnDate: boolean }): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!isIsoDate(e.date)) out.push(violation('PERIOD-DATE', 'date', '日期', '不是有效日期（年-月-日）', TITLE));
  else if (e.date > ctx.asOf) out.push(violation('LEDGER-FUTURE', 'date', '日期', `${e.date} 在今天之后，台账只记已做的工作`, TITLE));
  if (!LEDGER_KINDS.some((k) => k.code === e.kind)) out.push(violation('LEDGER-KIND', 'kind', '工作内容', '请选择走访、宣讲、落实项目等', TITLE));
  if (e.content.trim() === '') out.push(violation('LEDGER-CONTENT', 'content', '工作记录', '不能为空', TITLE));
  if (isIsoDate(e.date) && !ctx.cadreHelpsOnDate) {
    out.push(violation('LEDGER-CADRE', 'cadreId', '帮扶人', `${ctx.cadreName}在 ${e.date} 不是本户的帮扶责任人，也不是本村驻村工作队队员`, '台账由本户帮扶责任人或驻村工作队记录'));
  }
  return out;
}
