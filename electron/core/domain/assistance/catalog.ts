// The small code lists of the assistance records that the national forms leave open ([U] in
// domain.md §4.4, §6): our codes, labels as a township station writes them. The measure categories
// themselves are the registry's versioned code table `assistanceMeasure` (national list), and
// 隶属关系 is its `affiliation` table, so administrators edit those where they edit every table.

export interface Option<C extends string = string> {
  code: C;
  label: string;
}

/** 驻村工作队 roles (national flags 队长标志, 驻村工作队副队长, 是否驻村队员, 包村干部). 第一书记 is a separate flag. */
export const TEAM_ROLES = [
  { code: 'leader', label: '队长' },
  { code: 'deputy', label: '副队长' },
  { code: 'member', label: '队员' },
  { code: 'townshipCadre', label: '包村干部' },
] as const satisfies readonly Option[];
export type TeamRole = (typeof TEAM_ROLES)[number]['code'];

/** 学历 (aak036) of a cadre. */
export const CADRE_EDUCATION: readonly Option[] = [
  { code: '1', label: '研究生' },
  { code: '2', label: '大学本科' },
  { code: '3', label: '大学专科' },
  { code: '4', label: '中专或高中' },
  { code: '5', label: '初中及以下' },
];

/** 资金来源 of a measure. */
export const FUND_SOURCES: readonly Option[] = [
  { code: '01', label: '财政专项扶贫资金' },
  { code: '02', label: '行业部门资金' },
  { code: '03', label: '东西部扶贫协作资金' },
  { code: '04', label: '定点帮扶（双联）单位资金' },
  { code: '05', label: '社会帮扶资金' },
  { code: '06', label: '扶贫小额信贷' },
  { code: '07', label: '农户自筹' },
  { code: '99', label: '其他' },
];

/** 落实情况 of a measure. */
export const MEASURE_STATUSES = [
  { code: 'planned', label: '计划' },
  { code: 'inProgress', label: '实施中' },
  { code: 'done', label: '已落实' },
  { code: 'cancelled', label: '已取消' },
] as const satisfies readonly Option[];
export type MeasureStatus = (typeof MEASURE_STATUSES)[number]['code'];

/** 工作内容 of a ledger entry. */
export const LEDGER_KINDS: readonly Option[] = [
  { code: 'visit', label: '走访入户' },
  { code: 'policy', label: '宣讲政策' },
  { code: 'project', label: '落实项目' },
  { code: 'problem', label: '解决问题' },
  { code: 'training', label: '技能培训' },
  { code: 'other', label: '其他' },
];

/** Kinds of benefit received (the registry's `benefits` table, column `kind`). */
export const BENEFIT_KINDS = [
  { code: 'smallLoan', label: '扶贫小额信贷' },
  { code: 'dibao', label: '农村低保' },
  { code: 'relocation', label: '易地扶贫搬迁' },
  { code: 'housingRenovation', label: '农村危房改造' },
  { code: 'education', label: '教育扶贫' },
  { code: 'health', label: '健康扶贫' },
] as const satisfies readonly Option[];
export type BenefitKind = (typeof BENEFIT_KINDS)[number]['code'];

/** 甘肃精准扶贫专项贷款: 发展型 (own project) and 带动型 (through a 致富带头人, cooperative or enterprise). */
export const LOAN_TYPES: readonly Option[] = [
  { code: 'development', label: '发展型' },
  { code: 'driven', label: '带动型' },
];

/** 危房改造 method by grade: C 修缮加固, D 拆除重建. */
export const RENOVATION_METHODS: readonly (Option & { grade: string })[] = [
  { code: 'repair', label: '修缮加固', grade: '02' },
  { code: 'rebuild', label: '拆除重建', grade: '03' },
];

export const labelIn = (list: readonly Option[], code: string | null | undefined): string | undefined => list.find((o) => o.code === code)?.label;
