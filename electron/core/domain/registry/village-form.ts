// The village form (贫困村信息采集表, domain.md §1.8) as the clerk edits it: each field's kind and
// label, and the checks a county data officer would make before the form goes up. Types and
// ranges are errors (the form is refused); counts that cannot both be true are errors too; what
// is only unlikely is a warning.
import { violation, type RuleViolation } from '../assistance/violations';
import { codeTable, type CodeField, type CodeTableDefinition } from './code-tables';
import type { VillageRecord } from './types';

type Kind = 'text' | 'count' | 'area' | 'km' | 'yuan' | 'year' | 'longitude' | 'latitude' | 'bool' | 'code' | 'codes';

export interface VillageField {
  key: Exclude<keyof VillageRecord, 'regionCode' | 'dataYear'>;
  label: string;
  kind: Kind;
  table?: CodeField;
}

const f = (key: VillageField['key'], label: string, kind: Kind, table?: CodeField): VillageField => ({ key, label, kind, ...(table ? { table } : {}) });

/** Every editable field, in the form's order (the groups of §1.8). */
export const VILLAGE_FIELDS: readonly VillageField[] = [
  f('villageNumber', '贫困村编号', 'text'),
  f('name', '村名', 'text'),
  f('leaderName', '村负责人', 'text'),
  f('leaderPosition', '职务', 'text'),
  f('phone', '联系电话', 'text'),
  f('longitude', '经度', 'longitude'),
  f('latitude', '纬度', 'latitude'),
  f('changeYear', '变更年度', 'year'),
  f('attribute', '村属性', 'code', 'villageAttribute'),
  f('developmentDirection', '发展方向属性', 'code', 'villageDevelopment'),
  f('terrain', '地形地貌属性', 'code', 'terrain'),
  f('partyMemberCount', '中共党员人数', 'count'),
  f('collegeGraduateOfficialCount', '大学生村官人数', 'count'),
  f('hasResidentTeam', '是否有驻村工作队', 'bool'),
  f('plannedExitYear', '计划退出年度', 'year'),
  f('exitYear', '退出年度', 'year'),
  f('farmlandArea', '耕地面积（亩）', 'area'),
  f('irrigatedArea', '有效灌溉面积（亩）', 'area'),
  f('forestArea', '林地面积（亩）', 'area'),
  f('grainToForestArea', '退耕还林面积（亩）', 'area'),
  f('orchardArea', '林果面积（亩）', 'area'),
  f('pastureArea', '牧草地面积（亩）', 'area'),
  f('waterSurfaceArea', '水域面积（亩）', 'area'),
  f('groupCount', '自然村（村民小组）数', 'count'),
  f('householdCount', '总户数', 'count'),
  f('populationCount', '总人口数', 'count'),
  f('dibaoHouseholdCount', '低保户数', 'count'),
  f('dibaoPersonCount', '低保人口数', 'count'),
  f('wubaoHouseholdCount', '五保户数', 'count'),
  f('wubaoPersonCount', '五保人口数', 'count'),
  f('minorityPersonCount', '少数民族人口', 'count'),
  f('womenCount', '妇女人口', 'count'),
  f('disabledPersonCount', '残疾人口', 'count'),
  f('labourerCount', '劳动力人数', 'count'),
  f('migrantWorkerCount', '外出务工人数', 'count'),
  f('perCapitaNetIncome', '农民人均纯收入（元）', 'yuan'),
  f('collectiveIncome', '村级集体经济收入（元）', 'yuan'),
  f('ruralMedicalInsuredCount', '参加新型农村合作医疗人数', 'count'),
  f('residentPensionInsuredCount', '参加城乡居民基本养老保险人数', 'count'),
  f('employeePensionInsuredCount', '参加城镇职工基本养老保险人数', 'count'),
  f('pavedRoadToTownship', '到乡镇是否通沥青（水泥）路', 'bool'),
  f('hasBusService', '是否通客运班车', 'bool'),
  f('unpavedKmToTownship', '行政村到乡镇未通沥青（水泥）路里程（公里）', 'km'),
  f('groupsWithoutPavedRoad', '自然村到行政村未通沥青（水泥）路村数', 'count'),
  f('unpavedKmGroupsToVillage', '自然村到行政村未通沥青（水泥）路里程（公里）', 'km'),
  f('unsafeWaterHouseholdCount', '未实现饮水安全户数', 'count'),
  f('waterDifficultyHouseholdCount', '饮水困难户数', 'count'),
  f('electrifiedGroupCount', '已通电自然村（20户以上）数', 'count'),
  f('groupsWithoutHouseholdPower', '未通生活用电自然村数', 'count'),
  f('householdsWithoutHouseholdPower', '未通生活用电户数', 'count'),
  f('groupsWithoutProductionPower', '未通生产用电自然村数', 'count'),
  f('householdsWithoutProductionPower', '未通生产用电户数', 'count'),
  f('dilapidatedHouseholdCount', '危房户数', 'count'),
  f('cooperativeCount', '农民专业合作社个数', 'count'),
  f('ruralTourismHouseholdCount', '开展乡村旅游的户数', 'count'),
  f('farmStayHouseholdCount', '经营农家乐的户数', 'count'),
  f('ruralTourismWorkerCount', '乡村旅游从业人员数', 'count'),
  f('farmStayAverageIncome', '经营农家乐户年均收入（元）', 'yuan'),
  f('clinicCount', '行政村卫生室个数', 'count'),
  f('publicToiletCount', '公共卫生厕所个数', 'count'),
  f('doctorCount', '执业（助理）医师数', 'count'),
  f('garbageSiteCount', '生产生活垃圾集中堆放点个数', 'count'),
  f('libraryCount', '文化（图书）室个数', 'count'),
  f('radioTvHouseholdCount', '通广播电视户数', 'count'),
  f('broadbandHouseholdCount', '通宽带户数', 'count'),
  f('broadbandSchoolCount', '通宽带的村小学个数', 'count'),
  f('mobileInternetHouseholdCount', '能用手机上网的户数', 'count'),
  f('informationOfficerCount', '行政村信息员个数', 'count'),
  f('hasMutualFund', '是否扶贫互助资金组织村', 'bool'),
  f('disastersLastYear', '上年遭受自然灾害类型', 'codes', 'disasterType'),
];

/** The form's groups (§1.8), each named by its first field. */
export const VILLAGE_SECTIONS: readonly { title: string; first: VillageField['key'] }[] = [
  { title: '基本信息', first: 'villageNumber' },
  { title: '村属性', first: 'attribute' },
  { title: '土地', first: 'farmlandArea' },
  { title: '人口', first: 'groupCount' },
  { title: '收入与社会保障', first: 'perCapitaNetIncome' },
  { title: '道路', first: 'pavedRoadToTownship' },
  { title: '饮水、用电、住房', first: 'unsafeWaterHouseholdCount' },
  { title: '产业', first: 'cooperativeCount' },
  { title: '卫生', first: 'clinicCount' },
  { title: '文化与信息', first: 'libraryCount' },
  { title: '其他', first: 'hasMutualFund' },
];

const TITLE = '贫困村信息采集表';
// China's extent, so a swapped or mistyped coordinate is caught (Gansu is 92–109°E, 32–43°N).
const RANGES: Partial<Record<Kind, [number, number, string]>> = {
  longitude: [73, 136, '经度应在 73–136 之间（东经，度）'],
  latitude: [3, 54, '纬度应在 3–54 之间（北纬，度）'],
  year: [2013, 2100, '应为 2013 年以后的四位年份'],
};

function typeProblem(field: VillageField, v: unknown, year: number, tables: readonly CodeTableDefinition[] | undefined): string | null {
  if (v === null || v === undefined) return null;
  switch (field.kind) {
    case 'text':
      return typeof v === 'string' && v.length <= 60 ? null : '应为不超过 60 个字的文字';
    case 'bool':
      return typeof v === 'boolean' ? null : '应为「是」或「否」';
    case 'code':
      return typeof v === 'string' && codeTable(field.table!, year, tables).some((e) => e.code === v) ? null : `「${String(v)}」不是代码表中的值`;
    case 'codes':
      return Array.isArray(v) && v.every((c) => typeof c === 'string' && codeTable(field.table!, year, tables).some((e) => e.code === c)) ? null : '含有代码表中没有的值';
    case 'count':
      return Number.isInteger(v) && (v as number) >= 0 ? null : '应为不小于 0 的整数';
    default: {
      if (typeof v !== 'number' || !Number.isFinite(v)) return '应为数字';
      const range = RANGES[field.kind];
      if (range) return v >= range[0] && v <= range[1] && (field.kind !== 'year' || Number.isInteger(v)) ? null : range[2];
      return v >= 0 ? null : '不能为负数';
    }
  }
}

type NumberKey = { [K in keyof VillageRecord]-?: VillageRecord[K] extends number | null | undefined ? K : never }[keyof VillageRecord];
const label = (key: NumberKey): string => VILLAGE_FIELDS.find((x) => x.key === key)!.label;

// Part ≤ whole: what the form counts among the households or the people of the village.
const PARTS: [NumberKey, NumberKey][] = [
  ['dibaoHouseholdCount', 'householdCount'],
  ['wubaoHouseholdCount', 'householdCount'],
  ['unsafeWaterHouseholdCount', 'householdCount'],
  ['waterDifficultyHouseholdCount', 'householdCount'],
  ['dilapidatedHouseholdCount', 'householdCount'],
  ['dibaoPersonCount', 'populationCount'],
  ['wubaoPersonCount', 'populationCount'],
  ['minorityPersonCount', 'populationCount'],
  ['womenCount', 'populationCount'],
  ['disabledPersonCount', 'populationCount'],
  ['labourerCount', 'populationCount'],
  ['migrantWorkerCount', 'populationCount'],
  ['ruralMedicalInsuredCount', 'populationCount'],
  ['irrigatedArea', 'farmlandArea'],
  ['groupsWithoutPavedRoad', 'groupCount'],
  ['groupsWithoutHouseholdPower', 'groupCount'],
  ['groupsWithoutProductionPower', 'groupCount'],
];

/** Checks a village form; errors refuse the save, warnings are shown beside the fields. */
export function checkVillageRecord(record: Record<string, unknown>, ctx: { year: number; tables?: readonly CodeTableDefinition[] }): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const field of VILLAGE_FIELDS) {
    const problem = typeProblem(field, record[field.key], ctx.year, ctx.tables);
    if (problem) out.push(violation(`VILLAGE-${field.kind.toUpperCase()}`, field.key, field.label, problem, TITLE));
  }
  if (out.length > 0) return out; // the sums below need the types right
  const n = (k: NumberKey): number | null => (typeof record[k] === 'number' ? (record[k] as number) : null);
  for (const [part, whole] of PARTS) {
    const p = n(part);
    const w = n(whole);
    if (p !== null && w !== null && p > w) out.push(violation('VILLAGE-PART', part, label(part), `${p} 大于「${label(whole)}」${w}`, '分项不能大于总数'));
  }
  for (const [persons, homes] of [['dibaoPersonCount', 'dibaoHouseholdCount'], ['wubaoPersonCount', 'wubaoHouseholdCount']] as const) {
    const p = n(persons);
    const h = n(homes);
    if (p !== null && h !== null && p < h) out.push(violation('VILLAGE-PERSONS', persons, label(persons), `${p} 少于「${label(homes)}」${h}，每户至少一人`, '人数不少于户数'));
  }
  const planned = n('plannedExitYear');
  const exited = n('exitYear');
  const notPoor = codeTable('villageAttribute', ctx.year, ctx.tables).some((e) => e.code === record.attribute && e.group === 'notPoor');
  if (exited !== null && notPoor) {
    out.push(violation('VILLAGE-EXIT', 'exitYear', '退出年度', '非贫困村没有退出年度', TITLE, 'warning'));
  }
  if (planned !== null && exited !== null && exited < planned - 3) {
    out.push(violation('VILLAGE-EXIT', 'exitYear', '退出年度', `${exited} 比计划退出年度 ${planned} 早三年以上，请核实`, TITLE, 'warning'));
  }
  if (typeof record.phone === 'string' && record.phone !== '' && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(record.phone)) {
    out.push(violation('VILLAGE-PHONE', 'phone', '联系电话', '应为 11 位手机号或带区号的固定电话', TITLE));
  }
  return out;
}
