// Plain data shapes of the 建档立卡 registry (domain.md §1). They mirror the national forms so
// that import, export, printing and the quality rules all speak about the same fields.
//
// Conventions, chosen so that imported data from any form version fits without loss:
// - coded fields hold the code as a string ('01', '3'); labels come from code-tables.ts for the
//   record's year, because the same code printed differently across versions;
// - Y/N fields are `boolean | null` — null means "not filled", which the quality rules must be
//   able to tell apart from 否;
// - amounts (yuan) and areas (亩, m²) are `number | null`; dates are ISO strings 'YYYY-MM-DD';
// - multi-valued codes (健康状况 2019+, 其他致贫原因) are arrays, empty when not filled.
// This file is a shared contract: add fields, never rename them.

/** A code as stored (e.g. '01'); its label depends on the code-table version of the year. */
export type Code = string;

/** 'YYYY-MM-DD' */
export type IsoDate = string;

/** 易地扶贫搬迁 block (§1.5.3). */
export interface RelocationBlock {
  /** 是否搬迁户 */
  isRelocated: boolean | null;
  /** 搬迁方式 (code table `relocationMode`) */
  relocationMode: Code | null;
  /** 安置方式 — 集中安置 / 分散安置 (code table `resettlementMode`) */
  resettlementMode: Code | null;
  /** 安置地 — 县城/乡镇/中心村/村内/县外 (code table `resettlementPlace`) */
  resettlementPlace: Code | null;
  /** 搬迁可能存在的困难 (multi; list [U], free codes/labels) */
  difficulties: string[];
}

/** 户基本信息 — one household in one data year (§1.1, §1.2). */
export interface HouseholdRecord {
  /** 户编号 (AAC001), national numeric string; null until the national system assigns one */
  householdNumber: string | null;
  /** 年度 (AAR040): the registry is a yearly snapshot */
  dataYear: number;
  /** 行政区划 (AAR008): 12-digit 统计用区划代码 of the village */
  regionCode: string;
  /** 村民小组（自然村）名称, free text */
  groupName: string | null;
  /** 户主姓名 (AAC029) */
  headName: string | null;
  /** 户主证件号码 (AAC031), 15/18/20/22 chars */
  headIdNumber: string | null;
  /** 家庭人口数 (AAC017) as recorded; must equal the member count */
  householdSize: number | null;
  /** 劳动力人数 as recorded; derived from 劳动技能 (see household-consistency.ts) */
  labourerCount: number | null;
  /** 联系电话 (AAR012), 11 digits */
  phone: string | null;
  /** 开户银行 */
  bank: string | null;
  /** 银行卡号 */
  bankAccount: string | null;
  /** 识别标准 (SYS_STANDARD): 国家标准/省定标准/市定标准 (code table `identificationStandard`) */
  identificationStandard: Code | null;
  /** 贫困户属性 (AAC006) (code table `attribute`) */
  attribute: Code | null;
  /** 主要致贫原因 (code table `cause`) */
  mainCause: Code | null;
  /** 其他致贫原因 (multi; must not repeat the main cause) */
  otherCauses: Code[];
  /** 是否军烈属 */
  isMilitaryFamily: boolean | null;
  /** 是否独生子女户 */
  isOnlyChildFamily: boolean | null;
  /** 是否双女户 */
  isTwoDaughterFamily: boolean | null;
  /** 脱贫属性 / 脱贫标志 (AAR010) (code table `exitStatus`) */
  exitStatus: Code | null;
  /** 脱贫年度 (AAC023) */
  exitYear: number | null;
  /** 是否易地扶贫搬迁户 */
  isRelocationHousehold: boolean | null;
  /** 户类型 (2019+): 贫困户/脱贫户/一般农户 (code table `householdType`) */
  householdType: Code | null;
  /** 计划脱贫年度 */
  plannedExitYear: number | null;
  /** 首次识别时间 (AAR041) */
  firstIdentifiedDate: IsoDate | null;
  /** 易地扶贫搬迁 block; null when the household has none */
  relocation: RelocationBlock | null;
  /** 有效标志 (AAR100): true = 1 valid */
  valid?: boolean;
  /** 填表人 */
  fillerName?: string | null;
  /** 填表人联系电话 */
  fillerPhone?: string | null;
  /** 填表时间 */
  filledDate?: IsoDate | null;
  /** Labels as printed on the imported form, by field name, so exports reproduce them faithfully */
  labelsAsPrinted?: Record<string, string>;
}

/** 家庭成员情况 — one member row (§1.3). */
export interface PersonRecord {
  /** 人口编号 (AAB001), assigned by the national system */
  personNumber: string | null;
  /** 姓名 (AAB002) */
  name: string | null;
  /** 性别 (AAB003), GB/T 2261.1: '1' 男, '2' 女, '9' 未说明 */
  sex: Code | null;
  /** 证件类型 (AAB018): '01' 居民身份证, '02' 军官证, '09' 残疾人证 */
  idType: Code | null;
  /** 证件号码 (AAB004), 15/18/20/22 chars */
  idNumber: string | null;
  /** 出生日期 as recorded; when null it is derived from the ID number */
  birthDate: IsoDate | null;
  /** 与户主关系 (AAB006) (code table `relationship`) */
  relationship: Code | null;
  /** 民族 (AAB007), GB/T 3304 (code table `ethnicity`) */
  ethnicity: Code | null;
  /** 政治面貌 (AAK033) (code table `politicalStatus`) */
  politicalStatus: Code | null;
  /** 文化程度 (AAB008) (code table `education`) */
  education: Code | null;
  /** 在校生状况 (AAB009) (code table `studentStatus`) */
  studentStatus: Code | null;
  /** 失学或辍学原因 (2019+) (code table `dropoutReason`) */
  dropoutReason: Code | null;
  /** 健康状况 (AAB017), multi-valued in 2019+ (code table `health`) */
  health: Code[];
  /** 患病名称 (ABB001) */
  diseaseName: string | null;
  /** 疾病等级 (ABB002) */
  diseaseGrade: string | null;
  /** 残疾类别 (2019+) (code table `disabilityCategory`) */
  disabilityCategory: Code | null;
  /** 残疾等级 (2019+) (code table `disabilityGrade`) */
  disabilityGrade: Code | null;
  /** 残疾证办证年度 (2019+) */
  disabilityCertificateYear: number | null;
  /** 是否持有残疾证 (derived or recorded; a 残疾人证 ID type also counts) */
  hasDisabilityCertificate: boolean | null;
  /** 劳动技能 / 劳动能力 (AAB010) (code table `labourSkill`) */
  labourSkill: Code | null;
  /** 务工状况 (2014–2016) (code table `migrantStatus`) */
  migrantStatus: Code | null;
  /** 务工时间(月) (AAB012), 0–12 */
  migrantMonths: number | null;
  /** 务工所在地 (2017+) */
  migrantPlace: string | null;
  /** 务工企业名称 (AAB029) (2017+) */
  migrantEmployer: string | null;
  /** 是否国外务工 (2019+) */
  worksAbroad: boolean | null;
  /** 是否现役军人 (AAB019) */
  isActiveMilitary: boolean | null;
  /** 是否享受低保 / 是否低保人员 (AAB030) */
  receivesDibao: boolean | null;
  /** 是否享受五保 / 是否特困供养人员 */
  receivesWubao: boolean | null;
  /** 是否参加新型农村合作医疗（城乡居民基本医疗保险） */
  hasRuralMedicalInsurance: boolean | null;
  /** 是否参加城镇职工基本医疗保险 */
  hasEmployeeMedicalInsurance: boolean | null;
  /** 是否参加大病保险 (AAB022) */
  hasCriticalIllnessInsurance: boolean | null;
  /** 是否参加商业补充医疗保险 (2019+) */
  hasCommercialMedicalInsurance: boolean | null;
  /** 是否参加城乡居民基本养老保险（新型农村社会养老保险） */
  hasResidentPension: boolean | null;
  /** 是否参加城镇职工基本养老保险 */
  hasEmployeePension: boolean | null;
  /** 是否接受大病医疗救助 (2019+) */
  receivesMedicalAid: boolean | null;
  /** 是否接受其他健康扶贫 (2019+) */
  receivesOtherHealthSupport: boolean | null;
  /** 是否会讲普通话 (2019+) */
  speaksMandarin: boolean | null;
  /** 公益性岗位类型 (2019+) */
  publicWelfareJobType: Code | null;
  /** 公益性岗位(月数) (2019+) */
  publicWelfareJobMonths: number | null;
  /** 就业渠道 (2019+) */
  employmentChannel: Code | null;
  /** 产业分类 (2019+) */
  industryCategory: Code | null;
  /** 是否享受人身意外保险补贴 */
  hasAccidentInsuranceSubsidy: boolean | null;
  /** 成员联系电话 */
  phone: string | null;
  /** 人员变更原因 (code table `memberChange`), null for an unchanged member */
  changeReason?: Code | null;
  /** Labels as printed on the imported form, by field name */
  labelsAsPrinted?: Record<string, string>;
}

/** 生产生活条件 (§1.5.1 + §1.5.2), one per household and year. */
export interface ConditionsRecord {
  /** 年度 */
  dataYear: number;
  // 生产条件
  /** 耕地面积 (亩) */
  farmlandArea: number | null;
  /** 有效灌溉面积 (亩) */
  irrigatedArea: number | null;
  /** 林地面积 (亩) */
  forestArea: number | null;
  /** 退耕还林面积 (亩) */
  grainToForestArea: number | null;
  /** 林果面积 (亩) */
  orchardArea: number | null;
  /** 牧草地面积 (亩) */
  pastureArea: number | null;
  /** 水面面积 (亩) */
  waterSurfaceArea: number | null;
  /** 是否加入农民专业合作社（组织） */
  joinedCooperative: boolean | null;
  /** 是否有龙头企业带动 (2017+) */
  ledByEnterprise: boolean | null;
  /** 是否有创业致富带头人带动 (2017+) */
  ledByEntrepreneur: boolean | null;
  // 生活条件
  /** 是否通生产用电 */
  hasProductionPower: boolean | null;
  /** 是否通生活用电 */
  hasHouseholdPower: boolean | null;
  /** 是否通广播电视 (2017+) */
  hasRadioTv: boolean | null;
  /** 与村主干路距离 (公里) */
  distanceToMainRoadKm: number | null;
  /** 入户路类型 (code table `roadType`) */
  roadType: Code | null;
  /** 住房面积 (平方米) */
  housingArea: number | null;
  /** 住房结构 (code table `housingStructure`) */
  housingStructure: Code | null;
  /** 是否危房(户) */
  isDilapidated: boolean | null;
  /** 危房级别 (code table `dilapidationGrade`) */
  dilapidationGrade: Code | null;
  /** 危改年度 */
  renovationYear: number | null;
  /** 饮水是否困难 */
  waterDifficulty: boolean | null;
  /** 饮水是否安全 (2019+: 是否解决安全饮用水) */
  waterSafe: boolean | null;
  /** 主要燃料类型 (code table `fuel`) */
  fuelType: Code | null;
  /** 有无卫生厕所 */
  hasSanitaryToilet: boolean | null;
}

/** 收入情况 (§1.6), yuan, one per household and income year. */
export interface IncomeRecord {
  /** 收入年度 */
  year: number;
  // 工资性收入: the form's total; the sub-items are detail and only used when the total is empty
  /** 工资性收入 */
  wageIncome: number | null;
  /** 务工收入 (工资性收入 sub-item) */
  migrantWorkIncome?: number | null;
  /** 公益岗收入 (工资性收入 sub-item, 2023 form) */
  publicWelfareJobIncome?: number | null;
  // 生产经营性收入
  /** 生产经营性收入 (total) */
  productionIncome: number | null;
  /** 种植业收入 */
  plantingIncome?: number | null;
  /** 养殖业收入 */
  breedingIncome?: number | null;
  /** 林果业收入 */
  forestryFruitIncome?: number | null;
  /** 其他生产经营性收入 */
  otherProductionIncome?: number | null;
  // 财产性收入 items (the total is computed)
  /** 资产收益扶贫分红收入 (2017+) */
  assetDividendIncome: number | null;
  /** 土地流转收入 */
  landTransferIncome: number | null;
  /** 其他财产性收入 */
  otherPropertyIncome: number | null;
  // 转移性收入 items (the total is computed)
  /** 计划生育金 */
  familyPlanningIncome: number | null;
  /** 低保金 */
  dibaoIncome: number | null;
  /** 特困供养金 (五保金) */
  wubaoIncome: number | null;
  /** 养老保险金 (养老金) */
  pensionIncome: number | null;
  /** 生态补偿金 */
  ecoCompensationIncome: number | null;
  /** 其他转移性收入 */
  otherTransferIncome: number | null;
  // 生产经营性支出
  /** 生产经营性支出 (total) */
  productionExpense: number | null;
  /** 种植业支出 */
  plantingExpense?: number | null;
  /** 养殖业支出 */
  breedingExpense?: number | null;
  /** 林果业支出 */
  forestryFruitExpense?: number | null;
  /** 其他生产经营性支出 */
  otherProductionExpense?: number | null;
  // Monitoring era (§1.6, §9)
  /** 理赔收入 */
  insuranceClaimIncome?: number | null;
  /** 合规自付支出 */
  eligibleOutOfPocketExpense?: number | null;
  // As imported, to compare with the computed values
  /** 年纯收入 as recorded on an imported form */
  recordedNetIncome?: number | null;
  /** 人均纯收入 as recorded on an imported form */
  recordedPerCapitaNetIncome?: number | null;
}

/** 贫困村信息采集表 (§1.8). Counts are `number | null`; amounts in yuan, areas in 亩. */
export interface VillageRecord {
  // 身份
  /** 贫困村编号 (aad001) */
  villageNumber: string | null;
  /** 行政区划: 12-digit village code */
  regionCode: string;
  /** 年度 */
  dataYear: number;
  /** 村名 */
  name: string | null;
  /** 村负责人 (aar011) */
  leaderName: string | null;
  /** 职务 (aaf031) */
  leaderPosition: string | null;
  /** 联系电话 (aar012) */
  phone: string | null;
  /** 经度 (aar101) */
  longitude: number | null;
  /** 纬度 (aar102) */
  latitude: number | null;
  /** 变更年度 */
  changeYear: number | null;
  // 属性
  /** 村属性 (aad004): 贫困村/非贫困村/深度贫困村 (code table `villageAttribute`) */
  attribute: Code | null;
  /** 发展方向属性 (aad035): 中心村/一般村/过渡村 (code table `villageDevelopment`) */
  developmentDirection: Code | null;
  /** 地形地貌属性 (aad036): 山区/丘陵/平原 (code table `terrain`) */
  terrain: Code | null;
  /** 中共党员人数 (aad037) */
  partyMemberCount: number | null;
  /** 大学生村官人数 (aad038) */
  collegeGraduateOfficialCount: number | null;
  /** 是否有驻村工作队 */
  hasResidentTeam: boolean | null;
  /** 计划退出年度 */
  plannedExitYear?: number | null;
  /** 退出年度 */
  exitYear?: number | null;
  // 土地 (亩)
  /** 耕地面积 (aad019) */
  farmlandArea: number | null;
  /** 有效灌溉面积 (aad027) */
  irrigatedArea: number | null;
  /** 林地面积 (aad021) */
  forestArea: number | null;
  /** 退耕还林面积 (aad022) */
  grainToForestArea: number | null;
  /** 林果面积 (aad023) */
  orchardArea: number | null;
  /** 牧草地面积 (aad024) */
  pastureArea: number | null;
  /** 水域面积 (aad025) */
  waterSurfaceArea: number | null;
  // 人口
  /** 自然村（村民小组）数 (aad006) */
  groupCount: number | null;
  /** 总户数 (aad005) */
  householdCount: number | null;
  /** 总人口数 (aad010) */
  populationCount: number | null;
  /** 低保户数 (aad008) */
  dibaoHouseholdCount: number | null;
  /** 低保人口数 (aad012) */
  dibaoPersonCount: number | null;
  /** 五保户数 (aad009) */
  wubaoHouseholdCount: number | null;
  /** 五保人口数 (aad013) */
  wubaoPersonCount: number | null;
  /** 少数民族人口 (aad014) */
  minorityPersonCount: number | null;
  /** 妇女人口 (aad015) */
  womenCount: number | null;
  /** 残疾人口 (aad016) */
  disabledPersonCount: number | null;
  /** 劳动力人数 (aad017) */
  labourerCount: number | null;
  /** 外出务工人数 (aad018) */
  migrantWorkerCount: number | null;
  // 收入与社保
  /** 农民人均纯收入 (aad301) */
  perCapitaNetIncome: number | null;
  /** 村级集体经济收入 (aad302) */
  collectiveIncome: number | null;
  /** 参加新型农村合作医疗人数 (aad311) */
  ruralMedicalInsuredCount: number | null;
  /** 参加城乡居民基本养老保险人数 (aad313) */
  residentPensionInsuredCount: number | null;
  /** 参加城镇职工基本养老保险人数 (aad314) */
  employeePensionInsuredCount: number | null;
  // 道路
  /** 到乡镇是否通沥青（水泥）路 (aad328) */
  pavedRoadToTownship: boolean | null;
  /** 是否通客运班车 (aad323) */
  hasBusService: boolean | null;
  /** 行政村到乡镇未通沥青（水泥）路里程 (公里) */
  unpavedKmToTownship: number | null;
  /** 自然村到行政村未通沥青（水泥）路村数 */
  groupsWithoutPavedRoad: number | null;
  /** 自然村到行政村未通沥青（水泥）路里程 (公里) */
  unpavedKmGroupsToVillage: number | null;
  // 水、电、房
  /** 未实现饮水安全户数 (aad331) */
  unsafeWaterHouseholdCount: number | null;
  /** 饮水困难户数 (aad332) */
  waterDifficultyHouseholdCount: number | null;
  /** 已通电自然村（20户以上）数 (aad358) */
  electrifiedGroupCount: number | null;
  /** 未通生活用电自然村数 */
  groupsWithoutHouseholdPower: number | null;
  /** 未通生活用电户数 */
  householdsWithoutHouseholdPower: number | null;
  /** 未通生产用电自然村数 */
  groupsWithoutProductionPower: number | null;
  /** 未通生产用电户数 */
  householdsWithoutProductionPower: number | null;
  /** 危房户数 (aad361) */
  dilapidatedHouseholdCount: number | null;
  // 产业
  /** 农民专业合作社个数 (aad371) */
  cooperativeCount: number | null;
  /** 开展乡村旅游的户数 (aad381) */
  ruralTourismHouseholdCount: number | null;
  /** 经营农家乐的户数 (aad382) */
  farmStayHouseholdCount: number | null;
  /** 乡村旅游从业人员数 (aad383) */
  ruralTourismWorkerCount: number | null;
  /** 经营农家乐户年均收入 (aad384) */
  farmStayAverageIncome: number | null;
  // 卫生
  /** 行政村卫生室个数 (aad391) */
  clinicCount: number | null;
  /** 公共卫生厕所个数 (aad392) */
  publicToiletCount: number | null;
  /** 执业（助理）医师数 (aad393) */
  doctorCount: number | null;
  /** 生产生活垃圾集中堆放点个数 (aad394) */
  garbageSiteCount: number | null;
  // 文化与信息
  /** 文化（图书）室个数 (aad401) */
  libraryCount: number | null;
  /** 通广播电视户数 */
  radioTvHouseholdCount: number | null;
  /** 通宽带户数 (aad411) */
  broadbandHouseholdCount: number | null;
  /** 通宽带的村小学个数 (aad412) */
  broadbandSchoolCount: number | null;
  /** 能用手机上网的户数 (aad413) */
  mobileInternetHouseholdCount: number | null;
  /** 行政村信息员个数 (aad414) */
  informationOfficerCount: number | null;
  // 其他 (2013 draft)
  /** 是否扶贫互助资金组织村 */
  hasMutualFund: boolean | null;
  /** 上年遭受自然灾害类型 (multi; code table `disasterType`) */
  disastersLastYear: Code[];
}
