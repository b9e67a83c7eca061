// Read functions for printing: the door card (帮扶明白卡), the household books (户户3本账) and the
// village's 贫困户脱贫目标任务表. Plain data, no masking: the print engine applies its masking
// policy to ID numbers and phones when a document is public.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { assistanceCadres, assistanceMeasures, assistancePairings, assistancePlans, assistanceUnits, households } from '../../db/schema';
import type { BenefitView, LedgerView, MeasureView, PlanView, TeamView } from '../../api/contract/assistance';
import { rankOf, type Period } from '../../domain/assistance';
import { labelOf } from '../../domain/registry/code-tables';
import type { HouseholdRecord } from '../../domain/registry/types';
import { effectiveCodeTables } from '../registry/reference-data';
import { regionRange } from '../registry/households-read';
import { benefitViews } from './benefits';
import { ledgerViews, measureViews, planViews } from './book-views';
import { readAssistancePolicy } from './policy-store';
import { villageTeamOn } from './household';

export interface BookCadre {
  cadreId: string;
  name: string;
  phone: string;
  unitName: string;
  /** 派出单位职务 */
  position: string | null;
  rankLabel: string;
  fromDate: string;
  toDate: string | null;
}

export interface HouseholdBook {
  householdId: string;
  year: number;
  /** The cadres who helped the household at any time in `year`, the longest-serving first */
  cadres: BookCadre[];
  /** The plan of `year`, else the latest earlier one */
  plan: PlanView | null;
  /** Planned exit year: the plan's, else the household form's */
  plannedExitYear: number | null;
  /** Measures of `year` */
  measures: MeasureView[];
  /** Ledger entries dated in `year`, oldest first (as the paper ledger runs) */
  ledger: LedgerView[];
  /** Benefits of `year` (loans that ran during the year included) */
  benefits: BenefitView[];
}

export interface VillageBookRow {
  householdId: string;
  headName: string | null;
  groupName: string | null;
  cadres: { name: string; phone: string; unitName: string }[];
  plannedExitYear: number | null;
  /** Category labels and project names of the year's measures */
  measures: { categoryLabel: string; projectName: string; status: string }[];
}

export interface VillageBook {
  villageCode: string;
  year: number;
  /** The team in office at the end of `year` (or today, for the current year) */
  team: TeamView | null;
  households: VillageBookRow[];
}

const yearPeriod = (year: number): Period => ({ fromDate: `${year}-01-01`, toDate: `${year}-12-31` });
const overlapsYear = (p: Period, year: number): boolean => p.fromDate <= `${year}-12-31` && (p.toDate === null || p.toDate >= `${year}-01-01`);

/** The household's cadres in `year` (pairings overlapping the year), longest-serving first. */
export function householdCadres(db: Db, householdId: string, year: number): BookCadre[] {
  const quota = readAssistancePolicy(db).quota;
  return db
    .select({ p: assistancePairings, c: assistanceCadres, unitName: assistanceUnits.name })
    .from(assistancePairings)
    .innerJoin(assistanceCadres, eq(assistanceCadres.id, assistancePairings.cadreId))
    .innerJoin(assistanceUnits, eq(assistanceUnits.id, assistanceCadres.unitId))
    .where(eq(assistancePairings.householdId, householdId))
    .orderBy(asc(assistancePairings.fromDate))
    .all()
    .filter(({ p }) => overlapsYear(p, year))
    .map(({ p, c, unitName }) => ({
      cadreId: c.id,
      name: c.name,
      phone: c.phone,
      unitName,
      position: c.position,
      rankLabel: rankOf(quota, c.rank)?.label ?? c.rank,
      fromDate: p.fromDate,
      toDate: p.toDate,
    }));
}

/** For the door card and the household books: one household's cadres, plan, measures, ledger and benefits in `year`. */
export function householdBook(db: Db, householdId: string, year: number): HouseholdBook | null {
  const h = db.select({ record: households.record }).from(households).where(eq(households.id, householdId)).get();
  if (!h) return null;
  const tables = effectiveCodeTables(db);
  const plans = planViews(db, householdId);
  const plan = plans.find((p) => p.year === year) ?? plans.find((p) => p.year < year) ?? null;
  const inYear = yearPeriod(year);
  return {
    householdId,
    year,
    cadres: householdCadres(db, householdId, year),
    plan,
    plannedExitYear: plan?.plannedExitYear ?? (h.record as HouseholdRecord).plannedExitYear ?? null,
    measures: measureViews(db, householdId, tables).filter((m) => m.year === year),
    ledger: ledgerViews(db, householdId)
      .filter((l) => l.date >= inYear.fromDate && l.date <= inYear.toDate!)
      .reverse(),
    benefits: benefitViews(db, householdId).filter((b) =>
      b.kind === 'smallLoan' && b.startDate ? overlapsYear({ fromDate: b.startDate, toDate: (b.detail.repaidDate as string | null) ?? b.endDate }, year) : b.year === year,
    ),
  };
}

/** For the village charts: the team, and per household its cadres, planned exit year and the year's measures. */
export function villageBook(db: Db, villageCode: string, year: number, today: string): VillageBook {
  const tables = effectiveCodeTables(db);
  const [lo, hi] = regionRange(villageCode);
  const homes = db
    .select({ id: households.id, headName: households.headName, groupName: households.groupName, record: households.record })
    .from(households)
    .where(and(gte(households.regionCode, lo), lt(households.regionCode, hi)))
    .orderBy(asc(households.groupName), asc(households.headName))
    .all();
  const cadreRows = db
    .select({ householdId: assistancePairings.householdId, fromDate: assistancePairings.fromDate, toDate: assistancePairings.toDate, name: assistanceCadres.name, phone: assistanceCadres.phone, unitName: assistanceUnits.name })
    .from(assistancePairings)
    .innerJoin(households, eq(households.id, assistancePairings.householdId))
    .innerJoin(assistanceCadres, eq(assistanceCadres.id, assistancePairings.cadreId))
    .innerJoin(assistanceUnits, eq(assistanceUnits.id, assistanceCadres.unitId))
    .where(and(gte(households.regionCode, lo), lt(households.regionCode, hi)))
    .orderBy(asc(assistancePairings.fromDate))
    .all()
    .filter((p) => overlapsYear(p, year));
  const planRows = db
    .select({ householdId: assistancePlans.householdId, year: assistancePlans.year, plannedExitYear: assistancePlans.plannedExitYear })
    .from(assistancePlans)
    .innerJoin(households, eq(households.id, assistancePlans.householdId))
    .where(and(gte(households.regionCode, lo), lt(households.regionCode, hi)))
    .all()
    .filter((p) => p.year <= year)
    .sort((a, b) => b.year - a.year);
  const measureRows = db
    .select({ householdId: assistanceMeasures.householdId, category: assistanceMeasures.category, projectName: assistanceMeasures.projectName, status: assistanceMeasures.status })
    .from(assistanceMeasures)
    .innerJoin(households, eq(households.id, assistanceMeasures.householdId))
    .where(and(gte(households.regionCode, lo), lt(households.regionCode, hi), eq(assistanceMeasures.year, year)))
    .orderBy(asc(assistanceMeasures.startDate))
    .all();
  const teamDay = `${year}-12-31` < today ? `${year}-12-31` : today;
  return {
    villageCode,
    year,
    team: villageTeamOn(db, villageCode, teamDay),
    households: homes.map((h) => ({
        householdId: h.id,
        headName: h.headName,
        groupName: h.groupName,
        cadres: cadreRows.filter((c) => c.householdId === h.id).map((c) => ({ name: c.name, phone: c.phone, unitName: c.unitName })),
        plannedExitYear: planRows.find((p) => p.householdId === h.id)?.plannedExitYear ?? (h.record as HouseholdRecord).plannedExitYear ?? null,
        measures: measureRows
          .filter((m) => m.householdId === h.id)
          .map((m) => ({ categoryLabel: labelOf('assistanceMeasure', m.category, year, tables) ?? m.category, projectName: m.projectName, status: m.status })),
      })),
  };
}

