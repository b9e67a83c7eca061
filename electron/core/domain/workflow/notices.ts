// 公示: a posted list with a level and a period, and the objections people raise during it
// (domain.md §3.1, §5.2). An objection sends the step it disputes back to be done again, so a
// notice round ends with the first objection and the list is posted afresh after the re-check.
import { daysCovered, earliestEnd, periodLabel, type Period, type WorkCalendar } from './dates';
import type { StepEntry } from './stages';

export const NOTICE_LEVELS = ['group', 'village', 'township', 'county', 'online'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

export const NOTICE_LEVEL_LABELS: Record<NoticeLevel, string> = {
  group: '村民小组公示',
  village: '村级公示',
  township: '乡镇公示',
  county: '县级公告',
  online: '网上或公开栏公示',
};

export const OBJECTION_CHANNELS = ['letter', 'phone', 'visit', 'other'] as const;
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];
export const OBJECTION_CHANNEL_LABELS: Record<ObjectionChannel, string> = { letter: '来信', phone: '来电', visit: '来访', other: '其他' };

export interface NoticeFacts {
  level: NoticeLevel;
  startDate: string;
  endDate: string;
  /** Which round of the notice stage it belongs to: rounds restart after an objection. */
  round: number;
}

export interface ObjectionFacts {
  receivedDate: string;
  concernsStage: string;
  /** Null while the disputed step is being done again. */
  resolvedDate: string | null;
}

/** The current round of a case's 公示: how often the notice stage was sent back. */
export const noticeRound = (entries: readonly StepEntry[]): number => entries.filter((e) => e.stage === 'notice' && e.action === 'reopen').length;

/** Why a notice with these dates cannot be posted, or null. */
export function refuseNotice(notice: Pick<NoticeFacts, 'level' | 'startDate' | 'endDate'>, period: Period, calendar: WorkCalendar, previousStepDate: string | null): string | null {
  const label = NOTICE_LEVEL_LABELS[notice.level];
  if (notice.endDate < notice.startDate) return `${label}：结束日期（${notice.endDate}）早于开始日期（${notice.startDate}）`;
  if (previousStepDate && notice.startDate < previousStepDate) {
    return `${label}：开始日期（${notice.startDate}）早于上一步的办理日期（${previousStepDate}），须在评议之后公示`;
  }
  const covered = daysCovered(notice.startDate, notice.endDate, period.unit, calendar);
  if (covered < period.days) {
    const unit = period.unit === 'workingDays' ? '个工作日' : '天';
    return `${label}：公示期自 ${notice.startDate} 至 ${notice.endDate} 只有 ${covered}${unit}，规定至少${periodLabel(period)}（最早 ${earliestEnd(notice.startDate, period, calendar)} 结束）`;
  }
  return null;
}

/** Why an objection received on `date` against this notice cannot be recorded, or null. */
export function refuseObjection(notice: NoticeFacts, currentRound: number, date: string): string | null {
  if (notice.round !== currentRound) return '该公示已因此前的异议作废，请对重新张贴的公示登记异议';
  if (date < notice.startDate || date > notice.endDate) {
    return `异议须在公示期内提出：该公示期为 ${notice.startDate} 至 ${notice.endDate}，${date} 不在公示期内`;
  }
  return null;
}

/** What still stands in the way of closing the 公示 step on `date`: empty when it may be closed. */
export function noticeBlockers(notices: readonly NoticeFacts[], objections: readonly ObjectionFacts[], round: number, date: string): string[] {
  const current = notices.filter((n) => n.round === round);
  if (current.length === 0) return [round > 0 ? '异议核实后尚未重新张贴公示' : '尚未张贴公示'];
  const out: string[] = [];
  for (const n of current) {
    if (date <= n.endDate) out.push(`${NOTICE_LEVEL_LABELS[n.level]}的公示期至 ${n.endDate} 才结束，须在公示期满后办理`);
  }
  const open = objections.filter((o) => o.resolvedDate === null).length;
  if (open > 0) out.push(`还有 ${open} 条异议尚未核实处理`);
  return out;
}
