import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { makeStation, ok, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { verifyAudit } from '../../electron/core/services/audit';

let t: TestStation;
beforeEach(async () => {
  t = await makeStation();
  const token = await loginAs(t.station, ADMIN.username, ADMIN.password);
  for (const [i, scope] of ['620422100000', '620422101000', '620422102000'].entries()) {
    await ok(t.station, 'users.create', { username: `clerk${i}`, displayName: `录入员${i}`, role: 'clerk', scopeCode: scope, password: 'Clerk1234' }, token);
  }
});
afterEach(() => t.close());

const sql = (q: string) => t.station.db.$client.exec(q);
const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/fupin.js', ...args, '--db', t.station.file], { encoding: 'utf8' });

describe('audit hash chain', () => {
  it('verifies an untouched chain of every write', () => {
    const result = verifyAudit(t.station.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(5); // setup, login, three users
  });

  it('names an edited entry', () => {
    sql(`UPDATE audit_log SET after = replace(after, '录入员1', '录入员X') WHERE seq = 4`);
    expect(verifyAudit(t.station.db).firstBad).toMatchObject({ seq: 4, problem: 'edited' });
  });

  it('names the entry after a deleted one', () => {
    sql('DELETE FROM audit_log WHERE seq = 3');
    expect(verifyAudit(t.station.db).firstBad).toMatchObject({ seq: 4 });
  });

  it('names the first of a swapped pair', () => {
    // swap the contents of entries 3 and 4 but keep their numbers, as a forger reordering history would
    sql(`CREATE TEMP TABLE s AS SELECT * FROM audit_log WHERE seq IN (3, 4);
         UPDATE audit_log SET (at, user_id, username, action, entity, entity_id, before, after, prev_hash, hash) =
           (SELECT at, user_id, username, action, entity, entity_id, before, after, prev_hash, hash FROM s WHERE s.seq = 7 - audit_log.seq)
         WHERE seq IN (3, 4);`);
    expect(verifyAudit(t.station.db).firstBad).toMatchObject({ seq: 3 });
  });

  it('notices a deleted tail through the stored chain head', () => {
    const last = verifyAudit(t.station.db).entries;
    sql(`DELETE FROM audit_log WHERE seq = ${last}`);
    expect(verifyAudit(t.station.db).firstBad).toMatchObject({ problem: 'head-mismatch' });
  });

  it('fupin audit verify exits 0 on a good chain and non-zero naming the bad entry', () => {
    t.station.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const good = cli('audit', 'verify');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/审计链完整/);
    sql(`UPDATE audit_log SET username = 'someone-else' WHERE seq = 2`);
    t.station.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const bad = cli('audit', 'verify');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/第 2 条审计记录/);
    const en = cli('audit', 'verify', '--lang', 'en');
    expect(en.stdout).toMatch(/broken at entry 2/);
  });

  it('records a row change and its change-log entries in one transaction', () => {
    const changes = t.station.db.$client.prepare("SELECT table_name, op FROM change_log").all();
    // users are node-local: they never enter the change log that packages are built from
    expect(changes).toEqual([]);
    const entry = t.station.db.$client.prepare("SELECT before, after FROM audit_log WHERE action = 'user.create' LIMIT 1").get() as { after: string };
    expect(entry.after).toContain('[已隐藏]');
    expect(entry.after).not.toMatch(/scrypt\$/);
  });
});
