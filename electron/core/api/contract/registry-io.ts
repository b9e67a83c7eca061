// 导入 / 导出 xlsx of the 建档立卡 registry (issue #3) from the UI. The file itself never crosses
// the API: a door stores the upload and hands over a random reference (services/transfer-files),
// and an export answers with a download reference the door turns into a file for the user.
import { z } from 'zod';
import { method } from '../define';
import { regionCodeSchema } from './common';
import type { VillageImportSummary } from '../../services/xlsx/village-import';

export type ImportModeName = 'all' | 'valid';
export type ExportLayoutName = 'person' | 'household';

export interface ImportProblemView {
  /** 1-based row of the sheet */
  row: number;
  /** Chinese label of the column; '' for the whole row */
  field: string;
  /** Quality rule (Q-ID-03 …) or format rule (IMP-CODE …); IMP-SCOPE: outside the caller's region */
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ImportSummaryView {
  rows: number;
  households: number;
  persons: number;
  validHouseholds: number;
  invalidHouseholds: number;
  newHouseholds: number;
  changedHouseholds: number;
  unchangedHouseholds: number;
  warnings: number;
  errors: number;
}

export interface ImportReportView {
  file: { name: string; sha256: string; bytes: number; sheetName: string; headerRow: number };
  summary: ImportSummaryView;
  /** The first 1 000 problems, by row */
  problems: ImportProblemView[];
  problemCount: number;
  ignoredColumns: string[];
  /** The region the caller may import into (a clerk's township, else the node's region) */
  scope: { code: string; name: string };
  /** Rows of households outside that region (rule IMP-SCOPE): refused, never written */
  outOfScopeRows: number[];
}

export interface ImportApplyView extends ImportReportView {
  mode: ImportModeName;
  applied: { inserted: number; updated: number; unchanged: number; skipped: number };
}

export interface ExportView {
  /** Hand to the door: GET /api/download/<ref> in web mode, the save dialog on the desktop */
  downloadRef: string;
  fileName: string;
  rows: number;
  households: number;
}

/** The village-form import (贫困村信息采集表, one row per village): the same report, counted in villages. */
export type VillageImportSummaryView = VillageImportSummary;

export type VillageImportReportView = Omit<ImportReportView, 'summary'> & { summary: VillageImportSummaryView };

export interface VillageImportApplyView extends VillageImportReportView {
  mode: ImportModeName;
  applied: { inserted: number; updated: number; unchanged: number; skipped: number };
}

export interface VillageExportView {
  downloadRef: string;
  fileName: string;
  /** Villages written, one row each */
  rows: number;
  /** Of those, villages with a saved form */
  stored: number;
}

const uploadRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,64}$/, '上传文件的引用格式不正确')
  .describe('上传的文件');

const applyInput = z.object({
  uploadRef: uploadRefSchema,
  mode: z.enum(['all', 'valid']).describe('导入方式'),
  expectedSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe('预检时文件的 SHA-256'),
});

export const registryIoContract = {
  'registry.importDryRun': method<ImportReportView>()({
    summary: '导入 xlsx 预检：逐行报告问题，不写入',
    input: z.object({ uploadRef: uploadRefSchema }),
    // The file names its own villages; the handler confines them to the caller's scope row by row.
    access: 'write',
    scope: 'none',
  }),
  'registry.importApply': method<ImportApplyView>()({
    summary: '导入 xlsx：全部导入或全不导入，或只导入无错误的户（一个事务）',
    input: applyInput,
    access: 'write',
    scope: 'none',
  }),
  'registry.exportXlsx': method<ExportView>()({
    summary: '导出 xlsx（完整数据，不打码；仅管理员）',
    input: z.object({
      regionCode: regionCodeSchema.describe('导出范围'),
      layout: z.enum(['person', 'household']).describe('格式'),
      year: z.number().int().min(2014).max(2100).optional().describe('年度'),
    }),
    // Full ID numbers, phones and bank accounts leave the station in this file: administrators only.
    access: 'admin',
    scope: { input: (i) => i.regionCode },
  }),
  'registry.villageImportDryRun': method<VillageImportReportView>()({
    summary: '导入村信息表 xlsx 预检：逐行报告问题，不写入',
    input: z.object({ uploadRef: uploadRefSchema }),
    // Each row names its village; the handler confines them to the caller's scope row by row.
    access: 'write',
    scope: 'none',
  }),
  'registry.villageImportApply': method<VillageImportApplyView>()({
    summary: '导入村信息表 xlsx：全部导入或全不导入，或只导入无错误的村（一个事务）',
    input: applyInput,
    access: 'write',
    scope: 'none',
  }),
  'registry.exportVillageXlsx': method<VillageExportView>()({
    summary: '导出村信息表 xlsx（每个村一行）',
    input: z.object({ regionCode: regionCodeSchema.describe('导出范围') }),
    // The same fields anyone who may read a village's form sees on its page: no personal data
    // beyond the village leader's office phone.
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
};
