import { describe, it, expect } from 'vitest';
import { DEFAULT_MARGINS_MM, printSettings } from '../../../electron/core/printing/print-settings';
import { isInlineUrl } from '../../../electron/core/printing/pdf-renderer';

describe('printSettings', () => {
  it('uses the paper size and default margins, no header or footer', () => {
    const s = printSettings({ paper: 'A3', orientation: 'landscape' });
    expect([s.widthMm, s.heightMm]).toEqual([420, 297]);
    expect(s.marginsMm).toEqual(DEFAULT_MARGINS_MM);
    expect(s.displayHeaderFooter).toBe(false);
  });

  it('prints 「第 N 页 共 M 页」 and an escaped title, with room for them', () => {
    const s = printSettings({
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 2, right: 5, bottom: 3, left: 5 },
      headerFooter: { title: '<b>贫困户</b>' },
      pageNumbers: true,
    });
    expect(s.displayHeaderFooter).toBe(true);
    expect(s.footerTemplate).toContain('第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页');
    expect(s.headerTemplate).toContain('&lt;b&gt;贫困户&lt;/b&gt;');
    expect(s.marginsMm).toEqual({ top: 10, right: 5, bottom: 10, left: 5 });
  });

  it('suppresses Chromium\'s default header when only page numbers are asked for', () => {
    const s = printSettings({ paper: 'A4', orientation: 'portrait', pageNumbers: true });
    expect(s.headerTemplate).toBe('<span></span>');
  });

  it('refuses impossible margins', () => {
    expect(() => printSettings({ paper: 'A4', orientation: 'portrait', margins: { top: -1, right: 0, bottom: 0, left: 0 } })).toThrow(/页边距/);
    expect(() => printSettings({ paper: 'A4', orientation: 'portrait', margins: { top: 0, right: 110, bottom: 0, left: 110 } })).toThrow(/超出/);
  });
});

describe('isInlineUrl', () => {
  it('lets only data: and about: through', () => {
    expect(isInlineUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isInlineUrl('about:blank')).toBe(true);
    expect(isInlineUrl('http://127.0.0.1/x.png')).toBe(false);
    expect(isInlineUrl('https://example.com/')).toBe(false);
    expect(isInlineUrl('file:///etc/passwd')).toBe(false);
    expect(isInlineUrl('blob:null/1')).toBe(false);
  });
});
