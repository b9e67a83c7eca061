// electron/main/printing.ts against the fake Electron: what it asks printToPDF and print() for.
// Real PDF output is covered by the playwright renderer's tests; both share print-settings.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

let fake: FakeElectron;
let printing: typeof import('../../../electron/main/printing');

beforeEach(async () => {
  fake = fakeElectron.reset();
  vi.resetModules();
  printing = await import('../../../electron/main/printing');
});

const HTML = '<!doctype html><html lang="zh-CN"><head><title>帮扶明白卡</title></head><body>张三</body></html>';

describe('Electron PDF renderer', () => {
  it('renders in a hidden, script-less window with page size and margins in inches', async () => {
    const renderer = printing.createElectronPdfRenderer();
    const pdf = await renderer.render(HTML, { paper: 'A4', orientation: 'landscape', margins: { top: 25.4, right: 12.7, bottom: 25.4, left: 12.7 }, pageNumbers: true });
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf).toString()).toContain('张三'); // the document reached the page through the in-memory scheme

    const win = fake.windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    const call = win.webContents.pdfCalls[0]!;
    expect(call.pageSize.width).toBeCloseTo(297 / 25.4, 5);
    expect(call.pageSize.height).toBeCloseTo(210 / 25.4, 5);
    expect(call.margins).toEqual({ top: 1, right: 0.5, bottom: 1, left: 0.5 });
    expect(call).toMatchObject({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true });
    expect(call.footerTemplate).toContain('pageNumber');
    await renderer.close();
    expect(win.destroyed).toBe(true);
  });

  it('serves each document once, from memory, with the print CSP, and blocks every other request', async () => {
    const renderer = printing.createElectronPdfRenderer();
    await renderer.render(HTML, { paper: 'A3', orientation: 'portrait' });
    const ses = fake.partitions.get('fupin-print')!;
    const loaded = fake.windows[0]!.webContents.loadedUrls[0]!;
    expect(loaded).toMatch(/^fupin-print:[0-9a-f-]{36}$/);
    expect((await ses.handlers.get('fupin-print')!(new Request(loaded))).status).toBe(404); // gone after loading
    const cancel = (url: string): boolean => {
      let verdict: { cancel: boolean } = { cancel: false };
      ses.beforeRequest!({ url }, (v: { cancel: boolean }) => (verdict = v));
      return verdict.cancel;
    };
    expect(cancel('https://example.com/tracker.png')).toBe(true);
    expect(cancel('file:///C:/Windows/win.ini')).toBe(true);
    expect(cancel(loaded)).toBe(false);
    await renderer.close();
  });

  it('reuses one window, renders one document at a time, and refuses work after close', async () => {
    const renderer = printing.createElectronPdfRenderer();
    const pages = await Promise.all([1, 2, 3].map((n) => renderer.render(HTML.replace('张三', `第${n}户`), { paper: 'A4', orientation: 'portrait' })));
    expect(pages.map((p) => Buffer.from(p).toString().slice(-40))).toEqual([1, 2, 3].map((n) => expect.stringContaining(`第${n}户`)));
    expect(fake.windows).toHaveLength(1);
    await renderer.close();
    await expect(renderer.render(HTML, { paper: 'A4', orientation: 'portrait' })).rejects.toThrow(/已关闭/);
  });

  it('rejects impossible margins before opening anything', async () => {
    const renderer = printing.createElectronPdfRenderer();
    await expect(renderer.render(HTML, { paper: 'A4', orientation: 'portrait', margins: { top: 10, right: 200, bottom: 10, left: 20 } })).rejects.toThrow(RangeError);
    expect(fake.windows).toHaveLength(0);
    await renderer.close();
  });
});

describe('printing through the system dialog', () => {
  it('never prints silently and passes the paper', async () => {
    const done = printing.printWithDialog(HTML, { paper: 'A3', orientation: 'landscape' });
    expect(await done).toBe(true);
    const win = fake.windows[0]!;
    expect(win.webContents.printCalls[0]).toMatchObject({ silent: false, pageSize: 'A3', landscape: true, printBackground: true });
    expect(win.destroyed).toBe(true);
  });

  it('resolves false when the clerk cancels, and rejects on a printer failure', async () => {
    const cancelled = printing.printWithDialog(HTML, { paper: 'A4', orientation: 'portrait' });
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    fake.windows[0]!.webContents.printOutcome = [false, 'Print job canceled'];
    expect(await cancelled).toBe(false);

    const failed = printing.printWithDialog(HTML, { paper: 'A4', orientation: 'portrait' });
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    fake.windows[1]!.webContents.printOutcome = [false, 'Print job failed'];
    await expect(failed).rejects.toThrow(/Print job failed/);
    expect(fake.windows[1]!.destroyed).toBe(true);
  });
});
