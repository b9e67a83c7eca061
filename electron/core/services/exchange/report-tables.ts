// The registry tables a report carries, in foreign-key order, with what the exchange needs to
// know of each column (derived once from the drizzle definitions, so a new column travels
// without touching this file).
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { benefits, conditions, householdEvents, households, incomes, memberships, persons, villageGroups, villages } from '../../db/schema';
import { packageError } from '../../exchange/package-errors';

/** How a row's owning region is found: its own region column, its household's, or its memberships'. */
export type OwnerRule = { by: 'region'; key: string } | { by: 'household'; key: string } | { by: 'person' };

export interface ColumnInfo {
  key: string;
  name: string;
  kind: 'text' | 'json' | 'integer' | 'real' | 'boolean';
  /** NOT NULL without a default: the row must carry a value. */
  required: boolean;
  notNull: boolean;
}

export interface ReportTable {
  name: string;
  table: SQLiteTable;
  pkKey: string;
  pkName: string;
  columns: ColumnInfo[];
  /** Every key an incoming row may carry: the columns and the generated ones. */
  allowedKeys: Set<string>;
  /** Generated columns: computed by SQLite, dropped from incoming rows. */
  generatedKeys: Set<string>;
  owner: OwnerRule;
  /** Other row references that must exist (person ids). */
  personRefs: string[];
}

const SPEC: { table: SQLiteTable; owner: OwnerRule; personRefs?: string[] }[] = [
  { table: villages, owner: { by: 'region', key: 'regionCode' } },
  { table: villageGroups, owner: { by: 'region', key: 'regionCode' } },
  { table: households, owner: { by: 'region', key: 'regionCode' } },
  { table: persons, owner: { by: 'person' } },
  { table: memberships, owner: { by: 'household', key: 'householdId' }, personRefs: ['personId'] },
  { table: conditions, owner: { by: 'household', key: 'householdId' } },
  { table: incomes, owner: { by: 'household', key: 'householdId' } },
  { table: benefits, owner: { by: 'household', key: 'householdId' }, personRefs: ['personId'] },
  { table: householdEvents, owner: { by: 'household', key: 'householdId' } },
];

const KIND: Record<string, ColumnInfo['kind']> = {
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
  SQLiteInteger: 'integer',
  SQLiteReal: 'real',
  SQLiteBoolean: 'boolean',
};

function describe(spec: (typeof SPEC)[number]): ReportTable {
  const config = getTableConfig(spec.table);
  const keyOf = new Map(Object.entries(spec.table).map(([key, col]) => [col as unknown, key]));
  const columns: ColumnInfo[] = [];
  const generatedKeys = new Set<string>();
  let pk: ColumnInfo | undefined;
  for (const c of config.columns) {
    const key = keyOf.get(c);
    if (!key) throw new Error(`cannot map column ${config.name}.${c.name}`);
    if (c.generated) {
      generatedKeys.add(key);
      continue;
    }
    const kind = KIND[c.columnType];
    if (!kind) throw new Error(`column type ${c.columnType} of ${config.name}.${c.name} is not handled by the exchange`);
    const info: ColumnInfo = { key, name: c.name, kind, required: c.notNull && !c.hasDefault, notNull: c.notNull };
    columns.push(info);
    if (c.primary) pk = info;
  }
  if (!pk) throw new Error(`table ${config.name} has no single-column primary key`);
  const allowedKeys = new Set([...columns.map((c) => c.key), ...generatedKeys]);
  return { name: config.name, table: spec.table, pkKey: pk.key, pkName: pk.name, columns, allowedKeys, generatedKeys, owner: spec.owner, personRefs: spec.personRefs ?? [] };
}

export const REPORT_TABLES: readonly ReportTable[] = SPEC.map(describe);
export const REPORT_TABLE_NAMES: readonly string[] = REPORT_TABLES.map((t) => t.name);
export const reportTable = (name: string): ReportTable | undefined => REPORT_TABLES.find((t) => t.name === name);

/**
 * SQLite builds each NDJSON line itself and hands it over as UTF-8 bytes (a BLOB): no JSON
 * decode and encode in JS, and no UTF-16 round trip for the Chinese text. JSON-mode columns hold
 * JSON text already (written by JSON.stringify), so they are embedded as they are.
 */
export function snapshotSql(t: ReportTable): string {
  const fields = t.columns.map((c, i) => {
    const col = `"${c.name}"`;
    const value =
      c.kind === 'json'
        ? `COALESCE(${col}, 'null')`
        : c.kind === 'boolean'
          ? `CASE WHEN ${col} IS NULL THEN 'null' WHEN ${col} THEN 'true' ELSE 'false' END`
          : `json_quote(${col})`;
    return `'${i === 0 ? '{' : ','}"${c.key}":' || ${value}`;
  });
  return `SELECT CAST(${fields.join(' || ')} || '}' || char(10) AS BLOB) AS line FROM "${t.name}"`;
}

type Row = Record<string, unknown>;

/**
 * Checks one incoming row against the table: known columns only, required ones present, each of
 * the right JSON type. Returns the row without generated columns. Errors name table, row and
 * column, never values.
 */
export function cleanRow(t: ReportTable, value: unknown, fileName: string, line: number): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw packageError('PACKAGE_CONTENT', 'ROW_INVALID', `${fileName} 第 ${line} 行不是一条记录`);
  }
  const input = value as Row;
  const id = input[t.pkKey];
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) {
    throw packageError('PACKAGE_CONTENT', 'ROW_INVALID', `${fileName} 第 ${line} 行缺少主键 ${t.pkKey}`);
  }
  const out: Row = {};
  for (const key in input) {
    if (!t.allowedKeys.has(key)) {
      throw packageError('PACKAGE_CONTENT', 'UNKNOWN_COLUMN', `记录 ${t.name}/${id} 含有本系统没有的字段 ${key.slice(0, 40)}（双方软件版本不一致？）`, {
        table: t.name,
        rowId: id,
      });
    }
  }
  for (const c of t.columns) {
    const v = input[c.key];
    if (v === undefined || v === null) {
      if (c.required || (v === null && c.notNull)) {
        throw packageError('PACKAGE_CONTENT', 'ROW_INVALID', `记录 ${t.name}/${id} 缺少必填字段 ${c.key}`, { table: t.name, rowId: id });
      }
      if (v === null) out[c.key] = null;
      continue;
    }
    const ok =
      c.kind === 'text'
        ? typeof v === 'string'
        : c.kind === 'integer'
          ? Number.isSafeInteger(v)
          : c.kind === 'real'
            ? typeof v === 'number' && Number.isFinite(v)
            : c.kind === 'boolean'
              ? typeof v === 'boolean'
              : true;
    if (!ok) throw packageError('PACKAGE_CONTENT', 'ROW_INVALID', `记录 ${t.name}/${id} 的字段 ${c.key} 类型不对`, { table: t.name, rowId: id });
    out[c.key] = v;
  }
  return out;
}
