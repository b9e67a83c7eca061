import { describe, expect, it } from 'vitest';
import { caseProgress, refuseCompletion, reopenPlan, type StepEntry } from '../../../../electron/core/domain/workflow/stages';
import { STAGES, objectionStages, CASE_KINDS } from '../../../../electron/core/domain/workflow/case-kinds';

const ID = STAGES.identification;
const done = (stage: string, date: string, outcome: 'pass' | 'fail' = 'pass'): StepEntry => ({ stage, action: 'complete', outcome, date, by: 'clerk', at: `${date}T08:00:00Z` });
const reopen = (stage: string, date: string): StepEntry => ({ stage, action: 'reopen', outcome: null, date, by: 'clerk', at: `${date}T09:00:00Z` });

describe('stage engine', () => {
  it('starts at the first stage and walks forward one stage at a time', () => {
    expect(caseProgress(ID, []).current).toBe('apply');
    const log = [done('apply', '2016-03-01'), done('verify', '2016-03-05')];
    const p = caseProgress(ID, log);
    expect(p.current).toBe('inspect');
    expect(p.stages.map((s) => s.state)).toEqual(['done', 'done', 'current', 'pending', 'pending', 'pending', 'pending']);
    expect(p.outcome).toBe('open');
  });

  it('allows exactly the current stage; refuses every skip, repeat and unknown stage', () => {
    const log = [done('apply', '2016-03-01'), done('verify', '2016-03-05')];
    for (const s of ID) {
      const reason = refuseCompletion(ID, log, s.code, '2016-03-10');
      if (s.code === 'inspect') expect(reason).toBeNull();
      else if (s.code === 'apply' || s.code === 'verify') expect(reason).toMatch(/已完成，不能重复办理/);
      else expect(reason).toMatch(/不能跳过「二看（看住房、看劳力）」/);
    }
    expect(refuseCompletion(ID, log, 'teleport', '2016-03-10')).toMatch(/没有「teleport」/);
  });

  it('refuses a step dated before the step it follows', () => {
    const log = [done('apply', '2016-03-01'), done('verify', '2016-03-05')];
    expect(refuseCompletion(ID, log, 'inspect', '2016-03-04')).toMatch(/早于上一步「一核（核收入）」的日期（2016-03-05）/);
    expect(refuseCompletion(ID, log, 'inspect', '2016-03-05')).toBeNull();
  });

  it('a failed step ends the case; nothing more can be done, not even reopening', () => {
    const log = [done('apply', '2016-03-01'), done('verify', '2016-03-05', 'fail')];
    const p = caseProgress(ID, log);
    expect(p.outcome).toBe('failed');
    expect(p.current).toBeNull();
    expect(p.stages[1]!.state).toBe('failed');
    expect(refuseCompletion(ID, log, 'inspect', '2016-03-10')).toMatch(/已终止/);
    expect(reopenPlan(ID, log, 'verify')).toEqual({ refused: expect.stringMatching(/已终止/) });
  });

  it('passes when every stage is done, then refuses further work', () => {
    const log = ID.map((s, i) => done(s.code, `2016-03-${String(i + 1).padStart(2, '0')}`));
    expect(caseProgress(ID, log).outcome).toBe('passed');
    expect(refuseCompletion(ID, log, 'approve', '2016-04-01')).toMatch(/已办结/);
  });

  it('a withdrawn case refuses all steps', () => {
    expect(caseProgress(ID, [done('apply', '2016-03-01')], true).outcome).toBe('withdrawn');
    expect(refuseCompletion(ID, [done('apply', '2016-03-01')], 'verify', '2016-03-02', true)).toMatch(/已撤回/);
  });

  it('reopening a stage sends back it and every later done stage, keeping the old entries', () => {
    const log = ['apply', 'verify', 'inspect', 'compare', 'review'].map((c, i) => done(c, `2016-03-0${i + 1}`));
    const plan = reopenPlan(ID, log, 'inspect');
    expect(plan).toEqual({ stages: ['inspect', 'compare', 'review'] });
    const after = [...log, ...('stages' in plan ? plan.stages : []).map((s) => reopen(s, '2016-03-09'))];
    const p = caseProgress(ID, after);
    expect(p.current).toBe('inspect');
    expect(p.stages.find((s) => s.code === 'inspect')!.reopened).toBe(1);
    expect(refuseCompletion(ID, after, 'compare', '2016-03-10')).toMatch(/不能跳过/);
    expect(refuseCompletion(ID, after, 'inspect', '2016-03-10')).toBeNull();
    expect(reopenPlan(ID, after, 'compare')).toEqual({ refused: expect.stringMatching(/尚未完成/) });
  });

  it('objections may concern every stage before the notice except the opening', () => {
    expect(objectionStages('identification').map((s) => s.code)).toEqual(['verify', 'inspect', 'compare', 'review']);
    expect(objectionStages('exit').map((s) => s.code)).toEqual(['check', 'review', 'verification', 'agreement']);
    for (const k of CASE_KINDS) expect(STAGES[k].some((s) => s.code === 'notice')).toBe(true);
  });
});
