// A batch: every chosen chart of every village below a region, one PDF per village and chart,
// through one renderer, with progress after each file and a cancel checked between files.
import type { Station } from '../../station';
import type { Actor } from '../../db/write-path';
import { levelOfCode } from '../../domain/region-code';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { SheetPaper } from '../../domain/tiling';
import type { MaskingPolicy } from '../../domain/masking';
import type { PdfRenderer } from '../../printing/pdf-renderer-types';
import type { DocumentKind } from '../../printing/documents';
import { regionsBelow } from '../regions';
import { renderDocument, type RenderedDocument } from './render';
import { loadVillageFacts } from './village-facts';

/** Villages below a region (or the village itself), for a batch. */
export function villagesIn(station: Station, regionCode: string): string[] {
  const level = levelOfCode(regionCode);
  if (level === 'village') return [regionCode];
  return regionsBelow(station.db, regionCode, 'village').map((r) => r.code);
}

export interface BatchProgress {
  done: number;
  total: number;
  village: string;
  document: DocumentKind;
}

/**
 * Every chart of every village below `regionCode`, one PDF per village and chart, through one
 * renderer. `onProgress` after each file; `isCancelled` is checked between files.
 */
export async function renderVillageBatch(
  station: Station,
  actor: Actor,
  renderer: PdfRenderer,
  opts: { regionCode: string; year: number; documents: readonly DocumentKind[]; paper?: PaperSize; orientation?: Orientation; tile?: SheetPaper; maskingPolicy?: MaskingPolicy },
  sink: (village: string, doc: RenderedDocument) => void | Promise<void>,
  onProgress?: (p: BatchProgress) => void,
  isCancelled?: () => boolean,
): Promise<{ files: number; cancelled: boolean }> {
  const villages = villagesIn(station, opts.regionCode);
  const total = villages.length * opts.documents.length;
  let done = 0;
  for (const village of villages) {
    const facts = loadVillageFacts(station.db, village, opts.year, station.clock());
    // Renders of one village run side by side; the renderer caps the pages in flight.
    const results = await Promise.all(
      opts.documents.map(async (document) => {
        if (isCancelled?.()) return null;
        const r = await renderDocument(station, actor, renderer, { document, scope: { village }, year: opts.year, paper: opts.paper, orientation: opts.orientation, tile: opts.tile, maskingPolicy: opts.maskingPolicy }, facts);
        done += 1;
        onProgress?.({ done, total, village, document });
        return r;
      }),
    );
    for (const r of results) if (r) await sink(village, r);
    if (isCancelled?.()) return { files: done, cancelled: true };
  }
  return { files: done, cancelled: false };
}
