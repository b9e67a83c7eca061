import { describe, expect, it } from 'vitest';
import { orderedIds } from '../../../electron/core/services/xlsx/import';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids of imported rows', () => {
  it('are UUIDv7 strings that sort in the order they were made, also within one millisecond', () => {
    let now = Date.UTC(2026, 0, 1);
    const next = orderedIds(() => now);
    const ids: string[] = [];
    // a frozen clock for more than the 4096 ids one millisecond's counter holds, then a step
    for (let i = 0; i < 10_000; i++) ids.push(next());
    now += 5;
    for (let i = 0; i < 100; i++) ids.push(next());
    for (const id of ids) expect(id).toMatch(V7);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
  });

  it('never go back when the clock does', () => {
    let now = Date.UTC(2026, 0, 1, 12);
    const next = orderedIds(() => now);
    const a = next();
    now -= 60_000;
    const b = next();
    expect(b > a).toBe(true);
  });

  it('differ between two generators started at the same moment (two stations)', () => {
    const clock = () => Date.UTC(2026, 0, 1);
    const a = orderedIds(clock);
    const b = orderedIds(clock);
    const first = Array.from({ length: 1000 }, () => a());
    const second = new Set(Array.from({ length: 1000 }, () => b()));
    expect(first.filter((id) => second.has(id))).toEqual([]);
  });
});
