// 年度结账: freezes a year's per-village flows and every household's status at the year's end.
// From then on the flows of that year are read from these figures (flows.ts), and dated changes
// in it are refused (domain/workflow/year-close.ts).
import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { Station } from '../../station';
import { yearCloseStatuses, yearCloses } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { refuseYearClose } from '../../domain/workflow/year-close';
import { householdSizeOn } from '../../domain/workflow/flows';
import type { VillageYearFlow, YearCloseView } from '../../api/contract/workflow';
import { closedYears } from './facts';
import { liveVillageFlows, loadRegionHouseholds, statusesOn, sumFlows } from './flows';
import { requireAuthority, todayOf, type WorkflowActor } from './access';

interface Figures {
  villages: Record<string, VillageYearFlow>;
  total: VillageYearFlow;
}

export function listYearCloses(station: Station): YearCloseView[] {
  return station.db
    .select()
    .from(yearCloses)
    .orderBy(asc(yearCloses.year))
    .all()
    .map((r) => ({ year: r.year, regionCode: r.regionCode, householdCount: r.householdCount, closedBy: r.closedBy, closedAt: r.closedAt, total: (r.figures as Figures).total }));
}

export function closeYear(station: Station, who: WorkflowActor, year: number): YearCloseView {
  requireAuthority(station, who, 'county', '年度结账');
  const refusal = refuseYearClose(year, todayOf(station), closedYears(station.db));
  if (refusal) throw new AppError('CONFLICT', refusal);
  const scope = who.scopeCode;
  const loaded = loadRegionHouseholds(station.db, scope);
  const villages = liveVillageFlows(station.db, scope, year, loaded);
  const frozen = (v: VillageYearFlow): VillageYearFlow => ({ ...v, frozen: true });
  const figures: Figures = {
    villages: Object.fromEntries([...villages].map(([code, v]) => [code, frozen(v)])),
    total: sumFlows([...villages.values()], scope, year, true),
  };
  const end = `${year}-12-31`;
  const statuses = statusesOn(station.db, scope, end, loaded).map(({ household: h, status }) => ({
    id: randomUUID(),
    year,
    householdId: h.id,
    regionCode: h.regionCode,
    status: status.status,
    returned: status.returned,
    persons: householdSizeOn(h.memberships, end),
    monitoringType: status.monitoring?.type ?? null,
  }));
  const now = station.clock();
  runWrite(station.db, who.actor, { action: 'workflow.year.close', entity: 'year_close', entityId: String(year) }, (w) => {
    w.insert(yearCloses, { year, regionCode: scope, figures, householdCount: statuses.length, closedBy: who.actor.username, closedAt: now.toISOString() });
    w.insertMany(yearCloseStatuses, statuses);
    w.note('households', statuses.length);
  }, now);
  return listYearCloses(station).find((y) => y.year === year)!;
}
