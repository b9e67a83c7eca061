// The 贫困人口分布图's own layout: a village's base image (a scanned sketch map or a photo of the
// wall map) and where the clerk dragged each household's marker on it. The image bytes are kept
// by their SHA-256 outside the change log (a scan is megabytes); the audited map row names the hash.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { printMapImages, printMarkerPositions, printVillageMaps } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';

export const MAX_MAP_IMAGE_BYTES = 12 * 1024 * 1024;
const MAX_SIDE_PX = 12_000;

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg';
  widthPx: number;
  heightPx: number;
}

/** Reads the size from a PNG's IHDR or a JPEG's SOF marker; null for anything else. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a && b.toString('latin1', 12, 16) === 'IHDR') {
    return { mime: 'image/png', widthPx: b.readUInt32BE(16), heightPx: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1]!;
      if (marker === 0xff) {
        at += 1; // fill byte
        continue;
      }
      const length = b.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', heightPx: b.readUInt16BE(at + 5), widthPx: b.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

export interface VillageMapView {
  villageCode: string;
  /** Null: no base image; the chart lays households out by 村民小组. */
  image: { sha256: string; fileName: string; mime: string; widthPx: number; heightPx: number; updatedAt: string; updatedBy: string } | null;
  /** Dragged positions, as fractions (0–1) of the image. */
  positions: { householdId: string; x: number; y: number }[];
}

export function villageMap(db: Db, villageCode: string): VillageMapView {
  const row = db
    .select({ map: printVillageMaps, img: { mime: printMapImages.mime, widthPx: printMapImages.widthPx, heightPx: printMapImages.heightPx } })
    .from(printVillageMaps)
    .innerJoin(printMapImages, eq(printMapImages.sha256, printVillageMaps.imageSha256))
    .where(eq(printVillageMaps.villageCode, villageCode))
    .get();
  const positions = db
    .select({ householdId: printMarkerPositions.householdId, x: printMarkerPositions.x, y: printMarkerPositions.y })
    .from(printMarkerPositions)
    .where(eq(printMarkerPositions.villageCode, villageCode))
    .all();
  return {
    villageCode,
    image: row ? { sha256: row.map.imageSha256, fileName: row.map.fileName, ...row.img, updatedAt: row.map.updatedAt, updatedBy: row.map.updatedBy } : null,
    positions,
  };
}

/** The image as a data URL for the chart and the editor; null when the village has none. */
export function villageMapImage(db: Db, villageCode: string): { dataUrl: string; widthPx: number; heightPx: number } | null {
  const row = db
    .select({ mime: printMapImages.mime, bytes: printMapImages.bytes, widthPx: printMapImages.widthPx, heightPx: printMapImages.heightPx })
    .from(printVillageMaps)
    .innerJoin(printMapImages, eq(printMapImages.sha256, printVillageMaps.imageSha256))
    .where(eq(printVillageMaps.villageCode, villageCode))
    .get();
  return row ? { dataUrl: `data:${row.mime};base64,${Buffer.from(row.bytes).toString('base64')}`, widthPx: row.widthPx, heightPx: row.heightPx } : null;
}

/** Sets (or replaces) the village's base image. Markers keep their fractions: a re-scan of the same sketch keeps them. */
export function setVillageMapImage(db: Db, actor: Actor, villageCode: string, bytes: Uint8Array, fileName: string, now: Date): VillageMapView {
  if (bytes.byteLength > MAX_MAP_IMAGE_BYTES) {
    throw new AppError('INVALID_INPUT', `底图「${fileName}」有 ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_MAP_IMAGE_BYTES / 1024 / 1024} MB；请缩小后再导入`);
  }
  const info = imageInfo(bytes);
  if (!info) throw new AppError('INVALID_INPUT', `「${fileName}」不是 PNG 或 JPEG 图片；请导入扫描或拍照的村示意图`);
  if (info.widthPx < 200 || info.heightPx < 200 || info.widthPx > MAX_SIDE_PX || info.heightPx > MAX_SIDE_PX) {
    throw new AppError('INVALID_INPUT', `底图「${fileName}」为 ${info.widthPx}×${info.heightPx} 像素，边长应在 200 到 ${MAX_SIDE_PX} 像素之间`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = now.toISOString();
  runWrite(
    db,
    actor,
    { action: 'print.mapImage', entity: 'village', entityId: villageCode },
    (w) => {
      // Content-addressed and never changed: outside the change log, named by the audited row.
      w.tx.insert(printMapImages).values({ sha256, ...info, byteLength: bytes.byteLength, bytes: Buffer.from(bytes), createdAt: at }).onConflictDoNothing().run();
      const row = { imageSha256: sha256, fileName, updatedBy: actor.username, updatedAt: at };
      if (db.select().from(printVillageMaps).where(eq(printVillageMaps.villageCode, villageCode)).get()) w.update(printVillageMaps, villageCode, row);
      else w.insert(printVillageMaps, { villageCode, ...row });
      w.note('image', { fileName, sha256, widthPx: info.widthPx, heightPx: info.heightPx });
    },
    now,
  );
  return villageMap(db, villageCode);
}

/** Back to the automatic layout by 村民小组: the base image and every dragged position go. */
export function clearVillageMap(db: Db, actor: Actor, villageCode: string, now: Date): VillageMapView {
  runWrite(
    db,
    actor,
    { action: 'print.mapClear', entity: 'village', entityId: villageCode },
    (w) => {
      for (const p of db.select({ id: printMarkerPositions.id }).from(printMarkerPositions).where(eq(printMarkerPositions.villageCode, villageCode)).all()) {
        w.remove(printMarkerPositions, p.id);
      }
      w.remove(printVillageMaps, villageCode);
    },
    now,
  );
  return villageMap(db, villageCode);
}

export interface MarkerMove {
  householdId: string;
  /** Null removes the household's position (it goes back to the unplaced list). */
  position: { x: number; y: number } | null;
}

/** Saves dragged markers in one audited write; a household of another village or a position off the image is refused. */
export function moveMarkers(db: Db, actor: Actor, villageCode: string, moves: readonly MarkerMove[], now: Date): VillageMapView {
  if (!db.select().from(printVillageMaps).where(eq(printVillageMaps.villageCode, villageCode)).get()) {
    throw new AppError('INVALID_INPUT', '该村还没有底图：请先导入底图，再拖动户标记');
  }
  const inVillage = new Set((db.$client.prepare('SELECT id FROM households WHERE region_code = ?').all(villageCode) as { id: string }[]).map((r) => r.id));
  moves.forEach((m, i) => {
    if (!inVillage.has(m.householdId)) throw new AppError('INVALID_INPUT', `第 ${i + 1} 个标记：户 ${m.householdId} 不属于本村`);
    if (m.position && !(m.position.x >= 0 && m.position.x <= 1 && m.position.y >= 0 && m.position.y <= 1)) {
      throw new AppError('INVALID_INPUT', `第 ${i + 1} 个标记：位置必须在底图范围内（0–1）`);
    }
  });
  const at = now.toISOString();
  runWrite(
    db,
    actor,
    { action: 'print.markers', entity: 'village', entityId: villageCode },
    (w) => {
      for (const m of moves) {
        const id = `${villageCode}:${m.householdId}`;
        const exists = db
          .select({ id: printMarkerPositions.id })
          .from(printMarkerPositions)
          .where(and(eq(printMarkerPositions.villageCode, villageCode), eq(printMarkerPositions.householdId, m.householdId)))
          .get();
        if (!m.position) {
          if (exists) w.remove(printMarkerPositions, id);
        } else if (exists) w.update(printMarkerPositions, id, { x: m.position.x, y: m.position.y, updatedAt: at });
        else w.insert(printMarkerPositions, { id, villageCode, householdId: m.householdId, x: m.position.x, y: m.position.y, updatedAt: at });
      }
      w.note('moved', moves.length);
    },
    now,
  );
  return villageMap(db, villageCode);
}
