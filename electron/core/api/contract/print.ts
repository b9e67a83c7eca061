// 打印中心: one document (preview, then PDF as a download), a batch over a region's villages as a
// job with progress and cancel, the office's print preferences (masking, objection channel), and
// the distribution map's base image and markers.
import { z } from 'zod';
import { method } from '../define';
import { regionCodeSchema } from './common';
import { DOCUMENT_KINDS, type DocumentKind } from '../../printing/documents';
import { ORIENTATIONS, PAPER_SIZES, type Orientation, type PaperSize } from '../../domain/paper';
import { SHEET_PAPERS, type SheetPaper } from '../../domain/tiling';
import type { MaskingPolicy } from '../../domain/masking';
import type { BatchJobView, BatchLayout } from '../../services/printing/print-jobs';
import type { PrintPreferences } from '../../services/printing/print-preferences';
import type { MapAttribute, MapStatus } from '../../printing/documents/distribution-map';

export type { BatchJobView, BatchLayout, DocumentKind, MaskingPolicy, Orientation, PaperSize, PrintPreferences, SheetPaper };

export type PrintScopeKind = 'village' | 'household' | 'region';

export interface PrintDocumentInfo {
  kind: DocumentKind;
  label: string;
  family: string;
  paper: PaperSize;
  orientation: Orientation;
  /** What it is printed for: a village, one household, or a township/county (statistics). */
  scopes: PrintScopeKind[];
  /** A wall chart: can be tiled onto A4/A3 sheets. */
  tileable: boolean;
}

export interface PrintCatalog {
  documents: PrintDocumentInfo[];
  villageCharts: DocumentKind[];
  papers: PaperSize[];
  sheetPapers: SheetPaper[];
  maxCombinedVillages: number;
}

export interface PreviewView {
  title: string;
  draft: boolean;
  paper: PaperSize;
  orientation: Orientation;
  /** The document's HTML, shown in a sandboxed frame (no scripts, nothing fetched). */
  html: string;
}

export interface RenderView {
  downloadRef: string;
  fileName: string;
  title: string;
  draft: boolean;
  bytes: number;
  tiles: { rows: number; cols: number; overlapMm: number } | null;
}

export interface MapEditorView {
  villageCode: string;
  villageName: string;
  image: { dataUrl: string; widthPx: number; heightPx: number; fileName: string; updatedAt: string; updatedBy: string } | null;
  groups: string[];
  households: { id: string; headName: string; persons: number; groupName: string; status: MapStatus; attribute: MapAttribute; position: { x: number; y: number } | null }[];
  /** The chart's own colours and words, so the editor's markers look like the printed ones. */
  legend: {
    statuses: { status: MapStatus; label: string; color: string }[];
    attributes: { attribute: MapAttribute; label: string }[];
    /** The printed marker of each status and attribute as an SVG data URL, keyed `status/attribute`. */
    symbols: Record<string, string>;
  };
}

/** What a notice would print under a policy being edited: the one masking code the documents use. */
export interface MaskExampleView {
  /** Null when the policy passes the rules; else the Chinese rule it breaks. */
  problem: string | null;
  idNumber: string;
  maskedIdNumber: string;
  phone: string;
  maskedPhone: string;
  description: string;
}

const documentSchema = z.enum(DOCUMENT_KINDS).describe('文档');
const yearSchema = z.number().int().min(2014).max(2100).describe('年度');
const villageCodeSchema = regionCodeSchema.describe('村');
const paperFields = {
  paper: z.enum(PAPER_SIZES).optional().describe('纸张'),
  orientation: z.enum(ORIENTATIONS).optional().describe('方向'),
};
const scopeSchema = z
  .union([
    z.object({ village: villageCodeSchema }),
    z.object({ householdId: z.string().min(1).max(64).describe('户') }),
    z.object({ region: regionCodeSchema.describe('乡镇或县') }),
  ])
  .describe('范围');
type ScopeInput = z.output<typeof scopeSchema>;

const regionOfScope = (s: ScopeInput): string | null => ('village' in s ? s.village : 'region' in s ? s.region : null);
const householdOfScope = (s: ScopeInput): string | null => ('householdId' in s ? s.householdId : null);
const jobIdSchema = z.string().uuid('打印任务编号格式不正确').describe('打印任务');
const maskingPolicySchema = z.object({
  idKeepStart: z.number().int().describe('身份证号保留前几位'),
  idKeepEnd: z.number().int().describe('身份证号保留后几位'),
  phoneKeepStart: z.number().int().describe('电话保留前几位'),
  phoneKeepEnd: z.number().int().describe('电话保留后几位'),
  maskChar: z.string().max(4).describe('掩码字符'),
});
const optionalText = (max: number, label: string) => z.string().trim().max(max, `「${label}」最多 ${max} 个字`).nullable().describe(label);

export const printContract = {
  'print.catalog': method<PrintCatalog>()({
    summary: '可打印的文档、纸张和拼贴纸张',
    input: z.object({}),
    access: 'read',
    scope: 'none',
  }),
  'print.preview': method<PreviewView>()({
    summary: '预览一个文档（HTML，不生成 PDF，不记审计）',
    input: z.object({ document: documentSchema, scope: scopeSchema, year: yearSchema, ...paperFields }),
    access: 'read',
    scope: [{ input: (i) => regionOfScope(i.scope) }, { entity: 'household', id: (i) => householdOfScope(i.scope) }],
  }),
  'print.render': method<RenderView>()({
    summary: '生成一个文档的 PDF（记入审计：谁、什么、范围、脱敏规则）',
    input: z.object({ document: documentSchema, scope: scopeSchema, year: yearSchema, ...paperFields, tile: z.enum(SHEET_PAPERS).optional().describe('拼贴纸张') }),
    access: 'read',
    scope: [{ input: (i) => regionOfScope(i.scope) }, { entity: 'household', id: (i) => householdOfScope(i.scope) }],
  }),
  'print.direct': method<{ printed: boolean }>()({
    summary: '用系统打印对话框直接打印一个文档（仅桌面程序；记入审计）',
    input: z.object({ document: documentSchema, scope: scopeSchema, year: yearSchema, ...paperFields }),
    access: 'read',
    scope: [{ input: (i) => regionOfScope(i.scope) }, { entity: 'household', id: (i) => householdOfScope(i.scope) }],
  }),
  'print.statisticsXlsx': method<{ downloadRef: string; fileName: string; rows: number }>()({
    summary: '导出统计表（按乡镇或按村）为 xlsx',
    input: z.object({ regionCode: regionCodeSchema.describe('县或乡镇'), year: yearSchema }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'print.startBatch': method<BatchJobView>()({
    summary: '批量打印一个乡镇或全县各村的文档（后台任务，可查看进度和取消）',
    input: z.object({
      regionCode: regionCodeSchema.describe('范围'),
      year: yearSchema,
      documents: z.array(documentSchema).min(1, '请至少选择一种文档').max(DOCUMENT_KINDS.length),
      layout: z.enum(['per-document', 'per-village', 'combined']).describe('输出方式'),
      /** Desktop and command line: a folder; omitted: one download (the PDF, or a zip). */
      folder: z.string().trim().min(1).max(1000).optional().describe('输出文件夹'),
      ...paperFields,
      tile: z.enum(SHEET_PAPERS).optional().describe('拼贴纸张'),
    }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'print.batchStatus': method<BatchJobView>()({
    summary: '批量打印任务的进度',
    input: z.object({ jobId: jobIdSchema }),
    access: 'read',
    scope: 'none',
  }),
  'print.cancelBatch': method<BatchJobView>()({
    summary: '取消批量打印（当前文件完成后停止，已生成的文件保留）',
    input: z.object({ jobId: jobIdSchema }),
    access: 'read',
    scope: 'none',
  }),
  'print.preferences': method<PrintPreferences>()({
    summary: '打印设置：公示脱敏规则、异议受理单位和电话',
    input: z.object({}),
    access: 'read',
    scope: 'none',
  }),
  'print.maskExample': method<MaskExampleView>()({
    summary: '按正在编辑的脱敏规则显示示例（不保存）',
    input: z.object({ maskingPolicy: maskingPolicySchema }),
    access: 'read',
    scope: 'none',
  }),
  'print.savePreferences': method<PrintPreferences>()({
    summary: '保存打印设置（仅管理员）',
    input: z.object({
      maskingPolicy: maskingPolicySchema,
      objection: z.object({ office: optionalText(60, '受理单位'), phone: optionalText(30, '举报电话'), address: optionalText(100, '受理地址') }),
    }),
    access: 'admin',
    scope: 'none',
  }),
  'print.mapEditor': method<MapEditorView>()({
    summary: '贫困人口分布图：底图和各户标记位置',
    input: z.object({ villageCode: villageCodeSchema, year: yearSchema }),
    access: 'read',
    scope: { input: (i) => i.villageCode },
  }),
  'print.setMapImage': method<MapEditorView>()({
    summary: '导入村级底图（扫描或拍照的示意图，PNG 或 JPEG）',
    input: z.object({ villageCode: villageCodeSchema, year: yearSchema, uploadRef: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '上传文件的引用格式不正确').describe('底图文件') }),
    access: 'write',
    scope: { input: (i) => i.villageCode },
  }),
  'print.moveMarkers': method<MapEditorView>()({
    summary: '保存拖动后的户标记位置',
    input: z.object({
      villageCode: villageCodeSchema,
      year: yearSchema,
      moves: z
        .array(z.object({ householdId: z.string().min(1).max(64), position: z.object({ x: z.number(), y: z.number() }).nullable() }))
        .min(1)
        .max(5000),
    }),
    access: 'write',
    scope: { input: (i) => i.villageCode },
  }),
  'print.clearMap': method<MapEditorView>()({
    summary: '删除底图和标记位置，改回按村民小组排列',
    input: z.object({ villageCode: villageCodeSchema, year: yearSchema }),
    access: 'write',
    scope: { input: (i) => i.villageCode },
  }),
};
