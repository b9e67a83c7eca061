// Township → county → province and back, across separate databases, every hop a signed
// package: key registration and trust, reports (snapshot, then incremental), receipts, the
// province's cross-county duplicate check, review tasks relayed down to the owning township,
// resolved there and reported back up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ok } from '../helpers/station';
import { family } from '../helpers/households';
import { REGIONS, bytesOf, connect, deliver, makeNode, sharedClock, type TestNode } from '../unit/exchange/support/network';
import { exportReport, dispatchDuplicateTasks } from '../../electron/core/services/exchange/commands';
import { listOutbox } from '../../electron/core/services/exchange/outbox';
import { channelState } from '../../electron/core/services/exchange/peers';
import { findCrossCountyDuplicates, childrenStatus } from '../../electron/core/services/exchange/province';
import { listReviewTasks, resolveReviewTask } from '../../electron/core/services/exchange/review-tasks';
import { households, persons, node } from '../../electron/core/db/schema';
import { createKeyRotation } from '../../electron/core/services/exchange/trust';
import { nodeKeys } from '../../electron/core/services/exchange/node-identity';
import { keysOf } from '../../electron/core/services/exchange/peers';
import { importBytes } from '../../electron/core/services/exchange/commands';
import { generateMinisignKeyPair, keyIdHex } from '../../electron/core/exchange/minisign';
import { deriveAgeIdentity } from '../../electron/core/exchange/age-identity';

const HUISHI_VILLAGE = '620422100001';
const GUOCHENG_VILLAGE = '620422101001';
const JINGYUAN_VILLAGE = '620421101200';

const clock = sharedClock();
let township: TestNode;
let county: TestNode;
let county2: TestNode;
let province: TestNode;

beforeAll(async () => {
  province = await makeNode('province', REGIONS.province, clock.now);
  county = await makeNode('county', REGIONS.huining, clock.now);
  county2 = await makeNode('county', REGIONS.jingyuan, clock.now);
  township = await makeNode('township', REGIONS.huishi, clock.now);
});

afterAll(() => {
  for (const n of [township, county, county2, province]) n?.close();
});

const count = (n: TestNode, table: typeof households | typeof persons) => n.station.db.select().from(table).all().length;

describe('township → county → province and back', () => {
  let sharedIdNumber: string;
  let townshipHousehold: string;

  it('sets up the channels: registration, fingerprint confirmation, trust, receipts', async () => {
    await connect(township, county);
    await connect(county, province);
    await connect(county2, province);
    // Each side now knows the other's key and age recipient; the child's node row names its parent.
    expect(township.station.db.select().from(node).get()!.parentNodeId).toBe(county.nodeId);
    const keyPkg = listOutbox(township.station.db, { peerNodeId: county.nodeId })[0]!;
    expect(keyPkg).toMatchObject({ kind: 'key', seq: 1, status: 'acknowledged' });
    expect(channelState(county.station.db, township.nodeId, 'out').lastSeq).toBe(2); // trust + receipt
  });

  it('a township report (snapshot) reaches the county and is acknowledged', async () => {
    const a = family(HUISHI_VILLAGE, '张建国');
    sharedIdNumber = a.members[1]!.record.idNumber!;
    townshipHousehold = (await ok(township.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...a }, township.token)).id;
    await ok(township.station, 'registry.saveHousehold', { id: null, regionCode: HUISHI_VILLAGE, ...family(HUISHI_VILLAGE, '李明') }, township.token);

    const report = await exportReport(township.station, township.caller);
    expect(report.summary).toMatchObject({ mode: 'snapshot', encrypted: true });
    const [applied] = await deliver(township, county);
    expect(applied).toMatchObject({ status: 'applied', kind: 'report', error: null });
    expect(applied!.checks.map((c) => c.check)).toEqual(['format', 'recipient', 'senderKey', 'signature', 'expiry', 'files', 'sequence', 'schema', 'kind', 'decrypt', 'content', 'ownership', 'apply']);
    expect(applied!.checks.every((c) => c.ok)).toBe(true);
    expect(count(county, households)).toBe(2);
    expect(count(county, persons)).toBe(8);

    const [receipt] = await deliver(county, township);
    expect(receipt).toMatchObject({ status: 'applied', kind: 'receipt' });
    expect(listOutbox(township.station.db, { peerNodeId: county.nodeId }).find((r) => r.packageId === report.packageId)).toMatchObject({ status: 'acknowledged' });
    expect(channelState(township.station.db, county.nodeId, 'out').ackedChangeSeq).toBeGreaterThan(0);
  });

  it('the county forwards the township data with its own to the province', async () => {
    await ok(county.station, 'registry.saveHousehold', { id: null, regionCode: GUOCHENG_VILLAGE, ...family(GUOCHENG_VILLAGE, '王志强') }, county.token);
    const jingyuan = family(JINGYUAN_VILLAGE, '赵德胜');
    // The same person (by ID number) also registered in 靖远县: a cross-county duplicate.
    jingyuan.members[1]!.record.idNumber = sharedIdNumber;
    await ok(county2.station, 'registry.saveHousehold', { id: null, regionCode: JINGYUAN_VILLAGE, ...jingyuan }, county2.token);

    await exportReport(county.station, county.caller);
    await exportReport(county2.station, county2.caller);
    expect((await deliver(county, province)).map((r) => r.status)).toEqual(['applied']);
    expect((await deliver(county2, province)).map((r) => r.status)).toEqual(['applied']);
    expect(count(province, households)).toBe(4);
    await deliver(province, county);
    await deliver(province, county2);
    expect(channelState(county.station.db, province.nodeId, 'out').ackedSeq).toBeGreaterThan(1);
  });

  it('the province finds the duplicate and sends each county its review task; the county relays it to the township', async () => {
    const dups = findCrossCountyDuplicates(province.station);
    expect(dups).toHaveLength(1);
    expect(dups[0]!.places.map((p) => p.countyCode).sort()).toEqual([REGIONS.jingyuan, REGIONS.huining]);

    const sent = await dispatchDuplicateTasks(province.station, province.caller);
    expect(sent.directives.map((d) => d.nodeId).sort()).toEqual([county2.nodeId, county.nodeId].sort());
    // Sending again finds nothing new.
    expect((await dispatchDuplicateTasks(province.station, province.caller)).directives).toEqual([]);

    const [directive] = await deliver(province, county);
    expect(directive).toMatchObject({ status: 'applied', kind: 'directive', counts: { review_tasks: 1 } });
    const atCounty = listReviewTasks(county.station.db, { direction: 'received' });
    expect(atCounty).toHaveLength(1);
    expect(atCounty[0]).toMatchObject({ status: 'forwarded', forwardedTo: township.nodeId, householdId: townshipHousehold });

    const relayed = await deliver(county, township);
    expect(relayed.map((r) => [r.kind, r.status])).toEqual([['directive', 'applied']]);
    const atTownship = listReviewTasks(township.station.db, { direction: 'received', status: 'open' });
    expect(atTownship).toHaveLength(1);
    expect(atTownship[0]!.detail).toMatchObject({ idNumber: sharedIdNumber });
    await deliver(township, county); // the township's receipt for the directive
    await deliver(county, province); // the county's receipt
    await deliver(county2, province);
  });

  it('the township resolves the task and edits a household; the incremental report carries both up to the province', async () => {
    const task = listReviewTasks(township.station.db, { direction: 'received', status: 'open' })[0]!;
    resolveReviewTask(township.station, { userId: null, username: 'admin' }, { id: task.id, status: 'done', resolution: '已核实：该成员已迁往靖远县，本户办理成员减少' }, REGIONS.huishi);

    const detail = await ok(township.station, 'registry.getHousehold', { id: townshipHousehold }, township.token);
    await ok(
      township.station,
      'registry.saveHousehold',
      {
        id: townshipHousehold,
        regionCode: HUISHI_VILLAGE,
        household: { ...detail.household, phone: '13800001111' },
        members: detail.members.map((m) => ({ personId: m.personId, record: m.record })),
        leaving: [],
        conditions: detail.conditions,
        income: detail.incomes[0]!.record,
      },
      township.token,
    );
    clock.advanceDays(30);
    const inc = await exportReport(township.station, township.caller);
    expect(inc.summary).toMatchObject({ mode: 'incremental', reviewTaskResults: 1 });
    expect((inc.summary as { recordCounts: Record<string, number> }).recordCounts).toEqual({ households: 1 });
    expect(inc.sizeBytes).toBeLessThan(8_000);

    const [applied] = await deliver(township, county);
    expect(applied).toMatchObject({ status: 'applied', counts: { households: 1, review_task_results: 1 } });
    const phone = (county.station.db.select().from(households).where(eq(households.id, townshipHousehold)).get()!.record as { phone: string }).phone;
    expect(phone).toBe('13800001111');
    expect(listReviewTasks(county.station.db, { direction: 'received' })[0]).toMatchObject({ status: 'done', resolvedBy: township.nodeId });

    // The county's next report forwards the township's change and the task result.
    const up = await exportReport(county.station, county.caller);
    expect(up.summary).toMatchObject({ mode: 'incremental', reviewTaskResults: 1 });
    expect((await deliver(county, province)).map((r) => r.status)).toEqual(['applied']);
    const atProvince = listReviewTasks(province.station.db, { direction: 'sent' }).find((t) => t.peerNodeId === county.nodeId)!;
    expect(atProvince).toMatchObject({ status: 'done', resolvedBy: county.nodeId });
    const provincePhone = (province.station.db.select().from(households).where(eq(households.id, townshipHousehold)).get()!.record as { phone: string }).phone;
    expect(provincePhone).toBe('13800001111');
  });

  it('the province page: each county with its last package, sequence, lag and problems', async () => {
    clock.advanceDays(40);
    const status = childrenStatus(province.station);
    const huining = status.find((s) => s.nodeId === county.nodeId)!;
    const jingyuan = status.find((s) => s.nodeId === county2.nodeId)!;
    expect(huining).toMatchObject({ keyStatus: 'active', lastApplied: { kind: 'report' } });
    expect(huining.inSeq).toBeGreaterThanOrEqual(4);
    expect(huining.lagDays).toBe(40);
    expect(huining.problems.map((p) => p.kind)).toEqual(['overdue']);
    expect(jingyuan.problems.map((p) => p.kind).sort()).toEqual(['open-tasks', 'overdue']);
  });

  it('key rotation: announced under the old key, then only the new key is accepted', async () => {
    const next = generateMinisignKeyPair();
    const nextSeed = Buffer.from(next.secretKey).toString('base64');
    const nextAge = deriveAgeIdentity(nextSeed);
    const rotation = await createKeyRotation(township.station, nodeKeys(township.station, township.secret), {
      publicKey: Buffer.from(next.publicKey).toString('base64'),
      keyId: keyIdHex(next.keyId),
      ageRecipient: nextAge.recipient,
    });
    // A report still signed by the old key, made before the switch but carried after the rotation.
    const stale = await exportReport(township.station, township.caller);
    const [rotated] = await deliver(township, county);
    expect(rotated).toMatchObject({ kind: 'key', status: 'applied', counts: { key_rotated: 1 } });
    const keys = keysOf(county.station.db, township.nodeId);
    expect(keys.map((k) => [k.keyId, k.status])).toEqual([
      [(rotation.summary as { from: string }).from, 'retired'],
      [keyIdHex(next.keyId), 'active'],
    ]);
    const staleResult = await importBytes(county.station, county.caller, bytesOf(township, stale.packageId), { source: 'file' });
    expect(staleResult.error).toMatchObject({ kind: 'PACKAGE_UNKNOWN_KEY', reason: 'KEY_RETIRED' });

    // What node setup will do when it switches keys: the node row and the secret change.
    township.station.db.update(node).set({ publicKey: Buffer.from(next.publicKey).toString('base64'), keyId: keyIdHex(next.keyId) }).run();
    const caller = { secret: { ed25519: nextSeed }, actor: township.caller.actor };
    township.station.db.$client.prepare("UPDATE exchange_outbox SET status = 'superseded' WHERE package_id = ?").run(stale.packageId);
    township.station.db.$client.prepare('UPDATE exchange_channels SET last_seq = last_seq - 1, last_hash = ? WHERE peer_node_id = ? AND direction = ?').run(rotation.manifestHash, county.nodeId, 'out');
    const fresh = await exportReport(township.station, caller);
    const ok2 = await importBytes(county.station, county.caller, bytesOf(township, fresh.packageId), { source: 'file' });
    expect(ok2.status, ok2.error?.message).toBe('applied');
  });
});
