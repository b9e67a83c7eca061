// The 12-digit 统计用区划代码 read from its zero padding. Mirrors core's domain/region-code.ts,
// which the renderer may not import as code.
import type { RegionOption } from '../../electron/core/api/contract';

export type RegionLevel = RegionOption['level'];

const LEVELS: RegionLevel[] = ['province', 'city', 'county', 'township', 'village'];
const PREFIX: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

export function levelOfCode(code: string): RegionLevel {
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'township';
  return 'village';
}

/** Codes from just below `root` down to `code` itself: the selections that lead to it. */
export function chainBelow(root: string, code: string): string[] {
  const from = LEVELS.indexOf(levelOfCode(root)) + 1;
  const to = LEVELS.indexOf(levelOfCode(code));
  const chain: string[] = [];
  for (let i = from; i <= to; i++) {
    const level = LEVELS[i];
    if (level) chain.push(code.slice(0, PREFIX[level]).padEnd(12, '0'));
  }
  return chain;
}

/** The levels below `root`, top first: what each cascading select picks. */
export function levelsBelow(root: string): RegionLevel[] {
  return LEVELS.slice(LEVELS.indexOf(levelOfCode(root)) + 1);
}
