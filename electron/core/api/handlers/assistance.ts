import type { HandlersFor, HandlerContext } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { assistanceContract } from '../contract/assistance';
import { actorOf } from '../../services/users';
import { assistanceCatalog } from '../../services/assistance/catalog';
import { readAssistancePolicy, saveAssistancePolicy } from '../../services/assistance/policy-store';
import { deleteUnit, listUnits, saveUnit } from '../../services/assistance/units';
import { deleteCadre, listCadres, saveCadre } from '../../services/assistance/cadres';
import { listTeams, saveTeam } from '../../services/assistance/teams';
import { endPairing, listPairings, pairHousehold } from '../../services/assistance/pairings';
import { householdAssistance } from '../../services/assistance/household';
import { deleteLedgerEntry, deleteMeasure, saveLedgerEntry, saveMeasure, savePlan } from '../../services/assistance/books';
import { deleteBenefit, saveBenefit } from '../../services/assistance/benefits';
import { coverageReport } from '../../services/assistance/coverage';

/** A read without a region means "everything I may see": the caller's own scope. */
const scopeOf = (ctx: HandlerContext, code: string | null | undefined): string => code ?? sessionOf(ctx).scopeCode;
const actor = (ctx: HandlerContext) => actorOf(sessionOf(ctx));

export const assistanceHandlers: HandlersFor<typeof assistanceContract> = {
  'assistance.catalog': (ctx, { year }) => assistanceCatalog(ctx.station, year),
  'assistance.policy': (ctx) => readAssistancePolicy(ctx.station.db),
  'assistance.savePolicy': (ctx, { policy }) => saveAssistancePolicy(ctx.station.db, actor(ctx), policy, ctx.station.clock()),
  'assistance.listUnits': (ctx, { regionCode }) => listUnits(ctx.station, sessionOf(ctx).scopeCode, scopeOf(ctx, regionCode)),
  'assistance.saveUnit': (ctx, input) => saveUnit(ctx.station, actor(ctx), sessionOf(ctx).scopeCode, input),
  'assistance.deleteUnit': (ctx, { id }) => deleteUnit(ctx.station, actor(ctx), id),
  'assistance.listCadres': (ctx, input) => listCadres(ctx.station, sessionOf(ctx).scopeCode, { ...input, regionCode: scopeOf(ctx, input.regionCode) }),
  'assistance.saveCadre': (ctx, input) => saveCadre(ctx.station, actor(ctx), sessionOf(ctx).scopeCode, input),
  'assistance.deleteCadre': (ctx, { id }) => deleteCadre(ctx.station, actor(ctx), id),
  'assistance.listTeams': (ctx, { regionCode }) => listTeams(ctx.station, scopeOf(ctx, regionCode)),
  'assistance.saveTeam': (ctx, input) => saveTeam(ctx.station, actor(ctx), input),
  'assistance.listPairings': (ctx, input) => listPairings(ctx.station, { ...input, regionCode: scopeOf(ctx, input.regionCode) }),
  'assistance.pair': (ctx, input) => pairHousehold(ctx.station, actor(ctx), input),
  'assistance.endPairing': (ctx, input) => endPairing(ctx.station, actor(ctx), input),
  'assistance.household': (ctx, { householdId }) => householdAssistance(ctx.station, householdId),
  'assistance.savePlan': (ctx, input) => savePlan(ctx.station, actor(ctx), input),
  'assistance.saveMeasure': (ctx, input) => saveMeasure(ctx.station, actor(ctx), input),
  'assistance.deleteMeasure': (ctx, { id }) => deleteMeasure(ctx.station, actor(ctx), id),
  'assistance.saveLedgerEntry': (ctx, input) => saveLedgerEntry(ctx.station, actor(ctx), input),
  'assistance.deleteLedgerEntry': (ctx, { id }) => deleteLedgerEntry(ctx.station, actor(ctx), id),
  'assistance.saveBenefit': (ctx, input) => saveBenefit(ctx.station, actor(ctx), input),
  'assistance.deleteBenefit': (ctx, { id }) => deleteBenefit(ctx.station, actor(ctx), id),
  'assistance.coverage': (ctx, { regionCode, asOf }) => coverageReport(ctx.station, scopeOf(ctx, regionCode), asOf),
};
