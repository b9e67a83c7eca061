// One demo household, complete: members with valid ID numbers, the household form, and the
// conditions and income of each year from identification to the data year. The order of
// decisions matters for consistency: the family first, then what its members are like, then the
// cause of poverty (a 因病 household gets its sick member), then the 属性 (a 特困 household has
// no labourer), then the household's history (identification, exit, 返贫) and its economy.
import { makeIdNumber } from '../domain/registry/id-number';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord, RelocationBlock } from '../domain/registry/types';
import { drawEconomy, type EarnerFacts, type Timeline } from './economy';
import { buildFamily, dayIn, FAMILY_TYPE_WEIGHTS, type DraftMember, type FamilyType } from './family';
import {
  drawTraits,
  isDisabledHealth,
  isLabourerSkill,
  isSickHealth,
  isStudentStatus,
  makeDisabled,
  makeIll,
  MIGRANT_PLACES,
  migrantChance,
  migrantMonths,
  type PersonTraits,
} from './person-traits';
import { weightedTable, type Random } from './random';
import { filledDateOf, mobileNumber, type VillagePlan, type VillageTally } from './villages';

export interface DemoMember {
  record: PersonRecord;
  /** Membership start: the identification date, or a later birth or marriage */
  fromDate: string;
  /** 人员变更原因 of a later join ('06' 新生儿, '05' 嫁入, '07' 其他转入), else null */
  joinReason: string | null;
}

export interface DemoHousehold {
  regionCode: string;
  record: HouseholdRecord;
  members: DemoMember[];
  /** One per year, identification year to data year */
  conditions: ConditionsRecord[];
  incomes: IncomeRecord[];
  /** Members present in each income year (人均纯收入 divides by it) */
  sizes: Record<number, number>;
}

/** Ids handed out so far: no two people share a number, as in the real registry. */
export interface IdAllocator {
  allocate(random: Random, area6: string, birthDate: string, sex: string): string;
}

export function createIdAllocator(): IdAllocator {
  // keyed by a number (area, date, sequence) rather than a string: 150 000 people are looked up
  const used = new Set<number>();
  const areas = new Map<string, number>();
  return {
    allocate(random, area6, birthDate, sex) {
      let area = areas.get(area6);
      if (area === undefined) areas.set(area6, (area = areas.size));
      const day = Number(birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10));
      for (;;) {
        // the sequence's last digit is odd for men, even for women
        const seq = random.int(0, 499) * 2 + (sex === '1' ? 1 : 0);
        const key = (area * 1e8 + day) * 1000 + seq;
        if (used.has(key)) continue;
        used.add(key);
        return makeIdNumber(area6, birthDate, seq);
      }
    },
  };
}

export interface HouseholdContext {
  random: Random;
  village: VillagePlan;
  tally: VillageTally;
  firstYear: number;
  lastYear: number;
  /** 6-digit address code of the county */
  countyCode: string;
  /** Other address codes nearby, for people born outside the county */
  birthplaceCodes: readonly string[];
  householdNumber: string;
  ids: IdAllocator;
}

const FAMILY_TYPES = weightedTable(FAMILY_TYPE_WEIGHTS);

/**
 * Main causes among 会宁's registered households. 缺资金 led Gansu's 2014–2015 registers;
 * 因病 grew to about a fifth after the 2015–2016 verification; 缺技术 and 因学 follow. The
 * shares come out as listed for the causes every household can have; 因学 and 缺劳力 need a
 * household that fits and are weighted up to make up for the ones that do not.
 */
export const MAIN_CAUSE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['09', 28], // 缺资金
  ['01', 22], // 因病
  ['07', 16], // 缺技术
  ['03', 9], // 因学
  ['08', 7], // 缺劳力
  ['02', 6], // 因残
  ['10', 3], // 交通条件落后
  ['11', 3], // 自身发展动力不足
  ['06', 3], // 缺水
  ['04', 2], // 因灾
  ['05', 1], // 缺土地
];
/** How much more often 因学 and 缺劳力 are drawn, against the households that cannot have them. */
const SCHOOLING_BOOST = 2.6;
const NO_LABOUR_BOOST = 3.4;
const CAUSES = weightedTable(
  MAIN_CAUSE_WEIGHTS.map(([c, w]) => [c, c === '03' ? w * SCHOOLING_BOOST : c === '08' ? w * NO_LABOUR_BOOST : w] as const),
);

const OTHER_CAUSE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['07', 30], ['09', 30], ['01', 15], ['08', 10], ['03', 8], ['06', 6], ['02', 6], ['10', 5], ['11', 4],
];

const EXIT_YEAR_WEIGHTS: readonly (readonly [number, number])[] = [[2015, 6], [2016, 8], [2017, 10], [2018, 16], [2019, 34], [2020, 22]];
/** 特困 households were lifted by 兜底 policies, mostly in the last two years. */
const EXIT_YEAR_WEIGHTS_WUBAO: readonly (readonly [number, number])[] = [[2016, 2], [2017, 4], [2018, 8], [2019, 40], [2020, 46]];

interface Person {
  draft: DraftMember;
  traits: PersonTraits;
}

interface Features {
  labourers: number;
  sick: boolean;
  disabled: boolean;
  /** Schooling is a real cost: a pupil in senior school or above, or two in school */
  schooling: boolean;
  /** Few hands: at most one labourer, or labourers under a third of the household */
  noLabour: boolean;
}

function featuresOf(people: readonly Person[]): Features {
  const labourers = people.filter((p) => isLabourerSkill(p.traits.labourSkill)).length;
  const pupils = people.filter((p) => isStudentStatus(p.traits.studentStatus) && p.traits.studentStatus !== '02');
  return {
    labourers,
    sick: people.some((p) => isSickHealth(p.traits.health)),
    disabled: people.some((p) => isDisabledHealth(p.traits.health)),
    schooling: pupils.length >= 2 || pupils.some((p) => Number(p.traits.studentStatus) >= 7),
    noLabour: labourers <= 1 || labourers / people.length < 0.34,
  };
}

/** The member an illness or disability is given to: adults, the older the likelier. */
function likelyPatient(random: Random, people: readonly Person[]): Person {
  return random.weighted(people.map((p) => [p, p.traits.age < 16 ? 1 : p.traits.age] as const));
}

function mainCauseOf(random: Random, people: Person[], year: number): string {
  const f = featuresOf(people);
  let cause = '09';
  for (let i = 0; i < 20; i++) {
    const c = CAUSES.draw(random);
    if (c === '03' && !f.schooling) continue;
    if (c === '08' && !f.noLabour) continue;
    if ((c === '07' || c === '11') && f.labourers === 0) continue;
    cause = c;
    break;
  }
  if (cause === '01' && !f.sick) makeIll(random, likelyPatient(random, people).traits, random.chance(0.3));
  if (cause === '02' && !f.disabled) {
    const p = likelyPatient(random, people);
    makeDisabled(random, p.traits, p.draft.birthYear, year);
  }
  return cause;
}

function otherCausesOf(random: Random, people: readonly Person[], main: string): string[] {
  const f = featuresOf(people);
  const fits = (c: string): boolean =>
    c !== main &&
    (c !== '01' || f.sick) &&
    (c !== '02' || f.disabled) &&
    (c !== '03' || f.schooling) &&
    (c !== '08' || f.noLabour) &&
    ((c !== '07' && c !== '11') || f.labourers > 0);
  const candidates = OTHER_CAUSE_WEIGHTS.filter(([c]) => fits(c));
  const count = random.weighted([[0, 35], [1, 45], [2, 20]] as const);
  const out: string[] = [];
  for (let i = 0; i < count && candidates.length > 0; i++) {
    const c = random.weighted(candidates);
    candidates.splice(candidates.findIndex(([x]) => x === c), 1);
    out.push(c);
  }
  return out;
}

/**
 * 特困供养 for old or incapacitated people without a labourer (about one household in twenty);
 * 低保 the likelier the more illness, disability, age and the fewer hands (about a quarter).
 */
function attributeOf(random: Random, type: FamilyType, people: readonly Person[]): string {
  const incapable = people.every((p) => p.traits.age > 60 || p.traits.health.includes('03') || p.traits.disabilityGrade === '1' || p.traits.disabilityGrade === '2');
  const wubaoChance = !incapable ? 0 : type === 'singleElder' ? 0.55 : type === 'elderCouple' ? 0.38 : type === 'singleAdult' ? 0.6 : 0;
  if (random.chance(wubaoChance)) return '3';
  const f = featuresOf(people);
  const serious = people.some((p) => p.traits.health.includes('03') || p.traits.disabilityGrade === '1' || p.traits.disabilityGrade === '2');
  const headAge = people[0]!.traits.age;
  let p = 0.14;
  if (serious) p += 0.22;
  if (f.disabled) p += 0.1;
  if (f.sick) p += 0.06;
  if (f.labourers <= 1 && people.length >= 2) p += 0.12;
  if (headAge >= 60) p += 0.1;
  if (type === 'singleParent' || type === 'singleElder') p += 0.12;
  return random.chance(Math.min(p, 0.8)) ? '2' : '1';
}

function timelineOf(random: Random, ctx: HouseholdContext, wubao: boolean): Timeline {
  const { firstYear, lastYear } = ctx;
  const identYear = random.weighted(
    ([[2014, 85], [2015, 9], [2016, 6]] as const).filter(([y]) => y >= firstYear && y < lastYear).map(([y, w]) => [y, w] as const),
  );
  const identifiedDate = identYear === 2014 ? dayIn(random, 2014, 4, 10) : identYear === 2015 ? dayIn(random, 2015, 6, 11) : dayIn(random, identYear, 3, 10);
  const exitWeights = (wubao ? EXIT_YEAR_WEIGHTS_WUBAO : EXIT_YEAR_WEIGHTS).filter(([y]) => y > identYear && y <= lastYear);
  const outcome = exitWeights.length === 0 ? 'never' : random.weighted([['exit', 96], ['never', wubao ? 0 : 3], ['returned', wubao ? 0 : 1]] as const);
  if (outcome === 'never') return { identifiedDate, identYear, exitYear: null, returnYear: null };
  if (outcome === 'exit') return { identifiedDate, identYear, exitYear: random.weighted(exitWeights), returnYear: null };
  const early = exitWeights.filter(([y]) => y < lastYear);
  if (early.length === 0) return { identifiedDate, identYear, exitYear: null, returnYear: null };
  const exitYear = random.weighted(early);
  return { identifiedDate, identYear, exitYear, returnYear: random.int(exitYear + 1, lastYear) };
}

/** Area code of the place of birth: the county, or for some married-in and old people a neighbour. */
function birthplace(random: Random, ctx: HouseholdContext, d: DraftMember): string {
  if (ctx.birthplaceCodes.length === 0) return ctx.countyCode;
  const marriedIn = d.role === 'spouse' || d.role === 'childSpouse';
  const outsider = (marriedIn && d.birthYear <= 1995 && random.chance(0.12)) || (ctx.lastYear - d.birthYear >= 60 && random.chance(0.04));
  return outsider ? random.pick(ctx.birthplaceCodes) : ctx.countyCode;
}

function relocationOf(random: Random, t: Timeline, lastYear: number): { year: number; block: RelocationBlock } | null {
  if (!random.chance(0.06)) return null;
  const from = Math.max(2016, t.identYear + 1);
  const to = Math.min(t.exitYear ?? lastYear - 1, lastYear - 1);
  if (from > to) return null;
  const gathered = random.chance(0.75);
  return {
    year: random.int(from, to),
    block: {
      isRelocated: true,
      relocationMode: random.chance(0.7) ? '03' : '02',
      resettlementMode: gathered ? '1' : '2',
      resettlementPlace: gathered ? random.weighted([['b', 40], ['c', 35], ['a', 25]] as const) : random.chance(0.6) ? 'd' : 'c',
      difficulties: [],
    },
  };
}

const WELFARE_JOBS: readonly (readonly [string, number, number])[] = [
  ['生态护林员', 50, 8000],
  ['乡村保洁员', 35, 6000],
  ['村级公路养护员', 15, 6000],
];

/** A 19-digit 信用社 card number. */
function bankAccount(random: Random): string {
  let s = '622';
  for (let i = 0; i < 16; i++) s += String(random.int(0, 9));
  return s;
}

/** Warnings every real county has: ~3 % of households carry one. */
type Blemish = 'noPhone' | 'shortPhone' | 'zeroHousing' | 'migrantNoPlace' | 'noCertificate' | 'noEthnicity';
const BLEMISHES = weightedTable<Blemish>([
  ['noPhone', 30],
  ['shortPhone', 10],
  ['zeroHousing', 15],
  ['migrantNoPlace', 20],
  ['noCertificate', 10],
  ['noEthnicity', 15],
]);
export const BLEMISH_SHARE = 0.035;

export function generateHousehold(ctx: HouseholdContext): DemoHousehold {
  const { random, village, lastYear } = ctx;
  const hui = random.chance(village.huiShare);
  const type = FAMILY_TYPES.draw(random);
  const drafts = buildFamily({ random, surnames: hui ? village.huiSurnames : village.surnames, year: lastYear }, type);
  const people: Person[] = drafts.map((draft) => ({ draft, traits: drawTraits(random, draft, lastYear) }));

  let mainCause = mainCauseOf(random, people, lastYear);
  const attribute = attributeOf(random, type, people);
  if (attribute === '3') {
    // 特困: nobody can work, and the cause says why
    for (const p of people) {
      if (isLabourerSkill(p.traits.labourSkill)) p.traits.labourSkill = p.traits.age > 60 && p.traits.health.every((h) => h === '01') ? '04' : '03';
    }
    if (!['08', '01', '02'].includes(mainCause)) mainCause = random.chance(0.9) ? '08' : '09';
  }
  const otherCauses = otherCausesOf(random, people, mainCause);
  const timeline = timelineOf(random, ctx, attribute === '3');
  const relocation = relocationOf(random, timeline, lastYear);

  // work: migrant workers, and a 公益性岗位 in some poor households from 2017
  const migrant = people.map((p) => attribute !== '3' && random.chance(migrantChance(p.draft.sex, p.traits.age, p.traits.labourSkill)));
  let welfare: { index: number; type: string; fromYear: number; pay: number } | null = null;
  if (lastYear >= 2017 && random.chance(0.06)) {
    const index = people.findIndex((p, i) => !migrant[i] && isLabourerSkill(p.traits.labourSkill) && p.traits.age >= 25 && p.traits.age <= 60);
    if (index >= 0) {
      const [jobType, , pay] = random.weighted(WELFARE_JOBS.map((j) => [j, j[1]] as const));
      welfare = { index, type: jobType, fromYear: random.int(2017, Math.min(2019, lastYear)), pay };
    }
  }

  // safety net: 低保 for the most vulnerable members, 特困供养 for everyone in a 特困 household
  const dibao = new Set<number>();
  if (attribute === '2') {
    const order = people
      .map((p, i) => ({ i, need: (p.traits.health.includes('01') ? 0 : 2) + (p.traits.age >= 60 || p.traits.age < 16 ? 1 : 0) + random.next() }))
      .sort((a, b) => b.need - a.need);
    const count = Math.max(1, Math.round(people.length * random.float(0.3, 0.9)));
    for (const { i } of order.slice(0, count)) dibao.add(i);
  }

  const phone = mobileNumber(random);
  const blemish = random.chance(BLEMISH_SHARE) ? BLEMISHES.draw(random) : null;
  const identifiedDate = timeline.identifiedDate;
  const members: DemoMember[] = people.map((p, i) => {
    const { draft: d, traits: t } = p;
    const idNumber = ctx.ids.allocate(random, birthplace(random, ctx, d), d.birthDate, d.sex);
    const months = migrant[i] ? migrantMonths(random) : 0;
    const adult = t.age >= 16;
    const student = isStudentStatus(t.studentStatus);
    const employeeInsured = adult && !student && t.age < 60 && random.chance(0.004);
    const disabled = isDisabledHealth(t.health);
    // a literal, not emptyRecord: 150 000 of these; the type insists on every field of the form
    const record: PersonRecord = {
      personNumber: null,
      name: d.surname + d.givenName,
      sex: d.sex,
      idType: '01',
      idNumber,
      birthDate: d.birthDate,
      relationship: d.relationship,
      ethnicity: hui ? '03' : '01',
      politicalStatus: t.politicalStatus,
      education: t.education,
      studentStatus: t.studentStatus,
      dropoutReason: null,
      health: t.health,
      diseaseName: t.diseaseName,
      diseaseGrade: null,
      disabilityCategory: t.disabilityCategory,
      disabilityGrade: t.disabilityGrade,
      disabilityCertificateYear: t.disabilityCertificateYear,
      hasDisabilityCertificate: disabled,
      labourSkill: t.labourSkill,
      migrantStatus: null,
      migrantMonths: months,
      migrantPlace: months > 0 ? MIGRANT_PLACES.draw(random) : null,
      migrantEmployer: null,
      worksAbroad: adult ? false : null,
      isActiveMilitary: false,
      receivesDibao: dibao.has(i),
      receivesWubao: attribute === '3',
      hasRuralMedicalInsurance: !employeeInsured,
      hasEmployeeMedicalInsurance: employeeInsured,
      hasCriticalIllnessInsurance: true,
      hasCommercialMedicalInsurance: random.chance(0.92),
      hasResidentPension: adult && !student && !employeeInsured && random.chance(0.93),
      hasEmployeePension: employeeInsured,
      receivesMedicalAid: t.health.includes('03') ? random.chance(0.7) : t.health.includes('02') ? random.chance(0.2) : false,
      receivesOtherHealthSupport: t.health.includes('01') ? false : random.chance(0.6),
      speaksMandarin: t.age < 3 ? null : t.age < 60 ? random.chance(0.97) : random.chance(0.55),
      publicWelfareJobType: welfare?.index === i ? welfare.type : null,
      publicWelfareJobMonths: welfare?.index === i ? 12 : null,
      employmentChannel: null,
      industryCategory: null,
      hasAccidentInsuranceSubsidy: null,
      phone: i === 0 ? phone : adult && (months > 0 || random.chance(0.3)) && t.age <= 60 ? mobileNumber(random) : null,
      changeReason: null,
    };
    let fromDate = identifiedDate;
    let joinReason: string | null = null;
    if (d.birthDate > identifiedDate) {
      fromDate = d.birthDate;
      joinReason = '06';
    } else if (d.marriedInYear !== null && d.marriedInYear > timeline.identYear) {
      const married = dayIn(random, d.marriedInYear);
      if (married > identifiedDate) {
        fromDate = married;
        joinReason = d.relationship === '05' ? '05' : '07';
      }
    }
    return { record, fromDate, joinReason };
  });

  const children = people.filter((p) => p.draft.role === 'child');
  const parentsPresent = people.some((p) => p.draft.role === 'spouse');
  const onlyChild = parentsPresent && children.length === 1 && children[0]!.draft.birthYear >= 1985 && random.chance(0.35);
  const twoDaughters = children.length === 2 && children.every((c) => c.draft.sex === '2') && random.chance(0.6);

  const facts: EarnerFacts[] = people.map((p, i) => ({
    birthYear: p.draft.birthYear,
    fromYear: Number(members[i]!.fromDate.slice(0, 4)),
    migrant: (members[i]!.record.migrantMonths ?? 0) > 0,
    welfareJob: welfare?.index === i ? { fromYear: welfare.fromYear, annualPay: welfare.pay } : null,
    receivesDibao: dibao.has(i),
    receivesWubao: attribute === '3',
    isParent: p.draft.role === 'head' || p.draft.role === 'spouse',
  }));
  const economy = drawEconomy(random, {
    timeline,
    lastYear,
    attribute,
    members: facts,
    familyPlanning: onlyChild || twoDaughters,
    relocationYear: relocation?.year ?? null,
  });

  const exited = timeline.exitYear !== null && timeline.returnYear === null;
  const head = members[0]!.record;
  const record: HouseholdRecord = {
    householdNumber: ctx.householdNumber,
    dataYear: lastYear,
    regionCode: village.code,
    groupName: random.pick(village.groups),
    headName: head.name,
    headIdNumber: head.idNumber,
    householdSize: members.length,
    labourerCount: people.filter((p) => isLabourerSkill(p.traits.labourSkill)).length,
    phone,
    bank: '甘肃省农村信用社',
    bankAccount: bankAccount(random),
    identificationStandard: random.chance(0.96) ? '1' : '2',
    attribute,
    mainCause,
    otherCauses,
    isMilitaryFamily: random.chance(0.005),
    isOnlyChildFamily: onlyChild,
    isTwoDaughterFamily: twoDaughters,
    exitStatus: exited ? '1' : timeline.returnYear !== null ? '3' : '0',
    exitYear: timeline.exitYear,
    isRelocationHousehold: relocation !== null,
    householdType: lastYear >= 2019 ? (exited ? '2' : '1') : null,
    plannedExitYear: exited ? timeline.exitYear : lastYear,
    firstIdentifiedDate: identifiedDate,
    relocation: relocation?.block ?? null,
    valid: true,
    fillerName: village.clerk.name,
    fillerPhone: village.clerk.phone,
    filledDate: filledDateOf(random, lastYear),
  };

  const household: DemoHousehold = {
    regionCode: village.code,
    record,
    members,
    conditions: economy.conditions,
    incomes: economy.incomes,
    sizes: Object.fromEntries(economy.sizes),
  };
  if (blemish) applyBlemish(random, household, blemish);
  tallyHousehold(ctx.tally, household);
  return household;
}

/** One typical imperfection, falling back to a missing phone when the household has no place for it. */
function applyBlemish(random: Random, h: DemoHousehold, blemish: Blemish): void {
  const last = h.conditions[h.conditions.length - 1]!;
  const exited = h.record.exitStatus === '1';
  const migrants = h.members.filter((m) => (m.record.migrantMonths ?? 0) > 0);
  const disabled = h.members.filter((m) => m.record.health.includes('04'));
  if (blemish === 'shortPhone' && h.record.phone) h.record.phone = h.record.phone.slice(0, 10);
  else if (blemish === 'zeroHousing' && exited) last.housingArea = 0;
  else if (blemish === 'migrantNoPlace' && migrants.length > 0) random.pick(migrants).record.migrantPlace = null;
  else if (blemish === 'noCertificate' && disabled.length > 0) {
    const p = random.pick(disabled).record;
    p.hasDisabilityCertificate = false;
    p.disabilityCertificateYear = null;
  } else if (blemish === 'noEthnicity') random.pick(h.members).record.ethnicity = null;
  else h.record.phone = null;
  // the head's row carries the household phone
  h.members[0]!.record.phone = h.record.phone;
}

function tallyHousehold(t: VillageTally, h: DemoHousehold): void {
  const last = h.conditions[h.conditions.length - 1]!;
  t.households += 1;
  t.persons += h.members.length;
  if (h.record.attribute === '2') t.dibaoHouseholds += 1;
  if (h.record.attribute === '3') t.wubaoHouseholds += 1;
  for (const { record: p } of h.members) {
    if (p.receivesDibao) t.dibaoPersons += 1;
    if (p.receivesWubao) t.wubaoPersons += 1;
    if (p.ethnicity !== null && p.ethnicity !== '01') t.minorityPersons += 1;
    if (p.sex === '2') t.women += 1;
    if (p.health.includes('04')) t.disabled += 1;
    if (isLabourerSkill(p.labourSkill)) t.labourers += 1;
    if ((p.migrantMonths ?? 0) > 0) t.migrants += 1;
    if (p.hasRuralMedicalInsurance) t.ruralInsured += 1;
    if (p.hasResidentPension) t.residentPension += 1;
    if (p.hasEmployeePension) t.employeePension += 1;
  }
  t.farmland += last.farmlandArea ?? 0;
  t.irrigated += last.irrigatedArea ?? 0;
  t.forest += last.forestArea ?? 0;
  t.grainToForest += last.grainToForestArea ?? 0;
  t.orchard += last.orchardArea ?? 0;
  t.pasture += last.pastureArea ?? 0;
}
