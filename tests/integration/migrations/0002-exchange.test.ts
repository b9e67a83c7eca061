import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0002_exchange', () => {
  it('adds the exchange bookkeeping beside the registry, leaving existing rows and the change log alone', () => {
    const { db, applyIt, tables } = databaseBefore('0002_exchange');
    // seeded rows of the previous schema
    db.prepare("INSERT INTO users (id, username, display_name, role, scope_code, password_hash, created_at) VALUES ('u1', 'admin', '管理员', 'admin', '620422000000', 'x', 'now')").run();
    db.prepare(
      "INSERT INTO node (id, node_id, level, region_code, name, public_key, key_id, created_at) VALUES (1, 'county-620422000000', 'county', '620422000000', '会宁县扶贫办', 'k', '0123456789ABCDEF', 'now')",
    ).run();
    db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES ('h1', '620422100001', '{\"headName\":\"张三\"}', 'n', 'n')").run();
    db.prepare("INSERT INTO change_log (at, table_name, row_id, op, row, audit_seq) VALUES ('n', 'households', 'h1', 'insert', '{}', 1)").run();

    expect(applyIt().applied).toEqual(['0002_exchange']);
    expect(db.prepare('SELECT head_name FROM households').get()).toEqual({ head_name: '张三' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual({ n: 1 });
    expect(tables()).toEqual(
      expect.arrayContaining(['exchange_peers', 'exchange_peer_keys', 'exchange_channels', 'exchange_outbox', 'exchange_inbox', 'exchange_receipts', 'exchange_review_tasks']),
    );

    // A peer's keys go with it; a key needs its peer.
    db.prepare("INSERT INTO exchange_peers (node_id, relation, level, region_code, name, created_at) VALUES ('township-620422100000', 'child', 'township', '620422100000', '会师镇', 'n')").run();
    db.prepare(
      "INSERT INTO exchange_peer_keys (node_id, key_id, public_key, fingerprint, status, source, added_at) VALUES ('township-620422100000', 'AAAAAAAAAAAAAAAA', 'pk', 'fp', 'pending', 'registration', 'n')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO exchange_peer_keys (node_id, key_id, public_key, fingerprint, status, source, added_at) VALUES ('nobody', 'B', 'pk', 'fp', 'active', 'manual', 'n')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM exchange_peers WHERE node_id = 'township-620422100000'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM exchange_peer_keys').get()).toEqual({ n: 0 });

    // One channel row per peer and direction; defaults start at zero.
    db.prepare("INSERT INTO exchange_channels (peer_node_id, direction, updated_at) VALUES ('province-620000000000', 'out', 'n')").run();
    expect(db.prepare('SELECT last_seq, acked_seq, acked_change_seq FROM exchange_channels').get()).toEqual({ last_seq: 0, acked_seq: 0, acked_change_seq: 0 });
    expect(() => db.prepare("INSERT INTO exchange_channels (peer_node_id, direction, updated_at) VALUES ('province-620000000000', 'out', 'n')").run()).toThrow(/UNIQUE|PRIMARY/);

    // Package bytes are blobs; the inbox numbers its rows itself.
    db.prepare(
      "INSERT INTO exchange_inbox (received_at, source, size_bytes, file_sha256, status, checks, bytes, actor) VALUES ('n', 'usb', 3, 'h', 'held', '[]', x'010203', 'admin')",
    ).run();
    expect(db.prepare('SELECT id, length(bytes) AS len FROM exchange_inbox').get()).toEqual({ id: 1, len: 3 });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM exchange_inbox WHERE sender_node_id = 'x' AND seq = 2").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/exchange_inbox_sender_seq/);
  });
});
