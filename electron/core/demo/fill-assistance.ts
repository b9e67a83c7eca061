// The demo county's assistance forces and household books, written after its households: units
// from province, city and county bodies (and each township's government), cadres of every rank
// within the 4432 quota, a 驻村工作队 in every poor village, a named cadre for (nearly) every
// household, a 脱贫计划, measures and ledger lines for each, and the benefits their registry
// data implies (loans, 低保, schooling, medical aid, renovation, relocation). Every generated
// record passes the same domain rules the pages apply, so the demo never shows data the app
// would refuse. One runWrite (audit entry 'demo.assistance').
import type { Station } from '../station';
import {
  assistanceCadres,
  assistanceLedger,
  assistanceMeasures,
  assistancePairings,
  assistancePlans,
  assistanceTeamMembers,
  assistanceTeams,
  assistanceUnits,
  assistanceUnitVillages,
  benefits,
} from '../db/schema';
import { runWrite, type Actor } from '../db/write-path';
import {
  DEFAULT_ASSISTANCE_POLICY,
  addYears,
  checkDibao,
  checkEducation,
  checkHealth,
  checkMeasure,
  checkRelocation,
  checkRenovation,
  checkSmallLoan,
  eligibleStatusesFor,
  errorsOf,
  planBaseline,
  quotaFor,
  type PlanIndicator,
} from '../domain/assistance';
import { ancestorCode, levelOfCode } from '../domain/region-code';
import { exitIncomeLine, type YearParams } from '../domain/registry/year-params';
import { versionOfYear } from '../domain/registry/code-tables';
import { ageOfPerson, isSick } from '../domain/registry/person-facts';
import { makeIdNumber } from '../domain/registry/id-number';
import type { HouseholdRecord, PersonRecord } from '../domain/registry/types';
import { effectiveYearParams } from '../services/registry/reference-data';
import { regionName } from '../services/registry/region-names';
import { placeName } from '../services/assistance/place-names';
import { regionRange } from '../services/registry/households-read';
import { CAUSE_MEASURES, CITY_DEPARTMENTS, COUNTY_DEPARTMENTS, FUND_BY_CATEGORY, INDUSTRY_PROJECTS, LEDGER_LINES, PLAN_GOALS, POSITIONS, PROVINCE_DEPARTMENTS } from './assistance-data';
import { HAN_SURNAMES, givenName } from './names';
import { createRandom, weightedTable, type Random } from './random';
import { sequentialIds } from './row-ids';
import { mobileNumber } from './villages';

export interface FillAssistanceResult {
  units: number;
  cadres: number;
  teams: number;
  pairings: number;
  plans: number;
  measures: number;
  ledger: number;
  benefits: number;
  /** Households left without a cadre on purpose, so the coverage page has something to show */
  unpaired: number;
  ms: number;
}

interface Home {
  id: string;
  regionCode: string;
  record: HouseholdRecord;
  /** Current members in form order */
  members: { personId: string; record: PersonRecord }[];
  /** year → 人均纯收入 (元) */
  income: Map<number, number>;
  dibaoIncome: number | null;
  /** year → { dilapidated, grade, waterSafe } */
  conditions: Map<number, { dilapidated: boolean | null; grade: string | null; waterSafe: boolean | null; renovationYear: number | null }>;
}

type Rows = {
  units: (typeof assistanceUnits.$inferInsert)[];
  unitVillages: (typeof assistanceUnitVillages.$inferInsert)[];
  cadres: (typeof assistanceCadres.$inferInsert)[];
  teams: (typeof assistanceTeams.$inferInsert)[];
  members: (typeof assistanceTeamMembers.$inferInsert)[];
  pairings: (typeof assistancePairings.$inferInsert)[];
  plans: (typeof assistancePlans.$inferInsert)[];
  measures: (typeof assistanceMeasures.$inferInsert)[];
  ledger: (typeof assistanceLedger.$inferInsert)[];
  benefits: (typeof benefits.$inferInsert)[];
};

const SURNAMES = weightedTable(HAN_SURNAMES);
const RANKS = weightedTable([['03', 4], ['04', 14], ['05', 24], ['06', 58]] as const);
const BANKS = ['会宁农商银行', '中国农业银行会宁县支行', '甘肃银行会宁支行', '中国邮政储蓄银行会宁县支行'];
/** One household in 200 is left without a cadre: a 回头看 finds such gaps. */
const UNPAIRED_SHARE = 0.005;

const pad = (n: number): string => String(n).padStart(2, '0');
const dayIn = (random: Random, year: number, fromMonth: number, toMonth: number): string => `${year}-${pad(random.int(fromMonth, toMonth))}-${pad(random.int(1, 28))}`;
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const round100 = (n: number): number => Math.round(n / 100) * 100;

function loadHomes(station: Station, regionCode: string): Home[] {
  const sql = station.db.$client;
  const [lo, hi] = regionRange(regionCode);
  const homes = new Map<string, Home>();
  for (const h of sql.prepare('SELECT id, region_code AS regionCode, record FROM households WHERE region_code >= ? AND region_code < ? ORDER BY id').all(lo, hi) as { id: string; regionCode: string; record: string }[]) {
    homes.set(h.id, { id: h.id, regionCode: h.regionCode, record: JSON.parse(h.record) as HouseholdRecord, members: [], income: new Map(), dibaoIncome: null, conditions: new Map() });
  }
  const inRegion = 'h.region_code >= ? AND h.region_code < ?';
  for (const m of sql
    .prepare(`SELECT m.household_id AS h, p.id, p.record FROM memberships m JOIN persons p ON p.id = m.person_id JOIN households h ON h.id = m.household_id WHERE m.to_date IS NULL AND ${inRegion} ORDER BY m.household_id, m.sort_order`)
    .all(lo, hi) as { h: string; id: string; record: string }[]) {
    homes.get(m.h)?.members.push({ personId: m.id, record: JSON.parse(m.record) as PersonRecord });
  }
  for (const i of sql
    .prepare(`SELECT i.household_id AS h, i.year, i.per_capita_net_fen AS fen, json_extract(i.record, '$.dibaoIncome') AS dibao FROM incomes i JOIN households h ON h.id = i.household_id WHERE ${inRegion}`)
    .all(lo, hi) as { h: string; year: number; fen: number | null; dibao: number | null }[]) {
    const home = homes.get(i.h);
    if (!home) continue;
    if (i.fen !== null) home.income.set(i.year, i.fen / 100);
    if (i.year === home.record.dataYear) home.dibaoIncome = i.dibao;
  }
  for (const c of sql
    .prepare(
      `SELECT c.household_id AS h, c.year, json_extract(c.record, '$.isDilapidated') AS d, json_extract(c.record, '$.dilapidationGrade') AS g,
              json_extract(c.record, '$.waterSafe') AS w, json_extract(c.record, '$.renovationYear') AS r
         FROM conditions c JOIN households h ON h.id = c.household_id WHERE ${inRegion}`,
    )
    .all(lo, hi) as { h: string; year: number; d: number | null; g: string | null; w: number | null; r: number | null }[]) {
    homes.get(c.h)?.conditions.set(c.year, { dilapidated: c.d === null ? null : c.d === 1, grade: c.g, waterSafe: c.w === null ? null : c.w === 1, renovationYear: c.r });
  }
  return [...homes.values()];
}

/**
 * Writes the demo's assistance data for the households already in `regionCode`. Deterministic
 * for a seed (rows are read back in insertion order); ids are time-ordered like the fill's.
 */
export function fillDemoAssistance(station: Station, options: { seed: number; regionCode: string; actor: Actor }): FillAssistanceResult {
  const started = performance.now();
  const db = station.db;
  const random = createRandom(options.seed ^ 0x5a17_2015);
  const now = station.clock();
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const nextId = sequentialIds(now);
  const policy = DEFAULT_ASSISTANCE_POLICY;
  const homes = loadHomes(station, options.regionCode);
  const rows: Rows = { units: [], unitVillages: [], cadres: [], teams: [], members: [], pairings: [], plans: [], measures: [], ledger: [], benefits: [] };
  const result: FillAssistanceResult = { units: 0, cadres: 0, teams: 0, pairings: 0, plans: 0, measures: 0, ledger: 0, benefits: 0, unpaired: 0, ms: 0 };
  if (homes.length === 0) return result;

  const countyCode = levelOfCode(options.regionCode) === 'province' || levelOfCode(options.regionCode) === 'city' ? options.regionCode : ancestorCode(options.regionCode, 'county');
  const names = {
    province: regionName(db, ancestorCode(countyCode, 'province')),
    city: regionName(db, ancestorCode(countyCode, 'city')),
    county: regionName(db, countyCode),
  };
  const [vlo, vhi] = regionRange(options.regionCode);
  const villageAttr = new Map(
    (db.$client.prepare('SELECT region_code AS code, attribute FROM villages WHERE region_code >= ? AND region_code < ?').all(vlo, vhi) as { code: string; attribute: string | null }[]).map((v) => [v.code, v.attribute]),
  );
  const villagesWithHomes = [...new Set(homes.map((h) => h.regionCode))].sort();
  // every poor village of the filled region gets its team, registered households or not
  const poorVillages = [...villageAttr].filter(([, a]) => a === '1' || a === '3').map(([code]) => code).sort();

  // ---- units: the linked units of poor villages, and each township's government
  const unitOf = new Map<string, { id: string; regionCode: string; area6: string }>();
  const addUnit = (name: string, affiliation: string, keeper: string, area6: string) => {
    const id = nextId();
    rows.units.push({ id, regionCode: keeper, name, affiliation, contactName: null, contactPhone: null, note: null, createdAt: nowIso, updatedAt: nowIso });
    return { id, regionCode: keeper, area6 };
  };
  const departments = random.shuffle([
    ...PROVINCE_DEPARTMENTS.map((d) => [`${names.province}${d}`, '02', '620102'] as const),
    ...CITY_DEPARTMENTS.map((d) => [`${names.city}${d}`, '03', `${countyCode.slice(0, 4)}02`] as const),
    ...COUNTY_DEPARTMENTS.map((d) => [`${names.county}${d}`, '04', countyCode.slice(0, 6)] as const),
  ]);
  const unitCount = Math.min(departments.length, Math.max(1, Math.ceil(poorVillages.length / 2.5)));
  const linkedUnits = departments.slice(0, unitCount).map(([name, affiliation, area6]) => addUnit(name, affiliation, countyCode, area6));
  poorVillages.forEach((v, i) => {
    const unit = linkedUnits[i % linkedUnits.length]!;
    unitOf.set(v, unit);
    rows.unitVillages.push({ id: nextId(), unitId: unit.id, regionCode: v, fromDate: `2015-0${random.int(3, 5)}-01`, toDate: null });
  });
  const townshipUnits = new Map<string, { id: string; regionCode: string; area6: string }>();
  for (const v of [...villagesWithHomes, ...poorVillages]) {
    const t = ancestorCode(v, 'township');
    if (!townshipUnits.has(t)) townshipUnits.set(t, addUnit(`${regionName(db, t)}人民政府`, '05', t, countyCode.slice(0, 6)));
  }

  // ---- cadres, unique by ID number and never a registered person
  const takenIds = new Set((db.$client.prepare('SELECT id_number AS n FROM persons WHERE id_number IS NOT NULL').all() as { n: string }[]).map((r) => r.n));
  const capacity = new Map<string, number>();
  const cadreRank = new Map<string, string>();
  const cadreUnit = new Map<string, string>();
  const newCadre = (unit: { id: string; regionCode: string; area6: string }, rank: string): string => {
    const sex = random.chance(0.72) ? '1' : '2';
    const birthYear = random.int(1963, 1993);
    const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    let idNumber: string;
    do idNumber = makeIdNumber(unit.area6, birthDate, random.int(0, 499) * 2 + (sex === '1' ? 1 : 0));
    while (takenIds.has(idNumber));
    takenIds.add(idNumber);
    const id = nextId();
    rows.cadres.push({
      id,
      regionCode: unit.regionCode,
      unitId: unit.id,
      name: SURNAMES.draw(random) + givenName(random, sex, birthYear),
      sex,
      idNumber,
      phone: mobileNumber(random),
      position: random.pick(POSITIONS[rank] ?? POSITIONS['06']!),
      politicalStatus: random.chance(0.85) ? '01' : '13',
      rank,
      education: random.weighted([['1', 8], ['2', 62], ['3', 26], ['4', 4]] as const),
      speciality: random.chance(0.3) ? random.pick(['农业技术', '畜牧兽医', '财务管理', '医疗卫生', '水利工程', '电子商务']) : null,
      note: null,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
    // most cadres take their full quota; some one household fewer
    const quota = quotaFor(policy.quota, rank) ?? 2;
    capacity.set(id, random.chance(0.8) ? quota : Math.max(1, quota - 1));
    cadreRank.set(id, rank);
    cadreUnit.set(id, unit.id);
    return id;
  };

  // ---- a team in every poor village: a 队长 (usually also 第一书记), members and a 包村干部
  const teamCadres = new Map<string, string[]>();
  const lastDaysYear = now.getFullYear() - 1;
  for (const v of poorVillages) {
    const unit = unitOf.get(v)!;
    const teamId = nextId();
    const fromDate = `2015-0${random.int(3, 6)}-${pad(random.int(1, 28))}`;
    rows.teams.push({ id: teamId, regionCode: v, name: `${placeName(db, v)}驻村帮扶工作队`, unitId: unit.id, fromDate, toDate: null, note: null, createdAt: nowIso, updatedAt: nowIso });
    const leader = newCadre(unit, random.chance(0.5) ? '04' : '05');
    const combined = random.chance(0.7);
    const crew: [string, string, boolean][] = [[leader, 'leader', combined]];
    if (!combined) crew.push([newCadre(unit, '05'), 'member', true]);
    for (let i = random.int(1, 2); i > 0; i--) crew.push([newCadre(unit, '06'), 'member', false]);
    crew.push([newCadre(townshipUnits.get(ancestorCode(v, 'township'))!, '06'), 'townshipCadre', false]);
    crew.forEach(([cadreId, role, isFirstSecretary], sortOrder) => {
      const days: Record<string, number> = {};
      if (role !== 'townshipCadre') for (let y = 2015; y <= lastDaysYear; y++) days[String(y)] = y === 2015 ? random.int(160, 200) : random.chance(0.04) ? random.int(196, 219) : random.int(222, 256);
      rows.members.push({ id: nextId(), teamId, cadreId, role, isFirstSecretary, sortOrder, fromDate, toDate: null, daysInVillage: days });
    });
    teamCadres.set(v, crew.filter(([, role]) => role !== 'townshipCadre').map(([id]) => id));
  }

  // ---- pairings: each village's households go to its team and unit (or the township) within quota
  const byVillage = new Map<string, Home[]>();
  for (const h of homes) byVillage.set(h.regionCode, [...(byVillage.get(h.regionCode) ?? []), h]);
  const cadreOf = new Map<string, { cadreId: string; fromDate: string }>();
  for (const v of villagesWithHomes) {
    const pool = [...(teamCadres.get(v) ?? [])];
    const unit = unitOf.get(v) ?? townshipUnits.get(ancestorCode(v, 'township'))!;
    let current: string | undefined;
    for (const h of byVillage.get(v)!) {
      if (random.chance(UNPAIRED_SHARE)) {
        result.unpaired += 1;
        continue;
      }
      while (!current || capacity.get(current)! <= 0) current = pool.shift() ?? newCadre(unit, RANKS.draw(random));
      capacity.set(current, capacity.get(current)! - 1);
      const fromDate = maxDate(h.record.firstIdentifiedDate ?? '2015-01-01', `2015-${pad(random.int(4, 10))}-${pad(random.int(1, 28))}`);
      if (fromDate > today) continue;
      rows.pairings.push({ id: nextId(), cadreId: current, householdId: h.id, fromDate, toDate: null, endReason: null, createdAt: nowIso });
      cadreOf.set(h.id, { cadreId: current, fromDate });
    }
  }

  // ---- the three books and the benefits of each household
  const paramCache = new Map<number, YearParams>();
  const params = (y: number): YearParams => paramCache.get(y) ?? paramCache.set(y, effectiveYearParams(db, y)).get(y)!;
  for (const h of homes) addBooks(h, { random, params, rows, cadreOf, cadreUnit, today, nowIso, nextId, actor: options.actor, station });

  runWrite(
    db,
    options.actor,
    { action: 'demo.assistance', entity: 'region', entityId: options.regionCode },
    (w) => {
      // parents first: the foreign keys are checked row by row
      result.units = w.insertMany(assistanceUnits, rows.units);
      w.insertMany(assistanceUnitVillages, rows.unitVillages);
      result.cadres = w.insertMany(assistanceCadres, rows.cadres);
      result.teams = w.insertMany(assistanceTeams, rows.teams);
      w.insertMany(assistanceTeamMembers, rows.members);
      result.pairings = w.insertMany(assistancePairings, rows.pairings);
      result.plans = w.insertMany(assistancePlans, rows.plans);
      result.measures = w.insertMany(assistanceMeasures, rows.measures);
      result.ledger = w.insertMany(assistanceLedger, rows.ledger);
      result.benefits = w.insertMany(benefits, rows.benefits);
      w.note('demo', { seed: options.seed, unpaired: result.unpaired });
    },
    now,
  );
  result.ms = performance.now() - started;
  return result;
}

interface BookContext {
  random: Random;
  /** Year parameters, read once per year */
  params(year: number): YearParams;
  rows: Rows;
  cadreOf: Map<string, { cadreId: string; fromDate: string }>;
  cadreUnit: Map<string, string>;
  today: string;
  nowIso: string;
  nextId: () => string;
  actor: Actor;
  station: Station;
}

function addBooks(h: Home, ctx: BookContext): void {
  const { random, rows, today, nowIso, nextId } = ctx;
  const r = h.record;
  const year = r.dataYear;
  const firstYear = Math.max(2014, Number((r.firstIdentifiedDate ?? `${year}-01-01`).slice(0, 4)));
  const pairing = ctx.cadreOf.get(h.id);
  const params = ctx.params;

  // 脱贫计划 of the data year: 现状 as identified, 计划 the targets, 完成 as the registry says now
  const facts = (y: number) => ({
    year: y,
    mainCause: r.mainCause,
    perCapitaIncome: h.income.get(y) ?? null,
    isDilapidated: h.conditions.get(y)?.dilapidated ?? null,
    waterSafe: h.conditions.get(y)?.waterSafe ?? null,
    members: h.members.map((m) => m.record),
  });
  const before = planBaseline(facts(firstYear));
  const after = planBaseline(facts(year));
  const exitYear = r.plannedExitYear ?? year;
  const line = exitIncomeLine(params(Math.min(exitYear, 2020))) ?? 4000;
  const indicators: PlanIndicator[] = before.map((b, i) => ({
    ...b,
    plan: b.kind === 'amount' ? round100(Math.max(line * 1.15, ((b.baseline as number | null) ?? line) * 1.3)) : true,
    actual: after[i]!.baseline,
  }));
  rows.plans.push({ id: nextId(), householdId: h.id, year, plannedExitYear: r.plannedExitYear, period: `${firstYear}—${exitYear}`, goal: PLAN_GOALS[r.mainCause ?? ''] ?? '发展种养产业，稳定增收', indicators, updatedAt: nowIso });

  // 帮扶措施: the household's industry, and the two measures its main cause calls for
  const industry = random.pick(INDUSTRY_PROJECTS);
  const causeMeasures = CAUSE_MEASURES[r.mainCause ?? ''] ?? [];
  for (let y = Math.max(firstYear, 2016); y <= year; y++) {
    // the industry is funded every other year (and in the data year), as 到户 funds were
    const list: [string, string, [number, number]][] = (y - firstYear) % 2 === 0 || y === year ? [['01', industry.name, industry.amount]] : [];
    if (y === Math.max(firstYear, 2016) && causeMeasures[0]) list.push([causeMeasures[0][0], causeMeasures[0][1], [500, 5000]]);
    if (y === Math.min(exitYear, year) && causeMeasures[1]) list.push([causeMeasures[1][0], causeMeasures[1][1], [300, 3000]]);
    for (const [category, projectName, [lo, hi]] of list) {
      let startDate = dayIn(random, y, 3, 5);
      if (pairing && startDate < pairing.fromDate) startDate = pairing.fromDate;
      const endDate = maxDate(startDate, dayIn(random, y, 9, 11));
      const amount = round100(random.int(lo, hi));
      const measure = {
        year: y,
        category,
        projectName,
        fundSource: FUND_BY_CATEGORY[category] ?? '01',
        amount,
        startDate,
        endDate: endDate <= today ? endDate : null,
        benefitAmount: category === '01' ? round100(amount * random.float(0.4, 0.9)) : null,
        responsibleCadreId: pairing?.cadreId ?? null,
        status: endDate <= today ? 'done' : 'inProgress',
      };
      if (errorsOf(checkMeasure(measure, { asOf: today, cadreIsHelper: null })).length > 0) continue;
      rows.measures.push({
        id: nextId(),
        householdId: h.id,
        ...measure,
        benefit: category === '01' ? `${industry.benefit}收入 ${measure.benefitAmount} 元` : null,
        responsibleUnitId: pairing ? (ctx.cadreUnit.get(pairing.cadreId) ?? null) : null,
        note: null,
        createdAt: nowIso,
        updatedAt: nowIso,
      });
    }
  }

  // 工作台账: one entry in each of the two years before the data year, three in the data year
  if (pairing) {
    for (let y = Math.max(Number(pairing.fromDate.slice(0, 4)), year - 2); y <= year; y++) {
      for (let n = y === year ? 3 : 1; n > 0; n--) {
        const date = maxDate(pairing.fromDate, dayIn(random, y, 1, 12));
        if (date > today) continue;
        const [kind, content, solved] = random.pick(LEDGER_LINES);
        rows.ledger.push({ id: nextId(), householdId: h.id, cadreId: pairing.cadreId, date, kind, content, problemSolved: solved, headSigned: random.chance(0.9), recordedBy: ctx.actor.username, createdAt: nowIso });
      }
    }
  }

  addBenefits(h, { ...ctx, firstYear, year });
}

function addBenefits(h: Home, ctx: BookContext & { firstYear: number; year: number }): void {
  const { random, rows, today, nextId, firstYear, year } = ctx;
  const r = h.record;
  const policy = DEFAULT_ASSISTANCE_POLICY;
  const push = (row: Omit<typeof benefits.$inferInsert, 'id' | 'householdId'>) => rows.benefits.push({ id: nextId(), householdId: h.id, ...row });
  const head = h.members.find((m) => m.record.relationship === '01') ?? null;

  // 扶贫小额信贷: most 缺资金 households and some others, to a head of working age
  if (head && (r.mainCause === '09' ? random.chance(0.8) : random.chance(0.2))) {
    const startDate = maxDate(r.firstIdentifiedDate ?? '2015-06-01', dayIn(random, random.int(2015, 2018), 3, 6));
    const endDate = addYears(startDate, 3);
    const loan = { amount: random.pick([50_000, 50_000, 50_000, 30_000, 20_000]), startDate, endDate, purpose: random.chance(0.6) ? '02' : '01', repaidDate: endDate < today ? endDate : null };
    const params = ctx.params(Number(startDate.slice(0, 4)));
    const ok = errorsOf(checkSmallLoan(loan, { borrower: head.record, otherLoans: [], householdEligible: true, params, policy })).length === 0;
    if (ok && startDate <= today) {
      push({ kind: 'smallLoan', personId: head.personId, year: Number(startDate.slice(0, 4)), amount: loan.amount, startDate, endDate, detail: { purpose: loan.purpose, loanType: random.chance(0.7) ? 'development' : 'driven', bank: random.pick(BANKS), repaidDate: loan.repaidDate } });
    }
  }

  // 低保 of the data year, as the income form records it
  const dibaoPersons = h.members.filter((m) => m.record.receivesDibao === true).length;
  if (dibaoPersons > 0 && h.dibaoIncome && h.dibaoIncome > 0) {
    const params = ctx.params(year);
    // 二类 when its standard covers the amount, else 一类 (the higher standard)
    const fits = (code: string) => params.dibaoClasses.find((c) => c.classCode === code && c.annualAmount !== null && h.dibaoIncome! <= c.annualAmount * dibaoPersons);
    const cls = fits('2') ?? fits('1');
    const d = { year, classCode: cls?.classCode ?? '', persons: dibaoPersons, amount: h.dibaoIncome };
    if (cls && errorsOf(checkDibao(d, { params, membersReceivingDibao: dibaoPersons, householdSize: h.members.length })).length === 0) {
      push({ kind: 'dibao', personId: null, year, amount: d.amount, startDate: null, endDate: null, detail: { classCode: d.classCode, persons: d.persons } });
    }
  }

  // 危房改造: a house dilapidated when identified and safe now
  const first = h.conditions.get(firstYear);
  const now = h.conditions.get(year);
  if (first?.dilapidated && now?.dilapidated === false && (first.grade === '02' || first.grade === '03')) {
    const renoYear = now.renovationYear ?? Math.min(year, firstYear + 1);
    const reno = { grade: first.grade, method: first.grade === '02' ? 'repair' : 'rebuild', amount: first.grade === '02' ? random.int(8, 12) * 1000 : random.int(18, 25) * 1000 };
    if (errorsOf(checkRenovation(reno, { policy, earlier: [], year: renoYear })).length === 0) {
      push({ kind: 'housingRenovation', personId: null, year: renoYear, amount: reno.amount, startDate: null, endDate: `${renoYear}-10-${pad(random.int(1, 28))}`, detail: { grade: reno.grade, method: reno.method } });
    }
  }

  // 易地扶贫搬迁, for the households the registry marks as relocated
  if (r.isRelocationHousehold && r.relocation?.resettlementMode) {
    const persons = h.members.length;
    const params = ctx.params(Math.max(firstYear, 2016));
    const rel = { resettlementMode: r.relocation.resettlementMode, persons, housingAreaM2: Math.min(25 * persons, 25 * persons - random.int(0, 10)), selfFundingYuan: Math.min(2000 * persons, 10_000, random.int(3, 10) * 1000), amount: 40_000 + random.int(0, 10) * 1000 };
    if (errorsOf(checkRelocation(rel, { year: params.year, params, householdSize: persons, earlier: [] })).length === 0) {
      push({ kind: 'relocation', personId: null, year: params.year, amount: rel.amount, startDate: `${params.year}-${pad(random.int(9, 12))}-${pad(random.int(1, 28))}`, endDate: null, detail: { resettlementMode: rel.resettlementMode, resettlementPlace: r.relocation.resettlementPlace, persons, housingAreaM2: rel.housingAreaM2, selfFundingYuan: rel.selfFundingYuan } });
    }
  }

  // 雨露计划 for vocational students, medical aid for the ill
  const yulu = policy.education.find((p) => p.code === 'yulu')!;
  const vocational = eligibleStatusesFor(yulu, versionOfYear(year)) ?? [];
  for (const { personId, record: m } of h.members) {
    if (m.studentStatus && vocational.includes(m.studentStatus) && errorsOf(checkEducation({ year, program: 'yulu', amount: 3000 }, { student: m, policy, sameProgramThisYear: 0 })).length === 0) {
      push({ kind: 'education', personId, year, amount: 3000, startDate: null, endDate: null, detail: { program: 'yulu' } });
    }
    if (isSick(m, year) && (ageOfPerson(m, `${year}-12-31`) ?? 0) >= 16 && random.chance(0.6)) {
      const amount = round100(random.int(800, 6000));
      if (errorsOf(checkHealth({ year, program: 'aid', amount }, { member: m, policy })).length === 0) {
        push({ kind: 'health', personId, year, amount, startDate: null, endDate: null, detail: { program: 'aid' } });
      }
    }
  }
}
