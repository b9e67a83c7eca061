import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0007_change_log_slim', () => {
  it('drops the row copies and the per-row index of the change log, keeping every entry and its sequence', () => {
    const { db, applyIt } = databaseBefore('0007_change_log_slim');
    const log = db.prepare("INSERT INTO change_log (at, table_name, row_id, op, row, audit_seq) VALUES ('2026-01-01T00:00:00.000Z', 'households', ?, ?, ?, 1)");
    log.run('h1', 'insert', '{"id":"h1"}');
    log.run('h1', 'update', '{"id":"h1","x":1}');
    log.run('h2', 'delete', null);

    expect(applyIt().applied).toEqual(['0007_change_log_slim']);
    const columns = (db.prepare('PRAGMA table_info(change_log)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['seq', 'at', 'table_name', 'row_id', 'op', 'audit_seq']);
    expect(db.prepare('SELECT seq, row_id, op FROM change_log ORDER BY seq').all()).toEqual([
      { seq: 1, row_id: 'h1', op: 'insert' },
      { seq: 2, row_id: 'h1', op: 'update' },
      { seq: 3, row_id: 'h2', op: 'delete' },
    ]);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log'").all();
    expect(indexes).toEqual([]);
    // Numbering goes on after the highest sequence ever given (AUTOINCREMENT), never reusing one.
    db.prepare('DELETE FROM change_log WHERE seq = 3').run();
    db.prepare("INSERT INTO change_log (at, table_name, row_id, op, audit_seq) VALUES ('t', 'households', 'h3', 'insert', 2)").run();
    expect(db.prepare("SELECT seq FROM change_log WHERE row_id = 'h3'").get()).toEqual({ seq: 4 });
  });
});
