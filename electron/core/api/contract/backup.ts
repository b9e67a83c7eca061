import { z } from 'zod';
import { method } from '../define';

export interface BackupView {
  name: string;
  kind: 'manual' | 'daily' | 'pre-migration' | 'pre-restore';
  takenAt: string;
  sizeBytes: number;
}

export const backupContract = {
  'backup.list': method<{ dir: string; rule: string; backups: BackupView[] }>()({
    summary: '备份列表',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'backup.create': method<BackupView>()({
    summary: '立即备份',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'backup.restore': method<{ restored: string; safetyBackup: string }>()({
    summary: '从备份恢复（恢复前自动备份当前数据）',
    input: z.object({ name: z.string().regex(/^station-[\w.-]+\.db$/, '备份文件名无效').describe('备份文件') }),
    access: 'admin',
    scope: 'none',
  }),
};
