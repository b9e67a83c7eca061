import { describe, it, expect } from 'vitest';
import {
  CJK_FONT_FAMILY,
  DRAFT_WATERMARK_TEXT,
  buildHtmlDocument,
  escapeHtml,
} from '../../../electron/core/printing/html-document';

describe('escapeHtml', () => {
  it('escapes markup and quotes, prints null as empty', () => {
    expect(escapeHtml('<script>alert("张三\'s")</script> & co')).toBe(
      '&lt;script&gt;alert(&quot;张三&#39;s&quot;)&lt;/script&gt; &amp; co',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
    expect(escapeHtml('贫困户')).toBe('贫困户');
  });
});

describe('buildHtmlDocument', () => {
  const html = buildHtmlDocument({ title: '公示 <第1批>', paper: 'A3', orientation: 'landscape', body: '<h1>公示</h1>' });

  it('is a Chinese document with an escaped title, the page size and the CJK font', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>公示 &lt;第1批&gt;</title>');
    expect(html).toContain('@page { size: 420mm 297mm; }');
    expect(html).toContain(`font-family: ${CJK_FONT_FAMILY}`);
    // one regular face from Noto Sans CJK SC (bold synthesised: one font to embed), then the system's
    expect(CJK_FONT_FAMILY).toBe('"FP CJK", "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif');
    expect(html).toContain('@font-face { font-family: "FP CJK"; font-weight: 400; src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"); }');
    expect(html).toContain('<h1>公示</h1>');
  });

  it('refers to nothing outside itself and forbids fetching', () => {
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toContain(DRAFT_WATERMARK_TEXT);
  });

  it('adds the draft watermark only to drafts, scaled to the paper', () => {
    const a4 = buildHtmlDocument({ title: 't', paper: 'A4', orientation: 'portrait', body: '', draft: true });
    const a0 = buildHtmlDocument({ title: 't', paper: 'A0', orientation: 'portrait', body: '', draft: true });
    expect(a4).toContain('草稿 未审定');
    expect(a4.split('草稿 未审定').length - 1).toBeGreaterThanOrEqual(6);
    const fontOf = (s: string): number => Number(/font-size:([\d.]+)mm/.exec(s)?.[1]);
    expect(fontOf(a0)).toBeGreaterThan(fontOf(a4) * 3);
  });

  it('writes margins into @page only when asked', () => {
    const withMargins = buildHtmlDocument({ title: 't', paper: 'A4', orientation: 'portrait', body: '', margins: { top: 0, right: 0, bottom: 0, left: 0 } });
    expect(withMargins).toContain('@page { size: 210mm 297mm; margin: 0mm 0mm 0mm 0mm; }');
  });
});
