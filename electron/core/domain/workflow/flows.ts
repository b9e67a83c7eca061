// Yearly inflow/outflow figures (贫困人口进出动态, domain.md §4.3): opening stock, 新识别, 返贫,
// 脱贫, 自然减少 and closing stock, in households and persons. Computed from each household's
// events and membership periods, so that opening + in − out = closing holds by construction:
// every change of a poor household's size while it stays poor is a natural change of persons.
import { addDays, yearEnd } from './dates';
import { statusChanges, type HouseholdStatusOn, type StatusEvent } from './status';

export interface MembershipSpan {
  fromDate: string;
  toDate: string | null;
  /** Null for members present when the household was registered: they count from the start. */
  joinReason: string | null;
}

/** Members at the end of `date`: joined on or before it and not yet left (leaving on a day ends membership that day). */
export function householdSizeOn(memberships: readonly MembershipSpan[], date: string): number {
  let n = 0;
  for (const m of memberships) {
    const joined = m.joinReason === null || m.fromDate <= date;
    const stayed = m.toDate === null || m.toDate > date;
    if (joined && stayed) n += 1;
  }
  return n;
}

export interface FlowHousehold {
  events: readonly StatusEvent[];
  memberships: readonly MembershipSpan[];
}

export interface FlowCount {
  households: number;
  persons: number;
}

export interface YearFlow {
  year: number;
  opening: FlowCount;
  newlyIdentified: FlowCount;
  returned: FlowCount;
  exited: FlowCount;
  /** Households removed (全户消亡, 迁出, 识别不准清退) and members who died, married out or moved away. */
  naturalDecrease: FlowCount;
  /** Births and marriages into poor households (persons only). */
  naturalIncrease: FlowCount;
  closing: FlowCount;
  /** Events of the year that correct an earlier, closed year. */
  corrections: number;
}

const zero = (): FlowCount => ({ households: 0, persons: 0 });
const add = (c: FlowCount, households: number, persons: number) => {
  c.households += households;
  c.persons += persons;
};

/** The state at the end of `date` from precomputed changes. */
function stateAt(changes: { date: string; state: HouseholdStatusOn }[], date: string): HouseholdStatusOn | null {
  let s: HouseholdStatusOn | null = null;
  for (const c of changes) {
    if (c.date > date) break;
    s = c.state;
  }
  return s;
}

const isCorrection = (e: StatusEvent): boolean =>
  e.type === 'status.corrected' || Boolean(e.detail && typeof e.detail === 'object' && (e.detail as Record<string, unknown>).correction);

export function yearFlows(households: readonly FlowHousehold[], year: number): YearFlow {
  const flow: YearFlow = {
    year,
    opening: zero(),
    newlyIdentified: zero(),
    returned: zero(),
    exited: zero(),
    naturalDecrease: zero(),
    naturalIncrease: zero(),
    closing: zero(),
    corrections: 0,
  };
  const start = `${year}-01-01`;
  const before = addDays(start, -1);
  const end = yearEnd(year);
  for (const h of households) {
    const changes = statusChanges(h.events);
    flow.corrections += h.events.filter((e) => e.date >= start && e.date <= end && isCorrection(e)).length;
    let prevPoor = stateAt(changes, before)?.status === 'poor';
    let prevSize = householdSizeOn(h.memberships, before);
    if (prevPoor) add(flow.opening, 1, prevSize);
    const days = new Set<string>();
    for (const c of changes) if (c.date >= start && c.date <= end) days.add(c.date);
    for (const m of h.memberships) {
      if (m.joinReason !== null && m.fromDate >= start && m.fromDate <= end) days.add(m.fromDate);
      if (m.toDate !== null && m.toDate >= start && m.toDate <= end) days.add(m.toDate);
    }
    for (const day of [...days].sort()) {
      const state = stateAt(changes, day);
      const poor = state?.status === 'poor';
      const size = householdSizeOn(h.memberships, day);
      if (prevPoor && poor) {
        const diff = size - prevSize;
        if (diff > 0) add(flow.naturalIncrease, 0, diff);
        else if (diff < 0) add(flow.naturalDecrease, 0, -diff);
      } else if (!prevPoor && poor) {
        add(state!.returned ? flow.returned : flow.newlyIdentified, 1, size);
      } else if (prevPoor && !poor) {
        add(state?.status === 'exited' ? flow.exited : flow.naturalDecrease, 1, prevSize);
      }
      prevPoor = poor;
      prevSize = size;
    }
    if (prevPoor) add(flow.closing, 1, prevSize);
  }
  return flow;
}
