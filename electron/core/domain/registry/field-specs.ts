// One table per form: each field's key, Chinese label as printed on the national form, kind and
// code table. The API's input schemas, the xlsx layout's headers and the household page's form
// labels are all built from these, so a field is named the same way everywhere.
import type { CodeField } from './code-tables';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from './types';

export type FieldKind = 'text' | 'code' | 'codes' | 'bool' | 'number' | 'int' | 'year' | 'date';

export interface FieldSpec<K extends string = string> {
  key: K;
  label: string;
  kind: FieldKind;
  codeField?: CodeField;
  /** Other headings seen on forms and exports for the same column. */
  aliases?: readonly string[];
  /** Personal data that public documents mask or omit. */
  sensitive?: 'id' | 'phone' | 'bank';
  /** Upper bound of a sane value, for numbers (input is refused above it). */
  max?: number;
}

type Spec<R> = FieldSpec<Extract<keyof R, string>>;

export const HOUSEHOLD_FIELDS: readonly Spec<HouseholdRecord>[] = [
  { key: 'householdNumber', label: '户编号', kind: 'text', aliases: ['户编码', '户ID'] },
  { key: 'dataYear', label: '年度', kind: 'year', aliases: ['数据年度'] },
  { key: 'regionCode', label: '行政区划代码', kind: 'text', aliases: ['区划代码', '村代码'] },
  { key: 'groupName', label: '村民小组', kind: 'text', aliases: ['自然村', '村民小组（自然村）', '组'] },
  { key: 'headName', label: '户主姓名', kind: 'text' },
  { key: 'headIdNumber', label: '户主证件号码', kind: 'text', sensitive: 'id', aliases: ['户主身份证号', '户主身份证号码'] },
  { key: 'householdSize', label: '家庭人口数', kind: 'int', max: 30, aliases: ['家庭人口', '人口数'] },
  { key: 'labourerCount', label: '劳动力人数', kind: 'int', max: 30, aliases: ['劳动力数'] },
  { key: 'phone', label: '联系电话', kind: 'text', sensitive: 'phone', aliases: ['户联系电话'] },
  { key: 'bank', label: '开户银行', kind: 'text' },
  { key: 'bankAccount', label: '银行卡号', kind: 'text', sensitive: 'bank', aliases: ['银行账号'] },
  { key: 'identificationStandard', label: '识别标准', kind: 'code', codeField: 'identificationStandard' },
  { key: 'attribute', label: '贫困户属性', kind: 'code', codeField: 'attribute', aliases: ['户属性'] },
  { key: 'mainCause', label: '主要致贫原因', kind: 'code', codeField: 'cause' },
  { key: 'otherCauses', label: '其他致贫原因', kind: 'codes', codeField: 'cause' },
  { key: 'isMilitaryFamily', label: '是否军烈属', kind: 'bool' },
  { key: 'isOnlyChildFamily', label: '是否独生子女户', kind: 'bool' },
  { key: 'isTwoDaughterFamily', label: '是否双女户', kind: 'bool' },
  { key: 'exitStatus', label: '脱贫状态', kind: 'code', codeField: 'exitStatus', aliases: ['脱贫属性', '脱贫标志'] },
  { key: 'exitYear', label: '脱贫年度', kind: 'year' },
  { key: 'isRelocationHousehold', label: '是否易地扶贫搬迁户', kind: 'bool', aliases: ['是否纳入易地扶贫搬迁', '是否搬迁户'] },
  { key: 'householdType', label: '户类型', kind: 'code', codeField: 'householdType' },
  { key: 'plannedExitYear', label: '计划脱贫年度', kind: 'year' },
  { key: 'firstIdentifiedDate', label: '首次识别时间', kind: 'date', aliases: ['识别时间'] },
  { key: 'fillerName', label: '填表人', kind: 'text' },
  { key: 'fillerPhone', label: '填表人联系电话', kind: 'text', sensitive: 'phone' },
  { key: 'filledDate', label: '填表时间', kind: 'date' },
];

export const PERSON_FIELDS: readonly Spec<PersonRecord>[] = [
  { key: 'personNumber', label: '人口编号', kind: 'text' },
  { key: 'name', label: '姓名', kind: 'text', aliases: ['成员姓名'] },
  { key: 'sex', label: '性别', kind: 'code', codeField: 'sex' },
  { key: 'idType', label: '证件类型', kind: 'code', codeField: 'idType' },
  { key: 'idNumber', label: '证件号码', kind: 'text', sensitive: 'id', aliases: ['身份证号', '身份证号码', '成员证件号码'] },
  { key: 'birthDate', label: '出生日期', kind: 'date' },
  { key: 'relationship', label: '与户主关系', kind: 'code', codeField: 'relationship' },
  { key: 'ethnicity', label: '民族', kind: 'code', codeField: 'ethnicity' },
  { key: 'politicalStatus', label: '政治面貌', kind: 'code', codeField: 'politicalStatus' },
  { key: 'education', label: '文化程度', kind: 'code', codeField: 'education' },
  { key: 'studentStatus', label: '在校生状况', kind: 'code', codeField: 'studentStatus', aliases: ['在校生情况'] },
  { key: 'dropoutReason', label: '失学或辍学原因', kind: 'code', codeField: 'dropoutReason', aliases: ['义务教育阶段未上学原因'] },
  { key: 'health', label: '健康状况', kind: 'codes', codeField: 'health' },
  { key: 'diseaseName', label: '患病名称', kind: 'text' },
  { key: 'diseaseGrade', label: '疾病等级', kind: 'text' },
  { key: 'disabilityCategory', label: '残疾类别', kind: 'code', codeField: 'disabilityCategory' },
  { key: 'disabilityGrade', label: '残疾等级', kind: 'code', codeField: 'disabilityGrade' },
  { key: 'disabilityCertificateYear', label: '残疾证办证年度', kind: 'year' },
  { key: 'hasDisabilityCertificate', label: '是否持有残疾证', kind: 'bool' },
  { key: 'labourSkill', label: '劳动技能', kind: 'code', codeField: 'labourSkill', aliases: ['劳动能力'] },
  { key: 'migrantStatus', label: '务工状况', kind: 'code', codeField: 'migrantStatus' },
  { key: 'migrantMonths', label: '务工时间（月）', kind: 'number', max: 12, aliases: ['务工时间(月)', '务工时间', '务工月数'] },
  { key: 'migrantPlace', label: '务工所在地', kind: 'text', aliases: ['务工地点'] },
  { key: 'migrantEmployer', label: '务工企业名称', kind: 'text' },
  { key: 'worksAbroad', label: '是否国外务工', kind: 'bool' },
  { key: 'isActiveMilitary', label: '是否现役军人', kind: 'bool' },
  { key: 'receivesDibao', label: '是否享受低保', kind: 'bool', aliases: ['是否低保人员'] },
  { key: 'receivesWubao', label: '是否特困供养人员', kind: 'bool', aliases: ['是否享受五保', '是否五保'] },
  { key: 'hasRuralMedicalInsurance', label: '是否参加城乡居民基本医疗保险', kind: 'bool', aliases: ['是否参加新型农村合作医疗', '是否参加新型农村合作医疗（城乡居民基本医疗保险）', '是否参加新农合'] },
  { key: 'hasEmployeeMedicalInsurance', label: '是否参加城镇职工基本医疗保险', kind: 'bool' },
  { key: 'hasCriticalIllnessInsurance', label: '是否参加大病保险', kind: 'bool' },
  { key: 'hasCommercialMedicalInsurance', label: '是否参加商业补充医疗保险', kind: 'bool' },
  { key: 'hasResidentPension', label: '是否参加城乡居民基本养老保险', kind: 'bool', aliases: ['是否参加新型农村社会养老保险', '是否参加城乡居民基本养老保险（新型农村社会养老保险）'] },
  { key: 'hasEmployeePension', label: '是否参加城镇职工基本养老保险', kind: 'bool' },
  { key: 'receivesMedicalAid', label: '是否接受大病医疗救助', kind: 'bool' },
  { key: 'receivesOtherHealthSupport', label: '是否接受其他健康扶贫', kind: 'bool' },
  { key: 'speaksMandarin', label: '是否会讲普通话', kind: 'bool' },
  { key: 'publicWelfareJobType', label: '公益性岗位类型', kind: 'text' },
  { key: 'publicWelfareJobMonths', label: '公益性岗位（月数）', kind: 'number', max: 12, aliases: ['公益性岗位(月数)'] },
  { key: 'employmentChannel', label: '就业渠道', kind: 'text' },
  { key: 'industryCategory', label: '产业分类', kind: 'text' },
  { key: 'hasAccidentInsuranceSubsidy', label: '是否享受人身意外保险补贴', kind: 'bool' },
  { key: 'phone', label: '成员联系电话', kind: 'text', sensitive: 'phone' },
  { key: 'changeReason', label: '人员变更原因', kind: 'code', codeField: 'memberChange' },
];

export const CONDITIONS_FIELDS: readonly Spec<ConditionsRecord>[] = [
  { key: 'dataYear', label: '条件年度', kind: 'year' },
  { key: 'farmlandArea', label: '耕地面积（亩）', kind: 'number', max: 100_000, aliases: ['耕地面积'] },
  { key: 'irrigatedArea', label: '有效灌溉面积（亩）', kind: 'number', max: 100_000, aliases: ['有效灌溉面积'] },
  { key: 'forestArea', label: '林地面积（亩）', kind: 'number', max: 100_000, aliases: ['林地面积'] },
  { key: 'grainToForestArea', label: '退耕还林面积（亩）', kind: 'number', max: 100_000, aliases: ['退耕还林面积'] },
  { key: 'orchardArea', label: '林果面积（亩）', kind: 'number', max: 100_000, aliases: ['林果面积'] },
  { key: 'pastureArea', label: '牧草地面积（亩）', kind: 'number', max: 100_000, aliases: ['牧草地面积'] },
  { key: 'waterSurfaceArea', label: '水面面积（亩）', kind: 'number', max: 100_000, aliases: ['水面面积'] },
  { key: 'joinedCooperative', label: '是否加入农民专业合作社', kind: 'bool', aliases: ['是否加入农民专业合作社（组织）'] },
  { key: 'ledByEnterprise', label: '是否有龙头企业带动', kind: 'bool' },
  { key: 'ledByEntrepreneur', label: '是否有创业致富带头人带动', kind: 'bool' },
  { key: 'hasProductionPower', label: '是否通生产用电', kind: 'bool' },
  { key: 'hasHouseholdPower', label: '是否通生活用电', kind: 'bool' },
  { key: 'hasRadioTv', label: '是否通广播电视', kind: 'bool' },
  { key: 'distanceToMainRoadKm', label: '与村主干路距离（公里）', kind: 'number', max: 1000, aliases: ['与村主干路距离'] },
  { key: 'roadType', label: '入户路类型', kind: 'code', codeField: 'roadType' },
  { key: 'housingArea', label: '住房面积（平方米）', kind: 'number', max: 10_000, aliases: ['住房面积'] },
  { key: 'housingStructure', label: '住房结构', kind: 'code', codeField: 'housingStructure', aliases: ['房屋主要结构'] },
  { key: 'isDilapidated', label: '是否危房户', kind: 'bool', aliases: ['是否危房'] },
  { key: 'dilapidationGrade', label: '危房级别', kind: 'code', codeField: 'dilapidationGrade' },
  { key: 'renovationYear', label: '危改年度', kind: 'year' },
  { key: 'waterDifficulty', label: '饮水是否困难', kind: 'bool' },
  { key: 'waterSafe', label: '饮水是否安全', kind: 'bool', aliases: ['是否解决安全饮用水'] },
  { key: 'fuelType', label: '主要燃料类型', kind: 'code', codeField: 'fuel' },
  { key: 'hasSanitaryToilet', label: '有无卫生厕所', kind: 'bool' },
];

const money = (key: Extract<keyof IncomeRecord, string>, label: string, aliases?: string[]): Spec<IncomeRecord> => ({
  key,
  label,
  kind: 'number',
  max: 10_000_000,
  ...(aliases ? { aliases } : {}),
});

export const INCOME_FIELDS: readonly Spec<IncomeRecord>[] = [
  { key: 'year', label: '收入年度', kind: 'year' },
  money('wageIncome', '工资性收入（元）', ['工资性收入']),
  money('productionIncome', '生产经营性收入（元）', ['生产经营性收入']),
  money('assetDividendIncome', '资产收益扶贫分红收入（元）', ['资产收益扶贫分红收入']),
  money('landTransferIncome', '土地流转收入（元）', ['土地流转收入']),
  money('otherPropertyIncome', '其他财产性收入（元）', ['其他财产性收入']),
  money('familyPlanningIncome', '计划生育金（元）', ['计划生育金']),
  money('dibaoIncome', '低保金（元）', ['低保金']),
  money('wubaoIncome', '特困供养金（元）', ['特困供养金', '五保金']),
  money('pensionIncome', '养老保险金（元）', ['养老保险金', '养老金']),
  money('ecoCompensationIncome', '生态补偿金（元）', ['生态补偿金']),
  money('otherTransferIncome', '其他转移性收入（元）', ['其他转移性收入']),
  money('productionExpense', '生产经营性支出（元）', ['生产经营性支出']),
  money('migrantWorkIncome', '务工收入（元）', ['务工收入']),
  money('publicWelfareJobIncome', '公益岗收入（元）', ['公益岗收入']),
  money('plantingIncome', '种植业收入（元）', ['种植业收入']),
  money('breedingIncome', '养殖业收入（元）', ['养殖业收入']),
  money('forestryFruitIncome', '林果业收入（元）', ['林果业收入']),
  money('otherProductionIncome', '其他生产经营性收入（元）', ['其他生产经营性收入']),
  money('plantingExpense', '种植业支出（元）', ['种植业支出']),
  money('breedingExpense', '养殖业支出（元）', ['养殖业支出']),
  money('forestryFruitExpense', '林果业支出（元）', ['林果业支出']),
  money('otherProductionExpense', '其他生产经营性支出（元）', ['其他生产经营性支出']),
  money('insuranceClaimIncome', '理赔收入（元）', ['理赔收入']),
  money('eligibleOutOfPocketExpense', '合规自付支出（元）', ['合规自付支出']),
  money('recordedNetIncome', '年纯收入（元）', ['年纯收入', '家庭纯收入']),
  money('recordedPerCapitaNetIncome', '人均纯收入（元）', ['人均纯收入', '家庭人均纯收入']),
];

/** Empty record of a form, every field null (or [] for multi-valued codes). */
export function emptyRecord<R>(specs: readonly FieldSpec[], base: Partial<R> = {}): R {
  const out: Record<string, unknown> = {};
  for (const s of specs) out[s.key] = s.kind === 'codes' ? [] : null;
  return { ...out, ...base } as R;
}

export const ALL_FIELD_SPECS: readonly FieldSpec[] = [...HOUSEHOLD_FIELDS, ...PERSON_FIELDS, ...CONDITIONS_FIELDS, ...INCOME_FIELDS];
