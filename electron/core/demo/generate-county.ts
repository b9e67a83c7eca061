// The demo county, generated without any I/O: give it the villages of a county from the division
// table, a household count and a seed, and it returns the same county every time — villages with
// their 社 and village forms, households with members, conditions and income for every year.
//
// Households can also be taken one at a time (countyStream), so that filling a database never
// holds the whole county's objects in memory at once; both ways draw the same numbers in the same
// order and give identical output.
import { createIdAllocator, generateHousehold, type DemoHousehold } from './household';
import { createRandom } from './random';
import { emptyTally, planVillages, villageRecord, type DemoVillageInput, type VillagePlan } from './villages';
import type { VillageRecord } from '../domain/registry/types';

export type { DemoHousehold, DemoMember } from './household';
export type { DemoVillageInput } from './villages';

export interface GenerateCountyOptions {
  villages: readonly DemoVillageInput[];
  households: number;
  seed: number;
  /** First registry year (建档立卡 began in 2014) */
  firstYear: number;
  /** Data year of the records (the registry's last year is 2020) */
  lastYear: number;
  /** 6-digit address code for ID numbers and 户编号; default: the county of each village */
  countyCode?: string;
  /**
   * Address codes of the counties nearby, for people born outside their own county (which is
   * left out of the list). Default: 白银市's districts and counties for a county in 6204, else none.
   */
  birthplaceCodes?: readonly string[];
}

export interface DemoVillage {
  code: string;
  name: string;
  townshipCode: string;
  /** 村民小组 names in order: 一社, 二社 … */
  groups: string[];
  record: VillageRecord;
}

export interface DemoCounty {
  villages: DemoVillage[];
  households: DemoHousehold[];
}

/** 白银市's districts and counties (GB/T 2260): where a 会宁 wife or an old man may come from. */
const BAIYIN_COUNTIES = ['620402', '620403', '620421', '620422', '620423'];

function checkOptions(o: GenerateCountyOptions): void {
  if (o.villages.length === 0) throw new Error('generateCounty needs at least one village');
  if (!Number.isInteger(o.households) || o.households < 0) throw new Error('households must be a non-negative integer');
  // the members are written with the 2019/2020 forms' codes; the registry began in 2014
  if (o.firstYear < 2014 || o.firstYear > 2016) throw new Error('firstYear must be 2014–2016');
  if (o.lastYear < 2019 || o.lastYear > 2020) throw new Error('lastYear must be 2019 or 2020');
}

/** A 16-digit 户编号, unique within the county: the county code, then a spaced-out serial. */
function householdNumber(countyCode: string, index: number, random: { int(a: number, b: number): number }): string {
  return countyCode + String(1_000_000_000 + index * 97 + random.int(0, 96));
}

/**
 * Yields the households village by village (in the order of `villages`), then returns the
 * villages with their forms, which count what was generated in them.
 */
export function* countyStream(options: GenerateCountyOptions): Generator<DemoHousehold, DemoVillage[], void> {
  checkOptions(options);
  const random = createRandom(options.seed);
  const plans: VillagePlan[] = planVillages(random, options.villages, options.households);
  const tallies = plans.map(() => emptyTally());
  const ids = createIdAllocator();
  let index = 0;
  for (let v = 0; v < plans.length; v++) {
    const village = plans[v]!;
    const countyCode = options.countyCode ?? village.code.slice(0, 6);
    const birthplaceCodes = (options.birthplaceCodes ?? (countyCode.startsWith('6204') ? BAIYIN_COUNTIES : [])).filter((c) => c !== countyCode);
    for (let k = 0; k < village.quota; k++) {
      yield generateHousehold({
        random,
        village,
        tally: tallies[v]!,
        firstYear: options.firstYear,
        lastYear: options.lastYear,
        countyCode,
        birthplaceCodes,
        householdNumber: householdNumber(countyCode, index, random),
        ids,
      });
      index += 1;
    }
  }
  return plans.map((plan, v) => ({
    code: plan.code,
    name: plan.name,
    townshipCode: plan.townshipCode,
    groups: plan.groups,
    record: villageRecord(random, plan, tallies[v]!, options.lastYear),
  }));
}

/** The whole county at once. */
export function generateCounty(options: GenerateCountyOptions): DemoCounty {
  const households: DemoHousehold[] = [];
  const stream = countyStream(options);
  for (;;) {
    const step = stream.next();
    if (step.done) return { villages: step.value, households };
    households.push(step.value);
  }
}
