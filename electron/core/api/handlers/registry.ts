import type { HandlersFor } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { registryContract } from '../contract/registry';
import { getHouseholdDetail, regionTree, searchHouseholds } from '../../services/registry/households-read';
import { saveHousehold, validateHouseholdForm } from '../../services/registry/households-write';
import { listDuplicates, listFindings, qualitySummary, runQuality } from '../../services/registry/quality-run';
import { effectiveCodeTables } from '../../services/registry/reference-data';
import { CODE_FIELDS, codeTable, type CodeField } from '../../domain/registry/code-tables';
import { actorOf } from '../../services/users';
import { saveVillageForm, villageForm } from '../../services/registry/village-records';
import { villageStatusSummary } from '../../services/registry/village-status';

/** A read without a region means "everything I may see": the caller's own scope. */
const scopeOf = (ctx: Parameters<HandlersFor<typeof registryContract>['registry.tree']>[0], code: string | null | undefined): string =>
  code ?? sessionOf(ctx).scopeCode;

export const registryHandlers: HandlersFor<typeof registryContract> = {
  'registry.tree': (ctx, { parentCode }) => regionTree(ctx.station.db, scopeOf(ctx, parentCode)),
  'registry.village': (ctx, { regionCode }) => villageForm(ctx.station.db, regionCode, ctx.station.clock()),
  'registry.villageStatus': (ctx, { regionCode, date }) => villageStatusSummary(ctx.station, regionCode, date),
  'registry.saveVillage': (ctx, { regionCode, fields }) => saveVillageForm(ctx.station.db, actorOf(sessionOf(ctx)), regionCode, fields, ctx.station.clock()),
  'registry.searchHouseholds': (ctx, input) => searchHouseholds(ctx.station.db, { ...input, regionCode: scopeOf(ctx, input.regionCode) }),
  'registry.getHousehold': (ctx, { id }) => getHouseholdDetail(ctx.station.db, id),
  'registry.validateHousehold': (ctx, input) => validateHouseholdForm(ctx.station, input),
  'registry.saveHousehold': (ctx, input) => saveHousehold(ctx.station, actorOf(sessionOf(ctx)), input),
  'registry.codeTables': (ctx, { year }) => {
    const tables = effectiveCodeTables(ctx.station.db);
    const out: Record<string, { code: string; label: string; unconfirmed?: boolean }[]> = {};
    for (const field of Object.keys(CODE_FIELDS) as CodeField[]) {
      out[field] = codeTable(field, year, tables).map((e) => ({ code: e.code, label: e.label, ...(e.unconfirmed ? { unconfirmed: true } : {}) }));
    }
    return out;
  },
  'quality.run': (ctx, { regionCode }) => runQuality(ctx.station, actorOf(sessionOf(ctx)), scopeOf(ctx, regionCode)),
  'quality.summary': (ctx, { regionCode }) => qualitySummary(ctx.station, scopeOf(ctx, regionCode)),
  'quality.findings': (ctx, { regionCode, ruleCode, offset, limit }) => listFindings(ctx.station, scopeOf(ctx, regionCode), ruleCode, offset, limit),
  'quality.duplicates': (ctx, { regionCode }) => listDuplicates(ctx.station, scopeOf(ctx, regionCode)),
};
