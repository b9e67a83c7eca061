import { describe, it, expect } from 'vitest';
import { planTiling, tileAt } from '../../../electron/core/domain/tiling';
import { buildTiledSheetsHtml, cutMarksSvg, sheetMapSvg } from '../../../electron/core/printing/tiled-pdf';

const plan = planTiling({ chart: { paper: 'A1', orientation: 'landscape' }, sheetPaper: 'A4' });
const chart = { title: '某村贫困人口分布图', chartHtml: '<div class="c">图</div>', chartCss: '.c{color:red}' };

describe('buildTiledSheetsHtml', () => {
  const html = buildTiledSheetsHtml(chart, plan);

  it('has one sheet per tile with its label, in plan order, on zero page margins', () => {
    const sheets = [...html.matchAll(/data-tile="(\d+)-(\d+)"/g)].map((m) => `${m[1]}-${m[2]}`);
    expect(sheets).toEqual(plan.tiles.map((t) => `${t.row}-${t.col}`));
    for (const t of plan.tiles) expect(html).toContain(`<div class="fp-label">${t.label}</div>`);
    expect(html).toContain('@page { size: 210mm 297mm; margin: 0mm 0mm 0mm 0mm; }');
    expect(html.split('.c{color:red}').length - 1).toBe(1);
  });

  it('shifts the full-size chart so each sheet shows its own part', () => {
    const t = tileAt(plan, 2, 3)!;
    const n = (v: number): string => String(Math.round(v * 1000) / 1000);
    expect(html).toContain(`left:${n(-t.source.x)}mm;top:${n(-t.source.y)}mm;width:841mm;height:594mm`);
  });

  it('escapes the title', () => {
    expect(buildTiledSheetsHtml({ ...chart, title: '<x>' }, plan)).toContain('&lt;x&gt;');
  });
});

describe('cut marks and sheet map', () => {
  it('draws overlap guides only towards neighbours', () => {
    const dashed = (svg: string): number => (svg.match(/stroke="#888"/g) ?? []).length;
    expect(dashed(cutMarksSvg(plan, tileAt(plan, 1, 1)!))).toBe(2);
    expect(dashed(cutMarksSvg(plan, tileAt(plan, 2, 3)!))).toBe(4);
    const single = planTiling({ chart: { paper: 'A4', orientation: 'portrait' }, sheetPaper: 'A3' });
    expect(dashed(cutMarksSvg(single, single.tiles[0]!))).toBe(0);
  });

  it('maps the wall with the current sheet filled, within the given box', () => {
    const svg = sheetMapSvg(plan, tileAt(plan, 2, 3)!, 40, 10);
    expect((svg.match(/<rect /g) ?? []).length).toBe(plan.tiles.length);
    expect((svg.match(/fill="#222"/g) ?? []).length).toBe(1);
    const [, w, h] = /width="([\d.]+)mm" height="([\d.]+)mm"/.exec(svg)!;
    expect(Number(w)).toBeLessThanOrEqual(40.2);
    expect(Number(h)).toBeLessThanOrEqual(10.2);
  });
});
