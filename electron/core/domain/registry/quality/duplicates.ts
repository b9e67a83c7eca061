// §1.9 item 11 / §3.3: duplicate persons. The same person registered in two households (often in
// two counties after a marriage or a move) is counted twice in every statistic, so an exact ID
// match is an error. Same name and birth date in one township with different IDs is usually one
// person with a mistyped number, but can be two people: that is only offered for review.
import { idInfoOf, normalizeIdNumber } from '../id-number';
import type { Severity } from './types';

export interface DuplicateCandidate {
  personId: string;
  householdId: string;
  idNumber: string | null;
  name: string | null;
  /** 'YYYY-MM-DD'; when null it is read from the ID number */
  birthDate: string | null;
  /** 9-digit township prefix, or any code that identifies the township */
  townshipCode: string;
  /** Only active persons (current members of a current household) are compared */
  active: boolean;
}

export interface DuplicateGroup {
  ruleCode: 'Q-DUP-01' | 'Q-DUP-02';
  severity: Severity;
  kind: 'sameIdNumber' | 'sameNameAndBirthDate';
  message: string;
  /** The persons involved, in input order */
  personIds: string[];
  householdIds: string[];
}

/** Fold spaces and full-width characters so "张 三" and "张三" compare equal. */
function nameKey(name: string | null): string {
  return (name ?? '').normalize('NFKC').replace(/\s+/g, '');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Exact-ID duplicates across households (15- and 18-digit forms and 残疾人证 numbers of the same
 * ID count as the same), then likely duplicates for review. Linear in the number of persons.
 */
export function findDuplicatePersons(persons: readonly DuplicateCandidate[]): DuplicateGroup[] {
  // Parse each number once: ID checks dominate the cost on a county of 150 000 people.
  const active = persons
    .filter((p) => p.active)
    .map((p) => {
      const raw = p.idNumber === null || p.idNumber.trim() === '' ? null : p.idNumber;
      const info = raw === null ? null : idInfoOf(raw);
      return { p, id: raw === null ? null : (info?.id18 ?? normalizeIdNumber(raw)), birth: p.birthDate ?? info?.birthDate ?? null };
    });
  type Row = (typeof active)[number];
  const out: DuplicateGroup[] = [];
  const groupOut = (rows: Row[]) => ({ personIds: rows.map((r) => r.p.personId), householdIds: rows.map((r) => r.p.householdId) });

  for (const [, group] of groupBy(active, (r) => r.id)) {
    const households = new Set(group.map((r) => r.p.householdId));
    // The same ID twice inside one household is the household rule Q-ID-08's business.
    if (households.size < 2) continue;
    out.push({
      ruleCode: 'Q-DUP-01',
      severity: 'error',
      kind: 'sameIdNumber',
      message: `证件号码：同一证件号码登记在${households.size}个不同的户中`,
      ...groupOut(group),
    });
  }

  const likelyKey = (r: Row): string | null => {
    const name = nameKey(r.p.name);
    return name === '' || r.birth === null ? null : `${r.p.townshipCode}|${name}|${r.birth}`;
  };
  for (const [, group] of groupBy(active, likelyKey)) {
    // Different IDs only: two rows with the same ID were reported above (or are one household's).
    const ids = new Set(group.map((r) => r.id ?? `none:${r.p.personId}`));
    if (group.length < 2 || ids.size < 2) continue;
    out.push({
      ruleCode: 'Q-DUP-02',
      severity: 'warning',
      kind: 'sameNameAndBirthDate',
      message: `姓名、出生日期：同一乡镇内有${group.length}人姓名和出生日期相同但证件号码不同，可能是同一人重复登记`,
      ...groupOut(group),
    });
  }
  return out;
}
