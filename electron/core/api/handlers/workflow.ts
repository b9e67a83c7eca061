import type { HandlersFor, HandlerContext } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { workflowContract } from '../contract/workflow';
import { actorOf } from '../../services/users';
import { workflowActorOf } from '../../services/workflow/access';
import { listCases } from '../../services/workflow/case-list';
import { caseDetail } from '../../services/workflow/case-view';
import { openIdentification } from '../../services/workflow/open-cases';
import { completeStep, runCheck, withdrawCase } from '../../services/workflow/steps';
import { addNotice, addObjection, sign } from '../../services/workflow/notices-write';
import { addToCohort, cohortDetail, createCohort, listCohorts } from '../../services/workflow/cohorts';
import { exitCheckFor, householdRow } from '../../services/workflow/facts';
import { countyExit, villageExit } from '../../services/workflow/area-exits';
import { listMonitoring, openElimination, openMonitoring } from '../../services/workflow/monitoring';
import { correctStatus, removeHousehold, statusView } from '../../services/workflow/household-status';
import { regionFlows } from '../../services/workflow/flows';
import { closeYear, listYearCloses } from '../../services/workflow/year-close';
import { saveWorkflowParams, workflowParamsView } from '../../services/workflow/params';
import { AppError } from '../errors';

/** A read without a region means "everything I may see": the caller's own scope. */
const scopeOf = (ctx: HandlerContext, code: string | null | undefined): string => code ?? sessionOf(ctx).scopeCode;
const who = (ctx: HandlerContext) => workflowActorOf(sessionOf(ctx));

export const workflowHandlers: HandlersFor<typeof workflowContract> = {
  'workflow.cases': (ctx, { regionCode, ...filter }) => listCases(ctx.station, { ...filter, scope: scopeOf(ctx, regionCode) }),
  'workflow.case': (ctx, { id }) => caseDetail(ctx.station, who(ctx), id),
  'workflow.openIdentification': (ctx, input) => openIdentification(ctx.station, who(ctx), input),
  'workflow.completeStep': (ctx, input) => completeStep(ctx.station, who(ctx), input),
  'workflow.withdraw': (ctx, { caseId, reason }) => withdrawCase(ctx.station, who(ctx), caseId, reason),
  'workflow.addNotice': (ctx, input) => addNotice(ctx.station, who(ctx), input),
  'workflow.addObjection': (ctx, input) => addObjection(ctx.station, who(ctx), input),
  'workflow.sign': (ctx, input) => sign(ctx.station, who(ctx), input),
  'workflow.cohorts': (ctx, { regionCode }) => listCohorts(ctx.station, scopeOf(ctx, regionCode)),
  'workflow.createCohort': (ctx, { year, name }) => createCohort(ctx.station, who(ctx), year, name),
  'workflow.cohort': (ctx, { id, regionCode }) => cohortDetail(ctx.station, id, scopeOf(ctx, regionCode)),
  'workflow.addToCohort': (ctx, input) => addToCohort(ctx.station, who(ctx), input),
  'workflow.runCheck': (ctx, { caseId, date }) => runCheck(ctx.station, who(ctx), caseId, date),
  'workflow.exitCheck': (ctx, { householdId, year }) => exitCheckFor(ctx.station.db, householdRow(ctx.station.db, householdId), year),
  'workflow.villageExit': (ctx, { regionCode, year }) => villageExit(ctx.station, regionCode, year),
  'workflow.countyExit': (ctx, { year, ...assessment }) => countyExit(ctx.station, sessionOf(ctx).scopeCode, year, assessment),
  'workflow.monitoring': (ctx, { regionCode, householdId, offset, limit }) => listMonitoring(ctx.station, scopeOf(ctx, regionCode), householdId, offset, limit),
  'workflow.openMonitoring': (ctx, input) => openMonitoring(ctx.station, who(ctx), input),
  'workflow.openElimination': (ctx, input) => openElimination(ctx.station, who(ctx), input),
  'workflow.removeHousehold': (ctx, input) => removeHousehold(ctx.station, who(ctx), input),
  'workflow.correctStatus': (ctx, input) => correctStatus(ctx.station, who(ctx), input),
  'workflow.statusOn': (ctx, { householdId, date }) => statusView(ctx.station, householdId, date),
  'workflow.flows': (ctx, { regionCode, fromYear, toYear }) => {
    if (toYear < fromYear) throw new AppError('INVALID_INPUT', `截止年度（${toYear}）不能早于起始年度（${fromYear}）`);
    if (toYear - fromYear > 20) throw new AppError('INVALID_INPUT', '逐年进出动态一次最多查询 20 个年度');
    return regionFlows(ctx.station.db, regionCode, fromYear, toYear);
  },
  'workflow.yearCloses': (ctx) => listYearCloses(ctx.station),
  'workflow.closeYear': (ctx, { year }) => closeYear(ctx.station, who(ctx), year),
  'workflow.params': (ctx, { year }) => workflowParamsView(ctx.station, year),
  'workflow.saveParams': (ctx, { year, params }) => saveWorkflowParams(ctx.station, actorOf(sessionOf(ctx)), year, params),
};
