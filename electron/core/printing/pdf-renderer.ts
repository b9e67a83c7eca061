// PdfRenderer on Chromium through playwright-core: for tests, the CLI and web mode. One browser
// is launched on first use and shared by every render; each of the pages printing at once has
// its own context, kept for the next documents (see Slot below for why that is safe).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchPrintChromium } from './chromium-launch';
import type { PdfRenderer, PdfRenderOptions } from './pdf-renderer-types';
import { printSettings } from './print-settings';

export type { PdfRenderer, PdfRenderOptions } from './pdf-renderer-types';

export interface PlaywrightPdfRendererOptions {
  /** Defaults to CHROMIUM_PATH or /usr/bin/chromium. */
  executablePath?: string;
  /**
   * Print documents are static HTML with inline SVG; scripts stay off unless a document truly
   * needs them, so nothing in a household's data can ever run.
   */
  javaScriptEnabled?: boolean;
  /** For loading the page and for printing it, each. */
  timeoutMs?: number;
  /** Pages printing at once. The station PCs and the test machine have 2 cores. */
  maxConcurrentPages?: number;
  /** Told of every request the renderer refused, e.g. for a test or a warning in the log. */
  onBlockedRequest?: (url: string) => void;
}

/** The only URLs a document may use: inline data and the blank page it is written into. */
export function isInlineUrl(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('about:');
}

function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active < max) active += 1;
    // A finishing task hands its slot straight to the next waiter (active stays the same), so
    // a newcomer can never slip in between and exceed the limit.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/** Documents one page prints before it is replaced by a fresh context and page. */
const RENDERS_PER_PAGE = 100;

const bytesOf = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);

export function createPlaywrightPdfRenderer(options: PlaywrightPdfRendererOptions = {}): PdfRenderer {
  const timeout = options.timeoutMs ?? 60_000;
  const limit = concurrencyLimit(Math.max(1, options.maxConcurrentPages ?? 2));
  let launching: Promise<Browser> | null = null;
  let closed = false;

  function browser(): Promise<Browser> {
    if (closed) return Promise.reject(new Error('PDF 渲染器已关闭'));
    if (!launching) {
      const attempt = launchPrintChromium(options.executablePath).then((b) => {
        // A crashed browser is launched afresh on the next render instead of failing forever.
        b.on('disconnected', () => {
          if (launching === attempt) launching = null;
        });
        return b;
      });
      attempt.catch(() => {
        if (launching === attempt) launching = null;
      });
      launching = attempt;
    }
    return launching;
  }

  async function isolate(context: BrowserContext, onBlocked: () => void): Promise<void> {
    await context.route('**', (route) => {
      const url = route.request().url();
      if (isInlineUrl(url)) return route.continue();
      onBlocked();
      options.onBlockedRequest?.(url);
      return route.abort('blockedbyclient');
    });
    await context.routeWebSocket(() => true, (ws) => ws.close());
  }

  /**
   * A page and its context, kept between renders: opening them costs more than the print itself
   * (≈0.4 s measured). Each document gets a new about:blank document first (setContent alone
   * would write into the old one, keeping e.g. its CSP), scripts are off and every request is
   * refused, so nothing of one document can reach the next. A page is thrown away when a render
   * failed or its document asked for anything outside itself (the browser may have opened a
   * connection for it), and after RENDERS_PER_PAGE documents, so nothing piles up in it.
   */
  interface Slot {
    browser: Browser;
    context: BrowserContext;
    page: Page;
    renders: number;
    blocked: number;
  }
  const idle: Slot[] = [];

  function discard(slot: Slot): void {
    void slot.context.close().catch(() => undefined);
  }

  async function takeSlot(): Promise<Slot> {
    const b = await browser();
    for (let slot = idle.pop(); slot; slot = idle.pop()) {
      if (slot.browser === b && b.isConnected() && !slot.page.isClosed()) return slot;
      discard(slot);
    }
    const context = await b.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? false,
      serviceWorkers: 'block',
      acceptDownloads: false,
      locale: 'zh-CN',
    });
    try {
      const slot = { browser: b, context, renders: 0, blocked: 0 };
      await isolate(context, () => (slot.blocked += 1));
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      return Object.assign(slot, { page });
    } catch (err) {
      await context.close().catch(() => undefined);
      throw err;
    }
  }

  function giveBack(slot: Slot, healthy: boolean): void {
    if (healthy && slot.blocked === 0 && !closed && slot.renders < RENDERS_PER_PAGE) idle.push(slot);
    else discard(slot);
  }

  async function render(html: string, opts: PdfRenderOptions): Promise<Uint8Array> {
    const settings = printSettings(opts);
    return limit(async () => {
      const slot = await takeSlot();
      let healthy = false;
      try {
        slot.renders += 1;
        const { page } = slot;
        if (slot.renders > 1) await page.goto('about:blank', { timeout });
        await page.setContent(html, { waitUntil: 'load', timeout });
        // System fonts are usually ready at load; this is a cheap guarantee that they are.
        await page.evaluate('document.fonts.ready.then(() => true)');
        const m = settings.marginsMm;
        const pdf = await page.pdf({
          width: `${settings.widthMm}mm`,
          height: `${settings.heightMm}mm`,
          preferCSSPageSize: true,
          printBackground: true,
          margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
          displayHeaderFooter: settings.displayHeaderFooter,
          headerTemplate: settings.headerTemplate,
          footerTemplate: settings.footerTemplate,
        });
        healthy = true;
        return bytesOf(pdf);
      } finally {
        giveBack(slot, healthy);
      }
    });
  }

  async function close(): Promise<void> {
    closed = true;
    for (const slot of idle.splice(0)) discard(slot);
    const pending = launching;
    launching = null;
    if (pending) await (await pending.catch(() => null))?.close();
  }

  return { render, close };
}
