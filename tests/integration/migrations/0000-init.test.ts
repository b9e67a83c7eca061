import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0000_init', () => {
  it('creates the node, users, sessions, key slots, regions, audit log, change log and settings', () => {
    const { db, applyIt, tables } = databaseBefore('0000_init');
    expect(applyIt().applied).toEqual(['0000_init']);
    expect(tables()).toEqual(expect.arrayContaining(['node', 'users', 'sessions', 'key_slots', 'regions', 'audit_log', 'change_log', 'settings']));
    db.prepare("INSERT INTO users (id, username, display_name, role, scope_code, password_hash, created_at) VALUES ('u1', 'a', 'A', 'admin', '620422000000', 'x', 'now')").run();
    // usernames are unique, and a session cannot point at a missing user
    expect(() => db.prepare("INSERT INTO users (id, username, display_name, role, scope_code, password_hash, created_at) VALUES ('u2', 'a', 'B', 'clerk', '620422000000', 'x', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('t', 'nobody', 'n', 'n', 'n')").run()).toThrow(/FOREIGN KEY/);
    // change log numbers only go up
    db.prepare("INSERT INTO change_log (at, table_name, row_id, op, audit_seq) VALUES ('n', 't', '1', 'insert', 1)").run();
    db.prepare('DELETE FROM change_log').run();
    const { lastInsertRowid } = db.prepare("INSERT INTO change_log (at, table_name, row_id, op, audit_seq) VALUES ('n', 't', '2', 'insert', 1)").run();
    expect(Number(lastInsertRowid)).toBe(2);
  });
});
