// 贫困人口分布图 (domain.md §4.3): the village's 村民小组 with every registered household as a
// marker, coloured by its status and shaped by its attribute, on the village's own base image
// (markers where the clerk dragged them) or, without one, laid out group by group. Beside it the
// legend and a count per group.
import { escapeHtml } from '../html-document';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { WallDocument } from './shared/document';
import { dateCn } from './shared/format';
import { placeOf, villageMaker } from './shared/flow-page';
import { WALL_CSS, wallFrame, wallPageHtml, wallSubtitle } from './shared/wall-frame';
import type { DocBase } from './types';

export const MAP_STATUSES = ['poor', 'exitThisYear', 'returned', 'exited'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export const MAP_STATUS_LABELS: Record<MapStatus, string> = {
  poor: '未脱贫',
  exitThisYear: '计划当年脱贫',
  returned: '返贫',
  exited: '已脱贫',
};

// red / yellow / green as villages paint them; 返贫 a darker red with a black ring.
export const MAP_STATUS_COLORS: Record<MapStatus, string> = {
  poor: '#d7191c',
  exitThisYear: '#f2b705',
  returned: '#7a0c0e',
  exited: '#1a9641',
};

export const MAP_ATTRIBUTES = ['general', 'dibao', 'wubao'] as const;
export type MapAttribute = (typeof MAP_ATTRIBUTES)[number];

export const MAP_ATTRIBUTE_LABELS: Record<MapAttribute, string> = {
  general: '一般贫困户',
  dibao: '低保贫困户',
  wubao: '特困供养贫困户',
};

export interface MapHousehold {
  id: string;
  headName: string;
  persons: number;
  groupName: string;
  status: MapStatus;
  attribute: MapAttribute;
  /** Fractions (0–1) of the base image; null: not placed yet. */
  position: { x: number; y: number } | null;
}

export interface BaseImage {
  /** data:image/png;base64,… — a print document may load nothing. */
  dataUrl: string;
  widthPx: number;
  heightPx: number;
}

export interface DistributionMapData extends DocBase {
  /** 村民小组 in the village's order; households of a group not listed are added after. */
  groups: string[];
  households: MapHousehold[];
  baseImage: BaseImage | null;
}

const U = 10;
const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/** The marker: shape by attribute, fill by status. (x, y) is its centre, r its half size, in SVG units. */
export function markerSvg(x: number, y: number, r: number, status: MapStatus, attribute: MapAttribute): string {
  const fill = MAP_STATUS_COLORS[status];
  const ring = status === 'returned' ? `stroke="#000" stroke-width="${r1(r * 0.32)}"` : `stroke="#fff" stroke-width="${r1(r * 0.14)}"`;
  switch (attribute) {
    case 'dibao':
      return `<rect x="${r1(x - r * 0.9)}" y="${r1(y - r * 0.9)}" width="${r1(r * 1.8)}" height="${r1(r * 1.8)}" fill="${fill}" ${ring}/>`;
    case 'wubao':
      return `<path d="M${r1(x)} ${r1(y - r * 1.1)} L${r1(x + r * 1.05)} ${r1(y + r * 0.8)} L${r1(x - r * 1.05)} ${r1(y + r * 0.8)} Z" fill="${fill}" ${ring}/>`;
    default:
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r)}" fill="${fill}" ${ring}/>`;
  }
}

function symbolSvg(status: MapStatus, attribute: MapAttribute, sizeEm = 1.1): string {
  const s = sizeEm * U;
  return `<svg class="dm-sym" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" style="width:${sizeEm}em;height:${sizeEm}em">${markerSvg(s / 2, s / 2, s * 0.36, status, attribute)}</svg>`;
}

interface GroupBlock {
  name: string;
  households: MapHousehold[];
}

/** Groups in the village's order; households whose group is unknown or unlisted still appear. */
export function groupBlocks(data: DistributionMapData): GroupBlock[] {
  const byName = new Map<string, MapHousehold[]>();
  for (const h of data.households) byName.set(h.groupName, [...(byName.get(h.groupName) ?? []), h]);
  const names = [...data.groups.filter((g) => byName.has(g)), ...[...byName.keys()].filter((g) => !data.groups.includes(g)).sort()];
  return names.map((name) => ({ name, households: byName.get(name)! }));
}

interface GridChoice {
  cols: number;
  rows: number;
  cell: number;
}

/** Columns of group blocks that give the largest marker cell with every group fitting its block. */
export function chooseGrid(counts: number[], widthEm: number, heightEm: number, headerEm: number): GridChoice {
  let best: GridChoice = { cols: 1, rows: Math.max(1, counts.length), cell: 0 };
  const g = Math.max(1, counts.length);
  for (let cols = 1; cols <= g; cols++) {
    const rows = Math.ceil(g / cols);
    const bw = widthEm / cols - 0.8;
    const bh = heightEm / rows - 0.8 - headerEm;
    if (bw <= 0 || bh <= 0) continue;
    const most = Math.max(1, ...counts);
    // the largest cell s with floor(bw/s) * floor(bh/s) >= most
    let lo = 0.2;
    let hi = Math.min(bw, bh, 5.5);
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (Math.floor(bw / mid) * Math.floor(bh / mid) >= most) lo = mid;
      else hi = mid;
    }
    if (lo > best.cell) best = { cols, rows, cell: lo };
  }
  return best;
}

const nameFontEm = (cellEm: number): number => Math.min(0.9, cellEm / 3.4);

function markerWithName(h: MapHousehold, x: number, y: number, cellEm: number): string {
  const r = Math.min(cellEm * 0.2, 1.1) * U;
  const fs = nameFontEm(cellEm) * U;
  return (
    markerSvg(x, y - fs * 0.45, r, h.status, h.attribute) +
    `<text x="${r1(x)}" y="${r1(y - fs * 0.45 + r + fs * 1.05)}" text-anchor="middle" font-size="${r1(fs)}" fill="#111">${escapeHtml(h.headName)}</text>`
  );
}

/** Without a base image: a block per 村民小组, households in rows inside it. */
function autoLayoutSvg(blocks: GroupBlock[], widthEm: number, heightEm: number): string {
  const headerEm = 1.8;
  const grid = chooseGrid(blocks.map((b) => b.households.length), widthEm, heightEm, headerEm);
  const bw = widthEm / grid.cols;
  const bh = heightEm / grid.rows;
  const parts: string[] = [];
  blocks.forEach((b, i) => {
    const col = i % grid.cols;
    const row = Math.floor(i / grid.cols);
    const x0 = (col * bw + 0.4) * U;
    const y0 = (row * bh + 0.4) * U;
    const w = (bw - 0.8) * U;
    const h = (bh - 0.8) * U;
    const persons = b.households.reduce((s, x) => s + x.persons, 0);
    parts.push(`<rect x="${r1(x0)}" y="${r1(y0)}" width="${r1(w)}" height="${r1(h)}" rx="${U * 0.8}" fill="#fbf7ee" stroke="#8a6d3b" stroke-width="${U * 0.08}"/>`);
    parts.push(`<text x="${r1(x0 + U * 0.7)}" y="${r1(y0 + U * 1.3)}" font-size="${U * 1.1}" font-weight="700" fill="#5a3d0c">${escapeHtml(b.name)}</text>`);
    parts.push(`<text x="${r1(x0 + w - U * 0.7)}" y="${r1(y0 + U * 1.3)}" text-anchor="end" font-size="${U * 0.85}" fill="#5a3d0c">${b.households.length}户 ${persons}人</text>`);
    const innerW = w / U;
    const perRow = Math.max(1, Math.floor(innerW / grid.cell));
    const usedRows = Math.ceil(b.households.length / perRow);
    // centre the markers in the block's free area
    const padX = (innerW - perRow * grid.cell) / 2;
    const freeH = h / U - headerEm;
    const padY = Math.max(0, (freeH - usedRows * grid.cell) / 2);
    b.households.forEach((hh, k) => {
      const cx = x0 + (padX + (k % perRow + 0.5) * grid.cell) * U;
      const cy = y0 + (headerEm + padY + (Math.floor(k / perRow) + 0.5) * grid.cell) * U;
      parts.push(markerWithName(hh, cx, cy, grid.cell));
    });
  });
  return `<svg class="dm-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r1(widthEm * U)} ${r1(heightEm * U)}" style="width:${widthEm}em;height:${heightEm}em">${parts.join('')}</svg>`;
}

/** On the base image: placed markers where they were dragged, the rest in a strip below it. */
function baseImageSvg(image: BaseImage, households: MapHousehold[], widthEm: number, heightEm: number): string {
  const unplaced = households.filter((h) => h.position === null);
  const stripEm = unplaced.length > 0 ? 4.2 : 0;
  const aspect = image.widthPx / image.heightPx;
  const availH = heightEm - stripEm;
  const imgW = Math.min(widthEm, availH * aspect);
  const imgH = imgW / aspect;
  const ox = (widthEm - imgW) / 2;
  // A marker about a forty-fifth of the image's longer side, as on a hand-drawn sketch.
  const cell = Math.max(1.6, Math.min(3.4, Math.max(imgW, imgH) / 22));
  const parts: string[] = [
    `<image href="${escapeHtml(image.dataUrl)}" x="${r1(ox * U)}" y="0" width="${r1(imgW * U)}" height="${r1(imgH * U)}" preserveAspectRatio="none"/>`,
    `<rect x="${r1(ox * U)}" y="0" width="${r1(imgW * U)}" height="${r1(imgH * U)}" fill="none" stroke="#555" stroke-width="${U * 0.06}"/>`,
  ];
  for (const h of households) {
    if (!h.position) continue;
    parts.push(markerWithName(h, (ox + h.position.x * imgW) * U, (h.position.y * imgH + cell * 0.25) * U, cell));
  }
  if (unplaced.length > 0) {
    const y0 = imgH + 0.6;
    parts.push(`<text x="${r1(ox * U)}" y="${r1((y0 + 0.9) * U)}" font-size="${U * 0.85}" fill="#444">尚未在底图上标注位置的 ${unplaced.length} 户：</text>`);
    const perRow = Math.max(1, Math.floor((imgW - 14) / 2.6));
    unplaced.slice(0, perRow).forEach((h, k) => parts.push(markerWithName(h, (ox + 14 + (k + 0.5) * 2.6) * U, (y0 + 1.1) * U, 2.6)));
    if (unplaced.length > perRow) parts.push(`<text x="${r1((ox + imgW) * U)}" y="${r1((y0 + 3.2) * U)}" text-anchor="end" font-size="${U * 0.8}" fill="#444">另有 ${unplaced.length - perRow} 户未列出</text>`);
  }
  return `<svg class="dm-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r1(widthEm * U)} ${r1(heightEm * U)}" style="width:${widthEm}em;height:${heightEm}em">${parts.join('')}</svg>`;
}

export interface MapCounts {
  households: number;
  persons: number;
  byStatus: Record<MapStatus, { households: number; persons: number }>;
  byAttribute: Record<MapAttribute, number>;
}

export function mapCounts(households: readonly MapHousehold[]): MapCounts {
  const byStatus = Object.fromEntries(MAP_STATUSES.map((s) => [s, { households: 0, persons: 0 }])) as MapCounts['byStatus'];
  const byAttribute = Object.fromEntries(MAP_ATTRIBUTES.map((a) => [a, 0])) as MapCounts['byAttribute'];
  let persons = 0;
  for (const h of households) {
    byStatus[h.status].households += 1;
    byStatus[h.status].persons += h.persons;
    byAttribute[h.attribute] += 1;
    persons += h.persons;
  }
  return { households: households.length, persons, byStatus, byAttribute };
}

function legendHtml(blocks: GroupBlock[], all: MapHousehold[]): string {
  const total = mapCounts(all);
  const statusRows = MAP_STATUSES.map(
    (s) => `<tr><td class="l">${symbolSvg(s, 'general')} ${MAP_STATUS_LABELS[s]}</td><td>${total.byStatus[s].households}户</td><td>${total.byStatus[s].persons}人</td></tr>`,
  ).join('');
  const attrRows = MAP_ATTRIBUTES.map((a) => `<tr><td class="l">${symbolSvg('exited', a)} ${MAP_ATTRIBUTE_LABELS[a]}</td><td colspan="2">${total.byAttribute[a]}户</td></tr>`).join('');
  const head = `<tr><th>村民小组</th><th>户数</th><th>人数</th>${MAP_STATUSES.map((s) => `<th>${MAP_STATUS_LABELS[s]}</th>`).join('')}</tr>`;
  const rows = blocks
    .map((b) => {
      const c = mapCounts(b.households);
      return `<tr><td>${escapeHtml(b.name)}</td><td>${c.households}</td><td>${c.persons}</td>${MAP_STATUSES.map((s) => `<td>${c.byStatus[s].households}</td>`).join('')}</tr>`;
    })
    .join('');
  const totalRow = `<tr class="total"><td>合计</td><td>${total.households}</td><td>${total.persons}</td>${MAP_STATUSES.map((s) => `<td>${total.byStatus[s].households}</td>`).join('')}</tr>`;
  return (
    '<div class="dm-legend">' +
    '<div class="dm-cap">图　例</div>' +
    `<table class="dm-key"><tr><th colspan="3">颜色：脱贫状态</th></tr>${statusRows}<tr><th colspan="3">形状：贫困户属性</th></tr>${attrRows}</table>` +
    '<div class="dm-cap">各村民小组户数（户）</div>' +
    `<table class="dm-count">${head}${rows}${totalRow}</table>` +
    '<div class="dm-note">标记下方为户主姓名。返贫户计入未脱贫人口。</div>' +
    '</div>'
  );
}

const MAP_CSS = `
.dm { display: flex; gap: 1em; height: 100%; }
.dm-area { flex: none; }
.dm-legend { flex: 1 1 auto; min-width: 0; font-size: 0.82em; }
.dm-cap { font-weight: 700; font-size: 1.15em; margin: 0.2em 0 0.4em; color: #8f1d21; }
.dm-key td, .dm-key th { border: none; padding: 0.12em 0.3em; }
.dm-key th { background: none; text-align: left; color: #555; font-weight: 400; }
.dm-key { margin-bottom: 0.6em; }
.dm-sym { vertical-align: -0.2em; }
.dm-count th { font-size: 0.9em; padding: 0.15em 0.1em; }
.dm-note { margin-top: 0.5em; color: #444; font-size: 0.9em; }
`;

export const LEGEND_WIDTH_EM = 23;

export function buildDistributionMap(data: DistributionMapData, paper: PaperSize, orientation: Orientation): WallDocument {
  const frame = wallFrame(paper, orientation);
  const blocks = groupBlocks(data);
  // The legend takes a fixed share; on portrait paper it still leaves the map most of the width.
  const legendEm = Math.min(LEGEND_WIDTH_EM, frame.bodyWidthEm * 0.36);
  const mapW = frame.bodyWidthEm - legendEm - 1;
  const mapH = frame.bodyHeightEm;
  const ordered = blocks.flatMap((b) => b.households);
  const map =
    data.households.length === 0
      ? `<div style="width:${mapW}em;height:${mapH}em;display:flex;align-items:center;justify-content:center;font-size:1.4em;color:#555">本村没有建档立卡户</div>`
      : data.baseImage
        ? baseImageSvg(data.baseImage, ordered, mapW, mapH)
        : autoLayoutSvg(blocks, mapW, mapH);
  const h = data.heading;
  const page = wallPageHtml(frame, {
    title: `${h.villageName}贫困人口分布图`,
    subtitle: wallSubtitle(h, data.baseImage ? '按村级底图标注' : '按村民小组排列'),
    body: `<div class="dm"><div class="dm-area" style="width:${mapW}em">${map}</div>${legendHtml(blocks, data.households)}</div>`,
    maker: `制表：${villageMaker(h)}`,
    printedOn: dateCn(h.printedOn),
    page: 1,
    pages: 1,
  });
  return { kind: 'wall', title: `${placeOf(h)}${h.year}年贫困人口分布图`, paper, orientation, pages: [page], css: WALL_CSS + MAP_CSS, draft: !data.approved };
}
