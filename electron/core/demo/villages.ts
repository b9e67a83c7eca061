// The demo county's villages: which are 贫困村 (about six in ten of 会宁's villages, some of
// them 深度贫困村), how many 社 each has, how many registered households live there, and the
// village form filled from what was generated. Town communities (社区) are not poor villages
// and hold only a few registered households.
import type { VillageRecord } from '../domain/registry/types';
import { dayIn } from './family';
import { givenName, villageSurnameTable } from './names';
import { round, type Random, type WeightedTable } from './random';

export interface DemoVillageInput {
  /** 12-digit village code */
  code: string;
  /** Name as in the division table (…村民委员会 / …社区居民委员会) */
  name: string;
  townshipCode: string;
  /** Optional: a township named 侯家川 makes 侯 common there */
  townshipName?: string;
}

export interface VillagePlan {
  code: string;
  /** Short name: 高家庄村, 东山根社区 */
  name: string;
  townshipCode: string;
  isCommunity: boolean;
  /** 村属性: '1' 贫困村, '2' 非贫困村, '3' 深度贫困村 */
  attribute: string;
  /** 村民小组 names: 一社, 二社 … */
  groups: string[];
  /** Registered households to generate here */
  quota: number;
  /** Share of 回族 households */
  huiShare: number;
  surnames: WeightedTable<string>;
  huiSurnames: WeightedTable<string>;
  /** 填表人 of the village's household forms (the village clerk) */
  clerk: { name: string; phone: string };
}

/** What the village form counts, gathered while the village's households are generated. */
export interface VillageTally {
  households: number;
  persons: number;
  dibaoHouseholds: number;
  dibaoPersons: number;
  wubaoHouseholds: number;
  wubaoPersons: number;
  minorityPersons: number;
  women: number;
  disabled: number;
  labourers: number;
  migrants: number;
  ruralInsured: number;
  residentPension: number;
  employeePension: number;
  farmland: number;
  irrigated: number;
  forest: number;
  grainToForest: number;
  orchard: number;
  pasture: number;
}

export const emptyTally = (): VillageTally => ({
  households: 0,
  persons: 0,
  dibaoHouseholds: 0,
  dibaoPersons: 0,
  wubaoHouseholds: 0,
  wubaoPersons: 0,
  minorityPersons: 0,
  women: 0,
  disabled: 0,
  labourers: 0,
  migrants: 0,
  ruralInsured: 0,
  residentPension: 0,
  employeePension: 0,
  farmland: 0,
  irrigated: 0,
  forest: 0,
  grainToForest: 0,
  orchard: 0,
  pasture: 0,
});

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 高家庄村民委员会 → 高家庄村; 东山根社区居民委员会 → 东山根社区. */
export function shortVillageName(name: string): string {
  return name.replace(/村民委员会$/, '村').replace(/居民委员会$/, '').replace(/委员会$/, '');
}

/** An 11-digit mobile number (China Mobile and Unicom prefixes common in Gansu). */
export function mobileNumber(random: Random): string {
  const prefix = random.pick(['139', '138', '136', '135', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '189', '177', '173', '199', '198', '166']);
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(random.int(0, 9));
  return prefix + rest;
}

/**
 * Village attributes, 社, quotas and local surname tables. Households go to villages by weight:
 * a 深度贫困村 holds more registered households than a 贫困村, a non-poor village fewer, a
 * community very few; quotas are rounded by largest remainder so they add up exactly.
 */
export function planVillages(random: Random, villages: readonly DemoVillageInput[], households: number): VillagePlan[] {
  const drafts = villages.map((v) => {
    const name = shortVillageName(v.name);
    const isCommunity = /社区/.test(v.name);
    const attribute = isCommunity ? '2' : random.weighted([['1', 55], ['3', 13], ['2', 32]] as const);
    const base = isCommunity ? 0.1 : attribute === '3' ? 1.35 : attribute === '1' ? 1 : 0.45;
    const huiTownship = /回族/.test(v.townshipName ?? '');
    const huiShare = huiTownship ? 0.4 : 0.006;
    const groupCount = isCommunity ? random.int(3, 5) : random.int(3, 9);
    const surnames = villageSurnameTable(name, v.townshipName, false);
    const clerkSurname = surnames.draw(random);
    return {
      plan: {
        code: v.code,
        name,
        townshipCode: v.townshipCode,
        isCommunity,
        attribute,
        groups: NUMERALS.slice(0, groupCount).map((n) => `${n}社`),
        quota: 0,
        huiShare,
        surnames,
        huiSurnames: villageSurnameTable(name, v.townshipName, true),
        clerk: { name: clerkSurname + givenName(random, random.chance(0.7) ? '1' : '2', random.int(1970, 1992)), phone: mobileNumber(random) },
      } satisfies VillagePlan,
      weight: base * random.float(0.6, 1.4),
    };
  });
  const total = drafts.reduce((s, d) => s + d.weight, 0);
  const shares = drafts.map((d) => (d.weight / total) * households);
  drafts.forEach((d, i) => (d.plan.quota = Math.floor(shares[i]!)));
  let left = households - drafts.reduce((s, d) => s + d.plan.quota, 0);
  const byRemainder = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    drafts[i]!.plan.quota += 1;
    left -= 1;
  }
  return drafts.map((d) => d.plan);
}

/**
 * The village form of the data year. Counts about the registered households are exact; whole-
 * village figures (all households, population, land) are scaled up from them by the village's
 * poverty incidence, and the infrastructure is as it stood after the campaign (roads paved,
 * water and housing safe).
 */
export function villageRecord(random: Random, plan: VillagePlan, tally: VillageTally, year: number): VillageRecord {
  const poor = plan.attribute !== '2';
  const incidence = plan.isCommunity ? random.float(0.005, 0.02) : plan.attribute === '3' ? random.float(0.45, 0.6) : poor ? random.float(0.3, 0.45) : random.float(0.08, 0.18);
  const households = Math.max(tally.households, Math.round(tally.households / incidence) || random.int(300, 900));
  const scale = tally.households > 0 ? households / tally.households : 0;
  const population = Math.round(tally.persons > 0 ? tally.persons * scale * 0.95 : households * 3.9);
  const scaled = (n: number, factor = 1) => Math.round(n * scale * factor);
  const leaderSurname = plan.surnames.draw(random);
  const exitYear = poor ? random.weighted([[2017, 10], [2018, 25], [2019, 45], [2020, 20]] as const) : null;
  const disasters: string[] = [];
  if (random.chance(0.6)) disasters.push('01');
  if (random.chance(0.12)) disasters.push('03');
  if (random.chance(0.06)) disasters.push('04');
  // a literal rather than emptyRecord, so the compiler insists on every field of the form
  const record: VillageRecord = {
    villageNumber: null,
    regionCode: plan.code,
    dataYear: year,
    name: plan.name,
    leaderName: leaderSurname + givenName(random, '1', random.int(1960, 1985)),
    leaderPosition: random.chance(0.7) ? '村党支部书记' : '村委会主任',
    phone: mobileNumber(random),
    longitude: round(random.float(104.75, 105.35), 4),
    latitude: round(random.float(35.45, 36.35), 4),
    changeYear: null,
    attribute: plan.attribute,
    developmentDirection: plan.isCommunity ? '1' : random.weighted([['1', 15], ['2', 75], ['3', 10]] as const),
    terrain: random.weighted([['2', 65], ['1', 35]] as const),
    partyMemberCount: random.int(15, 45),
    collegeGraduateOfficialCount: random.chance(0.4) ? 1 : 0,
    hasResidentTeam: poor,
    plannedExitYear: exitYear,
    exitYear,
    farmlandArea: round(tally.farmland > 0 ? tally.farmland * scale : households * random.float(18, 28), 0),
    irrigatedArea: round(tally.irrigated * scale, 0),
    forestArea: round(tally.forest * scale + random.float(200, 2000), 0),
    grainToForestArea: round(tally.grainToForest * scale, 0),
    orchardArea: round(tally.orchard * scale, 0),
    pastureArea: round(tally.pasture * scale, 0),
    waterSurfaceArea: 0,
    groupCount: plan.groups.length,
    householdCount: households,
    populationCount: population,
    dibaoHouseholdCount: tally.dibaoHouseholds + random.int(0, 8),
    dibaoPersonCount: tally.dibaoPersons + random.int(0, 20),
    wubaoHouseholdCount: tally.wubaoHouseholds,
    wubaoPersonCount: tally.wubaoPersons,
    minorityPersonCount: Math.min(scaled(tally.minorityPersons), population),
    womenCount: Math.round(population * random.float(0.47, 0.5)),
    disabledPersonCount: Math.min(scaled(tally.disabled, 0.8), population),
    // Scaled up from labour-heavy poor households: capped so a part never exceeds its whole.
    labourerCount: Math.min(scaled(tally.labourers, 1.05), population),
    migrantWorkerCount: Math.min(scaled(tally.migrants, 1.1), scaled(tally.labourers, 1.05), population),
    perCapitaNetIncome: round(random.float(7600, 10200), 0),
    collectiveIncome: poor || !plan.isCommunity ? random.int(2, 12) * 10_000 : random.int(5, 30) * 10_000,
    ruralMedicalInsuredCount: Math.round(population * random.float(0.96, 0.99)),
    residentPensionInsuredCount: scaled(tally.residentPension),
    employeePensionInsuredCount: scaled(tally.employeePension) + random.int(0, 15),
    pavedRoadToTownship: true,
    hasBusService: random.chance(0.9),
    unpavedKmToTownship: 0,
    groupsWithoutPavedRoad: random.chance(0.3) ? 1 : 0,
    unpavedKmGroupsToVillage: random.chance(0.3) ? round(random.float(0.5, 4), 1) : 0,
    unsafeWaterHouseholdCount: 0,
    waterDifficultyHouseholdCount: 0,
    electrifiedGroupCount: plan.groups.length,
    groupsWithoutHouseholdPower: 0,
    householdsWithoutHouseholdPower: 0,
    groupsWithoutProductionPower: 0,
    householdsWithoutProductionPower: 0,
    dilapidatedHouseholdCount: 0,
    cooperativeCount: random.int(1, 6),
    ruralTourismHouseholdCount: 0,
    farmStayHouseholdCount: random.chance(0.05) ? random.int(1, 3) : 0,
    ruralTourismWorkerCount: 0,
    farmStayAverageIncome: null,
    clinicCount: 1,
    publicToiletCount: random.int(0, 2),
    doctorCount: random.int(1, 2),
    garbageSiteCount: random.int(1, 4),
    libraryCount: 1,
    radioTvHouseholdCount: Math.round(households * random.float(0.95, 0.99)),
    broadbandHouseholdCount: Math.round(households * random.float(0.35, 0.7)),
    broadbandSchoolCount: random.chance(0.8) ? 1 : 0,
    mobileInternetHouseholdCount: Math.round(households * random.float(0.7, 0.9)),
    informationOfficerCount: 1,
    hasMutualFund: poor && random.chance(0.7),
    disastersLastYear: disasters,
  };
  // The random extras beyond the registered 低保 households are drawn separately: keep them within
  // the village (a tiny demo village has only a few households) and at least one person per household.
  record.dibaoHouseholdCount = Math.min(record.dibaoHouseholdCount ?? 0, households);
  record.wubaoHouseholdCount = Math.min(record.wubaoHouseholdCount ?? 0, households);
  record.dibaoPersonCount = Math.min(Math.max(record.dibaoPersonCount ?? 0, record.dibaoHouseholdCount), population);
  record.wubaoPersonCount = Math.min(Math.max(record.wubaoPersonCount ?? 0, record.wubaoHouseholdCount), population);
  return record;
}

/** Day the village clerk filled the household forms of the data year (autumn 动态调整). */
export const filledDateOf = (random: Random, year: number): string => dayIn(random, year, 9, 11);
