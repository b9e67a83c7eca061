// Relationship, sex and size consistency inside one household (domain.md §1.2 #4–5, §1.4.1).
// These are the checks a clerk sees while editing a household; the quality rules reuse them.
import { groupOf, labelOf, type CodeTableDefinition } from './code-tables';
import { isLabourer, sexOfPerson } from './person-facts';
import type { HouseholdRecord, PersonRecord } from './types';

export type ConsistencyKind =
  | 'noHead'
  | 'multipleHeads'
  | 'multipleSpouses'
  | 'spouseSameSex'
  | 'relationshipSex'
  | 'sizeMismatch'
  | 'labourerCountMismatch';

export interface ConsistencyIssue {
  kind: ConsistencyKind;
  message: string;
  /** Index into `members` of the member concerned, when one is */
  personIndex?: number;
}

const SEX_LABEL = { '1': '男', '2': '女' } as const;

/** Indexes of the members whose 与户主关系 is 户主. */
export function headIndexes(members: readonly PersonRecord[], year: number, tables?: readonly CodeTableDefinition[]): number[] {
  return indexesOfGroup(members, 'head', year, tables);
}

export function spouseIndexes(members: readonly PersonRecord[], year: number, tables?: readonly CodeTableDefinition[]): number[] {
  return indexesOfGroup(members, 'spouse', year, tables);
}

function indexesOfGroup(members: readonly PersonRecord[], group: string, year: number, tables?: readonly CodeTableDefinition[]): number[] {
  const out: number[] = [];
  members.forEach((m, i) => {
    if (groupOf('relationship', m.relationship, year, tables) === group) out.push(i);
  });
  return out;
}

/** The sex a relationship implies (之子 男, 之母 女 …), or null when it implies none (户主, 配偶, 其他). */
export function impliedSexOfRelationship(code: string | null, year: number, tables?: readonly CodeTableDefinition[]): '1' | '2' | null {
  const g = groupOf('relationship', code, year, tables);
  return g === 'male' ? '1' : g === 'female' ? '2' : null;
}

/** 劳动力人数 derived from 劳动技能 (§1.2 #5). */
export function derivedLabourerCount(members: readonly PersonRecord[], year: number, tables?: readonly CodeTableDefinition[]): number {
  return members.filter((m) => isLabourer(m, year, tables)).length;
}

export function checkHeads(members: readonly PersonRecord[], year: number, tables?: readonly CodeTableDefinition[]): ConsistencyIssue[] {
  const heads = headIndexes(members, year, tables);
  if (members.length > 0 && heads.length === 0) return [{ kind: 'noHead', message: '与户主关系：户内没有户主，每户必须有且只有一名户主' }];
  if (heads.length > 1) {
    return heads.slice(1).map((i) => ({
      kind: 'multipleHeads' as const,
      message: `与户主关系：户内有${heads.length}名户主，每户只能有一名户主`,
      personIndex: i,
    }));
  }
  return [];
}

export function checkSpouses(members: readonly PersonRecord[], year: number, tables?: readonly CodeTableDefinition[]): ConsistencyIssue[] {
  const spouses = spouseIndexes(members, year, tables);
  const issues: ConsistencyIssue[] = spouses.slice(1).map((i) => ({
    kind: 'multipleSpouses' as const,
    message: `与户主关系：户内有${spouses.length}名配偶，最多只能有一名配偶`,
    personIndex: i,
  }));
  const heads = headIndexes(members, year, tables);
  if (heads.length === 1) {
    const headSex = sexOfPerson(members[heads[0]!]!);
    for (const i of spouses) {
      const sex = sexOfPerson(members[i]!);
      if (headSex !== null && sex === headSex) {
        issues.push({ kind: 'spouseSameSex', message: `性别：配偶与户主性别相同（均为${SEX_LABEL[sex]}，按证件号码第17位）`, personIndex: i });
      }
    }
  }
  return issues;
}

export function checkRelationshipSex(members: readonly PersonRecord[], year: number, tables?: readonly CodeTableDefinition[]): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  members.forEach((m, i) => {
    const implied = impliedSexOfRelationship(m.relationship, year, tables);
    const sex = sexOfPerson(m);
    if (implied !== null && sex !== null && implied !== sex) {
      const rel = labelOf('relationship', m.relationship, year, tables) ?? m.relationship;
      issues.push({
        kind: 'relationshipSex',
        message: `与户主关系：“${rel}”应为${SEX_LABEL[implied]}性，但性别为${SEX_LABEL[sex]}`,
        personIndex: i,
      });
    }
  });
  return issues;
}

export function checkHouseholdSize(household: HouseholdRecord, members: readonly PersonRecord[]): ConsistencyIssue[] {
  if (household.householdSize === null || household.householdSize === members.length) return [];
  return [
    {
      kind: 'sizeMismatch',
      message: `家庭人口数：填写为${household.householdSize}人，但家庭成员有${members.length}人，二者应相等`,
    },
  ];
}

export function checkLabourerCount(
  household: HouseholdRecord,
  members: readonly PersonRecord[],
  year: number,
  tables?: readonly CodeTableDefinition[],
): ConsistencyIssue[] {
  const derived = derivedLabourerCount(members, year, tables);
  if (household.labourerCount === null || household.labourerCount === derived) return [];
  return [
    {
      kind: 'labourerCountMismatch',
      message: `劳动力人数：填写为${household.labourerCount}人，按成员劳动技能应为${derived}人`,
    },
  ];
}

/** Every consistency issue of a household, in a stable order. `members` are the current members. */
export function checkHouseholdConsistency(
  household: HouseholdRecord,
  members: readonly PersonRecord[],
  year: number = household.dataYear,
  tables?: readonly CodeTableDefinition[],
): ConsistencyIssue[] {
  return [
    ...checkHeads(members, year, tables),
    ...checkSpouses(members, year, tables),
    ...checkRelationshipSex(members, year, tables),
    ...checkHouseholdSize(household, members),
    ...checkLabourerCount(household, members, year, tables),
  ];
}
