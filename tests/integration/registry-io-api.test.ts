// 导入 / 导出 xlsx through the API router, as the UI calls it: the door stores the upload and
// passes a reference (storeUpload, as http-server.ts and the Electron transfer channel do), the
// router checks roles and scope, the handlers run the xlsx services. Real temp stations of 会宁县.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeStation, ok, callApi, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { huiningVillages, syntheticHouseholds, writeNationalXlsx } from '../fixtures/xlsx/synthetic-county';
import { downloadFile, storeUpload } from '../../electron/core/services/transfer-files';
import type { Station } from '../../electron/core/station';

const HUISHI = '620422100000';
const villagesOf = (township: string) =>
  huiningVillages()
    .filter((v) => v.code.startsWith(township.slice(0, 9)))
    .slice(0, 3)
    .map((v) => v.code);
const HUISHI_VILLAGES = villagesOf(HUISHI);
const OTHER_VILLAGES = villagesOf('620422101000');
const OTHER_TOWNSHIP_NAME = huiningVillages().find((v) => v.code === OTHER_VILLAGES[0])!.township; // 郭城驿镇

const RECORD_TABLES = ['households', 'persons', 'memberships', 'conditions', 'incomes', 'household_events', 'change_log'] as const;
function counts(station: Station): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of RECORD_TABLES) out[table] = (station.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return out;
}

let t: TestStation;
let admin: string;
beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
});
afterEach(() => t.close());

async function userToken(role: 'clerk' | 'viewer' | 'admin', scopeCode: string, username: string = role): Promise<string> {
  await ok(t.station, 'users.create', { username, displayName: `${role} 测试`, role, scopeCode, password: 'Test12345' }, admin);
  return loginAs(t.station, username, 'Test12345');
}

/** A national-layout file of made-up households, stored as a door would store the upload. */
async function upload(name: string, options: { households: number; villages: readonly string[]; numberBase: number; seed?: number }): Promise<string> {
  const file = join(t.dir, name);
  await writeNationalXlsx(file, syntheticHouseholds(options));
  return storeUpload(t.station, readFileSync(file), name).fileRef;
}

const uploadBytes = (bytes: Uint8Array | string, name: string) => storeUpload(t.station, typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name).fileRef;

describe('roles', () => {
  it('a viewer may neither import nor export; a clerk may import but not export the full data', async () => {
    const ref = await upload('a.xlsx', { households: 2, villages: HUISHI_VILLAGES, numberBase: 1 });
    const viewer = await userToken('viewer', HUISHI);
    const clerk = await userToken('clerk', HUISHI);
    for (const r of [
      await callApi(t.station, 'registry.importDryRun', { uploadRef: ref }, viewer),
      await callApi(t.station, 'registry.importApply', { uploadRef: ref, mode: 'all' }, viewer),
      await callApi(t.station, 'registry.exportXlsx', { regionCode: HUISHI, layout: 'person' }, viewer),
      await callApi(t.station, 'registry.exportXlsx', { regionCode: HUISHI, layout: 'person' }, clerk),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    }
    expect(await callApi(t.station, 'registry.importDryRun', { uploadRef: ref }, clerk)).toMatchObject({ ok: true });
    expect(await callApi(t.station, 'registry.importDryRun', { uploadRef: ref })).toMatchObject({ ok: false, error: { kind: 'UNAUTHENTICATED' } });
  });

  it('an administrator scoped to a township exports only inside it', async () => {
    const townshipAdmin = await userToken('admin', HUISHI, 'hsadmin');
    expect(await callApi(t.station, 'registry.exportXlsx', { regionCode: '620422101000', layout: 'person' }, townshipAdmin)).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    expect(await callApi(t.station, 'registry.exportXlsx', { regionCode: HUISHI, layout: 'household' }, townshipAdmin)).toMatchObject({ ok: true });
  });

  it('refuses a reference that is malformed or unknown', async () => {
    expect(await callApi(t.station, 'registry.importDryRun', { uploadRef: '../../station.db' }, admin)).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    expect(await callApi(t.station, 'registry.importDryRun', { uploadRef: 'A'.repeat(24) }, admin)).toMatchObject({
      ok: false,
      error: { kind: 'NOT_FOUND', message: '上传的文件已过期或不存在，请重新选择文件' },
    });
  });
});

describe('dry run, apply, re-import, export', () => {
  it('dry-runs without writing, applies in one go, a second import changes nothing, and the export imports into a fresh station', async () => {
    const ref = await upload('县里下发.xlsx', { households: 12, villages: [...HUISHI_VILLAGES, ...OTHER_VILLAGES], numberBase: 100 });
    const before = counts(t.station);
    const dry = await ok(t.station, 'registry.importDryRun', { uploadRef: ref }, admin);
    expect(dry.file.name).toBe('县里下发.xlsx');
    expect(dry.scope).toEqual({ code: '620422000000', name: '会宁县' });
    expect(dry.summary).toMatchObject({ households: 12, newHouseholds: 12, invalidHouseholds: 0, errors: 0 });
    expect(dry.outOfScopeRows).toEqual([]);
    expect(counts(t.station)).toEqual(before);

    const applied = await ok(t.station, 'registry.importApply', { uploadRef: ref, mode: 'all', expectedSha256: dry.file.sha256 }, admin);
    expect(applied.applied).toEqual({ inserted: 12, updated: 0, unchanged: 0, skipped: 0 });
    const afterFirst = counts(t.station);
    expect(afterFirst.households).toBe(12);
    expect(afterFirst.persons).toBe(dry.summary.persons);

    // the same file again: every household unchanged, no record and no change-log entry written
    const again = await ok(t.station, 'registry.importDryRun', { uploadRef: ref }, admin);
    expect(again.summary).toMatchObject({ unchangedHouseholds: 12, newHouseholds: 0, changedHouseholds: 0 });
    const second = await ok(t.station, 'registry.importApply', { uploadRef: ref, mode: 'valid' }, admin);
    expect(second.applied).toEqual({ inserted: 0, updated: 0, unchanged: 12, skipped: 0 });
    expect(counts(t.station)).toEqual(afterFirst);

    // export (admin): a download reference, a file named after the region and layout
    const exported = await ok(t.station, 'registry.exportXlsx', { regionCode: HUISHI, layout: 'person' }, admin);
    expect(exported.fileName).toMatch(/^建档立卡-会师镇-每人一行-\d{8}\.xlsx$/);
    const huishiHouseholds = (t.station.db.$client.prepare("SELECT count(*) AS n FROM households WHERE region_code LIKE '620422100%'").get() as { n: number }).n;
    expect(exported.households).toBe(huishiHouseholds);
    const file = downloadFile(exported.downloadRef);
    expect(file.fileName).toBe(exported.fileName);
    const byHousehold = await ok(t.station, 'registry.exportXlsx', { regionCode: '620422000000', layout: 'household', year: 2020 }, admin);
    expect(byHousehold).toMatchObject({ households: 12, rows: 12 });
    const audit = t.station.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'registry.export'").get() as { n: number };
    expect(audit.n).toBe(2);

    // into a fresh station: all new, nothing wrong
    const fresh = await makeStation();
    try {
      const freshAdmin = await loginAs(fresh.station, ADMIN.username, ADMIN.password);
      const freshRef = storeUpload(fresh.station, readFileSync(file.path), file.fileName).fileRef;
      const freshDry = await ok(fresh.station, 'registry.importDryRun', { uploadRef: freshRef }, freshAdmin);
      expect(freshDry.summary).toMatchObject({ households: huishiHouseholds, newHouseholds: huishiHouseholds, errors: 0 });
      const freshApplied = await ok(fresh.station, 'registry.importApply', { uploadRef: freshRef, mode: 'all' }, freshAdmin);
      expect(freshApplied.applied.inserted).toBe(huishiHouseholds);
    } finally {
      fresh.close();
    }
  });

  it('all-or-nothing refuses a file with a bad row and names it; only-valid writes the rest', async () => {
    const file = join(t.dir, 'bad.xlsx');
    const data = syntheticHouseholds({ households: 4, villages: HUISHI_VILLAGES, numberBase: 200 });
    const target = data.findIndex((h) => h.members.length >= 2);
    const badRow = 2 + data.slice(0, target).reduce((n, h) => n + h.members.length, 0) + 1;
    await writeNationalXlsx(file, data, {
      // a member's (not the head's) ID number gets a wrong check character
      mutate: (cells, at) => {
        if (at.household === target && at.member === 1) {
          const id = String(cells.get('证件号码'));
          cells.set('证件号码', id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
        }
      },
    });
    const ref = storeUpload(t.station, readFileSync(file), 'bad.xlsx').fileRef;
    const dry = await ok(t.station, 'registry.importDryRun', { uploadRef: ref }, admin);
    expect(dry.summary).toMatchObject({ households: 4, invalidHouseholds: 1, validHouseholds: 3 });
    const bad = dry.problems.find((p) => p.severity === 'error')!;
    expect(bad).toMatchObject({ row: badRow, field: '证件号码', rule: expect.stringMatching(/^Q-ID-/) });
    expect(bad.message).toMatch(/校验/);

    const before = counts(t.station);
    const refused = await callApi(t.station, 'registry.importApply', { uploadRef: ref, mode: 'all' }, admin);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!refused.ok) expect(refused.error.message).toContain(`第 ${badRow} 行 证件号码`);
    expect(counts(t.station)).toEqual(before);

    const valid = await ok(t.station, 'registry.importApply', { uploadRef: ref, mode: 'valid' }, admin);
    expect(valid.applied).toEqual({ inserted: 3, updated: 0, unchanged: 0, skipped: 1 });
  });
});

describe("a clerk imports only the own township's households", () => {
  it('refuses the other township row by row (IMP-SCOPE), including a stored household the file moves in', async () => {
    // 郭城驿镇 already has a household, entered by the county
    const stored = await upload('county.xlsx', { households: 1, villages: OTHER_VILLAGES, numberBase: 300, seed: 7 });
    await ok(t.station, 'registry.importApply', { uploadRef: stored, mode: 'all' }, admin);
    const theirs = t.station.db.$client.prepare('SELECT id, region_code AS regionCode, household_number AS n, updated_at AS updatedAt FROM households').get() as {
      id: string;
      regionCode: string;
      n: string;
      updatedAt: string;
    };

    // the clerk's file: two households of 会师镇, one of 郭城驿镇, and the stored one placed in 会师镇
    const file = join(t.dir, 'clerk.xlsx');
    const own = syntheticHouseholds({ households: 2, villages: HUISHI_VILLAGES, numberBase: 400, seed: 1 });
    const foreign = syntheticHouseholds({ households: 1, villages: OTHER_VILLAGES, numberBase: 500, seed: 2 });
    const moved = syntheticHouseholds({ households: 1, villages: OTHER_VILLAGES, numberBase: 300, seed: 7 }).map((h) => ({ ...h, regionCode: HUISHI_VILLAGES[0]!, household: { ...h.household, regionCode: HUISHI_VILLAGES[0]! } }));
    await writeNationalXlsx(file, [...own, ...foreign, ...moved]);
    const ref = storeUpload(t.station, readFileSync(file), 'clerk.xlsx').fileRef;
    const clerk = await userToken('clerk', HUISHI);

    const dry = await ok(t.station, 'registry.importDryRun', { uploadRef: ref }, clerk);
    expect(dry.scope).toEqual({ code: HUISHI, name: '会师镇' });
    const ownRows = own.reduce((n, h) => n + h.members.length, 0);
    const foreignRow = 2 + ownRows;
    const movedRow = foreignRow + foreign[0]!.members.length;
    expect(dry.outOfScopeRows).toEqual([foreignRow, movedRow]);
    const scopeProblems = dry.problems.filter((p) => p.rule === 'IMP-SCOPE');
    expect(scopeProblems).toHaveLength(2);
    expect(scopeProblems[0]).toMatchObject({ row: foreignRow, field: '行政区划代码', severity: 'error' });
    expect(scopeProblems[0]!.message).toMatch(new RegExp(`^行政区划代码 ${OTHER_VILLAGES[0]}（${OTHER_TOWNSHIP_NAME} .+）不在会师镇范围内：超出管辖范围，该户不能导入$`));
    expect(scopeProblems[1]).toMatchObject({ row: movedRow, field: '户编号' });
    expect(scopeProblems[1]!.message).toMatch(new RegExp(`已登记在${OTHER_TOWNSHIP_NAME} .+，不在会师镇范围内`));
    expect(dry.summary).toMatchObject({ households: 4, validHouseholds: 2, invalidHouseholds: 2 });

    const refused = await callApi(t.station, 'registry.importApply', { uploadRef: ref, mode: 'all' }, clerk);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'ROW_INVALID' } });
    if (!refused.ok) expect(refused.error.message).toContain(`第 ${foreignRow} 行`);

    const applied = await ok(t.station, 'registry.importApply', { uploadRef: ref, mode: 'valid' }, clerk);
    expect(applied.applied).toEqual({ inserted: 2, updated: 0, unchanged: 0, skipped: 2 });
    const after = t.station.db.$client.prepare('SELECT region_code AS regionCode, updated_at AS updatedAt FROM households WHERE id = ?').get(theirs.id);
    expect(after).toEqual({ regionCode: theirs.regionCode, updatedAt: theirs.updatedAt });
    const regions = t.station.db.$client.prepare('SELECT region_code AS r FROM households').all() as { r: string }[];
    expect(regions.filter((r) => r.r.startsWith('620422100'))).toHaveLength(2);
    expect(regions).toHaveLength(3);

    // the same file as the county administrator: every household is inside the county
    const county = await ok(t.station, 'registry.importDryRun', { uploadRef: ref }, admin);
    expect(county.outOfScopeRows).toEqual([]);
  });
});

describe('bad files get the Chinese message and change nothing', () => {
  it('not xlsx, empty, no matching sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('会议记录').addRows([
      ['日期', '内容', '参加人'],
      ['2020-05-01', '村两委会议', '全体'],
    ]);
    const noSheet = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = counts(t.station);
    const cases: [Uint8Array | string, string, RegExp][] = [
      ['姓名,证件号码\n张三,620422198001011234\n', 'list.xlsx', /^不是 xlsx 文件：文件内容是文本/],
      [new Uint8Array(0), 'empty.xlsx', /^文件是空的（0 字节），不是 xlsx 文件$/],
      [noSheet, 'minutes.xlsx', /^没有找到贫困人口信息表：各工作表的前 \d+ 行中都没有可识别的表头/],
    ];
    for (const [bytes, name, message] of cases) {
      const ref = uploadBytes(bytes, name);
      for (const r of [
        await callApi(t.station, 'registry.importDryRun', { uploadRef: ref }, admin),
        await callApi(t.station, 'registry.importApply', { uploadRef: ref, mode: 'valid' }, admin),
      ]) {
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.kind).toBe('INVALID_INPUT');
          expect(r.error.message).toMatch(message);
        }
      }
    }
    expect(counts(t.station)).toEqual(before);
  });
});
