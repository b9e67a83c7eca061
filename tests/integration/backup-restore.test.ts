import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeStation, ok, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { backupDatabase, backupsToPrune, listBackups, type BackupInfo } from '../../electron/core/services/backup';
import { restoreFromBackup } from '../../electron/core/services/restore';
import { takeDailyBackupIfDue } from '../../electron/core/station';

let t: TestStation;
let token: string;
beforeEach(async () => {
  t = await makeStation();
  token = await loginAs(t.station, ADMIN.username, ADMIN.password);
  await ok(t.station, 'users.create', { username: 'clerk', displayName: '录入员', role: 'clerk', scopeCode: '620422100000', password: 'Clerk1234' }, token);
});
afterEach(() => t.close());

function dumpAll(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const name of tables) out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
  db.close();
  return out;
}

describe('backup and restore', () => {
  it('a backup is integrity-checked, and a restored backup equals the original', async () => {
    const backup = await ok(t.station, 'backup.create', {}, token);
    const backupFile = join(t.dir, 'backups', backup.name);
    const snapshot = dumpAll(backupFile);
    expect(snapshot.users).toHaveLength(2);
    // change things after the backup
    await ok(t.station, 'users.create', { username: 'late', displayName: '后来的人', role: 'viewer', scopeCode: '620422000000', password: 'Later1234' }, token);
    const adminToken2 = await loginAs(t.station, ADMIN.username, ADMIN.password);
    const result = await ok(t.station, 'backup.restore', { name: backup.name }, adminToken2);
    expect(result.safetyBackup).toMatch(/pre-restore/);
    const restored = dumpAll(t.station.file);
    // the restore itself is audited after the swap: compare everything but that one new entry
    const restoredAudit = restored.audit_log as { action: string }[];
    expect(restoredAudit.at(-1)!.action).toBe('backup.restore');
    restored.audit_log = restoredAudit.slice(0, -1);
    delete restored.settings;
    delete snapshot.settings;
    restored.sessions = [];
    snapshot.sessions = [];
    expect(restored).toEqual(snapshot);
    // the user created after the backup is gone, and the safety copy still has them
    const safety = dumpAll(join(t.dir, 'backups', result.safetyBackup));
    expect((safety.users as { username: string }[]).map((u) => u.username)).toContain('late');
  });

  it('refuses a damaged file and a database from a newer app, changing nothing', async () => {
    const before = dumpAll(t.station.file);
    const junk = join(t.dir, 'junk.db');
    writeFileSync(junk, 'this is not a database at all'.repeat(100));
    await expect(restoreFromBackup(t.station, junk)).rejects.toMatchObject({ kind: 'BACKUP_INVALID' });

    const good = await backupDatabase(t.station.db.$client, t.station.file, 'manual', { out: join(t.dir, 'future.db') });
    const future = new Database(good.file);
    future.prepare("INSERT INTO __fupin_migrations (idx, tag, hash, applied_at) VALUES (999, '9999_future', 'x', 'now')").run();
    future.close();
    await expect(restoreFromBackup(t.station, good.file)).rejects.toMatchObject({ kind: 'DB_TOO_NEW' });

    const truncated = join(t.dir, 'truncated.db');
    writeFileSync(truncated, readFileSync(good.file).subarray(0, 8192));
    await expect(restoreFromBackup(t.station, truncated)).rejects.toMatchObject({ kind: 'BACKUP_INVALID' });
    expect(dumpAll(t.station.file)).toEqual(before);
  });

  it('takes one daily backup per day at start', async () => {
    expect(await takeDailyBackupIfDue(t.station)).toBe(true);
    expect(await takeDailyBackupIfDue(t.station)).toBe(false);
    t.clock.advanceMinutes(24 * 60);
    expect(await takeDailyBackupIfDue(t.station)).toBe(true);
    expect(listBackups(join(t.dir, 'backups')).filter((b) => b.kind === 'daily')).toHaveLength(2);
    expect(existsSync(join(t.dir, 'backups'))).toBe(true);
  });
});

describe('pruning rule', () => {
  const mk = (kind: BackupInfo['kind'], iso: string): BackupInfo => ({ file: `/x/${kind}-${iso}`, name: `${kind}-${iso}`, kind, takenAt: iso, sizeBytes: 1 });

  it('keeps manual backups, the last 7 dailies plus one per month for 12 months, and 5 of each safety kind', () => {
    const now = new Date('2026-11-28T08:00:00Z');
    const backups: BackupInfo[] = [];
    for (let d = 0; d < 400; d++) backups.push(mk('daily', new Date(now.getTime() - d * 86_400_000).toISOString()));
    for (let i = 0; i < 9; i++) backups.push(mk('pre-migration', new Date(now.getTime() - i * 3_600_000).toISOString()));
    for (let i = 0; i < 3; i++) backups.push(mk('manual', new Date(now.getTime() - i * 86_400_000 * 100).toISOString()));
    const pruned = new Set(backupsToPrune(backups, now).map((b) => b.name));
    const kept = backups.filter((b) => !pruned.has(b.name));
    const dailies = kept.filter((b) => b.kind === 'daily');
    expect(dailies.slice(0, 7).map((b) => b.takenAt.slice(0, 10))).toEqual(
      Array.from({ length: 7 }, (_, i) => new Date(now.getTime() - i * 86_400_000).toISOString().slice(0, 10)),
    );
    const months = new Set(dailies.map((b) => b.takenAt.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(dailies.length).toBeLessThanOrEqual(7 + 12);
    expect(kept.filter((b) => b.kind === 'pre-migration')).toHaveLength(5);
    expect(kept.filter((b) => b.kind === 'manual')).toHaveLength(3);
  });
});
