// Village and county exit indicators on live data: poor persons at the year's end (or today, for
// the running year) come from the household statuses, everything else from the village forms.
import type { Station } from '../../station';
import type { VillageRecord } from '../../domain/registry/types';
import { villageExitCheck, countyExitCheck } from '../../domain/workflow/area-exit';
import { householdSizeOn } from '../../domain/workflow/flows';
import { groupOf } from '../../domain/registry/code-tables';
import { ancestorCode, levelOfCode } from '../../domain/region-code';
import { AppError } from '../../api/errors';
import type { AreaExitView } from '../../api/contract/workflow';
import { effectiveCodeTables } from '../registry/reference-data';
import { regionName } from '../registry/region-names';
import { regionsBelow } from '../regions';
import { effectiveWorkflowParams } from './params';
import { statusesOn } from './flows';
import { todayOf } from './access';

/** The year's last day, or today while the year is still running. */
const yearEnd = (station: Station, year: number): string => {
  const today = todayOf(station);
  return `${year}-12-31` < today ? `${year}-12-31` : today;
};

/** Poor households and their persons per village below `scope` on `date`. */
function poorByVillage(station: Station, scope: string, date: string): Map<string, { households: number; persons: number }> {
  const out = new Map<string, { households: number; persons: number }>();
  for (const { household: h, status } of statusesOn(station.db, scope, date)) {
    if (status.status !== 'poor') continue;
    const c = out.get(h.regionCode) ?? { households: 0, persons: 0 };
    out.set(h.regionCode, { households: c.households + 1, persons: c.persons + householdSizeOn(h.memberships, date) });
  }
  return out;
}

function villageRecord(station: Station, code: string): VillageRecord | null {
  const row = station.db.$client.prepare('SELECT record FROM villages WHERE region_code = ?').get(code) as { record: string } | undefined;
  return row ? (JSON.parse(row.record) as VillageRecord) : null;
}

export function villageExit(station: Station, regionCode: string, year: number): AreaExitView {
  if (levelOfCode(regionCode) !== 'village') throw new AppError('INVALID_INPUT', `村：${regionCode} 不是村（社区）的区划代码`);
  const wf = effectiveWorkflowParams(station.db, year);
  const date = yearEnd(station, year);
  const poor = poorByVillage(station, regionCode, date).get(regionCode) ?? { households: 0, persons: 0 };
  const village = villageRecord(station, regionCode);
  const r = villageExitCheck({ year, village, poorPersons: poor.persons }, wf.villageIndicators, wf.incidenceThresholdPercent);
  const basis = { date, poorHouseholds: poor.households, poorPersons: poor.persons, population: village?.populationCount ?? null };
  return { regionCode, regionName: regionName(station.db, regionCode), year, passed: r.passed, results: r.results, basis };
}

export function countyExit(
  station: Station,
  scope: string,
  year: number,
  assessment: { wrongExitPercent: number | null; missedPercent: number | null; satisfactionPercent: number | null },
): AreaExitView {
  const county = ancestorCode(scope, 'county');
  const tables = effectiveCodeTables(station.db);
  const date = yearEnd(station, year);
  const poor = poorByVillage(station, county, date);
  let population: number | null = 0;
  const poorVillages: { exited: boolean }[] = [];
  for (const v of regionsBelow(station.db, county, 'village')) {
    const record = villageRecord(station, v.code);
    const pop = record?.populationCount ?? null;
    // One village without a population would understate the county's rate: then there is none.
    population = population === null || pop === null ? null : population + pop;
    if (record && groupOf('villageAttribute', record.attribute, year, tables) === 'poor') {
      poorVillages.push({ exited: typeof record.exitYear === 'number' && record.exitYear <= year });
    }
  }
  const poorPersons = [...poor.values()].reduce((a, b) => a + b.persons, 0);
  const poorHouseholds = [...poor.values()].reduce((a, b) => a + b.households, 0);
  const anyFigure = assessment.wrongExitPercent !== null || assessment.missedPercent !== null || assessment.satisfactionPercent !== null;
  const r = countyExitCheck({ year, poorPersons, population, poorVillages, assessment: anyFigure ? assessment : null }, effectiveWorkflowParams(station.db, year));
  const basis = { date, poorHouseholds, poorPersons, population };
  return { regionCode: county, regionName: regionName(station.db, county), year, passed: r.passed, results: r.results, basis };
}
