// 数据交换: packages between township, county and province (design.md §4). The page shows the
// outbox, the inbox (held and waiting packages), the history with each package's checks, the
// keys and fingerprints of this node and its peers, the printable key registration form, and
// for a parent the status of each child.
import { z } from 'zod';
import { method } from '../define';
import { pageSchema, regionCodeSchema, type Page } from './common';

export type ExchangeNodeLevel = 'province' | 'county' | 'township';
export type PackageKindName = 'report' | 'directive' | 'receipt' | 'key' | 'trust';
export type OutboxStatus = 'ready' | 'uploading' | 'uploaded' | 'acknowledged' | 'refused' | 'superseded';
export type InboxStatus = 'applied' | 'already-applied' | 'held' | 'refused' | 'pending-confirmation';

export interface OwnKeyView {
  nodeId: string;
  level: ExchangeNodeLevel;
  regionCode: string;
  name: string;
  /** 16 hex digits as minisign prints them, and in groups of four for reading aloud. */
  keyId: string;
  keyIdGrouped: string;
  /** SHA-256 of the public key, first 20 bytes, groups of four: what the parent compares. */
  fingerprint: string;
  /** The bare base64 line `minisign -V -P` takes. */
  minisignPublicKey: string;
  /** age1…; null until an administrator with the unlocked key has used the exchange once. */
  ageRecipient: string | null;
}

export interface PeerKeyView {
  keyId: string;
  fingerprint: string;
  status: 'pending' | 'active' | 'retired';
  source: 'registration' | 'trust' | 'manual' | 'rotation';
  addedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  retiredAt: string | null;
}

export interface PeerView {
  nodeId: string;
  relation: 'parent' | 'child';
  level: ExchangeNodeLevel;
  regionCode: string;
  name: string;
  ageRecipient: string | null;
  keys: PeerKeyView[];
  /** Parent side: whether the child has an upload token. Child side: the receiver address. */
  hasUploadToken: boolean;
  receiverUrl: string | null;
  /** Last sequence applied from the peer / last made for it / last it acknowledged. */
  inSeq: number;
  outSeq: number;
  ackedSeq: number;
}

export interface ExchangeOverview {
  self: OwnKeyView;
  /** Whether the caller's login unlocked the node key (needed to make or import packages). */
  keyUnlocked: boolean;
  parent: PeerView | null;
  children: PeerView[];
  counts: { outboxReady: number; inboxHeld: number; pendingKeys: number; openReviewTasks: number };
}

export interface OutboxView {
  packageId: string;
  peerNodeId: string;
  peerName: string;
  kind: PackageKindName;
  kindLabel: string;
  seq: number;
  fileName: string;
  sizeBytes: number;
  status: OutboxStatus;
  statusLabel: string;
  /** Mode, rows per table, change range, the package a receipt answers… */
  summary: Record<string, unknown>;
  createdAt: string;
  expiresAt: string;
  /** Upload progress 0–1. */
  progress: number;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  exportedTo: string | null;
  exportedAt: string | null;
  uploadedAt: string | null;
  ackedAt: string | null;
  receiptPackageId: string | null;
}

export interface CheckView {
  check: string;
  label: string;
  ok: boolean;
  message: string;
}

export interface HistoryView {
  id: number;
  receivedAt: string;
  source: 'usb' | 'upload' | 'fetch' | 'file' | 'held';
  fileName: string | null;
  sizeBytes: number;
  fileSha256: string;
  packageId: string | null;
  kind: PackageKindName | null;
  kindLabel: string | null;
  senderNodeId: string | null;
  senderName: string | null;
  seq: number | null;
  createdAt: string | null;
  status: InboxStatus;
  statusLabel: string;
  errorKind: string | null;
  errorReason: string | null;
  message: string | null;
  checks: CheckView[];
  counts: Record<string, number> | null;
  appliedAt: string | null;
  receiptPackageId: string | null;
}

export interface ImportResultView {
  historyId: number;
  status: InboxStatus;
  statusLabel: string;
  packageId: string | null;
  kind: PackageKindName | null;
  senderNodeId: string | null;
  seq: number | null;
  error: { kind: string; reason: string; message: string } | null;
  checks: CheckView[];
  counts: Record<string, number> | null;
  receiptPackageId: string | null;
  released: ImportResultView[];
}

export interface FolderImportView {
  fileName: string;
  result: ImportResultView | null;
  error: { kind: string; message: string } | null;
}

export interface FolderExportView {
  packageId: string;
  fileName: string;
  path: string | null;
  ok: boolean;
  error: { kind: string; reason: string; message: string } | null;
}

/** What the printed 节点密钥登记表 shows; the parent compares the fingerprint by phone or in person. */
export interface RegistrationFormView {
  title: string;
  nodeId: string;
  nodeName: string;
  levelLabel: string;
  regionCode: string;
  regionPath: string;
  parent: { nodeId: string; name: string } | null;
  keyId: string;
  keyIdGrouped: string;
  fingerprint: string;
  minisignPublicKey: string;
  ageRecipient: string | null;
  nodeCreatedAt: string;
  printedAt: string;
  /** Numbered steps printed under the key, in Chinese. */
  instructions: string[];
  /** Lines for signatures and the office seal. */
  signatures: string[];
}

export interface SyncView {
  uploaded: { packageId: string; seq: number; status: string; message: string | null }[];
  failed: { packageId: string; seq: number; message: string; nextAttemptAt: string } | null;
  fetched: ImportResultView[];
  fetchError: string | null;
}

export interface ChildStatusView {
  nodeId: string;
  name: string;
  level: ExchangeNodeLevel;
  regionCode: string;
  keyStatus: 'active' | 'pending' | 'none';
  lastApplied: { packageId: string; kind: string; seq: number; createdAt: string | null; appliedAt: string | null } | null;
  lastReceived: { status: string; receivedAt: string; message: string | null } | null;
  inSeq: number;
  lagDays: number | null;
  problems: { kind: 'refused' | 'held' | 'key-pending' | 'overdue' | 'open-tasks' | 'never-reported'; message: string }[];
}

export interface CrossCountyDuplicateView {
  /** Masked (masking.ts): the page lists them, and the full number is in each county's records. */
  idMasked: string;
  places: { personId: string; householdId: string; regionCode: string; countyCode: string; countyName: string }[];
}

export interface ReviewTaskView {
  id: string;
  direction: 'sent' | 'received';
  peerNodeId: string;
  peerName: string;
  kind: 'duplicate-person' | 'correction' | 'check';
  kindLabel: string;
  regionCode: string;
  householdId: string | null;
  personId: string | null;
  title: string;
  detail: Record<string, unknown>;
  status: 'open' | 'forwarded' | 'done' | 'dismissed';
  statusLabel: string;
  forwardedTo: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  reportedIn: string | null;
  createdAt: string;
}

const nodeIdSchema = z
  .string()
  .regex(/^(province|county|township)-\d{12}$/, '节点编号应为 级别-12位区划代码，例如 county-620422000000')
  .describe('节点编号');
const fingerprintSchema = z.string().trim().min(10, '请完整输入指纹').max(80).describe('公钥指纹');
const folderSchema = z.string().trim().min(1, '请选择文件夹').max(1000).describe('文件夹');
const packageIdSchema = z.uuid('数据包编号格式不对').describe('数据包');
const expiresSchema = z.number().int().min(1).max(365).optional().describe('有效天数');

export const exchangeContract = {
  'exchange.overview': method<ExchangeOverview>()({
    summary: '数据交换概况：本节点密钥、上级与下级节点、待办数量',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.outbox': method<OutboxView[]>()({
    summary: '发件箱',
    input: z.object({
      peerNodeId: nodeIdSchema.optional(),
      statuses: z.array(z.enum(['ready', 'uploading', 'uploaded', 'acknowledged', 'refused', 'superseded'])).optional().describe('状态'),
    }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.inbox': method<HistoryView[]>()({
    summary: '收件箱：暂存（缺号）和待确认的数据包',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.history': method<Page<HistoryView>>()({
    summary: '收包记录，含每个数据包每一项校验的结果',
    input: pageSchema.extend({
      senderNodeId: nodeIdSchema.optional(),
      status: z.enum(['applied', 'already-applied', 'held', 'refused', 'pending-confirmation']).optional().describe('状态'),
    }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.historyItem': method<HistoryView>()({
    summary: '一个数据包的收包记录与校验明细',
    input: z.object({ id: z.number().int().min(1).describe('记录') }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.peers': method<PeerView[]>()({
    summary: '上级与下级节点的公钥和指纹',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.registrationForm': method<RegistrationFormView>()({
    summary: '本节点密钥登记表（打印后交上级核对指纹）',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.exportReport': method<OutboxView>()({
    summary: '生成报送数据包（首次为全量，之后为上级确认之后的变更）',
    input: z.object({ mode: z.enum(['auto', 'snapshot', 'incremental']).default('auto').describe('方式'), expiresInDays: expiresSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.exportKeyRegistration': method<OutboxView>()({
    summary: '生成密钥登记包（交上级导入并核对指纹）',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.exportTrust': method<OutboxView>()({
    summary: '为下级节点生成信任包（本节点公钥）',
    input: z.object({ childNodeId: nodeIdSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.createDirective': method<OutboxView>()({
    summary: '向下级节点下发指令：年度参数、代码表、区划、核查任务',
    input: z.object({
      recipientNodeId: nodeIdSchema,
      note: z.string().trim().max(2000).nullable().default(null).describe('说明'),
      yearParams: z.array(z.object({ year: z.number().int().min(2000).max(2100), params: z.record(z.string(), z.unknown()) })).max(200).default([]).describe('年度参数'),
      codeOverrides: z
        .array(z.object({ field: z.string().max(60), version: z.string().max(40), code: z.string().max(40), label: z.string().max(200), retired: z.boolean().default(false) }))
        .max(100_000)
        .default([])
        .describe('代码表'),
      regions: z
        .array(
          z.object({
            code: regionCodeSchema,
            name: z.string().max(100),
            level: z.enum(['province', 'city', 'county', 'township', 'village']),
            parentCode: regionCodeSchema.nullable(),
          }),
        )
        .max(100_000)
        .default([])
        .describe('区划调整'),
      reviewTasks: z
        .array(
          z.object({
            id: z.string().min(1).max(100),
            kind: z.enum(['duplicate-person', 'correction', 'check']),
            regionCode: regionCodeSchema,
            householdId: z.string().max(100).nullable(),
            personId: z.string().max(100).nullable(),
            title: z.string().max(200),
            detail: z.record(z.string(), z.unknown()),
          }),
        )
        .max(100_000)
        .default([])
        .describe('核查任务'),
      expiresInDays: expiresSchema,
    }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.writeToFolder': method<FolderExportView[]>()({
    summary: '把发件箱中的数据包写入 U 盘（先写临时文件、落盘、改名、读回校验）',
    input: z.object({ packageIds: z.array(packageIdSchema).min(1).max(500), folder: folderSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.importFile': method<ImportResultView>()({
    summary: '导入一个数据包文件',
    input: z.object({ path: z.string().trim().min(1).max(1000).describe('文件'), trustFingerprint: fingerprintSchema.optional() }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.importUpload': method<ImportResultView>()({
    summary: '导入一个上传的数据包文件（界面选择的文件）',
    input: z.object({ uploadRef: z.string().min(20).max(64).describe('上传的文件'), trustFingerprint: fingerprintSchema.optional() }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.downloadPackage': method<{ downloadRef: string; fileName: string }>()({
    summary: '下载发件箱中的一个数据包文件（交给浏览器或保存对话框）',
    input: z.object({ packageId: packageIdSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.importFolder': method<FolderImportView[]>()({
    summary: '按顺序导入一个文件夹（U 盘）中的全部数据包',
    input: z.object({ folder: folderSchema, trustFingerprint: fingerprintSchema.optional() }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.confirmKey': method<ImportResultView | null>()({
    summary: '核对下级密钥登记表上的指纹后确认其密钥',
    input: z.object({ nodeId: nodeIdSchema, fingerprint: fingerprintSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.addParentKey': method<PeerView>()({
    summary: '手工登记上级公钥（minisign 公钥）并核对指纹',
    input: z.object({
      nodeId: nodeIdSchema,
      name: z.string().trim().max(100).optional().describe('上级名称'),
      publicKey: z.string().trim().min(40).max(2000).describe('公钥'),
      ageRecipient: z.string().trim().regex(/^age1[02-9ac-hj-np-z]{58}$/, '加密公钥应为 age1 开头').optional().describe('加密公钥'),
      fingerprint: fingerprintSchema,
    }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.issueUploadToken': method<{ token: string }>()({
    summary: '为下级节点生成新的上传凭据（旧凭据作废，只显示一次）',
    input: z.object({ childNodeId: nodeIdSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.setUploadTarget': method<PeerView>()({
    summary: '设置上级接收服务地址和上传凭据',
    input: z.object({
      url: z.string().trim().min(8).max(500).describe('接收服务地址'),
      token: z.string().trim().regex(/^fpt_[A-Za-z0-9_-]{32}$/, '上传凭据格式不对').describe('上传凭据'),
    }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.sync': method<SyncView>()({
    summary: '在线报送：上传发件箱（断点续传），取回回执和下发指令',
    input: z.object({ force: z.boolean().default(true) }),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.childrenStatus': method<ChildStatusView[]>()({
    summary: '各下级节点的最近数据包、序号、滞后天数和问题',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.crossCountyDuplicates': method<CrossCountyDuplicateView[]>()({
    summary: '跨县重复登记的人员（按证件号码）',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.sendReviewTasks': method<{ duplicates: number; directives: { nodeId: string; packageId: string; tasks: number }[]; unreachable: string[] }>()({
    summary: '把跨县重复登记的核查任务下发给各县',
    input: z.object({}),
    access: 'admin',
    scope: 'none',
  }),
  'exchange.reviewTasks': method<ReviewTaskView[]>()({
    summary: '核查任务（收到的与下发的）',
    input: z.object({
      direction: z.enum(['sent', 'received']).optional(),
      status: z.enum(['open', 'forwarded', 'done', 'dismissed']).optional(),
      regionCode: regionCodeSchema.optional(),
    }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'exchange.resolveReviewTask': method<ReviewTaskView>()({
    summary: '办结核查任务（结果随下一次报送上报）',
    input: z.object({
      id: z.string().min(1).max(100),
      status: z.enum(['done', 'dismissed']).describe('结果'),
      resolution: z.string().trim().max(2000).nullable().default(null).describe('核查情况'),
    }),
    access: 'write',
    scope: 'none',
  }),
};
