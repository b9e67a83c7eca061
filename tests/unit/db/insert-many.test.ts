// insertMany encodes values itself (one prepared statement, no drizzle query per row): what it
// stores must be exactly what drizzle's own insert stores for the same rows.
import { afterEach, describe, expect, it } from 'vitest';
import { runWrite, SYSTEM_ACTOR } from '../../../electron/core/db/write-path';
import { households } from '../../../electron/core/db/schema';
import { makeStation, type TestStation } from '../../helpers/station';

let t: TestStation | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

const NOW = '2026-03-02T08:00:00.000Z';
const rows = (prefix: string) => [
  // defaults left out (undefined), a JSON record with nesting, null and Chinese text
  { id: `${prefix}1`, regionCode: '620422100201', record: { headName: '马国福', members: [{ n: 1 }], note: null }, createdAt: NOW, updatedAt: NOW },
  // every column given, zero and empty string kept as they are
  { id: `${prefix}2`, regionCode: '620422100202', record: {}, nameInitials: '', memberCount: 0, errorCount: 3, warningCount: 0, createdAt: NOW, updatedAt: NOW },
];

describe('insertMany', () => {
  it('stores what drizzle insert stores for the same rows, and logs each inserted row', async () => {
    t = await makeStation();
    const db = t.station.db;
    runWrite(db, SYSTEM_ACTOR, { action: 'test.bulk', entity: 'household' }, (w) => w.insertMany(households, rows('bulk-')));
    runWrite(db, SYSTEM_ACTOR, { action: 'test.one', entity: 'household' }, (w) => {
      for (const r of rows('one-')) w.insert(households, r);
    });
    const stored = (prefix: string) =>
      db.$client
        .prepare('SELECT region_code, record, typeof(record) AS t, name_initials, member_count, typeof(member_count) AS mt, error_count, warning_count, head_name FROM households WHERE id LIKE ? ORDER BY id')
        .all(`${prefix}%`);
    expect(stored('bulk-')).toEqual(stored('one-'));
    expect(stored('bulk-')[0]).toMatchObject({ record: '{"headName":"马国福","members":[{"n":1}],"note":null}', t: 'text', member_count: 0, mt: 'integer', head_name: '马国福' });
    const logged = db.$client.prepare("SELECT row_id FROM change_log WHERE table_name = 'households' AND row_id LIKE 'bulk-%' ORDER BY seq").pluck().all();
    expect(logged).toEqual(['bulk-1', 'bulk-2']);
  });
});
