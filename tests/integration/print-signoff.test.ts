// The 3342 退出验收签字表 printed from recorded sign-offs: a village with one exit case signed at
// every level and one not yet signed prints as a draft with the signed counts; withdrawing the
// unsigned case leaves a final sheet. Poppler reads the PDF; the PNG is kept for a look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeStation, ok, loginAs, ADMIN, type TestStation } from '../helpers/station';
import { family } from '../helpers/households';
import { downloadFile } from '../../electron/core/services/transfer-files';
import type { Input } from '../../electron/core/api/contract';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/print-api');
const HUISHI = '620422100000';
const VILLAGE = '620422100201';

let t: TestStation;
let admin: string;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
}, 60_000);
afterAll(() => t?.close());

const step = (caseId: string, stage: string, date: string, data: unknown): Input<'workflow.completeStep'> => ({ caseId, stage, date, data });
const meeting = (date: string) => ({ body: 'representatives' as const, date, participants: 11, votesFor: 10, votesAgainst: 1, votesAbstain: 0, attendees: '村民代表 11 人' });

async function poorHousehold(headName: string): Promise<string> {
  const f = family(VILLAGE, headName);
  f.income = { ...f.income, wageIncome: 24_000 };
  return (await ok(t.station, 'registry.saveHousehold', { id: null, regionCode: VILLAGE, ...f }, admin)).id;
}

async function toSignoff(caseId: string, head: string) {
  await ok(t.station, 'workflow.runCheck', { caseId, date: '2020-09-01' }, admin);
  await ok(t.station, 'workflow.completeStep', step(caseId, 'review', '2020-09-05', { meetings: [meeting('2020-09-05')] }), admin);
  await ok(t.station, 'workflow.completeStep', step(caseId, 'verification', '2020-09-08', { verifiers: '村两委、驻村工作队', foodSecure: true, clothingSecure: true }), admin);
  await ok(t.station, 'workflow.completeStep', step(caseId, 'agreement', '2020-09-09', { signerName: head, agreed: true }), admin);
  await ok(t.station, 'workflow.addNotice', { caseId, level: 'village', startDate: '2020-09-10', endDate: '2020-09-16', place: '村委会' }, admin);
  return ok(t.station, 'workflow.completeStep', step(caseId, 'notice', '2020-09-17', {}), admin);
}

async function sheet(name: string): Promise<{ text: string; draft: boolean; file: string }> {
  const r = await ok(t.station, 'print.render', { document: 'signoff-sheet', scope: { village: VILLAGE }, year: 2020 }, admin);
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, readFileSync(downloadFile(r.downloadRef).path));
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[草稿未审定\s]/g, ''), draft: r.draft, file };
}

describe('the 3342 sign-off sheet', () => {
  it('prints each level and role with the names on record, a draft until every case is signed', async () => {
    const signed = await poorHousehold('张建国');
    await poorHousehold('王秀兰');
    const cohort = await ok(t.station, 'workflow.createCohort', { year: 2020, name: '' }, admin);
    await ok(t.station, 'workflow.addToCohort', { cohortId: cohort.id, householdIds: [], plannedInRegion: HUISHI, date: '2020-06-01' }, admin);
    const rows = (await ok(t.station, 'workflow.cohort', { id: cohort.id }, admin)).rows;
    const first = rows.find((r) => r.householdId === signed)!.caseId;
    const second = rows.find((r) => r.householdId !== signed)!.caseId;
    let c = await toSignoff(first, '张建国');
    await toSignoff(second, '王秀兰');
    let n = 0;
    for (const level of c.signoff!.levels) {
      for (const role of level.roles) c = await ok(t.station, 'workflow.sign', { caseId: first, level: level.level, role: role.code, signerName: `签字人${++n}`, date: '2020-09-24' }, admin);
    }
    expect(n).toBe(12);
    expect(c.signoff!.complete).toBe(true);

    const draft = await sheet('signoff-sheet-draft');
    expect(draft.draft).toBe(true);
    expect(execFileSync('pdfinfo', [draft.file], { encoding: 'utf8' })).toMatch(/\(A4\)/);
    for (const head of ['张建国', '王秀兰']) expect(draft.text).toContain(head);
    for (let i = 1; i <= 12; i++) expect(draft.text).toContain(`签字人${i}`);
    expect(draft.text).toContain('1/2');
    execFileSync('pdftoppm', ['-r', '50', '-png', draft.file, join(ARTIFACTS, 'signoff-sheet-draft')]);

    await ok(t.station, 'workflow.withdraw', { caseId: second, reason: '该户申请暂缓退出' }, admin);
    const final = await sheet('signoff-sheet-final');
    expect(final.draft).toBe(false);
    expect(final.text).not.toContain('王秀兰');
    expect(final.text).toContain('签字人12');
  }, 120_000);
});
