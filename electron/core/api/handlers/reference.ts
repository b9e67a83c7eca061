import type { HandlersFor } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { referenceContract } from '../contract/reference';
import { codeTableView, saveCode, saveYearParams, yearParamsView } from '../../services/registry/reference-edit';
import { actorOf } from '../../services/users';

export const referenceHandlers: HandlersFor<typeof referenceContract> = {
  'reference.yearParams': ({ station }, { year }) => yearParamsView(station, year),
  'reference.saveYearParams': (ctx, { year, params }) => saveYearParams(ctx.station, actorOf(sessionOf(ctx)), year, params),
  'reference.codeTable': ({ station }, { field, year }) => codeTableView(station, field, year),
  'reference.saveCode': (ctx, input) => saveCode(ctx.station, actorOf(sessionOf(ctx)), input),
};
