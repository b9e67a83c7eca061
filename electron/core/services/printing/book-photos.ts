// The 二看 photos a household's books show: every photo of its identification case(s), with the
// step, the inspection date the completed step gave (when a completion cites the photo), the
// upload date and the uploader's name. The bytes become data URLs inside the print HTML only (a
// print document loads nothing); nothing of them goes to the audit entry of the print, which
// names the document, the scope and the PDF's hash.
import { isoDay } from '../../domain/workflow/dates';
import type { Db } from '../../db/connection';
import { STAGES } from '../../domain/workflow/case-kinds';
import type { BookPhoto } from '../../printing/documents/types';

interface PhotoRow {
  id: string;
  caseId: string;
  stage: string;
  mime: string;
  bytes: Buffer;
  width: number;
  height: number;
  note: string;
  createdAt: string;
  uploader: string;
}

const stageLabel = (stage: string): string => STAGES.identification.find((s) => s.code === stage)?.label ?? stage;

/**
 * The household's identification photos up to `asOf` (a book of 2019 does not show a photo
 * taken at a re-identification in 2021), in upload order. A withdrawn case's photos are left
 * out: the application they documented was taken back, so they are not evidence of anything on
 * the books.
 */
export function householdBookPhotos(db: Db, householdId: string, asOf: string): BookPhoto[] {
  const client = db.$client;
  const rows = client
    .prepare(
      `SELECT a.id, a.case_id AS caseId, a.stage, a.mime, a.bytes, a.width, a.height, a.note, a.created_at AS createdAt,
              coalesce(u.display_name, a.created_by) AS uploader
         FROM attachments a
         JOIN workflow_cases c ON c.id = a.case_id
         LEFT JOIN users u ON u.username = a.created_by
        WHERE a.household_id = ? AND c.kind = 'identification' AND c.outcome <> 'withdrawn'
        ORDER BY c.opened_at, a.created_at, a.rowid`,
    )
    .all(householdId) as PhotoRow[];
  if (rows.length === 0) return [];
  // The date of the completed step that cites a photo: the day the house was looked at.
  const steps = client
    .prepare(
      `SELECT s.case_id AS caseId, s.stage, s.date, s.data FROM workflow_steps s
         JOIN workflow_cases c ON c.id = s.case_id
        WHERE c.household_id = ? AND c.kind = 'identification' AND s.action = 'complete' ORDER BY s.seq`,
    )
    .all(householdId) as { caseId: string; stage: string; date: string; data: string | null }[];
  const inspected = new Map<string, string>();
  for (const s of steps) {
    const cited = (s.data ? (JSON.parse(s.data) as { photos?: unknown }).photos : undefined) ?? [];
    if (Array.isArray(cited)) for (const id of cited) if (typeof id === 'string') inspected.set(`${s.caseId}/${s.stage}/${id}`, s.date);
  }
  return rows
    .map((r) => ({ r, uploaded: isoDay(new Date(r.createdAt)), on: inspected.get(`${r.caseId}/${r.stage}/${r.id}`) ?? null }))
    // By the inspection date when known: paperwork of 2019 entered in 2020 still belongs in 2019's books.
    .filter(({ uploaded, on }) => (on ?? uploaded) <= asOf)
    .map(({ r, uploaded, on }) => ({
      stageLabel: stageLabel(r.stage),
      inspectedOn: on,
      uploadedOn: uploaded,
      uploader: r.uploader,
      note: r.note,
      width: r.width,
      height: r.height,
      dataUrl: `data:${r.mime};base64,${Buffer.from(r.bytes).toString('base64')}`,
    }));
}
