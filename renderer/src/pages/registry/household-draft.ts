// The household page's working copy: what the clerk is editing, before it is saved. Every edit
// makes a new draft object, so the page can tell "changed since loaded" and re-validate.
import type {
  ConditionsRecord,
  FindingView,
  HouseholdDetail,
  HouseholdRecord,
  IncomeRecord,
  Input,
  PersonRecord,
} from '../../../../electron/core/api/contract';
import { emptyRecord, REGISTRY_LAST_YEAR } from './form-fields';

export interface MemberDraft {
  /** Stable React key: the person id, or a fresh one for a member added on this page. */
  key: string;
  personId: string | null;
  record: PersonRecord;
  /** 迁入原因 of a member added to an existing household (05 嫁入, 06 新生儿, 07 其他转入). */
  joinReason: string | null;
}

export interface LeavingDraft {
  personId: string;
  name: string;
  /** 人员变更原因: 01 死亡, 02 嫁出, 03 出国定居, 04 判刑收监, 08 其他转出 */
  reason: string;
  date: string;
}

export interface HouseholdDraft {
  household: HouseholdRecord;
  members: MemberDraft[];
  leaving: LeavingDraft[];
  /** The conditions record being edited (its own dataYear), or null when there is none. */
  conditions: ConditionsRecord | null;
  /** The income record being edited (its own year), or null when there is none. */
  income: IncomeRecord | null;
}

let newKeys = 0;
export const newMemberKey = (): string => `new-${++newKeys}`;

/** The income record a household page opens with: the data year's, else the latest before it. */
export function initialIncome(detail: HouseholdDetail): IncomeRecord | null {
  const year = detail.household.dataYear;
  const byYear = [...detail.incomes].sort((a, b) => b.record.year - a.record.year);
  return (byYear.find((i) => i.record.year === year) ?? byYear.find((i) => i.record.year <= year) ?? byYear[0])?.record ?? null;
}

export function draftOf(detail: HouseholdDetail): HouseholdDraft {
  return {
    household: detail.household,
    members: detail.members.map((m) => ({ key: m.personId, personId: m.personId, record: m.record, joinReason: null })),
    leaving: [],
    conditions: detail.conditions,
    income: initialIncome(detail),
  };
}

export function newPerson(base: Partial<PersonRecord> = {}): PersonRecord {
  return emptyRecord<PersonRecord>('person', { idType: '01', health: [], ...base });
}

/** A new household in a village: one empty 户主 row to start from. */
export function newDraft(regionCode: string, groupName: string | null): HouseholdDraft {
  const year = REGISTRY_LAST_YEAR;
  return {
    household: emptyRecord<HouseholdRecord>('household', { dataYear: year, regionCode, groupName, otherCauses: [], relocation: null }),
    members: [{ key: newMemberKey(), personId: null, record: newPerson({ relationship: '01' }), joinReason: null }],
    leaving: [],
    conditions: null,
    income: null,
  };
}

export type SaveInput = Input<'registry.saveHousehold'>;

export function saveInputOf(id: string | null, regionCode: string, draft: HouseholdDraft): SaveInput {
  return {
    id,
    regionCode,
    household: draft.household,
    members: draft.members.map((m) => ({ personId: m.personId, record: m.record, joinReason: m.joinReason })),
    leaving: draft.leaving.map(({ personId, reason, date }) => ({ personId, reason, date })),
    conditions: draft.conditions,
    income: draft.income,
  };
}

// ---- Where a finding shows ----

export type HouseholdTab = 'basic' | 'members' | 'conditions' | 'income' | 'assistance' | 'ledgers' | 'events';

const HOUSEHOLD_LEVEL_MEMBER_FIELDS = new Set(['members', 'relationship']);

/** The tab a finding belongs to. */
export function tabOfFinding(f: Pick<FindingView, 'entity' | 'field'>): HouseholdTab {
  switch (f.entity) {
    case 'person':
      return 'members';
    case 'conditions':
      return 'conditions';
    case 'income':
      return 'income';
    case 'household':
      if (HOUSEHOLD_LEVEL_MEMBER_FIELDS.has(f.field)) return 'members';
      if (f.field === 'helpers') return 'assistance';
      return 'basic';
  }
}

/**
 * The member row a person finding is about. Live findings carry the row's position in the
 * submitted list; stored ones (from the last save or 回头看) carry the person id instead.
 */
export function memberIndexOf(f: Pick<FindingView, 'personIndex' | 'personId'>, members: readonly MemberDraft[]): number {
  if (f.personIndex !== null) return f.personIndex;
  return f.personId ? members.findIndex((m) => m.personId === f.personId) : -1;
}

/** Findings indexed for the forms: `entity:field` for records, `person:index:field` for members. */
export class FindingIndex {
  private readonly byKey = new Map<string, FindingView[]>();

  constructor(
    readonly all: readonly FindingView[],
    members: readonly MemberDraft[],
  ) {
    for (const f of all) {
      const key = f.entity === 'person' ? `person:${memberIndexOf(f, members)}:${f.field}` : `${f.entity}:${f.field}`;
      const list = this.byKey.get(key);
      if (list) list.push(f);
      else this.byKey.set(key, [f]);
    }
  }

  of(entity: FindingView['entity'], field: string, memberIndex?: number): FindingView[] {
    return this.byKey.get(entity === 'person' ? `person:${memberIndex ?? -1}:${field}` : `${entity}:${field}`) ?? [];
  }

  ofMember(index: number, members: readonly MemberDraft[]): FindingView[] {
    return this.all.filter((f) => f.entity === 'person' && memberIndexOf(f, members) === index);
  }

  ofTab(tab: HouseholdTab): FindingView[] {
    return this.all.filter((f) => tabOfFinding(f) === tab);
  }
}

/** 「是否参加大病保险：建档立卡人员应参加大病保险」 beside the field needs no repeated label. */
export function messageBesideField(message: string, label: string): string {
  const bare = label.replace(/（[^）]*）$/, '');
  for (const prefix of [`${label}：`, `${bare}：`]) if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}
