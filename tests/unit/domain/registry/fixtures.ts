// A clean 2018 household that passes every quality rule; each test changes one thing.
import { makeIdNumber } from '../../../../electron/core/domain/registry/id-number';
import {
  emptyConditionsRecord,
  emptyHouseholdRecord,
  emptyIncomeRecord,
  emptyPersonRecord,
} from '../../../../electron/core/domain/registry/record-defaults';
import type { QualityContext } from '../../../../electron/core/domain/registry/quality/types';
import type { PersonRecord } from '../../../../electron/core/domain/registry/types';
import { defaultYearParams } from '../../../../electron/core/domain/registry/year-params';

export const AREA = '620422'; // 会宁县
export const YEAR = 2018;
export const AS_OF = '2018-12-31';

export function person(over: Partial<PersonRecord> & { birth: string; seq: string }): PersonRecord {
  const { birth, seq, ...rest } = over;
  return {
    ...emptyPersonRecord(),
    idType: '01',
    idNumber: makeIdNumber(AREA, birth, seq),
    birthDate: birth,
    sex: Number(seq) % 2 === 1 ? '1' : '2',
    ethnicity: '01',
    politicalStatus: '13',
    health: ['01'],
    receivesDibao: false,
    receivesWubao: false,
    hasRuralMedicalInsurance: true,
    hasEmployeeMedicalInsurance: false,
    hasCriticalIllnessInsurance: true,
    hasResidentPension: true,
    hasEmployeePension: false,
    isActiveMilitary: false,
    ...rest,
  };
}

/** Head (48, migrant), spouse (46, chronic illness), son (13, 七年级), daughter (6, 小学). */
export function cleanContext(year = YEAR): QualityContext {
  const head = person({ birth: '1970-03-15', seq: '011', name: '张建国', relationship: '01', education: '03', labourSkill: '01', migrantMonths: 6, migrantPlace: '新疆' });
  const spouse = person({ birth: '1972-06-01', seq: '022', name: '李秀英', relationship: '02', education: '02', labourSkill: '01', health: ['02'] });
  const son = person({ birth: '2005-09-01', seq: '031', name: '张伟', relationship: '03', studentStatus: '04' });
  const daughter = person({ birth: '2012-02-10', seq: '042', name: '张丽', relationship: '04', studentStatus: '03' });
  const household = {
    ...emptyHouseholdRecord(year, '620422101001'),
    householdNumber: '6204220000000001',
    headName: '张建国',
    headIdNumber: head.idNumber,
    householdSize: 4,
    labourerCount: 2,
    phone: '13800000000',
    identificationStandard: '1',
    attribute: '1',
    mainCause: '01',
    otherCauses: ['07'],
    exitStatus: '0',
    firstIdentifiedDate: '2014-06-01',
  };
  const conditions = {
    ...emptyConditionsRecord(year),
    farmlandArea: 10,
    irrigatedArea: 5,
    forestArea: 2,
    grainToForestArea: 1,
    orchardArea: 0,
    pastureArea: 0,
    waterSurfaceArea: 0,
    joinedCooperative: true,
    ledByEnterprise: false,
    ledByEntrepreneur: false,
    hasProductionPower: true,
    hasHouseholdPower: true,
    hasRadioTv: true,
    distanceToMainRoadKm: 1.5,
    roadType: '03',
    housingArea: 80,
    housingStructure: '02',
    isDilapidated: false,
    waterDifficulty: false,
    waterSafe: true,
    fuelType: '01',
    hasSanitaryToilet: true,
  };
  // Gross 27 600, net 25 600, per capita 6 400.
  const income = {
    ...emptyIncomeRecord(year),
    wageIncome: 20000,
    productionIncome: 5000,
    productionExpense: 2000,
    assetDividendIncome: 300,
    landTransferIncome: 200,
    dibaoIncome: 0,
    wubaoIncome: 0,
    pensionIncome: 1200,
    ecoCompensationIncome: 800,
    otherTransferIncome: 100,
  };
  return {
    household,
    members: [head, spouse, son, daughter],
    conditions,
    income,
    year,
    params: defaultYearParams(year),
    asOf: year === YEAR ? AS_OF : `${year}-12-31`,
    helpers: { count: 1 },
    isHelperPoorPerson: false,
  };
}

/** A deep copy to mutate: members, records and params are all fresh objects. */
export function mutate(change: (ctx: QualityContext & { members: PersonRecord[] }) => void, year = YEAR): QualityContext {
  const ctx = structuredClone(cleanContext(year)) as QualityContext & { members: PersonRecord[] };
  change(ctx);
  return ctx;
}

export const HEAD = 0;
export const SPOUSE = 1;
export const SON = 2;
export const DAUGHTER = 3;
