// Assistance policy as data (domain.md §4.4, §6, §7). Year-bound money amounts (small-loan caps,
// 低保 classes, relocation caps) live in the year parameters; what is here holds across years and
// is kept by the county office as one editable document. Entries marked `unconfirmed` are our best
// understanding ([U] in domain.md) and are what an administrator is expected to check.
import type { CodeTableVersion } from '../registry/code-tables';

/** One rank of 行政职务级别 (aaf031) with the most households a cadre of that rank helps at once. */
export interface QuotaRank {
  code: string;
  label: string;
  /** null: the rank has no quota (no limit is checked) */
  maxHouseholds: number | null;
  unconfirmed?: boolean;
}

/**
 * The per-rank pairing quota. 陇西 2017's "4432": a county-level cadre helps 4 households, a 正科
 * cadre 4, a 副科 cadre 3, an ordinary cadre 2 (domain.md §6). Ranks above county level are not
 * named by the rule; they get the county figure until the office says otherwise.
 */
export interface QuotaRule {
  name: string;
  ranks: readonly QuotaRank[];
}

export interface LoanPurpose {
  code: string;
  label: string;
  /** "户借、户用、户还": only productive uses qualify; marriage, housing and consumption do not */
  productive: boolean;
}

export interface EducationProgram {
  code: string;
  label: string;
  /** Upper bound per student and year (元); null: none known */
  capPerStudentYuan: number | null;
  /** 在校生状况 codes that qualify, per code-table version (the latest version not after the year's applies) */
  eligibleStudentStatus: Partial<Record<CodeTableVersion, readonly string[]>>;
  unconfirmed?: boolean;
}

export interface HealthProgram {
  code: string;
  label: string;
  /** What the member must have for the support to make sense: insured, ill/disabled, or nothing */
  requires: 'ruralInsurance' | 'criticalInsurance' | 'illOrDisabled' | null;
}

export interface AssistancePolicy {
  quota: QuotaRule;
  /** 两个全覆盖 */
  coverage: {
    /** 脱贫状态 codes of households that must have a named 帮扶责任人 ("脱贫不脱帮扶": 已脱贫享受政策 too) */
    coveredExitStatuses: readonly string[];
    /** 驻村工作队 members serve at least this many days a year in the village */
    minDaysInVillage: number;
  };
  plan: {
    /** The last year a household can plan to exit (the 2020 goal) */
    exitDeadlineYear: number;
  };
  loanPurposes: readonly LoanPurpose[];
  housingRenovation: {
    /** Subsidy cap per 危房级别 code (02 C类 修缮加固, 03 D类 拆除重建); null: not known */
    subsidyCapByGrade: Readonly<Record<string, number | null>>;
  };
  education: readonly EducationProgram[];
  health: readonly HealthProgram[];
  /** Dotted paths of values above that are [U] */
  unconfirmed: readonly string[];
}

const VOCATIONAL_2014 = ['10', '11', '12', '13', '14', '15'];
const VOCATIONAL_2019 = ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19'];

export const DEFAULT_ASSISTANCE_POLICY: AssistancePolicy = {
  quota: {
    name: '4432',
    ranks: [
      { code: '01', label: '省级干部', maxHouseholds: 4, unconfirmed: true },
      { code: '02', label: '厅级干部', maxHouseholds: 4, unconfirmed: true },
      { code: '03', label: '县级干部', maxHouseholds: 4 },
      { code: '04', label: '正科级干部', maxHouseholds: 4 },
      { code: '05', label: '副科级干部', maxHouseholds: 3 },
      { code: '06', label: '一般干部', maxHouseholds: 2 },
      { code: '99', label: '其他人员', maxHouseholds: 2, unconfirmed: true },
    ],
  },
  coverage: { coveredExitStatuses: ['0', '1', '2', '3'], minDaysInVillage: 220 },
  plan: { exitDeadlineYear: 2020 },
  loanPurposes: [
    { code: '01', label: '种植业', productive: true },
    { code: '02', label: '养殖业', productive: true },
    { code: '03', label: '林果业', productive: true },
    { code: '04', label: '农产品加工', productive: true },
    { code: '05', label: '商贸流通和服务业', productive: true },
    { code: '06', label: '乡村旅游', productive: true },
    { code: '07', label: '其他生产经营', productive: true },
    { code: '81', label: '婚丧嫁娶', productive: false },
    { code: '82', label: '建房购房', productive: false },
    { code: '83', label: '生活消费', productive: false },
    { code: '84', label: '归集到企业统贷统还', productive: false },
  ],
  housingRenovation: { subsidyCapByGrade: { '02': null, '03': null } },
  education: [
    {
      code: 'yulu',
      label: '雨露计划（中高职）',
      capPerStudentYuan: 3000,
      eligibleStudentStatus: { '2014-2016': VOCATIONAL_2014, '2019-2020': VOCATIONAL_2019 },
    },
    {
      code: 'boarding',
      label: '义务教育寄宿生生活补助（两免一补）',
      capPerStudentYuan: 1250,
      eligibleStudentStatus: { '2014-2016': ['03', '04', '05', '06'], '2019-2020': ['03', '04', '05', '06'] },
      unconfirmed: true,
    },
    {
      code: 'tuition',
      label: '普通高中和中职免学费及教科书费',
      capPerStudentYuan: null,
      eligibleStudentStatus: { '2014-2016': ['07', '08', '09', '10', '11', '12'], '2019-2020': ['07', '08', '09', '10', '11', '12'] },
      unconfirmed: true,
    },
    { code: 'other', label: '其他教育资助', capPerStudentYuan: null, eligibleStudentStatus: {} },
  ],
  health: [
    { code: 'premium', label: '城乡居民医保个人缴费资助', requires: 'ruralInsurance' },
    { code: 'critical', label: '大病保险倾斜报销', requires: 'criticalInsurance' },
    { code: 'aid', label: '医疗救助', requires: 'illOrDisabled' },
    { code: 'payLater', label: '先诊疗后付费、一站式结算', requires: null },
    { code: 'other', label: '其他健康扶贫', requires: null },
  ],
  unconfirmed: ['quota.ranks.01', 'quota.ranks.02', 'quota.ranks.99', 'housingRenovation.subsidyCapByGrade', 'education.boarding', 'education.tuition'],
};

const VERSIONS: readonly CodeTableVersion[] = ['2014-2016', '2017-2018', '2019-2020', '2021+'];

/** The list of a program for `version`: the latest version key not after it. */
export function eligibleStatusesFor(program: EducationProgram, version: CodeTableVersion): readonly string[] | null {
  const at = VERSIONS.indexOf(version);
  for (let i = at; i >= 0; i--) {
    const list = program.eligibleStudentStatus[VERSIONS[i]!];
    if (list) return list;
  }
  return Object.keys(program.eligibleStudentStatus).length === 0 ? null : [];
}

export const rankOf = (rule: QuotaRule, code: string | null | undefined): QuotaRank | undefined => rule.ranks.find((r) => r.code === code);
