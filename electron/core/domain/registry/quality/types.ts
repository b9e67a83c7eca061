// The shape of the data-quality suite (domain.md §1.9): rules are plain objects so the UI can
// list them, the CLI can count by code, and a caller can run any subset.
import type { CodeTableDefinition } from '../code-tables';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, IsoDate, PersonRecord } from '../types';
import type { YearParams } from '../year-params';

/**
 * 'error' blocks export: the data is truly invalid (bad ID checksum, no or two 户主, impossible
 * values). 'warning' asks for review: the data may be right, but the national checks flag it.
 */
export type Severity = 'error' | 'warning';

export type FindingEntity = 'household' | 'person' | 'conditions' | 'income';

export interface Finding {
  ruleCode: string;
  severity: Severity;
  /** Chinese, naming the field and the rule; never contains names or ID numbers */
  message: string;
  entity: FindingEntity;
  /** Index into `QualityContext.members`, for person findings */
  personIndex?: number;
  /** Property name of the record field concerned (e.g. 'idNumber', 'housingArea') */
  field: string;
}

export interface QualityContext {
  household: HouseholdRecord;
  /** The household's member rows of this year; rows marked as left (死亡, 嫁出 …) are ignored */
  members: readonly PersonRecord[];
  conditions: ConditionsRecord | null;
  income: IncomeRecord | null;
  /** Data year whose code tables and parameters apply */
  year: number;
  params: YearParams;
  /** Ages are computed on this day ('YYYY-MM-DD') */
  asOf: IsoDate;
  /** Number of 帮扶责任人 of the household; the helper rule runs only when this is given */
  helpers?: { count: number };
  /** True when one of the household's 帮扶责任人 is also a registered poor person */
  isHelperPoorPerson?: boolean;
  /** Code tables with administrator overrides; defaults when absent */
  tables?: readonly CodeTableDefinition[];
}

export interface QualityRule {
  /** Stable code, e.g. 'Q-ID-03'; findings and exports refer to it */
  code: string;
  severity: Severity;
  /** Chinese title as shown in the rule list */
  title: string;
  /** Item of the national catalogue (domain.md §1.9, 1–11) the rule belongs to */
  catalogueItem: number;
  check(ctx: QualityContext): Finding[];
}
