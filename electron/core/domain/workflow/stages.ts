// The one engine behind every workflow case: an ordered list of stages and an append-only log
// of what was done to them. Nothing is overwritten — a stage an objection reopens keeps its old
// completion in the log, and the case's state is always read back from the log.

/** Who may record a stage: the station (clerk or administrator in scope) or the county's administrator. */
export type StageAuthority = 'station' | 'county';

export interface StageDef {
  code: string;
  label: string;
  authority: StageAuthority;
}

export interface StepEntry {
  stage: string;
  action: 'complete' | 'reopen';
  /** A completion either lets the case go on or ends it (评议未通过, 县级不予认定…). */
  outcome: 'pass' | 'fail' | null;
  /** The business date (meeting day, decision day), not the time it was typed in. */
  date: string;
  by: string;
  at: string;
}

export type StageState = 'done' | 'current' | 'pending' | 'failed';
export type CaseOutcome = 'open' | 'passed' | 'failed' | 'withdrawn';

export interface StageView {
  code: string;
  label: string;
  authority: StageAuthority;
  state: StageState;
  /** The completion that counts now (the latest, unless reopened since). */
  completion: StepEntry | null;
  /** How often an objection sent this stage back. */
  reopened: number;
}

export interface CaseProgress {
  stages: StageView[];
  current: string | null;
  outcome: CaseOutcome;
}

/** The state of each stage after replaying the log. */
export function caseProgress(defs: readonly StageDef[], entries: readonly StepEntry[], withdrawn = false): CaseProgress {
  const done = new Map<string, StepEntry>();
  const reopened = new Map<string, number>();
  let failed: StepEntry | null = null;
  for (const e of entries) {
    if (e.action === 'complete') {
      done.set(e.stage, e);
      if (e.outcome === 'fail') failed = e;
    } else {
      done.delete(e.stage);
      reopened.set(e.stage, (reopened.get(e.stage) ?? 0) + 1);
    }
  }
  const closed = withdrawn || failed !== null;
  let current: string | null = null;
  const stages = defs.map((d): StageView => {
    const completion = done.get(d.code) ?? null;
    let state: StageState;
    if (completion) state = completion.outcome === 'fail' ? 'failed' : 'done';
    else if (current === null && !closed) {
      current = d.code;
      state = 'current';
    } else state = 'pending';
    return { code: d.code, label: d.label, authority: d.authority, state, completion, reopened: reopened.get(d.code) ?? 0 };
  });
  const outcome: CaseOutcome = withdrawn ? 'withdrawn' : failed ? 'failed' : current === null ? 'passed' : 'open';
  return { stages, current, outcome };
}

const OUTCOME_TEXT: Record<Exclude<CaseOutcome, 'open'>, string> = {
  passed: '已办结',
  failed: '已终止（未通过）',
  withdrawn: '已撤回',
};

const labelOf = (defs: readonly StageDef[], code: string): string => defs.find((d) => d.code === code)?.label ?? code;

/**
 * Why `stage` cannot be completed on `date` now, or null when it can. Steps go strictly in order:
 * none may be skipped, none done twice, and none dated before the step it follows.
 */
export function refuseCompletion(defs: readonly StageDef[], entries: readonly StepEntry[], stage: string, date: string, withdrawn = false): string | null {
  if (!defs.some((d) => d.code === stage)) return `该流程没有「${stage}」这一步`;
  const p = caseProgress(defs, entries, withdrawn);
  if (p.outcome !== 'open') return `该案件${OUTCOME_TEXT[p.outcome]}，不能再办理「${labelOf(defs, stage)}」`;
  const view = p.stages.find((s) => s.code === stage)!;
  if (view.state === 'done') return `「${view.label}」已完成，不能重复办理；如需重新办理，应由公示期间的异议退回`;
  if (p.current !== stage) {
    return `不能跳过「${labelOf(defs, p.current!)}」直接办理「${view.label}」：各步骤须按顺序办理`;
  }
  const index = defs.findIndex((d) => d.code === stage);
  const previous = index > 0 ? p.stages[index - 1]!.completion : null;
  if (previous && date < previous.date) {
    return `「${view.label}」的日期（${date}）早于上一步「${labelOf(defs, previous.stage)}」的日期（${previous.date}）：步骤不能倒序办理`;
  }
  return null;
}

/**
 * The stages an objection against `stage` sends back: that stage and every later one already
 * done, because each later step rested on it. Null with a reason when it cannot be reopened.
 */
export function reopenPlan(
  defs: readonly StageDef[],
  entries: readonly StepEntry[],
  stage: string,
): { stages: string[] } | { refused: string } {
  const p = caseProgress(defs, entries);
  if (p.outcome !== 'open') return { refused: `该案件${p.outcome === 'passed' ? '已办结' : '已终止'}，不能再退回` };
  const index = defs.findIndex((d) => d.code === stage);
  if (index < 0) return { refused: `该流程没有「${stage}」这一步` };
  if (p.stages[index]!.state !== 'done') return { refused: `「${defs[index]!.label}」尚未完成，不能退回重办` };
  return { stages: p.stages.slice(index).filter((s) => s.state === 'done').map((s) => s.code) };
}
