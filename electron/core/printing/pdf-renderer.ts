// PdfRenderer on Chromium through playwright-core: for tests, the CLI and web mode. One browser
// is launched on first use and shared by every render; each render gets a fresh context and
// page, so nothing (cookies, cache, a stuck page) carries from one document to the next.
import type { Browser, BrowserContext } from 'playwright-core';
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

  async function isolate(context: BrowserContext): Promise<void> {
    await context.route('**', (route) => {
      const url = route.request().url();
      if (isInlineUrl(url)) return route.continue();
      options.onBlockedRequest?.(url);
      return route.abort('blockedbyclient');
    });
    await context.routeWebSocket(() => true, (ws) => ws.close());
  }

  async function render(html: string, opts: PdfRenderOptions): Promise<Uint8Array> {
    const settings = printSettings(opts);
    return limit(async () => {
      const context = await (await browser()).newContext({
        javaScriptEnabled: options.javaScriptEnabled ?? false,
        serviceWorkers: 'block',
        acceptDownloads: false,
        locale: 'zh-CN',
      });
      try {
        await isolate(context);
        const page = await context.newPage();
        page.setDefaultTimeout(timeout);
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
        return bytesOf(pdf);
      } finally {
        await context.close().catch(() => undefined);
      }
    });
  }

  async function close(): Promise<void> {
    closed = true;
    const pending = launching;
    launching = null;
    if (pending) await (await pending.catch(() => null))?.close();
  }

  return { render, close };
}
