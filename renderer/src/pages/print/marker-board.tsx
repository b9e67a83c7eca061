import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** Where a marker sits, as fractions of the base image's width and height (what core stores). */
export interface Position {
  x: number;
  y: number;
}

export interface BoardHousehold {
  id: string;
  headName: string;
  groupName: string;
  position: Position | null;
  /** The printed marker's SVG as a data URL. */
  symbol: string;
}

interface Props {
  image: { dataUrl: string; widthPx: number; heightPx: number };
  households: BoardHousehold[];
  /** Null: read only (a 查看员). A position of null takes the marker off the map. */
  onMove: ((id: string, position: Position | null) => void) | null;
}

const round = (v: number) => Math.round(v * 10000) / 10000;

/**
 * The base image at the column's width with one marker per placed household. Markers drag with
 * the pointer (mouse or touch); dropping one outside the image unplaces it; names dragged from
 * the unplaced list drop onto the image.
 */
export function MarkerBoard({ image, households, onMove }: Props) {
  const board = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<{ id: string; at: Position } | null>(null);

  function fractionAt(clientX: number, clientY: number): Position | null {
    const rect = board.current!.getBoundingClientRect();
    const x = (clientX - rect.left) / rect.width;
    const y = (clientY - rect.top) / rect.height;
    return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? { x: round(x), y: round(y) } : null;
  }

  function down(e: ReactPointerEvent, id: string, at: Position): void {
    if (!onMove) return;
    e.preventDefault();
    (e.target as Element).setPointerCapture(e.pointerId);
    setDragging({ id, at });
  }

  function moveTo(e: ReactPointerEvent): void {
    if (!dragging) return;
    const rect = board.current!.getBoundingClientRect();
    // While dragging the marker follows the pointer, even off the image (where letting go unplaces it).
    setDragging({ id: dragging.id, at: { x: (e.clientX - rect.left) / rect.width, y: (e.clientY - rect.top) / rect.height } });
  }

  function up(e: ReactPointerEvent): void {
    if (!dragging || !onMove) return;
    onMove(dragging.id, fractionAt(e.clientX, e.clientY));
    setDragging(null);
  }

  return (
    <div
      ref={board}
      className="print-map-board"
      data-testid="map-board"
      style={{ aspectRatio: `${image.widthPx} / ${image.heightPx}`, maxWidth: image.widthPx }}
      onDragOver={(e) => onMove && e.preventDefault()}
      onDrop={(e) => {
        const id = e.dataTransfer.getData('text/household');
        const at = fractionAt(e.clientX, e.clientY);
        if (onMove && id && at) onMove(id, at);
      }}
    >
      <img src={image.dataUrl} alt="村级底图" className="print-map-image" draggable={false} />
      {households.map((h) => {
        const at = dragging?.id === h.id ? dragging.at : h.position;
        if (!at) return null;
        return (
          <div
            key={h.id}
            className={`print-map-marker${onMove ? ' movable' : ''}`}
            style={{ left: `${at.x * 100}%`, top: `${at.y * 100}%` }}
            title={`${h.headName}（${h.groupName}）`}
            data-household={h.id}
            onPointerDown={(e) => down(e, h.id, at)}
            onPointerMove={moveTo}
            onPointerUp={up}
          >
            <img src={h.symbol} alt="" draggable={false} />
            <span>{h.headName}</span>
          </div>
        );
      })}
    </div>
  );
}
