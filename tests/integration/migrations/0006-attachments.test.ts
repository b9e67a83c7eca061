import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0006_attachments', () => {
  it('adds the attachments table for a case step\'s photos, leaving cases and households alone', () => {
    const { db, applyIt, tables } = databaseBefore('0006_attachments');
    db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES ('h1', '620422100201', '{\"headName\":\"张三\"}', 'n', 'n')").run();
    db.prepare(
      "INSERT INTO workflow_cases (id, kind, household_id, region_code, year, data, opened_by, opened_at, updated_at) VALUES ('c1', 'identification', 'h1', '620422100201', 2019, '{}', 'a', 'n', 'n')",
    ).run();

    expect(applyIt().applied).toEqual(['0006_attachments']);
    expect(db.prepare('SELECT head_name FROM households').get()).toEqual({ head_name: '张三' });
    expect(db.prepare('SELECT id, outcome FROM workflow_cases').get()).toEqual({ id: 'c1', outcome: 'open' });
    expect(tables()).toContain('attachments');

    const insert = db.prepare(
      "INSERT INTO attachments (id, case_id, household_id, stage, file_name, mime, byte_size, sha256, width, height, bytes, created_at, created_by) VALUES (?, ?, ?, 'inspect', '房屋.jpg', 'image/jpeg', 3, 'abc', 4, 3, x'ffd8ff', 'n', 'a')",
    );
    // A photo belongs to a case and to that case's household.
    expect(() => insert.run('p0', 'missing', 'h1')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('p0', 'c1', 'nobody')).toThrow(/FOREIGN KEY/);
    insert.run('p1', 'c1', 'h1');
    expect(db.prepare('SELECT length(bytes) AS n, note FROM attachments').get()).toEqual({ n: 3, note: '' });
    // The bytes are required: a row without them is no evidence.
    expect(() =>
      db
        .prepare("INSERT INTO attachments (id, case_id, household_id, stage, file_name, mime, byte_size, sha256, width, height, created_at, created_by) VALUES ('p2', 'c1', 'h1', 'inspect', 'a.png', 'image/png', 0, 'x', 1, 1, 'n', 'a')")
        .run(),
    ).toThrow(/NOT NULL/);
    // The list of a case's step photos is served by an index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM attachments WHERE case_id = 'c1' AND stage = 'inspect'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('attachments_case_stage');
  });
});
