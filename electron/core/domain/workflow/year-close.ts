// Year close (年度结账): once a year's figures are frozen, nothing dated in that year may be
// written any more, so a past year prints the same forever. A later finding is recorded as a
// correction: dated in an open year, naming the closed year it corrects and why.
import { yearOfDate } from './dates';

export interface Correction {
  year: number;
  reason: string;
}

/** Why a status change dated `date` cannot be recorded, or null. */
export function refuseDatedChange(date: string, closedYears: readonly number[], correction: Correction | null = null): string | null {
  const year = yearOfDate(date);
  if (closedYears.includes(year)) {
    return `${year}年度已结账，数据已冻结，不能再登记日期在${year}年的变动；如需更正，请以当前年度的日期登记并注明所更正的年度和原因`;
  }
  if (correction) {
    if (!closedYears.includes(correction.year)) return `更正：${correction.year}年度尚未结账，可直接按实际日期登记，无需更正`;
    if (correction.year >= year) return `更正：所更正的年度（${correction.year}）应早于登记日期所在年度（${year}）`;
    if (correction.reason.trim() === '') return '更正：请填写更正原因';
  }
  return null;
}

/** Why `year` cannot be closed on `today`, or null. */
export function refuseYearClose(year: number, today: string, closedYears: readonly number[]): string | null {
  if (closedYears.includes(year)) return `${year}年度已于此前结账，不能重复结账`;
  if (year >= yearOfDate(today)) return `${year}年度尚未结束，须在${year + 1}年1月1日以后结账`;
  const later = closedYears.filter((y) => y > year);
  if (later.length > 0) return `${Math.min(...later)}年度已结账，不能再结账更早的${year}年度`;
  return null;
}
