// A demo household's land, house and income, year by year from its identification to the data
// year. 会宁 is dry loess hill country: rain-fed farmland of 5–40 亩 with almost no irrigation,
// old 土木 houses and cisterns, then the campaign years — 危房改造, 自来水入户, hardened access
// roads, cooperatives, sanitary toilets — until exit. Income is built from the per-capita figure
// the household should reach: below the poverty line while poor, above the exit target from its
// exit year on, growing about 10 % a year, split into the items of the income form.
import type { ConditionsRecord, IncomeRecord } from '../domain/registry/types';
import { defaultYearParams } from '../domain/registry/year-params';
import { clamp, round, type Random } from './random';

export interface Timeline {
  identifiedDate: string;
  identYear: number;
  /** Year of (the first) exit, null when never exited */
  exitYear: number | null;
  /** Year the household fell back into poverty (返贫), null when it did not */
  returnYear: number | null;
}

/** Poor in `year`: registered and not (or no longer) exited. */
export const isPoorIn = (t: Timeline, year: number): boolean =>
  t.exitYear === null || year < t.exitYear || (t.returnYear !== null && year >= t.returnYear);

/** What the income items are computed from, for one member. */
export interface EarnerFacts {
  birthYear: number;
  /** First year the member is in the household (birth or marriage after identification) */
  fromYear: number;
  /** Works away (has migrant months in the data year) */
  migrant: boolean;
  /** 公益性岗位 since this year, with its yearly pay */
  welfareJob: { fromYear: number; annualPay: number } | null;
  receivesDibao: boolean;
  receivesWubao: boolean;
  /** Head or spouse: the parents a family-planning reward is paid to */
  isParent: boolean;
}

export interface EconomyInput {
  timeline: Timeline;
  lastYear: number;
  /** 贫困户属性: '1' 一般, '2' 低保, '3' 特困 */
  attribute: string;
  members: readonly EarnerFacts[];
  /** 独生子女户 or 双女户: the parents receive 计划生育奖励扶助 from 60 */
  familyPlanning: boolean;
  /** Year the household moved into a relocation flat (易地扶贫搬迁), else null */
  relocationYear: number | null;
}

export interface Economy {
  conditions: ConditionsRecord[];
  incomes: IncomeRecord[];
  /** Members present in each year, for 人均纯收入 */
  sizes: Map<number, number>;
}

// Yearly amounts in yuan, rounded from Gansu's rural standards of the period.
/** 农村低保 paid per recipient and year: 分类施保 pays the gap to the standard, so the average is below it */
const DIBAO: Record<number, number> = { 2014: 1200, 2015: 1350, 2016: 1500, 2017: 1750, 2018: 2000, 2019: 2300, 2020: 2600 };
/** 特困供养 (分散供养), per person and year */
const WUBAO: Record<number, number> = { 2014: 2600, 2015: 3000, 2016: 3400, 2017: 3900, 2018: 4400, 2019: 5000, 2020: 5600 };
/** 城乡居民基础养老金 (70 → 88 → 103 yuan a month) */
const PENSION: Record<number, number> = { 2014: 840, 2015: 840, 2016: 840, 2017: 840, 2018: 1056, 2019: 1116, 2020: 1236 };
/** 退耕还林 subsidy per 亩 and year */
const GRAIN_TO_FOREST_PER_MU = 160;
/** 耕地地力保护补贴 (before 2016 粮食直补) per 亩 */
const FARMLAND_SUBSIDY_PER_MU = 55;

const LINES = new Map<number, { line: number; exitTarget: number }>();
/** The year's NBS line and exit target (domain.md §2), read once per year. */
function linesOf(year: number): { line: number; exitTarget: number } {
  let l = LINES.get(year);
  if (!l) {
    const p = defaultYearParams(year);
    const line = p.povertyLineNbs ?? 2800;
    LINES.set(year, (l = { line, exitTarget: p.exitIncomeTarget ?? line }));
  }
  return l;
}
const lineOf = (year: number): number => linesOf(year).line;
const exitTargetOf = (year: number): number => linesOf(year).exitTarget;
const amountOf = (table: Record<number, number>, year: number): number =>
  table[year] ?? table[clamp(year, 2014, 2020)] ?? 0;

/**
 * 人均纯收入 per year: from 50–92 % of the line at identification, ~10 % growth, kept under the
 * line while poor; at exit 8–60 % above the exit target, and above the target every year after.
 */
function perCapitaPath(random: Random, t: Timeline, lastYear: number): Map<number, number> {
  const out = new Map<number, number>();
  let pc = lineOf(t.identYear) * random.float(0.5, 0.92);
  for (let y = t.identYear; y <= lastYear; y++) {
    if (y > t.identYear) pc *= random.float(1.04, 1.15);
    if (isPoorIn(t, y)) {
      if (y === t.returnYear) pc = lineOf(y) * random.float(0.6, 0.9);
      pc = Math.min(pc, lineOf(y) * random.float(0.8, 0.97));
    } else if (y === t.exitYear) {
      pc = Math.max(pc, exitTargetOf(y) * random.float(1.1, 1.7));
    } else {
      pc = Math.max(pc * random.float(1, 1.04), exitTargetOf(y) * random.float(1.05, 1.2));
    }
    out.set(y, pc);
  }
  return out;
}

interface Land {
  farmland: number;
  irrigated: number;
  forest: number;
  grainToForest: number;
  orchard: number;
  pasture: number;
}

function drawLand(random: Random, size: number): Land {
  const farmland = round(clamp(size * random.float(3, 7.5) + random.float(-2, 4), 5, 40), 1);
  return {
    farmland,
    irrigated: random.chance(0.12) ? round(Math.min(farmland, random.float(0.5, 3)), 1) : 0,
    forest: random.chance(0.4) ? round(random.float(0.5, 5), 1) : 0,
    grainToForest: random.chance(0.3) ? round(random.float(2, 8), 1) : 0,
    orchard: random.chance(0.1) ? round(random.float(0.5, 3), 1) : 0,
    pasture: random.chance(0.12) ? round(random.float(1, 5), 1) : 0,
  };
}

/** A year in [from, to], or `to` when the range is empty. */
const yearIn = (random: Random, from: number, to: number): number => (from <= to ? random.int(from, to) : to);

/** Conditions of every year and the campaign years that change them. */
function conditionsPath(random: Random, input: EconomyInput, sizeAtStart: number): ConditionsRecord[] {
  const { timeline: t, lastYear, relocationYear } = input;
  const land = drawLand(random, sizeAtStart);
  // Everything a household must have at exit (安全住房, 安全饮水) is fixed by its exit year;
  // for households still poor, by 2019 (危房清零, 饮水安全全覆盖).
  const deadline = Math.min(t.exitYear ?? lastYear, lastYear - 1);
  // relocated households mostly left a dilapidated house; the others had it rebuilt (危房改造)
  const dilapidated = random.chance(relocationYear === null ? 0.26 : 0.5);
  const grade = random.chance(0.4) ? '03' : '02';
  const renovationYear = dilapidated && relocationYear === null ? yearIn(random, Math.max(t.identYear, 2015), Math.max(deadline, t.identYear)) : null;
  const waterDifficult = random.chance(0.45);
  const waterYear = waterDifficult ? yearIn(random, Math.max(t.identYear, 2015), Math.max(deadline, t.identYear)) : null;
  const oldStructure = dilapidated ? random.weighted([['04', 80], ['05', 20]] as const) : random.weighted([['03', 62], ['04', 28], ['02', 7], ['05', 3]] as const);
  const newStructure = random.chance(0.55) ? '02' : '03';
  const oldArea = round(random.float(45, 140), 1);
  const newArea = round(clamp(sizeAtStart * random.float(18, 28), 45, 140), 1);
  const roadType = random.weighted([['01', 55], ['02', 35], ['03', 10]] as const);
  const roadYear = roadType === '03' ? t.identYear : random.int(2016, lastYear + 2);
  const distance = round(random.chance(0.85) ? random.float(0.1, 3) : random.float(3, 8), 1);
  const fuel = random.weighted([['01', 55], ['03', 35], ['02', 6], ['04', 4]] as const);
  const fuelSwitchYear = fuel === '01' && random.chance(0.35) ? random.int(2016, lastYear + 3) : null;
  const toiletYear = random.chance(0.12) ? t.identYear : random.chance(0.65) ? random.int(2017, lastYear + 1) : lastYear + 1;
  const coopYear = random.chance(0.85) ? random.int(Math.max(t.identYear, 2015), lastYear) : lastYear + 1;
  const enterprise = random.chance(0.4);
  const entrepreneur = random.chance(0.3);
  const radioTv = random.chance(0.97);

  const out: ConditionsRecord[] = [];
  for (let y = t.identYear; y <= lastYear; y++) {
    const relocated = relocationYear !== null && y >= relocationYear;
    const renovated = renovationYear !== null && y >= renovationYear;
    const stillDilapidated = dilapidated && !renovated && !relocated;
    const waterProblem = waterDifficult && !relocated && (waterYear === null || y < waterYear);
    out.push(
      {
        dataYear: y,
        farmlandArea: land.farmland,
        irrigatedArea: land.irrigated,
        forestArea: land.forest,
        grainToForestArea: land.grainToForest,
        orchardArea: land.orchard,
        pastureArea: land.pasture,
        waterSurfaceArea: 0,
        joinedCooperative: y >= coopYear,
        ledByEnterprise: y >= 2017 ? enterprise : null,
        ledByEntrepreneur: y >= 2017 ? entrepreneur : null,
        hasProductionPower: true,
        hasHouseholdPower: true,
        hasRadioTv: y >= 2017 ? radioTv : null,
        distanceToMainRoadKm: relocated ? 0.2 : distance,
        roadType: relocated || y >= roadYear ? '03' : roadType,
        housingArea: relocated || renovated ? newArea : oldArea,
        housingStructure: relocated ? '02' : renovated ? newStructure : oldStructure,
        isDilapidated: stillDilapidated,
        dilapidationGrade: stillDilapidated ? grade : '01',
        renovationYear: renovated ? renovationYear : null,
        waterDifficulty: waterProblem,
        waterSafe: !waterProblem,
        fuelType: fuelSwitchYear !== null && y >= fuelSwitchYear ? '04' : fuel,
        hasSanitaryToilet: relocated || y >= toiletYear,
      } satisfies ConditionsRecord,
    );
  }
  return out;
}

function incomesPath(random: Random, input: EconomyInput, land: ConditionsRecord, sizes: Map<number, number>): IncomeRecord[] {
  const { timeline: t, lastYear, members, attribute } = input;
  const path = perCapitaPath(random, t, lastYear);
  const dibaoFactor = random.float(0.85, 1.1);
  const dividend = random.chance(0.55) ? { from: random.int(2017, Math.max(2017, lastYear)), amount: random.int(3, 10) * 100 } : null;
  const landTransfer = random.chance(0.08) ? { from: random.int(t.identYear, lastYear), amount: random.int(3, 20) * 100 } : null;
  const expenseRatio = random.float(0.25, 0.45);
  const out: IncomeRecord[] = [];
  for (let y = t.identYear; y <= lastYear; y++) {
    const present = members.filter((m) => m.fromYear <= y);
    const size = sizes.get(y)!;
    const elders = present.filter((m) => y - m.birthYear >= 60).length;
    const dibao = attribute === '2' ? Math.round(present.filter((m) => m.receivesDibao).length * amountOf(DIBAO, y) * dibaoFactor) : 0;
    const wubao = attribute === '3' ? present.filter((m) => m.receivesWubao).length * amountOf(WUBAO, y) : 0;
    const pension = elders * amountOf(PENSION, y);
    const familyPlanning = input.familyPlanning ? present.filter((m) => m.isParent && y - m.birthYear >= 60).length * 960 : 0;
    const eco = Math.round((land.grainToForestArea ?? 0) * GRAIN_TO_FOREST_PER_MU);
    const otherTransfer = Math.round((land.farmlandArea ?? 0) * FARMLAND_SUBSIDY_PER_MU) + (random.chance(0.1) ? random.int(2, 8) * 100 : 0);
    const assetDividend = dividend && y >= dividend.from ? dividend.amount : 0;
    const landIncome = landTransfer && y >= landTransfer.from ? landTransfer.amount : 0;
    const fixed = dibao + wubao + pension + familyPlanning + eco + otherTransfer + assetDividend + landIncome;

    const target = Math.round(path.get(y)! * size);
    const rest = target - fixed;
    const welfareWage = present.reduce((s, m) => s + (m.welfareJob && y >= m.welfareJob.fromYear ? m.welfareJob.annualPay : 0), 0);
    const workers = present.filter((m) => m.migrant && y - m.birthYear >= 17).length;
    // a worker away for a season earns something, a farm household always nets something
    const migrantWage = workers > 0 ? Math.round(Math.max(400 * workers, (rest - welfareWage) * random.float(0.5, 0.8))) : 0;
    const wage = welfareWage + migrantWage;
    const productionNet = Math.round(Math.max(rest - wage, 100 + 20 * (land.farmlandArea ?? 0)));
    const productionIncome = Math.round(productionNet / (1 - expenseRatio));
    out.push(
      {
        // the form's items; the optional sub-items stay absent, as in emptyIncomeRecord
        year: y,
        wageIncome: wage,
        productionIncome,
        productionExpense: productionIncome - productionNet,
        assetDividendIncome: assetDividend,
        landTransferIncome: landIncome,
        otherPropertyIncome: 0,
        familyPlanningIncome: familyPlanning,
        dibaoIncome: dibao,
        wubaoIncome: wubao,
        pensionIncome: pension,
        ecoCompensationIncome: eco,
        otherTransferIncome: otherTransfer,
      } satisfies IncomeRecord,
    );
  }
  return out;
}

/** Conditions and income of every year from identification to the data year. */
export function drawEconomy(random: Random, input: EconomyInput): Economy {
  const sizes = new Map<number, number>();
  for (let y = input.timeline.identYear; y <= input.lastYear; y++) sizes.set(y, input.members.filter((m) => m.fromYear <= y).length);
  const conditions = conditionsPath(random, input, sizes.get(input.timeline.identYear)!);
  const incomes = incomesPath(random, input, conditions[0]!, sizes);
  return { conditions, incomes, sizes };
}
