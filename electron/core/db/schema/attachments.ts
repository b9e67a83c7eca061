import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';
import { workflowCases } from './workflow';
import { households } from './registry';

/**
 * Evidence files of a workflow step (the photos of 二看: the house, the household at work).
 * They are the station's own evidence: kept on this node, backed up with its database, but never
 * sent in exchange packages (the province receives the step's findings, not the pictures) and
 * never copied into the change log or the audit chain — the audited step and the audit note of
 * each upload name a photo by its SHA-256, which says exactly which bytes were used.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => workflowCases.id),
    /** The case's household, so a household's evidence can be found without its cases. */
    householdId: text('household_id')
      .notNull()
      .references(() => households.id),
    /** The workflow stage the file was attached to ('inspect'). */
    stage: text('stage').notNull(),
    /** As the user chose it; shown, never used to decide the type. */
    fileName: text('file_name').notNull(),
    /** From the bytes' signature, not from the file name. */
    mime: text('mime', { enum: ['image/png', 'image/jpeg'] }).notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('attachments_case_stage').on(t.caseId, t.stage), index('attachments_household').on(t.householdId)],
);
