// The station's PDF renderer. The desktop door installs Electron's printToPDF renderer at start;
// web mode, the command line and tests get Chromium through playwright-core, launched on the
// first print and closed with the station.
import type { Station } from '../../station';
import type { PdfRenderer } from '../../printing/pdf-renderer-types';
import { createPlaywrightPdfRenderer } from '../../printing/pdf-renderer';

const printers = new WeakMap<Station, PdfRenderer>();

/** Installs a renderer (Electron's, or a test's) for this station; the station closes it. */
export function usePrinter(station: Station, renderer: PdfRenderer): void {
  const previous = printers.get(station);
  if (previous && previous !== renderer) void previous.close();
  printers.set(station, renderer);
  station.closers.add(() => {
    if (printers.get(station) === renderer) printers.delete(station);
    void renderer.close();
  });
}

export function printerOf(station: Station): PdfRenderer {
  const installed = printers.get(station);
  if (installed) return installed;
  const renderer = createPlaywrightPdfRenderer();
  usePrinter(station, renderer);
  return renderer;
}
