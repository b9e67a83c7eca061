// A household's status on any date, replayed from its events (design.md §3: events, never an
// overwritten status). The inflow/outflow chart, past years' figures and every list "as of" a
// date are computed from this one function.

export const HOUSEHOLD_STATUSES = ['none', 'applicant', 'poor', 'exited', 'removed'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  none: '一般农户',
  applicant: '申请识别中',
  poor: '未脱贫',
  exited: '已脱贫',
  removed: '已减少（清退）',
};

/** What the replay needs of an event row; `recordedAt` orders events of the same day. */
export interface StatusEvent {
  type: string;
  date: string;
  recordedAt?: string;
  detail?: unknown;
}

export interface HouseholdStatusOn {
  status: HouseholdStatus;
  /** The date the current status began; null for a household nothing happened to yet. */
  since: string | null;
  /** Poor again after an exit (返贫). */
  returned: boolean;
  firstIdentified: string | null;
  lastExit: string | null;
  exits: number;
  returns: number;
  /** 防返贫 monitoring object on that date, with its type. */
  monitoring: { type: string; since: string } | null;
}

const INITIAL: HouseholdStatusOn = { status: 'none', since: null, returned: false, firstIdentified: null, lastExit: null, exits: 0, returns: 0, monitoring: null };

const detailOf = (e: StatusEvent): Record<string, unknown> => (e.detail && typeof e.detail === 'object' ? (e.detail as Record<string, unknown>) : {});

/**
 * One event applied to a state. Events that do not fit the state (an exit of a household that is
 * not poor) change nothing: the services refuse to write them, and a replay must not invent a
 * transition from bad history either.
 */
export function applyStatusEvent(s: HouseholdStatusOn, e: StatusEvent): HouseholdStatusOn {
  const to = (status: HouseholdStatus, extra: Partial<HouseholdStatusOn> = {}): HouseholdStatusOn => ({ ...s, status, since: e.date, ...extra });
  switch (e.type) {
    case 'identification.applied':
      return s.status === 'none' || s.status === 'removed' ? to('applicant') : s;
    case 'identification.rejected':
      return s.status === 'applicant' ? to('none') : s;
    case 'identified':
    case 'identification.approved':
      return s.status === 'none' || s.status === 'applicant' || s.status === 'removed'
        ? to('poor', { returned: false, firstIdentified: s.firstIdentified ?? e.date })
        : s;
    case 'return.approved':
    case 'legacy.return':
      return s.status === 'exited' ? to('poor', { returned: true, returns: s.returns + 1 }) : s;
    case 'exit.deregistered':
    case 'legacy.exit':
      return s.status === 'poor' ? to('exited', { returned: false, lastExit: e.date, exits: s.exits + 1 }) : s;
    case 'household.removed':
      return s.status === 'removed' ? s : to('removed', { monitoring: null });
    case 'status.corrected': {
      const target = detailOf(e).to;
      return typeof target === 'string' && (HOUSEHOLD_STATUSES as readonly string[]).includes(target) && target !== s.status
        ? to(target as HouseholdStatus)
        : s;
    }
    case 'monitoring.included': {
      const type = detailOf(e).objectType;
      return { ...s, monitoring: { type: typeof type === 'string' ? type : 'unknown', since: e.date } };
    }
    case 'monitoring.eliminated':
      return { ...s, monitoring: null };
    default:
      return s;
  }
}

/** Events in the order they happened: by date, then by the time they were recorded. */
export function orderEvents<E extends StatusEvent>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : (a.e.recordedAt ?? '').localeCompare(b.e.recordedAt ?? '') || a.i - b.i))
    .map((x) => x.e);
}

/** The household's status at the end of `date` ('YYYY-MM-DD'). */
export function householdStatusOn(events: readonly StatusEvent[], date: string): HouseholdStatusOn {
  let s = INITIAL;
  for (const e of orderEvents(events)) {
    if (e.date > date) break;
    s = applyStatusEvent(s, e);
  }
  return s;
}

/** Every day the status (or the monitoring flag) changed, with the state after that day. */
export function statusChanges(events: readonly StatusEvent[]): { date: string; state: HouseholdStatusOn }[] {
  const out: { date: string; state: HouseholdStatusOn }[] = [];
  let s = INITIAL;
  for (const e of orderEvents(events)) {
    const next = applyStatusEvent(s, e);
    if (next === s) continue;
    s = next;
    if (out.length > 0 && out[out.length - 1]!.date === e.date) out[out.length - 1] = { date: e.date, state: s };
    else out.push({ date: e.date, state: s });
  }
  return out;
}

export const isPoor = (s: HouseholdStatusOn): boolean => s.status === 'poor';

/**
 * Households imported or generated before the workflows existed carry their exit only in the form
 * (脱贫年度, 脱贫状态). Until a workflow event says otherwise, their exit is read as the end of the
 * exit year and a 返贫 mark as the start of the record's data year ([U]: the real return date
 * is not on the form). Workflow events win: a household with any exit or return event gets nothing.
 */
export function registryRecordEvents(
  record: { exitYear: number | null; exitStatusGroup: string | undefined; dataYear: number },
  events: readonly StatusEvent[],
): StatusEvent[] {
  if (events.some((e) => e.type === 'exit.deregistered' || e.type === 'return.approved' || e.type === 'status.corrected')) return [];
  if (record.exitYear === null) return [];
  if (record.exitStatusGroup !== 'exited' && record.exitStatusGroup !== 'returned') return [];
  const out: StatusEvent[] = [{ type: 'legacy.exit', date: `${record.exitYear}-12-31`, recordedAt: '', detail: { source: 'record' } }];
  if (record.exitStatusGroup === 'returned' && record.dataYear > record.exitYear) {
    out.push({ type: 'legacy.return', date: `${record.dataYear}-01-01`, recordedAt: '', detail: { source: 'record' } });
  }
  return out;
}
