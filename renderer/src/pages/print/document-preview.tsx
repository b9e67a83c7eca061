import { useEffect, useRef, useState } from 'react';
import type { Orientation, PaperSize } from '../../../../electron/core/api/contract';

// ISO 216 sizes in mm (portrait), mirrored from core's domain/paper.ts: the frame is laid out at
// the page's own width in CSS pixels, then scaled down to the space there is.
const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [210, 297], A3: [297, 420], A2: [420, 594], A1: [594, 841], A0: [841, 1189] };
const PX_PER_MM = 96 / 25.4;

interface Props {
  html: string;
  title: string;
  paper: PaperSize;
  orientation: Orientation;
}

/**
 * The document's HTML in a frame that may run nothing and fetch nothing (sandbox="", srcdoc),
 * one page high and scaled to the column's width; further pages scroll inside it.
 */
export function DocumentPreview({ html, title, paper, orientation }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(800);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setAvailable(el.clientWidth));
    observer.observe(el);
    setAvailable(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  const [w, h] = PAPER_MM[paper];
  const [widthMm, heightMm] = orientation === 'portrait' ? [w, h] : [h, w];
  // A little wider than the page: room for the frame's scroll bar.
  const width = Math.round(widthMm * PX_PER_MM) + 24;
  const height = Math.round(heightMm * PX_PER_MM) + 16;
  const scale = Math.min(1, available / width);
  return (
    <div ref={box} className="print-preview-box" style={{ height: Math.ceil(height * scale) }}>
      <iframe
        title={`预览：${title}`}
        sandbox=""
        srcDoc={html}
        className="print-preview-frame"
        style={{ width, height, transform: `scale(${scale})` }}
      />
    </div>
  );
}
