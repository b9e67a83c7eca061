// The automatic household exit check (domain.md §5.1–§5.3): each of the year's indicators is run
// against the registry data of that year and either passes or names why it fails. Every
// indicator is a veto. A missing record fails too: an exit nobody can show the data for would not
// survive a 回头看.
import { groupOf, type CodeTableDefinition } from '../registry/code-tables';
import { perCapitaNetIncomeFen } from '../registry/income';
import { ageOfPerson, filled, isDisabled } from '../registry/person-facts';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../registry/types';
import type { HouseholdTest, Indicator } from './exit-params';

export interface ExitCheckInput {
  year: number;
  household: Pick<HouseholdRecord, 'mainCause' | 'otherCauses'>;
  members: readonly PersonRecord[];
  conditions: ConditionsRecord | null;
  income: IncomeRecord | null;
  /** 人均纯收入 must exceed this (元). */
  incomeThreshold: number | null;
  /** The NBS line: below it, food and clothing cannot be secure. */
  povertyLine: number | null;
  compulsoryAges: { from: number; to: number };
  /** The day ages are counted on (the end of the exit year). */
  asOf: string;
  /** What the household visit found, when it has been done. */
  visit?: { foodSecure?: boolean | null; clothingSecure?: boolean | null } | null;
  tables?: readonly CodeTableDefinition[];
}

export interface IndicatorResult {
  code: HouseholdTest;
  label: string;
  passed: boolean;
  /** Why it failed, naming the field or the member; null when passed. */
  reason: string | null;
}

export interface ExitCheckResult {
  passed: boolean;
  results: IndicatorResult[];
  failing: IndicatorResult[];
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

type Test = (input: ExitCheckInput) => string | null;

function incomeTest(input: ExitCheckInput): string | null {
  if (input.incomeThreshold === null) return `${input.year}年没有设定退出收入标准，请在年度参数中填写`;
  if (!input.income) return `缺少${input.year}年收入数据`;
  const perCapita = perCapitaNetIncomeFen(input.income, input.members.length);
  if (perCapita === null) return `${input.year}年收入未填写完整，无法计算人均纯收入`;
  if (perCapita <= input.incomeThreshold * 100) {
    return `${input.year}年人均纯收入${yuan(perCapita)}元，未超过退出标准${input.incomeThreshold}元`;
  }
  return null;
}

/** [U] No registry field records 吃穿 directly: income below the line fails it, and so does the visit's finding. */
function foodOrClothing(which: 'food' | 'clothing' | 'both'): Test {
  return (input) => {
    const v = input.visit;
    if ((which !== 'clothing' && v?.foodSecure === false) || (which !== 'food' && v?.clothingSecure === false)) {
      return `入户核实认定${which === 'food' ? '吃' : which === 'clothing' ? '穿' : '吃穿'}仍有困难`;
    }
    if (input.povertyLine !== null && input.income) {
      const perCapita = perCapitaNetIncomeFen(input.income, input.members.length);
      if (perCapita !== null && perCapita < input.povertyLine * 100) {
        return `人均纯收入${yuan(perCapita)}元低于国家扶贫标准${input.povertyLine}元，${which === 'clothing' ? '穿' : '吃'}无保障`;
      }
    }
    return null;
  };
}

function educationTest(input: ExitCheckInput): string | null {
  const { from, to } = input.compulsoryAges;
  const out: string[] = [];
  for (const p of input.members) {
    const age = ageOfPerson(p, input.asOf);
    if (age === null || age < from || age > to) continue;
    // Children who cannot attend because of disability are taught at home (送教上门): not a dropout.
    if (isDisabled(p, input.year, input.tables)) continue;
    const group = filled(p.studentStatus) ? groupOf('studentStatus', p.studentStatus, input.year, input.tables) : undefined;
    const inSchool = group !== undefined && group !== 'notStudent' && group !== 'preschoolChild' && !(group === 'preschool' && age > 7);
    if (filled(p.dropoutReason) || !inSchool) out.push(`${p.name ?? '成员'}（${age}岁）未在校`);
  }
  return out.length > 0 ? `义务教育阶段适龄儿童失学辍学：${out.join('、')}` : null;
}

function medicalTest(input: ExitCheckInput): string | null {
  const uninsured = input.members.filter((p) => p.hasRuralMedicalInsurance !== true && p.hasEmployeeMedicalInsurance !== true);
  if (uninsured.length === 0) return null;
  return `未参加基本医疗保险：${uninsured.map((p) => p.name ?? '成员').join('、')}`;
}

function housingTest(input: ExitCheckInput): string | null {
  const c = input.conditions;
  if (!c) return `缺少${input.year}年生产生活条件数据`;
  const dilapidated = c.isDilapidated === true || groupOf('dilapidationGrade', c.dilapidationGrade, input.year, input.tables) === 'dilapidated';
  const renovated = c.renovationYear !== null && c.renovationYear <= input.year;
  if (dilapidated && !renovated) return '仍住危房，尚未改造或搬迁';
  if (c.housingArea === null || c.housingArea <= 0) return '住房面积为0或未填写';
  return null;
}

function waterTest(input: ExitCheckInput): string | null {
  const c = input.conditions;
  if (!c) return `缺少${input.year}年生产生活条件数据`;
  if (c.waterDifficulty === true) return '饮水仍困难';
  if (c.waterSafe === null) return '未填写饮水是否安全';
  if (c.waterSafe === false) return '饮水安全未解决';
  return null;
}

const TESTS: Record<HouseholdTest, Test> = {
  income: incomeTest,
  foodClothing: foodOrClothing('both'),
  food: foodOrClothing('food'),
  clothing: foodOrClothing('clothing'),
  education: educationTest,
  medical: medicalTest,
  housing: housingTest,
  water: waterTest,
};

export function householdExitCheck(input: ExitCheckInput, indicators: readonly Indicator<HouseholdTest>[]): ExitCheckResult {
  const results = indicators.map((i): IndicatorResult => {
    const reason = TESTS[i.code](input);
    return { code: i.code, label: i.label, passed: reason === null, reason };
  });
  const failing = results.filter((r) => !r.passed);
  return { passed: failing.length === 0, results, failing };
}
