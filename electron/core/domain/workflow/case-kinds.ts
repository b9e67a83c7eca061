// The workflows a station runs, each an ordered list of stages (domain.md §3, §5, §9).
import type { StageDef } from './stages';

export const CASE_KINDS = ['identification', 'return', 'exit', 'monitoring', 'elimination'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  identification: '贫困户识别',
  return: '返贫认定',
  exit: '贫困户退出',
  monitoring: '防返贫监测对象识别',
  elimination: '监测对象风险消除',
};

// 一核二看三比四评议五公示, then the county's decision (两公示一公告: the county announces).
const IDENTIFICATION: StageDef[] = [
  { code: 'apply', label: '农户申请', authority: 'station' },
  { code: 'verify', label: '一核（核收入）', authority: 'station' },
  { code: 'inspect', label: '二看（看住房、看劳力）', authority: 'station' },
  { code: 'compare', label: '三比（与邻里比）', authority: 'station' },
  { code: 'review', label: '四评议（民主评议）', authority: 'station' },
  { code: 'notice', label: '五公示', authority: 'station' },
  { code: 'approve', label: '县级审定公告', authority: 'county' },
];

// Returned households go through the same twelve-three-four-five verification (七步工作法).
const RETURN: StageDef[] = IDENTIFICATION.map((s) => (s.code === 'apply' ? { ...s, label: '返贫申请（排查）' } : s));

// §5.1/§5.2: 民主评议 → 核实 → 拟退出户认可 → 公示 → 3342 签字 → 公告 → 销号.
const EXIT: StageDef[] = [
  { code: 'check', label: '退出指标核查', authority: 'station' },
  { code: 'review', label: '村级民主评议', authority: 'station' },
  { code: 'verification', label: '村两委和驻村工作队核实', authority: 'station' },
  { code: 'agreement', label: '拟退出户认可', authority: 'station' },
  { code: 'notice', label: '村内公示', authority: 'station' },
  { code: 'signoff', label: '逐级签字（3342）', authority: 'station' },
  { code: 'announce', label: '县级公告', authority: 'county' },
  { code: 'deregister', label: '销号', authority: 'county' },
];

// §9: 入户核实 → 村级民主评议 → 公示 → 乡镇审核 → 县级审定（公告）.
const MONITORING: StageDef[] = [
  { code: 'report', label: '申报排查', authority: 'station' },
  { code: 'visit', label: '入户核实', authority: 'station' },
  { code: 'review', label: '村级民主评议', authority: 'station' },
  { code: 'notice', label: '公示', authority: 'station' },
  { code: 'township', label: '乡镇审核', authority: 'station' },
  { code: 'county', label: '县级审定', authority: 'county' },
];

const ELIMINATION: StageDef[] = [
  { code: 'conditions', label: '入户核实（消除条件）', authority: 'station' },
  { code: 'review', label: '村级民主评议', authority: 'station' },
  { code: 'notice', label: '公示', authority: 'station' },
  { code: 'township', label: '乡镇审核', authority: 'station' },
  { code: 'county', label: '县级审定公告', authority: 'county' },
];

export const STAGES: Record<CaseKind, readonly StageDef[]> = {
  identification: IDENTIFICATION,
  return: RETURN,
  exit: EXIT,
  monitoring: MONITORING,
  elimination: ELIMINATION,
};

/** The stage whose passing completion changes the household's status, and the event it writes. */
export const DECIDING_STAGE: Record<CaseKind, { stage: string; event: string }> = {
  identification: { stage: 'approve', event: 'identification.approved' },
  return: { stage: 'approve', event: 'return.approved' },
  exit: { stage: 'deregister', event: 'exit.deregistered' },
  monitoring: { stage: 'county', event: 'monitoring.included' },
  elimination: { stage: 'county', event: 'monitoring.eliminated' },
};

/** Stages an objection may concern: those before the 公示 that the notice published. */
export function objectionStages(kind: CaseKind): StageDef[] {
  const list = STAGES[kind];
  const notice = list.findIndex((s) => s.code === 'notice');
  // The opening (申请, 申报) is the household's own act, not a finding an objection can dispute.
  return list.slice(0, notice).filter((s) => s.code !== 'apply' && s.code !== 'report');
}

/** The 公示 period parameter a kind uses: identification lists, or exit lists (monitoring follows exit). */
export const noticeKindOf = (kind: CaseKind): 'identification' | 'exit' => (kind === 'identification' || kind === 'return' ? 'identification' : 'exit');
