import type { Db } from '../../db/connection';
import { runQualityRules, QUALITY_RULES } from '../../domain/registry/quality';
import type { Finding } from '../../domain/registry/quality';
import { emptyRecord, CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS } from '../../domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { FindingView } from '../../api/contract/registry';
import type { CodeTableDefinition } from '../../domain/registry/code-tables';
import type { YearParams } from '../../domain/registry/year-params';
import { effectiveCodeTables, effectiveYearParams } from './reference-data';

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
    asOf: now.toISOString().slice(0, 10),
  };
}

/** Fills every field the form left out with null (or [] for multi-valued codes). */
export function completeForm(form: HouseholdForm): HouseholdForm {
  return {
    household: emptyRecord<HouseholdRecord>(HOUSEHOLD_FIELDS, { otherCauses: [], relocation: null, ...stripUndefined(form.household) }),
    members: form.members.map((m) => ({ personId: m.personId, record: emptyRecord<PersonRecord>(PERSON_FIELDS, { health: [], ...stripUndefined(m.record) }) })),
    conditions: form.conditions ? emptyRecord<ConditionsRecord>(CONDITIONS_FIELDS, stripUndefined(form.conditions)) : null,
    income: form.income ? emptyRecord<IncomeRecord>(INCOME_FIELDS, stripUndefined(form.income)) : null,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
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
