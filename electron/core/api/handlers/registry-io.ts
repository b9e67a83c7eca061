import type { Station } from '../../station';
import type { HandlersFor } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { registryIoContract, ImportReportView } from '../contract/registry-io';
import { AppError } from '../errors';
import { actorOf } from '../../services/users';
import { getRegion } from '../../services/regions';
import { prepareDownload, uploadedFile } from '../../services/transfer-files';
import { importApply, importDryRun, type ImportMode, type ImportReport } from '../../services/xlsx/import';
import { exportXlsx } from '../../services/xlsx/export';
import { exportVillageXlsx } from '../../services/xlsx/village-export';
import { villageImportApply, villageImportDryRun } from '../../services/xlsx/village-import';
import { isoDay } from '../../domain/workflow/dates';

const MODES: Record<'all' | 'valid', ImportMode> = { all: 'all-or-nothing', valid: 'valid-only' };
const LAYOUT_NAMES = { person: '每人一行', household: '每户一行' } as const;

/** The report as the UI sees it: the uploaded file's own name, the scope, the refused rows. */
function reportView<S = ImportReport['summary']>(
  report: Pick<ImportReport, 'file' | 'problems' | 'problemCount' | 'ignoredColumns'> & { summary: S },
  fileName: string,
  scope: { code: string; name: string },
): Omit<ImportReportView, 'summary'> & { summary: S } {
  return {
    file: { ...report.file, name: fileName },
    summary: report.summary,
    problems: report.problems,
    problemCount: report.problemCount,
    ignoredColumns: report.ignoredColumns,
    scope,
    outOfScopeRows: [...new Set(report.problems.filter((p) => p.rule === 'IMP-SCOPE').map((p) => p.row))],
  };
}

const scopeOf = (station: Station, code: string) => ({ code, name: getRegion(station.db, code)?.name ?? code });

/** The name an export's file is called by; refuses a code that is no region of this station. */
function regionName(station: Station, code: string): string {
  const region = getRegion(station.db, code);
  if (!region) throw new AppError('NOT_FOUND', `区划代码 ${code} 不存在`);
  return region.name;
}

const today = (station: Station): string => isoDay(station.clock()).replaceAll('-', '');

export const registryIoHandlers: HandlersFor<typeof registryIoContract> = {
  // A clerk's import is planned against the clerk's township: a household of another township
  // (by its village, or because it is stored there) is an IMP-SCOPE error on its rows.
  'registry.importDryRun': async (ctx, { uploadRef }) => {
    const session = sessionOf(ctx);
    const upload = uploadedFile(ctx.station, uploadRef);
    const report = await importDryRun(ctx.station, upload.path, { scopeCode: session.scopeCode });
    return reportView(report, upload.fileName, scopeOf(ctx.station, session.scopeCode));
  },
  'registry.importApply': async (ctx, { uploadRef, mode, expectedSha256 }) => {
    const session = sessionOf(ctx);
    const upload = uploadedFile(ctx.station, uploadRef);
    const options = { scopeCode: session.scopeCode, ...(expectedSha256 ? { expectedSha256 } : {}) };
    const result = await importApply(ctx.station, actorOf(session), upload.path, MODES[mode], options);
    return { ...reportView(result, upload.fileName, scopeOf(ctx.station, session.scopeCode)), mode, applied: result.applied };
  },
  'registry.exportXlsx': async (ctx, { regionCode, layout, year }) => {
    const fileName = `建档立卡-${regionName(ctx.station, regionCode)}-${LAYOUT_NAMES[layout]}${year ? `-${year}年度` : ''}-${today(ctx.station)}.xlsx`;
    const target = prepareDownload(ctx.station, fileName);
    const result = await exportXlsx(ctx.station, { regionCode, layout, out: target.path, actor: actorOf(sessionOf(ctx)), ...(year ? { year } : {}) });
    return { downloadRef: target.downloadRef, fileName, rows: result.rows, households: result.households };
  },
  // The village forms: the same scope rule, row by row, with the village code as the row's key.
  'registry.villageImportDryRun': async (ctx, { uploadRef }) => {
    const session = sessionOf(ctx);
    const upload = uploadedFile(ctx.station, uploadRef);
    const report = await villageImportDryRun(ctx.station, upload.path, { scopeCode: session.scopeCode });
    return reportView(report, upload.fileName, scopeOf(ctx.station, session.scopeCode));
  },
  'registry.villageImportApply': async (ctx, { uploadRef, mode, expectedSha256 }) => {
    const session = sessionOf(ctx);
    const upload = uploadedFile(ctx.station, uploadRef);
    const options = { scopeCode: session.scopeCode, ...(expectedSha256 ? { expectedSha256 } : {}) };
    const result = await villageImportApply(ctx.station, actorOf(session), upload.path, MODES[mode], options);
    return { ...reportView(result, upload.fileName, scopeOf(ctx.station, session.scopeCode)), mode, applied: result.applied };
  },
  'registry.exportVillageXlsx': async (ctx, { regionCode }) => {
    const fileName = `村信息表-${regionName(ctx.station, regionCode)}-${today(ctx.station)}.xlsx`;
    const target = prepareDownload(ctx.station, fileName);
    const result = await exportVillageXlsx(ctx.station, { regionCode, out: target.path, actor: actorOf(sessionOf(ctx)) });
    return { downloadRef: target.downloadRef, fileName, rows: result.rows, stored: result.stored };
  },
};
