import { Column, eq, sql } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from './connection';
import { auditLog, settings } from './schema';
import { auditEntryHash, GENESIS_HASH } from './audit-chain';
import { canonicalJson } from './canonical-json';

/** Who did it. The system actor covers setup, migrations and applied packages. */
export interface Actor {
  userId: string | null;
  username: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system' };

export interface WriteMeta {
  /** A dotted verb, e.g. 'household.update'. */
  action: string;
  entity: string;
  entityId?: string | null;
}

type Row = Record<string, unknown>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface RowChange {
  table: string;
  id: string;
  before: Row | null;
  after: Row | null;
}

/**
 * The writer a service gets inside runWrite. Each call changes one row and remembers what it was
 * before, so the audit entry and the change log are built from what actually happened.
 */
export interface Writer {
  readonly tx: Tx;
  insert<T extends SQLiteTable>(table: T, row: T['$inferInsert']): T['$inferSelect'];
  update<T extends SQLiteTable>(table: T, id: string | number, patch: Partial<T['$inferInsert']>): T['$inferSelect'];
  remove<T extends SQLiteTable>(table: T, id: string | number): T['$inferSelect'] | null;
  /**
   * Bulk insert for imports, applied packages and the demo county: one prepared statement, one
   * change-log row per inserted row (written by SQLite from the id list, not row by row from
   * JavaScript), and a count (not every row) in the audit entry. Rows use the table's property
   * names, like insert(); JSON-mode columns take objects.
   */
  insertMany<T extends SQLiteTable>(table: T, rows: readonly T['$inferInsert'][]): number;
  /** Extra facts for the audit entry that are not row changes (e.g. the masking policy of a print). */
  note(key: string, value: unknown): void;
}

function primaryKeyOf(table: SQLiteTable): { name: string; column: SQLiteColumn; key: string } {
  const config = getTableConfig(table);
  const column = config.columns.find((c) => c.primary) ?? config.primaryKeys[0]?.columns[0];
  if (!column) throw new Error(`table ${config.name} has no single-column primary key`);
  const key = Object.entries(table).find(([, v]) => v === column)?.[0];
  if (!key) throw new Error(`cannot map primary key of ${config.name}`);
  return { name: config.name, column, key };
}

/**
 * The one write path. Applies the change, appends one hash-chained audit entry and one change-log
 * entry per changed row, all in one transaction: either all three happen or none does.
 *
 * A change-log entry names the row and what happened to it, without a copy of the row: a report
 * reads the rows as they are when it is made (only a row's last state travels anyway), so copying
 * every row into the log would double the cost of every bulk write for nothing.
 */
export function runWrite<T>(db: Db, actor: Actor, meta: WriteMeta, apply: (w: Writer) => T, now: Date = new Date()): T {
  return db.transaction((tx) => {
    const changes: RowChange[] = [];
    const notes: Row = {};
    const bulkCounts: Record<string, number> = {};
    // Ids inserted in bulk, per table, for the change log written once the audit seq is known.
    const pendingBulk = new Map<string, string[]>();
    const writer: Writer = {
      tx,
      insert(table, row) {
        const pk = primaryKeyOf(table);
        const after = tx.insert(table).values(row).returning().get() as Row;
        changes.push({ table: pk.name, id: String(after[pk.key]), before: null, after });
        return after as never;
      },
      update(table, id, patch) {
        const pk = primaryKeyOf(table);
        const before = tx.select().from(table).where(eq(pk.column, id)).get() as Row | undefined;
        if (!before) throw new Error(`row ${pk.name}/${id} not found for update`);
        const after = tx.update(table).set(patch as never).where(eq(pk.column, id)).returning().get() as Row;
        changes.push({ table: pk.name, id: String(id), before, after });
        return after as never;
      },
      remove(table, id) {
        const pk = primaryKeyOf(table);
        const before = tx.select().from(table).where(eq(pk.column, id)).get() as Row | undefined;
        if (!before) return null;
        tx.delete(table).where(eq(pk.column, id)).run();
        changes.push({ table: pk.name, id: String(id), before, after: null });
        return before as never;
      },
      insertMany(table, rows) {
        if (rows.length === 0) return 0;
        const plan = bulkPlan(table);
        const insertRow = db.$client.prepare(plan.sql);
        const logged = LOCAL_ONLY_TABLES.has(plan.name) ? null : pendingBulk.get(plan.name) ?? [];
        if (logged) pendingBulk.set(plan.name, logged);
        const columns = plan.columns;
        const values: unknown[] = new Array(columns.length);
        for (const row of rows as Row[]) {
          for (let i = 0; i < columns.length; i++) values[i] = columns[i]!.encode(row[columns[i]!.key]);
          insertRow.run(values);
          logged?.push(String(row[plan.pkKey]));
        }
        bulkCounts[plan.name] = (bulkCounts[plan.name] ?? 0) + rows.length;
        return rows.length;
      },
      note(key, value) {
        notes[key] = value;
      },
    };
    const result = apply(writer);
    if (Object.keys(bulkCounts).length > 0) notes.inserted = bulkCounts;
    const auditSeq = appendAuditEntry(tx, actor, meta, summarize(changes, 'before'), summarize(changes, 'after', notes), now);
    const at = now.toISOString();
    if (pendingBulk.size > 0) {
      // json_each hands the ids to SQLite in their order, so the sequence numbers follow the inserts.
      const logIds = db.$client.prepare(
        "INSERT INTO change_log (at, table_name, row_id, op, audit_seq) SELECT ?, ?, value, 'insert', ? FROM json_each(?) ORDER BY key",
      );
      for (const [table, ids] of pendingBulk) logIds.run(at, table, auditSeq, JSON.stringify(ids));
    }
    const logged = changes.filter((c) => differs(c) && !LOCAL_ONLY_TABLES.has(c.table));
    if (logged.length > 0) {
      const logRow = db.$client.prepare('INSERT INTO change_log (at, table_name, row_id, op, audit_seq) VALUES (?, ?, ?, ?, ?)');
      for (const c of logged) logRow.run(at, c.table, c.id, c.before === null ? 'insert' : c.after === null ? 'delete' : 'update', auditSeq);
    }
    return result;
  });
}

// Node-local tables never travel in packages, so they stay out of the change log.
const LOCAL_ONLY_TABLES = new Set(['users', 'sessions', 'key_slots', 'settings', 'node', 'attachments']);
// Secrets are audited as "changed", never by value.
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'ciphertext', 'salt', 'iv', 'tag']);

function redact(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = SECRET_FIELDS.has(k) ? '[已隐藏]' : v;
  return out;
}

interface BulkPlan {
  name: string;
  sql: string;
  pkKey: string;
  columns: { key: string; encode: (v: unknown) => unknown }[];
}

const bulkPlans = new WeakMap<SQLiteTable, BulkPlan>();

/** The INSERT statement and value encoders for a table, derived once from its drizzle definition. */
function bulkPlan(table: SQLiteTable): BulkPlan {
  const cached = bulkPlans.get(table);
  if (cached) return cached;
  const config = getTableConfig(table);
  const pk = primaryKeyOf(table);
  const byColumn = new Map(Object.entries(table).map(([key, col]) => [col as unknown, key]));
  const columns = config.columns
    .filter((c) => !c.generated)
    .map((c) => {
      const key = byColumn.get(c)!;
      const fallback = c.hasDefault && c.default !== undefined ? c.default : null;
      // the column's own driver mapping (JSON text, boolean as 0/1), as drizzle's insert uses it;
      // plain text and integer columns map a value to itself, so theirs is not called per row
      const identity = c.mapToDriverValue === Column.prototype.mapToDriverValue;
      const encode = identity
        ? (v: unknown): unknown => (v === undefined ? fallback : v)
        : (v: unknown): unknown => {
            if (v === undefined) v = fallback;
            if (v === null) return null;
            return c.mapToDriverValue(v);
          };
      return { key, name: c.name, encode };
    });
  const plan: BulkPlan = {
    name: config.name,
    pkKey: pk.key,
    sql: `INSERT INTO "${config.name}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns,
  };
  bulkPlans.set(table, plan);
  return plan;
}

function differs(c: RowChange): boolean {
  return c.before === null || c.after === null || canonicalJson(c.before) !== canonicalJson(c.after);
}

/** before/after of the audit entry: only the fields that changed, keyed by table/id. */
function summarize(changes: RowChange[], side: 'before' | 'after', notes?: Row): Row | null {
  const out: Row = {};
  for (const c of changes) {
    const own = c[side];
    const other = side === 'before' ? c.after : c.before;
    if (own === null) continue;
    if (other === null) {
      out[`${c.table}/${c.id}`] = redact(own);
      continue;
    }
    const changed: Row = {};
    for (const key of Object.keys(own)) {
      if (canonicalJson(own[key]) !== canonicalJson(other[key])) changed[key] = own[key];
    }
    if (Object.keys(changed).length > 0) out[`${c.table}/${c.id}`] = redact(changed);
  }
  if (notes && Object.keys(notes).length > 0) out['_notes'] = notes;
  return Object.keys(out).length > 0 ? out : null;
}

const AUDIT_HEAD_KEY = 'audit.head';

export function readAuditHead(tx: Pick<Db, 'select'>): { seq: number; hash: string } | null {
  const row = tx.select().from(settings).where(eq(settings.key, AUDIT_HEAD_KEY)).get();
  return row ? (JSON.parse(row.value) as { seq: number; hash: string }) : null;
}

/**
 * Appends one audit entry chained to the current head. Also used on its own for events that
 * change no row (a login, a failed login, a print, a backup).
 */
export function appendAuditEntry(
  tx: Tx | Db,
  actor: Actor,
  meta: WriteMeta,
  before: Row | null,
  after: Row | null,
  now: Date = new Date(),
): number {
  const head = readAuditHead(tx);
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: now.toISOString(),
    userId: actor.userId,
    username: actor.username,
    action: meta.action,
    entity: meta.entity,
    entityId: meta.entityId ?? null,
    before: before === null ? null : canonicalJson(before),
    after: after === null ? null : canonicalJson(after),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = auditEntryHash(fields);
  tx.insert(auditLog).values({ ...fields, hash }).run();
  tx.insert(settings)
    .values({ key: AUDIT_HEAD_KEY, value: JSON.stringify({ seq: fields.seq, hash }) })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
    .run();
  return fields.seq;
}

/** Records a standalone event (no row change) in its own transaction. */
export function recordEvent(db: Db, actor: Actor, meta: WriteMeta, detail: Row | null, now: Date = new Date()): number {
  return db.transaction((tx) => appendAuditEntry(tx, actor, meta, null, detail, now));
}
