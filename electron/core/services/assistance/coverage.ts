// 两个全覆盖 over a region: loads what the pure check needs in a few indexed queries.
import type { Station } from '../../station';
import type { CoverageGapView, CoverageReport } from '../../api/contract/assistance';
import { COVERAGE_GAP_TITLES, activeOn, findCoverageGaps, type CoverageGapKind, type CoverageInput } from '../../domain/assistance';
import { groupOf } from '../../domain/registry/code-tables';
import { effectiveCodeTables } from '../registry/reference-data';
import { placeName } from './place-names';
import { regionRange } from '../registry/households-read';
import { readAssistancePolicy } from './policy-store';
import { relatedRegionSql } from './scope';
import { isoDay } from '../../domain/workflow/dates';

const LIMIT_PER_KIND = 500;

/** The 15-digit form an old registration may still carry for an 18-digit number. */
const id15Of = (id18: string): string => id18.slice(0, 6) + id18.slice(8, 17);

export function coverageReport(station: Station, regionCode: string, asOfInput?: string): CoverageReport {
  const db = station.db;
  const sql = db.$client;
  const asOf = asOfInput ?? isoDay(station.clock());
  const daysYear = Number(asOf.slice(0, 4)) - 1;
  const policy = readAssistancePolicy(db);
  const tables = effectiveCodeTables(db);
  const [lo, hi] = regionRange(regionCode);

  const villages = (sql.prepare('SELECT region_code AS code, attribute, json_extract(record, \'$.dataYear\') AS year FROM villages WHERE region_code >= ? AND region_code < ?').all(lo, hi) as {
    code: string;
    attribute: string | null;
    year: number | null;
  }[]).map((v) => ({ code: v.code, name: placeName(db, v.code), poor: groupOf('villageAttribute', v.attribute, v.year ?? Number(asOf.slice(0, 4)), tables) === 'poor' }));
  const teams = sql.prepare('SELECT id, region_code AS villageCode, name, from_date AS fromDate, to_date AS toDate FROM assistance_teams WHERE region_code >= ? AND region_code < ?').all(lo, hi) as CoverageInput['teams'][number][];
  const teamMembers = (
    sql
      .prepare(
        `SELECT m.team_id AS teamId, m.cadre_id AS cadreId, m.role, m.from_date AS fromDate, m.to_date AS toDate, m.days_in_village AS days
           FROM assistance_team_members m JOIN assistance_teams t ON t.id = m.team_id WHERE t.region_code >= ? AND t.region_code < ?`,
      )
      .all(lo, hi) as { teamId: string; cadreId: string; role: string; fromDate: string; toDate: string | null; days: string }[]
  ).map((m) => ({ ...m, daysInVillage: JSON.parse(m.days) as Record<string, number> }));
  const households = sql
    .prepare('SELECT id, region_code AS villageCode, head_name AS headName, exit_status AS exitStatus FROM households WHERE region_code >= ? AND region_code < ?')
    .all(lo, hi) as CoverageInput['households'][number][];
  const pairings = sql
    .prepare(
      `SELECT p.household_id AS householdId, p.cadre_id AS cadreId, p.from_date AS fromDate, p.to_date AS toDate
         FROM assistance_pairings p JOIN households h ON h.id = p.household_id WHERE h.region_code >= ? AND h.region_code < ?`,
    )
    .all(lo, hi) as CoverageInput['pairings'][number][];
  // the cadres of this region's offices and above, and anyone helping its households or teams
  const rel = relatedRegionSql('region_code', regionCode);
  const cadreRows = sql.prepare(`SELECT id, name, rank, id_number AS idNumber, region_code AS regionCode FROM assistance_cadres WHERE ${rel.sql}`).all(rel.params) as {
    id: string;
    name: string;
    rank: string;
    idNumber: string;
    regionCode: string;
  }[];
  const known = new Set(cadreRows.map((c) => c.id));
  const extraIds = [...new Set([...pairings.map((p) => p.cadreId), ...teamMembers.map((m) => m.cadreId)])].filter((id) => !known.has(id));
  const getCadre = sql.prepare('SELECT id, name, rank, id_number AS idNumber, region_code AS regionCode FROM assistance_cadres WHERE id = ?');
  for (const id of extraIds) cadreRows.push(getCadre.get(id) as (typeof cadreRows)[number]);

  // registered persons anywhere on the node whose number is a cadre's (18- or old 15-digit form)
  const registeredPersons = new Map<string, { name: string | null; householdId: string; villageCode: string }>();
  const findPerson = sql.prepare(
    `SELECT p.name, m.household_id AS householdId, h.region_code AS villageCode FROM persons p
       JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL JOIN households h ON h.id = m.household_id
      WHERE p.id_number IN (?, ?) LIMIT 1`,
  );
  for (const c of cadreRows) {
    const hit = findPerson.get(c.idNumber, id15Of(c.idNumber)) as { name: string | null; householdId: string; villageCode: string } | undefined;
    if (hit) registeredPersons.set(c.idNumber, hit);
  }

  const gaps = findCoverageGaps(
    {
      asOf,
      daysYear,
      villages,
      teams,
      teamMembers,
      households,
      pairings,
      cadres: cadreRows.map((c) => ({ id: c.id, name: c.name, rank: c.rank, idNumber18: c.idNumber })),
      registeredPersons,
      villageName: (code) => placeName(db, code),
    },
    policy,
  );
  const counts = Object.fromEntries(Object.keys(COVERAGE_GAP_TITLES).map((k) => [k, 0])) as Record<CoverageGapKind, number>;
  const shown: CoverageGapView[] = [];
  for (const g of gaps) {
    counts[g.kind] += 1;
    if (counts[g.kind] <= LIMIT_PER_KIND) shown.push({ ...g, title: COVERAGE_GAP_TITLES[g.kind], villageName: g.villageCode ? placeName(db, g.villageCode) : null });
  }
  const covered = new Set(policy.coverage.coveredExitStatuses);
  const coveredHouseholds = households.filter((h) => h.exitStatus === null || covered.has(h.exitStatus));
  const poor = villages.filter((v) => v.poor);
  const withTeam = new Set(teams.filter((t) => activeOn(t, asOf)).map((t) => t.villageCode));
  return {
    regionCode,
    asOf,
    daysYear,
    totals: {
      poorVillages: poor.length,
      poorVillagesWithTeam: poor.filter((v) => withTeam.has(v.code)).length,
      households: coveredHouseholds.length,
      householdsWithCadre: coveredHouseholds.length - counts.householdWithoutCadre,
      cadres: cadreRows.length,
    },
    counts,
    gaps: shown,
  };
}
