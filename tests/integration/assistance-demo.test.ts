// The demo county's assistance data: realistic, within every rule the pages apply, and what the
// printing reads (door cards, household books, the village's 脱贫目标任务表).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoCounty, type FillDemoResult } from '../../electron/core/demo/fill-county';
import { householdBook, villageBook } from '../../electron/core/services/assistance/read-books';
import type { BenefitView } from '../../electron/core/api/contract';
import { makeStation, ok, loginAs, ADMIN, type TestStation } from '../helpers/station';

let ts: TestStation;
let result: FillDemoResult;
let admin: string;
const all = <T>(sql: string, ...params: unknown[]): T[] => ts.station.db.$client.prepare(sql).all(...params) as T[];
const count = (sql: string, ...params: unknown[]): number => (ts.station.db.$client.prepare(sql).get(...params) as { n: number }).n;

beforeAll(async () => {
  ts = await makeStation();
  result = fillDemoCounty(ts.station, { households: 400, seed: 11, townships: 1 });
  admin = await loginAs(ts.station, ADMIN.username, ADMIN.password);
});
afterAll(() => ts?.close());

describe('the demo county\'s assistance forces', () => {
  it('gives every poor village a team and all but a handful of households a cadre, within the quota', async () => {
    const a = result.assistance;
    expect(a.plans).toBe(400);
    expect(a.pairings + a.unpaired).toBe(400);
    expect(a.unpaired).toBeLessThanOrEqual(6);
    const report = await ok(ts.station, 'assistance.coverage', {}, admin);
    expect(report.counts).toMatchObject({ villageWithoutTeam: 0, cadreIsPoorPerson: 0, cadreOverQuota: 0, teamWithoutLeader: 0, householdWithoutCadre: a.unpaired });
    expect(report.totals.poorVillages).toBe(a.teams);
    expect(report.totals.poorVillages).toBeGreaterThan(0);
    // ranks spread over the quota table; every cadre at or under quota
    const ranks = all<{ rank: string; n: number }>('SELECT rank, count(*) AS n FROM assistance_cadres GROUP BY rank');
    expect(ranks.map((r) => r.rank).sort()).toEqual(expect.arrayContaining(['04', '05', '06']));
    const cadres = await ok(ts.station, 'assistance.listCadres', { limit: 500 }, admin);
    expect(cadres.rows.every((c) => c.standing !== 'over')).toBe(true);
    // each team: one 队长, a 第一书记, a 包村干部
    const teams = await ok(ts.station, 'assistance.listTeams', {}, admin);
    for (const t of teams) {
      expect(t.members.filter((m) => m.role === 'leader')).toHaveLength(1);
      expect(t.members.filter((m) => m.isFirstSecretary)).toHaveLength(1);
      expect(t.members.some((m) => m.role === 'townshipCadre')).toBe(true);
    }
  });

  it('writes in one audited step with a change-log row per row', () => {
    const entry = all<{ seq: number; after: string }>("SELECT seq, after FROM audit_log WHERE action = 'demo.assistance'");
    expect(entry).toHaveLength(1);
    const inserted = JSON.parse(entry[0]!.after)._notes.inserted as Record<string, number>;
    expect(inserted.assistance_pairings).toBe(result.assistance.pairings);
    const logged = count('SELECT count(*) AS n FROM change_log WHERE audit_seq = ?', entry[0]!.seq);
    expect(logged).toBe(Object.values(inserted).reduce((s, n) => s + n, 0));
  });

  it('generates only records the pages would accept: each benefit, measure and ledger entry saves again unchanged', async () => {
    const homes = all<{ id: string }>('SELECT DISTINCT household_id AS id FROM benefits');
    const kinds = new Set<string>();
    for (const { id } of homes) {
      const view = await ok(ts.station, 'assistance.household', { householdId: id }, admin);
      for (const b of view.benefits) {
        kinds.add(b.kind);
        const r = await ok(ts.station, 'assistance.saveBenefit', { id: b.id, householdId: id, benefit: asInput(b) }, admin);
        expect(r.id).toBe(b.id);
      }
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['dibao', 'smallLoan']));
    for (const { id } of all<{ id: string }>('SELECT id FROM households ORDER BY id LIMIT 25')) {
      const view = await ok(ts.station, 'assistance.household', { householdId: id }, admin);
      for (const m of view.measures) {
        const { categoryLabel: _c, fundSourceLabel: _f, responsibleUnitName: _u, responsibleCadreName: _n, statusLabel: _s, ...rest } = m;
        await ok(ts.station, 'assistance.saveMeasure', { ...rest, householdId: id }, admin);
      }
      for (const l of view.ledger) {
        await ok(ts.station, 'assistance.saveLedgerEntry', { id: l.id, householdId: id, cadreId: l.cadreId, date: l.date, kind: l.kind, content: l.content, problemSolved: l.problemSolved, headSigned: l.headSigned }, admin);
      }
      const plan = view.plans[0]!;
      await ok(ts.station, 'assistance.savePlan', { householdId: id, year: plan.year, plannedExitYear: plan.plannedExitYear, period: plan.period, goal: plan.goal, indicators: plan.indicators }, admin);
    }
  });
});

describe('read functions for printing', () => {
  it('householdBook: the cadre with phone and unit, the plan, the year\'s measures and ledger in date order', () => {
    const id = all<{ id: string }>('SELECT household_id AS id FROM assistance_pairings ORDER BY id LIMIT 1')[0]!.id;
    const book = householdBook(ts.station.db, id, 2020)!;
    expect(book.cadres).toHaveLength(1);
    expect(book.cadres[0]!.phone).toMatch(/^1\d{10}$/);
    expect(book.cadres[0]!.unitName).not.toBe('');
    expect(book.plan?.year).toBe(2020);
    expect(book.plan?.indicators.map((i) => i.label)).toContain('人均纯收入（元）');
    expect(book.plannedExitYear).toBe(book.plan!.plannedExitYear);
    expect(book.measures.length).toBeGreaterThan(0);
    expect(book.measures.every((m) => m.year === 2020)).toBe(true);
    expect(book.ledger.length).toBeGreaterThan(0);
    expect(book.ledger.map((l) => l.date)).toEqual([...book.ledger.map((l) => l.date)].sort());
    expect(book.ledger.every((l) => l.date.startsWith('2020'))).toBe(true);
    expect(householdBook(ts.station.db, 'nobody', 2020)).toBeNull();
  });

  it('villageBook: the poor village\'s team, each household\'s cadre, planned exit year and measures', () => {
    const village = all<{ code: string }>('SELECT region_code AS code FROM assistance_teams ORDER BY region_code LIMIT 1')[0]!.code;
    const book = villageBook(ts.station.db, village, 2020, '2026-03-02');
    expect(book.team?.members.some((m) => m.role === 'leader')).toBe(true);
    const households = count('SELECT count(*) AS n FROM households WHERE region_code = ?', village);
    expect(book.households).toHaveLength(households);
    const paired = book.households.filter((h) => h.cadres.length > 0);
    expect(paired.length).toBeGreaterThanOrEqual(households - result.assistance.unpaired);
    expect(paired[0]!.cadres[0]!.phone).toMatch(/^1\d{10}$/);
    expect(book.households.every((h) => h.plannedExitYear !== null)).toBe(true);
    expect(book.households.some((h) => h.measures.some((m) => m.categoryLabel === '产业扶贫'))).toBe(true);
  });
});

describe('determinism', () => {
  it('the same seed gives the same cadres and books', async () => {
    const other = await makeStation();
    try {
      fillDemoCounty(other.station, { households: 400, seed: 11, townships: 1 });
      const names = (db: TestStation['station']['db']) =>
        (db.$client.prepare('SELECT name, phone, rank FROM assistance_cadres ORDER BY id').all() as unknown[]).concat(db.$client.prepare('SELECT date, kind FROM assistance_ledger ORDER BY id').all());
      expect(names(other.station.db)).toEqual(names(ts.station.db));
    } finally {
      other.close();
    }
  });
});

/** A stored benefit back in the form's shape. */
function asInput(b: BenefitView) {
  // the stored detail, shaped by its kind
  const d = b.detail as Record<string, any>;
  const base = { personId: b.personId, year: b.year, amount: b.amount };
  switch (b.kind) {
    case 'smallLoan':
      return { kind: 'smallLoan' as const, ...base, startDate: b.startDate!, endDate: b.endDate!, purpose: d.purpose, loanType: d.loanType, bank: d.bank, repaidDate: d.repaidDate };
    case 'dibao':
      return { kind: 'dibao' as const, ...base, classCode: d.classCode, persons: d.persons };
    case 'relocation':
      return { kind: 'relocation' as const, ...base, resettlementMode: d.resettlementMode, resettlementPlace: d.resettlementPlace, persons: d.persons, housingAreaM2: d.housingAreaM2, selfFundingYuan: d.selfFundingYuan, startDate: b.startDate };
    case 'housingRenovation':
      return { kind: 'housingRenovation' as const, ...base, grade: d.grade, method: d.method, endDate: b.endDate };
    case 'education':
      return { kind: 'education' as const, ...base, program: d.program };
    default:
      return { kind: 'health' as const, ...base, program: d.program };
  }
}

