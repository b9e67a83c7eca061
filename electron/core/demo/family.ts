// Who lives in a demo household: the family's shape, each member's relationship to the head, sex,
// name and birth date. Shapes follow rural 会宁 in the 2010s: mostly couples with two or three
// children, many three-generation homes, and old people living alone or as a couple.
//
// Every rule the national checks apply to a household's structure holds by construction: one
// 户主, at most one 配偶 of the other sex, relationships that imply a sex have it, parents are
// 18+ years older than their children, and couples carry different surnames.
import { differentSurname, givenName, siblingGivenName } from './names';
import { clamp, weightedTable, type Random, type WeightedTable } from './random';

export type Sex = '1' | '2';

export type FamilyType =
  | 'singleElder'
  | 'singleAdult'
  | 'elderCouple'
  | 'youngCouple'
  | 'nuclear'
  | 'withParents'
  | 'threeGenerations'
  | 'singleParent';

/** Shares of household shapes among registered households (mean size ≈ 4.3). */
export const FAMILY_TYPE_WEIGHTS: readonly (readonly [FamilyType, number])[] = [
  ['singleElder', 5.5],
  ['singleAdult', 1.2],
  ['elderCouple', 6],
  ['youngCouple', 1],
  ['nuclear', 48.5],
  ['withParents', 15],
  ['threeGenerations', 17.8],
  ['singleParent', 5],
];

export type Role = 'head' | 'spouse' | 'child' | 'childSpouse' | 'grandchild' | 'parent';

export interface DraftMember {
  /** 与户主关系 code */
  relationship: string;
  role: Role;
  sex: Sex;
  surname: string;
  givenName: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  birthYear: number;
  /** Year a spouse married into the household (a 儿媳 or 女婿), else null */
  marriedInYear: number | null;
}

export interface FamilyContext {
  random: Random;
  surnames: WeightedTable<string>;
  /** Reference year: ages are counted at its end (the data year of the records). */
  year: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A random calendar day of `year` as 'YYYY-MM-DD'. */
export function dayIn(random: Random, year: number, fromMonth = 1, toMonth = 12): string {
  const month = random.int(fromMonth, toMonth);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  const day = random.int(1, days);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CHILD_REL: Record<Sex, string> = { '1': '03', '2': '04' };
const GRANDCHILD_REL: Record<Sex, string> = { '1': '07', '2': '08' };
const DAUGHTERS_CHILD_REL: Record<Sex, string> = { '1': '09', '2': '10' };
const PARENT_REL: Record<Sex, string> = { '1': '11', '2': '12' };

const other = (sex: Sex): Sex => (sex === '1' ? '2' : '1');

function member(
  ctx: FamilyContext,
  relationship: string,
  role: Role,
  sex: Sex,
  surname: string,
  birthYear: number,
  given?: string,
): DraftMember {
  return {
    relationship,
    role,
    sex,
    surname,
    givenName: given ?? givenName(ctx.random, sex, birthYear),
    birthDate: dayIn(ctx.random, birthYear),
    birthYear,
    marriedInYear: null,
  };
}

/** Husband's age minus wife's: usually 0–4 years, sometimes the wife is a little older. */
const AGE_GAP = weightedTable([[-1, 1], [0, 3], [1, 4], [2, 4], [3, 3], [4, 2], [5, 1], [7, 0.5]] as const);
/** Years between siblings. */
const BIRTH_SPACING = weightedTable([[1, 1], [2, 4], [3, 4], [4, 2], [5, 1]] as const);

function wifeBirthYear(ctx: FamilyContext, husbandBirthYear: number): number {
  return husbandBirthYear + AGE_GAP.draw(ctx.random);
}

/**
 * Children of a mother born in `motherBirthYear` (or of a father alone): births from her early
 * twenties, one to five years apart; grown daughters have mostly married out and grown sons often
 * keep their own household, so older families list fewer children at home.
 */
function children(ctx: FamilyContext, surname: string, motherBirthYear: number, planned: number, keepGrown: boolean): DraftMember[] {
  const { random, year } = ctx;
  const out: DraftMember[] = [];
  let birthYear = motherBirthYear + random.int(20, 27);
  let elderName: string | null = null;
  const usedNames = new Set<string>();
  for (let k = 0; k < planned; k++) {
    if (k > 0) birthYear += BIRTH_SPACING.draw(random);
    if (birthYear > year || birthYear - motherBirthYear > 42) break;
    const sex: Sex = random.chance(0.53) ? '1' : '2';
    const age = year - birthYear;
    if (!keepGrown) {
      if (sex === '2' && age > 23 && random.chance(0.8)) continue;
      if (sex === '1' && age > 28 && random.chance(0.6)) continue;
    }
    let name = siblingGivenName(random, sex, birthYear, elderName);
    for (let i = 0; i < 5 && usedNames.has(name); i++) name = givenName(random, sex, birthYear);
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    elderName = name;
    out.push(member(ctx, CHILD_REL[sex], 'child', sex, surname, birthYear, name));
  }
  return out;
}

const plannedChildren = (random: Random): number => random.weighted([[1, 9], [2, 35], [3, 37], [4, 19]] as const);

/**
 * Head + wife, the wife from another lineage. Both were married when the household was
 * registered, so both are adults of at least 26 in the data year (20 in 2014).
 */
function couple(ctx: FamilyContext, headBirthYear: number): DraftMember[] {
  const surname = ctx.surnames.draw(ctx.random);
  const head = member(ctx, '01', 'head', '1', surname, headBirthYear);
  const wifeBirth = Math.min(wifeBirthYear(ctx, headBirthYear), ctx.year - 26);
  const wife = member(ctx, '02', 'spouse', '2', differentSurname(ctx.random, ctx.surnames, surname), wifeBirth);
  return [head, wife];
}

function singleElder(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const sex: Sex = random.chance(0.58) ? '2' : '1';
  const age = Math.round(clamp(random.normal(74, 7), 62, 93));
  return [member(ctx, '01', 'head', sex, ctx.surnames.draw(random), year - age)];
}

/** A man (rarely a woman) of working age living alone: often unmarried, often ill or disabled. */
function singleAdult(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const sex: Sex = random.chance(0.85) ? '1' : '2';
  return [member(ctx, '01', 'head', sex, ctx.surnames.draw(random), year - random.int(30, 59))];
}

function elderCouple(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const headAge = Math.round(clamp(random.normal(70, 6), 60, 88));
  const [head, wife] = couple(ctx, year - headAge);
  // both are old: a wife under 56 would make this a different kind of household
  if (year - wife!.birthYear < 56) {
    wife!.birthYear = year - 56 - random.int(0, 3);
    wife!.birthDate = dayIn(random, wife!.birthYear);
  }
  return [head!, wife!];
}

function youngCouple(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  return couple(ctx, year - random.int(26, 34));
}

function nuclear(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const headAge = Math.round(clamp(random.normal(43, 8), 26, 62));
  const [head, wife] = couple(ctx, year - headAge);
  return [head!, wife!, ...children(ctx, head!.surname, wife!.birthYear, plannedChildren(random), false)];
}

/** A couple with their children and one or both of the head's parents. */
function withParents(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const headAge = Math.round(clamp(random.normal(40, 7), 27, 54));
  const [head, wife] = couple(ctx, year - headAge);
  const kids = children(ctx, head!.surname, wife!.birthYear, plannedChildren(random), false);
  const fatherBirth = head!.birthYear - random.int(22, 34);
  const motherBirth = clamp(wifeBirthYear(ctx, fatherBirth), fatherBirth - 2, head!.birthYear - 19);
  const which = random.weighted([['both', 45], ['mother', 40], ['father', 15]] as const);
  const parents: DraftMember[] = [];
  if (which !== 'mother') parents.push(member(ctx, PARENT_REL['1'], 'parent', '1', head!.surname, fatherBirth));
  if (which !== 'father') {
    parents.push(member(ctx, PARENT_REL['2'], 'parent', '2', differentSurname(random, ctx.surnames, head!.surname), motherBirth));
  }
  return [head!, wife!, ...kids, ...parents];
}

/**
 * An old head with a married son (or, in one home in ten, a daughter whose husband married in),
 * the young couple's children and sometimes a younger unmarried child.
 */
function threeGenerations(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const headAge = Math.round(clamp(random.normal(64, 6), 52, 82));
  const widowed = random.chance(0.3);
  const lineage = ctx.surnames.draw(random);
  const headSex: Sex = widowed && random.chance(0.55) ? '2' : '1';
  const headBirth = year - headAge;
  const out: DraftMember[] = [];
  let motherBirth: number;
  if (headSex === '1') {
    out.push(member(ctx, '01', 'head', '1', lineage, headBirth));
    motherBirth = wifeBirthYear(ctx, headBirth);
    if (!widowed) out.push(member(ctx, '02', 'spouse', '2', differentSurname(random, ctx.surnames, lineage), motherBirth));
  } else {
    // a widow heads the home; her children carry her late husband's surname
    out.push(member(ctx, '01', 'head', '2', differentSurname(random, ctx.surnames, lineage), headBirth));
    motherBirth = headBirth;
  }
  const viaDaughter = random.chance(0.1);
  const childSex: Sex = viaDaughter ? '2' : '1';
  const childBirth = Math.min(motherBirth + random.int(21, 30), year - 22);
  const child = member(ctx, CHILD_REL[childSex], 'child', childSex, lineage, childBirth);
  const inLawSurname = differentSurname(random, ctx.surnames, lineage);
  const inLawBirth = childSex === '1' ? wifeBirthYear(ctx, childBirth) : childBirth - random.int(0, 4);
  const inLaw = member(ctx, childSex === '1' ? '05' : '06', 'childSpouse', other(childSex), inLawSurname, Math.min(inLawBirth, year - 20));
  inLaw.marriedInYear = Math.min(year, Math.max(childBirth, inLaw.birthYear) + random.int(21, 26));
  out.push(child, inLaw);
  const youngMotherBirth = childSex === '1' ? inLaw.birthYear : child.birthYear;
  const grandSurname = childSex === '1' ? lineage : inLawSurname;
  const grandRel = childSex === '1' ? GRANDCHILD_REL : DAUGHTERS_CHILD_REL;
  const firstGrandBirth = Math.max(inLaw.marriedInYear, youngMotherBirth + 20);
  const grandkids = children(ctx, grandSurname, firstGrandBirth - random.int(20, 22), random.weighted([[0, 1], [1, 3], [2, 5], [3, 3]] as const), true)
    .filter((g) => g.birthYear >= inLaw.marriedInYear!)
    .map((g) => ({ ...g, relationship: grandRel[g.sex], role: 'grandchild' as const }));
  out.push(...grandkids);
  // a younger, unmarried child still at home
  if (random.chance(0.3)) {
    const youngerBirth = childBirth + random.int(2, 8);
    if (youngerBirth <= year - 14 && youngerBirth - motherBirth <= 42) {
      const sex: Sex = random.chance(0.6) ? '1' : '2';
      out.push(member(ctx, CHILD_REL[sex], 'child', sex, lineage, youngerBirth, siblingGivenName(random, sex, youngerBirth, child.givenName)));
    }
  }
  return dedupeNames(ctx, out);
}

/** A widowed or divorced parent with children. */
function singleParent(ctx: FamilyContext): DraftMember[] {
  const { random, year } = ctx;
  const sex: Sex = random.chance(0.65) ? '2' : '1';
  const headBirth = year - random.int(30, 55);
  const lineage = ctx.surnames.draw(random);
  const headSurname = sex === '1' ? lineage : differentSurname(random, ctx.surnames, lineage);
  const head = member(ctx, '01', 'head', sex, headSurname, headBirth);
  const motherBirth = sex === '2' ? headBirth : headBirth + random.int(0, 4);
  const kids = children(ctx, lineage, motherBirth, random.weighted([[1, 4], [2, 5], [3, 2]] as const), false);
  return [head, ...kids];
}

const BUILDERS: Record<FamilyType, (ctx: FamilyContext) => DraftMember[]> = {
  singleElder,
  singleAdult,
  elderCouple,
  youngCouple,
  nuclear,
  withParents,
  threeGenerations,
  singleParent,
};

/** Two members of one household never share a full name. */
function dedupeNames(ctx: FamilyContext, members: DraftMember[]): DraftMember[] {
  const seen = new Set<string>();
  for (const m of members) {
    for (let i = 0; i < 8 && seen.has(m.surname + m.givenName); i++) m.givenName = givenName(ctx.random, m.sex, m.birthYear);
    if (seen.has(m.surname + m.givenName)) m.givenName += ctx.random.pick(m.sex === '1' ? ['平', '军', '明'] : ['霞', '琴', '梅']);
    seen.add(m.surname + m.givenName);
  }
  return members;
}

/** The members of one household of the given shape, in the order of the form. */
export function buildFamily(ctx: FamilyContext, type: FamilyType): DraftMember[] {
  return dedupeNames(ctx, BUILDERS[type](ctx));
}
