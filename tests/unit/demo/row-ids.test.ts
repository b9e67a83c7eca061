import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../electron/core/demo/row-ids';

describe('time-ordered row ids', () => {
  it('are UUID version 7 strings that sort in the order they were made and never repeat', () => {
    const next = sequentialIds(new Date('2026-03-02T08:00:00.000Z'));
    const ids = Array.from({ length: 40_000 }, () => next());
    for (const id of ids.slice(0, 100).concat(ids.slice(-100))) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('differ between two runs started in the same millisecond', () => {
    const at = new Date('2026-03-02T08:00:00.000Z');
    expect(sequentialIds(at)()).not.toBe(sequentialIds(at)());
  });
});
