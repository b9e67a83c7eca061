// Opening a case. An applicant who is not yet in the registry gets a household record of its
// own (户主 only, 户类型 一般农户) without the 首次识别 event the registry page writes: the
// household becomes 贫困户 only through the county's decision at the end of the case.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Station } from '../../station';
import { households, memberships, persons, workflowCases } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { emptyRecord, HOUSEHOLD_FIELDS, PERSON_FIELDS } from '../../domain/registry/field-specs';
import { canonicalId18, idInfoOf, normalizeIdNumber } from '../../domain/registry/id-number';
import { isKnownCode } from '../../domain/registry/code-tables';
import { nameInitials } from '../../domain/name-initials';
import { isRegionCode, levelOfCode, regionWithin } from '../../domain/region-code';
import type { HouseholdRecord, PersonRecord } from '../../domain/registry/types';
import { STAGES, type CaseKind } from '../../domain/workflow/case-kinds';
import { refuseDatedChange } from '../../domain/workflow/year-close';
import { yearOfDate } from '../../domain/workflow/dates';
import type { CaseDetail } from '../../api/contract/workflow';
import { getRegion } from '../regions';
import { regionName } from '../registry/region-names';
import { effectiveCodeTables } from '../registry/reference-data';
import { appendStep, eventPrefix, refreshCase, writeEvent, type CaseRow, type LogContext } from './case-log';
import { caseDetail } from './case-view';
import { closedYears, householdRow, statusOf, type HouseholdRow } from './facts';
import { requireNotFuture, type WorkflowActor } from './access';

export interface OpenIdentificationInput {
  kind: 'identification' | 'return';
  householdId: string | null;
  applicant: { regionCode: string; groupName: string | null; headName: string; headIdNumber: string; phone: string | null } | null;
  applicationDate: string;
  reason: string;
  attribute: string | null;
  mainCause: string | null;
}

/** No household may have two open cases of the same family at once. */
export function refuseOpenCase(station: Station, householdId: string, kinds: CaseKind[]): void {
  const open = station.db
    .select({ id: workflowCases.id, kind: workflowCases.kind })
    .from(workflowCases)
    .where(and(eq(workflowCases.householdId, householdId), eq(workflowCases.outcome, 'open'), inArray(workflowCases.kind, kinds)))
    .get();
  if (open) throw new AppError('CONFLICT', '该户已有一个未办结的同类案件，请先办结或撤回');
}

/** Creates the case row and its opening step, inside a write. */
export function insertCase(ctx: LogContext, fields: { kind: CaseKind; household: Pick<HouseholdRow, 'id' | 'regionCode'>; year: number; date: string; data: Record<string, unknown>; cohortId?: string; monitoringId?: string }): CaseRow {
  const id = randomUUID();
  const c = ctx.w.insert(workflowCases, {
    id,
    kind: fields.kind,
    householdId: fields.household.id,
    regionCode: fields.household.regionCode,
    year: fields.year,
    cohortId: fields.cohortId ?? null,
    monitoringId: fields.monitoringId ?? null,
    data: fields.data,
    outcome: 'open',
    currentStage: STAGES[fields.kind][0]!.code,
    openedBy: ctx.username,
    openedAt: ctx.nowIso,
    updatedAt: ctx.nowIso,
  });
  const first = STAGES[fields.kind][0]!;
  // Identification, 返贫 and monitoring open with the household's application as their first step.
  if (first.code === 'apply' || first.code === 'report') {
    appendStep(ctx, c, { stage: first.code, action: 'complete', outcome: 'pass', date: fields.date, data: fields.data, summary: String(fields.data.reason ?? fields.data.note ?? '') });
  }
  return refreshCase(ctx, id);
}

function applicantHousehold(station: Station, a: NonNullable<OpenIdentificationInput['applicant']>, year: number, date: string) {
  if (!isRegionCode(a.regionCode) || levelOfCode(a.regionCode) !== 'village' || !getRegion(station.db, a.regionCode)) {
    throw new AppError('INVALID_INPUT', `所在村：${a.regionCode} 不是本县的村（社区）区划代码`);
  }
  const idNumber = normalizeIdNumber(a.headIdNumber);
  const info = idInfoOf(idNumber);
  if (!info) throw new AppError('INVALID_INPUT', '户主证件号码：不是有效的居民身份证号码（位数、出生日期或校验位有误）');
  const canonical = canonicalId18(idNumber) ?? idNumber;
  const clash = station.db
    .select({ regionCode: households.regionCode })
    .from(persons)
    .innerJoin(memberships, and(eq(memberships.personId, persons.id), isNull(memberships.toDate)))
    .innerJoin(households, eq(households.id, memberships.householdId))
    .where(eq(persons.idNumber, canonical))
    .get();
  if (clash) throw new AppError('CONFLICT', `户主证件号码已是${regionName(station.db, clash.regionCode)}一户的现有成员：请在该户上办理申请`);
  const household: HouseholdRecord = emptyRecord<HouseholdRecord>(HOUSEHOLD_FIELDS, {
    dataYear: year,
    regionCode: a.regionCode,
    groupName: a.groupName,
    headName: a.headName,
    headIdNumber: canonical,
    householdSize: 1,
    phone: a.phone,
    householdType: '3',
    relocation: null,
    valid: true,
    filledDate: date,
  });
  const head: PersonRecord = emptyRecord<PersonRecord>(PERSON_FIELDS, {
    name: a.headName,
    sex: info.sex,
    idType: '01',
    idNumber: canonical,
    birthDate: info.birthDate,
    relationship: '01',
    phone: a.phone,
  });
  return { household, head };
}

export function openIdentification(station: Station, who: WorkflowActor, input: OpenIdentificationInput): CaseDetail {
  if ((input.householdId === null) === (input.applicant === null)) throw new AppError('INVALID_INPUT', '请选择已登记的户，或填写新申请户的户主信息（二者选一）');
  if (input.kind === 'return' && input.householdId === null) throw new AppError('INVALID_INPUT', '返贫排查须针对已脱贫的建档立卡户');
  requireNotFuture(station, input.applicationDate, '申请日期');
  const refusal = refuseDatedChange(input.applicationDate, closedYears(station.db));
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const year = yearOfDate(input.applicationDate);
  const tables = effectiveCodeTables(station.db);
  if (input.attribute !== null && !isKnownCode('attribute', input.attribute, year, tables)) throw new AppError('INVALID_INPUT', `贫困户属性：代码「${input.attribute}」不在${year}年的代码表中`);
  if (input.mainCause !== null && !isKnownCode('cause', input.mainCause, year, tables)) throw new AppError('INVALID_INPUT', `主要致贫原因：代码「${input.mainCause}」不在${year}年的代码表中`);

  let existing: HouseholdRow | null = null;
  if (input.householdId) {
    existing = householdRow(station.db, input.householdId);
    const status = statusOf(station.db, existing, input.applicationDate).status;
    if (input.kind === 'identification' && status !== 'none' && status !== 'removed') {
      throw new AppError('CONFLICT', status === 'exited' ? '该户已脱贫：再次致贫请办理返贫排查' : '该户已是建档立卡贫困户或正在申请，不能重复申请识别');
    }
    if (input.kind === 'return' && status !== 'exited') throw new AppError('CONFLICT', '只有已脱贫户才能办理返贫认定');
    refuseOpenCase(station, existing.id, ['identification', 'return']);
  } else if (input.applicant && !regionWithin(who.scopeCode, input.applicant.regionCode)) {
    throw new AppError('SCOPE_DENIED', '所访问的数据不在您的管辖范围内');
  }
  const applicant = input.applicant ? applicantHousehold(station, input.applicant, year, input.applicationDate) : null;
  const now = station.clock();
  const nowIso = now.toISOString();
  const data = { applicationDate: input.applicationDate, reason: input.reason, attribute: input.attribute, mainCause: input.mainCause, newApplicant: applicant !== null };

  const caseId = runWrite(
    station.db,
    who.actor,
    { action: `workflow.${input.kind}.open`, entity: 'workflow_case' },
    (w) => {
      const ctx: LogContext = { w, db: station.db, username: who.actor.username, nowIso };
      let household: Pick<HouseholdRow, 'id' | 'regionCode'>;
      if (applicant) {
        const householdId = randomUUID();
        const personId = randomUUID();
        w.insert(households, {
          id: householdId,
          regionCode: input.applicant!.regionCode,
          record: applicant.household,
          nameInitials: nameInitials(applicant.household.headName),
          memberCount: 1,
          createdAt: nowIso,
          updatedAt: nowIso,
        });
        w.insert(persons, { id: personId, record: applicant.head, createdAt: nowIso, updatedAt: nowIso });
        w.insert(memberships, { id: randomUUID(), householdId, personId, relationship: '01', sortOrder: 0, fromDate: input.applicationDate, joinReason: null });
        household = { id: householdId, regionCode: input.applicant!.regionCode };
      } else household = existing!;
      const c = insertCase(ctx, { kind: input.kind, household, year, date: input.applicationDate, data });
      writeEvent(ctx, household.id, `${eventPrefix(input.kind)}.applied`, input.applicationDate, { caseId: c.id, reason: input.reason });
      w.note('caseKind', input.kind);
      return c.id;
    },
    now,
  );
  return caseDetail(station, who, caseId);
}
