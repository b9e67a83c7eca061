// The demo county in a real station file: one write through the write path, counts that add up,
// no blocking finding after the quality run, an intact audit chain and a change-log row for every
// inserted row. Also the `fupin demo` command on a fresh database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { fillDemoCounty, type FillDemoResult } from '../../electron/core/demo/fill-county';
import { verifyAudit } from '../../electron/core/services/audit';
import { regionsBelow } from '../../electron/core/services/regions';
import { AppError } from '../../electron/core/api/errors';
import { openStation, closeStation } from '../../electron/core/station';
import { demoCommand, DEMO_LOGIN } from '../../electron/cli/demo-command';
import { HUINING, makeStation, tempDir, type TestStation } from '../helpers/station';

const HOUSEHOLDS = 1000;
let ts: TestStation;
let result: FillDemoResult;
const count = (sql: string, ...params: unknown[]): number => (ts.station.db.$client.prepare(sql).get(...params) as { n: number }).n;

beforeAll(async () => {
  ts = await makeStation();
  result = fillDemoCounty(ts.station, { households: HOUSEHOLDS, seed: 7, townships: 2 });
});

afterAll(() => ts?.close());

describe('fillDemoCounty', () => {
  it('stores the households, members, villages and 社 of the first two townships', () => {
    const townships = regionsBelow(ts.station.db, HUINING, 'township').slice(0, 2);
    const villageCodes = townships.flatMap((t) => regionsBelow(ts.station.db, t.code, 'village').map((v) => v.code));
    expect(result.townships).toBe(2);
    expect(result.households).toBe(HOUSEHOLDS);
    expect(count('SELECT count(*) AS n FROM households')).toBe(HOUSEHOLDS);
    const outside = count(`SELECT count(*) AS n FROM households WHERE region_code NOT IN (${villageCodes.map(() => '?').join(',')})`, ...villageCodes);
    expect(outside).toBe(0);
    expect(count('SELECT count(*) AS n FROM persons')).toBe(result.persons);
    expect(count('SELECT count(*) AS n FROM memberships WHERE to_date IS NULL')).toBe(result.persons);
    expect(count('SELECT sum(member_count) AS n FROM households')).toBe(result.persons);
    expect(result.persons / HOUSEHOLDS).toBeGreaterThan(3.8);
    expect(result.persons / HOUSEHOLDS).toBeLessThan(4.8);
    expect(count('SELECT count(*) AS n FROM villages')).toBe(villageCodes.length);
    expect(result.villages).toBe(villageCodes.length);
    expect(count('SELECT count(*) AS n FROM village_groups')).toBe(count("SELECT sum(json_extract(record, '$.groupCount')) AS n FROM villages"));
    // one 首次识别 event per household; conditions and income for every year since identification
    expect(count("SELECT count(*) AS n FROM household_events WHERE type = 'identified'")).toBe(HOUSEHOLDS);
    const years = count("SELECT sum(2020 - CAST(substr(json_extract(record, '$.firstIdentifiedDate'), 1, 4) AS INTEGER) + 1) AS n FROM households");
    expect(count('SELECT count(*) AS n FROM conditions')).toBe(years);
    expect(count('SELECT count(*) AS n FROM incomes')).toBe(years);
    expect(count('SELECT count(*) AS n FROM incomes WHERE per_capita_net_fen IS NULL OR per_capita_net_fen <= 0')).toBe(0);
    // the generated search columns and the pinyin initials are filled
    expect(count("SELECT count(*) AS n FROM households WHERE head_name IS NULL OR name_initials = '' OR data_year <> 2020")).toBe(0);
  });

  it('leaves no household with a blocking finding after the quality run, and a modest share with warnings', () => {
    expect(result.quality.households).toBe(HOUSEHOLDS);
    expect(result.quality.withErrors).toBe(0);
    expect(count("SELECT count(*) AS n FROM quality_findings WHERE severity = 'error'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM households WHERE error_count > 0')).toBe(0);
    expect(count('SELECT count(*) AS n FROM households WHERE warning_count > 0')).toBe(result.quality.withWarnings);
    expect(result.quality.withWarnings).toBeGreaterThan(0);
  });

  it('writes in one audited step whose chain verifies', () => {
    const audit = verifyAudit(ts.station.db);
    expect(audit.ok).toBe(true);
    const entries = ts.station.db.$client.prepare("SELECT seq, after FROM audit_log WHERE action = 'demo.fill'").all() as { seq: number; after: string }[];
    expect(entries).toHaveLength(1);
    const notes = JSON.parse(entries[0]!.after)._notes;
    expect(notes.demo).toMatchObject({ seed: 7, households: HOUSEHOLDS, persons: result.persons });
    expect(notes.inserted.households).toBe(HOUSEHOLDS);
  });

  it('has a change-log row for every inserted row', () => {
    const seq = (ts.station.db.$client.prepare("SELECT seq FROM audit_log WHERE action = 'demo.fill'").get() as { seq: number }).seq;
    const tables = ['households', 'persons', 'memberships', 'conditions', 'incomes', 'household_events', 'villages', 'village_groups'];
    const rows = tables.reduce((s, t) => s + count(`SELECT count(*) AS n FROM ${t}`), 0);
    expect(result.rows).toBe(rows);
    expect(count('SELECT count(*) AS n FROM change_log WHERE audit_seq = ?', seq)).toBe(rows);
    for (const t of tables) {
      const logged = count(`SELECT count(*) AS n FROM change_log c WHERE c.audit_seq = ? AND c.table_name = ? AND c.op = 'insert'`, seq, t);
      expect(logged, t).toBe(count(`SELECT count(*) AS n FROM ${t}`));
    }
    // each entry names a stored row, once, in insertion order
    for (const t of tables) {
      const orphans = count(`SELECT count(*) AS n FROM change_log c WHERE c.audit_seq = ? AND c.table_name = ? AND c.row_id NOT IN (SELECT ${t === 'villages' ? 'region_code' : 'id'} FROM ${t})`, seq, t);
      expect(orphans, t).toBe(0);
      expect(count(`SELECT count(DISTINCT row_id) AS n FROM change_log WHERE audit_seq = ? AND table_name = ?`, seq, t), t).toBe(count(`SELECT count(*) AS n FROM ${t}`));
    }
  });

  it('refuses a database that already has households', () => {
    let error: unknown;
    try {
      fillDemoCounty(ts.station, { households: 10, seed: 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('CONFLICT');
    expect((error as AppError).message).toContain('已有');
    expect(count('SELECT count(*) AS n FROM households')).toBe(HOUSEHOLDS);
  });
});

describe('fupin demo', () => {
  it('creates the 会宁县 node with the demo login on a fresh database and fills it', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.db');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await demoCommand.run([], { db: file, create: true, households: '120', townships: '1', seed: '3' });
      const station = await openStation(file, { dailyBackup: false });
      try {
        expect(station.demoLogin).toEqual({ username: DEMO_LOGIN.username, password: DEMO_LOGIN.password });
        const n = (station.db.$client.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n;
        expect(n).toBe(120);
        const node = station.db.$client.prepare('SELECT region_code AS r, level FROM node').get() as { r: string; level: string };
        expect(node).toEqual({ r: HUINING, level: 'county' });
        expect(verifyAudit(station.db).ok).toBe(true);
      } finally {
        closeStation(station);
      }
      // a second run on the same file is refused with a clear message
      await expect(demoCommand.run([], { db: file, households: '10' })).rejects.toThrow(/已有 120 户/);
    } finally {
      write.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for --create on an uninitialized database', async () => {
    const dir = tempDir();
    try {
      await expect(demoCommand.run([], { db: join(dir, 'x.db'), households: '10' })).rejects.toThrow(/--create/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
