import { randomUUID } from 'node:crypto';
import type { Station } from '../station';
import { isInitialized } from '../station';
import { keySlots, node, regions, users } from '../db/schema';
import { runWrite, SYSTEM_ACTOR } from '../db/write-path';
import { AppError } from '../api/errors';
import { levelOfCode } from '../domain/region-code';
import { hashPassword, passwordProblem } from './passwords';
import { wrapSecret } from './key-slots';
import { generateNodeKey, keyFingerprint } from './node-key';
import { getRegion, loadDivisions, regionPath } from './regions';
import type { NodeLevel, NodeView } from '../api/contract/system';

export interface SetupInput {
  level: NodeLevel;
  regionCode: string;
  name?: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
}

const LEVEL_LABEL: Record<NodeLevel, string> = { province: '省', county: '县', township: '乡镇' };

export function readNode(station: Station): typeof node.$inferSelect {
  const row = station.db.select().from(node).get();
  if (!row) throw new AppError('NOT_INITIALIZED', '工作站尚未初始化，请先完成首次设置');
  return row;
}

export function nodeView(station: Station): NodeView {
  const row = readNode(station);
  const path = regionPath(station.db, row.regionCode);
  return {
    nodeId: row.nodeId,
    level: row.level,
    regionCode: row.regionCode,
    regionName: path.at(-1)?.name ?? row.regionCode,
    regionPath: path.map((r) => r.name).join(' '),
    name: row.name,
    keyId: row.keyId,
    keyFingerprint: keyFingerprint(row.publicKey),
    createdAt: row.createdAt,
  };
}

/**
 * First run: regions, the node (level + region), its Ed25519 key pair and the first
 * administrator, whose password wraps the private key. One transaction: a half-set-up node
 * would have a key nobody can unlock.
 */
export function setupNode(station: Station, input: SetupInput): NodeView {
  if (isInitialized(station)) throw new AppError('ALREADY_INITIALIZED', '工作站已初始化，不能重复设置');
  const problem = passwordProblem(input.adminPassword);
  if (problem) throw new AppError('INVALID_INPUT', `管理员密码：${problem}`);
  if (station.db.select({ code: regions.code }).from(regions).limit(1).get() === undefined) loadDivisions(station.db);
  const region = getRegion(station.db, input.regionCode);
  if (!region) throw new AppError('INVALID_INPUT', `区划代码：${input.regionCode} 不在甘肃省区划表中`);
  if (levelOfCode(input.regionCode) !== input.level) {
    throw new AppError('INVALID_INPUT', `区划代码：${region.name}（${input.regionCode}）不是${LEVEL_LABEL[input.level]}级区划`);
  }
  const key = generateNodeKey();
  const now = station.clock().toISOString();
  runWrite(
    station.db,
    SYSTEM_ACTOR,
    { action: 'node.setup', entity: 'node', entityId: `${input.level}-${input.regionCode}` },
    (w) => {
      const admin = w.insert(users, {
        id: randomUUID(),
        username: input.adminUsername,
        displayName: input.adminDisplayName,
        role: 'admin',
        scopeCode: input.regionCode,
        passwordHash: hashPassword(input.adminPassword),
        createdAt: now,
      });
      w.insert(keySlots, { userId: admin.id, ...wrapSecret({ ed25519: key.secretSeed }, input.adminPassword), createdAt: now });
      w.insert(node, {
        id: 1,
        nodeId: `${input.level}-${input.regionCode}`,
        level: input.level,
        regionCode: input.regionCode,
        name: input.name?.trim() || `${region.name}扶贫${input.level === 'township' ? '工作站' : '办'}`,
        publicKey: key.publicKey,
        keyId: key.keyId,
        createdAt: now,
      });
    },
    station.clock(),
  );
  return nodeView(station);
}
