import { describe, it, expect } from 'vitest';
import {
  PAPER_SIZES,
  isPaperSize,
  mmToPt,
  pageRuleCss,
  pageSizeCss,
  pageSizeMm,
  paperLabel,
  ptToMm,
} from '../../../electron/core/domain/paper';

describe('paper', () => {
  it('knows ISO A4–A0 in millimetres, portrait and landscape', () => {
    expect(pageSizeMm('A4', 'portrait')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(pageSizeMm('A3', 'landscape')).toEqual({ widthMm: 420, heightMm: 297 });
    expect(pageSizeMm('A0', 'portrait')).toEqual({ widthMm: 841, heightMm: 1189 });
    expect(pageSizeMm('A1', 'landscape')).toEqual({ widthMm: 841, heightMm: 594 });
  });

  it('each size is the next one folded in half (to the ISO mm rounding)', () => {
    for (let i = 1; i < PAPER_SIZES.length; i++) {
      const smaller = pageSizeMm(PAPER_SIZES[i - 1]!, 'portrait');
      const bigger = pageSizeMm(PAPER_SIZES[i]!, 'portrait');
      expect(smaller.heightMm).toBe(bigger.widthMm);
      expect(Math.abs(smaller.widthMm - Math.floor(bigger.heightMm / 2))).toBeLessThanOrEqual(1);
    }
  });

  it('writes CSS page sizes and @page rules', () => {
    expect(pageSizeCss('A1', 'landscape')).toBe('841mm 594mm');
    expect(pageRuleCss('A4', 'portrait')).toBe('@page { size: 210mm 297mm; }');
    expect(pageRuleCss('A4', 'portrait', { top: 0, right: 1, bottom: 2, left: 3 })).toBe(
      '@page { size: 210mm 297mm; margin: 0mm 1mm 2mm 3mm; }',
    );
  });

  it('converts millimetres and points', () => {
    expect(mmToPt(210)).toBeCloseTo(595.28, 2);
    expect(mmToPt(297)).toBeCloseTo(841.89, 2);
    expect(ptToMm(mmToPt(123.4))).toBeCloseTo(123.4, 9);
  });

  it('labels papers in Chinese and checks names', () => {
    expect(paperLabel({ paper: 'A1', orientation: 'landscape' })).toBe('A1 横向');
    expect(paperLabel({ paper: 'A4', orientation: 'portrait' })).toBe('A4 纵向');
    expect(isPaperSize('A2')).toBe(true);
    expect(isPaperSize('A5')).toBe(false);
    expect(isPaperSize(4)).toBe(false);
  });
});
