// The choices both 单个文档 and 批量打印 offer: year, paper, orientation and the tiling sheet.
import { Select, Space } from 'antd';
import type { Orientation, PaperSize, PrintCatalog, SheetPaper } from '../../../../electron/core/api/contract';

export const ORIENTATION_LABELS: Record<Orientation, string> = { portrait: '纵向', landscape: '横向' };

export function yearOptions(): { value: number; label: string }[] {
  const out = [];
  for (let y = new Date().getFullYear(); y >= 2014; y--) out.push({ value: y, label: `${y} 年度` });
  return out;
}

export function YearSelect({ value, onChange }: { value: number; onChange(year: number): void }) {
  return <Select<number> aria-label="年度" style={{ width: 130 }} value={value} onChange={onChange} options={yearOptions()} />;
}

export interface PaperChoice {
  /** Null (batches): each document on its own paper. */
  paper: PaperSize | null;
  orientation: Orientation | null;
  /** Null: the chart prints on one sheet of its paper. */
  tile: SheetPaper | null;
}

interface Props {
  catalog: PrintCatalog;
  value: PaperChoice;
  onChange(next: PaperChoice): void;
  /** Tiling only for wall charts. */
  tileable: boolean;
  /** Batches: offer 「各文档默认」 for paper and orientation. */
  allowDefault?: boolean;
}

const DEFAULT = 'default';

/** 纸张, 方向 and, for wall charts, 拼贴 onto A4/A3 sheets (only worth it for a paper larger than the sheet). */
export function PaperFields({ catalog, value, onChange, tileable, allowDefault = false }: Props) {
  const fallback = allowDefault ? [{ value: DEFAULT, label: '各文档默认' }] : [];
  return (
    <Space wrap>
      <Select<string>
        aria-label="纸张"
        style={{ width: allowDefault ? 120 : 90 }}
        value={value.paper ?? DEFAULT}
        onChange={(p) => onChange({ ...value, paper: p === DEFAULT ? null : (p as PaperSize) })}
        options={[...fallback, ...catalog.papers.map((p) => ({ value: p, label: p }))]}
      />
      <Select<string>
        aria-label="方向"
        style={{ width: allowDefault ? 120 : 90 }}
        value={value.orientation ?? DEFAULT}
        onChange={(o) => onChange({ ...value, orientation: o === DEFAULT ? null : (o as Orientation) })}
        options={[...fallback, ...(['portrait', 'landscape'] as const).map((o) => ({ value: o, label: ORIENTATION_LABELS[o] }))]}
      />
      {tileable && (
        <Select<SheetPaper | 'none'>
          aria-label="拼贴"
          style={{ width: 170 }}
          value={value.tile ?? 'none'}
          onChange={(t) => onChange({ ...value, tile: t === 'none' ? null : t })}
          options={[{ value: 'none' as const, label: '不拼贴（整张打印）' }, ...catalog.sheetPapers.map((s) => ({ value: s, label: `拼贴到 ${s} 纸` }))]}
        />
      )}
    </Space>
  );
}

/** The input fields of a print request: tile only when chosen. */
export const paperInput = (c: PaperChoice, tileable: boolean) => ({
  ...(c.paper ? { paper: c.paper } : {}),
  ...(c.orientation ? { orientation: c.orientation } : {}),
  ...(tileable && c.tile ? { tile: c.tile } : {}),
});

/** Desktop (Electron's preload bridge) writes batches into a folder; web mode hands one download. */
export const isDesktop = (): boolean => window.fupin !== undefined;
