// Printing benchmark (design.md §7): the five wall charts of one village to PDF (target 3 s),
// and every village chart of the county in one batch, each beside a bare Chromium page.pdf of a
// trivial page in the same run, through the same browser binary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeStation, openStation } from '../../electron/core/station';
import { SYSTEM_ACTOR } from '../../electron/core/db/write-path';
import { launchPrintChromium } from '../../electron/core/printing/chromium-launch';
import { createPlaywrightPdfRenderer } from '../../electron/core/printing/pdf-renderer';
import { VILLAGE_CHARTS } from '../../electron/core/printing/documents';
import { renderDocument } from '../../electron/core/services/printing/render';
import { renderVillageBatch } from '../../electron/core/services/printing/batch';
import { loadVillageFacts } from '../../electron/core/services/printing/village-facts';
import { now, percentile, type BenchFigure } from './measure';

const COUNTY = '620422000000';
const YEAR = 2020;

/** Median of a bare page.pdf of a one-word page: Chromium's own floor on this machine. */
async function barePagePdfMs(samples = 7): Promise<number> {
  const browser = await launchPrintChromium();
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.setContent('<p>x</p>');
    await page.pdf(); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = now();
      await page.setContent('<p>x</p>');
      await page.pdf();
      ms.push(now() - t);
    }
    return percentile(ms, 50);
  } finally {
    await browser.close();
  }
}

export async function benchPrint({ db, dir }: { db: string; dir: string }): Promise<BenchFigure[]> {
  const out = join(dir, 'print');
  mkdirSync(out, { recursive: true });
  const bare = await barePagePdfMs();
  const station = await openStation(db, { dailyBackup: false });
  const renderer = createPlaywrightPdfRenderer();
  try {
    const village = (station.db.$client.prepare('SELECT region_code AS code FROM households GROUP BY region_code ORDER BY count(*) DESC, region_code LIMIT 1').get() as { code: string }).code;
    const fiveCharts = async (): Promise<number> => {
      const t = now();
      const facts = loadVillageFacts(station.db, village, YEAR, station.clock());
      const docs = await Promise.all(VILLAGE_CHARTS.map((document) => renderDocument(station, SYSTEM_ACTOR, renderer, { document, scope: { village }, year: YEAR }, facts)));
      const ms = now() - t;
      for (const d of docs) writeFileSync(join(out, d.fileName), d.bytes);
      return ms;
    };
    // The first includes launching the browser; the station keeps it running after that.
    const coldMs = await fiveCharts();
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await fiveCharts());
    const warmMs = percentile(warm, 50);

    let files = 0;
    const t = now();
    const batch = await renderVillageBatch(station, SYSTEM_ACTOR, renderer, { regionCode: COUNTY, year: YEAR, documents: VILLAGE_CHARTS }, () => {
      files += 1;
    });
    const batchMs = now() - t;
    return [
      { name: `five charts of village ${village} to PDF (browser running, median of 3)`, value: warmMs, unit: 'ms', baseline: bare, baselineLabel: 'a bare Chromium page.pdf of a trivial page', target: 3_000 },
      { name: 'the same five charts, first print after start (browser launch included)', value: coldMs, unit: 'ms', baseline: bare, baselineLabel: 'a bare Chromium page.pdf of a trivial page' },
      { name: `every village chart of the county in one batch (${batch.files} files)`, value: batchMs, unit: 'ms', baseline: bare * files, baselineLabel: `${files} bare page.pdf calls` },
      { name: 'the same batch, per chart', value: batchMs / Math.max(1, files), unit: 'ms', baseline: bare, baselineLabel: 'a bare page.pdf' },
    ];
  } finally {
    await renderer.close();
    closeStation(station);
  }
}
