// Applying a child's report at the parent: ownership first (design.md §1 — a child's package may
// change only households in the child's region, and a row already held for another region may
// not be taken over), then deletions children-first, then upserts parents-first, all through the
// one write path so the parent's own change log carries the rows on to its parent.
import type { Station } from '../../station';
import { runWrite, SYSTEM_ACTOR, type Writer } from '../../db/write-path';
import { households } from '../../db/schema';
import { significantPrefix } from '../../domain/region-code';
import { packageError } from '../../exchange/package-errors';
import { readNdjson } from '../../exchange/ndjson';
import { DELETES_FILE, type Finding, type ReportMeta } from '../../exchange/payloads';
import { REPORT_TABLES, cleanRow, reportTable, type ReportTable } from './report-tables';
import type { PeerRow } from './peers';

type Row = Record<string, unknown>;

export interface ParsedReport {
  meta: ReportMeta;
  rows: Map<string, Row[]>;
  deletes: { table: string; id: string }[];
}

/**
 * Parses the NDJSON files of a report, one file at a time as they arrive (the import parses a
 * table while the next one is still being inflated), and checks every row's shape and, at the
 * end, the counts against the manifest's. The first bad file's error is kept, not thrown, until `finish`: a
 * later file that cannot be decrypted or inflated must still be the error the sender hears, as
 * when every file was opened before any was parsed.
 */
export class ReportParser {
  private rows = new Map<string, Row[]>();
  private deletes: ParsedReport['deletes'] = [];
  private deleteBytes: Uint8Array | null = null;
  private error: unknown = null;

  addFile(name: string, bytes: Uint8Array): void {
    // The deletions are parsed last, after every table, wherever their file comes.
    if (name === DELETES_FILE) this.deleteBytes = bytes;
    if (this.error !== null || name === DELETES_FILE) return;
    try {
      this.parseTable(name, bytes);
    } catch (err) {
      this.error = err;
    }
  }

  finish(meta: ReportMeta, recordCounts: Record<string, number>): ParsedReport {
    if (this.error !== null) throw this.error;
    if (this.deleteBytes) this.parseDeletes(this.deleteBytes);
    const { rows, deletes } = this;
    const seen: Record<string, number> = Object.fromEntries([...rows].map(([t, list]) => [t, list.length]));
    if (deletes.length > 0) seen.deletes = deletes.length;
    for (const key of new Set([...Object.keys(seen), ...Object.keys(recordCounts)])) {
      if ((seen[key] ?? 0) !== (recordCounts[key] ?? 0)) {
        throw packageError('PACKAGE_CONTENT', 'COUNT_MISMATCH', `${key} 的记录数与清单不符（清单 ${recordCounts[key] ?? 0} 条，实际 ${seen[key] ?? 0} 条）`);
      }
    }
    return { meta, rows, deletes };
  }

  private parseTable(name: string, bytes: Uint8Array): void {
    const tableName = name.replace(/\.ndjson$/, '');
    const t = reportTable(tableName);
    if (!t || !name.endsWith('.ndjson')) throw packageError('PACKAGE_CONTENT', 'UNKNOWN_TABLE', `数据包中有本系统不接收的数据文件 ${name.slice(0, 60)}`);
    const list: Row[] = [];
    readNdjson(bytes, name, (value, line) => list.push(cleanRow(t, value, name, line)));
    this.rows.set(t.name, list);
  }

  private parseDeletes(bytes: Uint8Array): void {
    readNdjson(bytes, DELETES_FILE, (value, line) => {
      const v = value as { table?: unknown; id?: unknown };
      if (typeof v !== 'object' || v === null || typeof v.table !== 'string' || typeof v.id !== 'string' || !reportTable(v.table)) {
        throw packageError('PACKAGE_CONTENT', 'ROW_INVALID', `${DELETES_FILE} 第 ${line} 行格式不对`);
      }
      this.deletes.push({ table: v.table, id: v.id });
    });
  }
}

export interface ApplyCounts {
  [table: string]: { inserted: number; updated: number; deleted: number };
}

interface Plan {
  t: ReportTable;
  inserts: Row[];
  updates: Row[];
}

/**
 * Runs inside the import's runWrite. Throws PACKAGE_OWNERSHIP naming the rows outside the
 * sender's region, or PACKAGE_CONTENT for a row that refers to a household or person nobody has.
 */
export function applyReport(w: Writer, station: Station, sender: PeerRow, report: ParsedReport): { counts: ApplyCounts; findings: Finding[] } {
  const sqlite = station.db.$client;
  const region = sender.regionCode;
  // regionWithin, with the sender's prefix worked out once instead of per row.
  const prefix = significantPrefix(region);
  // A county's rows carry a few hundred distinct village codes: each is tested once.
  const withinByCode = new Map<string, boolean>();
  const within = (code: unknown): boolean => {
    if (typeof code !== 'string') return false;
    let ok = withinByCode.get(code);
    if (ok === undefined) {
      ok = code.length === 12 && code.startsWith(prefix) && /^\d{12}$/.test(code);
      withinByCode.set(code, ok);
    }
    return ok;
  };
  const violations: { table: string; rowId: string; region: string | null }[] = [];
  const missing: { table: string; rowId: string; what: string }[] = [];
  const findings: Finding[] = [];

  const householdRegionStmt = sqlite.prepare('SELECT region_code FROM households WHERE id = ?').pluck();
  const personExistsStmt = sqlite.prepare('SELECT 1 FROM persons WHERE id = ?').pluck();
  const personRegionsStmt = sqlite
    .prepare('SELECT h.region_code FROM memberships m JOIN households h ON h.id = m.household_id WHERE m.person_id = ?')
    .pluck();
  // Which incoming rows exist here already, and who owns them: one query per table (the ids go
  // in as a JSON array), not one per row.
  const existing = new Map<string, Map<string, unknown>>();
  const lookUp = (t: ReportTable, ids: string[]): Map<string, unknown> => {
    // A parent's first snapshot from a child lands in empty tables: nothing to look up.
    if (sqlite.prepare(`SELECT 1 FROM "${t.name}" LIMIT 1`).get() === undefined) return new Map();
    const col = t.owner.by === 'person' ? t.pkName : ownerColumn(t, t.owner.key);
    const rows = sqlite
      .prepare(`SELECT "${t.pkName}" AS id, "${col}" AS owner FROM "${t.name}" WHERE "${t.pkName}" IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as { id: string; owner: unknown }[];
    return new Map(rows.map((r) => [r.id, r.owner]));
  };
  const existingOwner = (t: ReportTable, id: string): { exists: boolean; owner: unknown } => {
    const found = existing.get(t.name);
    const owner = found ? found.get(id) : (sqlite.prepare(`SELECT 1 FROM "${t.name}" WHERE "${t.pkName}" = ?`).pluck().get(id) as unknown);
    return { exists: owner !== undefined, owner };
  };
  for (const t of REPORT_TABLES) {
    const ids = [...(report.rows.get(t.name) ?? []).map((r) => r[t.pkKey] as string), ...report.deletes.filter((d) => d.table === t.name).map((d) => d.id)];
    if (ids.length > 0) existing.set(t.name, lookUp(t, ids));
  }

  const pkgHouseholds = new Map<string, unknown>();
  for (const h of report.rows.get('households') ?? []) pkgHouseholds.set(h.id as string, h.regionCode);
  const householdRegion = (id: unknown): unknown => (typeof id === 'string' ? (pkgHouseholds.get(id) ?? householdRegionStmt.get(id)) : undefined);
  const pkgPersons = new Set((report.rows.get('persons') ?? []).map((p) => p.id as string));
  const personLinks = new Map<string, unknown[]>();
  for (const m of report.rows.get('memberships') ?? []) {
    const list = personLinks.get(m.personId as string) ?? [];
    list.push(householdRegion(m.householdId));
    personLinks.set(m.personId as string, list);
  }

  /** The region an existing row belongs to now, through its household for household rows. */
  const currentRegion = (t: ReportTable, owner: unknown, id: string): unknown => {
    if (t.owner.by === 'region') return owner;
    if (t.owner.by === 'household') return householdRegionStmt.get(owner as string);
    const regions = personRegionsStmt.all(id);
    return regions.find(within) ?? regions[0] ?? null;
  };

  const plans: Plan[] = [];
  for (const t of REPORT_TABLES) {
    const list = report.rows.get(t.name);
    if (!list) continue;
    const plan: Plan = { t, inserts: [], updates: [] };
    for (const row of list) {
      const id = row[t.pkKey] as string;
      const existing = existingOwner(t, id);
      let incoming: unknown;
      if (t.owner.by === 'region') incoming = row[t.owner.key];
      else if (t.owner.by === 'household') {
        incoming = householdRegion(row[t.owner.key]);
        if (incoming === undefined) missing.push({ table: t.name, rowId: id, what: `户 ${String(row[t.owner.key]).slice(0, 40)}` });
      } else {
        const linked = personLinks.get(id) ?? [];
        const links = linked.some(within) ? linked : [...linked, ...personRegionsStmt.all(id)];
        incoming = links.find(within) ?? links[0] ?? null;
      }
      if (incoming !== undefined && !within(incoming)) violations.push({ table: t.name, rowId: id, region: typeof incoming === 'string' ? incoming : null });
      if (existing.exists) {
        const before = currentRegion(t, existing.owner, id);
        if (!within(before)) violations.push({ table: t.name, rowId: id, region: typeof before === 'string' ? before : null });
      }
      for (const ref of t.personRefs) {
        const pid = row[ref];
        if (typeof pid === 'string' && !pkgPersons.has(pid) && personExistsStmt.get(pid) === undefined) {
          missing.push({ table: t.name, rowId: id, what: `人员 ${pid.slice(0, 40)}` });
        }
      }
      (existing.exists ? plan.updates : plan.inserts).push(row);
    }
    plans.push(plan);
  }

  const deletes: { t: ReportTable; id: string }[] = [];
  for (const d of report.deletes) {
    const t = reportTable(d.table)!;
    const existing = existingOwner(t, d.id);
    if (!existing.exists) {
      findings.push({ kind: 'delete-missing', message: `要删除的记录 ${d.table}/${d.id} 在上级不存在，已忽略`, table: d.table, rowId: d.id });
      continue;
    }
    const before = currentRegion(t, existing.owner, d.id);
    if (!within(before)) violations.push({ table: d.table, rowId: d.id, region: typeof before === 'string' ? before : null });
    deletes.push({ t, id: d.id });
  }

  if (violations.length > 0) {
    const named = violations
      .slice(0, 5)
      .map((v) => `${v.table}/${v.rowId}${v.region ? `（区划 ${v.region}）` : '（不属于任何一户）'}`)
      .join('、');
    throw packageError(
      'PACKAGE_OWNERSHIP',
      'OUTSIDE_REGION',
      `数据包中有 ${violations.length} 条记录不属于发送方 ${sender.name}（${sender.regionCode}）的辖区，整包未导入：${named}`,
      { rows: violations.slice(0, 100) },
    );
  }
  if (missing.length > 0) {
    const named = missing.slice(0, 5).map((m) => `${m.table}/${m.rowId} 引用的${m.what}`).join('、');
    throw packageError('PACKAGE_CONTENT', 'MISSING_REFERENCE', `数据包中有 ${missing.length} 条记录引用了上级和数据包中都没有的记录，整包未导入：${named}`, {
      rows: missing.slice(0, 100),
    });
  }

  const counts: ApplyCounts = {};
  const bump = (table: string, k: 'inserted' | 'updated' | 'deleted', n = 1) => {
    counts[table] ??= { inserted: 0, updated: 0, deleted: 0 };
    counts[table][k] += n;
  };
  // Children before parents, so no foreign key points at a row already gone.
  const order = new Map(REPORT_TABLES.map((t, i) => [t.name, i]));
  deletes.sort((a, b) => order.get(b.t.name)! - order.get(a.t.name)!);
  for (const d of deletes) {
    w.remove(d.t.table, d.id);
    bump(d.t.name, 'deleted');
  }
  for (const plan of plans) {
    if (plan.inserts.length > 0) {
      w.insertMany(plan.t.table, plan.inserts as never[]);
      bump(plan.t.name, 'inserted', plan.inserts.length);
    }
    for (const row of plan.updates) {
      const { [plan.t.pkKey]: id, ...patch } = row;
      w.update(plan.t.table, id as string, patch as never);
      bump(plan.t.name, 'updated');
    }
  }
  return { counts, findings };
}

function ownerColumn(t: ReportTable, key: string): string {
  const c = t.columns.find((col) => col.key === key);
  if (!c) throw new Error(`no column ${key} in ${t.name}`);
  return c.name;
}


