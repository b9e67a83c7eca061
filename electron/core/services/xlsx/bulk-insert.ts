// New rows of an import go through Writer.insertMany, the write path's bulk insert (prepared
// statements, a change-log row per row, a count rather than every row in the audit entry).
//
// As of this writing insertMany binds JSON-mode columns (drizzle's SQLiteTextJson has no `mode`
// property, which db/write-path.ts looks for) as raw objects, and better-sqlite3 refuses them.
// Until that is fixed we fall back to Writer.insert, which is correct but about ten times slower
// and puts every row into the audit entry. A probe inside a transaction that is always rolled
// back tells which, once per process, so the fast path returns by itself once write-path.ts is
// fixed.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Station } from '../../station';
import { households } from '../../db/schema';
import { runWrite, SYSTEM_ACTOR, type Writer } from '../../db/write-path';

let bulkEncodesJson: boolean | null = null;

export function insertManyWorks(station: Station): boolean {
  if (bulkEncodesJson !== null) return bulkEncodesJson;
  const probe = new Error('probe');
  try {
    runWrite(station.db, SYSTEM_ACTOR, { action: 'probe', entity: 'probe' }, (w) => {
      w.insertMany(households, [{ id: '\u0000probe', regionCode: '000000000000', record: { probe: true }, createdAt: '', updatedAt: '' }]);
      throw probe;
    });
  } catch (err) {
    if (err === probe) bulkEncodesJson = true;
    else if (err instanceof TypeError) bulkEncodesJson = false;
    else throw err;
  }
  return bulkEncodesJson!;
}

export function insertRows<T extends SQLiteTable>(w: Writer, table: T, rows: readonly T['$inferInsert'][], bulk: boolean): void {
  if (rows.length === 0) return;
  if (bulk) w.insertMany(table, rows);
  else for (const row of rows) w.insert(table, row);
}
