import { z } from 'zod';
import { method } from '../define';
import { pageSchema, regionCodeSchema, type Page } from './common';
import { conditionsRecordSchema, householdRecordSchema, incomeRecordSchema, personRecordSchema } from './record-schemas';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';
import type { IncomeSummary } from '../../domain/registry/income';
import type { VillageFormView } from '../../services/registry/village-records';
import type { StatusCounts } from '../../domain/workflow/status-counts';
import { isoDateSchema } from './workflow-forms';

export type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord, IncomeSummary };

export interface RegionNode {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village' | 'city' | 'province';
  households: number;
  persons: number;
  hasChildren: boolean;
}

export interface HouseholdRow {
  id: string;
  regionCode: string;
  villageName: string;
  townshipName: string;
  groupName: string | null;
  householdNumber: string | null;
  headName: string | null;
  /** Masked: the list is seen over shoulders; the household page shows the full number. */
  headIdMasked: string | null;
  memberCount: number;
  attributeLabel: string | null;
  mainCauseLabel: string | null;
  exitStatusLabel: string | null;
  dataYear: number | null;
  perCapitaNetIncome: number | null;
  errorCount: number;
  warningCount: number;
}

/** 村信息's status row: the village's households by status on `date`, 监测对象 beside them. */
export interface VillageStatusSummary extends StatusCounts {
  regionCode: string;
  regionName: string;
  date: string;
}

export interface FindingView {
  ruleCode: string;
  severity: 'error' | 'warning';
  message: string;
  entity: 'household' | 'person' | 'conditions' | 'income';
  /** The member concerned, for person findings (null while a new member is not yet saved). */
  personId: string | null;
  /** Position of the member in the submitted list, for person findings. */
  personIndex: number | null;
  field: string;
}

export interface MemberView {
  personId: string;
  record: PersonRecord;
  fromDate: string;
  toDate: string | null;
  joinReason: string | null;
  leaveReason: string | null;
}

export interface EventView {
  id: string;
  type: string;
  label: string;
  date: string;
  year: number;
  detail: unknown;
  recordedBy: string;
  recordedAt: string;
}

export interface HouseholdDetail {
  id: string;
  regionCode: string;
  regionPath: string;
  household: HouseholdRecord;
  members: MemberView[];
  formerMembers: MemberView[];
  conditions: ConditionsRecord | null;
  incomes: { record: IncomeRecord; summary: IncomeSummary }[];
  events: EventView[];
  findings: FindingView[];
  updatedAt: string;
}

export interface FieldChange {
  /** 户基本信息 / 成员「张三」/ 生产生活条件 2020 / 收入 2020 */
  section: string;
  field: string;
  before: string;
  after: string;
}

export interface SaveHouseholdResult {
  id: string;
  created: boolean;
  changes: FieldChange[];
  findings: FindingView[];
}

export interface RuleCount {
  ruleCode: string;
  title: string;
  severity: 'error' | 'warning';
  catalogueItem: number;
  households: number;
  findings: number;
}

export interface QualityRunResult {
  regionCode: string;
  households: number;
  withErrors: number;
  withWarnings: number;
  rules: RuleCount[];
  durationMs: number;
}

export interface FindingRow extends FindingView {
  householdId: string;
  headName: string | null;
  villageName: string;
  fieldLabel: string;
}

export interface DuplicateView {
  ruleCode: string;
  severity: 'error' | 'warning';
  message: string;
  members: { personId: string; householdId: string; name: string | null; idMasked: string | null; villageName: string; headName: string | null }[];
}

export interface CodeOption {
  code: string;
  label: string;
  unconfirmed?: boolean;
}

const householdFilters = {
  regionCode: regionCodeSchema.optional().describe('行政区划'),
  query: z.string().trim().max(40).optional().describe('姓名、证件号码或户编号'),
  exitStatus: z.string().max(20).optional().describe('脱贫状态'),
  attribute: z.string().max(20).optional().describe('贫困户属性'),
  mainCause: z.string().max(20).optional().describe('主要致贫原因'),
  dataYear: z.number().int().min(2000).max(2100).optional().describe('年度'),
  qualityRule: z.string().max(20).optional().describe('数据质量问题'),
  severity: z.enum(['error', 'warning']).optional().describe('问题级别'),
};

const memberInput = z.object({
  personId: z.string().max(64).nullable().describe('成员'),
  record: personRecordSchema,
  /** For a new member of an existing household: 人员变更原因 (05 嫁入, 06 新生儿, 07 其他转入). */
  joinReason: z.string().max(20).nullable().optional().describe('迁入原因'),
});

const householdForm = {
  regionCode: regionCodeSchema.describe('所在村'),
  household: householdRecordSchema,
  members: z.array(memberInput).max(30, '一户成员不能超过 30 人').describe('家庭成员'),
  leaving: z
    .array(
      z.object({
        personId: z.string().max(64).describe('成员'),
        reason: z.string().max(20).describe('减少原因'),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日').describe('减少日期'),
      }),
    )
    .max(30)
    .default([])
    .describe('减少的成员'),
  conditions: conditionsRecordSchema.nullable().describe('生产生活条件'),
  income: incomeRecordSchema.nullable().describe('收入情况'),
};

export type { VillageFormView };

export const registryContract = {
  'registry.tree': method<RegionNode[]>()({
    summary: '区划树（乡镇 → 村）及户数',
    input: z.object({ parentCode: regionCodeSchema.nullable().describe('上级区划') }),
    access: 'read',
    scope: { input: (i) => i.parentCode },
  }),
  'registry.searchHouseholds': method<Page<HouseholdRow>>()({
    summary: '查询贫困户',
    input: pageSchema.extend(householdFilters),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'registry.getHousehold': method<HouseholdDetail>()({
    summary: '打开一户',
    input: z.object({ id: z.string().min(1).max(64).describe('户') }),
    access: 'read',
    scope: { entity: 'household', id: (i) => i.id },
  }),
  'registry.validateHousehold': method<FindingView[]>()({
    summary: '按数据质量规则检查表单（不保存）',
    input: z.object({ id: z.string().max(64).nullable().describe('户'), ...householdForm }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'registry.saveHousehold': method<SaveHouseholdResult>()({
    summary: '保存一户（新建或修改）',
    input: z.object({ id: z.string().max(64).nullable().describe('户'), ...householdForm }),
    access: 'write',
    scope: [{ input: (i) => i.regionCode }, { entity: 'household', id: (i) => i.id }],
  }),
  'registry.village': method<VillageFormView>()({
    summary: '打开村的贫困村信息采集表',
    input: z.object({ regionCode: regionCodeSchema.describe('村') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'registry.villageStatus': method<VillageStatusSummary>()({
    summary: '某日本村各状态的户数和人数（贫困户、已脱贫、监测对象、一般农户），由各户动态事件推算',
    input: z.object({ regionCode: regionCodeSchema.describe('村'), date: isoDateSchema.optional().describe('统计日期') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'registry.saveVillage': method<VillageFormView>()({
    summary: '保存贫困村信息采集表（按字段检查，有错误时不保存）',
    input: z.object({
      regionCode: regionCodeSchema.describe('村'),
      // Each field's type and range is checked by the village form's rules, which name the field in Chinese.
      fields: z.record(z.string().max(60), z.unknown()).describe('采集表字段'),
    }),
    access: 'write',
    scope: { input: (i) => i.regionCode },
  }),
  'registry.codeTables': method<Record<string, CodeOption[]>>()({
    summary: '某年度的代码表（含管理员修改）',
    input: z.object({ year: z.number().int().min(2000).max(2100).describe('年度') }),
    access: 'read',
    scope: 'none',
  }),
  'quality.run': method<QualityRunResult>()({
    summary: '数据质量检查（回头看）：对一个村、乡镇或全县运行全部规则',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('检查范围') }),
    access: 'write',
    scope: { input: (i) => i.regionCode },
  }),
  'quality.summary': method<QualityRunResult>()({
    summary: '上次检查的结果（各规则问题数）',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('范围') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'quality.findings': method<Page<FindingRow>>()({
    summary: '某条规则的问题清单',
    input: pageSchema.extend({
      regionCode: regionCodeSchema.optional().describe('范围'),
      ruleCode: z.string().max(20).optional().describe('规则'),
    }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'quality.duplicates': method<DuplicateView[]>()({
    summary: '重复人员：证件号码重复（错误）与同名同生日（待核实）',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('范围') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
};
