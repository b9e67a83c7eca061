// Facts about a member that several rules need, each read from the most reliable source: the ID
// number first (it is checked and cannot drift), the recorded field second.
import { ageOn, idInfoOf } from './id-number';
import { groupOf, type CodeTableDefinition } from './code-tables';
import type { PersonRecord } from './types';

/** 'YYYY-MM-DD' from the ID number, else as recorded, else null. */
export function birthDateOfPerson(p: PersonRecord): string | null {
  return idInfoOf(p.idNumber)?.birthDate ?? p.birthDate ?? null;
}

/**
 * '1' 男 / '2' 女 from the ID's 17th digit (the national checks compare sexes "per ID"), else the
 * recorded 性别 when it is 1 or 2, else null.
 */
export function sexOfPerson(p: PersonRecord): '1' | '2' | null {
  const fromId = idInfoOf(p.idNumber)?.sex;
  if (fromId) return fromId;
  return p.sex === '1' || p.sex === '2' ? p.sex : null;
}

/** Full years on `asOf`, or null when no birth date is known. */
export function ageOfPerson(p: PersonRecord, asOf: string): number | null {
  const birth = birthDateOfPerson(p);
  return birth === null ? null : ageOn(birth, asOf);
}

export function healthGroups(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): string[] {
  return p.health.map((code) => groupOf('health', code, year, tables) ?? 'unknown');
}

// The predicates below walk p.health directly instead of building healthGroups' array: a county
// import asks them half a dozen times per person. An unknown code counts as group 'unknown'.
const healthGroupAt = (p: PersonRecord, k: number, year: number, tables?: readonly CodeTableDefinition[]): string =>
  groupOf('health', p.health[k], year, tables) ?? 'unknown';

function anyHealthGroup(p: PersonRecord, year: number, tables: readonly CodeTableDefinition[] | undefined, test: (group: string) => boolean): boolean {
  for (let k = 0; k < p.health.length; k++) if (test(healthGroupAt(p, k, year, tables))) return true;
  return false;
}

const notHealthy = (g: string): boolean => g !== 'healthy';
const disabled = (g: string): boolean => g === 'disabled';
const sick = (g: string): boolean => g === 'chronic' || g === 'serious';

/** Any recorded health value other than 健康. */
export function isUnhealthy(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return anyHealthGroup(p, year, tables, notHealthy);
}

/** Recorded as 健康 and nothing else. */
export function isHealthy(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return p.health.length > 0 && !anyHealthGroup(p, year, tables, notHealthy);
}

export function isDisabled(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return anyHealthGroup(p, year, tables, disabled);
}

/** Long-term or serious illness (disability alone is not illness). */
export function isSick(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return anyHealthGroup(p, year, tables, sick);
}

/**
 * A student: 在校生状况 filled with a schooling value. 非在校生 (2014–2018) and 学龄前儿童 (2019+)
 * are values of the field but mean "not in school".
 */
export function isStudent(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  if (!filled(p.studentStatus)) return false;
  const g = groupOf('studentStatus', p.studentStatus, year, tables);
  return g !== 'notStudent' && g !== 'preschoolChild';
}

/** 在校生状况 filled with something other than 非在校生 — what "filled" means for the exactly-one rule. */
export function hasStudentStatus(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return filled(p.studentStatus) && groupOf('studentStatus', p.studentStatus, year, tables) !== 'notStudent';
}

/** 劳动技能 counts towards 劳动力人数 (§1.2 #5): 普通, 技能, 弱劳动力或半劳动力. */
export function isLabourer(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return groupOf('labourSkill', p.labourSkill, year, tables) === 'labourer';
}

/** 丧失劳动力 or 无劳动力. */
export function hasNoLabourCapacity(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return groupOf('labourSkill', p.labourSkill, year, tables) === 'noCapacity';
}

/**
 * Has a migrant-work record: months away, a work place, or (2014–2016) a 务工状况. The national
 * checks ask this both of people without labour capacity and against 工资性收入.
 */
export function hasMigrantWork(p: PersonRecord): boolean {
  return (p.migrantMonths ?? 0) > 0 || filled(p.migrantPlace) || filled(p.migrantStatus);
}

/** Earns a wage: migrant work or a 公益性岗位 (whose pay is 工资性收入 too). */
export function isWageEarner(p: PersonRecord): boolean {
  return hasMigrantWork(p) || (p.publicWelfareJobMonths ?? 0) > 0;
}

/** Left the household this year (死亡, 嫁出 …): kept on the form for history, not counted. */
export function hasLeft(p: PersonRecord, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return groupOf('memberChange', p.changeReason, year, tables) === 'out';
}

export function filled(value: string | null | undefined): value is string {
  return value != null && value.trim() !== '';
}
