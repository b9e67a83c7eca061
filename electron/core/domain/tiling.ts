// Splitting a wall chart (A2–A0) onto office sheets (A4/A3) that are glued together on the
// village office wall. Pure arithmetic in millimetres: the PDF side (printing/tiled-pdf.ts)
// only draws what this plan says.
//
// Layout of one sheet, from the paper edge inwards:
//   printer margin (nothing prints there) | gutter (cut marks) | chart tile | gutter | band | margin
// The band under the tile carries the sheet label 「第2行第3张」 and the small sheet map. Tiles
// smaller than the paper allows are centred, band included.
//
// Tiles along an axis all have the same size and neighbours overlap by exactly `overlapMm`:
// n tiles of size s cover n·s − (n−1)·overlap, so we take the fewest n whose s fits the sheet
// and then shrink s until the row ends exactly at the chart edge. That keeps every overlap equal
// (one glue width for the whole wall) and no tile ever reaches past the chart.
import { pageSizeMm, type Orientation, type PaperSpec, type SizeMm } from './paper';

export const SHEET_PAPERS = ['A4', 'A3'] as const;
export type SheetPaper = (typeof SHEET_PAPERS)[number];

export const TILING_DEFAULTS = {
  /** What most office printers cannot print on. */
  marginMm: 6,
  /** Glue width shared by neighbouring sheets. */
  overlapMm: 10,
  /** Room inside the printable area for cut marks around the tile. */
  gutterMm: 5,
  /** Room at the bottom for the sheet label and the sheet map. */
  bandMm: 12,
} as const;

export interface TilingRequest {
  chart: PaperSpec;
  sheetPaper: SheetPaper;
  /** Omit to take whichever orientation needs fewer sheets (portrait on a tie). */
  sheetOrientation?: Orientation;
  marginMm?: number;
  overlapMm?: number;
  gutterMm?: number;
  bandMm?: number;
}

export interface RectMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tile {
  /** 1-based, top to bottom. */
  row: number;
  /** 1-based, left to right. */
  col: number;
  /** 0-based position in the plan (row-major), which is also the page order of the PDF. */
  index: number;
  /** 「第2行第3张」 */
  label: string;
  /** The part of the chart this sheet shows, in chart millimetres. */
  source: RectMm;
  /** Where that part lands on the sheet, in sheet millimetres (same size: printed 1:1). */
  placement: RectMm;
}

export interface TilingPlan {
  chart: PaperSpec & SizeMm;
  sheet: { paper: SheetPaper; orientation: Orientation } & SizeMm;
  marginMm: number;
  overlapMm: number;
  gutterMm: number;
  bandMm: number;
  /** The largest tile a sheet can hold, in sheet millimetres. */
  area: RectMm;
  /** The label band under the tile, in sheet millimetres; the same on every sheet. */
  band: RectMm;
  rows: number;
  cols: number;
  /** Row-major: all of row 1, then row 2, … */
  tiles: Tile[];
}

export function tileLabel(row: number, col: number): string {
  return `第${row}行第${col}张`;
}

interface AxisSplit {
  count: number;
  size: number;
  starts: number[];
}

// Float fuzz: 841 mm over tiles of exactly the right size must not round up to one sheet more.
const EPS = 1e-9;

function splitAxis(length: number, maxTile: number, overlap: number): AxisSplit {
  if (length <= maxTile + EPS) return { count: 1, size: length, starts: [0] };
  const count = Math.ceil((length - overlap) / (maxTile - overlap) - EPS);
  const size = (length + (count - 1) * overlap) / count;
  const starts = Array.from({ length: count }, (_, i) => i * (size - overlap));
  return { count, size, starts };
}

function checkLength(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name}必须是不小于 0 的数值（毫米）`);
}

function planFor(req: TilingRequest, orientation: Orientation): TilingPlan {
  const marginMm = req.marginMm ?? TILING_DEFAULTS.marginMm;
  const overlapMm = req.overlapMm ?? TILING_DEFAULTS.overlapMm;
  const gutterMm = req.gutterMm ?? TILING_DEFAULTS.gutterMm;
  const bandMm = req.bandMm ?? TILING_DEFAULTS.bandMm;
  checkLength('打印机边距', marginMm);
  checkLength('重叠宽度', overlapMm);
  checkLength('裁切标记留白', gutterMm);
  checkLength('标签栏高度', bandMm);

  const chartSize = pageSizeMm(req.chart.paper, req.chart.orientation);
  const sheetSize = pageSizeMm(req.sheetPaper, orientation);
  const inset = marginMm + gutterMm;
  const area: RectMm = {
    x: inset,
    y: inset,
    width: sheetSize.widthMm - 2 * inset,
    height: sheetSize.heightMm - 2 * inset - bandMm,
  };
  if (area.width <= 0 || area.height <= 0) {
    throw new RangeError('边距、留白和标签栏占满了整张纸，没有地方打印图表');
  }
  // Tiles shrink to share the chart evenly, down to about (2n−1)/(n−1)·overlap for n ≥ 3 tiles;
  // below twice the overlap a sheet would also overlap its neighbour's neighbour. A third of
  // the printable side keeps every plan clear of that.
  if (3 * overlapMm > Math.min(area.width, area.height)) {
    throw new RangeError(`重叠宽度 ${overlapMm} 毫米太大，最多为可打印区域短边的三分之一`);
  }

  const across = splitAxis(chartSize.widthMm, area.width, overlapMm);
  const down = splitAxis(chartSize.heightMm, area.height, overlapMm);
  // All tiles have the same size, so they all sit at the same place on their sheet.
  const tilePlacement: RectMm = {
    x: area.x + (area.width - across.size) / 2,
    y: area.y + (area.height - down.size) / 2,
    width: across.size,
    height: down.size,
  };
  const tiles: Tile[] = [];
  down.starts.forEach((y, r) => {
    across.starts.forEach((x, c) => {
      tiles.push({
        row: r + 1,
        col: c + 1,
        index: tiles.length,
        label: tileLabel(r + 1, c + 1),
        source: { x, y, width: across.size, height: down.size },
        placement: { ...tilePlacement },
      });
    });
  });

  return {
    chart: { ...req.chart, ...chartSize },
    sheet: { paper: req.sheetPaper, orientation, ...sheetSize },
    marginMm,
    overlapMm,
    gutterMm,
    bandMm,
    area,
    // Right under the tile's bottom cut marks and as wide as the tile: label and map read as
    // part of the sheet, with no gap when the tile is shorter than the paper allows.
    band: {
      x: tilePlacement.x,
      y: tilePlacement.y + tilePlacement.height + gutterMm,
      width: tilePlacement.width,
      height: bandMm,
    },
    rows: down.count,
    cols: across.count,
    tiles,
  };
}

/** The grid of sheets for a chart. Throws a RangeError with a Chinese message on bad sizes. */
export function planTiling(req: TilingRequest): TilingPlan {
  if (req.sheetOrientation) return planFor(req, req.sheetOrientation);
  const attempt = (o: Orientation): TilingPlan | RangeError => {
    try {
      return planFor(req, o);
    } catch (err) {
      if (err instanceof RangeError) return err;
      throw err;
    }
  };
  const portrait = attempt('portrait');
  const landscape = attempt('landscape');
  // A setting can fit one orientation only (a wide band on landscape A4): take what works.
  if (portrait instanceof RangeError) {
    if (landscape instanceof RangeError) throw portrait;
    return landscape;
  }
  if (landscape instanceof RangeError) return portrait;
  return landscape.tiles.length < portrait.tiles.length ? landscape : portrait;
}

export interface OverlapGuides {
  /** x positions, in tile-local millimetres, where a left/right neighbour's edge falls. */
  vertical: number[];
  /** y positions, in tile-local millimetres, where an upper/lower neighbour's edge falls. */
  horizontal: number[];
}

/**
 * Where the neighbouring sheets' edges fall on a tile: the lines the person assembling the wall
 * cuts along or lines up with. A sheet on the chart's edge has no guide on that side.
 */
export function overlapGuides(plan: TilingPlan, tile: Tile): OverlapGuides {
  const o = plan.overlapMm;
  const { width, height } = tile.source;
  const vertical: number[] = [];
  const horizontal: number[] = [];
  if (tile.col > 1) vertical.push(o);
  if (tile.col < plan.cols) vertical.push(width - o);
  if (tile.row > 1) horizontal.push(o);
  if (tile.row < plan.rows) horizontal.push(height - o);
  return { vertical, horizontal };
}

export function tileAt(plan: TilingPlan, row: number, col: number): Tile | undefined {
  if (row < 1 || row > plan.rows || col < 1 || col > plan.cols) return undefined;
  return plan.tiles[(row - 1) * plan.cols + (col - 1)];
}
