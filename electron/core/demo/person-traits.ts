// What a demo person is like at the end of the data year: schooling, health, labour capacity,
// migrant work and insurance, each drawn from the person's age and sex with shares typical of
// rural 会宁 around 2020, and each kept consistent with the national checks (exactly one of
// 文化程度/在校生状况; children of compulsory age in school; a healthy adult of working age is
// a labourer; migrant months and place together; exactly one basic medical insurance).
//
// Codes are those of the 2019/2020 forms (code-tables.ts), the version of the data year.
import type { DraftMember } from './family';
import { clamp, weightedTable, type Random } from './random';

export interface PersonTraits {
  /** Age at the end of the data year */
  age: number;
  education: string | null;
  studentStatus: string | null;
  health: string[];
  diseaseName: string | null;
  disabilityCategory: string | null;
  disabilityGrade: string | null;
  disabilityCertificateYear: number | null;
  labourSkill: string;
  politicalStatus: string;
}

export const isStudentStatus = (code: string | null): boolean => code !== null && code !== '01';
export const isLabourerSkill = (code: string | null): boolean => code === '01' || code === '02' || code === '05';
export const isSickHealth = (health: readonly string[]): boolean => health.includes('02') || health.includes('03');
export const isDisabledHealth = (health: readonly string[]): boolean => health.includes('04');

/** Age in whole years on 31 August of `year`, the school-year cut-off. */
function schoolAge(m: DraftMember, year: number): number {
  const month = Number(m.birthDate.slice(5, 7));
  return year - m.birthYear - (month > 8 ? 1 : 0);
}

/**
 * 在校生状况 (2019 codes) for the young, or null when the person has left school. Grades come
 * from the school age, one in seven children a year behind; compulsory school is never left
 * before 16, senior school is attended by most, higher education by almost half — 会宁 is known
 * as the county of scholars (状元县).
 */
function studentStatusOf(random: Random, m: DraftMember, year: number): string | null {
  const age = schoolAge(m, year);
  const ageAtYearEnd = year - m.birthYear;
  if (age < 3) return '01';
  if (age < 6) return random.chance(0.8) ? '02' : '01';
  const grade = age - 5 - (random.chance(0.15) ? 1 : 0);
  if (grade <= 0) return '02';
  if (grade <= 6) return '03';
  if (grade <= 9) return String(grade - 3).padStart(2, '0'); // 七/八/九年级 = 04/05/06
  if (grade <= 12) {
    if (ageAtYearEnd >= 16 && !random.chance(0.82)) return null;
    return random.chance(0.65) ? String(grade - 3).padStart(2, '0') : String(grade).padStart(2, '0'); // 普通高中 07–09, 中职 10–12
  }
  if (grade <= 16) {
    if (!random.chance(0.45)) return null;
    // 高职高专 13–15 (three years), 本科 20–23
    if (grade <= 15 && random.chance(0.5)) return String(grade).padStart(2, '0');
    return String(grade + 7).padStart(2, '0');
  }
  return null;
}

// 文化程度 (2019 codes 01 文盲或半文盲 … 06 本科及以上) by birth cohort and sex: rural women
// of the old cohorts mostly never went to school; the young finished 初中 at least.
const EDUCATION = {
  to1950: { '1': weightedTable([['01', 55], ['02', 35], ['03', 9], ['04', 1]] as const), '2': weightedTable([['01', 85], ['02', 13], ['03', 2], ['04', 1]] as const) },
  to1965: { '1': weightedTable([['01', 25], ['02', 45], ['03', 25], ['04', 3]] as const), '2': weightedTable([['01', 55], ['02', 33], ['03', 11], ['04', 3]] as const) },
  to1980: { '1': weightedTable([['01', 8], ['02', 37], ['03', 46], ['04', 7], ['05', 1]] as const), '2': weightedTable([['01', 22], ['02', 43], ['03', 30], ['04', 7], ['05', 1]] as const) },
  later: { '1': weightedTable([['01', 3], ['02', 19], ['03', 55], ['04', 14], ['05', 4], ['06', 1]] as const), '2': weightedTable([['01', 5], ['02', 24], ['03', 55], ['04', 14], ['05', 4], ['06', 1]] as const) },
  // left school recently: a degree only at the age one is earned
  upTo21: weightedTable([['03', 55], ['04', 33], ['05', 12]] as const),
  upTo24: weightedTable([['03', 48], ['04', 27], ['05', 16], ['06', 9]] as const),
};

function educationOf(random: Random, m: DraftMember, age: number): string {
  const sex = m.sex;
  const b = m.birthYear;
  if (age <= 18) return random.chance(0.8) ? '03' : '04';
  if (age <= 21) return EDUCATION.upTo21.draw(random);
  if (age <= 24) return EDUCATION.upTo24.draw(random);
  const cohort = b <= 1950 ? EDUCATION.to1950 : b <= 1965 ? EDUCATION.to1965 : b <= 1980 ? EDUCATION.to1980 : EDUCATION.later;
  return cohort[sex].draw(random);
}

const CHRONIC = ['高血压', '糖尿病', '慢性支气管炎', '类风湿性关节炎', '腰椎间盘突出', '冠心病', '慢性胃炎', '慢性阻塞性肺疾病', '脑梗塞后遗症', '风湿性心脏病'];
const SERIOUS = ['胃癌', '食管癌', '肝癌', '肺癌', '乳腺癌', '宫颈癌', '终末期肾病', '重性精神病', '急性心肌梗塞', '脑卒中'];
const SERIOUS_CHILD = ['儿童先天性心脏病', '急性白血病', '儿童先天性心脏病', '血友病'];

/** [chronic, serious, disabled] probabilities by age (rural NCMS and 残联 figures, rounded). */
function healthRates(age: number): [number, number, number] {
  if (age < 16) return [0.005, 0.004, 0.01];
  if (age < 45) return [0.04, 0.012, 0.035];
  if (age < 60) return [0.14, 0.03, 0.06];
  if (age < 70) return [0.3, 0.05, 0.08];
  return [0.4, 0.06, 0.12];
}

const LABOUR = {
  chronic: weightedTable([['01', 50], ['05', 45], ['03', 5]] as const),
  healthy61to70: weightedTable([['01', 35], ['05', 55], ['04', 10]] as const),
  unhealthy61to70: weightedTable([['05', 40], ['03', 40], ['04', 20]] as const),
};

export function labourSkillOf(random: Random, age: number, student: boolean, health: readonly string[], disabilityGrade: string | null): string {
  if (student || age < 16) return '04';
  const serious = health.includes('03');
  const chronic = health.includes('02');
  const disabled = health.includes('04');
  const severe = disabled && (disabilityGrade === '1' || disabilityGrade === '2');
  if (age <= 60) {
    if (serious || severe) return random.chance(0.6) ? '03' : '05';
    if (disabled) return random.chance(0.6) ? '05' : '01';
    if (chronic) return LABOUR.chronic.draw(random);
    return random.chance(age <= 45 ? 0.25 : 0.12) ? '02' : '01';
  }
  const healthy = !serious && !chronic && !disabled;
  if (age <= 70) return (healthy ? LABOUR.healthy61to70 : LABOUR.unhealthy61to70).draw(random);
  return healthy ? (random.chance(0.2) ? '05' : '04') : random.chance(0.6) ? '03' : '04';
}

function politicalStatusOf(random: Random, m: DraftMember, age: number, student: boolean): string {
  if (age >= 30 && random.chance(m.sex === '1' ? (age >= 45 ? 0.07 : 0.04) : 0.012)) return '01';
  if (age >= 14 && age <= 28 && random.chance(student ? 0.45 : 0.12)) return '03';
  return '13';
}

/** Schooling, health, labour and political status of one member at the end of `year`. */
export function drawTraits(random: Random, m: DraftMember, year: number): PersonTraits {
  const age = year - m.birthYear;
  const studentStatus = age <= 23 ? studentStatusOf(random, m, year) : null;
  const student = isStudentStatus(studentStatus);
  const education = studentStatus === null ? educationOf(random, m, age) : null;

  const [pChronic, pSerious, pDisabled] = healthRates(age);
  const health: string[] = [];
  let diseaseName: string | null = null;
  if (random.chance(pSerious)) {
    health.push('03');
    diseaseName = random.pick(age < 16 ? SERIOUS_CHILD : SERIOUS);
  } else if (random.chance(pChronic)) {
    health.push('02');
    diseaseName = random.pick(CHRONIC);
  }
  const traits: PersonTraits = {
    age,
    education,
    studentStatus,
    health,
    diseaseName,
    disabilityCategory: null,
    disabilityGrade: null,
    disabilityCertificateYear: null,
    labourSkill: '04',
    politicalStatus: politicalStatusOf(random, m, age, student),
  };
  if (random.chance(pDisabled)) addDisability(random, traits, m.birthYear, year, DISABILITY_GRADES);
  if (health.length === 0) health.push('01');
  traits.labourSkill = labourSkillOf(random, age, student, health, traits.disabilityGrade);
  return traits;
}

/** 残疾类别: 肢体 most often, then 听力, 视力 and 智力 (second national disability sample survey). */
const DISABILITY_CATEGORIES: readonly (readonly [string, number])[] = [['4', 45], ['1', 12], ['2', 13], ['3', 3], ['5', 12], ['6', 10], ['7', 5]];
const DISABILITY_GRADES: readonly (readonly [string, number])[] = [['1', 10], ['2', 25], ['3', 30], ['4', 35]];
/** A disability that made a household poor (因残) is more often a severe one. */
const CAUSING_DISABILITY_GRADES: readonly (readonly [string, number])[] = [['1', 12], ['2', 28], ['3', 30], ['4', 30]];

function addDisability(random: Random, traits: PersonTraits, birthYear: number, year: number, grades: readonly (readonly [string, number])[]): void {
  traits.health.push('04');
  traits.disabilityCategory = random.weighted(DISABILITY_CATEGORIES);
  traits.disabilityGrade = random.weighted(grades);
  // second-generation 残疾人证 from 2008; a child's no earlier than its third year
  traits.disabilityCertificateYear = random.int(clamp(birthYear + 3, 2008, year), year);
}

/** Work places of 会宁's migrant workers: Xinjiang's cotton fields, Lanzhou, 白银, the county town, the east. */
export const MIGRANT_PLACES = weightedTable<string>([
  ['新疆维吾尔自治区乌鲁木齐市', 8],
  ['新疆维吾尔自治区昌吉回族自治州', 5],
  ['新疆维吾尔自治区阿克苏地区', 5],
  ['甘肃省兰州市', 16],
  ['甘肃省白银市', 10],
  ['甘肃省会宁县', 9],
  ['宁夏回族自治区银川市', 8],
  ['内蒙古自治区鄂尔多斯市', 6],
  ['陕西省西安市', 6],
  ['青海省西宁市', 4],
  ['天津市', 6],
  ['江苏省苏州市', 4],
  ['浙江省宁波市', 4],
  ['广东省东莞市', 4],
  ['福建省厦门市', 3],
  ['北京市', 3],
]);

/** Probability that a labourer works away part of the year. */
export function migrantChance(sex: string, age: number, labourSkill: string): number {
  if (age < 18 || age > 55 || !isLabourerSkill(labourSkill)) return 0;
  const base = sex === '1' ? (age <= 40 ? 0.55 : 0.35) : age <= 40 ? 0.25 : 0.12;
  return labourSkill === '05' ? base * 0.3 : base;
}

const MIGRANT_MONTHS = weightedTable([[3, 3], [4, 4], [5, 6], [6, 10], [7, 10], [8, 14], [9, 14], [10, 16], [11, 9], [12, 14]] as const);
export const migrantMonths = (random: Random): number => MIGRANT_MONTHS.draw(random);

/**
 * Gives a member the illness a 因病 household's cause names (the household was registered because
 * of it), and re-derives the labour capacity that follows from it.
 */
export function makeIll(random: Random, traits: PersonTraits, serious: boolean): void {
  traits.health = [serious ? '03' : '02', ...traits.health.filter((h) => h === '04')];
  traits.diseaseName = random.pick(serious ? (traits.age < 16 ? SERIOUS_CHILD : SERIOUS) : CHRONIC);
  traits.labourSkill = labourSkillOf(random, traits.age, isStudentStatus(traits.studentStatus), traits.health, traits.disabilityGrade);
}

/** Gives a member the disability a 因残 household's cause names, with its certificate. */
export function makeDisabled(random: Random, traits: PersonTraits, birthYear: number, year: number): void {
  traits.health = traits.health.filter((h) => h === '02' || h === '03');
  addDisability(random, traits, birthYear, year, CAUSING_DISABILITY_GRADES);
  traits.labourSkill = labourSkillOf(random, traits.age, isStudentStatus(traits.studentStatus), traits.health, traits.disabilityGrade);
}
