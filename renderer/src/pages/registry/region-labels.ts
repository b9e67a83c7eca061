import { call } from '../../api/client';

/** 12-digit code of the township a village belongs to. */
export const townshipOf = (village: string): string => `${village.slice(0, 9)}000`;

/**
 * 「会师镇 南关村」 for a village code, read from the public division table (regions.children);
 * the code itself when the table does not know it.
 */
export async function villageLabel(village: string): Promise<string> {
  const township = townshipOf(village);
  const county = `${village.slice(0, 6)}000000`;
  try {
    const [townships, villages] = await Promise.all([call('regions.children', { parentCode: county }), call('regions.children', { parentCode: township })]);
    const t = townships.find((r) => r.code === township)?.name;
    const v = villages.find((r) => r.code === village)?.name;
    return [t, v].filter(Boolean).join(' ') || village;
  } catch {
    return village;
  }
}

/**
 * The name a clerk says: 「高家庄村民委员会」 is 「高家庄村」, 「东山根社区居民委员会」 is
 * 「东山根社区」. The division table's full name stays in the tooltip.
 */
export function shortVillageName(name: string): string {
  return name.replace(/村民委员会$/, '村').replace(/社区居民委员会$/, '社区').replace(/居民委员会$/, '社区');
}
