// renderDocument: a print request → PDF bytes, through whichever PdfRenderer the door has (the
// Chromium one here, Electron's printToPDF in the desktop app), and one audit entry per print:
// who printed what, for which scope, and which masking policy a public document used.
import type { Station } from '../../station';
import type { Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { DEFAULT_MASKING_POLICY, type MaskingPolicy } from '../../domain/masking';
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
import { requireVillage } from '../regions';
import { causeTableData, distributionData, flowChartData, householdTableData, targetChartData } from './village-documents';
import { doorCardData, householdVillage, noticeData } from './household-documents';
import { isRegistered, loadVillageFacts, type VillageFacts } from './village-facts';
import { householdBooksData } from './book-documents';
import { signoffSheetData } from './signoff-documents';
import { auditPrint } from './print-audit';
import { checkStatisticsRegion, statisticsData } from './statistics';

export interface PrintRequest {
  document: DocumentKind;
  /**
   * A village code; for the door card and the household books also one household; for the
   * statistics a township or county code.
   */
  scope: { village: string } | { householdId: string } | { region: string };
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
/** Families that print ID numbers masked by the office's policy (the audit names the policy). */

/** Documents printed for one household as well as for a whole village. */
const HOUSEHOLD_KINDS: readonly DocumentKind[] = ['door-card', 'household-books'];
/** Documents printed for a township or the county. */
const REGION_KINDS: readonly DocumentKind[] = ['statistics'];

/** `scopeCode`: the village (for a household scope, the household's) or the township/county code. */
function check(station: Station, req: PrintRequest): { paper: PaperSize; orientation: Orientation; scopeCode: string } {
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
  const scope = req.scope as Partial<Record<'village' | 'householdId' | 'region', unknown>>;
  if (REGION_KINDS.includes(req.document)) {
    if (typeof scope.region !== 'string') throw new AppError('INVALID_INPUT', `「${info.label}」按乡镇或县统计，请选择乡镇或县`);
    checkStatisticsRegion(station.db, scope.region);
    return { paper, orientation, scopeCode: scope.region };
  }
  if (typeof scope.householdId === 'string') {
    if (!HOUSEHOLD_KINDS.includes(req.document)) throw new AppError('INVALID_INPUT', `「${info.label}」按村打印，请选择村`);
    return { paper, orientation, scopeCode: householdVillage(station.db, scope.householdId) };
  }
  const village = scope.village;
  if (typeof village !== 'string') throw new AppError('INVALID_INPUT', `「${info.label}」按村打印，请选择村`);
  requireVillage(station.db, village);
  return { paper, orientation, scopeCode: village };
}

/** The households a household-level document covers: the one asked for, or every registered one of the village. */
const householdsOf = (req: PrintRequest, vf: VillageFacts): string[] =>
  'householdId' in req.scope ? [req.scope.householdId] : vf.households.filter(isRegistered).map((h) => h.id);

/** The typed data of the document, from the database. `village`: the scope code check() gave. */
export function loadDocumentData(station: Station, req: PrintRequest, village: string, facts?: VillageFacts): DocumentData {
  const db = station.db;
  const today = station.clock();
  const policy = req.maskingPolicy ?? DEFAULT_MASKING_POLICY;
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
      return { kind: 'door-card', data: householdsOf(req, vf).map((id) => doorCardData(db, id, req.year, today, vf)) };
    }
    case 'household-books': {
      const vf = f();
      return { kind: 'household-books', data: householdsOf(req, vf).map((id) => householdBooksData(db, id, req.year, today, policy, vf)) };
    }
    case 'signoff-sheet':
      return { kind: 'signoff-sheet', data: signoffSheetData(db, village, req.year, policy, today) };
    case 'statistics':
      return { kind: 'statistics', data: statisticsData(db, village, req.year, today) };
    case 'notice-identification':
    case 'notice-exit':
      return {
        kind: req.document,
        data: noticeData(db, village, req.document === 'notice-exit' ? 'exit' : 'identification', req.year, policy, today),
      };
  }
}

/** The HTML the renderer gets, for a preview or a test. */
/** `village` and `scopeCode` are the same code: the village, or for statistics the township/county. */
export function documentForRequest(
  station: Station,
  req: PrintRequest,
  facts?: VillageFacts,
): { doc: PrintDocument; html: string; paper: PaperSize; orientation: Orientation; village: string; scopeCode: string } {
  const { paper, orientation, scopeCode } = check(station, req);
  const doc = buildDocument(loadDocumentData(station, req, scopeCode, facts), paper, orientation);
  return { doc, html: documentHtml(doc), paper, orientation, village: scopeCode, scopeCode };
}

function fileNameOf(req: PrintRequest, title: string, paper: PaperSize, plan: TilingPlan | null): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe}_${req.year}_${paper}${plan ? `_拼贴${plan.sheet.paper}` : ''}.pdf`;
}

export async function renderDocument(station: Station, actor: Actor, renderer: PdfRenderer, req: PrintRequest, facts?: VillageFacts): Promise<RenderedDocument> {
  const { doc, html, paper, orientation, scopeCode } = documentForRequest(station, req, facts);
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
  auditPrint(station, actor, {
    action: 'print.document',
    documents: [req.document],
    entityId: 'householdId' in req.scope ? req.scope.householdId : scopeCode,
    scope: 'householdId' in req.scope ? { householdId: req.scope.householdId, village: scopeCode } : 'region' in req.scope ? { region: scopeCode } : { village: scopeCode },
    year: req.year,
    paper: paperLabel({ paper, orientation }) + (plan ? `，拼贴到 ${plan.rows}×${plan.cols} 张 ${plan.sheet.paper}` : ''),
    draft: doc.draft,
    maskingPolicy: req.maskingPolicy ?? DEFAULT_MASKING_POLICY,
    bytes,
  });
  return {
    bytes,
    fileName: fileNameOf(req, doc.title, paper, plan),
    title: doc.title,
    draft: doc.draft,
    tiles: plan ? { rows: plan.rows, cols: plan.cols, overlapMm: plan.overlapMm } : null,
  };
}
