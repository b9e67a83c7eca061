// The five village charts' data, computed from VillageFacts. Pure apart from reading the flows'
// frozen figures, so each figure printed has one definition here.
import type { Db } from '../../db/connection';
import { codeTable, groupOf } from '../../domain/registry/code-tables';
import { HOUSEHOLD_STATUS_LABELS } from '../../domain/workflow/status';
import { villageExitCheck } from '../../domain/workflow/area-exit';
import { defaultWorkflowParams } from '../../domain/workflow/exit-params';
import type {
  CauseTableData,
  Count,
  FlowChartData,
  HouseholdTableData,
  TargetChartData,
} from '../../printing/documents/types';
import type { DistributionMapData, MapAttribute, MapStatus } from '../../printing/documents/distribution-map';
import { isRegistered, label, villageFlowRows, type FactHousehold, type VillageFacts } from './village-facts';

const zero = (): Count => ({ households: 0, persons: 0 });
const add = (c: Count, h: FactHousehold): void => {
  c.households += 1;
  c.persons += h.persons;
};
const base = (f: VillageFacts) => ({ heading: f.heading, approved: f.approved });

export const statusLabelOf = (h: FactHousehold): string =>
  h.status.status === 'poor' && h.status.returned ? '返贫' : HOUSEHOLD_STATUS_LABELS[h.status.status];

/** The planned exit year: the year's 脱贫计划, else the household form. */
const plannedExit = (h: FactHousehold): number | null => h.book?.plannedExitYear ?? h.record.plannedExitYear ?? null;

export function causeTableData(f: VillageFacts): CauseTableData {
  const registered = f.households.filter(isRegistered);
  const known = codeTable('cause', f.year, f.tables);
  const used = new Set(registered.map((h) => h.record.mainCause ?? ''));
  const causes = known.filter((c) => used.has(c.code)).map((c) => ({ code: c.code, label: c.label }));
  // A household without a (known) cause still counts, in its own column, so the totals add up.
  if (registered.some((h) => !known.some((c) => c.code === h.record.mainCause))) causes.push({ code: '', label: '未填写' });
  const col = (h: FactHousehold): number => {
    const i = causes.findIndex((c) => c.code === h.record.mainCause);
    return i >= 0 ? i : causes.length - 1;
  };
  const totals = causes.map(zero);
  const grand = zero();
  const groups = f.groups
    .map((name) => {
      const cells = causes.map(zero);
      const total = zero();
      for (const h of registered.filter((x) => x.groupName === name)) {
        const i = col(h);
        add(cells[i]!, h);
        add(totals[i]!, h);
        add(total, h);
        add(grand, h);
      }
      return { name, cells, total };
    })
    .filter((g) => g.total.households > 0 || f.groups.length <= 12);
  const poor = zero();
  for (const h of registered) if (h.status.status === 'poor') add(poor, h);
  return { ...base(f), causes, groups, totals, grand, poor };
}

export function flowChartData(db: Db, f: VillageFacts): FlowChartData {
  return { ...base(f), population: f.record?.populationCount ?? null, rows: villageFlowRows(db, f) };
}

const INDICATOR_TARGETS: Record<string, (threshold: number) => string> = {
  incidence: (t) => `低于 ${t}%`,
  industry: () => '有农民专业合作组织、有村集体经济收入',
  infrastructure: () => '通硬化路、通动力电',
  publicServices: () => '有村卫生室、有文化室',
};

export function targetChartData(db: Db, f: VillageFacts): TargetChartData {
  const flows = villageFlowRows(db, f);
  const registered = f.households.filter((h) => h.status.firstIdentified !== null);
  const planYears = registered.map(plannedExit).filter((y): y is number => y !== null);
  const lastYear = Math.max(f.year, ...planYears.filter((y) => y <= f.year + 5));
  const years = [];
  for (let y = flows[0]?.year ?? f.year; y <= lastYear; y++) {
    const planned = zero();
    for (const h of registered) if (plannedExit(h) === y) add(planned, h);
    const actual = flows.find((r) => r.year === y)?.exited ?? zero();
    years.push({ year: y, planned, actual });
  }
  const params = defaultWorkflowParams(f.year);
  const poorPersons = f.households.filter((h) => h.status.status === 'poor').reduce((s, h) => s + h.persons, 0);
  const check = villageExitCheck({ year: f.year, village: f.record, poorPersons }, params.villageIndicators, params.incidenceThresholdPercent);
  return {
    ...base(f),
    years,
    villagePlannedExitYear: f.record?.plannedExitYear ?? null,
    villageExitYear: f.record?.exitYear ?? null,
    indicators: check.results.map((r) => ({
      label: r.label,
      current: r.value ?? r.reason ?? '未填写',
      target: INDICATOR_TARGETS[r.code]?.(params.incidenceThresholdPercent) ?? '',
      done: r.passed === null ? null : r.value === null && r.passed === false ? null : r.passed,
    })),
  };
}

export function householdTableData(f: VillageFacts): HouseholdTableData {
  const rows = f.households
    .filter(isRegistered)
    .sort((a, b) => f.groups.indexOf(a.groupName) - f.groups.indexOf(b.groupName) || (a.record.headName ?? '').localeCompare(b.record.headName ?? '', 'zh-CN'))
    .map((h) => ({
      groupName: h.groupName,
      headName: h.record.headName ?? '',
      persons: h.persons,
      attributeLabel: label(f, 'attribute', h.record.attribute, h.record.dataYear),
      mainCauseLabel: label(f, 'cause', h.record.mainCause, h.record.dataYear),
      cadres: [...new Set(h.book?.cadres.map((c) => c.name) ?? [])].join('、'),
      plannedExitYear: plannedExit(h),
      measures: [...new Set(h.book?.measures.map((m) => m.categoryLabel) ?? [])].join('、'),
      perCapitaNet: h.perCapitaNet,
      statusLabel: statusLabelOf(h),
    }));
  return { ...base(f), rows };
}

export function markerStatusOf(h: FactHousehold, year: number): MapStatus {
  if (h.status.status === 'exited') return 'exited';
  if (h.status.returned) return 'returned';
  return plannedExit(h) === year ? 'exitThisYear' : 'poor';
}

export function markerAttributeOf(f: VillageFacts, h: FactHousehold): MapAttribute {
  const g = groupOf('attribute', h.record.attribute, h.record.dataYear, f.tables);
  return g === 'dibao' || g === 'wubao' ? g : 'general';
}

/** On the village's base image with the dragged positions; without one, laid out by 村民小组. */
export function distributionData(f: VillageFacts): DistributionMapData {
  const baseImage = f.map.image();
  return {
    ...base(f),
    groups: f.groups,
    baseImage,
    households: f.households.filter(isRegistered).map((h) => ({
      id: h.id,
      headName: h.record.headName ?? '',
      persons: h.persons,
      groupName: h.groupName,
      status: markerStatusOf(h, f.year),
      attribute: markerAttributeOf(f, h),
      position: baseImage ? (f.map.positions.get(h.id) ?? null) : null,
    })),
  };
}
