import { z } from 'zod';
import { method } from '../define';
import { pageSchema, regionCodeSchema, type Page } from './common';
import { isoDateSchema } from './workflow-forms';
import { CASE_KINDS, type CaseKind } from '../../domain/workflow/case-kinds';
import type { CaseOutcome, StageAuthority, StageState } from '../../domain/workflow/stages';
import type { LevelProgress } from '../../domain/workflow/signoff';
import type { ExitCheckResult, IndicatorResult } from '../../domain/workflow/exit-check';
import type { AreaIndicatorResult } from '../../domain/workflow/area-exit';
import type { HouseholdStatusOn } from '../../domain/workflow/status';
import type { YearFlow } from '../../domain/workflow/flows';
import type { WorkflowYearParams } from '../../domain/workflow/exit-params';
import { MONITORING_TYPES } from '../../domain/workflow/monitoring';
import { NOTICE_LEVELS, OBJECTION_CHANNELS } from '../../domain/workflow/notices';
import { SIGNOFF_LEVELS } from '../../domain/workflow/signoff';
import { HOUSEHOLD_TESTS, VILLAGE_TESTS } from '../../domain/workflow/exit-params';

export type { CaseKind, CaseOutcome, HouseholdStatusOn, YearFlow, WorkflowYearParams, ExitCheckResult, IndicatorResult, AreaIndicatorResult, LevelProgress };

/** 'case:ID', 'cohort:ID', 'monitoring:ID', 'attachment:ID' — what the router resolves to a region for scope checks. */
export const workflowRef = (kind: 'case' | 'cohort' | 'monitoring' | 'attachment', id: string): string => `${kind}:${id}`;

export interface CaseRow {
  id: string;
  kind: CaseKind;
  kindLabel: string;
  householdId: string;
  headName: string | null;
  villageName: string;
  townshipName: string;
  regionCode: string;
  year: number;
  outcome: CaseOutcome;
  currentStage: string | null;
  currentStageLabel: string | null;
  openedAt: string;
  updatedAt: string;
}

export interface StepView {
  seq: number;
  stage: string;
  stageLabel: string;
  action: 'complete' | 'reopen';
  outcome: 'pass' | 'fail' | null;
  date: string;
  summary: string;
  data: unknown;
  recordedBy: string;
  recordedAt: string;
}

export interface StageView {
  code: string;
  label: string;
  authority: StageAuthority;
  state: StageState;
  reopened: number;
  completion: StepView | null;
  /** Filled by a form (else done by rule: 公示期满, 签字齐全, 指标核查). */
  hasForm: boolean;
}

export interface ObjectionView {
  id: string;
  noticeId: string;
  receivedDate: string;
  channel: string;
  channelLabel: string;
  /** Masked to the surname: objections are made under real names, seen over shoulders. */
  complainantMasked: string;
  content: string;
  concernsStage: string;
  concernsStageLabel: string;
  resolution: { upheld: boolean; note: string } | null;
  resolvedDate: string | null;
}

export interface NoticeView {
  id: string;
  round: number;
  level: string;
  levelLabel: string;
  startDate: string;
  endDate: string;
  place: string;
  current: boolean;
  objections: ObjectionView[];
}

export interface CaseDetail {
  id: string;
  kind: CaseKind;
  kindLabel: string;
  householdId: string;
  headName: string | null;
  headIdMasked: string | null;
  regionCode: string;
  regionPath: string;
  year: number;
  outcome: CaseOutcome;
  currentStage: string | null;
  withdrawnReason: string | null;
  opening: Record<string, unknown>;
  openedBy: string;
  openedAt: string;
  stages: StageView[];
  history: StepView[];
  notices: NoticeView[];
  noticeRound: number;
  noticePeriod: { days: number; unit: 'calendarDays' | 'workingDays'; label: string };
  /** For a notice posted today: the earliest day it may end. */
  objectionStages: { code: string; label: string }[];
  signoff: { levels: LevelProgress[]; complete: boolean; currentLevel: string | null } | null;
  exitCheck: ExitCheckResult | null;
  status: HouseholdStatusOn;
  /** What the caller may do here: record station steps, and county decisions. */
  may: { record: boolean; decide: boolean };
  /** What blocks the current automatic step (公示期未满, 异议未处理, 指标未达到…). */
  blockers: string[];
}

export interface CohortRow {
  id: string;
  year: number;
  name: string;
  regionCode: string;
  households: number;
  passedCheck: number;
  deregistered: number;
  createdAt: string;
}

export interface CohortHouseholdRow {
  caseId: string;
  householdId: string;
  headName: string | null;
  villageName: string;
  townshipName: string;
  memberCount: number;
  outcome: CaseOutcome;
  currentStage: string | null;
  currentStageLabel: string | null;
  check: { passed: boolean; failing: IndicatorResult[] };
}

export interface CohortDetail extends CohortRow {
  indicators: { code: string; label: string }[];
  rows: CohortHouseholdRow[];
  /** Poor households in scope planned to exit this year but not yet in the cohort. */
  candidates: number;
}

export interface MonitoringRow {
  id: string;
  householdId: string;
  headName: string | null;
  villageName: string;
  objectType: string;
  objectTypeLabel: string;
  risks: { code: string; label: string }[];
  source: string;
  sourceLabel: string;
  reportedDate: string;
  includedDate: string | null;
  eliminatedDate: string | null;
  eliminationMethodLabel: string | null;
  state: 'pending' | 'monitoring' | 'eliminating' | 'eliminated' | 'rejected';
  stateLabel: string;
  /** The case in progress (inclusion or elimination), if any. */
  openCaseId: string | null;
}

export interface VillageYearFlow extends YearFlow {
  regionCode: string;
  population: number | null;
  incidencePercent: number | null;
  /** From a closed year's frozen figures, not recomputed. */
  frozen: boolean;
}

export interface YearCloseView {
  year: number;
  regionCode: string;
  householdCount: number;
  closedBy: string;
  closedAt: string;
  total: VillageYearFlow;
}

export interface StatusView {
  householdId: string;
  date: string;
  status: HouseholdStatusOn;
  statusLabel: string;
  /** The household's case still being handled, if any: removals and new applications wait for it. */
  openCase: { id: string; kind: CaseKind; label: string } | null;
}

export interface AreaExitView {
  regionCode: string;
  regionName: string;
  year: number;
  passed: boolean;
  results: AreaIndicatorResult[];
  /** The figures behind the poverty incidence: poor households and persons on `date` (the year's end, or today while it runs) and the population of the village forms (null while one is missing). */
  basis: { date: string; poorHouseholds: number; poorPersons: number; population: number | null };
}

const id = (label: string) => z.string().min(1).max(64).describe(label);
const year = z.number().int().min(2013).max(2100).describe('年度');
const correction = z
  .object({ year: z.number().int().min(2013).max(2100).describe('所更正的年度'), reason: z.string().trim().min(1, '请填写更正原因').max(500).describe('更正原因') })
  .nullable()
  .optional()
  .describe('更正');

const applicant = z.object({
  regionCode: regionCodeSchema.describe('所在村'),
  groupName: z.string().trim().max(40).nullable().default(null).describe('村民小组'),
  headName: z.string().trim().min(1, '请填写户主姓名').max(40).describe('户主姓名'),
  headIdNumber: z.string().trim().min(15, '证件号码应为 15 或 18 位').max(22).describe('户主证件号码'),
  phone: z.string().trim().max(20).nullable().default(null).describe('联系电话'),
});

const indicatorList = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.array(z.object({ code: z.enum(codes), label: z.string().trim().min(1).max(60) })).max(20);

export const workflowParamsSchema = z.object({
  householdIndicators: indicatorList(HOUSEHOLD_TESTS).min(1, '至少要有一项户退出指标').describe('户退出指标'),
  incomeThreshold: z.number().min(0).max(1_000_000).nullable().describe('退出收入标准（元/人/年）'),
  villageIndicators: indicatorList(VILLAGE_TESTS).describe('村退出指标'),
  incidenceThresholdPercent: z.number().min(0.01).max(100).describe('贫困发生率标准（%）'),
  county: z
    .object({
      minExitedVillageSharePercent: z.number().min(0).max(100).nullable().describe('已退出贫困村比例下限（%）'),
      maxWrongExitPercent: z.number().min(0).max(100).describe('错退率上限（%）'),
      maxMissedPercent: z.number().min(0).max(100).describe('漏评率上限（%）'),
      minSatisfactionPercent: z.number().min(0).max(100).describe('群众认可度下限（%）'),
    })
    .describe('县退出指标'),
  signoffMatrix: z
    .object({
      documentType: z.literal('householdExit'),
      levels: z
        .array(
          z.object({
            level: z.enum(SIGNOFF_LEVELS),
            label: z.string().trim().min(1).max(20),
            recordedBy: z.enum(['station', 'county']),
            roles: z.array(z.object({ code: z.string().regex(/^[A-Za-z0-9]{1,24}$/), label: z.string().trim().min(1).max(40) })).max(10),
          }),
        )
        .max(4),
    })
    .describe('签字矩阵'),
  calendar: z
    .object({ holidays: z.array(isoDateSchema).max(60), extraWorkdays: z.array(isoDateSchema).max(30) })
    .describe('节假日与调休工作日'),
  monitoring: z
    .object({ maxRisks: z.number().int().min(1).max(10).describe('风险类型数上限'), minStableIncomeMonths: z.number().int().min(0).max(36).describe('收入稳定月数') })
    .describe('防返贫监测'),
});

export const workflowContract = {
  'workflow.cases': method<Page<CaseRow>>()({
    summary: '流程案件列表（识别、返贫、退出、监测）',
    input: pageSchema.extend({
      regionCode: regionCodeSchema.optional().describe('范围'),
      kind: z.enum(CASE_KINDS).optional().describe('流程'),
      outcome: z.enum(['open', 'passed', 'failed', 'withdrawn']).optional().describe('办理状态'),
      year: year.optional(),
      householdId: id('户').optional(),
    }),
    access: 'read',
    scope: [{ input: (i) => i.regionCode }, { entity: 'household', id: (i) => i.householdId ?? null }],
  }),
  'workflow.case': method<CaseDetail>()({
    summary: '打开一个流程案件',
    input: z.object({ id: id('案件') }),
    access: 'read',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.id) },
  }),
  'workflow.openIdentification': method<CaseDetail>()({
    summary: '农户申请识别（新申请户或已有的一般农户），或已脱贫户返贫排查',
    input: z.object({
      kind: z.enum(['identification', 'return']).describe('流程'),
      householdId: id('户').nullable().describe('户'),
      applicant: applicant.nullable().describe('申请户'),
      applicationDate: isoDateSchema.describe('申请日期'),
      reason: z.string().trim().min(1, '请填写申请理由').max(1000).describe('申请理由'),
      attribute: z.string().max(4).nullable().default(null).describe('贫困户属性'),
      mainCause: z.string().max(4).nullable().default(null).describe('主要致贫原因'),
    }),
    access: 'write',
    scope: [{ input: (i) => i.applicant?.regionCode }, { entity: 'household', id: (i) => i.householdId }],
  }),
  'workflow.completeStep': method<CaseDetail>()({
    summary: '办理当前步骤（须按顺序；县级审定、公告、销号须由县级管理员办理）',
    input: z.object({
      caseId: id('案件'),
      stage: z.string().min(1).max(30).describe('步骤'),
      date: isoDateSchema.describe('办理日期'),
      data: z.unknown().describe('表单'),
      correction,
    }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.withdraw': method<CaseDetail>()({
    summary: '撤回未办结的案件',
    input: z.object({ caseId: id('案件'), reason: z.string().trim().min(1, '请填写撤回原因').max(500).describe('撤回原因') }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.addNotice': method<CaseDetail>()({
    summary: '张贴公示（级别、起止日期、地点）',
    input: z.object({
      caseId: id('案件'),
      level: z.enum(NOTICE_LEVELS).describe('公示级别'),
      startDate: isoDateSchema.describe('公示开始日期'),
      endDate: isoDateSchema.describe('公示结束日期'),
      place: z.string().trim().max(200).default('').describe('公示地点'),
    }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.addObjection': method<CaseDetail>()({
    summary: '登记公示期间的异议（退回所涉步骤重新核实）',
    input: z.object({
      caseId: id('案件'),
      noticeId: id('公示'),
      receivedDate: isoDateSchema.describe('收到日期'),
      channel: z.enum(OBJECTION_CHANNELS).describe('反映方式'),
      complainant: z.string().trim().min(1, '异议须实名：请填写反映人姓名').max(40).describe('反映人'),
      content: z.string().trim().min(1, '请填写异议内容').max(2000).describe('异议内容'),
      concernsStage: z.string().min(1).max(30).describe('所涉步骤'),
    }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.sign': method<CaseDetail>()({
    summary: '登记一个签字（3342 签字矩阵，逐级）',
    input: z.object({
      caseId: id('案件'),
      level: z.enum(SIGNOFF_LEVELS).describe('签字级别'),
      role: z.string().min(1).max(24).describe('签字人角色'),
      signerName: z.string().trim().min(1, '请填写签字人姓名').max(40).describe('签字人'),
      date: isoDateSchema.describe('签字日期'),
    }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.cohorts': method<CohortRow[]>()({
    summary: '年度退出计划列表',
    input: z.object({ regionCode: regionCodeSchema.optional().describe('范围') }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'workflow.createCohort': method<CohortRow>()({
    summary: '建立年度退出计划（县级管理员）',
    input: z.object({ year, name: z.string().trim().max(60).default('').describe('名称') }),
    access: 'admin',
    scope: 'none',
  }),
  'workflow.cohort': method<CohortDetail>()({
    summary: '年度退出计划：每户的指标核查结果与办理进度',
    input: z.object({ id: id('退出计划'), regionCode: regionCodeSchema.optional().describe('范围') }),
    access: 'read',
    // A county's cohort is shared with its townships: the service narrows it to the caller's part.
    scope: { input: (i) => i.regionCode },
  }),
  'workflow.addToCohort': method<{ added: number; skipped: { householdId: string; reason: string }[] }>()({
    summary: '把贫困户列入年度退出计划（指定户，或范围内计划当年脱贫的全部未脱贫户）',
    input: z.object({
      cohortId: id('退出计划'),
      householdIds: z.array(id('户')).max(5000).default([]).describe('户'),
      plannedInRegion: regionCodeSchema.nullable().default(null).describe('按计划脱贫年度加入的范围'),
      date: isoDateSchema.describe('列入日期'),
    }),
    access: 'write',
    // Each household added is checked against the caller's scope by the service.
    scope: { input: (i) => i.plannedInRegion },
  }),
  'workflow.runCheck': method<CaseDetail>()({
    summary: '退出指标核查：通过则办结本步骤，未通过则列出每项未达到的指标',
    input: z.object({ caseId: id('案件'), date: isoDateSchema.describe('核查日期') }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('case', i.caseId) },
  }),
  'workflow.exitCheck': method<ExitCheckResult>()({
    summary: '某户某年度的退出指标核查（预览，不保存）',
    input: z.object({ householdId: id('户'), year }),
    access: 'read',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'workflow.villageExit': method<AreaExitView>()({
    summary: '贫困村退出指标（贫困发生率与村退出否决指标）',
    input: z.object({ regionCode: regionCodeSchema.describe('村'), year }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'workflow.countyExit': method<AreaExitView>()({
    summary: '贫困县退出指标（综合贫困发生率、已退出贫困村比例、第三方评估）',
    input: z.object({
      year,
      wrongExitPercent: z.number().min(0).max(100).nullable().default(null).describe('错退率（%）'),
      missedPercent: z.number().min(0).max(100).nullable().default(null).describe('漏评率（%）'),
      satisfactionPercent: z.number().min(0).max(100).nullable().default(null).describe('群众认可度（%）'),
    }),
    access: 'read',
    scope: 'none',
  }),
  'workflow.monitoring': method<Page<MonitoringRow>>()({
    summary: '防返贫监测对象',
    input: pageSchema.extend({ regionCode: regionCodeSchema.optional().describe('范围'), householdId: id('户').optional() }),
    access: 'read',
    scope: [{ input: (i) => i.regionCode }, { entity: 'household', id: (i) => i.householdId ?? null }],
  }),
  'workflow.openMonitoring': method<CaseDetail>()({
    summary: '申报纳入防返贫监测（对象类别、最多五项风险）',
    input: z.object({
      householdId: id('户'),
      objectType: z.enum(MONITORING_TYPES).describe('监测对象类别'),
      risks: z.array(z.string().max(4)).max(10).describe('致贫（返贫）风险'),
      source: z.enum(['selfReport', 'visit', 'department']).describe('发现方式'),
      reportedDate: isoDateSchema.describe('申报日期'),
      note: z.string().trim().max(1000).default('').describe('情况说明'),
    }),
    access: 'write',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'workflow.openElimination': method<CaseDetail>()({
    summary: '监测对象申请风险消除',
    input: z.object({
      monitoringId: id('监测对象'),
      method: z.enum(['assisted', 'natural']).describe('风险消除方式'),
      date: isoDateSchema.describe('申请日期'),
    }),
    access: 'write',
    scope: { entity: 'workflow', id: (i) => workflowRef('monitoring', i.monitoringId) },
  }),
  'workflow.removeHousehold': method<StatusView>()({
    summary: '自然减少或识别不准清退一户（清退须县级管理员）',
    input: z.object({
      householdId: id('户'),
      reason: z.enum(['extinct', 'movedAway', 'merged', 'misidentified']).describe('减少原因'),
      date: isoDateSchema.describe('减少日期'),
      note: z.string().trim().min(1, '请填写情况说明').max(1000).describe('情况说明'),
      correction,
    }),
    access: 'write',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'workflow.correctStatus': method<StatusView>()({
    summary: '更正已结账年度的户状态（以当前年度日期登记更正事件，县级管理员）',
    input: z.object({
      householdId: id('户'),
      to: z.enum(['none', 'poor', 'exited', 'removed']).describe('更正为'),
      date: isoDateSchema.describe('更正日期'),
      correctsYear: year.describe('所更正的年度'),
      reason: z.string().trim().min(1, '请填写更正原因').max(1000).describe('更正原因'),
    }),
    access: 'admin',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'workflow.statusOn': method<StatusView>()({
    summary: '某户在某日的状态（由动态事件推算）',
    input: z.object({ householdId: id('户'), date: isoDateSchema.describe('日期') }),
    access: 'read',
    scope: { entity: 'household', id: (i) => i.householdId },
  }),
  'workflow.flows': method<VillageYearFlow[]>()({
    summary: '逐年进出动态：年初数、新识别、返贫、脱贫、自然减少、年末数、贫困发生率',
    input: z.object({ regionCode: regionCodeSchema.describe('村、乡镇或县'), fromYear: year, toYear: year }),
    access: 'read',
    scope: { input: (i) => i.regionCode },
  }),
  'workflow.yearCloses': method<YearCloseView[]>()({
    summary: '已结账年度',
    input: z.object({}),
    access: 'read',
    scope: 'none',
  }),
  'workflow.closeYear': method<YearCloseView>()({
    summary: '年度结账：冻结该年度各村进出动态数据和各户年末状态（县级管理员，不可撤销）',
    input: z.object({ year }),
    access: 'admin',
    scope: 'none',
  }),
  'workflow.params': method<{ params: WorkflowYearParams; stored: boolean }>()({
    summary: '年度退出标准、签字矩阵和公示工作日历',
    input: z.object({ year }),
    access: 'read',
    scope: 'none',
  }),
  'workflow.saveParams': method<{ params: WorkflowYearParams; stored: boolean }>()({
    summary: '修改年度退出标准、签字矩阵和公示工作日历（管理员）',
    input: z.object({ year, params: workflowParamsSchema }),
    access: 'admin',
    scope: 'none',
  }),
};
