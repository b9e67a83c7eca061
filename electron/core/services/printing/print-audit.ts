// One audit entry per print, whichever way it left the station (a PDF, a batch file, the system
// print dialog): who printed what, for which scope, on which paper, under which masking policy.
import { createHash } from 'node:crypto';
import type { Station } from '../../station';
import { runWrite, type Actor } from '../../db/write-path';
import { describeMaskingPolicy, type MaskingPolicy } from '../../domain/masking';
import { DOCUMENTS, type DocumentKind } from '../../printing/documents';

/** Documents that print personal numbers (masked): the audit names the policy they used. */
const MASKED_FAMILIES = new Set<string>(['notice', 'book', 'sheet']);

export interface PrintRecord {
  action: 'print.document' | 'print.batch' | 'print.direct';
  documents: readonly DocumentKind[];
  /** The village, household or region the print is for. */
  entityId: string;
  scope: unknown;
  year: number;
  paper: string;
  draft?: boolean;
  maskingPolicy: MaskingPolicy;
  /** The PDF's bytes, hashed into the entry; none for the print dialog. */
  bytes?: Uint8Array;
  extra?: Record<string, unknown>;
}

export function auditPrint(station: Station, actor: Actor, r: PrintRecord): void {
  runWrite(
    station.db,
    actor,
    { action: r.action, entity: 'print', entityId: r.entityId },
    (w) => {
      w.note('document', r.documents.map((d) => `${DOCUMENTS[d].label}（${d}）`).join('、'));
      w.note('scope', r.scope);
      w.note('year', r.year);
      w.note('paper', r.paper);
      if (r.draft !== undefined) w.note('draft', r.draft);
      const masked = r.documents.some((d) => MASKED_FAMILIES.has(DOCUMENTS[d].family));
      w.note('maskingPolicy', masked ? describeMaskingPolicy(r.maskingPolicy) : '不含身份证号、本户电话和银行账号');
      for (const [k, v] of Object.entries(r.extra ?? {})) w.note(k, v);
      if (r.bytes) w.note('sha256', createHash('sha256').update(r.bytes).digest('hex'));
    },
    station.clock(),
  );
}
