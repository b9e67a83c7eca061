// The typed data each print document is built from. Loaders (services/printing) fill these from
// the database; the builders only lay them out, so every figure printed is one a test can compute
// independently. Anything personal arrives already masked where the document is public.

/** Where and when a document is about. */
export interface DocHeading {
  /** 会宁县 */
  countyName: string;
  /** 会师镇; '' for a county-wide document */
  townshipName: string;
  /** 南关村; '' for a township- or county-wide document */
  villageName: string;
  year: number;
  /** The date the figures are as of, 'YYYY-MM-DD': the year's end, or today in the running year. */
  asOf: string;
  /** 'YYYY-MM-DD', printed in the footer. */
  printedOn: string;
}

export interface DocBase {
  heading: DocHeading;
  /**
   * Approved data prints without the 「草稿 未审定」 watermark. Yearly figures are approved once
   * the year is closed (年度结账 freezes them); a notice once its 公示 period is on record.
   */
  approved: boolean;
}

export interface Count {
  households: number;
  persons: number;
}

/** 贫困人口致贫原因表: 村民小组 × 主要致贫原因, in households and persons. */
export interface CauseTableData extends DocBase {
  causes: { code: string; label: string }[];
  groups: { name: string; cells: Count[]; total: Count }[];
  totals: Count[];
  grand: Count;
  /** Of the grand total, still poor on the date. */
  poor: Count;
}

export interface FlowRow {
  year: number;
  opening: Count;
  newlyIdentified: Count;
  returned: Count;
  exited: Count;
  naturalDecrease: Count;
  naturalIncrease: Count;
  closing: Count;
  incidencePercent: number | null;
}

/** 贫困人口进出动态图 */
export interface FlowChartData extends DocBase {
  population: number | null;
  rows: FlowRow[];
}

export interface TargetYear {
  year: number;
  planned: Count;
  actual: Count;
}

export interface TargetIndicator {
  label: string;
  current: string;
  target: string;
  /** null: not judged yet (a figure nobody filled in) */
  done: boolean | null;
}

/** 全村脱贫目标任务图 */
export interface TargetChartData extends DocBase {
  years: TargetYear[];
  villagePlannedExitYear: number | null;
  villageExitYear: number | null;
  indicators: TargetIndicator[];
}

export interface HouseholdTableRow {
  groupName: string;
  headName: string;
  persons: number;
  attributeLabel: string;
  mainCauseLabel: string;
  cadres: string;
  plannedExitYear: number | null;
  measures: string;
  /** 元 */
  perCapitaNet: number | null;
  statusLabel: string;
}

/** 贫困户脱贫目标任务表 */
export interface HouseholdTableData extends DocBase {
  rows: HouseholdTableRow[];
}

/** 帮扶明白卡: one household, masked for the door. */
export interface DoorCardData extends DocBase {
  headName: string;
  groupName: string;
  persons: number;
  labourers: number | null;
  attributeLabel: string;
  mainCauseLabel: string;
  otherCauseLabels: string[];
  statusLabel: string;
  plannedExitYear: number | null;
  perCapitaNet: number | null;
  members: { name: string; relationship: string; age: number | null; health: string; education: string }[];
  conditions: string[];
  goal: string | null;
  planRows: { label: string; baseline: string; plan: string; actual: string }[];
  measures: { category: string; project: string; amount: number | null; status: string }[];
  benefits: string[];
  /** The cadre's phone is the household's line to its helper: printed in full. */
  cadres: { name: string; unit: string; position: string; phone: string }[];
}

/** One 二看 photo on the household books: the picture and its caption, never an ID number. */
export interface BookPhoto {
  stageLabel: string;
  /** The date the completed step gave, when it cites this photo; otherwise only the upload date is known. */
  inspectedOn: string | null;
  uploadedOn: string;
  /** The uploader's display name. */
  uploader: string;
  note: string;
  width: number;
  height: number;
  /** data:image/jpeg|png;base64,… as stored: a print document may load nothing. */
  dataUrl: string;
}

/** 户户3本账 of one household and year: 脱贫计划, 帮扶措施, 工作台账 (and the 二看 photos). */
export interface HouseholdBooksData extends DocBase {
  headName: string;
  /** The head's ID number, masked by the office's policy (never in full on a book). */
  idMasked: string;
  groupName: string;
  persons: number;
  attributeLabel: string;
  mainCauseLabel: string;
  statusLabel: string;
  /** The cadre's phone is the household's line to its helper: printed in full, as on the door card. */
  cadres: { name: string; unit: string; position: string; phone: string; from: string; to: string | null }[];
  plan: {
    /** The plan's own year: the book's year, or the latest earlier plan still in force. */
    year: number;
    plannedExitYear: number | null;
    period: string | null;
    goal: string | null;
    rows: { label: string; baseline: string; plan: string; actual: string }[];
  } | null;
  measures: {
    category: string;
    project: string;
    fundSource: string;
    amount: number | null;
    period: string;
    benefit: string;
    responsible: string;
    status: string;
  }[];
  ledger: { date: string; cadre: string; kind: string; content: string; solved: string; signed: boolean }[];
  /** The 二看 photos of the household's identification case(s), in upload order. */
  photos: BookPhoto[];
}

export type NoticeKind = 'identification' | 'exit';
/** 公示: the list before the decision; 公告: the decision published. */
export type NoticeForm = 'notice' | 'announcement';

/** 公示 / 公告: every personal number already masked by the loader's policy. */
export interface NoticeData extends DocBase {
  kind: NoticeKind;
  form: NoticeForm;
  /** 「村级公示」… as recorded; null when no period is on record (blanks to fill in). */
  levelLabel: string | null;
  startDate: string | null;
  endDate: string | null;
  /** 「5个工作日」, the rule for the year */
  periodLabel: string | null;
  rows: {
    groupName: string;
    headName: string;
    idMasked: string;
    persons: number;
    attributeLabel: string;
    causeLabel: string;
    /** exit lists: 人均纯收入 (元) */
    perCapitaNet: number | null;
    phoneMasked: string;
  }[];
  /** Who publishes it: 「高家庄村村民委员会」, 「会师镇人民政府」. */
  issuer: string;
  /** Where objections go (an office, not a person), printed in full; null: a blank to fill in. */
  objection: { office: string | null; phone: string | null; address: string | null };
  maskingPolicy: string;
}

/** 3342 退出验收签字表 of a village's exit cases of one year: the households, then every level × role. */
export interface SignoffSheetData extends DocBase {
  rows: {
    groupName: string;
    headName: string;
    idMasked: string;
    persons: number;
    perCapitaNet: number | null;
    /** 「通过」「未通过（人均纯收入…）」 or 「未核验」 */
    checkLabel: string;
    stageLabel: string;
  }[];
  /**
   * One line per level and role. Signatures are recorded per household; a role is filled when
   * every listed household carries it, and the names and dates are those on record.
   */
  levels: {
    label: string;
    roles: { label: string; signers: string[]; firstDate: string | null; lastDate: string | null; signed: number; of: number }[];
  }[];
  /** Every household's sign-off is complete. */
  complete: boolean;
}

export interface StatisticsRow {
  code: string;
  name: string;
  /** 建档立卡 on the date: poor or exited, still on the books. */
  registered: Count;
  /** 未脱贫 (returned households included). */
  poor: Count;
  /** Of `poor`, back in poverty after an exit (返贫). */
  returned: Count;
  exited: Count;
  /** Registered households by 贫困户属性 group; `unknown`: not filled in. */
  byAttribute: { general: number; dibao: number; wubao: number; unknown: number };
  /** Registered households by 主要致贫原因, in the order of StatisticsData.causes. */
  byCause: number[];
  /** Exits dated in the year (贫困人口进出 「脱贫」). */
  exitsOfYear: Count;
  population: number | null;
  /** Poor persons on the date over the population; null when a village's population is missing. */
  incidencePercent: number | null;
}

/** 统计表: the villages of a township, or the townships of a county. */
export interface StatisticsData extends DocBase {
  /** 'village': rows are villages; 'township': rows are townships. */
  rowLevel: 'village' | 'township';
  /** 会师镇 / 会宁县 */
  scopeName: string;
  causes: { code: string; label: string }[];
  rows: StatisticsRow[];
  total: StatisticsRow;
}
