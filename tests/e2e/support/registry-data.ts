// Households for the registry tests, saved through the API (registry.saveHousehold) like a clerk
// would: valid ID numbers, one 户主, plausible conditions and income, so that core saves them
// (errors are refused) and the quality rules find only the warnings real data has.
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord, RegionNode } from '../../../electron/core/api/contract';
import type { StationApi } from './api-client';
import { idNumber } from './id-number';

const COUNTY = '620422';
const SURNAMES = ['张', '王', '李', '刘', '杨', '赵', '陈', '马', '魏', '柴', '郭', '何', '牛', '孙', '徐', '高', '汪', '田'];
const MEN = ['建国', '志强', '国福', '永红', '文斌', '军', '海龙', '进才', '得福', '生荣', '万林', '明德', '有福', '宏伟', '玉林', '成刚', '世明', '振华', '德贵', '满仓', '天佑', '占彪', '鹏程', '学军'];
const WOMEN = ['秀英', '桂兰', '玉梅', '淑珍', '彩霞', '春花', '巧玲', '红梅', '小燕', '丽娟', '金花', '慧琴', '兰芳', '翠萍', '海燕', '雪梅'];
const KIDS_M = ['小明', '小军', '文博', '子豪', '浩然', '俊杰'];
const KIDS_F = ['小红', '小芳', '欣怡', '雨涵', '佳琪', '梦瑶'];
const GROUPS = ['一社', '二社', '三社', '四社', '五社', '六社'];
const CAUSES = ['09', '07', '05', '06', '08', '01', '03', '04'];

let personSerial = 0;
/** A birth date in `year` and a sequence no other test person of that year shares. */
function uniqueId(year: number, male: boolean): { id: string; birthDate: string } {
  const n = personSerial++;
  const day = new Date(Date.UTC(year, 0, 1 + (n % 365)));
  const birthDate = day.toISOString().slice(0, 10);
  const seq = (Math.floor(n / 365) % 500) * 2 + (male ? 1 : 0);
  return { id: idNumber(COUNTY, birthDate, seq), birthDate };
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
/** A well-mixed number from an index (Knuth's multiplicative hash), so names do not repeat in step. */
const mix = (i: number, salt: number): number => (Math.imul(i + salt * 7919, 2654435761) >>> 0) >>> 7;

function person(name: string, relationship: string, year: number, male: boolean, extra: Partial<PersonRecord> = {}): PersonRecord {
  const { id, birthDate } = uniqueId(year, male);
  const adult = year <= 2002;
  return {
    personNumber: null,
    name,
    sex: male ? '1' : '2',
    idType: '01',
    idNumber: id,
    birthDate,
    relationship,
    ethnicity: '01',
    politicalStatus: '13',
    education: adult ? '03' : null,
    studentStatus: adult ? null : '03',
    dropoutReason: null,
    health: ['01'],
    diseaseName: null,
    diseaseGrade: null,
    disabilityCategory: null,
    disabilityGrade: null,
    disabilityCertificateYear: null,
    hasDisabilityCertificate: null,
    labourSkill: adult ? '01' : null,
    migrantStatus: null,
    migrantMonths: 0,
    migrantPlace: null,
    migrantEmployer: null,
    worksAbroad: null,
    isActiveMilitary: false,
    receivesDibao: false,
    receivesWubao: false,
    hasRuralMedicalInsurance: true,
    hasEmployeeMedicalInsurance: false,
    hasCriticalIllnessInsurance: true,
    hasCommercialMedicalInsurance: null,
    hasResidentPension: adult,
    hasEmployeePension: false,
    receivesMedicalAid: null,
    receivesOtherHealthSupport: null,
    speaksMandarin: true,
    publicWelfareJobType: null,
    publicWelfareJobMonths: null,
    employmentChannel: null,
    industryCategory: null,
    hasAccidentInsuranceSubsidy: null,
    phone: null,
    ...extra,
  };
}

export interface SeedHousehold {
  regionCode: string;
  household: HouseholdRecord;
  members: { personId: null; record: PersonRecord }[];
  leaving: [];
  conditions: ConditionsRecord;
  income: IncomeRecord;
}

/** The i-th test household of a village: a couple, one to three children, sometimes a parent. */
export function testHousehold(i: number, regionCode: string): SeedHousehold {
  const surname = pick(SURNAMES, mix(i, 1));
  const headName = surname + pick(MEN, mix(i, 2));
  const headYear = 1962 + (i % 24);
  const members: PersonRecord[] = [
    person(headName, '01', headYear, true),
    person(pick(SURNAMES, mix(i, 3)) + pick(WOMEN, mix(i, 4)), '02', headYear + 2, false),
  ];
  const kids = 1 + (i % 3);
  for (let k = 0; k < kids; k++) {
    const son = (i + k) % 2 === 0;
    members.push(person(surname + pick(son ? KIDS_M : KIDS_F, i + k), son ? '03' : '04', 2004 + ((i + k * 3) % 12), son));
  }
  if (i % 5 === 0) members.push(person(surname + pick(MEN, i + 3), '11', headYear - 26, true, { labourSkill: '04', hasResidentPension: true }));

  const mainCause = pick(CAUSES, i);
  if (mainCause === '01') members[1] = { ...members[1]!, health: ['02'], diseaseName: '高血压' };
  const exited = i % 3 !== 0;
  const dibao = i % 7 === 3;
  if (dibao) members[0] = { ...members[0]!, receivesDibao: true };
  const wage = exited ? 14_000 + (i % 9) * 1000 : 3_000 + (i % 5) * 500;

  const household: HouseholdRecord = {
    householdNumber: `${COUNTY}${1_000_000_000 + i}`,
    dataYear: 2020,
    regionCode,
    groupName: pick(GROUPS, mix(i, 5) % 4),
    headName,
    headIdNumber: members[0]!.idNumber,
    householdSize: members.length,
    labourerCount: 2,
    phone: `139${String(9_430_000 + i).padStart(8, '0')}`,
    bank: '会宁县农村信用合作联社',
    bankAccount: null,
    identificationStandard: '1',
    attribute: dibao ? '2' : '1',
    mainCause,
    otherCauses: mainCause === '07' ? ['09'] : ['07'],
    isMilitaryFamily: false,
    isOnlyChildFamily: false,
    isTwoDaughterFamily: false,
    exitStatus: exited ? '1' : '0',
    exitYear: exited ? 2016 + (i % 5) : null,
    isRelocationHousehold: false,
    householdType: null,
    plannedExitYear: exited ? null : 2020,
    firstIdentifiedDate: '2014-06-01',
    relocation: null,
    fillerName: null,
    fillerPhone: null,
    filledDate: null,
  };
  const conditions: ConditionsRecord = {
    dataYear: 2020,
    farmlandArea: 12 + (i % 20),
    irrigatedArea: 0,
    forestArea: 2,
    grainToForestArea: 3,
    orchardArea: 0,
    pastureArea: 0,
    waterSurfaceArea: 0,
    joinedCooperative: true,
    ledByEnterprise: false,
    ledByEntrepreneur: true,
    hasProductionPower: true,
    hasHouseholdPower: true,
    hasRadioTv: true,
    distanceToMainRoadKm: 0.5 + (i % 6),
    roadType: '03',
    housingArea: 80 + (i % 5) * 10,
    housingStructure: '03',
    isDilapidated: false,
    dilapidationGrade: null,
    renovationYear: null,
    waterDifficulty: false,
    waterSafe: true,
    fuelType: '01',
    hasSanitaryToilet: i % 4 !== 0,
  };
  const income: IncomeRecord = {
    year: 2020,
    wageIncome: wage,
    productionIncome: 9_000 + (i % 7) * 600,
    productionExpense: 2_500,
    assetDividendIncome: 300,
    landTransferIncome: 0,
    otherPropertyIncome: 0,
    familyPlanningIncome: 0,
    dibaoIncome: dibao ? 2_400 : 0,
    wubaoIncome: 0,
    pensionIncome: i % 5 === 0 ? 1_236 : 0,
    ecoCompensationIncome: 400,
    otherTransferIncome: 0,
  };
  return { regionCode, household, members: members.map((record) => ({ personId: null, record })), leaving: [], conditions, income };
}
