import { sqliteTable, text, integer, real, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { households } from './registry';

// What the 贫困人口分布图 needs beyond the registry: the village's own base image (a scanned sketch
// map or a photo of the wall map) and where the clerk dragged each household's marker on it.
// These are the station's own wall-chart layout: they never travel in exchange packages.

/**
 * The image bytes, addressed by their SHA-256 and never changed. They are written inside the
 * same transaction as the audited print_village_maps row that points at them, but outside the
 * change log: a multi-megabyte scan would otherwise be copied into the audit chain, while its
 * hash in the audited row already says exactly which image was chosen.
 */
export const printMapImages = sqliteTable('print_map_images', {
  sha256: text('sha256').primaryKey(),
  mime: text('mime', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  widthPx: integer('width_px').notNull(),
  heightPx: integer('height_px').notNull(),
  byteLength: integer('byte_length').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** One per village that has a base image; no row: the chart lays households out by 村民小组. */
export const printVillageMaps = sqliteTable('print_village_maps', {
  villageCode: text('village_code').primaryKey(),
  imageSha256: text('image_sha256')
    .notNull()
    .references(() => printMapImages.sha256),
  /** The file name as imported, for the settings page. */
  fileName: text('file_name').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A household's marker on its village's base image, as fractions (0–1) of the image's width and
 * height, so the same positions hold at every paper size.
 */
export const printMarkerPositions = sqliteTable(
  'print_marker_positions',
  {
    /** `${villageCode}:${householdId}` */
    id: text('id').primaryKey(),
    villageCode: text('village_code').notNull(),
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    x: real('x').notNull(),
    y: real('y').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('print_marker_positions_household').on(t.villageCode, t.householdId), index('print_marker_positions_village').on(t.villageCode)],
);
