// Print documents through the Chromium inside Electron: PDF bytes via printToPDF, or the system
// print dialog via print(). Same page settings as the playwright-core renderer (print-settings.ts),
// so a document prints the same in the desktop app, the CLI and the tests.
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import { MM_PER_INCH } from '../core/domain/paper';
import { PRINT_CONTENT_SECURITY_POLICY } from '../core/printing/html-document';
import { printSettings } from '../core/printing/print-settings';
import type { PdfRenderer, PdfRenderOptions } from '../core/printing/pdf-renderer-types';

// Documents are served from memory on a private, non-persistent session rather than as data:
// URLs: a wall chart or a village's household books can pass Chromium's 2 MB URL limit, and a
// temp file would leave names and ID numbers on disk if the app died mid-print.
const PRINT_SCHEME = 'fupin-print';
const PRINT_PARTITION = 'fupin-print'; // no "persist:" prefix: nothing of it reaches the disk
const documents = new Map<string, string>();
let printSession: Session | null = null;

function getPrintSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION);
  ses.protocol.handle(PRINT_SCHEME, (request) => {
    const html = documents.get(new URL(request.url).pathname);
    if (html === undefined) return new Response('not found', { status: 404 });
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY },
    });
  });
  // The CSP already forbids fetching; this also stops anything the CSP would not cover.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${PRINT_SCHEME}:`) || details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  printSession = ses;
  return ses;
}

/** A hidden window with JavaScript off: print documents are static HTML and SVG. */
function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 1240,
    height: 1754,
    webPreferences: {
      session: getPrintSession(),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
}

async function loadDocument(win: BrowserWindow, html: string): Promise<void> {
  const id = randomUUID();
  documents.set(id, html);
  try {
    await win.webContents.loadURL(`${PRINT_SCHEME}:${id}`);
  } finally {
    documents.delete(id);
  }
}

const inches = (mm: number): number => mm / MM_PER_INCH;

/**
 * One hidden window, reused and used one document at a time: a county batch prints hundreds of
 * charts, and a window per chart would cost more than the chart.
 */
export function createElectronPdfRenderer(): PdfRenderer {
  let win: BrowserWindow | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  async function renderNow(html: string, opts: PdfRenderOptions): Promise<Uint8Array> {
    if (closed) throw new Error('PDF 渲染器已关闭');
    const settings = printSettings(opts);
    if (win === null || win.isDestroyed()) win = createPrintWindow();
    await loadDocument(win, html);
    // printToPDF takes inches for both the page and its margins (Chrome's Page.printToPDF).
    const pdf = await win.webContents.printToPDF({
      pageSize: { width: inches(settings.widthMm), height: inches(settings.heightMm) },
      margins: {
        top: inches(settings.marginsMm.top),
        right: inches(settings.marginsMm.right),
        bottom: inches(settings.marginsMm.bottom),
        left: inches(settings.marginsMm.left),
      },
      printBackground: true,
      preferCSSPageSize: true, // the document's own @page size wins, as in the playwright renderer
      displayHeaderFooter: settings.displayHeaderFooter,
      headerTemplate: settings.headerTemplate,
      footerTemplate: settings.footerTemplate,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  return {
    render(html, opts) {
      const next = queue.then(() => renderNow(html, opts));
      queue = next.catch(() => undefined);
      return next;
    },
    printWithDialog(html, opts) {
      const next = queue.then(() => printWithDialog(html, opts));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      closed = true;
      await queue;
      if (win !== null && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}

/**
 * Sends a document to a printer through the system print dialog (never silently: the clerk
 * chooses the printer and the copies). Resolves false when the clerk cancels.
 */
export async function printWithDialog(html: string, opts: Pick<PdfRenderOptions, 'paper' | 'orientation'>): Promise<boolean> {
  const win = createPrintWindow();
  try {
    await loadDocument(win, html);
    return await new Promise<boolean>((resolve, reject) => {
      win.webContents.print(
        { silent: false, printBackground: true, pageSize: opts.paper, landscape: opts.orientation === 'landscape' },
        (success, failureReason) => {
          if (success || failureReason === 'Print job canceled' || failureReason === 'cancelled') resolve(success);
          else reject(new Error(`print failed: ${failureReason}`));
        },
      );
    });
  } finally {
    win.destroy();
  }
}
