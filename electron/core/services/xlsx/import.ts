// Importing the national person-row layout: a dry run that reports, row by row, what is wrong
// and what would change; and an apply that writes either every valid household or nothing, in
// one transaction through the write path. Households identical to what is stored are left
// alone, so importing the same file twice changes nothing the second time.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Station } from '../../station';
import { conditions, householdEvents, households, incomes, memberships, persons } from '../../db/schema';
import { runWrite, type Actor, type Writer } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { nameInitials } from '../../domain/name-initials';
import { perCapitaNetIncomeFen } from '../../domain/registry/income';
import type { FindingView } from '../../api/contract/registry';
import { HOUSEHOLD_FIELDS, PERSON_FIELDS, type FieldSpec } from '../../domain/registry/field-specs';
import { readNode } from '../node-setup';
import { effectiveCodeTables } from '../registry/reference-data';
import { ruleEnvironment } from '../registry/quality-check';
import { cellContext } from './cells';
import { RowGrouper, type FileHousehold, type ImportProblem, type PresentColumns } from './import-rows';
import { loadRegistry, planImport, sameRecord, villageDirectory, type PlannedHousehold } from './import-plan';
import { readRegistrySheet, type ReadResult } from './read';

export type { ImportProblem } from './import-rows';

export type ImportMode = 'all-or-nothing' | 'valid-only';

export interface ImportSummary {
  /** Data rows read (one per person) */
  rows: number;
  households: number;
  persons: number;
  /** Households without errors; valid = new + changed + unchanged */
  validHouseholds: number;
  /** Households with at least one error: never written */
  invalidHouseholds: number;
  newHouseholds: number;
  changedHouseholds: number;
  unchangedHouseholds: number;
  /** Number of warning problems (written anyway) */
  warnings: number;
  /** Number of error problems */
  errors: number;
}

export interface ImportReport {
  file: { name: string; sha256: string; bytes: number; sheetName: string; headerRow: number };
  summary: ImportSummary;
  /** The first MAX_REPORTED_PROBLEMS problems, by row */
  problems: ImportProblem[];
  /** All problems, including those left out of `problems` */
  problemCount: number;
  /** Headings of the sheet the importer did not recognise (their columns were ignored) */
  ignoredColumns: string[];
  /** Milliseconds spent reading the file, checking the households and (apply) writing */
  timings: { readMs: number; checkMs: number; writeMs: number };
}

export interface ImportApplyResult extends ImportReport {
  mode: ImportMode;
  applied: { inserted: number; updated: number; unchanged: number; skipped: number };
}

export interface ImportOptions {
  /** 年度 of rows whose file has no 年度 column or leaves it empty; default: this year */
  defaultYear?: number;
  /** Households must lie in this region; default: the node's own region */
  scopeCode?: string;
  /** Refuse to apply when the file is no longer the one the dry run saw */
  expectedSha256?: string;
}

export const MAX_REPORTED_PROBLEMS = 1000;

interface ParsedFile {
  readMs: number;
  read: ReadResult;
  households: FileHousehold[];
  rows: number;
  persons: number;
  present: PresentColumns;
}

/** Reads and groups the file. Touches no table: every file-level problem is thrown from here. */
async function parseFile(station: Station, file: string, options: ImportOptions): Promise<ParsedFile> {
  const started = performance.now();
  const tables = effectiveCodeTables(station.db);
  const grouper = new RowGrouper(cellContext(tables), options.defaultYear ?? station.clock().getFullYear());
  const read = await readRegistrySheet(file, (row, found) => grouper.add(row, found));
  const households = grouper.households();
  return { read, households, rows: grouper.rows, persons: grouper.persons, present: grouper.present(), readMs: performance.now() - started };
}

const coded = (specs: readonly FieldSpec[], present: Set<string>): string[] =>
  specs.filter((s) => (s.kind === 'code' || s.kind === 'codes') && present.has(s.key)).map((s) => s.key);

function evaluate(station: Station, parsed: ParsedFile, options: ImportOptions): PlannedHousehold[] {
  const scope = options.scopeCode ?? readNode(station).regionCode;
  return planImport(parsed.households, {
    station,
    env: ruleEnvironment(station.db, station.clock()),
    villages: villageDirectory(station, scope),
    registry: loadRegistry(station),
    codedColumns: { household: coded(HOUSEHOLD_FIELDS, parsed.present.household), person: coded(PERSON_FIELDS, parsed.present.person) },
  });
}

function buildReport(file: string, parsed: ParsedFile, planned: readonly PlannedHousehold[], checkMs: number): ImportReport {
  const count = (s: PlannedHousehold['status']) => planned.filter((p) => p.status === s).length;
  const all = planned.flatMap((p) => p.problems).sort((a, b) => a.row - b.row);
  const invalid = count('invalid');
  return {
    file: { name: basename(file), sha256: parsed.read.sha256, bytes: parsed.read.fileBytes, sheetName: parsed.read.sheetName, headerRow: parsed.read.headerRow },
    summary: {
      rows: parsed.rows,
      households: planned.length,
      persons: parsed.persons,
      validHouseholds: planned.length - invalid,
      invalidHouseholds: invalid,
      newHouseholds: count('new'),
      changedHouseholds: count('changed'),
      unchangedHouseholds: count('unchanged'),
      warnings: all.filter((p) => p.severity === 'warning').length,
      errors: all.filter((p) => p.severity === 'error').length,
    },
    problems: all.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: all.length,
    ignoredColumns: [...parsed.read.header.ignored, ...parsed.read.header.duplicates],
    timings: { readMs: Math.round(parsed.readMs), checkMs: Math.round(checkMs), writeMs: 0 },
  };
}

/** Reads the file and reports what importing it would do; writes nothing. */
export async function importDryRun(station: Station, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const parsed = await parseFile(station, file, options);
  const started = performance.now();
  const planned = evaluate(station, parsed, options);
  return buildReport(file, parsed, planned, performance.now() - started);
}

/**
 * Imports the file. The households are planned again inside the write transaction, so what is
 * written matches the database at that moment, not an earlier dry run. 'all-or-nothing' refuses
 * (ROW_INVALID, nothing written) when any household has an error; 'valid-only' writes the valid
 * households and skips the rest. One runWrite: the records, their events and findings, the audit
 * entry (with the file's SHA-256 and the counts) and the change log land together or not at all.
 */
export async function importApply(station: Station, actor: Actor, file: string, mode: ImportMode, options: ImportOptions = {}): Promise<ImportApplyResult> {
  const parsed = await parseFile(station, file, options);
  if (options.expectedSha256 && options.expectedSha256 !== parsed.read.sha256) {
    throw new AppError('CONFLICT', '文件在预检之后被修改过，请重新预检后再导入');
  }
  const now = station.clock();
  return runWrite(
    station.db,
    actor,
    { action: 'registry.import', entity: 'import', entityId: parsed.read.sha256 },
    (w) => {
      const checkStarted = performance.now();
      const planned = evaluate(station, parsed, options);
      const report = buildReport(file, parsed, planned, performance.now() - checkStarted);
      const s = report.summary;
      if (mode === 'all-or-nothing' && s.invalidHouseholds > 0) {
        const first = report.problems.filter((p) => p.severity === 'error').slice(0, 3);
        throw new AppError(
          'ROW_INVALID',
          `文件中有 ${s.invalidHouseholds} 户（共 ${s.errors} 处错误）未通过检查，按“全部导入或全不导入”未导入任何数据。例如：${first.map((p) => `第 ${p.row} 行 ${p.field}：${p.field && p.message.startsWith(`${p.field}：`) ? p.message.slice(p.field.length + 1) : p.message}`).join('；')}`,
          { summary: s, problems: report.problems.slice(0, 50), problemCount: report.problemCount },
        );
      }
      const writeStarted = performance.now();
      const written = writePlanned(w, station, actor, planned, parsed, now);
      const applied = { ...written, unchanged: s.unchangedHouseholds, skipped: s.invalidHouseholds };
      w.note('import', { file: report.file.name, sha256: report.file.sha256, sheet: report.file.sheetName, rows: s.rows, households: s.households, mode, ...applied });
      report.timings.writeMs = Math.round(performance.now() - writeStarted);
      return { ...report, mode, applied };
    },
    now,
  );
}

/**
 * Ids for the rows an import inserts, shaped as UUIDv7 (RFC 9562): milliseconds, a counter, then
 * randomUUID's 62 random bits. Why not plain v4: every table's primary key and the household_id /
 * person_id indexes are B-trees, and half a million random keys land all over them, so SQLite
 * touches a different page for almost every row once the tables outgrow its cache. Keys in
 * creation order go to the right-hand edge instead: at 35 000 households the inserts took
 * 7.7 s instead of 11.8 s. The random part keeps ids from two stations apart as v4 does.
 */
export function orderedIds(clock: () => number = Date.now): () => string {
  let ms = 0;
  let seq = 0;
  return () => {
    const now = clock();
    if (now > ms) {
      ms = now;
      seq = 0;
    } else if (++seq > 0xfff) {
      // more than 4096 ids in one millisecond: borrow the next one, so the order holds
      ms += 1;
      seq = 0;
    }
    const t = ms.toString(16).padStart(12, '0');
    return `${t.slice(0, 8)}-${t.slice(8)}-7${seq.toString(16).padStart(3, '0')}${randomUUID().slice(18)}`;
  };
}

interface FindingRow {
  householdId: string;
  regionCode: string;
  finding: FindingView;
  personId: string | null;
}

function writePlanned(w: Writer, station: Station, actor: Actor, planned: PlannedHousehold[], parsed: ParsedFile, now: Date): { inserted: number; updated: number } {
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const importedDetail = (p: PlannedHousehold) => ({ sha256: parsed.read.sha256, sheet: parsed.read.sheetName, row: p.file.firstRow });
  let inserted = 0;
  let updated = 0;
  const newId = orderedIds();

  // In chunks, so each household's records can be let go once written: a county import would
  // otherwise hold every form and every row object at once.
  const CHUNK = 1000;
  for (let at = 0; at < planned.length; at += CHUNK) {
    const newHouseholds: (typeof households.$inferInsert)[] = [];
    const newPersons: (typeof persons.$inferInsert)[] = [];
    const newMemberships: (typeof memberships.$inferInsert)[] = [];
    const newConditions: (typeof conditions.$inferInsert)[] = [];
    const newIncomes: (typeof incomes.$inferInsert)[] = [];
    const newEvents: (typeof householdEvents.$inferInsert)[] = [];
    const findingRows: FindingRow[] = [];
    const replaceFindings: string[] = [];

    for (const p of planned.slice(at, at + CHUNK)) {
      if (p.status !== 'new' && p.status !== 'changed') continue;
      const form = p.form!;
      const regionCode = p.regionCode!;
      const year = form.household.dataYear;
      const warningCount = p.findings.filter((f) => f.severity === 'warning').length;
      const householdRow = {
        regionCode,
        record: form.household,
        nameInitials: nameInitials(form.household.headName),
        memberCount: form.members.length,
        errorCount: 0,
        warningCount,
        updatedAt: nowIso,
      };
      const personIds: (string | null)[] = [];
      let householdId: string;

      if (p.status === 'new') {
        householdId = newId();
        inserted += 1;
        newHouseholds.push({ id: householdId, createdAt: nowIso, ...householdRow });
        form.members.forEach((m, index) => {
          const personId = newId();
          personIds.push(personId);
          newPersons.push({ id: personId, record: m.record, createdAt: nowIso, updatedAt: nowIso });
          newMemberships.push({ id: newId(), householdId, personId, relationship: m.record.relationship, sortOrder: index, fromDate: today, joinReason: null });
        });
        if (form.conditions) newConditions.push({ id: newId(), householdId, year: form.conditions.dataYear, record: form.conditions });
        if (form.income) {
          newIncomes.push({ id: newId(), householdId, year: form.income.year, record: form.income, perCapitaNetFen: perCapitaNetIncomeFen(form.income, form.members.length) });
        }
        newEvents.push({
          id: newId(),
          householdId,
          type: 'identified',
          date: form.household.firstIdentifiedDate ?? today,
          year,
          detail: { attribute: form.household.attribute, mainCause: form.household.mainCause },
          recordedBy: actor.username,
          recordedAt: nowIso,
        });
        newEvents.push({ id: newId(), householdId, type: 'record.imported', date: today, year, detail: importedDetail(p), recordedBy: actor.username, recordedAt: nowIso });
      } else {
        const existing = p.existing!;
        householdId = existing.id;
        updated += 1;
        w.update(households, householdId, householdRow);
        form.members.forEach((m, index) => {
          const before = p.members[index]!.existing;
          if (before) {
            personIds.push(before.personId);
            if (!sameRecord(before.record, m.record)) w.update(persons, before.personId, { record: m.record, updatedAt: nowIso });
            if (before.relationship !== m.record.relationship || before.sortOrder !== index) {
              w.update(memberships, before.membershipId, { relationship: m.record.relationship, sortOrder: index });
            }
            return;
          }
          const personId = newId();
          personIds.push(personId);
          w.insert(persons, { id: personId, record: m.record, createdAt: nowIso, updatedAt: nowIso });
          w.insert(memberships, { id: newId(), householdId, personId, relationship: m.record.relationship, sortOrder: index, fromDate: today, joinReason: '07' });
          w.insert(householdEvents, { id: newId(), householdId, type: 'member.joined', date: today, year, detail: { personId, reason: '07' }, recordedBy: actor.username, recordedAt: nowIso });
        });
        if (form.conditions) {
          const before = existing.conditions;
          if (!before) w.insert(conditions, { id: newId(), householdId, year: form.conditions.dataYear, record: form.conditions });
          else if (!sameRecord(before.record, form.conditions)) w.update(conditions, before.id, { record: form.conditions });
        }
        if (form.income) {
          const before = existing.income;
          const perCapitaNetFen = perCapitaNetIncomeFen(form.income, form.members.length);
          if (!before) w.insert(incomes, { id: newId(), householdId, year: form.income.year, record: form.income, perCapitaNetFen });
          else w.update(incomes, before.id, { record: form.income, perCapitaNetFen });
        }
        w.insert(householdEvents, { id: newId(), householdId, type: 'record.imported', date: today, year, detail: importedDetail(p), recordedBy: actor.username, recordedAt: nowIso });
        replaceFindings.push(householdId);
      }
      for (const f of p.findings) {
        findingRows.push({ householdId, regionCode, finding: f, personId: f.personIndex === null ? f.personId : (personIds[f.personIndex] ?? null) });
      }
    }

    // parents before children: the foreign keys are checked row by row
    w.insertMany(households, newHouseholds);
    w.insertMany(persons, newPersons);
    w.insertMany(memberships, newMemberships);
    w.insertMany(conditions, newConditions);
    w.insertMany(incomes, newIncomes);
    w.insertMany(householdEvents, newEvents);
    storeFindingsBulk(station, replaceFindings, findingRows);
    for (const p of planned.slice(at, at + CHUNK)) {
      p.form = null;
      p.existing = null;
      p.findings = [];
    }
  }
  return { inserted, updated };
}

/**
 * Findings are a cache derived from the records (as in storeFindings): written beside them in
 * the same transaction, not audited as changes. Prepared statements, because a county import
 * stores some hundred thousand of them.
 */
function storeFindingsBulk(station: Station, replace: readonly string[], rows: readonly FindingRow[]): void {
  const db = station.db.$client;
  const del = db.prepare('DELETE FROM quality_findings WHERE household_id = ?');
  for (const id of replace) del.run(id);
  const ins = db.prepare('INSERT INTO quality_findings (household_id, region_code, rule_code, severity, entity, person_id, field, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of rows) ins.run(r.householdId, r.regionCode, r.finding.ruleCode, r.finding.severity, r.finding.entity, r.personId, r.finding.field, r.finding.message);
}
