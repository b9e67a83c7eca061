import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households } from './registry';

// Assistance forces (双联, 驻村帮扶) and the three household books (脱贫计划, 帮扶措施, 工作台账).
// Benefits received (loans, 低保, relocation, renovation, schooling, health) use the registry's
// `benefits` table. Every table carries either a region_code or a household_id, so that scope
// checks (and the exchange's owner rules) find the region a row belongs to.

/** 帮扶单位, with 隶属关系 (affiliation code: 01 中央 … 07 其他). */
export const assistanceUnits = sqliteTable(
  'assistance_units',
  {
    id: text('id').primaryKey(),
    /** The office that keeps the record (county or township code); it alone edits it. */
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    affiliation: text('affiliation').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('assistance_units_name').on(t.name), index('assistance_units_region').on(t.regionCode)],
);

/** The villages a unit is linked to (联村), with the period. */
export const assistanceUnitVillages = sqliteTable(
  'assistance_unit_villages',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => assistanceUnits.id),
    /** The village (12-digit code) */
    regionCode: text('region_code').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
  },
  (t) => [index('assistance_unit_villages_unit').on(t.unitId), index('assistance_unit_villages_region').on(t.regionCode)],
);

/** 帮扶责任人 (domain.md §1.7): a cadre of a unit. 隶属关系 is the unit's. */
export const assistanceCadres = sqliteTable(
  'assistance_cadres',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => assistanceUnits.id),
    name: text('name').notNull(),
    /** GB/T 2261.1, read from the ID number */
    sex: text('sex'),
    /** Normalised 18-digit form where there is one: matched against registered persons */
    idNumber: text('id_number').notNull(),
    phone: text('phone').notNull(),
    /** 派出单位职务 (aak888) */
    position: text('position'),
    /** 政治面貌 (aak033), registry code table `politicalStatus` */
    politicalStatus: text('political_status'),
    /** 行政职务级别 (aaf031), a rank of the quota rule */
    rank: text('rank').notNull(),
    /** 学历 (aak036) */
    education: text('education'),
    /** 技术特长 (aak037) */
    speciality: text('speciality'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('assistance_cadres_id_number').on(t.idNumber), index('assistance_cadres_unit').on(t.unitId), index('assistance_cadres_region').on(t.regionCode)],
);

/** 驻村工作队: one per poor village at a time. */
export const assistanceTeams = sqliteTable(
  'assistance_teams',
  {
    id: text('id').primaryKey(),
    /** The village (12-digit code) */
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    /** 派出单位 */
    unitId: text('unit_id').references(() => assistanceUnits.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('assistance_teams_region').on(t.regionCode, t.fromDate)],
);

/** A cadre's service in a team: role (队长/副队长/队员/包村干部), 第一书记 flag, period, days in the village per year. */
export const assistanceTeamMembers = sqliteTable(
  'assistance_team_members',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => assistanceTeams.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => assistanceCadres.id),
    role: text('role').notNull(),
    isFirstSecretary: integer('is_first_secretary', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    /** { "2018": 230 }: 驻村天数 by year */
    daysInVillage: text('days_in_village', { mode: 'json' }).notNull(),
  },
  (t) => [index('assistance_team_members_team').on(t.teamId), index('assistance_team_members_cadre').on(t.cadreId)],
);

/** Cadre ↔ household pairing with its period (national AC08: aar020 / aar021). */
export const assistancePairings = sqliteTable(
  'assistance_pairings',
  {
    id: text('id').primaryKey(),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => assistanceCadres.id),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    endReason: text('end_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('assistance_pairings_household').on(t.householdId, t.toDate), index('assistance_pairings_cadre').on(t.cadreId, t.toDate)],
);

/** 脱贫计划: one per household and year, indicator rows (baseline, plan, actual) as JSON. */
export const assistancePlans = sqliteTable(
  'assistance_plans',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    plannedExitYear: integer('planned_exit_year'),
    /** 帮扶时限, e.g. 2016—2018 */
    period: text('period'),
    /** 发展目标 */
    goal: text('goal'),
    indicators: text('indicators', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('assistance_plans_household_year').on(t.householdId, t.year)],
);

/** 帮扶措施: one row per measure. */
export const assistanceMeasures = sqliteTable(
  'assistance_measures',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    year: integer('year').notNull(),
    /** registry code table `assistanceMeasure` of the year */
    category: text('category').notNull(),
    projectName: text('project_name').notNull(),
    fundSource: text('fund_source'),
    /** 投入金额 (元) */
    amount: real('amount'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    /** 实际收益, as written */
    benefit: text('benefit'),
    /** 实际收益 (元), for sums */
    benefitAmount: real('benefit_amount'),
    responsibleUnitId: text('responsible_unit_id').references(() => assistanceUnits.id),
    responsibleCadreId: text('responsible_cadre_id').references(() => assistanceCadres.id),
    /** planned / inProgress / done / cancelled */
    status: text('status').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('assistance_measures_household').on(t.householdId, t.year), index('assistance_measures_cadre').on(t.responsibleCadreId)],
);

/** 工作台账: dated visits and work by a cadre, with the problem solved. */
export const assistanceLedger = sqliteTable(
  'assistance_ledger',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    cadreId: text('cadre_id')
      .notNull()
      .references(() => assistanceCadres.id),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    content: text('content').notNull(),
    problemSolved: text('problem_solved'),
    /** 户主签字 on the paper ledger */
    headSigned: integer('head_signed', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('assistance_ledger_household').on(t.householdId, t.date), index('assistance_ledger_cadre').on(t.cadreId, t.date)],
);
