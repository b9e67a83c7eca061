import type { Db } from '../../db/connection';
import { runQualityRules, QUALITY_RULES } from '../../domain/registry/quality';
import type { Finding } from '../../domain/registry/quality';
import { CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS, type FieldSpec } from '../../domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { FindingView } from '../../api/contract/registry';
import type { CodeTableDefinition } from '../../domain/registry/code-tables';
import type { YearParams } from '../../domain/registry/year-params';
import { effectiveCodeTables, effectiveYearParams } from './reference-data';
import { isoDay } from '../../domain/workflow/dates';

export interface HouseholdForm {
  household: HouseholdRecord;
  members: { personId: string | null; record: PersonRecord }[];
  conditions: ConditionsRecord | null;
  income: IncomeRecord | null;
}

/** Rule inputs that do not change from one household to the next within a run. */
export interface RuleEnvironment {
  tables: readonly CodeTableDefinition[];
  paramsOf(year: number): YearParams;
  asOf: string;
}

export function ruleEnvironment(db: Db, now: Date): RuleEnvironment {
  const cache = new Map<number, YearParams>();
  return {
    tables: effectiveCodeTables(db),
    paramsOf(year) {
      let p = cache.get(year);
      if (!p) cache.set(year, (p = effectiveYearParams(db, year)));
      return p;
    },
    asOf: isoDay(now),
  };
}

/** Fills every field the form left out with null (or [] for multi-valued codes). */
export function completeForm(form: HouseholdForm): HouseholdForm {
  return {
    household: completeRecord<HouseholdRecord>(HOUSEHOLD_FIELDS, form.household, HOUSEHOLD_DEFAULTS),
    members: form.members.map((m) => ({ personId: m.personId, record: completeRecord<PersonRecord>(PERSON_FIELDS, m.record, PERSON_DEFAULTS) })),
    conditions: form.conditions ? completeRecord<ConditionsRecord>(CONDITIONS_FIELDS, form.conditions, NO_DEFAULTS) : null,
    income: form.income ? completeRecord<IncomeRecord>(INCOME_FIELDS, form.income, NO_DEFAULTS) : null,
  };
}

type Defaults = Readonly<Record<string, () => unknown>>;
const HOUSEHOLD_DEFAULTS: Defaults = { otherCauses: () => [], relocation: () => null };
const PERSON_DEFAULTS: Defaults = { health: () => [] };
const NO_DEFAULTS: Defaults = {};
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * emptyRecord(specs, { ...defaults, ...record without its undefined fields }) in one pass: the
 * same keys in the same order (the specs' first, then the record's others), so the stored JSON
 * is unchanged. A county import completes 200 000 records, and the entries/fromEntries/spread
 * chain built four throwaway copies of each.
 */
function completeRecord<R>(specs: readonly FieldSpec[], record: object, defaults: Defaults): R {
  const src = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const v = own(src, s.key) ? src[s.key] : undefined;
    out[s.key] = v !== undefined ? v : own(defaults, s.key) ? defaults[s.key]!() : s.kind === 'codes' ? [] : null;
  }
  for (const k in defaults) {
    if (own(out, k)) continue;
    const v = own(src, k) ? src[k] : undefined;
    out[k] = v !== undefined ? v : defaults[k]!();
  }
  for (const k of Object.keys(src)) {
    if (own(out, k)) continue;
    const v = src[k];
    if (v !== undefined) out[k] = v;
  }
  return out as R;
}

/** Runs the national catalogue over one household; person findings name the member by id and position. */
export function evaluateHousehold(form: HouseholdForm, env: RuleEnvironment, extra: { helperCount?: number } = {}): FindingView[] {
  const year = form.household.dataYear;
  const findings: Finding[] = runQualityRules({
    household: form.household,
    members: form.members.map((m) => m.record),
    conditions: form.conditions,
    income: form.income,
    year,
    params: env.paramsOf(year),
    asOf: env.asOf,
    tables: env.tables,
    ...(extra.helperCount === undefined ? {} : { helpers: { count: extra.helperCount } }),
  });
  return findings.map((f) => ({
    ruleCode: f.ruleCode,
    severity: f.severity,
    message: f.message,
    entity: f.entity,
    personId: f.personIndex === undefined ? null : (form.members[f.personIndex]?.personId ?? null),
    personIndex: f.personIndex ?? null,
    field: f.field,
  }));
}

export const ruleTitle = (code: string): string => QUALITY_RULES.find((r) => r.code === code)?.title ?? code;
