// renderDocument: a print request → PDF bytes, through whichever PdfRenderer the door has (the
// Chromium one here, Electron's printToPDF in the desktop app), and one audit entry per print:
// who printed what, for which scope, and which masking policy a public document used.
import { createHash } from 'node:crypto';
import type { Station } from '../../station';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { levelOfCode } from '../../domain/region-code';
import { describeMaskingPolicy, DEFAULT_MASKING_POLICY, type MaskingPolicy } from '../../domain/masking';
import { isOrientation, isPaperSize, paperLabel, PAPER_PORTRAIT_MM, type Orientation, type PaperSize } from '../../domain/paper';
import type { SheetPaper, TilingPlan } from '../../domain/tiling';
import type { PdfRenderer } from '../../printing/pdf-renderer-types';
import {
  buildDocument,
  documentHtml,
  DOCUMENTS,
  renderOptions,
  tiledDocumentHtml,
  tiledRenderOptions,
  type DocumentData,
  type DocumentKind,
  type PrintDocument,
} from '../../printing/documents';
import { getRegion } from '../regions';
import { causeTableData, distributionData, flowChartData, householdTableData, targetChartData } from './village-documents';
import { doorCardData, householdVillage, noticeData } from './household-documents';
import { isRegistered, loadVillageFacts, type VillageFacts } from './village-facts';

export interface PrintRequest {
  document: DocumentKind;
  /** A village code, or for a door card also a household id. */
  scope: { village: string } | { householdId: string };
  year: number;
  paper?: PaperSize;
  orientation?: Orientation;
  /** Print a big chart on A4/A3 sheets to be glued together. */
  tile?: SheetPaper;
  maskingPolicy?: MaskingPolicy;
}

export interface RenderedDocument {
  bytes: Uint8Array;
  fileName: string;
  title: string;
  draft: boolean;
  /** Sheets of the tiling, when tiled. */
  tiles: { rows: number; cols: number; overlapMm: number } | null;
}

const MIN_YEAR = 2014;

function check(station: Station, req: PrintRequest): { paper: PaperSize; orientation: Orientation; village: string } {
  const info = DOCUMENTS[req.document];
  if (!info) throw new AppError('INVALID_INPUT', `未知的打印文档「${String(req.document)}」`);
  const thisYear = station.clock().getFullYear();
  if (!Number.isInteger(req.year) || req.year < MIN_YEAR || req.year > thisYear) throw new AppError('INVALID_INPUT', `年度必须在 ${MIN_YEAR} 到 ${thisYear} 之间`);
  const paper = req.paper ?? info.paper;
  const orientation = req.orientation ?? info.orientation;
  if (!isPaperSize(paper)) throw new AppError('INVALID_INPUT', `纸张「${String(paper)}」无效，可选 A4、A3、A2、A1、A0`);
  if (!isOrientation(orientation)) throw new AppError('INVALID_INPUT', '方向只能是 portrait（纵向）或 landscape（横向）');
  if (req.tile && PAPER_PORTRAIT_MM[req.tile].widthMm >= PAPER_PORTRAIT_MM[paper].widthMm) {
    throw new AppError('INVALID_INPUT', `拼贴打印的纸张（${req.tile}）必须小于图表纸张（${paper}）`);
  }
  let village: string;
  if ('householdId' in req.scope) {
    if (req.document !== 'door-card') throw new AppError('INVALID_INPUT', `「${info.label}」按村打印，请选择村`);
    village = householdVillage(station.db, req.scope.householdId);
  } else {
    village = req.scope.village;
    if (levelOfCode(village) !== 'village' || !getRegion(station.db, village)) throw new AppError('INVALID_INPUT', `「${village}」不是本库中的村级区划代码`);
  }
  return { paper, orientation, village };
}

/** The typed data of the document, from the database. */
export function loadDocumentData(station: Station, req: PrintRequest, village: string, facts?: VillageFacts): DocumentData {
  const db = station.db;
  const today = station.clock();
  const f = (): VillageFacts => facts ?? loadVillageFacts(db, village, req.year, today);
  switch (req.document) {
    case 'distribution-map':
      return { kind: req.document, data: distributionData(f()) };
    case 'cause-table':
      return { kind: req.document, data: causeTableData(f()) };
    case 'flow-chart':
      return { kind: req.document, data: flowChartData(db, f()) };
    case 'target-chart':
      return { kind: req.document, data: targetChartData(db, f()) };
    case 'household-table':
      return { kind: req.document, data: householdTableData(f()) };
    case 'door-card': {
      const vf = f();
      const ids = 'householdId' in req.scope ? [req.scope.householdId] : vf.households.filter(isRegistered).map((h) => h.id);
      return { kind: 'door-card', data: ids.map((id) => doorCardData(db, id, req.year, today, vf)) };
    }
    case 'notice-identification':
    case 'notice-exit':
      return {
        kind: req.document,
        data: noticeData(db, village, req.document === 'notice-exit' ? 'exit' : 'identification', req.year, req.maskingPolicy ?? DEFAULT_MASKING_POLICY, today),
      };
  }
}

/** The HTML the renderer gets, for a preview or a test. */
export function documentForRequest(station: Station, req: PrintRequest, facts?: VillageFacts): { doc: PrintDocument; html: string; paper: PaperSize; orientation: Orientation; village: string } {
  const { paper, orientation, village } = check(station, req);
  const doc = buildDocument(loadDocumentData(station, req, village, facts), paper, orientation);
  return { doc, html: documentHtml(doc), paper, orientation, village };
}

function fileNameOf(req: PrintRequest, title: string, paper: PaperSize, plan: TilingPlan | null): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe}_${req.year}_${paper}${plan ? `_拼贴${plan.sheet.paper}` : ''}.pdf`;
}

export async function renderDocument(station: Station, actor: Actor, renderer: PdfRenderer, req: PrintRequest, facts?: VillageFacts): Promise<RenderedDocument> {
  const { doc, html, paper, orientation, village } = documentForRequest(station, req, facts);
  let bytes: Uint8Array;
  let plan: TilingPlan | null = null;
  if (req.tile) {
    if (doc.kind !== 'wall') throw new AppError('INVALID_INPUT', `「${DOCUMENTS[req.document].label}」不是挂图，不能拼贴打印`);
    const tiled = tiledDocumentHtml(doc, req.tile);
    plan = tiled.plans[0] ?? null;
    bytes = await renderer.render(tiled.html, tiledRenderOptions(tiled));
  } else {
    bytes = await renderer.render(html, renderOptions(doc));
  }
  const info = DOCUMENTS[req.document];
  const policy = req.maskingPolicy ?? DEFAULT_MASKING_POLICY;
  const scopeId = 'householdId' in req.scope ? req.scope.householdId : village;
  runWrite(
    station.db,
    actor,
    { action: 'print.document', entity: 'print', entityId: scopeId },
    (w) => {
      w.note('document', `${info.label}（${req.document}）`);
      w.note('scope', 'householdId' in req.scope ? { householdId: req.scope.householdId, village } : { village });
      w.note('year', req.year);
      w.note('paper', paperLabel({ paper, orientation }) + (plan ? `，拼贴到 ${plan.rows}×${plan.cols} 张 ${plan.sheet.paper}` : ''));
      w.note('draft', doc.draft);
      w.note('maskingPolicy', info.family === 'notice' ? describeMaskingPolicy(policy) : '不含身份证号、本户电话和银行账号');
      w.note('sha256', createHash('sha256').update(bytes).digest('hex'));
    },
    station.clock(),
  );
  return {
    bytes,
    fileName: fileNameOf(req, doc.title, paper, plan),
    title: doc.title,
    draft: doc.draft,
    tiles: plan ? { rows: plan.rows, cols: plan.cols, overlapMm: plan.overlapMm } : null,
  };
}
