import { describe, it, expect } from 'vitest';
import { ORIENTATIONS, pageSizeMm, type PaperSize } from '../../../electron/core/domain/paper';
import {
  SHEET_PAPERS,
  TILING_DEFAULTS,
  overlapGuides,
  planTiling,
  tileAt,
  tileLabel,
  type RectMm,
  type TilingPlan,
  type TilingRequest,
} from '../../../electron/core/domain/tiling';

// A nanometre: tile edges are computed in floating point.
const EPS = 1e-6;
const CHARTS: PaperSize[] = ['A0', 'A1', 'A2'];

interface Case {
  name: string;
  req: TilingRequest;
}

const cases: Case[] = [];
for (const paper of CHARTS) {
  for (const chartOrientation of ORIENTATIONS) {
    for (const sheetPaper of SHEET_PAPERS) {
      for (const sheetOrientation of [...ORIENTATIONS, undefined]) {
        for (const [overlapMm, marginMm] of [[undefined, undefined], [0, 0], [25, 4]] as const) {
          const req: TilingRequest = { chart: { paper, orientation: chartOrientation }, sheetPaper };
          if (sheetOrientation) req.sheetOrientation = sheetOrientation;
          if (overlapMm !== undefined) req.overlapMm = overlapMm;
          if (marginMm !== undefined) req.marginMm = marginMm;
          cases.push({
            name: `${paper} ${chartOrientation} → ${sheetPaper} ${sheetOrientation ?? 'auto'} overlap ${overlapMm ?? 'default'}`,
            req,
          });
        }
      }
    }
  }
}

/** Sorted distinct values along one axis, e.g. all tile x starts. */
const distinct = (values: number[]): number[] =>
  [...values].sort((a, b) => a - b).filter((v, i, all) => i === 0 || Math.abs(v - all[i - 1]!) > EPS);

function expectCovers(plan: TilingPlan): void {
  // Every tile of a row spans the same y range, every tile of a column the same x range, so
  // checking each axis is enough: the union of the grid is the product of the axis unions.
  for (const axis of ['x', 'y'] as const) {
    const length = axis === 'x' ? plan.chart.widthMm : plan.chart.heightMm;
    const size = axis === 'x' ? 'width' : 'height';
    const spans = distinct(plan.tiles.map((t) => t.source[axis])).map((start) => {
      const t = plan.tiles.find((tile) => Math.abs(tile.source[axis] - start) <= EPS)!;
      return [start, start + t.source[size]] as const;
    });
    expect(spans[0]![0]).toBeCloseTo(0, 9);
    expect(spans.at(-1)![1]).toBeCloseTo(length, 6);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeLessThanOrEqual(spans[i - 1]![1] + EPS);
  }
}

function overlapX(a: RectMm, b: RectMm): number {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
}
function overlapY(a: RectMm, b: RectMm): number {
  return Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
}

describe('planTiling: properties for every A0–A2 chart × A4/A3 sheet × orientation', () => {
  it.each(cases)('$name', ({ req }) => {
    const plan = planTiling(req);
    const overlap = req.overlapMm ?? TILING_DEFAULTS.overlapMm;
    const chart = pageSizeMm(req.chart.paper, req.chart.orientation);
    if (req.sheetOrientation) expect(plan.sheet.orientation).toBe(req.sheetOrientation);

    // the grid is complete and in row-major order
    expect(plan.tiles).toHaveLength(plan.rows * plan.cols);
    plan.tiles.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(t.row).toBe(Math.floor(i / plan.cols) + 1);
      expect(t.col).toBe((i % plan.cols) + 1);
      expect(t.label).toBe(`第${t.row}行第${t.col}张`);
    });

    // no tile outside the chart, and every tile fits the printable part of its sheet
    for (const t of plan.tiles) {
      expect(t.source.x).toBeGreaterThanOrEqual(-EPS);
      expect(t.source.y).toBeGreaterThanOrEqual(-EPS);
      expect(t.source.x + t.source.width).toBeLessThanOrEqual(chart.widthMm + EPS);
      expect(t.source.y + t.source.height).toBeLessThanOrEqual(chart.heightMm + EPS);
      expect(t.source.width).toBeLessThanOrEqual(plan.area.width + EPS);
      expect(t.source.height).toBeLessThanOrEqual(plan.area.height + EPS);
      // printed 1:1, inside the printer margin, clear of the label band
      expect(t.placement.width).toBeCloseTo(t.source.width, 9);
      expect(t.placement.height).toBeCloseTo(t.source.height, 9);
      expect(t.placement.x).toBeGreaterThanOrEqual(plan.marginMm - EPS);
      expect(t.placement.y).toBeGreaterThanOrEqual(plan.marginMm - EPS);
      expect(t.placement.x + t.placement.width).toBeLessThanOrEqual(plan.sheet.widthMm - plan.marginMm + EPS);
      expect(t.placement.y + t.placement.height + plan.gutterMm).toBeLessThanOrEqual(plan.band.y + EPS);
      expect(plan.band.y + plan.band.height).toBeLessThanOrEqual(plan.sheet.heightMm - plan.marginMm + EPS);
      expect(plan.band.x).toBeGreaterThanOrEqual(plan.marginMm - EPS);
    }

    // full coverage
    expectCovers(plan);

    // neighbours overlap by exactly the stated amount, and nothing else overlaps
    for (const t of plan.tiles) {
      const right = tileAt(plan, t.row, t.col + 1);
      const below = tileAt(plan, t.row + 1, t.col);
      if (right) {
        expect(Math.abs(overlapX(t.source, right.source) - overlap)).toBeLessThan(EPS);
        expect(right.source.y).toBe(t.source.y);
        expect(right.source.height).toBe(t.source.height);
      }
      if (below) {
        expect(Math.abs(overlapY(t.source, below.source) - overlap)).toBeLessThan(EPS);
        expect(below.source.x).toBe(t.source.x);
      }
      const twoRight = tileAt(plan, t.row, t.col + 2);
      if (twoRight) expect(overlapX(t.source, twoRight.source)).toBeLessThan(EPS);
      const twoBelow = tileAt(plan, t.row + 2, t.col);
      if (twoBelow) expect(overlapY(t.source, twoBelow.source)).toBeLessThan(EPS);
    }

    // the fewest sheets: one column (row) fewer could not cover the chart
    const coverWith = (count: number, tile: number): number => count * tile - (count - 1) * overlap;
    if (plan.cols > 1) expect(coverWith(plan.cols - 1, plan.area.width)).toBeLessThan(chart.widthMm);
    if (plan.rows > 1) expect(coverWith(plan.rows - 1, plan.area.height)).toBeLessThan(chart.heightMm);
  });
});

describe('planTiling: choices and details', () => {
  it('picks the sheet orientation needing fewer sheets, unless told', () => {
    const base: TilingRequest = { chart: { paper: 'A1', orientation: 'landscape' }, sheetPaper: 'A4' };
    const auto = planTiling(base);
    const portrait = planTiling({ ...base, sheetOrientation: 'portrait' });
    const landscape = planTiling({ ...base, sheetOrientation: 'landscape' });
    expect(auto.tiles.length).toBe(Math.min(portrait.tiles.length, landscape.tiles.length));
    for (const c of cases.filter((x) => !x.req.sheetOrientation)) {
      const chosen = planTiling(c.req);
      const other = planTiling({ ...c.req, sheetOrientation: chosen.sheet.orientation === 'portrait' ? 'landscape' : 'portrait' });
      expect(chosen.tiles.length).toBeLessThanOrEqual(other.tiles.length);
    }
  });

  it('A1 landscape on A4 with the defaults: 3 rows × 5 sheets, portrait', () => {
    const plan = planTiling({ chart: { paper: 'A1', orientation: 'landscape' }, sheetPaper: 'A4' });
    expect([plan.rows, plan.cols, plan.sheet.orientation]).toEqual([3, 5, 'portrait']);
    expect(plan.marginMm).toBe(6);
    expect(plan.overlapMm).toBe(10);
    // printable tile area: 210 − 2·(6+5) by 297 − 2·(6+5) − 12
    expect(plan.area).toEqual({ x: 11, y: 11, width: 188, height: 263 });
    expect(tileAt(plan, 2, 3)?.label).toBe('第2行第3张');
  });

  it('a chart that fits one sheet is one tile of the chart itself', () => {
    const plan = planTiling({ chart: { paper: 'A4', orientation: 'portrait' }, sheetPaper: 'A3', marginMm: 0, gutterMm: 0, bandMm: 0 });
    expect(plan.tiles).toHaveLength(1);
    expect(plan.tiles[0]!.source).toEqual({ x: 0, y: 0, width: 210, height: 297 });
    expect(overlapGuides(plan, plan.tiles[0]!)).toEqual({ vertical: [], horizontal: [] });
  });

  it('gives overlap guides only towards existing neighbours', () => {
    const plan = planTiling({ chart: { paper: 'A1', orientation: 'landscape' }, sheetPaper: 'A4' });
    const w = plan.tiles[0]!.source.width;
    const h = plan.tiles[0]!.source.height;
    expect(overlapGuides(plan, tileAt(plan, 1, 1)!)).toEqual({ vertical: [w - 10], horizontal: [h - 10] });
    expect(overlapGuides(plan, tileAt(plan, 2, 3)!)).toEqual({ vertical: [10, w - 10], horizontal: [10, h - 10] });
    expect(overlapGuides(plan, tileAt(plan, 3, 5)!)).toEqual({ vertical: [10], horizontal: [10] });
    expect(tileAt(plan, 4, 1)).toBeUndefined();
    expect(tileAt(plan, 1, 0)).toBeUndefined();
  });

  it('refuses impossible settings with a Chinese message', () => {
    const chart = { paper: 'A0', orientation: 'portrait' } as const;
    expect(() => planTiling({ chart, sheetPaper: 'A4', overlapMm: -1 })).toThrow(/重叠宽度/);
    expect(() => planTiling({ chart, sheetPaper: 'A4', overlapMm: Number.NaN })).toThrow(RangeError);
    expect(() => planTiling({ chart, sheetPaper: 'A4', overlapMm: 100 })).toThrow(/太大/);
    expect(() => planTiling({ chart, sheetPaper: 'A4', marginMm: 120 })).toThrow(/没有地方打印/);
  });

  it('labels tiles by row and column', () => {
    expect(tileLabel(2, 3)).toBe('第2行第3张');
    expect(tileLabel(10, 1)).toBe('第10行第1张');
  });
});

describe('planTiling: extreme overlaps', () => {
  it('never lets a sheet overlap its neighbour\'s neighbour, at any accepted overlap', () => {
    for (const sheetPaper of SHEET_PAPERS) {
      for (const paper of CHARTS) {
        for (let overlapMm = 0; overlapMm <= 70; overlapMm += 7) {
          let plan: TilingPlan;
          try {
            plan = planTiling({ chart: { paper, orientation: 'landscape' }, sheetPaper, overlapMm });
          } catch {
            continue; // refused: too large for this sheet
          }
          for (const t of plan.tiles) {
            const twoRight = tileAt(plan, t.row, t.col + 2);
            if (twoRight) expect(overlapX(t.source, twoRight.source)).toBeLessThan(EPS);
            const twoBelow = tileAt(plan, t.row + 2, t.col);
            if (twoBelow) expect(overlapY(t.source, twoBelow.source)).toBeLessThan(EPS);
          }
        }
      }
    }
  });
});
