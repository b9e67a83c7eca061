// Real stations at each level, each its own temp database, with an administrator logged in so
// that the node key is unlocked: what the exchange tests and the benchmark move packages between.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStation, closeStation, type Station } from '../../../../electron/core/station';
import { setupNode } from '../../../../electron/core/services/node-setup';
import { login } from '../../../../electron/core/services/users';
import type { NodeSecret } from '../../../../electron/core/services/key-slots';
import type { Caller } from '../../../../electron/core/services/exchange/commands';
import { ownKeyView } from '../../../../electron/core/services/exchange/node-identity';
import { outboxBytes, pendingFor } from '../../../../electron/core/services/exchange/outbox';
import { confirmPeerKey, exportKeyRegistration, importBytes } from '../../../../electron/core/services/exchange/commands';
import type { ImportResult } from '../../../../electron/core/services/exchange/import';
import { channelState } from '../../../../electron/core/services/exchange/peers';

export const PASSWORD = 'Admin1234';

export const REGIONS = {
  province: '620000000000',
  huining: '620422000000',
  jingyuan: '620421000000',
  huishi: '620422100000',
} as const;

export function sharedClock(start = '2026-03-02T08:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advanceDays(d: number) {
      now = new Date(now.getTime() + d * 86_400_000);
    },
  };
}

export interface TestNode {
  station: Station;
  nodeId: string;
  token: string;
  secret: NodeSecret;
  caller: Caller;
  fingerprint: string;
  dir: string;
  close(): void;
}

export async function makeNode(level: 'province' | 'county' | 'township', regionCode: string, clock: () => Date): Promise<TestNode> {
  const dir = mkdtempSync(join(tmpdir(), `fupin-x-${level}-`));
  const station = await openStation(join(dir, 'station.db'), { clock, dailyBackup: false });
  setupNode(station, { level, regionCode, adminUsername: 'admin', adminDisplayName: '管理员', adminPassword: PASSWORD });
  const { token, user } = login(station, 'admin', PASSWORD);
  const secret = [...station.keyring.values()][0]!;
  return {
    station,
    nodeId: `${level}-${regionCode}`,
    token,
    secret,
    caller: { secret, actor: { userId: user.id, username: user.username } },
    fingerprint: ownKeyView(station).fingerprint,
    dir,
    close() {
      closeStation(station);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bytesOf = (node: TestNode, packageId: string): Uint8Array => outboxBytes(node.station.db, packageId);


/** Hand-carries every ready package from one node to another, in sequence order. */
export async function deliver(from: TestNode, to: TestNode, options: { trustFingerprint?: string } = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  // What an online fetch does too: only what the receiver has not applied yet, in order.
  const applied = channelState(to.station.db, from.nodeId, 'in').lastSeq;
  for (const row of pendingFor(from.station.db, to.nodeId).filter((r) => r.seq > applied)) {
    const r = await importBytes(to.station, to.caller, bytesOf(from, row.packageId), {
      source: 'file',
      fileName: row.fileName,
      trustFingerprint: row.kind === 'trust' ? (options.trustFingerprint ?? from.fingerprint) : null,
    });
    results.push(r);
  }
  return results;
}

/**
 * The setup ceremony: the child registers its key, the parent's operator confirms the fingerprint
 * from the child's form, the parent's trust package and receipt go back and the child's operator
 * types the parent's fingerprint.
 */
export async function connect(child: TestNode, parent: TestNode): Promise<void> {
  const reg = await exportKeyRegistration(child.station, child.caller);
  const pending = await importBytes(parent.station, parent.caller, bytesOf(child, reg.packageId), { source: 'file' });
  if (pending.status !== 'pending-confirmation') throw new Error(`registration: ${pending.status} ${pending.error?.message}`);
  const confirmed = await confirmPeerKey(parent.station, parent.caller, { nodeId: child.nodeId, fingerprint: child.fingerprint });
  if (confirmed?.status !== 'applied') throw new Error(`confirmation: ${confirmed?.status} ${confirmed?.error?.message}`);
  for (const r of await deliver(parent, child)) {
    if (r.status !== 'applied') throw new Error(`back to child: ${r.kind} ${r.status} ${r.error?.message}`);
  }
}
