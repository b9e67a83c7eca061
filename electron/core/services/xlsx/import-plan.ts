// What importing a file would do, household by household: find the village, find the household
// already in the database (by 户编号, then by 户主证件号码), lay the file's columns over the
// stored record (a column the file does not have leaves the stored value alone), run the same
// normalisation and quality rules as the household page, check ID numbers against the file and
// the database, and decide: invalid, new, changed or unchanged.
//
// Everything here only reads the database, so the dry run and the apply run share it; the apply
// run calls it again inside its write transaction, so a report can never be stale.
import { isRegionCode, levelOfCode, regionWithin } from '../../domain/region-code';
import { canonicalId18, normalizeIdNumber } from '../../domain/registry/id-number';
import { CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS, type FieldSpec } from '../../domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { FindingView } from '../../api/contract/registry';
import type { Station } from '../../station';
import { activeIdConflicts, normalizeForm } from '../registry/households-write';
import { evaluateHousehold, type HouseholdForm, type RuleEnvironment } from '../registry/quality-check';
import { regionRange } from '../registry/households-read';
import { getRegion, regionPath } from '../regions';
import type { FileHousehold, ImportProblem } from './import-rows';

export type HouseholdStatus = 'invalid' | 'new' | 'changed' | 'unchanged';

export interface ExistingMember {
  membershipId: string;
  personId: string;
  relationship: string | null;
  sortOrder: number;
  record: PersonRecord;
}

export interface ExistingHousehold {
  id: string;
  regionCode: string;
  record: HouseholdRecord;
  members: ExistingMember[];
  conditions: { id: string; record: ConditionsRecord } | null;
  income: { id: string; record: IncomeRecord } | null;
}

export interface PlannedMember {
  /** Sheet row; null for a stored member the file does not list (kept) */
  row: number | null;
  existing: ExistingMember | null;
}

export interface PlannedHousehold {
  file: FileHousehold;
  status: HouseholdStatus;
  regionCode: string | null;
  existing: ExistingHousehold | null;
  /** The normalised form as it would be stored (file members first, then kept members); null once not needed */
  form: HouseholdForm | null;
  members: PlannedMember[];
  /** Quality findings of the form as stored beside it (rules and database duplicates) */
  findings: FindingView[];
  problems: ImportProblem[];
}

// ---------------------------------------------------------------------------------------------
// Villages

/** Village names as typed: 李家湾, 李家湾村 and 李家湾村民委员会 are one village. */
export function villageKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(村民委员会|村委会)$/, '')
    .replace(/(社区居民委员会|社区居委会|居民委员会|居委会)$/, '社区')
    .replace(/村$/, '');
}

const townshipKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').replace(/(人民政府|街道办事处|街道|镇|乡)$/, '');

export interface VillageDirectory {
  scopeCode: string;
  scopeName: string;
  name(code: string): string | undefined;
  /** A village code below the scope, or a Chinese message saying why not (outOfScope: a real village elsewhere). */
  resolve(code: string | null, township: string | null, village: string | null): { code: string; warning?: string } | { error: string; outOfScope?: true };
}

/** 柴家门镇 柴家门村: the township and village names of a code, '' when the code is unknown. */
function placeName(station: Station, code: string): string {
  return regionPath(station.db, code)
    .filter((r) => r.level === 'township' || r.level === 'village')
    .map((r) => r.name)
    .join(' ');
}

export function villageDirectory(station: Station, scopeCode: string): VillageDirectory {
  const [lo, hi] = regionRange(scopeCode);
  const rows = station.db.$client
    .prepare("SELECT code, name, level, parent_code AS parent FROM regions WHERE code >= ? AND code < ? AND level IN ('township', 'village')")
    .all(lo, hi) as { code: string; name: string; level: string; parent: string | null }[];
  const names = new Map<string, string>();
  const townships = new Map<string, string>();
  const byName = new Map<string, { code: string; parent: string | null }[]>();
  for (const r of rows) {
    names.set(r.code, r.name);
    if (r.level === 'township') townships.set(r.code, townshipKey(r.name));
    else {
      const k = villageKey(r.name);
      const list = byName.get(k) ?? [];
      list.push({ code: r.code, parent: r.parent });
      byName.set(k, list);
    }
  }
  const scopeName = names.get(scopeCode) ?? getRegion(station.db, scopeCode)?.name ?? '本辖区';
  return {
    scopeCode,
    scopeName,
    name: (code) => names.get(code),
    resolve(rawCode, township, village) {
      if (rawCode) {
        const code = rawCode.normalize('NFKC').replace(/\s+/g, '');
        if (!isRegionCode(code) || levelOfCode(code) !== 'village') return { error: `行政区划代码应为 12 位村级代码，实际为“${code.slice(0, 20)}”` };
        if (!regionWithin(scopeCode, code)) {
          const where = placeName(station, code);
          return { error: `行政区划代码 ${code}${where ? `（${where}）` : ''}不在${scopeName}范围内：超出管辖范围，该户不能导入`, outOfScope: true };
        }
        if (!names.has(code)) return { error: `行政区划代码 ${code} 不是${scopeName}的村（社区）` };
        if (village && villageKey(village) !== villageKey(names.get(code)!)) {
          return { code, warning: `行政村名称“${village}”与区划代码 ${code}（${names.get(code)}）不一致，已按代码确定所在村` };
        }
        return { code };
      }
      if (!village) return { error: '没有填写所在村（行政区划代码或行政村名称）' };
      let found = byName.get(villageKey(village)) ?? [];
      if (found.length > 1 && township) found = found.filter((f) => f.parent && townships.get(f.parent) === townshipKey(township));
      if (found.length === 1) return { code: found[0]!.code };
      if (found.length === 0) return { error: `在${scopeName}找不到村“${village}”${township ? `（${township}）` : ''}，请填写 12 位行政区划代码` };
      return { error: `${scopeName}有 ${found.length} 个村叫“${village}”，请填写乡（镇）名称或 12 位行政区划代码` };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The database as the plan sees it

export interface Registry {
  byNumber: Map<string, string>;
  byHeadId: Map<string, string>;
  /** Stored ID number of every current member → the households they are current members of */
  activeIds: Map<string, string[]>;
  load(id: string, conditionsYear: number | null, incomeYear: number | null): ExistingHousehold | null;
  /** Reads these households (members, conditions, income) in a few queries; load() then serves them */
  prefetch(ids: readonly string[]): void;
}

export function loadRegistry(station: Station): Registry {
  const db = station.db.$client;
  const byNumber = new Map<string, string>();
  const byHeadId = new Map<string, string>();
  for (const r of db.prepare('SELECT id, household_number AS n, head_id_number AS h FROM households').iterate() as Iterable<{ id: string; n: string | null; h: string | null }>) {
    if (r.n && !byNumber.has(r.n)) byNumber.set(r.n, r.id);
    if (r.h && !byHeadId.has(r.h)) byHeadId.set(r.h, r.id);
  }
  const activeIds = new Map<string, string[]>();
  for (const r of db
    .prepare('SELECT p.id_number AS idNumber, m.household_id AS hid FROM persons p JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL WHERE p.id_number IS NOT NULL')
    .iterate() as Iterable<{ idNumber: string; hid: string }>) {
    const list = activeIds.get(r.idNumber);
    if (list) list.push(r.hid);
    else activeIds.set(r.idNumber, [r.hid]);
  }
  interface Fetched {
    regionCode: string;
    record: string;
    members: { membershipId: string; personId: string; relationship: string | null; sortOrder: number; record: string }[];
    conditions: { id: string; year: number; record: string }[];
    incomes: { id: string; year: number; record: string }[];
  }
  const cache = new Map<string, Fetched>();
  const BATCH = 400;
  const fetch = (ids: readonly string[]): void => {
    cache.clear();
    for (let at = 0; at < ids.length; at += BATCH) {
      const batch = ids.slice(at, at + BATCH);
      const marks = batch.map(() => '?').join(',');
      for (const h of db.prepare(`SELECT id, region_code AS regionCode, record FROM households WHERE id IN (${marks})`).all(...batch) as { id: string; regionCode: string; record: string }[]) {
        cache.set(h.id, { regionCode: h.regionCode, record: h.record, members: [], conditions: [], incomes: [] });
      }
      for (const m of db
        .prepare(
          `SELECT m.household_id AS hid, m.id AS membershipId, m.person_id AS personId, m.relationship, m.sort_order AS sortOrder, p.record
             FROM memberships m JOIN persons p ON p.id = m.person_id
            WHERE m.household_id IN (${marks}) AND m.to_date IS NULL ORDER BY m.household_id, m.sort_order, m.from_date`,
        )
        .all(...batch) as ({ hid: string } & Fetched['members'][number])[]) {
        cache.get(m.hid)?.members.push(m);
      }
      for (const table of ['conditions', 'incomes'] as const) {
        for (const r of db.prepare(`SELECT household_id AS hid, id, year, record FROM ${table} WHERE household_id IN (${marks})`).all(...batch) as { hid: string; id: string; year: number; record: string }[]) {
          cache.get(r.hid)?.[table].push(r);
        }
      }
    }
  };
  return {
    byNumber,
    byHeadId,
    activeIds,
    prefetch: fetch,
    load(id, conditionsYear, incomeYear) {
      if (!cache.has(id)) fetch([id]);
      const h = cache.get(id);
      if (!h) return null;
      const c = h.conditions.find((x) => x.year === conditionsYear);
      const i = h.incomes.find((x) => x.year === incomeYear);
      return {
        id,
        regionCode: h.regionCode,
        record: JSON.parse(h.record) as HouseholdRecord,
        members: h.members.map((m) => ({ membershipId: m.membershipId, personId: m.personId, relationship: m.relationship, sortOrder: m.sortOrder, record: JSON.parse(m.record) as PersonRecord })),
        conditions: c ? { id: c.id, record: JSON.parse(c.record) as ConditionsRecord } : null,
        income: i ? { id: i.id, record: JSON.parse(i.record) as IncomeRecord } : null,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Planning

const LABELS: Record<string, ReadonlyMap<string, string>> = {
  household: new Map(HOUSEHOLD_FIELDS.map((s: FieldSpec) => [s.key, s.label])),
  person: new Map(PERSON_FIELDS.map((s: FieldSpec) => [s.key, s.label])),
  conditions: new Map(CONDITIONS_FIELDS.map((s: FieldSpec) => [s.key, s.label])),
  income: new Map(INCOME_FIELDS.map((s: FieldSpec) => [s.key, s.label])),
};

/** The Chinese label of the record field a finding names. */
export function fieldLabel(entity: string, key: string): string {
  return LABELS[entity]?.get(key) ?? LABELS.household!.get(key) ?? LABELS.person!.get(key) ?? key;
}

/**
 * Two stored documents say the same: equal field by field, where a field left empty (null) and a
 * field absent are the same. Compared in place: a county re-import compares 200 000 records.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (!sameRecord(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && !sameRecord(undefined, y[k])) return false;
  return true;
}

/** The person an ID number stands for: its 18-digit form when it has one. */
const idKey = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const n = normalizeIdNumber(raw);
  // an 18-character number is its own canonical form; only 15/20/22 need the full check
  return n.length === 18 ? n : (canonicalId18(n) ?? n);
};

const RELEASED: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export interface PlanInput {
  station: Station;
  env: RuleEnvironment;
  villages: VillageDirectory;
  registry: Registry;
  /** Coded columns the file has, by record: their labelsAsPrinted entries are the file's to set or clear */
  codedColumns: { household: readonly string[]; person: readonly string[] };
}

/**
 * labelsAsPrinted after an import: the stored entries of columns the file does not have stay,
 * those of columns it has are replaced by the file's (none when it printed the table's label).
 */
function mergePrinted(stored: unknown, fromFile: unknown, fileColumns: readonly string[]): Record<string, string> | undefined {
  const out: Record<string, string> = { ...((stored as Record<string, string> | undefined) ?? {}) };
  for (const k of fileColumns) delete out[k];
  Object.assign(out, (fromFile as Record<string, string> | undefined) ?? {});
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Plans every household of the file; reads the database, never writes. Consumes `households`:
 * the file's own copies of the records are dropped once a household's form is built, so a
 * county file is not held twice in memory while it is written.
 */
export function planImport(households: readonly FileHousehold[], input: PlanInput): PlannedHousehold[] {
  // one person in two households of the file (found first, while the file's records are there)
  const firstSeen = new Map<string, number>();
  const duplicates = new Map<string, { household: number; row: number }[]>();
  const ROW = 1 << 20; // household index and row number packed into one safe integer
  households.forEach((h, hi) => {
    for (const m of h.members) {
      const k = idKey(m.record.idNumber);
      if (!k) continue;
      const prev = firstSeen.get(k);
      if (prev === undefined) firstSeen.set(k, hi * ROW + m.row);
      else if (Math.floor(prev / ROW) !== hi) {
        let list = duplicates.get(k);
        if (!list) duplicates.set(k, (list = [{ household: Math.floor(prev / ROW), row: prev % ROW }]));
        if (!list.some((x) => x.household === hi)) list.push({ household: hi, row: m.row });
      }
    }
  });
  firstSeen.clear();

  const planned: PlannedHousehold[] = [];
  const CHUNK = 400;
  for (let at = 0; at < households.length; at += CHUNK) {
    const chunk = households.slice(at, at + CHUNK);
    const ids = chunk.map((h) => (h.key.startsWith('R:') ? null : existingIdOf(h, input.registry))).filter((x): x is string => x !== null);
    if (ids.length > 0) input.registry.prefetch(ids);
    for (const h of chunk) {
      planned.push(planHousehold(h, input));
      for (const m of h.members) m.record = RELEASED;
      h.household = RELEASED;
      h.conditions = null;
      h.income = null;
    }
  }

  for (const list of duplicates.values()) {
    const rows = list.map((x) => x.row).join('、');
    for (const x of list) {
      planned[x.household]!.problems.push({
        row: x.row,
        field: '证件号码',
        rule: 'IMP-DUP-ID',
        severity: 'error',
        message: `同一证件号码出现在文件中的不同户（第 ${rows} 行）：同一人不能同时在两户`,
      });
    }
  }

  // two households of the file that are one household of the database
  const owner = new Map<string, PlannedHousehold>();
  for (const p of planned) {
    if (!p.existing) continue;
    const first = owner.get(p.existing.id);
    if (!first) owner.set(p.existing.id, p);
    else {
      p.problems.push({
        row: p.file.firstRow,
        field: '户编号',
        rule: 'IMP-DUP-HOUSEHOLD',
        severity: 'error',
        message: `与第 ${first.file.firstRow} 行开始的户对应系统中的同一户（户编号或户主证件号码相同），请合并为一户`,
      });
    }
  }

  for (const p of planned) {
    if (p.problems.some((x) => x.severity === 'error')) p.status = 'invalid';
    p.problems.sort((a, b) => a.row - b.row);
  }
  return planned;
}

/** The stored household a file household is: by 户编号, then by 户主证件号码 (column or 户主 row). */
function existingIdOf(file: FileHousehold, registry: Registry): string | null {
  const number = typeof file.household.householdNumber === 'string' ? file.household.householdNumber : null;
  const byNumber = number ? registry.byNumber.get(number) : undefined;
  if (byNumber) return byNumber;
  const headMember = file.members.find((m) => m.record.relationship === '01');
  for (const raw of [file.household.headIdNumber, headMember?.record.idNumber]) {
    if (typeof raw !== 'string' || raw === '') continue;
    const id = registry.byHeadId.get(normalizeIdNumber(raw));
    if (id) return id;
  }
  return null;
}

function planHousehold(file: FileHousehold, input: PlanInput): PlannedHousehold {
  const problems: ImportProblem[] = [...file.problems];
  const anchorRow = file.headRow ?? file.firstRow;
  const plan: PlannedHousehold = { file, status: 'invalid', regionCode: null, existing: null, form: null, members: [], findings: [], problems };
  if (file.key.startsWith('R:')) return plan;

  const place = input.villages.resolve(file.regionCode, file.townshipName, file.villageName);
  if ('error' in place) {
    const rule = 'outOfScope' in place ? 'IMP-SCOPE' : 'IMP-VILLAGE';
    problems.push({ row: file.firstRow, field: file.regionCode || !file.villageName ? '行政区划代码' : '行政村', rule, severity: 'error', message: place.error });
    return plan;
  }
  if (place.warning) problems.push({ row: file.firstRow, field: '行政村', rule: 'IMP-VILLAGE', severity: 'warning', message: place.warning });
  plan.regionCode = place.code;

  const existingId = existingIdOf(file, input.registry);
  const dataYear = file.dataYear;
  const conditionsYear = file.conditions ? ((file.conditions.dataYear as number | null) ?? dataYear) : null;
  const incomeYear = file.income ? ((file.income.year as number | null) ?? dataYear) : null;
  const existing = existingId ? input.registry.load(existingId, conditionsYear, incomeYear) : null;
  // A household stored outside the importer's scope stays out of reach, even when the file
  // places it in one of the importer's villages: an import must not move it in and overwrite it.
  if (existing && !regionWithin(input.villages.scopeCode, existing.regionCode)) {
    const where = placeName(input.station, existing.regionCode) || existing.regionCode;
    problems.push({
      row: file.firstRow,
      field: '户编号',
      rule: 'IMP-SCOPE',
      severity: 'error',
      message: `该户（户编号或户主证件号码相同）已登记在${where}，不在${input.villages.scopeName}范围内：超出管辖范围，该户不能导入`,
    });
    return plan;
  }
  plan.existing = existing;

  // members: the file's, matched to stored ones by ID number, then by name
  const unmatched = new Set(existing?.members ?? []);
  const byId = new Map<string, ExistingMember>();
  for (const m of existing?.members ?? []) {
    const k = idKey(m.record.idNumber);
    if (k && !byId.has(k)) byId.set(k, m);
  }
  const formMembers: { personId: string | null; record: PersonRecord }[] = [];
  for (const fm of file.members) {
    const k = idKey(fm.record.idNumber);
    let match = k ? byId.get(k) : undefined;
    if (match && !unmatched.has(match)) match = undefined;
    if (!match && typeof fm.record.name === 'string') {
      match = [...unmatched].find((m) => m.record.name === fm.record.name && (!k || !idKey(m.record.idNumber)) && (!fm.record.birthDate || !m.record.birthDate || fm.record.birthDate === m.record.birthDate));
    }
    if (match) unmatched.delete(match);
    plan.members.push({ row: fm.row, existing: match ?? null });
    // planImport lets the file's records go once planned, so a new member takes the file's
    // object as it is: a county import would otherwise copy 150 000 records for nothing
    const record = (match ? { ...match.record, ...fm.record } : fm.record) as unknown as PersonRecord;
    record.labelsAsPrinted = mergePrinted(match?.record.labelsAsPrinted, fm.record.labelsAsPrinted, input.codedColumns.person);
    formMembers.push({ personId: match?.personId ?? null, record });
  }
  // stored members the file does not list stay: leaving needs a reason and a date
  for (const m of unmatched) {
    plan.members.push({ row: null, existing: m });
    formMembers.push({ personId: m.personId, record: m.record });
  }
  if (unmatched.size > 0) {
    problems.push({
      row: file.firstRow,
      field: '',
      rule: 'IMP-MEMBER-KEPT',
      severity: 'warning',
      message: `系统中该户有 ${unmatched.size} 名现有成员不在文件中，已保留。如有死亡、嫁出、迁出等，请在户页面办理成员减少`,
    });
  }
  const recordedSize = file.household.householdSize;
  if (typeof recordedSize === 'number' && recordedSize !== file.members.length) {
    problems.push({
      row: anchorRow,
      field: '家庭人口数',
      rule: 'Q-REL-06',
      severity: 'warning',
      message: `家庭人口数填的是 ${recordedSize}，文件中该户有 ${file.members.length} 行成员；导入后按实际成员数计`,
    });
  }

  // the same for the household's records: laid over the stored ones, or taken as they are
  const printedHousehold = mergePrinted(existing?.record.labelsAsPrinted, file.household.labelsAsPrinted, input.codedColumns.household);
  const household = overlay(existing?.record, file.household, 'regionCode', place.code) as unknown as HouseholdRecord;
  household.labelsAsPrinted = printedHousehold;
  const conditions = file.conditions ? (overlay(existing?.conditions?.record, file.conditions, 'dataYear', conditionsYear) as unknown as ConditionsRecord) : null;
  const income = file.income ? (overlay(existing?.income?.record, file.income, 'year', incomeYear) as unknown as IncomeRecord) : null;
  const form = normalizeForm({ id: existing?.id ?? null, regionCode: place.code, household, members: formMembers, leaving: [], conditions, income });
  plan.form = form;

  const findings = evaluateHousehold(form, input.env);
  if (form.members.some((m) => isActiveElsewhere(m.record.idNumber, existing?.id ?? null, input.registry))) {
    findings.push(...activeIdConflicts(input.station, form, existing?.id ?? null));
  }
  plan.findings = findings;
  for (const f of findings) {
    const member = f.personIndex !== null ? plan.members[f.personIndex] : undefined;
    problems.push({
      row: member?.row ?? anchorRow,
      field: fieldLabel(f.entity, f.field),
      rule: f.ruleCode,
      severity: f.severity,
      message: f.message,
    });
  }
  plan.status = !existing ? 'new' : isUnchanged(plan, form, existing) ? 'unchanged' : 'changed';
  if (plan.status === 'unchanged') {
    // nothing will be written for it: let the records go (a county re-import holds 35 000 of these)
    plan.form = null;
    plan.existing = null;
    plan.members = [];
    plan.findings = [];
  }
  return plan;
}

/**
 * `{ ...stored, ...fromFile, [key]: value }`, reusing `fromFile` itself when nothing is stored
 * (the same keys in the same order: a key it has keeps its place, a new one goes last).
 */
function overlay(stored: object | undefined, fromFile: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  if (stored) return { ...stored, ...fromFile, [key]: value };
  fromFile[key] = value;
  return fromFile;
}

function isActiveElsewhere(idNumber: string | null, own: string | null, registry: Registry): boolean {
  if (!idNumber || registry.activeIds.size === 0) return false;
  const holders = registry.activeIds.get(canonicalId18(idNumber) ?? idNumber) ?? registry.activeIds.get(idNumber);
  return holders !== undefined && holders.some((h) => h !== own);
}

function isUnchanged(plan: PlannedHousehold, form: HouseholdForm, existing: ExistingHousehold): boolean {
  if (existing.regionCode !== plan.regionCode) return false;
  if (!sameRecord(existing.record, form.household)) return false;
  for (let i = 0; i < plan.members.length; i++) {
    const pm = plan.members[i]!;
    if (!pm.existing) return false;
    const record = form.members[i]!.record;
    if (!sameRecord(pm.existing.record, record) || pm.existing.relationship !== record.relationship) return false;
  }
  if (form.conditions && !sameRecord(existing.conditions?.record ?? null, form.conditions)) return false;
  if (form.income && !sameRecord(existing.income?.record ?? null, form.income)) return false;
  return true;
}
