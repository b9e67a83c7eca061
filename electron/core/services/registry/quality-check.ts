import type { Db } from '../../db/connection';
import { runQualityRules, QUALITY_RULES } from '../../domain/registry/quality';
import type { Finding, QualityContext } from '../../domain/registry/quality';
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
    household: COMPLETE_HOUSEHOLD<HouseholdRecord>(form.household),
    members: form.members.map((m) => ({ personId: m.personId, record: COMPLETE_PERSON<PersonRecord>(m.record) })),
    conditions: form.conditions ? COMPLETE_CONDITIONS<ConditionsRecord>(form.conditions) : null,
    income: form.income ? COMPLETE_INCOME<IncomeRecord>(form.income) : null,
  };
}

type Defaults = Readonly<Record<string, () => unknown>>;
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** What an absent field becomes: its default's value, a fresh [] (multi-valued codes) or null. */
type Fill = 'null' | 'list' | 'default';

/**
 * emptyRecord(specs, { ...defaults, ...record without its undefined fields }) in one pass: the
 * same keys in the same order (the specs' first, then the defaults' others, then the record's
 * others), so the stored JSON is unchanged. A county import completes 200 000 records: each
 * starts as a copy of a template that already has every key in that order, so filling it only
 * overwrites values, and the object never changes shape field by field on the way.
 */
function recordCompleter(specs: readonly FieldSpec[], defaults: Defaults): <R>(record: object) => R {
  const keys: string[] = [];
  const fills: Fill[] = [];
  const add = (key: string, fill: Fill): void => {
    if (keys.includes(key)) return;
    keys.push(key);
    fills.push(fill);
  };
  for (const s of specs) add(s.key, own(defaults, s.key) ? 'default' : s.kind === 'codes' ? 'list' : 'null');
  for (const k in defaults) add(k, 'default');
  const template: Record<string, unknown> = {};
  for (const k of keys) template[k] = null;
  const known = new Set(keys);
  return <R>(record: object): R => {
    const src = record as Record<string, unknown>;
    const out: Record<string, unknown> = { ...template };
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      const v = own(src, k) ? src[k] : undefined;
      if (v !== undefined) out[k] = v;
      else if (fills[j] === 'list') out[k] = [];
      else if (fills[j] === 'default') out[k] = defaults[k]!();
    }
    for (const k in src) {
      if (known.has(k) || !own(src, k)) continue;
      const v = src[k];
      if (v !== undefined) out[k] = v;
    }
    return out as R;
  };
}

const COMPLETE_HOUSEHOLD = recordCompleter(HOUSEHOLD_FIELDS, { otherCauses: () => [], relocation: () => null });
const COMPLETE_PERSON = recordCompleter(PERSON_FIELDS, { health: () => [] });
const COMPLETE_CONDITIONS = recordCompleter(CONDITIONS_FIELDS, {});
const COMPLETE_INCOME = recordCompleter(INCOME_FIELDS, {});

/** Runs the national catalogue over one household; person findings name the member by id and position. */
export function evaluateHousehold(form: HouseholdForm, env: RuleEnvironment, extra: { helperCount?: number } = {}): FindingView[] {
  const year = form.household.dataYear;
  const ctx: QualityContext = {
    household: form.household,
    members: form.members.map((m) => m.record),
    conditions: form.conditions,
    income: form.income,
    year,
    params: env.paramsOf(year),
    asOf: env.asOf,
    tables: env.tables,
  };
  if (extra.helperCount !== undefined) ctx.helpers = { count: extra.helperCount };
  const findings: Finding[] = runQualityRules(ctx);
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
