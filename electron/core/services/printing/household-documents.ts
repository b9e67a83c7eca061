// Data for the door card (one household) and the village 公示 (identification or exit list).
// Masking happens here, before anything reaches a builder: a notice never holds a full number.
import type { Db } from '../../db/connection';
import { AppError } from '../../api/errors';
import type { ConditionsRecord, HouseholdRecord, PersonRecord } from '../../domain/registry/types';
import { labelOf } from '../../domain/registry/code-tables';
import { statusChanges } from '../../domain/workflow/status';
import { describeMaskingPolicy, maskIdNumber, maskPhone, type MaskingPolicy } from '../../domain/masking';
import { householdBook } from '../assistance/read-books';
import type { DoorCardData, NoticeData, NoticeKind } from '../../printing/documents/types';
import { closedYear, headingFor, isoDay, label, loadVillageFacts, type FactHousehold, type VillageFacts } from './village-facts';
import { statusLabelOf } from './village-documents';
import { readPrintPreferences, type ObjectionChannel } from './print-preferences';

const yesNo = (v: boolean | null | undefined, yes: string, no: string): string | null => (v === true ? yes : v === false ? no : null);

function ageOn(birth: string | null, idNumber: string | null, date: string): number | null {
  const b = birth ?? (idNumber && /^\d{17}[\dXx]$/.test(idNumber) ? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` : null);
  if (!b) return null;
  let age = Number(date.slice(0, 4)) - Number(b.slice(0, 4));
  if (date.slice(5) < b.slice(5)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

function conditionLines(facts: VillageFacts, c: ConditionsRecord | null): string[] {
  if (!c) return [];
  return [
    c.farmlandArea !== null ? `耕地 ${c.farmlandArea} 亩` : null,
    c.housingArea !== null ? `住房 ${c.housingArea} 平方米${c.housingStructure ? `（${label(facts, 'housingStructure', c.housingStructure)}）` : ''}` : null,
    yesNo(c.isDilapidated, '危房', '非危房'),
    yesNo(c.waterSafe, '饮水安全', '饮水不安全'),
    yesNo(c.hasHouseholdPower, '通生活用电', '未通生活用电'),
    c.roadType ? `入户路：${label(facts, 'roadType', c.roadType)}` : null,
    yesNo(c.hasSanitaryToilet, '有卫生厕所', '无卫生厕所'),
  ].filter((x): x is string => x !== null);
}

const fmt = (v: number | boolean | null, kind: 'amount' | 'yesNo'): string =>
  v === null ? '—' : kind === 'yesNo' ? (v ? '是' : '否') : String(v);

export function householdVillage(db: Db, householdId: string): string {
  const row = db.$client.prepare('SELECT region_code AS code FROM households WHERE id = ?').get(householdId) as { code: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  return row.code;
}

export function doorCardData(db: Db, householdId: string, year: number, today: Date, facts?: VillageFacts): DoorCardData {
  const f = facts ?? loadVillageFacts(db, householdVillage(db, householdId), year, today);
  const h = f.households.find((x) => x.id === householdId);
  if (!h) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const book = householdBook(db, householdId, year);
  const members = db.$client
    .prepare(
      `SELECT p.record, m.relationship FROM memberships m JOIN persons p ON p.id = m.person_id
       WHERE m.household_id = ? AND (m.join_reason IS NULL OR m.from_date <= ?) AND (m.to_date IS NULL OR m.to_date > ?) ORDER BY m.sort_order`,
    )
    .all(householdId, f.asOf, f.asOf) as { record: string; relationship: string | null }[];
  const condRow = db.$client.prepare('SELECT record FROM conditions WHERE household_id = ? AND year <= ? ORDER BY year DESC LIMIT 1').get(householdId, year) as { record: string } | undefined;
  const r = h.record;
  return {
    heading: f.heading,
    approved: f.approved,
    headName: r.headName ?? '',
    groupName: h.groupName,
    persons: h.persons,
    labourers: r.labourerCount,
    attributeLabel: label(f, 'attribute', r.attribute, r.dataYear),
    mainCauseLabel: label(f, 'cause', r.mainCause, r.dataYear),
    otherCauseLabels: r.otherCauses.map((c) => label(f, 'cause', c, r.dataYear)),
    statusLabel: statusLabelOf(h),
    plannedExitYear: book?.plannedExitYear ?? r.plannedExitYear,
    perCapitaNet: h.perCapitaNet,
    members: members.map((m) => {
      const p = JSON.parse(m.record) as PersonRecord;
      return {
        name: p.name ?? '',
        relationship: labelOf('relationship', p.relationship ?? m.relationship, r.dataYear, f.tables) ?? '',
        age: ageOn(p.birthDate, p.idNumber, f.asOf),
        health: p.health.map((c) => labelOf('health', c, r.dataYear, f.tables) ?? c).join('、'),
        education: labelOf('education', p.education, r.dataYear, f.tables) ?? '',
      };
    }),
    conditions: conditionLines(f, condRow ? (JSON.parse(condRow.record) as ConditionsRecord) : null),
    goal: book?.plan?.goal ?? null,
    planRows: (book?.plan?.indicators ?? []).map((i) => ({ label: i.label, baseline: fmt(i.baseline, i.kind), plan: fmt(i.plan, i.kind), actual: fmt(i.actual, i.kind) })),
    measures: (book?.measures ?? []).map((m) => ({ category: m.categoryLabel, project: m.projectName, amount: m.amount, status: m.statusLabel })),
    benefits: (book?.benefits ?? []).map((b) => b.summary),
    // The cadre's phone is the household's line to its helper: printed in full on purpose.
    cadres: (book?.cadres ?? []).map((c) => ({ name: c.name, unit: c.unitName, position: c.position ?? c.rankLabel, phone: c.phone })),
  };
}

/** Identified in the year (first identification or again after removal), or exited in the year. */
function inNotice(h: FactHousehold, kind: NoticeKind, year: number): boolean {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return statusChanges(h.events).some(
    (c, i, all) =>
      c.date >= from &&
      c.date <= to &&
      (kind === 'exit' ? c.state.status === 'exited' : c.state.status === 'poor' && !c.state.returned && all[i - 1]?.state.status !== 'poor'),
  );
}

interface NoticePeriod {
  householdId: string;
  startDate: string;
  endDate: string;
}

/** The village-level 公示 periods recorded for the year's cases of this kind. */
function recordedPeriods(db: Db, village: string, kind: NoticeKind, year: number): NoticePeriod[] {
  return db.$client
    .prepare(
      `SELECT c.household_id AS householdId, n.start_date AS startDate, n.end_date AS endDate FROM workflow_notices n
       JOIN workflow_cases c ON c.id = n.case_id
       WHERE c.region_code = ? AND c.kind = ? AND c.year = ? AND n.level = 'village' AND c.outcome <> 'withdrawn' ORDER BY n.round DESC`,
    )
    .all(village, kind, year) as NoticePeriod[];
}

function objectionOf(set: ObjectionChannel, f: VillageFacts): NoticeData['objection'] {
  const committee = `${f.heading.villageName}村民委员会`;
  return { office: set.office ?? committee, phone: set.phone, address: set.address ?? `${f.heading.townshipName}${committee}` };
}

export function noticeData(db: Db, village: string, kind: NoticeKind, year: number, policy: MaskingPolicy, today: Date): NoticeData {
  const f = loadVillageFacts(db, village, year, today);
  const periods = recordedPeriods(db, village, kind, year);
  const caseHomes = new Set(periods.map((p) => p.householdId));
  // The households of the year's cases when the workflow is in use; the registry's history otherwise.
  const listed = f.households.filter((h) => caseHomes.has(h.id) || inNotice(h, kind, year));
  const covered = listed.length > 0 && listed.every((h) => caseHomes.has(h.id));
  const starts = periods.map((p) => p.startDate).sort();
  const ends = periods.map((p) => p.endDate).sort();
  return {
    heading: { ...f.heading, asOf: f.asOf },
    form: 'notice',
    levelLabel: periods.length > 0 ? '村级公示' : null,
    periodLabel: null,
    // Final only when every listed household's 公示 is on record with its period.
    approved: covered,
    kind,
    startDate: starts[0] ?? null,
    endDate: ends[ends.length - 1] ?? null,
    rows: listed
      .sort((a, b) => f.groups.indexOf(a.groupName) - f.groups.indexOf(b.groupName) || (a.record.headName ?? '').localeCompare(b.record.headName ?? '', 'zh-CN'))
      .map((h) => {
        const r: HouseholdRecord = h.record;
        return {
          groupName: h.groupName,
          headName: r.headName ?? '',
          idMasked: maskIdNumber(r.headIdNumber, policy),
          persons: h.persons,
          attributeLabel: label(f, 'attribute', r.attribute, r.dataYear),
          causeLabel: label(f, 'cause', r.mainCause, r.dataYear),
          perCapitaNet: h.perCapitaNet,
          phoneMasked: maskPhone(r.phone, policy),
        };
      }),
    issuer: `${f.heading.villageName}村民委员会`,
    // An office, printed in full: the one set in 打印设置, else the village committee; no phone set: a blank.
    objection: objectionOf(readPrintPreferences(db).objection, f),
    maskingPolicy: describeMaskingPolicy(policy),
  };
}

export { closedYear, headingFor, isoDay };
