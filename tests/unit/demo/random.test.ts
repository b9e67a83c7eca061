import { describe, expect, it } from 'vitest';
import { createRandom, weightedTable } from '../../../electron/core/demo/random';

describe('seeded random source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(2014);
    const b = createRandom(2014);
    const c = createRandom(2015);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps integers inside both bounds and reaches both', () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 9);
      expect(n >= 3 && n <= 9 && Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('draws weighted values in proportion, from a table and ad hoc', () => {
    const r = createRandom(7);
    const table = weightedTable([['a', 1], ['b', 3], ['c', 0]] as const);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.draw(r)] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
    let heads = 0;
    for (let i = 0; i < 20_000; i++) if (r.weighted([[true, 1], [false, 1]] as const)) heads += 1;
    expect(heads / 20_000).toBeCloseTo(0.5, 1);
  });

  it('draws normal values around the mean', () => {
    const r = createRandom(3);
    const xs = Array.from({ length: 20_000 }, () => r.normal(40, 8));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(40, 0);
    expect(sd).toBeGreaterThan(7.5);
    expect(sd).toBeLessThan(8.5);
  });

  it('refuses an empty or weightless table', () => {
    expect(() => weightedTable([])).toThrow();
    expect(() => weightedTable([['x', 0]] as const)).toThrow();
  });
});
