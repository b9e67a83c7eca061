// Codes that are not in the year's code table: usually data imported from another form version,
// or a typo. A warning, not an error, because administrators may still be editing the [U] tables.
import { CODE_FIELDS, isKnownCode, type CodeField } from '../code-tables';
import { filled } from '../person-facts';
import type { ConditionsRecord, HouseholdRecord, PersonRecord } from '../types';
import { currentMembers, defineRule, entityFinding, householdFinding, personFinding } from './helpers';
import type { Finding, QualityRule } from './types';

const HOUSEHOLD_CODES: readonly [keyof HouseholdRecord, CodeField][] = [
  ['identificationStandard', 'identificationStandard'],
  ['attribute', 'attribute'],
  ['mainCause', 'cause'],
  ['exitStatus', 'exitStatus'],
  ['householdType', 'householdType'],
];

const PERSON_CODES: readonly [keyof PersonRecord, CodeField][] = [
  ['sex', 'sex'],
  ['idType', 'idType'],
  ['relationship', 'relationship'],
  ['ethnicity', 'ethnicity'],
  ['politicalStatus', 'politicalStatus'],
  ['education', 'education'],
  ['studentStatus', 'studentStatus'],
  ['dropoutReason', 'dropoutReason'],
  ['disabilityCategory', 'disabilityCategory'],
  ['disabilityGrade', 'disabilityGrade'],
  ['labourSkill', 'labourSkill'],
  ['migrantStatus', 'migrantStatus'],
];

const CONDITION_CODES: readonly [keyof ConditionsRecord, CodeField][] = [
  ['roadType', 'roadType'],
  ['housingStructure', 'housingStructure'],
  ['dilapidationGrade', 'dilapidationGrade'],
  ['fuelType', 'fuel'],
];

const message = (field: CodeField, code: string, year: number): string =>
  `${CODE_FIELDS[field]}：代码“${code}”不在${year}年度的代码表中`;

export const CODE_RULES: QualityRule[] = [
  defineRule({ code: 'Q-CODE-01', severity: 'warning', title: '代码不在当年代码表中', catalogueItem: 3 }, (ctx, rule) => {
    const { year, tables, household } = ctx;
    const out: Finding[] = [];
    const unknown = (field: CodeField, code: unknown): code is string =>
      typeof code === 'string' && filled(code) && !isKnownCode(field, code, year, tables);
    for (const [key, field] of HOUSEHOLD_CODES) {
      const code = household[key];
      if (unknown(field, code)) out.push(householdFinding(rule, key, message(field, code, year)));
    }
    for (const code of household.otherCauses) {
      if (unknown('cause', code)) out.push(householdFinding(rule, 'otherCauses', message('cause', code, year)));
    }
    for (const { p, i } of currentMembers(ctx)) {
      for (const [key, field] of PERSON_CODES) {
        const code = p[key];
        if (unknown(field, code)) out.push(personFinding(rule, i, key, message(field, code, year)));
      }
      for (const code of p.health) {
        if (unknown('health', code)) out.push(personFinding(rule, i, 'health', message('health', code, year)));
      }
    }
    if (ctx.conditions) {
      for (const [key, field] of CONDITION_CODES) {
        const code = ctx.conditions[key];
        if (unknown(field, code)) out.push(entityFinding(rule, 'conditions', key, message(field, code, year)));
      }
    }
    return out;
  }),
];
