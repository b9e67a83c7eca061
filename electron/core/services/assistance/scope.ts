// Which region an assistance record belongs to, for the router's scope check, and which records a
// caller may see. Units and cadres are kept by an office (county or township): a township clerk
// sees the county's units and cadres (to pair them with the township's households) but edits
// only the township's own; households' books follow the household's village.
import type { Db } from '../../db/connection';
import { ancestorCode, levelOfCode, REGION_LEVELS, significantPrefix } from '../../domain/region-code';

/** SQL and parameters for "region_code is within R, or is one of R's ancestors". */
export function relatedRegionSql(column: string, regionCode: string): { sql: string; params: Record<string, string> } {
  const prefix = significantPrefix(regionCode);
  const level = levelOfCode(regionCode);
  const ancestors = REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(level)).map((l) => ancestorCode(regionCode, l));
  const params: Record<string, string> = { relLo: prefix, relHi: `${prefix}:` };
  ancestors.forEach((a, i) => (params[`relA${i}`] = a));
  const list = ancestors.map((_, i) => `@relA${i}`).join(', ');
  return { sql: `((${column} >= @relLo AND ${column} < @relHi)${ancestors.length ? ` OR ${column} IN (${list})` : ''})`, params };
}

const REF_QUERIES: Record<string, string> = {
  unit: 'SELECT region_code AS r FROM assistance_units WHERE id = ?',
  cadre: 'SELECT region_code AS r FROM assistance_cadres WHERE id = ?',
  team: 'SELECT region_code AS r FROM assistance_teams WHERE id = ?',
  pairing: 'SELECT h.region_code AS r FROM assistance_pairings p JOIN households h ON h.id = p.household_id WHERE p.id = ?',
  measure: 'SELECT h.region_code AS r FROM assistance_measures m JOIN households h ON h.id = m.household_id WHERE m.id = ?',
  ledger: 'SELECT h.region_code AS r FROM assistance_ledger l JOIN households h ON h.id = l.household_id WHERE l.id = ?',
  benefit: 'SELECT h.region_code AS r FROM benefits b JOIN households h ON h.id = b.household_id WHERE b.id = ?',
};

export type AssistanceRefKind = 'unit' | 'cadre' | 'team' | 'pairing' | 'measure' | 'ledger' | 'benefit';

/** The reference the contract's scope rules pass to the router: 'cadre:…', 'measure:…'. */
export const assistanceRef = (kind: AssistanceRefKind, id: string | null): string | null => (id === null ? null : `${kind}:${id}`);

/** The region of a referenced record, or undefined when there is none. */
export function assistanceRegion(db: Db, ref: string): string | undefined {
  const at = ref.indexOf(':');
  const sql = at > 0 ? REF_QUERIES[ref.slice(0, at)] : undefined;
  if (!sql) return undefined;
  return (db.$client.prepare(sql).get(ref.slice(at + 1)) as { r: string } | undefined)?.r;
}
