// ISO 216 A-series paper, the only papers the station prints on: A4/A3 on office printers,
// A2–A0 on a plotter or as tiled sheets (see tiling.ts). Sizes are in millimetres, portrait.
export const PAPER_SIZES = ['A4', 'A3', 'A2', 'A1', 'A0'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const ORIENTATION_LABELS: Record<Orientation, string> = {
  portrait: '纵向',
  landscape: '横向',
};

export interface SizeMm {
  widthMm: number;
  heightMm: number;
}

/** A paper as a document asks for it: size and orientation. */
export interface PaperSpec {
  paper: PaperSize;
  orientation: Orientation;
}

export const PAPER_PORTRAIT_MM: Readonly<Record<PaperSize, Readonly<SizeMm>>> = {
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
  A2: { widthMm: 420, heightMm: 594 },
  A1: { widthMm: 594, heightMm: 841 },
  A0: { widthMm: 841, heightMm: 1189 },
};

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
/** CSS pixels are defined as 1/96 inch; Chromium lays out print pages in them. */
export const CSS_PX_PER_INCH = 96;

export function isPaperSize(value: unknown): value is PaperSize {
  return typeof value === 'string' && (PAPER_SIZES as readonly string[]).includes(value);
}

export function isOrientation(value: unknown): value is Orientation {
  return typeof value === 'string' && (ORIENTATIONS as readonly string[]).includes(value);
}

export function pageSizeMm(paper: PaperSize, orientation: Orientation): SizeMm {
  const { widthMm, heightMm } = PAPER_PORTRAIT_MM[paper];
  return orientation === 'portrait' ? { widthMm, heightMm } : { widthMm: heightMm, heightMm: widthMm };
}

/** The value of a CSS `size` descriptor, e.g. `841mm 594mm` for A1 landscape. */
export function pageSizeCss(paper: PaperSize, orientation: Orientation): string {
  const { widthMm, heightMm } = pageSizeMm(paper, orientation);
  return `${widthMm}mm ${heightMm}mm`;
}

export interface MarginsMm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The `@page` rule for a paper. Margins are left out unless given: a CSS page margin overrides
 * the margins the PDF renderer is asked for, and the renderer needs them for its footer.
 */
export function pageRuleCss(paper: PaperSize, orientation: Orientation, margins?: MarginsMm): string {
  const margin = margins ? ` margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm;` : '';
  return `@page { size: ${pageSizeCss(paper, orientation)};${margin} }`;
}

export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;
export const ptToMm = (pt: number): number => (pt / PT_PER_INCH) * MM_PER_INCH;
export const mmToCssPx = (mm: number): number => (mm / MM_PER_INCH) * CSS_PX_PER_INCH;

/** 「A1 横向」 */
export function paperLabel(spec: PaperSpec): string {
  return `${spec.paper} ${ORIENTATION_LABELS[spec.orientation]}`;
}
