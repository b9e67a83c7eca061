// Reading and appending a case's log inside the one write path. Every change to a case is a new
// step row (or notice, objection, signature) plus the matching household event; the case row's
// outcome and current stage are then recomputed from the log, never set by hand.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { householdEvents, workflowCases, workflowNotices, workflowObjections, workflowSignoffs, workflowSteps } from '../../db/schema';
import type { Writer } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { STAGES, type CaseKind } from '../../domain/workflow/case-kinds';
import { caseProgress, type CaseProgress, type StepEntry } from '../../domain/workflow/stages';
import { yearOfDate } from '../../domain/workflow/dates';

export type CaseRow = typeof workflowCases.$inferSelect;
export type StepRow = typeof workflowSteps.$inferSelect;
export type NoticeRow = typeof workflowNotices.$inferSelect;
export type ObjectionRow = typeof workflowObjections.$inferSelect;
export type SignoffRow = typeof workflowSignoffs.$inferSelect;

export function caseRow(db: Db, id: string): CaseRow {
  const row = db.select().from(workflowCases).where(eq(workflowCases.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该案件不存在或已删除');
  return row;
}

export function stepRows(db: Db, caseId: string): StepRow[] {
  return db.select().from(workflowSteps).where(eq(workflowSteps.caseId, caseId)).orderBy(asc(workflowSteps.seq)).all();
}

export const toEntry = (s: StepRow): StepEntry => ({ stage: s.stage, action: s.action, outcome: s.outcome, date: s.date, by: s.recordedBy, at: s.recordedAt });

export function progressOf(db: Db, c: CaseRow): CaseProgress {
  return caseProgress(STAGES[c.kind], stepRows(db, c.id).map(toEntry), c.outcome === 'withdrawn');
}

export const noticesOf = (db: Db, caseId: string): NoticeRow[] =>
  db.select().from(workflowNotices).where(eq(workflowNotices.caseId, caseId)).orderBy(asc(workflowNotices.recordedAt)).all();
export const objectionsOf = (db: Db, caseId: string): ObjectionRow[] =>
  db.select().from(workflowObjections).where(eq(workflowObjections.caseId, caseId)).orderBy(asc(workflowObjections.recordedAt)).all();
export const signoffsOf = (db: Db, caseId: string): SignoffRow[] =>
  db.select().from(workflowSignoffs).where(eq(workflowSignoffs.caseId, caseId)).orderBy(asc(workflowSignoffs.recordedAt)).all();

/** The prefix of a kind's household events: monitoring and elimination share 'monitoring'. */
export const eventPrefix = (kind: CaseKind): string => (kind === 'elimination' ? 'monitoring' : kind);

export interface LogContext {
  w: Writer;
  db: Db;
  username: string;
  nowIso: string;
}

export function appendStep(
  ctx: LogContext,
  c: CaseRow,
  step: { stage: string; action: 'complete' | 'reopen'; outcome: 'pass' | 'fail' | null; date: string; data?: unknown; summary?: string },
): void {
  const last = ctx.db.select({ seq: workflowSteps.seq }).from(workflowSteps).where(eq(workflowSteps.caseId, c.id)).orderBy(asc(workflowSteps.seq)).all().pop();
  ctx.w.insert(workflowSteps, {
    id: randomUUID(),
    caseId: c.id,
    seq: (last?.seq ?? 0) + 1,
    stage: step.stage,
    action: step.action,
    outcome: step.outcome,
    date: step.date,
    data: step.data ?? null,
    summary: step.summary ?? '',
    recordedBy: ctx.username,
    recordedAt: ctx.nowIso,
  });
}

export function writeEvent(ctx: LogContext, householdId: string, type: string, date: string, detail: Record<string, unknown>): void {
  ctx.w.insert(householdEvents, { id: randomUUID(), householdId, type, date, year: yearOfDate(date), detail, recordedBy: ctx.username, recordedAt: ctx.nowIso });
}

/** Rewrites the case's cached outcome and current stage from its log. */
export function refreshCase(ctx: LogContext, caseId: string): CaseRow {
  const c = caseRow(ctx.db, caseId);
  const p = progressOf(ctx.db, c);
  return ctx.w.update(workflowCases, caseId, { outcome: p.outcome, currentStage: p.current, updatedAt: ctx.nowIso });
}
