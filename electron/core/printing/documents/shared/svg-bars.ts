// Bar charts (grouped or stacked, with an optional percentage line on a right axis) as plain
// inline SVG. Plain SVG rather than a chart library: the chart is a few dozen elements, prints
// as vectors at any paper size, its text stays text (pdftotext reads the figures back), and its
// size is set in em so it scales with the wall chart's type.
import { escapeHtml } from '../../html-document';

/** SVG user units per em: the chart's text is drawn at font-size 10. */
const U = 10;

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

export interface LineSeries {
  name: string;
  color: string;
  /** One per category; null leaves a gap. */
  values: (number | null)[];
  /** Appended to the right axis ticks and the point labels, e.g. '%'. */
  unit: string;
}

export interface BarChartSpec {
  widthEm: number;
  heightEm: number;
  categories: string[];
  bars: BarSeries[];
  stacked?: boolean;
  line?: LineSeries;
  /** Left axis caption, e.g. '户数'. */
  axisLabel?: string;
  /** Numbers over the bars (and on the line's points). Default on. */
  valueLabels?: boolean;
}

/** Print palette: distinct in colour and still apart when photocopied in grey. */
export const CHART_COLORS = ['#c0392b', '#2e6da4', '#e6a23c', '#3a8f5c', '#7d5ba6', '#8c6d31', '#17a2b8', '#d35400'];

const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/** The smallest "nice" axis maximum (1, 2, 2.5, 5 × 10^k) at or above `max`, with its tick step. */
export function niceScale(max: number, targetTicks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / targetTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  // Whole numbers of households or persons never get fractional ticks.
  const intStep = max >= targetTicks ? Math.max(1, Math.round(step)) : step;
  return { max: Math.ceil(max / intStep) * intStep, step: intStep };
}

/** Category labels of up to two lines of `perLine` characters; longer ones are cut with …. */
export function wrapLabel(label: string, perLine: number): string[] {
  const chars = [...label];
  if (chars.length <= perLine) return [label];
  const first = chars.slice(0, perLine).join('');
  const rest = chars.slice(perLine);
  return [first, rest.length > perLine ? rest.slice(0, perLine - 1).join('') + '…' : rest.join('')];
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function barChartSvg(spec: BarChartSpec): string {
  const W = spec.widthEm * U;
  const H = spec.heightEm * U;
  const n = Math.max(1, spec.categories.length);
  const showValues = spec.valueLabels ?? true;
  const legendH = 2 * U;
  const left = 4.2 * U;
  const right = spec.line ? 4.2 * U : 1.5 * U;
  const slot = (W - left - right) / n;
  // Labels get as many characters a line as the slot can take at 0.85 em.
  const perLine = Math.max(2, Math.floor(slot / (0.9 * U)));
  const labelLines = Math.max(1, ...spec.categories.map((c) => wrapLabel(c, perLine).length));
  const bottom = (labelLines * 1.1 + 0.9) * U;
  const top = legendH + (showValues ? 1.4 * U : 0.6 * U);
  const plotH = Math.max(U, H - top - bottom);
  const baseY = top + plotH;

  const totals = spec.categories.map((_, i) => (spec.stacked ? spec.bars.reduce((s, b) => s + (b.values[i] ?? 0), 0) : Math.max(0, ...spec.bars.map((b) => b.values[i] ?? 0))));
  const scale = niceScale(Math.max(0, ...totals));
  const y = (v: number): number => baseY - (v / scale.max) * plotH;

  const parts: string[] = [];
  // grid and left axis
  for (let t = 0; t <= scale.max + 1e-9; t += scale.step) {
    const ty = y(t);
    parts.push(`<line x1="${r1(left)}" y1="${r1(ty)}" x2="${r1(W - right)}" y2="${r1(ty)}" stroke="${t === 0 ? '#333' : '#ccc'}" stroke-width="${t === 0 ? 1 : 0.5}"/>`);
    parts.push(`<text x="${r1(left - 0.4 * U)}" y="${r1(ty + 0.35 * U)}" text-anchor="end" font-size="${0.85 * U}" fill="#333">${fmt(t)}</text>`);
  }
  if (spec.axisLabel) parts.push(`<text x="${r1(left - 0.4 * U)}" y="${r1(top - (showValues ? 1.6 : 0.9) * U + 0.8 * U)}" text-anchor="end" font-size="${0.85 * U}" fill="#333">${escapeHtml(spec.axisLabel)}</text>`);

  // bars
  const groupW = slot * 0.72;
  const barCount = spec.stacked ? 1 : Math.max(1, spec.bars.length);
  const barW = groupW / barCount;
  // Values go on top of everything (the rate line too), each with a white halo, so none is hidden.
  const values: string[] = [];
  const halo = `stroke="#fff" stroke-width="${r1(0.3 * U)}" paint-order="stroke"`;
  spec.categories.forEach((cat, i) => {
    const x0 = left + i * slot + (slot - groupW) / 2;
    let stackBase = 0;
    spec.bars.forEach((b, j) => {
      const v = b.values[i] ?? 0;
      const x = spec.stacked ? x0 : x0 + j * barW;
      const yTop = y(stackBase + v);
      const yBottom = y(stackBase);
      if (v > 0) {
        parts.push(`<rect x="${r1(x + barW * 0.06)}" y="${r1(yTop)}" width="${r1(barW * 0.88)}" height="${r1(yBottom - yTop)}" fill="${b.color}"/>`);
      }
      if (showValues && !spec.stacked) {
        const fs = Math.min(0.85 * U, barW * 0.55);
        values.push(`<text x="${r1(x + barW / 2)}" y="${r1(yTop - 0.3 * U)}" text-anchor="middle" font-size="${r1(fs)}" fill="#222" ${halo}>${fmt(v)}</text>`);
      }
      if (spec.stacked) stackBase += v;
    });
    if (showValues && spec.stacked) values.push(`<text x="${r1(x0 + groupW / 2)}" y="${r1(y(stackBase) - 0.3 * U)}" text-anchor="middle" font-size="${0.85 * U}" fill="#222" ${halo}>${fmt(stackBase)}</text>`);
    wrapLabel(cat, perLine).forEach((line, k) => {
      parts.push(`<text x="${r1(left + (i + 0.5) * slot)}" y="${r1(baseY + (1.1 + k * 1.1) * U)}" text-anchor="middle" font-size="${0.85 * U}" fill="#222">${escapeHtml(line)}</text>`);
    });
  });

  // the percentage line on its own right-hand axis
  if (spec.line) {
    const l = spec.line;
    const lineScale = niceScale(Math.max(0, ...l.values.filter((v): v is number => v !== null)));
    const ly = (v: number): number => baseY - (v / lineScale.max) * plotH;
    for (let t = 0; t <= lineScale.max + 1e-9; t += lineScale.step) {
      parts.push(`<text x="${r1(W - right + 0.4 * U)}" y="${r1(ly(t) + 0.35 * U)}" font-size="${0.85 * U}" fill="${l.color}">${fmt(t)}${escapeHtml(l.unit)}</text>`);
    }
    const points = l.values.map((v, i) => (v === null ? null : { x: left + (i + 0.5) * slot, y: ly(v), v }));
    let path = '';
    points.forEach((p, i) => {
      if (!p) return;
      path += `${i > 0 && points[i - 1] ? 'L' : 'M'}${r1(p.x)} ${r1(p.y)} `;
    });
    if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="${l.color}" stroke-width="${0.18 * U}"/>`);
    for (const p of points) {
      if (!p) continue;
      parts.push(`<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="${0.3 * U}" fill="#fff" stroke="${l.color}" stroke-width="${0.12 * U}"/>`);
      if (showValues) values.push(`<text x="${r1(p.x + 0.45 * U)}" y="${r1(p.y - 0.45 * U)}" font-size="${0.8 * U}" fill="${l.color}" ${halo}>${p.v.toFixed(2)}${escapeHtml(l.unit)}</text>`);
    }
  }
  parts.push(...values);

  // legend across the top
  const legend = [...spec.bars.map((b) => ({ name: b.name, color: b.color, line: false })), ...(spec.line ? [{ name: spec.line.name, color: spec.line.color, line: true }] : [])];
  let lx = left;
  for (const item of legend) {
    parts.push(
      item.line
        ? `<line x1="${r1(lx)}" y1="${r1(0.9 * U)}" x2="${r1(lx + 1.6 * U)}" y2="${r1(0.9 * U)}" stroke="${item.color}" stroke-width="${0.18 * U}"/><circle cx="${r1(lx + 0.8 * U)}" cy="${r1(0.9 * U)}" r="${0.3 * U}" fill="#fff" stroke="${item.color}" stroke-width="${0.12 * U}"/>`
        : `<rect x="${r1(lx)}" y="${r1(0.4 * U)}" width="${1.6 * U}" height="${U}" fill="${item.color}"/>`,
    );
    parts.push(`<text x="${r1(lx + 2 * U)}" y="${r1(1.25 * U)}" font-size="${U}" fill="#222">${escapeHtml(item.name)}</text>`);
    lx += 2.8 * U + [...item.name].length * U;
  }

  return `<svg class="fp-bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r1(W)} ${r1(H)}" style="width:${spec.widthEm}em;height:${spec.heightEm}em" font-family="inherit">${parts.join('')}</svg>`;
}
