// Default yearly parameters (domain.md §2, §7, §9, §1.9). Every money amount and threshold changed
// over the years and several are unconfirmed, so they are data: the database keeps a per-year
// row that starts from these defaults and that province packages may replace.

export interface NoticePeriod {
  days: number;
  /** Working days skip weekends and holidays; the calendar is not this module's concern. */
  unit: 'calendarDays' | 'workingDays';
}

export interface DibaoClass {
  /** 分类施保 class: '1' 一类 … '4' 四类 */
  classCode: '1' | '2' | '3' | '4';
  label: string;
  /** 元/人/年; null when no default is known */
  annualAmount: number | null;
}

export interface YearParams {
  year: number;
  /** 国家扶贫标准, NBS current-price line (元/人/年), used for identification and statistics */
  povertyLineNbs: number | null;
  /** 退出收入标准: the "stable exit" working target (2014 base × 1.06ⁿ; Gansu 2018: 3500) */
  exitIncomeTarget: number | null;
  /** 防返贫监测线 (元/人/年), 2020+ */
  monitoringLine: number | null;
  /** 农村低保分类施保标准 */
  dibaoClasses: readonly DibaoClass[];
  /** 扶贫小额信贷 limits (§7) */
  smallLoan: {
    maxAmountYuan: number;
    maxTermYears: number;
    minAge: number;
    maxAge: number;
    /** PBOC benchmark rates in percent; null where we hold no default */
    benchmarkRate1yPercent: number | null;
    benchmarkRate3yPercent: number | null;
  };
  /** 公示 periods: village identification list, household/village exit list */
  publicNotice: { identification: NoticePeriod; exit: NoticePeriod };
  /**
   * First day of the income year. Some provinces counted 1 Oct of the previous year to 30 Sept;
   * Gansu's cut-off is unconfirmed, so the default is the calendar year.
   */
  incomeYearStart: { month: number; day: number; inPreviousYear: boolean };
  /** Age brackets used by the checks (§1.4.7, §5.3, §8.2), inclusive */
  ages: {
    compulsoryEducation: { from: number; to: number };
    /** 在校生状况 must be filled (unless 文化程度 is) */
    studentStatusRequired: { from: number; to: number };
    /** working age for "healthy but no labour capacity" */
    working: { from: number; to: number };
    /** 劳动能力 must be filled */
    labourFieldRequired: { from: number; to: number };
  };
  /** National data-quality plausibility thresholds (§1.5.1, §1.5.2, §1.6) */
  quality: {
    maxFarmlandPerPersonMu: number;
    maxForestPerPersonMu: number;
    maxDistanceToRoadKm: number;
    maxPerCapitaNetIncome: number;
    phoneLength: number;
  };
  /** 易地扶贫搬迁 caps (§7) */
  relocation: { maxHousingAreaPerPersonM2: number; maxSelfFundingPerPerson: number; maxSelfFundingPerHousehold: number };
  /** Dotted paths of the values above that are [U] for this year, so the UI can say so */
  unconfirmed: readonly string[];
}

/** §2: NBS line and the 6 % exit series. null = no figure for that year. */
const LINES: Record<number, { nbs: number; exit: number; unconfirmed: string[] }> = {
  2014: { nbs: 2800, exit: 2800, unconfirmed: [] },
  2015: { nbs: 2855, exit: 2968, unconfirmed: ['exitIncomeTarget'] },
  2016: { nbs: 2952, exit: 3146, unconfirmed: ['exitIncomeTarget'] },
  2017: { nbs: 2952, exit: 3335, unconfirmed: ['povertyLineNbs', 'exitIncomeTarget'] },
  // Gansu's 2018 acceptance document says "稳定超过3500元", rounding the series' 3535.
  2018: { nbs: 2995, exit: 3500, unconfirmed: ['povertyLineNbs'] },
  2019: { nbs: 3218, exit: 3747, unconfirmed: ['povertyLineNbs', 'exitIncomeTarget'] },
  // "约4000" is quoted for both the line and the target in 2020.
  2020: { nbs: 4000, exit: 4000, unconfirmed: ['povertyLineNbs', 'exitIncomeTarget'] },
};

/** §9: about 1.5 × the line; 6000 is the commonly cited 2021 national reference. */
const MONITORING_LINE_2020_ON = 6000;

export function defaultYearParams(year: number): YearParams {
  const line = LINES[year];
  const unconfirmed: string[] = [...(line?.unconfirmed ?? [])];
  const monitoringLine = year >= 2020 ? MONITORING_LINE_2020_ON : null;
  // Later years were raised province by province (8400, 8800 seen); we only know the 2021 figure.
  if (monitoringLine !== null) unconfirmed.push('monitoringLine');
  unconfirmed.push('dibaoClasses', 'incomeYearStart', 'relocation');
  // The benchmark rates quoted in §7 held from late 2015; outside 2016–2020 we hold none.
  const hasRates = year >= 2016 && year <= 2020;
  return {
    year,
    povertyLineNbs: line?.nbs ?? null,
    exitIncomeTarget: line?.exit ?? null,
    monitoringLine,
    dibaoClasses: [
      { classCode: '1', label: '一类', annualAmount: 3300 },
      { classCode: '2', label: '二类', annualAmount: 2808 },
      { classCode: '3', label: '三类', annualAmount: null },
      { classCode: '4', label: '四类', annualAmount: null },
    ],
    smallLoan: {
      maxAmountYuan: 50_000,
      maxTermYears: 3,
      minAge: 18,
      maxAge: 65,
      benchmarkRate1yPercent: hasRates ? 4.35 : null,
      benchmarkRate3yPercent: hasRates ? 4.75 : null,
    },
    publicNotice: {
      identification: { days: 7, unit: 'calendarDays' },
      exit: { days: 5, unit: 'workingDays' },
    },
    incomeYearStart: { month: 1, day: 1, inPreviousYear: false },
    ages: {
      compulsoryEducation: { from: 6, to: 15 },
      studentStatusRequired: { from: 6, to: 23 },
      // 16–60 rather than 65: people of 60–65 may legitimately have lost their capacity, and the
      // national wording "16–60/65" allows either.
      working: { from: 16, to: 60 },
      labourFieldRequired: { from: 16, to: 65 },
    },
    quality: {
      maxFarmlandPerPersonMu: 50,
      maxForestPerPersonMu: 70,
      maxDistanceToRoadKm: 50,
      maxPerCapitaNetIncome: 100_000,
      phoneLength: 11,
    },
    relocation: { maxHousingAreaPerPersonM2: 25, maxSelfFundingPerPerson: 2000, maxSelfFundingPerHousehold: 10_000 },
    unconfirmed,
  };
}

/** The income line an exited household must exceed in `params.year`: the NBS line, else the exit target. */
export function exitIncomeLine(params: YearParams): number | null {
  return params.povertyLineNbs ?? params.exitIncomeTarget;
}

/** The dates (inclusive, ISO) of the income year that ends in `year`. */
export function incomePeriod(year: number, params: Pick<YearParams, 'incomeYearStart'>): { from: string; to: string } {
  const { month, day, inPreviousYear } = params.incomeYearStart;
  const startYear = inPreviousYear ? year - 1 : year;
  const start = new Date(Date.UTC(startYear, month - 1, day));
  const end = new Date(Date.UTC(startYear + 1, month - 1, day - 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
