// The code lists of the assistance pages for one year, so the renderer never holds its own copy.
import type { Station } from '../../station';
import type { AssistanceCatalog } from '../../api/contract/assistance';
import { codeTable } from '../../domain/registry/code-tables';
import {
  BENEFIT_KINDS,
  CADRE_EDUCATION,
  FUND_SOURCES,
  LEDGER_KINDS,
  LOAN_TYPES,
  MEASURE_STATUSES,
  RENOVATION_METHODS,
  TEAM_ROLES,
} from '../../domain/assistance';
import { effectiveCodeTables, effectiveYearParams } from '../registry/reference-data';
import { readAssistancePolicy } from './policy-store';

const plain = (list: readonly { code: string; label: string }[]) => list.map(({ code, label }) => ({ code, label }));

export function assistanceCatalog(station: Station, year: number): AssistanceCatalog {
  const tables = effectiveCodeTables(station.db);
  const params = effectiveYearParams(station.db, year);
  const policy = readAssistancePolicy(station.db);
  const table = (field: Parameters<typeof codeTable>[0]) => plain(codeTable(field, year, tables));
  return {
    year,
    quotaName: policy.quota.name,
    ranks: policy.quota.ranks.map((r) => ({ code: r.code, label: r.label, maxHouseholds: r.maxHouseholds })),
    affiliations: table('affiliation'),
    politicalStatus: table('politicalStatus'),
    education: plain(CADRE_EDUCATION),
    teamRoles: plain(TEAM_ROLES),
    measureCategories: table('assistanceMeasure'),
    fundSources: plain(FUND_SOURCES),
    measureStatuses: plain(MEASURE_STATUSES),
    ledgerKinds: plain(LEDGER_KINDS),
    benefitKinds: plain(BENEFIT_KINDS),
    loanPurposes: policy.loanPurposes.map((p) => ({ code: p.code, label: p.label, productive: p.productive })),
    loanTypes: plain(LOAN_TYPES),
    dibaoClasses: params.dibaoClasses.map((c) => ({ code: c.classCode, label: c.label, annualAmount: c.annualAmount })),
    resettlementModes: table('resettlementMode'),
    dilapidationGrades: table('dilapidationGrade').filter((g) => g.code !== '01'),
    renovationMethods: plain(RENOVATION_METHODS),
    educationPrograms: policy.education.map((p) => ({ code: p.code, label: p.label, capPerStudentYuan: p.capPerStudentYuan })),
    healthPrograms: plain(policy.health),
    smallLoan: { maxAmountYuan: params.smallLoan.maxAmountYuan, maxTermYears: params.smallLoan.maxTermYears, minAge: params.smallLoan.minAge, maxAge: params.smallLoan.maxAge },
    minDaysInVillage: policy.coverage.minDaysInVillage,
  };
}
