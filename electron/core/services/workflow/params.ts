// The workflow year parameters as stored, laid over the shipped defaults (like the registry's year
// parameters). Saving is audited; a wrong matrix or list is refused with every reason.
import { eq } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { workflowParams } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { defaultWorkflowParams, workflowParamsProblems, type WorkflowYearParams } from '../../domain/workflow/exit-params';

export function effectiveWorkflowParams(db: Db, year: number): WorkflowYearParams {
  const row = db.select().from(workflowParams).where(eq(workflowParams.year, year)).get();
  return row ? { ...defaultWorkflowParams(year), ...(row.params as Partial<WorkflowYearParams>), year } : defaultWorkflowParams(year);
}

export function workflowParamsView(station: Station, year: number): { params: WorkflowYearParams; stored: boolean } {
  const stored = station.db.select({ year: workflowParams.year }).from(workflowParams).where(eq(workflowParams.year, year)).get() !== undefined;
  return { params: effectiveWorkflowParams(station.db, year), stored };
}

export function saveWorkflowParams(station: Station, actor: Actor, year: number, input: Omit<WorkflowYearParams, 'year' | 'unconfirmed'>) {
  const params: WorkflowYearParams = { ...input, year, unconfirmed: [] };
  const problems = workflowParamsProblems(params);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `年度退出参数有误，未保存：${problems.join('；')}`);
  const nowIso = station.clock().toISOString();
  runWrite(station.db, actor, { action: 'workflow.params.save', entity: 'workflow_params', entityId: String(year) }, (w) => {
    const existing = station.db.select().from(workflowParams).where(eq(workflowParams.year, year)).get();
    if (existing) w.update(workflowParams, year, { params, updatedAt: nowIso });
    else w.insert(workflowParams, { year, params, updatedAt: nowIso });
  });
  return workflowParamsView(station, year);
}
