import { z } from 'zod';
import { method } from '../define';
import { pageSchema, regionCodeSchema, type Page } from './common';
import type { AssistancePolicy, CoverageGapKind, PlanIndicator, RuleViolation } from '../../domain/assistance';
import { assistanceRef } from '../../services/assistance/scope';

export type { AssistancePolicy, CoverageGapKind, PlanIndicator, RuleViolation };

export interface AssistanceOption {
  code: string;
  label: string;
}

/** Every code list the assistance pages need, for one year. */
export interface AssistanceCatalog {
  year: number;
  quotaName: string;
  ranks: (AssistanceOption & { maxHouseholds: number | null })[];
  affiliations: AssistanceOption[];
  politicalStatus: AssistanceOption[];
  education: AssistanceOption[];
  teamRoles: AssistanceOption[];
  measureCategories: AssistanceOption[];
  fundSources: AssistanceOption[];
  measureStatuses: AssistanceOption[];
  ledgerKinds: AssistanceOption[];
  benefitKinds: AssistanceOption[];
  loanPurposes: (AssistanceOption & { productive: boolean })[];
  loanTypes: AssistanceOption[];
  dibaoClasses: (AssistanceOption & { annualAmount: number | null })[];
  resettlementModes: AssistanceOption[];
  dilapidationGrades: AssistanceOption[];
  renovationMethods: AssistanceOption[];
  educationPrograms: (AssistanceOption & { capPerStudentYuan: number | null })[];
  healthPrograms: AssistanceOption[];
  smallLoan: { maxAmountYuan: number; maxTermYears: number; minAge: number; maxAge: number };
  minDaysInVillage: number;
}

export interface UnitView {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  affiliation: string;
  affiliationLabel: string;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
  villages: { villageCode: string; villageName: string; fromDate: string; toDate: string | null }[];
  cadreCount: number;
  /** The caller's scope covers the keeping office: may edit */
  editable: boolean;
}

export interface CadreView {
  id: string;
  regionCode: string;
  unitId: string;
  unitName: string;
  affiliationLabel: string;
  name: string;
  sexLabel: string | null;
  /** Full number for the edit form; lists show idNumberMasked */
  idNumber: string;
  idNumberMasked: string;
  phone: string;
  position: string | null;
  politicalStatus: string | null;
  rank: string;
  rankLabel: string;
  education: string | null;
  speciality: string | null;
  note: string | null;
  /** Households paired today */
  activeHouseholds: number;
  quota: number | null;
  standing: 'over' | 'full' | 'under' | 'none';
  editable: boolean;
}

export interface TeamMemberView {
  cadreId: string;
  cadreName: string;
  phone: string;
  unitName: string;
  role: string;
  roleLabel: string;
  isFirstSecretary: boolean;
  fromDate: string;
  toDate: string | null;
  daysInVillage: Record<string, number>;
}

export interface TeamView {
  id: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  fromDate: string;
  toDate: string | null;
  note: string | null;
  members: TeamMemberView[];
  active: boolean;
}

export interface PairingView {
  id: string;
  cadreId: string;
  cadreName: string;
  cadrePhone: string;
  cadreUnitName: string;
  cadreRankLabel: string;
  householdId: string;
  headName: string | null;
  villageName: string;
  fromDate: string;
  toDate: string | null;
  endReason: string | null;
  active: boolean;
}

export interface PlanView {
  id: string;
  year: number;
  plannedExitYear: number | null;
  period: string | null;
  goal: string | null;
  indicators: PlanIndicator[];
  updatedAt: string;
}

export interface MeasureView {
  id: string;
  year: number;
  category: string;
  categoryLabel: string;
  projectName: string;
  fundSource: string | null;
  fundSourceLabel: string | null;
  amount: number | null;
  startDate: string | null;
  endDate: string | null;
  benefit: string | null;
  benefitAmount: number | null;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  responsibleCadreId: string | null;
  responsibleCadreName: string | null;
  status: string;
  statusLabel: string;
  note: string | null;
}

export interface LedgerView {
  id: string;
  date: string;
  cadreId: string;
  cadreName: string;
  kind: string;
  kindLabel: string;
  content: string;
  problemSolved: string | null;
  headSigned: boolean;
  recordedBy: string;
}

export interface BenefitView {
  id: string;
  kind: string;
  kindLabel: string;
  year: number;
  personId: string | null;
  personName: string | null;
  amount: number | null;
  startDate: string | null;
  endDate: string | null;
  detail: Record<string, unknown>;
  /** One line as the household page and the door card print it */
  summary: string;
}

export interface HouseholdAssistance {
  householdId: string;
  headName: string | null;
  villageCode: string;
  villageName: string;
  dataYear: number;
  members: { personId: string; name: string | null }[];
  pairings: PairingView[];
  /** The village's team in office today */
  team: TeamView | null;
  plans: PlanView[];
  /** A plan for the data year prefilled from the registry, when none is saved yet */
  draftPlan: Omit<PlanView, 'id' | 'updatedAt'>;
  measures: MeasureView[];
  ledger: LedgerView[];
  benefits: BenefitView[];
}

export interface AssistanceSaveResult {
  id: string;
  /** Warnings found and saved with the record */
  warnings: RuleViolation[];
}

export interface CoverageGapView {
  kind: CoverageGapKind;
  title: string;
  message: string;
  villageCode: string | null;
  villageName: string | null;
  householdId: string | null;
  cadreId: string | null;
  teamId: string | null;
}

export interface CoverageReport {
  regionCode: string;
  asOf: string;
  daysYear: number;
  totals: { poorVillages: number; poorVillagesWithTeam: number; households: number; householdsWithCadre: number; cadres: number };
  counts: Record<CoverageGapKind, number>;
  /** At most 500 gaps of each kind; counts hold the full numbers */
  gaps: CoverageGapView[];
}

const id = z.string().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日');
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 字`).describe(label);
const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 字`)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .describe(label);
const money = (label: string) => z.number().min(0, `${label}不能为负数`).max(100_000_000).nullable().describe(label);
const year = z.number().int().min(2010).max(2100).describe('年度');

const unitInput = z.object({
  id: id.nullable().describe('帮扶单位'),
  /** The keeping office; default the caller's own scope */
  regionCode: regionCodeSchema.optional().describe('管理单位'),
  name: text(60, '单位名称'),
  affiliation: z.string().max(4).describe('隶属关系'),
  contactName: optText(20, '联系人'),
  contactPhone: optText(20, '联系电话'),
  note: optText(200, '备注'),
  villages: z
    .array(z.object({ villageCode: regionCodeSchema.describe('联系村'), fromDate: date.describe('联系开始日期'), toDate: date.nullable().describe('联系结束日期') }))
    .max(50)
    .default([])
    .describe('联系村'),
});

const cadreInput = z.object({
  id: id.nullable().describe('帮扶责任人'),
  regionCode: regionCodeSchema.optional().describe('管理单位'),
  unitId: id.nullable().describe('单位名称'),
  name: text(20, '姓名'),
  idNumber: z.string().trim().max(22).describe('证件号码'),
  phone: z.string().trim().max(20).nullable().describe('联系电话'),
  position: optText(30, '派出单位职务'),
  politicalStatus: z.string().max(4).nullable().describe('政治面貌'),
  rank: z.string().max(8).nullable().describe('行政职务级别'),
  education: z.string().max(4).nullable().describe('学历'),
  speciality: optText(60, '技术特长'),
  note: optText(200, '备注'),
});

const teamInput = z.object({
  id: id.nullable().describe('驻村工作队'),
  villageCode: regionCodeSchema.describe('派驻村'),
  name: text(40, '工作队名称'),
  unitId: id.nullable().describe('派出单位'),
  fromDate: date.describe('派驻日期'),
  toDate: date.nullable().describe('撤离日期'),
  note: optText(200, '备注'),
  members: z
    .array(
      z.object({
        cadreId: id.describe('队员'),
        role: z.string().max(20).describe('队内职务'),
        isFirstSecretary: z.boolean().describe('第一书记'),
        fromDate: date.describe('入队日期'),
        toDate: date.nullable().describe('离队日期'),
        daysInVillage: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0).max(366)).default({}).describe('驻村天数'),
      }),
    )
    .max(20, '一支工作队不超过 20 人')
    .describe('队员'),
});

const indicatorSchema = z.object({
  key: z.string().min(1).max(40),
  label: text(30, '指标'),
  kind: z.enum(['amount', 'yesNo']),
  baseline: z.union([z.number(), z.boolean()]).nullable().describe('现状'),
  plan: z.union([z.number(), z.boolean()]).nullable().describe('计划'),
  actual: z.union([z.number(), z.boolean()]).nullable().describe('完成'),
});

const measureInput = z.object({
  id: id.nullable().describe('帮扶措施'),
  householdId: id.describe('户'),
  year,
  category: z.string().max(8).describe('措施类别'),
  projectName: text(60, '项目名称'),
  fundSource: z.string().max(4).nullable().describe('资金来源'),
  amount: money('投入金额'),
  startDate: date.nullable().describe('实施时间'),
  endDate: date.nullable().describe('完成时间'),
  benefit: optText(100, '实际收益'),
  benefitAmount: money('实际收益（元）'),
  responsibleUnitId: id.nullable().describe('责任单位'),
  responsibleCadreId: id.nullable().describe('责任人'),
  status: z.string().max(20).describe('落实情况'),
  note: optText(200, '备注'),
});

const ledgerInput = z.object({
  id: id.nullable().describe('台账'),
  householdId: id.describe('户'),
  cadreId: id.describe('帮扶人'),
  date: date.describe('日期'),
  kind: z.string().max(20).describe('工作内容'),
  content: text(500, '工作记录'),
  problemSolved: optText(300, '解决的问题'),
  headSigned: z.boolean().default(false).describe('户主签字'),
});

const personRef = id.nullable().describe('成员');
const benefitBase = { personId: personRef, year, amount: money('金额') };

/** One benefit, its detail by kind. Amounts in 元. */
export const benefitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('smallLoan'),
    ...benefitBase,
    startDate: date.describe('放款日期'),
    endDate: date.describe('到期日期'),
    purpose: z.string().max(4).describe('贷款用途'),
    loanType: z.string().max(20).nullable().describe('贷款类型'),
    bank: optText(40, '放款银行'),
    repaidDate: date.nullable().describe('结清日期'),
  }),
  z.object({ kind: z.literal('dibao'), ...benefitBase, classCode: z.string().max(2).describe('低保类别'), persons: z.number().int().describe('保障人数') }),
  z.object({
    kind: z.literal('relocation'),
    ...benefitBase,
    resettlementMode: z.string().max(4).nullable().describe('安置方式'),
    resettlementPlace: z.string().max(4).nullable().describe('安置地'),
    persons: z.number().int().describe('搬迁人数'),
    housingAreaM2: z.number().min(0).max(10_000).nullable().describe('安置住房面积'),
    selfFundingYuan: z.number().max(10_000_000).nullable().describe('农户自筹'),
    startDate: date.nullable().describe('入住日期'),
  }),
  z.object({
    kind: z.literal('housingRenovation'),
    ...benefitBase,
    grade: z.string().max(4).describe('危房级别'),
    method: z.string().max(20).describe('改造方式'),
    endDate: date.nullable().describe('竣工日期'),
  }),
  z.object({ kind: z.literal('education'), ...benefitBase, program: z.string().max(20).describe('资助项目') }),
  z.object({ kind: z.literal('health'), ...benefitBase, program: z.string().max(20).describe('健康扶贫项目') }),
]);
export type BenefitInput = z.infer<typeof benefitSchema>;

const policySchema = z.custom<AssistancePolicy>(
  (v) => typeof v === 'object' && v !== null && 'quota' in v && 'coverage' in v && 'loanPurposes' in v && 'education' in v && 'health' in v,
  { message: '帮扶政策参数格式不正确' },
);

export const assistanceContract = {
  'assistance.catalog': method<AssistanceCatalog>()({
    summary: '帮扶登记用的代码表（级别、隶属关系、措施类别、资金来源……）',
    input: z.object({ year }),
    access: 'read',
    scope: 'none',
  }),
  'assistance.policy': method<AssistancePolicy>()({
    summary: '帮扶政策参数：帮扶户数分工、覆盖要求、优惠政策规则',
    input: z.object({}),
    access: 'read',
    scope: 'none',
  }),
  'assistance.savePolicy': method<AssistancePolicy>()({
    summary: '修改帮扶政策参数',
    input: z.object({ policy: policySchema.describe('帮扶政策参数') }),
    access: 'admin',
    scope: 'none',
  }),
  'assistance.listUnits': method<UnitView[]>()({
    summary: '帮扶单位（含上级单位）',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('范围') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'assistance.saveUnit': method<AssistanceSaveResult>()({
    summary: '登记或修改帮扶单位',
    input: unitInput,
    access: 'write',
    scope: [{ input: (i) => i.regionCode }, { entity: 'assistance', id: (i) => assistanceRef('unit', i.id) }],
  }),
  'assistance.deleteUnit': method<void>()({
    summary: '删除误登记的帮扶单位（没有干部和工作队时）',
    input: z.object({ id }),
    access: 'write',
    scope: { entity: 'assistance', id: (i) => assistanceRef('unit', i.id) },
  }),
  'assistance.listCadres': method<Page<CadreView>>()({
    summary: '帮扶责任人（含上级单位的干部）',
    input: pageSchema.extend({
      regionCode: regionCodeSchema.optional().describe('范围'),
      unitId: id.optional().describe('单位'),
      query: z.string().trim().max(30).optional().describe('姓名或电话'),
    }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'assistance.saveCadre': method<AssistanceSaveResult>()({
    summary: '登记或修改帮扶责任人',
    input: cadreInput,
    access: 'write',
    scope: [{ input: (i) => i.regionCode }, { entity: 'assistance', id: (i) => assistanceRef('cadre', i.id) }],
  }),
  'assistance.deleteCadre': method<void>()({
    summary: '删除误登记的帮扶责任人（没有结对、驻村和台账时）',
    input: z.object({ id }),
    access: 'write',
    scope: { entity: 'assistance', id: (i) => assistanceRef('cadre', i.id) },
  }),
  'assistance.listTeams': method<TeamView[]>()({
    summary: '驻村工作队',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('范围') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'assistance.saveTeam': method<AssistanceSaveResult>()({
    summary: '派驻或修改驻村工作队',
    input: teamInput,
    access: 'write',
    scope: [{ input: (i) => i.villageCode }, { entity: 'assistance', id: (i) => assistanceRef('team', i.id) }],
  }),
  'assistance.listPairings': method<Page<PairingView>>()({
    summary: '结对帮扶名单',
    input: pageSchema.extend({
      regionCode: regionCodeSchema.optional().describe('范围'),
      cadreId: id.optional().describe('帮扶责任人'),
      activeOnly: z.boolean().default(true).describe('只看在帮的'),
    }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'assistance.pair': method<AssistanceSaveResult>()({
    summary: '结对：为一户指定帮扶责任人（按帮扶户数分工核对）',
    input: z.object({ householdId: id.describe('户'), cadreId: id.describe('帮扶责任人'), fromDate: date.describe('帮扶开始时间') }),
    access: 'write',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'assistance.endPairing': method<AssistanceSaveResult>()({
    summary: '结束结对帮扶',
    input: z.object({ id, toDate: date.describe('帮扶结束时间'), reason: optText(60, '结束原因') }),
    access: 'write',
    scope: { entity: 'assistance', id: (i) => assistanceRef('pairing', i.id) },
  }),
  'assistance.household': method<HouseholdAssistance>()({
    summary: '一户的帮扶：帮扶责任人、驻村工作队、三本账和享受政策',
    input: z.object({ householdId: id.describe('户') }),
    access: 'read',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'assistance.savePlan': method<AssistanceSaveResult>()({
    summary: '保存一户某年度的脱贫计划',
    input: z.object({
      householdId: id.describe('户'),
      year,
      plannedExitYear: z.number().int().min(2010).max(2100).nullable().describe('计划脱贫年度'),
      period: optText(30, '帮扶时限'),
      goal: optText(200, '发展目标'),
      indicators: z.array(indicatorSchema).max(30).describe('指标'),
    }),
    access: 'write',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'assistance.saveMeasure': method<AssistanceSaveResult>()({
    summary: '登记或修改帮扶措施',
    input: measureInput,
    access: 'write',
    scope: [{ entity: 'household', id: (i) => i.householdId }, { entity: 'assistance', id: (i) => assistanceRef('measure', i.id) }],
  }),
  'assistance.deleteMeasure': method<void>()({
    summary: '删除帮扶措施',
    input: z.object({ id }),
    access: 'write',
    scope: { entity: 'assistance', id: (i) => assistanceRef('measure', i.id) },
  }),
  'assistance.saveLedgerEntry': method<AssistanceSaveResult>()({
    summary: '登记或修改工作台账',
    input: ledgerInput,
    access: 'write',
    scope: [{ entity: 'household', id: (i) => i.householdId }, { entity: 'assistance', id: (i) => assistanceRef('ledger', i.id) }],
  }),
  'assistance.deleteLedgerEntry': method<void>()({
    summary: '删除工作台账',
    input: z.object({ id }),
    access: 'write',
    scope: { entity: 'assistance', id: (i) => assistanceRef('ledger', i.id) },
  }),
  'assistance.saveBenefit': method<AssistanceSaveResult>()({
    summary: '登记享受的政策（小额信贷、低保、搬迁、危改、教育、健康），按政策规则核对',
    input: z.object({ id: id.nullable().describe('政策记录'), householdId: id.describe('户'), benefit: benefitSchema }),
    access: 'write',
    scope: [{ entity: 'household', id: (i) => i.householdId }, { entity: 'assistance', id: (i) => assistanceRef('benefit', i.id) }],
  }),
  'assistance.deleteBenefit': method<void>()({
    summary: '删除享受政策记录',
    input: z.object({ id }),
    access: 'write',
    scope: { entity: 'assistance', id: (i) => assistanceRef('benefit', i.id) },
  }),
  'assistance.coverage': method<CoverageReport>()({
    summary: '两个全覆盖检查：无工作队的贫困村、无帮扶责任人的贫困户、是贫困人口的帮扶责任人等',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('范围'), asOf: date.optional().describe('检查日期') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
};
