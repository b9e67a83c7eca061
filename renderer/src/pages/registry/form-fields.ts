// The registry's form fields: key, label as printed on the national form, kind and code table.
// This MIRRORS electron/core/domain/registry/field-specs.ts (and CODE_FIELDS of code-tables.ts),
// which the renderer may not import as code. Keep it complete and faithful: same keys, labels,
// kinds, codeField and max; when a field is added there, add it here.
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../../../electron/core/api/contract';

export type FieldKind = 'text' | 'code' | 'codes' | 'bool' | 'number' | 'int' | 'year' | 'date';

/** The code tables of the registry (CODE_FIELDS in code-tables.ts), with their Chinese names. */
export const CODE_FIELD_LABELS = {
  sex: '性别',
  idType: '证件类型',
  relationship: '与户主关系',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '文化程度',
  studentStatus: '在校生状况',
  dropoutReason: '失学或辍学原因',
  health: '健康状况',
  disabilityCategory: '残疾类别',
  disabilityGrade: '残疾等级',
  labourSkill: '劳动技能',
  migrantStatus: '务工状况',
  identificationStandard: '识别标准',
  attribute: '贫困户属性',
  cause: '致贫原因',
  exitStatus: '脱贫状态',
  notExitReason: '不脱贫原因',
  householdType: '户类型',
  memberChange: '人员变更原因',
  householdRemoval: '户减少原因',
  roadType: '入户路类型',
  housingStructure: '住房结构',
  dilapidationGrade: '危房级别',
  fuel: '主要燃料类型',
  relocationMode: '搬迁方式',
  resettlementMode: '安置方式',
  resettlementPlace: '安置地',
  affiliation: '隶属关系',
  villageAttribute: '村属性',
  villageDevelopment: '发展方向属性',
  terrain: '地形地貌属性',
  disasterType: '自然灾害类型',
  monitoringObjectType: '监测对象类别',
  riskType: '致贫返贫风险类型',
  naturalDisasterSubtype: '自然灾害子项',
  riskEliminationMode: '风险消除方式',
  assistanceMeasure: '帮扶措施类别',
} as const;

export type CodeField = keyof typeof CODE_FIELD_LABELS;

export interface FieldSpec<K extends string = string> {
  key: K;
  label: string;
  kind: FieldKind;
  codeField?: CodeField;
  /** Personal data that public documents mask or omit. */
  sensitive?: 'id' | 'phone' | 'bank';
  /** Upper bound of a sane value, for numbers (core refuses input above it). */
  max?: number;
}

type Spec<R> = FieldSpec<Extract<keyof R, string>>;

export const HOUSEHOLD_FIELDS: readonly Spec<HouseholdRecord>[] = [
  { key: 'householdNumber', label: '户编号', kind: 'text' },
  { key: 'dataYear', label: '年度', kind: 'year' },
  { key: 'regionCode', label: '行政区划代码', kind: 'text' },
  { key: 'groupName', label: '村民小组', kind: 'text' },
  { key: 'headName', label: '户主姓名', kind: 'text' },
  { key: 'headIdNumber', label: '户主证件号码', kind: 'text', sensitive: 'id' },
  { key: 'householdSize', label: '家庭人口数', kind: 'int', max: 30 },
  { key: 'labourerCount', label: '劳动力人数', kind: 'int', max: 30 },
  { key: 'phone', label: '联系电话', kind: 'text', sensitive: 'phone' },
  { key: 'bank', label: '开户银行', kind: 'text' },
  { key: 'bankAccount', label: '银行卡号', kind: 'text', sensitive: 'bank' },
  { key: 'identificationStandard', label: '识别标准', kind: 'code', codeField: 'identificationStandard' },
  { key: 'attribute', label: '贫困户属性', kind: 'code', codeField: 'attribute' },
  { key: 'mainCause', label: '主要致贫原因', kind: 'code', codeField: 'cause' },
  { key: 'otherCauses', label: '其他致贫原因', kind: 'codes', codeField: 'cause' },
  { key: 'isMilitaryFamily', label: '是否军烈属', kind: 'bool' },
  { key: 'isOnlyChildFamily', label: '是否独生子女户', kind: 'bool' },
  { key: 'isTwoDaughterFamily', label: '是否双女户', kind: 'bool' },
  { key: 'exitStatus', label: '脱贫状态', kind: 'code', codeField: 'exitStatus' },
  { key: 'exitYear', label: '脱贫年度', kind: 'year' },
  { key: 'isRelocationHousehold', label: '是否易地扶贫搬迁户', kind: 'bool' },
  { key: 'householdType', label: '户类型', kind: 'code', codeField: 'householdType' },
  { key: 'plannedExitYear', label: '计划脱贫年度', kind: 'year' },
  { key: 'firstIdentifiedDate', label: '首次识别时间', kind: 'date' },
  { key: 'fillerName', label: '填表人', kind: 'text' },
  { key: 'fillerPhone', label: '填表人联系电话', kind: 'text', sensitive: 'phone' },
  { key: 'filledDate', label: '填表时间', kind: 'date' },
];

export const PERSON_FIELDS: readonly Spec<PersonRecord>[] = [
  { key: 'personNumber', label: '人口编号', kind: 'text' },
  { key: 'name', label: '姓名', kind: 'text' },
  { key: 'sex', label: '性别', kind: 'code', codeField: 'sex' },
  { key: 'idType', label: '证件类型', kind: 'code', codeField: 'idType' },
  { key: 'idNumber', label: '证件号码', kind: 'text', sensitive: 'id' },
  { key: 'birthDate', label: '出生日期', kind: 'date' },
  { key: 'relationship', label: '与户主关系', kind: 'code', codeField: 'relationship' },
  { key: 'ethnicity', label: '民族', kind: 'code', codeField: 'ethnicity' },
  { key: 'politicalStatus', label: '政治面貌', kind: 'code', codeField: 'politicalStatus' },
  { key: 'education', label: '文化程度', kind: 'code', codeField: 'education' },
  { key: 'studentStatus', label: '在校生状况', kind: 'code', codeField: 'studentStatus' },
  { key: 'dropoutReason', label: '失学或辍学原因', kind: 'code', codeField: 'dropoutReason' },
  { key: 'health', label: '健康状况', kind: 'codes', codeField: 'health' },
  { key: 'diseaseName', label: '患病名称', kind: 'text' },
  { key: 'diseaseGrade', label: '疾病等级', kind: 'text' },
  { key: 'disabilityCategory', label: '残疾类别', kind: 'code', codeField: 'disabilityCategory' },
  { key: 'disabilityGrade', label: '残疾等级', kind: 'code', codeField: 'disabilityGrade' },
  { key: 'disabilityCertificateYear', label: '残疾证办证年度', kind: 'year' },
  { key: 'hasDisabilityCertificate', label: '是否持有残疾证', kind: 'bool' },
  { key: 'labourSkill', label: '劳动技能', kind: 'code', codeField: 'labourSkill' },
  { key: 'migrantStatus', label: '务工状况', kind: 'code', codeField: 'migrantStatus' },
  { key: 'migrantMonths', label: '务工时间（月）', kind: 'number', max: 12 },
  { key: 'migrantPlace', label: '务工所在地', kind: 'text' },
  { key: 'migrantEmployer', label: '务工企业名称', kind: 'text' },
  { key: 'worksAbroad', label: '是否国外务工', kind: 'bool' },
  { key: 'isActiveMilitary', label: '是否现役军人', kind: 'bool' },
  { key: 'receivesDibao', label: '是否享受低保', kind: 'bool' },
  { key: 'receivesWubao', label: '是否特困供养人员', kind: 'bool' },
  { key: 'hasRuralMedicalInsurance', label: '是否参加城乡居民基本医疗保险', kind: 'bool' },
  { key: 'hasEmployeeMedicalInsurance', label: '是否参加城镇职工基本医疗保险', kind: 'bool' },
  { key: 'hasCriticalIllnessInsurance', label: '是否参加大病保险', kind: 'bool' },
  { key: 'hasCommercialMedicalInsurance', label: '是否参加商业补充医疗保险', kind: 'bool' },
  { key: 'hasResidentPension', label: '是否参加城乡居民基本养老保险', kind: 'bool' },
  { key: 'hasEmployeePension', label: '是否参加城镇职工基本养老保险', kind: 'bool' },
  { key: 'receivesMedicalAid', label: '是否接受大病医疗救助', kind: 'bool' },
  { key: 'receivesOtherHealthSupport', label: '是否接受其他健康扶贫', kind: 'bool' },
  { key: 'speaksMandarin', label: '是否会讲普通话', kind: 'bool' },
  { key: 'publicWelfareJobType', label: '公益性岗位类型', kind: 'text' },
  { key: 'publicWelfareJobMonths', label: '公益性岗位（月数）', kind: 'number', max: 12 },
  { key: 'employmentChannel', label: '就业渠道', kind: 'text' },
  { key: 'industryCategory', label: '产业分类', kind: 'text' },
  { key: 'hasAccidentInsuranceSubsidy', label: '是否享受人身意外保险补贴', kind: 'bool' },
  { key: 'phone', label: '成员联系电话', kind: 'text', sensitive: 'phone' },
  { key: 'changeReason', label: '人员变更原因', kind: 'code', codeField: 'memberChange' },
];

export const CONDITIONS_FIELDS: readonly Spec<ConditionsRecord>[] = [
  { key: 'dataYear', label: '条件年度', kind: 'year' },
  { key: 'farmlandArea', label: '耕地面积（亩）', kind: 'number', max: 100_000 },
  { key: 'irrigatedArea', label: '有效灌溉面积（亩）', kind: 'number', max: 100_000 },
  { key: 'forestArea', label: '林地面积（亩）', kind: 'number', max: 100_000 },
  { key: 'grainToForestArea', label: '退耕还林面积（亩）', kind: 'number', max: 100_000 },
  { key: 'orchardArea', label: '林果面积（亩）', kind: 'number', max: 100_000 },
  { key: 'pastureArea', label: '牧草地面积（亩）', kind: 'number', max: 100_000 },
  { key: 'waterSurfaceArea', label: '水面面积（亩）', kind: 'number', max: 100_000 },
  { key: 'joinedCooperative', label: '是否加入农民专业合作社', kind: 'bool' },
  { key: 'ledByEnterprise', label: '是否有龙头企业带动', kind: 'bool' },
  { key: 'ledByEntrepreneur', label: '是否有创业致富带头人带动', kind: 'bool' },
  { key: 'hasProductionPower', label: '是否通生产用电', kind: 'bool' },
  { key: 'hasHouseholdPower', label: '是否通生活用电', kind: 'bool' },
  { key: 'hasRadioTv', label: '是否通广播电视', kind: 'bool' },
  { key: 'distanceToMainRoadKm', label: '与村主干路距离（公里）', kind: 'number', max: 1000 },
  { key: 'roadType', label: '入户路类型', kind: 'code', codeField: 'roadType' },
  { key: 'housingArea', label: '住房面积（平方米）', kind: 'number', max: 10_000 },
  { key: 'housingStructure', label: '住房结构', kind: 'code', codeField: 'housingStructure' },
  { key: 'isDilapidated', label: '是否危房户', kind: 'bool' },
  { key: 'dilapidationGrade', label: '危房级别', kind: 'code', codeField: 'dilapidationGrade' },
  { key: 'renovationYear', label: '危改年度', kind: 'year' },
  { key: 'waterDifficulty', label: '饮水是否困难', kind: 'bool' },
  { key: 'waterSafe', label: '饮水是否安全', kind: 'bool' },
  { key: 'fuelType', label: '主要燃料类型', kind: 'code', codeField: 'fuel' },
  { key: 'hasSanitaryToilet', label: '有无卫生厕所', kind: 'bool' },
];

const money = (key: Extract<keyof IncomeRecord, string>, label: string): Spec<IncomeRecord> => ({ key, label, kind: 'number', max: 10_000_000 });

export const INCOME_FIELDS: readonly Spec<IncomeRecord>[] = [
  { key: 'year', label: '收入年度', kind: 'year' },
  money('wageIncome', '工资性收入（元）'),
  money('productionIncome', '生产经营性收入（元）'),
  money('assetDividendIncome', '资产收益扶贫分红收入（元）'),
  money('landTransferIncome', '土地流转收入（元）'),
  money('otherPropertyIncome', '其他财产性收入（元）'),
  money('familyPlanningIncome', '计划生育金（元）'),
  money('dibaoIncome', '低保金（元）'),
  money('wubaoIncome', '特困供养金（元）'),
  money('pensionIncome', '养老保险金（元）'),
  money('ecoCompensationIncome', '生态补偿金（元）'),
  money('otherTransferIncome', '其他转移性收入（元）'),
  money('productionExpense', '生产经营性支出（元）'),
  money('migrantWorkIncome', '务工收入（元）'),
  money('publicWelfareJobIncome', '公益岗收入（元）'),
  money('plantingIncome', '种植业收入（元）'),
  money('breedingIncome', '养殖业收入（元）'),
  money('forestryFruitIncome', '林果业收入（元）'),
  money('otherProductionIncome', '其他生产经营性收入（元）'),
  money('plantingExpense', '种植业支出（元）'),
  money('breedingExpense', '养殖业支出（元）'),
  money('forestryFruitExpense', '林果业支出（元）'),
  money('otherProductionExpense', '其他生产经营性支出（元）'),
  money('insuranceClaimIncome', '理赔收入（元）'),
  money('eligibleOutOfPocketExpense', '合规自付支出（元）'),
  money('recordedNetIncome', '年纯收入（元）'),
  money('recordedPerCapitaNetIncome', '人均纯收入（元）'),
];

/**
 * The 易地扶贫搬迁 block of the household record (RelocationBlock in types.ts). It has no table in
 * field-specs.ts; these are the labels of domain.md §1.5.3.
 */
export const RELOCATION_FIELDS = [
  { key: 'isRelocated', label: '是否搬迁户', kind: 'bool' },
  { key: 'relocationMode', label: '搬迁方式', kind: 'code', codeField: 'relocationMode' },
  { key: 'resettlementMode', label: '安置方式', kind: 'code', codeField: 'resettlementMode' },
  { key: 'resettlementPlace', label: '安置地', kind: 'code', codeField: 'resettlementPlace' },
  { key: 'difficulties', label: '搬迁可能存在的困难', kind: 'codes' },
] as const satisfies readonly FieldSpec[];

export type FormSection = 'household' | 'person' | 'conditions' | 'income';

const SPECS: Record<FormSection, readonly FieldSpec[]> = {
  household: HOUSEHOLD_FIELDS,
  person: PERSON_FIELDS,
  conditions: CONDITIONS_FIELDS,
  income: INCOME_FIELDS,
};

const BY_KEY = new Map<string, FieldSpec>(
  (Object.entries(SPECS) as [FormSection, readonly FieldSpec[]][]).flatMap(([section, specs]) => specs.map((s) => [`${section}.${s.key}`, s] as const)),
);

export function specOf(section: FormSection, key: string): FieldSpec {
  const spec = BY_KEY.get(`${section}.${key}`);
  if (!spec) throw new Error(`no field ${section}.${key} in form-fields.ts`);
  return spec;
}

export const fieldLabel = (section: FormSection, key: string): string | undefined => BY_KEY.get(`${section}.${key}`)?.label;

/** An empty record of a form: every field null, multi-valued codes []. Mirrors emptyRecord(). */
export function emptyRecord<R>(section: FormSection, base: Partial<R> = {}): R {
  const out: Record<string, unknown> = {};
  for (const s of SPECS[section]) out[s.key] = s.kind === 'codes' ? [] : null;
  return { ...out, ...base } as R;
}

// How the forms are laid out: groups of keys. A key left out of every group is not lost:
// groupsWithRest() shows it in a last group 「其他」, so the forms always carry every field.

export interface FieldGroup<K extends string> {
  title: string;
  keys: readonly K[];
}

/** 家庭成员: the person form in five groups, as the clerk reads the paper form. */
export const PERSON_GROUPS: readonly FieldGroup<Extract<keyof PersonRecord, string>>[] = [
  {
    title: '基本',
    keys: ['name', 'relationship', 'idType', 'idNumber', 'sex', 'birthDate', 'ethnicity', 'politicalStatus', 'phone', 'personNumber', 'changeReason'],
  },
  { title: '教育', keys: ['education', 'studentStatus', 'dropoutReason', 'speaksMandarin'] },
  {
    title: '健康',
    keys: ['health', 'diseaseName', 'diseaseGrade', 'disabilityCategory', 'disabilityGrade', 'hasDisabilityCertificate', 'disabilityCertificateYear'],
  },
  {
    title: '劳动与务工',
    keys: [
      'labourSkill',
      'migrantStatus',
      'migrantMonths',
      'migrantPlace',
      'migrantEmployer',
      'worksAbroad',
      'publicWelfareJobType',
      'publicWelfareJobMonths',
      'employmentChannel',
      'industryCategory',
      'isActiveMilitary',
    ],
  },
  {
    title: '保障',
    keys: [
      'receivesDibao',
      'receivesWubao',
      'hasRuralMedicalInsurance',
      'hasEmployeeMedicalInsurance',
      'hasCriticalIllnessInsurance',
      'hasCommercialMedicalInsurance',
      'receivesMedicalAid',
      'receivesOtherHealthSupport',
      'hasResidentPension',
      'hasEmployeePension',
      'hasAccidentInsuranceSubsidy',
    ],
  },
];

/** 基本信息: the household form. 行政区划代码, 户主姓名/证件号码 and 家庭人口数 come from elsewhere. */
export const HOUSEHOLD_GROUPS: readonly FieldGroup<Extract<keyof HouseholdRecord, string>>[] = [
  { title: '户基本信息', keys: ['householdNumber', 'dataYear', 'groupName', 'headName', 'headIdNumber', 'householdSize', 'labourerCount', 'phone', 'bank', 'bankAccount'] },
  {
    title: '识别与脱贫',
    keys: ['identificationStandard', 'attribute', 'mainCause', 'otherCauses', 'householdType', 'firstIdentifiedDate', 'exitStatus', 'exitYear', 'plannedExitYear'],
  },
  { title: '家庭情况', keys: ['isMilitaryFamily', 'isOnlyChildFamily', 'isTwoDaughterFamily', 'isRelocationHousehold'] },
  { title: '填表', keys: ['fillerName', 'fillerPhone', 'filledDate'] },
];

export const CONDITIONS_GROUPS: readonly FieldGroup<Extract<keyof ConditionsRecord, string>>[] = [
  {
    title: '生产条件',
    keys: ['farmlandArea', 'irrigatedArea', 'forestArea', 'grainToForestArea', 'orchardArea', 'pastureArea', 'waterSurfaceArea', 'joinedCooperative', 'ledByEnterprise', 'ledByEntrepreneur'],
  },
  {
    title: '生活条件',
    keys: [
      'hasProductionPower',
      'hasHouseholdPower',
      'hasRadioTv',
      'distanceToMainRoadKm',
      'roadType',
      'housingArea',
      'housingStructure',
      'isDilapidated',
      'dilapidationGrade',
      'renovationYear',
      'waterDifficulty',
      'waterSafe',
      'fuelType',
      'hasSanitaryToilet',
    ],
  },
];

export const INCOME_GROUPS: readonly FieldGroup<Extract<keyof IncomeRecord, string>>[] = [
  { title: '工资性收入', keys: ['wageIncome', 'migrantWorkIncome', 'publicWelfareJobIncome'] },
  { title: '生产经营性收入', keys: ['productionIncome', 'plantingIncome', 'breedingIncome', 'forestryFruitIncome', 'otherProductionIncome'] },
  { title: '财产性收入', keys: ['assetDividendIncome', 'landTransferIncome', 'otherPropertyIncome'] },
  { title: '转移性收入', keys: ['familyPlanningIncome', 'dibaoIncome', 'wubaoIncome', 'pensionIncome', 'ecoCompensationIncome', 'otherTransferIncome'] },
  { title: '生产经营性支出', keys: ['productionExpense', 'plantingExpense', 'breedingExpense', 'forestryFruitExpense', 'otherProductionExpense'] },
  { title: '监测与导入', keys: ['insuranceClaimIncome', 'eligibleOutOfPocketExpense', 'recordedNetIncome', 'recordedPerCapitaNetIncome'] },
];

/** The groups of a form plus a group 「其他」 for any field of the table the groups do not name. */
export function groupsWithRest<K extends string>(section: FormSection, groups: readonly FieldGroup<K>[], skip: readonly string[] = []): FieldGroup<K>[] {
  const named = new Set<string>([...groups.flatMap((g) => g.keys), ...skip]);
  const rest = SPECS[section].map((s) => s.key).filter((k) => !named.has(k)) as K[];
  return rest.length > 0 ? [...groups, { title: '其他', keys: rest }] : [...groups];
}

/** 人员变更原因 codes for a member joining an existing household, and for one leaving it. */
export const JOIN_REASON_CODES = ['05', '06', '07'] as const;
export const LEAVE_REASON_CODES = ['01', '02', '03', '04', '08'] as const;

/** The registry's last data year (2014–2020); new households start there. */
export const REGISTRY_LAST_YEAR = 2020;
