// Benefits received (the registry's `benefits` table), each checked against its policy rule
// before it is stored: small loans, 低保, relocation, 危房改造, education and health support.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { benefits, households, memberships, persons } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { BenefitInput } from '../../api/contract/assistance';
import type { BenefitView, AssistanceSaveResult } from '../../api/contract/assistance';
import {
  BENEFIT_KINDS,
  LOAN_TYPES,
  RENOVATION_METHODS,
  checkDibao,
  checkEducation,
  checkHealth,
  checkRelocation,
  checkRenovation,
  checkSmallLoan,
  labelIn,
  yuan,
  type AssistancePolicy,
  type RuleViolation,
} from '../../domain/assistance';
import { labelOf, type CodeTableDefinition } from '../../domain/registry/code-tables';
import type { HouseholdRecord, PersonRecord } from '../../domain/registry/types';
import { effectiveCodeTables, effectiveYearParams } from '../registry/reference-data';
import { readAssistancePolicy } from './policy-store';
import { throwIfErrors } from './violations';

type BenefitRow = typeof benefits.$inferSelect;

/** The stored row of a benefit form: common columns plus the kind's own fields in `detail`. */
function toRow(b: BenefitInput): Omit<typeof benefits.$inferInsert, 'id' | 'householdId'> {
  const common = { kind: b.kind, personId: b.personId, year: b.year, amount: b.amount };
  switch (b.kind) {
    case 'smallLoan':
      return { ...common, startDate: b.startDate, endDate: b.endDate, detail: { purpose: b.purpose, loanType: b.loanType, bank: b.bank, repaidDate: b.repaidDate } };
    case 'dibao':
      return { ...common, startDate: null, endDate: null, detail: { classCode: b.classCode, persons: b.persons } };
    case 'relocation':
      return {
        ...common,
        startDate: b.startDate,
        endDate: null,
        detail: { resettlementMode: b.resettlementMode, resettlementPlace: b.resettlementPlace, persons: b.persons, housingAreaM2: b.housingAreaM2, selfFundingYuan: b.selfFundingYuan },
      };
    case 'housingRenovation':
      return { ...common, startDate: null, endDate: b.endDate, detail: { grade: b.grade, method: b.method } };
    case 'education':
    case 'health':
      return { ...common, startDate: null, endDate: null, detail: { program: b.program } };
  }
}

interface Member {
  personId: string;
  record: PersonRecord;
}

function currentMembers(db: Db, householdId: string): Member[] {
  return db
    .select({ personId: persons.id, record: persons.record })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.householdId, householdId), isNull(memberships.toDate)))
    .orderBy(memberships.sortOrder)
    .all()
    .map((m) => ({ personId: m.personId, record: m.record as PersonRecord }));
}

const detailOf = (row: BenefitRow): Record<string, unknown> => (row.detail ?? {}) as Record<string, unknown>;

function checkBenefit(
  b: BenefitInput,
  ctx: { members: Member[]; others: BenefitRow[]; household: HouseholdRecord; policy: AssistancePolicy; tables: readonly CodeTableDefinition[]; db: Db },
): RuleViolation[] {
  const member = b.personId ? (ctx.members.find((m) => m.personId === b.personId)?.record ?? null) : null;
  const sameKind = ctx.others.filter((o) => o.kind === b.kind);
  const params = effectiveYearParams(ctx.db, b.year);
  const size = ctx.members.length;
  switch (b.kind) {
    case 'smallLoan':
      return checkSmallLoan(
        { amount: b.amount ?? 0, startDate: b.startDate, endDate: b.endDate, purpose: b.purpose, repaidDate: b.repaidDate },
        {
          borrower: member,
          otherLoans: sameKind.map((o) => ({ startDate: o.startDate ?? '', endDate: o.endDate ?? '', repaidDate: (detailOf(o).repaidDate as string | null) ?? null })),
          householdEligible: ctx.household.exitStatus === null || ctx.policy.coverage.coveredExitStatuses.includes(ctx.household.exitStatus),
          params: effectiveYearParams(ctx.db, Number(b.startDate.slice(0, 4)) || b.year),
          policy: ctx.policy,
        },
      );
    case 'dibao': {
      const list = checkDibao({ year: b.year, classCode: b.classCode, persons: b.persons, amount: b.amount }, { params, householdSize: size, membersReceivingDibao: ctx.members.filter((m) => m.record.receivesDibao === true).length });
      const twice = sameKind.find((o) => o.year === b.year);
      if (twice) list.push({ rule: 'DIBAO-ONCE', severity: 'error', field: 'year', message: `「年度」：本户 ${b.year} 年的低保已经登记（规则：每户每年登记一条低保记录）` });
      return list;
    }
    case 'relocation':
      return checkRelocation(
        { resettlementMode: b.resettlementMode, persons: b.persons, housingAreaM2: b.housingAreaM2, selfFundingYuan: b.selfFundingYuan, amount: b.amount },
        { year: b.year, params, tables: ctx.tables, householdSize: size, earlier: sameKind },
      );
    case 'housingRenovation':
      return checkRenovation({ grade: b.grade, method: b.method, amount: b.amount }, { policy: ctx.policy, earlier: sameKind, year: b.year, tables: ctx.tables });
    case 'education':
      return checkEducation(
        { year: b.year, program: b.program, amount: b.amount },
        { student: member, policy: ctx.policy, tables: ctx.tables, sameProgramThisYear: sameKind.filter((o) => o.year === b.year && o.personId === b.personId && detailOf(o).program === b.program).length },
      );
    case 'health':
      return checkHealth({ year: b.year, program: b.program, amount: b.amount }, { member, policy: ctx.policy, tables: ctx.tables });
  }
}

export function saveBenefit(station: Station, actor: Actor, input: { id: string | null; householdId: string; benefit: BenefitInput }): AssistanceSaveResult {
  const db = station.db;
  const h = db.select().from(households).where(eq(households.id, input.householdId)).get();
  if (!h) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const existing = input.id ? db.select().from(benefits).where(eq(benefits.id, input.id)).get() : undefined;
  if (input.id && (!existing || existing.householdId !== h.id)) throw new AppError('NOT_FOUND', '该政策记录不存在或不属于本户');
  if (existing && existing.kind !== input.benefit.kind) throw new AppError('INVALID_INPUT', '政策类别不能修改，请删除后重新登记');
  const members = currentMembers(db, h.id);
  if (input.benefit.personId && !members.some((m) => m.personId === input.benefit.personId)) {
    // a former member's old benefit may still be corrected; a new one needs a current member
    if (!existing || existing.personId !== input.benefit.personId) throw new AppError('INVALID_INPUT', '成员：不是本户现有成员');
  }
  const others = db.select().from(benefits).where(eq(benefits.householdId, h.id)).all().filter((o) => o.id !== input.id);
  const label = labelIn(BENEFIT_KINDS, input.benefit.kind) ?? '享受政策';
  const warnings = throwIfErrors(
    checkBenefit(input.benefit, { members, others, household: h.record as HouseholdRecord, policy: readAssistancePolicy(db), tables: effectiveCodeTables(db), db }),
    label,
  );
  const id = existing?.id ?? randomUUID();
  runWrite(
    db,
    actor,
    { action: existing ? 'assistance.benefit.update' : 'assistance.benefit.create', entity: 'household', entityId: h.id },
    (w) => {
      const row = toRow(input.benefit);
      if (existing) w.update(benefits, id, row);
      else w.insert(benefits, { id, householdId: h.id, ...row });
    },
    station.clock(),
  );
  return { id, warnings };
}

export function deleteBenefit(station: Station, actor: Actor, id: string): void {
  const b = station.db.select().from(benefits).where(eq(benefits.id, id)).get();
  if (!b) throw new AppError('NOT_FOUND', '该政策记录不存在');
  runWrite(station.db, actor, { action: 'assistance.benefit.delete', entity: 'household', entityId: b.householdId }, (w) => void w.remove(benefits, id), station.clock());
}

/** One line per benefit: what, how much, for whom, when. */
function summarize(db: Db, row: BenefitRow, tables: readonly CodeTableDefinition[], policy: AssistancePolicy, personName: string | null): string {
  const d = detailOf(row);
  const money = row.amount === null ? '' : `${yuan(row.amount)} 元`;
  const who = personName ? `${personName}，` : '';
  switch (row.kind) {
    case 'smallLoan': {
      const purpose = policy.loanPurposes.find((p) => p.code === d.purpose)?.label ?? '';
      const type = labelIn(LOAN_TYPES, d.loanType as string | null) ?? '';
      const repaid = d.repaidDate ? `，${String(d.repaidDate)} 结清` : '，未结清';
      return `${who}${type}贷款 ${money}，${row.startDate} 至 ${row.endDate}，用于${purpose}${repaid}`;
    }
    case 'dibao':
      return `${row.year} 年低保${effectiveYearParams(db, row.year).dibaoClasses.find((c) => c.classCode === d.classCode)?.label ?? ''}，${String(d.persons ?? '')} 人，${money}`;
    case 'relocation':
      return `${labelOf('resettlementMode', d.resettlementMode as string | null, row.year, tables) ?? ''}，${String(d.persons ?? '')} 人，住房 ${d.housingAreaM2 ?? '—'} 平方米，补助 ${money}`;
    case 'housingRenovation':
      return `${labelOf('dilapidationGrade', d.grade as string | null, row.year, tables) ?? ''}${labelIn(RENOVATION_METHODS, d.method as string | null) ?? ''}，补助 ${money}`;
    case 'education':
      return `${who}${policy.education.find((p) => p.code === d.program)?.label ?? ''} ${money}`;
    case 'health':
      return `${who}${policy.health.find((p) => p.code === d.program)?.label ?? ''} ${money}`;
    default:
      return `${row.kind} ${money}`;
  }
}

export function benefitViews(db: Db, householdId: string): BenefitView[] {
  const tables = effectiveCodeTables(db);
  const policy = readAssistancePolicy(db);
  const rows = db.select().from(benefits).where(eq(benefits.householdId, householdId)).orderBy(desc(benefits.year), desc(benefits.startDate)).all();
  const names = new Map(
    db
      .select({ id: persons.id, name: persons.name })
      .from(memberships)
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .where(eq(memberships.householdId, householdId))
      .all()
      .map((p) => [p.id, p.name]),
  );
  return rows.map((r) => {
    const personName = r.personId ? (names.get(r.personId) ?? null) : null;
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: labelIn(BENEFIT_KINDS, r.kind) ?? r.kind,
      year: r.year,
      personId: r.personId,
      personName,
      amount: r.amount,
      startDate: r.startDate,
      endDate: r.endDate,
      detail: detailOf(r),
      summary: summarize(db, r, tables, policy, personName),
    };
  });
}

export { currentMembers };
