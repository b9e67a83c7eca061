// How numbers, dates and empty cells look on paper: one place, so every document agrees.

/** 1234 → '1234'; null → '—' (an empty cell on a printed form reads as "forgotten"). */
export function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

/** Yuan with two decimals only when there are cents: 3500 → '3500', 3500.5 → '3500.50'. */
export function yuan(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** 2.345 → '2.35%'; null → '—'. */
export function percent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}%`;
}

/** '2019-11-05' → '2019年11月5日' */
export function dateCn(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export const yesNo = (value: boolean | null | undefined): string => (value === true ? '是' : value === false ? '否' : '—');

/** Text for a cell: null and '' print as '—'. */
export const cell = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : value);

/** A plan indicator's value: 元 as a number, the 三保障-style rows as 是/否. */
export const indicatorCell = (value: number | boolean | null, kind: 'amount' | 'yesNo'): string =>
  value === null ? '—' : kind === 'yesNo' ? (value ? '是' : '否') : String(value);
