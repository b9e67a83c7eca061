// Calendar arithmetic for workflow periods on ISO dates ('YYYY-MM-DD'). Dates are calendar days
// of the county, not instants, so everything runs in UTC and never sees a time zone.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The calendar day an instant falls on where the station is: the machine's local date (Beijing
 * time on every station; README, TZ=Asia/Shanghai). Not the UTC date, which is still yesterday
 * before 08:00 and would refuse a date entered as today.
 */
export function isoDay(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export const yearOfDate = (iso: string): number => Number(iso.slice(0, 4));
export const yearEnd = (year: number): string => `${year}-12-31`;
export const yearStart = (year: number): string => `${year}-01-01`;

/** Public holidays and make-up working days (调休), which the State Council sets each year. */
export interface WorkCalendar {
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}

export const NO_HOLIDAYS: WorkCalendar = { holidays: [], extraWorkdays: [] };

export function isWorkingDay(iso: string, calendar: WorkCalendar = NO_HOLIDAYS): boolean {
  if (calendar.extraWorkdays.includes(iso)) return true;
  if (calendar.holidays.includes(iso)) return false;
  const weekday = toDate(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export interface Period {
  days: number;
  unit: 'calendarDays' | 'workingDays';
}

/** Days of the period that [start, end] (both inclusive) covers, counted in the period's unit. */
export function daysCovered(start: string, end: string, unit: Period['unit'], calendar: WorkCalendar = NO_HOLIDAYS): number {
  if (end < start) return 0;
  let n = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) {
    if (unit === 'calendarDays' || isWorkingDay(d, calendar)) n += 1;
  }
  return n;
}

/**
 * The earliest last day of a period that starts on `start`: a 5-working-day 公示 posted on a
 * Thursday runs Thu, Fri, Mon, Tue, Wed. A start on a rest day does not count that day.
 */
export function earliestEnd(start: string, period: Period, calendar: WorkCalendar = NO_HOLIDAYS): string {
  let counted = 0;
  let d = start;
  for (let guard = 0; guard < 400; guard++, d = addDays(d, 1)) {
    if (period.unit === 'calendarDays' || isWorkingDay(d, calendar)) counted += 1;
    if (counted >= period.days) return d;
  }
  throw new Error('period longer than 400 days');
}

export const periodLabel = (p: Period): string => `${p.days}${p.unit === 'workingDays' ? '个工作日' : '天'}`;
