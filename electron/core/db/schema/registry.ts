import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The registry keeps each form as one JSON document (the shape of domain/registry/types.ts) so that
// every field of every form version survives import and export unchanged. What search and the
// quality pages filter on is exposed as generated columns over that JSON, so there is exactly one
// source of truth and the indexes still work.

/** 村: the village form (one current record per village) and its 村民小组. */
export const villages = sqliteTable('villages', {
  regionCode: text('region_code').primaryKey(),
  record: text('record', { mode: 'json' }).notNull(),
  attribute: text('attribute').generatedAlwaysAs(sql`json_extract(record, '$.attribute')`, { mode: 'virtual' }),
  updatedAt: text('updated_at').notNull(),
});

export const villageGroups = sqliteTable(
  'village_groups',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('village_groups_name').on(t.regionCode, t.name)],
);

/** 户: the household form of the current data year. */
export const households = sqliteTable(
  'households',
  {
    id: text('id').primaryKey(),
    /** The village (12-digit code); scope checks and the region tree hang on this. */
    regionCode: text('region_code').notNull(),
    record: text('record', { mode: 'json' }).notNull(),
    headName: text('head_name').generatedAlwaysAs(sql`json_extract(record, '$.headName')`, { mode: 'virtual' }),
    headIdNumber: text('head_id_number').generatedAlwaysAs(sql`json_extract(record, '$.headIdNumber')`, { mode: 'virtual' }),
    householdNumber: text('household_number').generatedAlwaysAs(sql`json_extract(record, '$.householdNumber')`, { mode: 'virtual' }),
    groupName: text('group_name').generatedAlwaysAs(sql`json_extract(record, '$.groupName')`, { mode: 'virtual' }),
    attribute: text('attribute').generatedAlwaysAs(sql`json_extract(record, '$.attribute')`, { mode: 'virtual' }),
    mainCause: text('main_cause').generatedAlwaysAs(sql`json_extract(record, '$.mainCause')`, { mode: 'virtual' }),
    exitStatus: text('exit_status').generatedAlwaysAs(sql`json_extract(record, '$.exitStatus')`, { mode: 'virtual' }),
    dataYear: integer('data_year').generatedAlwaysAs(sql`json_extract(record, '$.dataYear')`, { mode: 'virtual' }),
    /** Pinyin initials of the head's name (张三丰 → zsf), for typing a name the quick way. */
    nameInitials: text('name_initials').notNull().default(''),
    memberCount: integer('member_count').notNull().default(0),
    /** Quality findings of the last check: errors and warnings, for the list's filters. */
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('households_region').on(t.regionCode),
    index('households_head_name').on(t.headName),
    index('households_head_id').on(t.headIdNumber),
    index('households_number').on(t.householdNumber),
    index('households_initials').on(t.nameInitials),
  ],
);

/** 人: a person, independent of which household they belong to now. */
export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    record: text('record', { mode: 'json' }).notNull(),
    name: text('name').generatedAlwaysAs(sql`json_extract(record, '$.name')`, { mode: 'virtual' }),
    idNumber: text('id_number').generatedAlwaysAs(sql`json_extract(record, '$.idNumber')`, { mode: 'virtual' }),
    birthDate: text('birth_date').generatedAlwaysAs(sql`json_extract(record, '$.birthDate')`, { mode: 'virtual' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('persons_id_number').on(t.idNumber), index('persons_name_birth').on(t.name, t.birthDate)],
);

/**
 * Membership of a person in a household over time: joining (birth, marriage in, import) opens a
 * period, leaving (death, marriage out, moving away) closes it. The current members are the
 * open periods.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    relationship: text('relationship'),
    sortOrder: integer('sort_order').notNull().default(0),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    joinReason: text('join_reason'),
    leaveReason: text('leave_reason'),
  },
  (t) => [index('memberships_household').on(t.householdId, t.toDate), index('memberships_person').on(t.personId, t.toDate)],
);

/** 生产生活条件, one per household and year. */
export const conditions = sqliteTable(
  'conditions',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    record: text('record', { mode: 'json' }).notNull(),
  },
  (t) => [uniqueIndex('conditions_household_year').on(t.householdId, t.year)],
);

/** 收入, one per household and income year; the per-capita figure is kept for lists and charts. */
export const incomes = sqliteTable(
  'incomes',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    record: text('record', { mode: 'json' }).notNull(),
    /** 人均纯收入 in fen, computed with domain/registry/income.ts when the record is saved. */
    perCapitaNetFen: integer('per_capita_net_fen'),
  },
  (t) => [uniqueIndex('incomes_household_year').on(t.householdId, t.year)],
);

/** Benefits a household or person received (loans, 低保, relocation, renovation, schooling, health). */
export const benefits = sqliteTable(
  'benefits',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    personId: text('person_id').references(() => persons.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    amount: real('amount'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [index('benefits_household').on(t.householdId)],
);

/**
 * What happened to a household, in order: 首次识别, members joining and leaving, and (with the
 * workflow capability) every identification, exit, return and monitoring step. Status is derived
 * from these, never stored over.
 */
export const householdEvents = sqliteTable(
  'household_events',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    type: text('type').notNull(),
    date: text('date').notNull(),
    year: integer('year').notNull(),
    detail: text('detail', { mode: 'json' }),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('household_events_household').on(t.householdId, t.date), index('household_events_type').on(t.type, t.year)],
);

/** Findings of the data-quality rules, recomputed whenever a household is saved or checked. */
export const qualityFindings = sqliteTable(
  'quality_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    ruleCode: text('rule_code').notNull(),
    severity: text('severity', { enum: ['error', 'warning'] }).notNull(),
    entity: text('entity').notNull(),
    personId: text('person_id'),
    field: text('field'),
    message: text('message').notNull(),
  },
  (t) => [index('quality_findings_household').on(t.householdId), index('quality_findings_rule').on(t.ruleCode, t.regionCode)],
);

/** Administrator edits to the shipped code tables, per version. */
export const codeOverrides = sqliteTable(
  'code_overrides',
  {
    field: text('field').notNull(),
    version: text('version').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('code_overrides_key').on(t.field, t.version, t.code)],
);

/** Year parameters (poverty line, exit target, monitoring line, 低保 classes, …) as edited data. */
export const yearParams = sqliteTable('year_params', {
  year: integer('year').primaryKey(),
  params: text('params', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
