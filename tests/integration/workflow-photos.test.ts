import { createHash } from 'node:crypto';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeStation, ok, callApi, loginAs, ADMIN, HUISHI, HUISHI_VILLAGE, OTHER_TOWNSHIP, type TestStation } from '../helpers/station';
import { makePng } from '../helpers/png';
import { makeJpeg } from '../helpers/jpeg';
import { openApplicantCase } from '../helpers/workflow';
import { storeUpload, uploadedFile } from '../../electron/core/services/transfer-files';
import { MAX_PHOTO_BYTES } from '../../electron/core/domain/workflow/photo-rules';
import type { Input } from '../../electron/core/api/contract';

let t: TestStation;
let admin: string;
let clerk: string;
let otherClerk: string;
let viewer: string;

beforeEach(async () => {
  t = await makeStation();
  admin = await loginAs(t.station, ADMIN.username, ADMIN.password);
  const users: [string, string, 'clerk' | 'viewer', string][] = [
    ['clerk', '会师镇录入员', 'clerk', HUISHI],
    ['other', '柴家门镇录入员', 'clerk', OTHER_TOWNSHIP],
    ['viewer', '会师镇查看员', 'viewer', HUISHI],
  ];
  for (const [username, displayName, role, scopeCode] of users) {
    await ok(t.station, 'users.create', { username, displayName, role, scopeCode, password: 'Clerk1234' }, admin);
  }
  clerk = await loginAs(t.station, 'clerk', 'Clerk1234');
  otherClerk = await loginAs(t.station, 'other', 'Clerk1234');
  viewer = await loginAs(t.station, 'viewer', 'Clerk1234');
});
afterEach(() => t.close());

const step = (caseId: string, stage: string, date: string, data: unknown): Input<'workflow.completeStep'> => ({ caseId, stage, date, data });
const inspectForm = (photos: string[]) => ({ housing: '土坯房三间，后墙开裂', housingSafe: false, labourers: 1, labour: '户主患病，仅妻子务农', photos, outcome: 'pass' });

/** An applicant's case at its 二看 step. */
async function openCase(token: string, regionCode = HUISHI_VILLAGE, headName = '马国福', seq = 31) {
  const c = await openApplicantCase(t.station, token, regionCode, headName, seq);
  await ok(t.station, 'workflow.completeStep', step(c.id, 'verify', '2019-03-08', { perCapitaIncome: 2100, assets: '土坯房三间', verifiers: '王海、李强' }), token);
  return c.id;
}

/** Through the upload door, as the renderer does: the file becomes a reference, the method takes it. */
function upload(caseId: string, fileName: string, bytes: Uint8Array, token: string, note = '') {
  const { fileRef } = storeUpload(t.station, bytes, fileName);
  return callApi(t.station, 'workflow.uploadPhoto', { caseId, uploadRef: fileRef, note }, token);
}
async function uploaded(caseId: string, fileName: string, bytes: Uint8Array, token: string, note = '') {
  const r = await upload(caseId, fileName, bytes, token, note);
  if (!r.ok) throw new Error(`upload failed: ${r.error.message}`);
  return r.value;
}

const count = (sql: string): number => (t.station.db.$client.prepare(sql).get() as { n: number }).n;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const house = makePng(64, 48, (x, y) => [120 + (x % 50), 80 + (y % 40), 60]);

describe('二看 photos through the router', () => {
  it('uploads, lists and fetches photos byte for byte; the audit names each file, never its bytes', async () => {
    const caseId = await openCase(clerk);
    const auditBefore = count('SELECT count(*) AS n FROM audit_log');
    const png = await uploaded(caseId, 'IMG_0001.jpg', house, clerk, '房屋正面');
    const jpeg = makeJpeg(640, 480);
    const jpg = await uploaded(caseId, '厨房.jpg', jpeg, clerk);
    // the type comes from the bytes: a PNG named .jpg is a PNG
    expect(png).toMatchObject({ fileName: 'IMG_0001.jpg', mime: 'image/png', width: 64, height: 48, byteSize: house.length, sha256: sha256(house), note: '房屋正面', createdBy: 'clerk', citedBy: [], deletable: true });
    expect(jpg).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480, byteSize: jpeg.length });

    const list = await ok(t.station, 'workflow.photos', { caseId }, viewer);
    expect(list.map((p) => p.fileName)).toEqual(['IMG_0001.jpg', '厨房.jpg']);
    expect(JSON.stringify(list)).not.toContain('base64');

    for (const [view, bytes] of [[png, house], [jpg, jpeg]] as const) {
      const fetched = await ok(t.station, 'workflow.photo', { id: view.id }, viewer);
      const [head, body] = fetched.dataUrl.split(',');
      expect(head).toBe(`data:${view.mime};base64`);
      const back = Buffer.from(body!, 'base64');
      expect(back.equals(bytes)).toBe(true);
      expect(sha256(back)).toBe(fetched.sha256);
    }

    // one audited write per upload, with the file's name, size and hash
    const audits = t.station.db.$client.prepare("SELECT action, entity_id AS entityId, after FROM audit_log WHERE action = 'workflow.photo.upload' ORDER BY seq").all() as { action: string; entityId: string; after: string }[];
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore + 2);
    expect(audits.map((a) => a.entityId)).toEqual([caseId, caseId]);
    const note = JSON.parse(audits[0]!.after)._notes.photo;
    expect(note).toEqual({ id: png.id, stage: 'inspect', fileName: 'IMG_0001.jpg', mime: 'image/png', byteSize: house.length, sha256: sha256(house), width: 64, height: 48 });
    expect(audits[1]!.after.length).toBeLessThan(1000); // a 3 KB JPEG's bytes (or their base64) are not in it
    expect(audits[1]!.after).not.toContain(jpeg.subarray(0, 12).toString('base64').slice(0, 12));
    // node-local evidence: nothing of it in the change log that packages are built from
    expect(count("SELECT count(*) AS n FROM change_log WHERE table_name = 'attachments'")).toBe(0);
  });

  it('refuses files that are not complete JPEG or PNG photos, or too big, naming the file and writing nothing', async () => {
    const caseId = await openCase(clerk);
    const auditBefore = count('SELECT count(*) AS n FROM audit_log');
    const jpeg = makeJpeg(320, 240);
    // a PNG's first bytes, then zeros: refused for its size before anything else
    const tooBig = new Uint8Array(MAX_PHOTO_BYTES + 1);
    tooBig.set(house.subarray(0, 40));
    const cases: [string, Uint8Array, string][] = [
      ['房屋.jpg', Buffer.from('这是一段文字，不是照片', 'utf8'), '照片「房屋.jpg」不是 JPEG 或 PNG 图片（按文件内容判断，与扩展名无关）'],
      ['半张.jpg', jpeg.subarray(0, jpeg.length - 3), '照片「半张.jpg」不完整：JPEG 文件在结尾前中断'],
      ['大图.png', tooBig, '照片「大图.png」有 5.0 MB，超过每张 5 MB 的上限'],
    ];
    for (const [name, bytes, message] of cases) {
      const { fileRef } = storeUpload(t.station, bytes, name);
      const r = await callApi(t.station, 'workflow.uploadPhoto', { caseId, uploadRef: fileRef }, clerk);
      expect(r).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
      expect(!r.ok && r.error.message).toContain(message);
      // the refused upload is not left lying in the transfer folder either
      expect(() => uploadedFile(t.station, fileRef)).toThrow(/已过期或不存在/);
    }
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);

    // twenty photos, not twenty-one
    const small = makeJpeg(16, 16);
    for (let i = 1; i <= 20; i++) await uploaded(caseId, `第${i}张.jpg`, small, clerk);
    const extra = await upload(caseId, '第21张.jpg', small, clerk);
    expect(extra).toMatchObject({ ok: false, error: { kind: 'CONFLICT', message: '「二看（看住房、看劳力）」最多 20 张照片，已有 20 张；照片「第21张.jpg」未上传，请先删除不需要的照片' } });
    expect(count('SELECT count(*) AS n FROM attachments')).toBe(20);
    // a stage that takes no photos, and a bad reference
    const { fileRef } = storeUpload(t.station, small, 'a.jpg');
    expect(await callApi(t.station, 'workflow.uploadPhoto', { caseId, stage: 'compare' as never, uploadRef: fileRef }, clerk)).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
    expect(await callApi(t.station, 'workflow.uploadPhoto', { caseId, uploadRef: 'x'.repeat(24) }, clerk)).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });
  });

  it('keeps another township\'s photos from a clerk, and a viewer from uploading or deleting', async () => {
    const theirs = await openCase(admin, (await ok(t.station, 'registry.tree', { parentCode: OTHER_TOWNSHIP }, admin))[0]!.code, '王志强', 33);
    const photo = await uploaded(theirs, '王家房屋.png', house, otherClerk);
    for (const r of [
      await callApi(t.station, 'workflow.photos', { caseId: theirs }, clerk),
      await callApi(t.station, 'workflow.photo', { id: photo.id }, clerk),
      await callApi(t.station, 'workflow.deletePhoto', { id: photo.id }, clerk),
      await upload(theirs, '越权.png', house, clerk),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { kind: 'SCOPE_DENIED' } });
    }
    // the county sees it; its own township's clerk does too
    expect((await ok(t.station, 'workflow.photo', { id: photo.id }, admin)).sha256).toBe(sha256(house));
    expect(await ok(t.station, 'workflow.photos', { caseId: theirs }, otherClerk)).toHaveLength(1);
    expect(await callApi(t.station, 'workflow.photo', { id: 'no-such-photo' }, admin)).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });

    const mine = await openCase(clerk);
    expect(await upload(mine, 'a.png', house, viewer)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    const p = await uploaded(mine, 'a.png', house, clerk);
    expect(await callApi(t.station, 'workflow.deletePhoto', { id: p.id }, viewer)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
  });

  it('completes 二看 with its own photo ids only; a completed step\'s photos can be neither added to nor deleted', async () => {
    const caseId = await openCase(clerk);
    const other = await openCase(clerk, HUISHI_VILLAGE, '李秀英', 35);
    const front = await uploaded(caseId, '房屋正面.png', house, clerk);
    const kitchen = await uploaded(caseId, '厨房.jpg', makeJpeg(200, 150), clerk);
    const spare = await uploaded(caseId, '拍错了.jpg', makeJpeg(20, 20), clerk);
    const foreign = await uploaded(other, '李家.jpg', makeJpeg(20, 20), clerk);

    // a photo not yet used can go
    const left = await ok(t.station, 'workflow.deletePhoto', { id: spare.id }, clerk);
    expect(left.map((p) => p.fileName)).toEqual(['房屋正面.png', '厨房.jpg']);
    const deleteAudit = t.station.db.$client.prepare("SELECT after FROM audit_log WHERE action = 'workflow.photo.delete'").get() as { after: string };
    expect(JSON.parse(deleteAudit.after)._notes.photo).toMatchObject({ fileName: '拍错了.jpg', sha256: spare.sha256 });

    for (const [photos, message] of [
      [[front.id, foreign.id], `第 2 张照片（${foreign.id}）不是本案件这一步上传的照片，或已被删除`],
      [[front.id, spare.id], `第 2 张照片（${spare.id}）不是本案件这一步上传的照片，或已被删除`],
      [[front.id, front.id], '第 2 张照片重复选择'],
    ] as const) {
      const r = await callApi(t.station, 'workflow.completeStep', step(caseId, 'inspect', '2019-03-10', inspectForm([...photos])), clerk);
      expect(r).toMatchObject({ ok: false, error: { kind: 'INVALID_INPUT' } });
      expect(!r.ok && r.error.message).toBe(`「二看（看住房、看劳力）」未办理：${message}`);
    }
    expect((await ok(t.station, 'workflow.case', { id: caseId }, clerk)).currentStage).toBe('inspect');

    const c = await ok(t.station, 'workflow.completeStep', step(caseId, 'inspect', '2019-03-10', inspectForm([front.id, kitchen.id])), clerk);
    const done = c.stages.find((s) => s.code === 'inspect')!.completion!;
    expect(done.summary).toBe('住房不安全，劳动力 1 人，照片 2 张');
    expect((done.data as { photos: string[] }).photos).toEqual([front.id, kitchen.id]);

    const after = await ok(t.station, 'workflow.photos', { caseId }, clerk);
    expect(after.map((p) => [p.fileName, p.citedBy, p.deletable])).toEqual([
      ['房屋正面.png', [done.seq], false],
      ['厨房.jpg', [done.seq], false],
    ]);
    const del = await callApi(t.station, 'workflow.deletePhoto', { id: front.id }, clerk);
    expect(del).toMatchObject({ ok: false, error: { kind: 'CONFLICT' } });
    expect(!del.ok && del.error.message).toContain('照片「房屋正面.png」不能删除：「二看（看住房、看劳力）」已办理');
    const late = await upload(caseId, '补拍.jpg', makeJpeg(20, 20), clerk);
    expect(!late.ok && late.error.message).toContain('照片「补拍.jpg」未上传：「二看（看住房、看劳力）」已办理');
    expect(count(`SELECT count(*) AS n FROM attachments WHERE case_id = '${caseId}'`)).toBe(2);

    // an objection sends 二看 back: new photos may be added, the ones the first completion cites stay
    await ok(t.station, 'workflow.completeStep', step(caseId, 'compare', '2019-03-12', { foodClothing: '低于邻里', housing: '明显差于邻里', living: '无大件家电', outcome: 'pass' }), clerk);
    const meeting = { body: 'representatives', date: '2019-03-15', participants: 11, votesFor: 9, votesAgainst: 2, votesAbstain: 0, attendees: '村民代表 11 人' };
    await ok(t.station, 'workflow.completeStep', step(caseId, 'review', '2019-03-15', { meetings: [meeting] }), clerk);
    const posted = await ok(t.station, 'workflow.addNotice', { caseId, level: 'village', startDate: '2019-03-18', endDate: '2019-03-24', place: '村委会公示栏' }, clerk);
    await ok(t.station, 'workflow.addObjection', { caseId, noticeId: posted.notices[0]!.id, receivedDate: '2019-03-20', channel: 'visit', complainant: '张德明', content: '该户新盖了砖房', concernsStage: 'inspect' }, clerk);
    const cited = await callApi(t.station, 'workflow.deletePhoto', { id: kitchen.id }, clerk);
    expect(!cited.ok && cited.error.message).toBe(`照片「厨房.jpg」是已登记的「二看（看住房、看劳力）」（第 ${done.seq} 条办理记录）的依据，不能删除`);
    const recheck = await uploaded(caseId, '复核砖房.jpg', makeJpeg(30, 30), clerk);
    expect(recheck.deletable).toBe(true);
    const again = await ok(
      t.station,
      'workflow.completeStep',
      step(caseId, 'inspect', '2019-03-21', { ...inspectForm([front.id, kitchen.id, recheck.id]), objectionResolution: { upheld: false, note: '砖房为亲戚所建' } }),
      clerk,
    );
    expect(again.stages.find((s) => s.code === 'inspect')!.completion!.summary).toContain('照片 3 张');
    expect((await ok(t.station, 'workflow.photos', { caseId }, clerk)).map((p) => p.citedBy.length)).toEqual([2, 2, 1]);

    // a withdrawn case takes no photos
    await ok(t.station, 'workflow.withdraw', { caseId: other, reason: '申请人撤回申请' }, clerk);
    const closed = await upload(other, '撤回后.jpg', makeJpeg(20, 20), clerk);
    expect(!closed.ok && closed.error.message).toContain('该案件已办结或已撤回');
  });
});
