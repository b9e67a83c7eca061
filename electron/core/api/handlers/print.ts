import type { HandlersFor, HandlerContext } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { MapEditorView, MaskExampleView, PrintCatalog, PrintDocumentInfo, PrintScopeKind, printContract } from '../contract/print';
import { AppError } from '../errors';
import { actorOf } from '../../services/users';
import { getRegion, requireVillage } from '../../services/regions';
import { prepareDownload, uploadedFile } from '../../services/transfer-files';
import { readFileSync, writeFileSync } from 'node:fs';
import { PAPER_SIZES, paperLabel } from '../../domain/paper';
import { SHEET_PAPERS } from '../../domain/tiling';
import { DOCUMENT_KINDS, DOCUMENTS, VILLAGE_CHARTS, documentHtml, renderOptions, type DocumentKind } from '../../printing/documents';
import { auditPrint } from '../../services/printing/print-audit';
import { exportStatisticsXlsx } from '../../services/printing/statistics';
import { placeName } from '../../services/assistance/place-names';
import { documentForRequest, renderDocument, type PrintRequest } from '../../services/printing/render';
import { printerOf } from '../../services/printing/printer';
import { batchJob, cancelBatch, MAX_COMBINED_VILLAGES, startBatch } from '../../services/printing/print-jobs';
import { readPrintPreferences, savePrintPreferences } from '../../services/printing/print-preferences';
import { clearVillageMap, moveMarkers, setVillageMapImage, villageMap } from '../../services/printing/village-maps';
import { loadVillageFacts } from '../../services/printing/village-facts';
import { distributionData } from '../../services/printing/village-documents';
import { MAP_ATTRIBUTES, MAP_ATTRIBUTE_LABELS, MAP_STATUSES, MAP_STATUS_COLORS, MAP_STATUS_LABELS, markerSvg } from '../../printing/documents/distribution-map';
import { describeMaskingPolicy, maskIdNumber, maskPhone, validateMaskingPolicy, type MaskingPolicy } from '../../domain/masking';

// Household-level documents print for one household as well as for a whole village; the
// statistics print for a township or the county.
const HOUSEHOLD_DOCUMENTS = new Set<string>(['door-card', 'household-books']);
const REGION_DOCUMENTS = new Set<string>(['statistics']);

function scopesOf(kind: DocumentKind): PrintScopeKind[] {
  if (REGION_DOCUMENTS.has(kind)) return ['region'];
  return HOUSEHOLD_DOCUMENTS.has(kind) ? ['village', 'household'] : ['village'];
}

function catalog(): PrintCatalog {
  const documents: PrintDocumentInfo[] = DOCUMENT_KINDS.map((kind) => {
    const info = DOCUMENTS[kind];
    return { kind, label: info.label, family: info.family, paper: info.paper, orientation: info.orientation, scopes: scopesOf(kind), tileable: info.family === 'chart' };
  });
  return { documents, villageCharts: [...VILLAGE_CHARTS], papers: [...PAPER_SIZES], sheetPapers: [...SHEET_PAPERS], maxCombinedVillages: MAX_COMBINED_VILLAGES };
}

/** The request as the printing service takes it, always with the office's masking policy. */
function requestOf(ctx: HandlerContext, input: Omit<PrintRequest, 'maskingPolicy'>): PrintRequest {
  return { ...input, maskingPolicy: readPrintPreferences(ctx.station.db).maskingPolicy };
}

// The service's RangeErrors carry Chinese sentences for the user (e.g. no households to print).
async function userErrors<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('INVALID_INPUT', err.message);
    throw err;
  }
}

function mapEditor(ctx: HandlerContext, villageCode: string, year: number): MapEditorView {
  const village = requireVillage(ctx.station.db, villageCode);
  const facts = loadVillageFacts(ctx.station.db, villageCode, year, ctx.station.clock());
  const data = distributionData(facts);
  const stored = villageMap(ctx.station.db, villageCode).image;
  return {
    villageCode,
    villageName: village.name,
    image: data.baseImage && stored ? { ...data.baseImage, fileName: stored.fileName, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy } : null,
    groups: data.groups,
    households: data.households.map((h) => ({ ...h, position: h.position ?? facts.map.positions.get(h.id) ?? null })),
    legend: {
      statuses: MAP_STATUSES.map((status) => ({ status, label: MAP_STATUS_LABELS[status], color: MAP_STATUS_COLORS[status] })),
      attributes: MAP_ATTRIBUTES.map((attribute) => ({ attribute, label: MAP_ATTRIBUTE_LABELS[attribute] })),
      symbols: markerSymbols(),
    },
  };
}

// The editor shows the very markers the chart prints, drawn by the chart's own code.
function markerSymbols(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const status of MAP_STATUSES) {
    for (const attribute of MAP_ATTRIBUTES) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20">${markerSvg(10, 10, 7, status, attribute)}</svg>`;
      out[`${status}/${attribute}`] = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    }
  }
  return out;
}

// A made-up but well-formed ID number (check character correct) and mobile number.
const EXAMPLE_ID = '620422199001011235';
const EXAMPLE_PHONE = '13912345678';

function maskExample(policy: MaskingPolicy): MaskExampleView {
  const check = validateMaskingPolicy(policy);
  const example = { idNumber: EXAMPLE_ID, phone: EXAMPLE_PHONE };
  if (!check.ok) return { ...example, problem: check.error.message, maskedIdNumber: '', maskedPhone: '', description: '' };
  return {
    ...example,
    problem: null,
    maskedIdNumber: maskIdNumber(EXAMPLE_ID, check.value),
    maskedPhone: maskPhone(EXAMPLE_PHONE, check.value),
    description: describeMaskingPolicy(check.value),
  };
}

export const printHandlers: HandlersFor<typeof printContract> = {
  'print.catalog': () => catalog(),
  'print.preview': (ctx, input) =>
    userErrors(() => {
      const { doc, paper, orientation, html } = documentForRequest(ctx.station, requestOf(ctx, input));
      return { title: doc.title, draft: doc.draft, paper, orientation, html };
    }),
  'print.render': (ctx, input) =>
    userErrors(async () => {
      const r = await renderDocument(ctx.station, actorOf(sessionOf(ctx)), printerOf(ctx.station), requestOf(ctx, input));
      const target = prepareDownload(ctx.station, r.fileName);
      writeFileSync(target.path, r.bytes);
      return { downloadRef: target.downloadRef, fileName: r.fileName, title: r.title, draft: r.draft, bytes: r.bytes.byteLength, tiles: r.tiles };
    }),
  'print.direct': (ctx, input) =>
    userErrors(async () => {
      const printer = printerOf(ctx.station);
      if (!printer.printWithDialog) throw new AppError('INVALID_INPUT', '直接打印只能在桌面程序中使用；网页模式请先「生成 PDF」，再用 PDF 阅读器打印');
      const req = requestOf(ctx, input);
      const { doc, paper, orientation, village } = documentForRequest(ctx.station, req);
      const printed = await printer.printWithDialog(documentHtml(doc), renderOptions(doc));
      if (printed) {
        auditPrint(ctx.station, actorOf(sessionOf(ctx)), {
          action: 'print.direct',
          documents: [input.document],
          entityId: 'householdId' in input.scope ? input.scope.householdId : village,
          scope: input.scope,
          year: input.year,
          paper: paperLabel({ paper, orientation }),
          draft: doc.draft,
          maskingPolicy: req.maskingPolicy!,
        });
      }
      return { printed };
    }),
  'print.statisticsXlsx': (ctx, { regionCode, year }) =>
    userErrors(async () => {
      const region = getRegion(ctx.station.db, regionCode);
      if (!region || (region.level !== 'county' && region.level !== 'township')) throw new AppError('INVALID_INPUT', `统计表按县或乡镇导出，「${region?.name ?? regionCode}」不是县或乡镇`);
      const fileName = `${placeName(ctx.station.db, regionCode)}${year}年度建档立卡贫困人口统计表.xlsx`;
      const target = prepareDownload(ctx.station, fileName);
      const { rows } = await exportStatisticsXlsx(ctx.station, { regionCode, year, out: target.path });
      return { downloadRef: target.downloadRef, fileName, rows };
    }),
  'print.startBatch': (ctx, { folder, ...rest }) => {
    const region = getRegion(ctx.station.db, rest.regionCode);
    if (!region) throw new AppError('NOT_FOUND', `区划代码 ${rest.regionCode} 不存在`);
    const notVillage = rest.documents.filter((d) => !scopesOf(d).includes('village'));
    if (notVillage.length > 0) throw new AppError('INVALID_INPUT', `「${notVillage.map((d) => DOCUMENTS[d].label).join('、')}」不按村批量打印，请单独打印`);
    return startBatch(
      ctx.station,
      actorOf(sessionOf(ctx)),
      printerOf(ctx.station),
      { ...rest, destination: folder ? { folder } : { download: true }, maskingPolicy: readPrintPreferences(ctx.station.db).maskingPolicy },
    );
  },
  'print.batchStatus': (ctx, { jobId }) => batchJob(ctx.station, actorOf(sessionOf(ctx)), jobId),
  'print.cancelBatch': (ctx, { jobId }) => cancelBatch(ctx.station, actorOf(sessionOf(ctx)), jobId),
  'print.preferences': (ctx) => readPrintPreferences(ctx.station.db),
  'print.maskExample': (_ctx, { maskingPolicy }) => maskExample(maskingPolicy),
  'print.savePreferences': (ctx, input) => savePrintPreferences(ctx.station.db, actorOf(sessionOf(ctx)), input, ctx.station.clock()),
  'print.mapEditor': (ctx, { villageCode, year }) => mapEditor(ctx, villageCode, year),
  'print.setMapImage': (ctx, { villageCode, year, uploadRef }) => {
    requireVillage(ctx.station.db, villageCode); // a bad village code is refused before anything is stored
    const upload = uploadedFile(ctx.station, uploadRef);
    setVillageMapImage(ctx.station.db, actorOf(sessionOf(ctx)), villageCode, readFileSync(upload.path), upload.fileName, ctx.station.clock());
    return mapEditor(ctx, villageCode, year);
  },
  'print.moveMarkers': (ctx, { villageCode, year, moves }) => {
    moveMarkers(ctx.station.db, actorOf(sessionOf(ctx)), villageCode, moves, ctx.station.clock());
    return mapEditor(ctx, villageCode, year);
  },
  'print.clearMap': (ctx, { villageCode, year }) => {
    clearVillageMap(ctx.station.db, actorOf(sessionOf(ctx)), villageCode, ctx.station.clock());
    return mapEditor(ctx, villageCode, year);
  },
};
