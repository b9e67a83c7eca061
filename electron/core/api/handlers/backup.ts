import type { HandlersFor } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { backupContract } from '../contract/backup';
import { backupDatabase, listBackups, pruneBackups, type BackupInfo } from '../../services/backup';
import type { BackupView } from '../contract/backup';
import { backupFileByName, restoreFromBackup } from '../../services/restore';
import { recordEvent } from '../../db/write-path';
import { actorOf } from '../../services/users';
import { backupDirFor } from '../../paths';

const RULE = '手动备份不会自动删除；每日自动备份保留最近 7 份，另保留近 12 个月每月最后一份；升级前与恢复前的备份各保留最近 5 份。';

const view = (b: BackupInfo): BackupView => ({ name: b.name, kind: b.kind, takenAt: b.takenAt, sizeBytes: b.sizeBytes });

export const backupHandlers: HandlersFor<typeof backupContract> = {
  'backup.list': ({ station }) => {
    const dir = backupDirFor(station.file);
    return { dir, rule: RULE, backups: listBackups(dir).map((b) => view(b)) };
  },
  'backup.create': async (ctx) => {
    const info = await backupDatabase(ctx.station.db.$client, ctx.station.file, 'manual', { now: ctx.station.clock() });
    pruneBackups(backupDirFor(ctx.station.file), ctx.station.clock());
    recordEvent(ctx.station.db, actorOf(sessionOf(ctx)), { action: 'backup.create', entity: 'backup', entityId: info.name }, { sizeBytes: info.sizeBytes }, ctx.station.clock());
    return view(info);
  },
  'backup.restore': async (ctx, { name }) => {
    const who = actorOf(sessionOf(ctx));
    const { safetyBackup } = await restoreFromBackup(ctx.station, backupFileByName(ctx.station, name));
    // Recorded in the restored database: its chain continues from the backup's head.
    recordEvent(ctx.station.db, who, { action: 'backup.restore', entity: 'backup', entityId: name }, { safetyBackup: safetyBackup.name }, ctx.station.clock());
    return { restored: name, safetyBackup: safetyBackup.name };
  },
};
