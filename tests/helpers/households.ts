import { makeIdNumber } from '../../electron/core/domain/registry/id-number';
import { emptyRecord, CONDITIONS_FIELDS, HOUSEHOLD_FIELDS, INCOME_FIELDS, PERSON_FIELDS } from '../../electron/core/domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../electron/core/domain/registry/types';

let seq = 1;
const nextSeq = (male: boolean): number => {
  seq = (seq + 2) % 998;
  return male ? seq | 1 : (seq | 1) - 1 || 2;
};

export function person(name: string, relationship: string, birthDate: string, male: boolean, extra: Partial<PersonRecord> = {}): PersonRecord {
  const adult = Number(birthDate.slice(0, 4)) <= 2002;
  return emptyRecord<PersonRecord>(PERSON_FIELDS, {
    name,
    sex: male ? '1' : '2',
    idType: '01',
    idNumber: makeIdNumber('620422', birthDate, nextSeq(male)),
    birthDate,
    relationship,
    ethnicity: '01',
    politicalStatus: '13',
    education: adult ? '03' : null,
    studentStatus: adult ? null : '03',
    health: ['01'],
    labourSkill: adult ? '01' : null,
    migrantMonths: 0,
    receivesDibao: false,
    receivesWubao: false,
    hasRuralMedicalInsurance: true,
    hasEmployeeMedicalInsurance: false,
    hasCriticalIllnessInsurance: true,
    hasResidentPension: adult,
    hasEmployeePension: false,
    isActiveMilitary: false,
    ...extra,
  });
}

/** A plausible four-person household of 2020 in the given village. */
export function family(regionCode: string, headName: string, overrides: Partial<HouseholdRecord> = {}) {
  const members = [
    person(headName, '01', '1975-04-12', true),
    person(`${headName.slice(0, 1)}妻`, '02', '1977-09-03', false, { name: '李秀英' }),
    person(`${headName.slice(0, 1)}小明`, '03', '2008-02-20', true),
    person(`${headName.slice(0, 1)}小红`, '04', '2011-06-15', false),
  ];
  const household = emptyRecord<HouseholdRecord>(HOUSEHOLD_FIELDS, {
    dataYear: 2020,
    regionCode,
    groupName: '一社',
    headName,
    headIdNumber: members[0]!.idNumber,
    householdSize: 4,
    phone: '13909431234',
    identificationStandard: '1',
    attribute: '1',
    mainCause: '09',
    otherCauses: ['07'],
    exitStatus: '0',
    firstIdentifiedDate: '2014-06-01',
    plannedExitYear: 2020,
    relocation: null,
    ...overrides,
  });
  const conditions = emptyRecord<ConditionsRecord>(CONDITIONS_FIELDS, {
    dataYear: 2020,
    farmlandArea: 18,
    irrigatedArea: 0,
    forestArea: 2,
    hasProductionPower: true,
    hasHouseholdPower: true,
    hasRadioTv: true,
    distanceToMainRoadKm: 1.5,
    roadType: '03',
    housingArea: 90,
    housingStructure: '03',
    isDilapidated: false,
    waterDifficulty: false,
    waterSafe: true,
    fuelType: '01',
    hasSanitaryToilet: true,
    joinedCooperative: true,
  });
  const income = emptyRecord<IncomeRecord>(INCOME_FIELDS, {
    year: 2020,
    wageIncome: 0,
    productionIncome: 9000,
    productionExpense: 2500,
    assetDividendIncome: 300,
    landTransferIncome: 0,
    otherPropertyIncome: 0,
    familyPlanningIncome: 0,
    dibaoIncome: 0,
    wubaoIncome: 0,
    pensionIncome: 0,
    ecoCompensationIncome: 400,
    otherTransferIncome: 0,
  });
  return { household, members: members.map((record) => ({ personId: null, record })), conditions, income, leaving: [] };
}
