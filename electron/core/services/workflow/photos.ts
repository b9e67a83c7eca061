// A case step's photos (二看). Each upload is one audited write whose audit note names the file,
// its size and its SHA-256; the bytes go straight into the attachments table, outside the writer,
// so neither the audit chain nor the change log ever holds a copy of a photo. A completed step
// cites its photos by id; a cited photo is evidence and is never deleted.
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { attachments } from '../../db/schema';
import { runWrite } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { STAGES } from '../../domain/workflow/case-kinds';
import { checkPhoto, photoCountProblem, photoIdProblems, PHOTO_STAGES, type PhotoStage } from '../../domain/workflow/photo-rules';
import type { PhotoContent, PhotoView } from '../../api/contract/workflow-photos';
import { caseRow, progressOf, stepRows, type CaseRow } from './case-log';
import { requireAuthority, type WorkflowActor } from './access';

type AttachmentRow = typeof attachments.$inferSelect;

// Everything but the bytes: lists never load a photo.
const META = {
  id: attachments.id,
  caseId: attachments.caseId,
  stage: attachments.stage,
  fileName: attachments.fileName,
  mime: attachments.mime,
  byteSize: attachments.byteSize,
  sha256: attachments.sha256,
  width: attachments.width,
  height: attachments.height,
  note: attachments.note,
  createdAt: attachments.createdAt,
  createdBy: attachments.createdBy,
};
type PhotoMeta = Omit<AttachmentRow, 'bytes' | 'householdId'>;

/** For each photo id: the step-log numbers of the completions of `stage` that cite it. */
function citations(db: Db, caseId: string, stage: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of stepRows(db, caseId)) {
    if (s.stage !== stage || s.action !== 'complete') continue;
    for (const id of ((s.data as { photos?: unknown } | null)?.photos ?? []) as string[]) out.set(id, [...(out.get(id) ?? []), s.seq]);
  }
  return out;
}

/** Why this case's step takes no more changes to its photos, or null while it does. */
function lockedReason(db: Db, c: CaseRow, stage: string): string | null {
  const view = progressOf(db, c).stages.find((s) => s.code === stage);
  if (c.outcome !== 'open') return '该案件已办结或已撤回，照片不能再更改';
  if (view && (view.state === 'done' || view.state === 'failed')) return `「${view.label}」已办理，照片不能再更改；如需补充，应由公示期间的异议退回重办`;
  return null;
}

/** The case's stage definition, refusing a stage that takes no photos or is not in this case's flow. */
function photoStageOf(c: CaseRow, stage: string) {
  const def = STAGES[c.kind].find((d) => d.code === stage);
  if (!def || !(PHOTO_STAGES as readonly string[]).includes(stage)) throw new AppError('INVALID_INPUT', `该流程的「${def?.label ?? stage}」不上传照片`);
  return def;
}

function views(db: Db, c: CaseRow, stage: string, rows: PhotoMeta[]): PhotoView[] {
  const cited = citations(db, c.id, stage);
  const locked = lockedReason(db, c, stage) !== null;
  return rows.map((r) => {
    const citedBy = cited.get(r.id) ?? [];
    return { ...r, citedBy, deletable: !locked && citedBy.length === 0 };
  });
}

const metaOf = (db: Db, caseId: string, stage: string): PhotoMeta[] =>
  db
    .select(META)
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), eq(attachments.stage, stage)))
    // in upload order: the same millisecond is common when several files are picked at once
    .orderBy(asc(attachments.createdAt), sql`rowid`)
    .all();

export function casePhotos(station: Station, caseId: string, stage: PhotoStage): PhotoView[] {
  const c = caseRow(station.db, caseId);
  photoStageOf(c, stage);
  return views(station.db, c, stage, metaOf(station.db, caseId, stage));
}

export interface PhotoUpload {
  caseId: string;
  stage: PhotoStage;
  fileName: string;
  bytes: Uint8Array;
  note: string;
}

export function uploadPhoto(station: Station, who: WorkflowActor, input: PhotoUpload): PhotoView {
  const db = station.db;
  const c = caseRow(db, input.caseId);
  const def = photoStageOf(c, input.stage);
  requireAuthority(station, who, def.authority, def.label);
  const locked = lockedReason(db, c, input.stage);
  if (locked) throw new AppError('CONFLICT', `照片「${input.fileName}」未上传：${locked}`);
  const checked = checkPhoto(input.fileName, input.bytes);
  if (!checked.ok) throw new AppError('INVALID_INPUT', checked.message);
  const existing = metaOf(db, c.id, input.stage).length;
  const tooMany = photoCountProblem(input.fileName, existing, def.label);
  if (tooMany) throw new AppError('CONFLICT', tooMany);

  const now = station.clock();
  const row = {
    id: randomUUID(),
    caseId: c.id,
    householdId: c.householdId,
    stage: input.stage,
    fileName: input.fileName,
    mime: checked.image.mime,
    byteSize: input.bytes.byteLength,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    width: checked.image.width,
    height: checked.image.height,
    note: input.note,
    createdAt: now.toISOString(),
    createdBy: who.actor.username,
  };
  runWrite(
    db,
    who.actor,
    { action: 'workflow.photo.upload', entity: 'workflow_case', entityId: c.id },
    (w) => {
      w.tx.insert(attachments).values({ ...row, bytes: Buffer.from(input.bytes) }).run();
      w.note('photo', { id: row.id, stage: row.stage, fileName: row.fileName, mime: row.mime, byteSize: row.byteSize, sha256: row.sha256, width: row.width, height: row.height });
    },
    now,
  );
  return views(db, c, input.stage, [row])[0]!;
}

function attachmentRow(db: Db, id: string): AttachmentRow {
  const row = db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', '该照片不存在或已删除');
  return row;
}

export function photoContent(station: Station, id: string): PhotoContent {
  const { bytes, householdId: _, ...meta } = attachmentRow(station.db, id);
  const c = caseRow(station.db, meta.caseId);
  return { ...views(station.db, c, meta.stage, [meta])[0]!, dataUrl: `data:${meta.mime};base64,${Buffer.from(bytes).toString('base64')}` };
}

/** Deletes a photo the step has not used; answers with the step's remaining photos. */
export function deletePhoto(station: Station, who: WorkflowActor, id: string): PhotoView[] {
  const db = station.db;
  const { bytes: _, ...row } = attachmentRow(db, id);
  const c = caseRow(db, row.caseId);
  const def = photoStageOf(c, row.stage);
  requireAuthority(station, who, def.authority, def.label);
  const locked = lockedReason(db, c, row.stage);
  if (locked) throw new AppError('CONFLICT', `照片「${row.fileName}」不能删除：${locked}`);
  const cited = citations(db, c.id, row.stage).get(id);
  if (cited) throw new AppError('CONFLICT', `照片「${row.fileName}」是已登记的「${def.label}」（第 ${cited.join('、')} 条办理记录）的依据，不能删除`);
  const now = station.clock();
  runWrite(
    db,
    who.actor,
    { action: 'workflow.photo.delete', entity: 'workflow_case', entityId: c.id },
    (w) => {
      w.tx.delete(attachments).where(eq(attachments.id, id)).run();
      w.note('photo', { id, stage: row.stage, fileName: row.fileName, byteSize: row.byteSize, sha256: row.sha256 });
    },
    now,
  );
  return casePhotos(station, c.id, row.stage as PhotoStage);
}

/** Problems with the photo ids a step's form names: each must be this case's photo of this step. */
export function stepPhotoProblems(db: Db, caseId: string, stage: string, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return photoIdProblems(ids, new Set(metaOf(db, caseId, stage).map((r) => r.id)));
}
