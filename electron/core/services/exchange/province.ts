// What a parent (the province, or a county over its townships) needs beyond applying packages:
// persons registered in more than one county, turned into review tasks for each county, and a
// status line per child: its last package, sequence, lag and problems.
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Station } from '../../station';
import { exchangeInbox, exchangeReviewTasks } from '../../db/schema';
import { ancestorCode, regionWithin } from '../../domain/region-code';
import { getRegion } from '../regions';
import type { ReviewTaskPayload } from '../../exchange/payloads';
import { activeKey, channelState, childPeers, keysOf, type PeerRow } from './peers';
import { createDirective, emptyDirective } from './directives';
import type { OutboxRow } from './outbox';
import type { NodeKeys } from './node-identity';

export interface DuplicateRegistration {
  idNumber: string;
  /** One entry per current membership, across at least two counties. */
  places: { personId: string; householdId: string; regionCode: string; countyCode: string; countyName: string }[];
}

/**
 * Persons whose ID number is a current member of households in two or more counties. The same
 * person gets different row ids in different counties, so the ID number is what matches.
 */
export function findCrossCountyDuplicates(station: Station): DuplicateRegistration[] {
  const rows = station.db.$client
    .prepare(
      `WITH current AS (
         SELECT p.id_number AS idNumber, p.id AS personId, m.household_id AS householdId, h.region_code AS regionCode,
                substr(h.region_code, 1, 6) AS county
         FROM persons p
         JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL
         JOIN households h ON h.id = m.household_id
         WHERE p.id_number IS NOT NULL AND p.id_number <> '')
       SELECT c.* FROM current c
       JOIN (SELECT idNumber FROM current GROUP BY idNumber HAVING COUNT(DISTINCT county) > 1) d ON d.idNumber = c.idNumber
       ORDER BY c.idNumber, c.regionCode`,
    )
    .all() as { idNumber: string; personId: string; householdId: string; regionCode: string; county: string }[];
  const byId = new Map<string, DuplicateRegistration>();
  for (const r of rows) {
    const countyCode = ancestorCode(r.regionCode, 'county');
    const entry = byId.get(r.idNumber) ?? { idNumber: r.idNumber, places: [] };
    entry.places.push({
      personId: r.personId,
      householdId: r.householdId,
      regionCode: r.regionCode,
      countyCode,
      countyName: getRegion(station.db, countyCode)?.name ?? countyCode,
    });
    byId.set(r.idNumber, entry);
  }
  return [...byId.values()];
}

/** The task a county gets for one of its places of a duplicate; the id is stable, so it is sent once. */
export function duplicateTask(dup: DuplicateRegistration, place: DuplicateRegistration['places'][number]): ReviewTaskPayload {
  const others = dup.places.filter((p) => p.countyCode !== place.countyCode);
  const otherCounties = [...new Map(others.map((o) => [o.countyCode, o.countyName])).entries()].map(([code, name]) => ({ code, name }));
  const id = createHash('sha256')
    .update(['duplicate-person', place.personId, place.householdId, ...otherCounties.map((c) => c.code)].join('|'))
    .digest('hex')
    .slice(0, 32);
  return {
    id: `dup-${id}`,
    kind: 'duplicate-person',
    regionCode: place.regionCode,
    householdId: place.householdId,
    personId: place.personId,
    title: `跨县重复登记核查：该成员同时登记在${otherCounties.map((c) => c.name).join('、')}`,
    detail: { idNumber: dup.idNumber, otherCounties },
  };
}

export interface DuplicateDispatch {
  duplicates: number;
  directives: { nodeId: string; packageId: string; tasks: number }[];
  /** Counties with duplicates but no registered station to send the tasks to. */
  unreachable: string[];
}

/** One directive per county with its new review tasks. Lock held. */
export async function sendDuplicateReviewTasks(station: Station, keys: NodeKeys): Promise<DuplicateDispatch> {
  const duplicates = findCrossCountyDuplicates(station);
  const children = childPeers(station.db).filter((c) => activeKey(station.db, c.nodeId));
  const perChild = new Map<string, { peer: PeerRow; tasks: ReviewTaskPayload[] }>();
  const unreachable = new Set<string>();
  for (const dup of duplicates) {
    for (const place of dup.places) {
      const child = children.find((c) => regionWithin(c.regionCode, place.regionCode));
      if (!child) {
        unreachable.add(place.countyCode);
        continue;
      }
      const task = duplicateTask(dup, place);
      const entry = perChild.get(child.nodeId) ?? { peer: child, tasks: [] };
      entry.tasks.push(task);
      perChild.set(child.nodeId, entry);
    }
  }
  const directives: DuplicateDispatch['directives'] = [];
  for (const { peer, tasks } of perChild.values()) {
    const known = new Set(
      station.db
        .select({ id: exchangeReviewTasks.id })
        .from(exchangeReviewTasks)
        .where(inArray(exchangeReviewTasks.id, tasks.map((t) => t.id)))
        .all()
        .map((r) => r.id),
    );
    const fresh = tasks.filter((t) => !known.has(t.id));
    if (fresh.length === 0) continue;
    const row: OutboxRow = await createDirective(station, keys, peer.nodeId, {
      ...emptyDirective(),
      note: `省级比对发现 ${fresh.length} 名成员同时登记在其他县，请逐一核实并在系统中办结`,
      reviewTasks: fresh,
    });
    directives.push({ nodeId: peer.nodeId, packageId: row.packageId, tasks: fresh.length });
  }
  return { duplicates: duplicates.length, directives, unreachable: [...unreachable] };
}

export interface ChildStatus {
  nodeId: string;
  name: string;
  level: PeerRow['level'];
  regionCode: string;
  keyStatus: 'active' | 'pending' | 'none';
  lastApplied: { packageId: string; kind: string; seq: number; createdAt: string | null; appliedAt: string | null } | null;
  lastReceived: { status: string; receivedAt: string; message: string | null } | null;
  inSeq: number;
  /** Days between the last applied package's creation and now; null before the first. */
  lagDays: number | null;
  problems: { kind: 'refused' | 'held' | 'key-pending' | 'overdue' | 'open-tasks' | 'never-reported'; message: string }[];
}

/** Children with no package for this long are flagged: reports are monthly. */
export const OVERDUE_DAYS = 35;

export function childrenStatus(station: Station): ChildStatus[] {
  const now = station.clock().getTime();
  return childPeers(station.db).map((peer) => {
    const keys = keysOf(station.db, peer.nodeId);
    const keyStatus: ChildStatus['keyStatus'] = keys.some((k) => k.status === 'active') ? 'active' : keys.some((k) => k.status === 'pending') ? 'pending' : 'none';
    const history = station.db
      .select()
      .from(exchangeInbox)
      .where(eq(exchangeInbox.senderNodeId, peer.nodeId))
      .orderBy(desc(exchangeInbox.id))
      .limit(200)
      .all();
    const applied = history.find((h) => h.status === 'applied');
    const problems: ChildStatus['problems'] = [];
    const refusedSince = history.filter((h) => h.status === 'refused' && (!applied || h.id > applied.id));
    if (refusedSince.length > 0) problems.push({ kind: 'refused', message: `最近 ${refusedSince.length} 个数据包被拒收：${refusedSince[0]!.message ?? ''}` });
    const held = history.filter((h) => h.status === 'held');
    if (held.length > 0) {
      const inSeq = channelState(station.db, peer.nodeId, 'in').lastSeq;
      problems.push({ kind: 'held', message: `${held.length} 个数据包暂存待导入，缺少第 ${inSeq + 1} 号` });
    }
    if (keyStatus === 'pending') problems.push({ kind: 'key-pending', message: '密钥登记待核对指纹后确认' });
    const lagDays = applied?.createdAt ? Math.floor((now - Date.parse(applied.createdAt)) / 86_400_000) : null;
    const lastReport = history.find((h) => h.status === 'applied' && h.kind === 'report');
    if (!lastReport) problems.push({ kind: 'never-reported', message: '尚未收到报送数据' });
    else if (lagDays !== null && lagDays > OVERDUE_DAYS) problems.push({ kind: 'overdue', message: `已 ${lagDays} 天未收到新的数据包` });
    const openTasks = station.db
      .select({ id: exchangeReviewTasks.id })
      .from(exchangeReviewTasks)
      .where(and(eq(exchangeReviewTasks.direction, 'sent'), eq(exchangeReviewTasks.peerNodeId, peer.nodeId), eq(exchangeReviewTasks.status, 'open')))
      .all().length;
    if (openTasks > 0) problems.push({ kind: 'open-tasks', message: `${openTasks} 个核查任务尚未办结` });
    const last = history[0];
    return {
      nodeId: peer.nodeId,
      name: peer.name,
      level: peer.level,
      regionCode: peer.regionCode,
      keyStatus,
      lastApplied: applied
        ? { packageId: applied.packageId!, kind: applied.kind!, seq: applied.seq!, createdAt: applied.createdAt, appliedAt: applied.appliedAt }
        : null,
      lastReceived: last ? { status: last.status, receivedAt: last.receivedAt, message: last.message } : null,
      inSeq: channelState(station.db, peer.nodeId, 'in').lastSeq,
      lagDays,
      problems,
    };
  });
}
