// 12-digit 统计用区划代码 (NBS): PP CC DD TTT VVV. A higher level pads with zeros.
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市（州）',
  county: '县（区）',
  township: '乡（镇）',
  village: '村（社区）',
};

/** How many leading digits identify a region of each level. */
const PREFIX_LENGTH: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

export function isRegionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

export function regionPrefix(code: string, level: RegionLevel): string {
  return code.slice(0, PREFIX_LENGTH[level]);
}

/** The level a code denotes, read from its zero padding. */
export function levelOfCode(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new Error('not a 12-digit region code');
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'township';
  return 'village';
}

/** The significant prefix of a code: every code below it starts with this. */
export function significantPrefix(code: string): string {
  return regionPrefix(code, levelOfCode(code));
}

/** True when `inner` is `outer` itself or lies below it. */
export function regionWithin(outer: string, inner: string): boolean {
  if (!isRegionCode(outer) || !isRegionCode(inner)) return false;
  return inner.startsWith(significantPrefix(outer));
}

/** The code of the ancestor at `level`, padded with zeros. */
export function ancestorCode(code: string, level: RegionLevel): string {
  return regionPrefix(code, level).padEnd(12, '0');
}
