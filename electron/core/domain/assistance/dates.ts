// Date helpers for periods kept as ISO 'YYYY-MM-DD' strings (null end = still running). Strings
// compare in date order, so no Date objects (and no time zones) are involved.

export type IsoDate = string;

export interface Period {
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in ISO form. */
export function isIsoDate(value: string | null | undefined): value is IsoDate {
  if (!value || !ISO.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True when the period covers `day`. */
export function activeOn(p: Period, day: IsoDate): boolean {
  return p.fromDate <= day && (p.toDate === null || p.toDate >= day);
}

/** True when two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.fromDate <= (b.toDate ?? '9999-12-31') && b.fromDate <= (a.toDate ?? '9999-12-31');
}

/** The day `years` calendar years after `day` (29 Feb → 28 Feb in a common year). */
export function addYears(day: IsoDate, years: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const yearOf = (day: IsoDate): number => Number(day.slice(0, 4));
