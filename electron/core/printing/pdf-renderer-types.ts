// The one contract for turning a print document into PDF bytes. Two implementations stand behind
// it: Chromium driven by playwright-core (tests, CLI, web mode: pdf-renderer.ts) and Electron's
// webContents.printToPDF (desktop, in electron/main). This file imports neither, so both can.
import type { MarginsMm, Orientation, PaperSize } from '../domain/paper';

export type { MarginsMm, Orientation, PaperSize };

export interface PdfRenderOptions {
  /** Used when the HTML has no `@page { size }` rule; the HTML's rule wins otherwise. */
  paper: PaperSize;
  orientation: Orientation;
  /** Page margins in millimetres; DEFAULT_MARGINS_MM when omitted. */
  margins?: MarginsMm;
  /** Prints the title at the top of every page. */
  headerFooter?: { title: string };
  /** Prints 「第 N 页 共 M 页」 at the foot of every page. */
  pageNumbers?: boolean;
}

export interface PdfRenderer {
  /** Renders a complete HTML document (see html-document.ts). Nothing may be fetched. */
  render(html: string, opts: PdfRenderOptions): Promise<Uint8Array>;
  /** Frees the browser; a closed renderer refuses further renders. */
  close(): Promise<void>;
  /**
   * The system print dialog (desktop only: the clerk picks the printer and copies); resolves
   * false when the clerk cancels. Absent where there is no printer to talk to (web mode, CLI).
   */
  printWithDialog?(html: string, opts: PdfRenderOptions): Promise<boolean>;
}
