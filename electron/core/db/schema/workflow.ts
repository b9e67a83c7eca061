import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households } from './registry';

// Workflows (identification, 返贫, exit, monitoring, risk elimination) as append-only logs. A case
// row names the household and what is being decided; everything that happened to it is a row in
// workflow_steps, workflow_notices, workflow_objections or workflow_signoffs, and the household's
// status changes only through household_events. `outcome` and `current_stage` on the case are a
// cache of the step log for the lists, rewritten in the same transaction as every step.

/** 年度退出计划: the households a year's exit covers, for the node's region. */
export const exitCohorts = sqliteTable(
  'exit_cohorts',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('exit_cohorts_year_region').on(t.year, t.regionCode)],
);

/** 防返贫监测对象: one per household and monitoring period; its inclusion and elimination are cases. */
export const monitoringObjects = sqliteTable(
  'monitoring_objects',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    regionCode: text('region_code').notNull(),
    objectType: text('object_type', { enum: ['unstable', 'marginal', 'sudden'] }).notNull(),
    /** 致贫（返贫）风险 codes, at most five. */
    risks: text('risks', { mode: 'json' }).notNull(),
    source: text('source').notNull(),
    reportedDate: text('reported_date').notNull(),
    /** Set by the county's decision (the monitoring.included event carries the same date). */
    includedDate: text('included_date'),
    eliminatedDate: text('eliminated_date'),
    eliminationMethod: text('elimination_method'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('monitoring_objects_household').on(t.householdId), index('monitoring_objects_region').on(t.regionCode)],
);

export const workflowCases = sqliteTable(
  'workflow_cases',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['identification', 'return', 'exit', 'monitoring', 'elimination'] }).notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    /** The household's village when the case was opened: scope checks and lists. */
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    cohortId: text('cohort_id').references(() => exitCohorts.id),
    monitoringId: text('monitoring_id').references(() => monitoringObjects.id),
    /** What the opening said: application date and reason, the applicant, the object's risks. */
    data: text('data', { mode: 'json' }).notNull(),
    outcome: text('outcome', { enum: ['open', 'passed', 'failed', 'withdrawn'] }).notNull().default('open'),
    currentStage: text('current_stage'),
    withdrawnReason: text('withdrawn_reason'),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('workflow_cases_household').on(t.householdId),
    index('workflow_cases_list').on(t.kind, t.outcome, t.regionCode),
    index('workflow_cases_cohort').on(t.cohortId),
    index('workflow_cases_monitoring').on(t.monitoringId),
  ],
);

/** The step log: completions and reopenings, never updated. */
export const workflowSteps = sqliteTable(
  'workflow_steps',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => workflowCases.id),
    seq: integer('seq').notNull(),
    stage: text('stage').notNull(),
    action: text('action', { enum: ['complete', 'reopen'] }).notNull(),
    outcome: text('outcome', { enum: ['pass', 'fail'] }),
    date: text('date').notNull(),
    data: text('data', { mode: 'json' }),
    summary: text('summary').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('workflow_steps_case_seq').on(t.caseId, t.seq)],
);

/** 公示 postings; `round` restarts after an objection sent the case back. */
export const workflowNotices = sqliteTable(
  'workflow_notices',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => workflowCases.id),
    round: integer('round').notNull(),
    level: text('level', { enum: ['group', 'village', 'township', 'county', 'online'] }).notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    place: text('place').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('workflow_notices_case').on(t.caseId)],
);

/** Objections raised during a 公示; the complainant's real name is kept but never printed or logged. */
export const workflowObjections = sqliteTable(
  'workflow_objections',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => workflowCases.id),
    noticeId: text('notice_id')
      .notNull()
      .references(() => workflowNotices.id),
    receivedDate: text('received_date').notNull(),
    channel: text('channel', { enum: ['letter', 'phone', 'visit', 'other'] }).notNull(),
    complainant: text('complainant').notNull(),
    content: text('content').notNull(),
    concernsStage: text('concerns_stage').notNull(),
    /** Set when the reopened step is done again: { upheld, note }. */
    resolution: text('resolution', { mode: 'json' }),
    resolvedDate: text('resolved_date'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('workflow_objections_case').on(t.caseId)],
);

/** 3342 signatures: one per case, level and role. */
export const workflowSignoffs = sqliteTable(
  'workflow_signoffs',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => workflowCases.id),
    level: text('level').notNull(),
    role: text('role').notNull(),
    roleLabel: text('role_label').notNull(),
    signerName: text('signer_name').notNull(),
    date: text('date').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('workflow_signoffs_role').on(t.caseId, t.level, t.role)],
);

/** Exit standards, sign-off matrix and working calendar per year, as edited (domain/workflow/exit-params.ts). */
export const workflowParams = sqliteTable('workflow_params', {
  year: integer('year').primaryKey(),
  params: text('params', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** 年度结账: the year's figures as they were when it was closed. */
export const yearCloses = sqliteTable('year_closes', {
  year: integer('year').primaryKey(),
  regionCode: text('region_code').notNull(),
  /** Per-village flows and the totals, exactly as printed from then on. */
  figures: text('figures', { mode: 'json' }).notNull(),
  householdCount: integer('household_count').notNull(),
  closedBy: text('closed_by').notNull(),
  closedAt: text('closed_at').notNull(),
});

/** Each household's status at the end of a closed year, for that year's lists. */
export const yearCloseStatuses = sqliteTable(
  'year_close_statuses',
  {
    id: text('id').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => yearCloses.year),
    householdId: text('household_id').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    returned: integer('returned', { mode: 'boolean' }).notNull().default(false),
    persons: integer('persons').notNull(),
    monitoringType: text('monitoring_type'),
  },
  (t) => [index('year_close_statuses_year_region').on(t.year, t.regionCode)],
);
