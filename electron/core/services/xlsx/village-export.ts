// Exporting the village forms (贫困村信息采集表) of a township or the county to xlsx: one row per
// village in code order, headed by the form's labels, values typed as the form has them (numbers
// as numbers, 是/否, code labels). A village without a saved form gets a row with only its code,
// township and name, so the file doubles as the sheet a township fills in and imports back.
import { basename } from 'node:path';
import type { Station } from '../../station';
import { AppError } from '../../api/errors';
import { recordEvent, type Actor } from '../../db/write-path';
import { ancestorCode, isRegionCode } from '../../domain/region-code';
import type { VillageRecord } from '../../domain/registry/types';
import { regionsBelow } from '../regions';
import { regionRange } from '../registry/households-read';
import { effectiveCodeTables } from '../registry/reference-data';
import { regionNames } from '../registry/region-names';
import { emptyRecord } from '../registry/village-records';
import { cellOf } from './export';
import { writeWorkbook } from './workbook-file';
import { CODE_COLUMN, TOWNSHIP_COLUMN, VILLAGE_LAYOUT, VILLAGE_SHEET_NAME, YEAR_COLUMN } from './village-layout';

export interface VillageExportOptions {
  /** A village, township or the county: every village below it */
  regionCode: string;
  /** The .xlsx file to write (replaced if it exists) */
  out: string;
  /** Who exports: when given, the export is recorded in the audit log */
  actor?: Actor;
}

export interface VillageExportResult {
  /** Villages written, one row each */
  rows: number;
  /** Of those, villages with a saved form */
  stored: number;
  file: string;
}

export interface VillageFormRow {
  code: string;
  /** The division's name (the form's 村名 may differ) */
  divisionName: string;
  stored: boolean;
  /** The saved form, or the empty one of this year */
  record: VillageRecord;
}

/** Every village below `regionCode` in code order, each with its saved or empty form. */
export function villageFormsBelow(station: Station, regionCode: string): VillageFormRow[] {
  const [lo, hi] = regionRange(regionCode);
  const saved = new Map(
    (station.db.$client.prepare('SELECT region_code AS code, record FROM villages WHERE region_code >= ? AND region_code < ?').all(lo, hi) as { code: string; record: string }[]).map(
      (r) => [r.code, JSON.parse(r.record) as VillageRecord],
    ),
  );
  const year = station.clock().getFullYear();
  return regionsBelow(station.db, regionCode, 'village').map((v) => {
    const record = saved.get(v.code);
    return { code: v.code, divisionName: v.name, stored: !!record, record: record ?? emptyRecord(v.code, v.name, year) };
  });
}

/** Writes the village sheet; a county has a few hundred villages, so it is built whole in memory. */
export async function exportVillageXlsx(station: Station, options: VillageExportOptions): Promise<VillageExportResult> {
  if (!isRegionCode(options.regionCode)) throw new AppError('INVALID_INPUT', `区划代码应为 12 位数字：${options.regionCode}`);
  const forms = villageFormsBelow(station, options.regionCode);
  if (forms.length === 0) throw new AppError('INVALID_INPUT', `区划 ${options.regionCode} 下没有村级区划，无法导出村信息表`);
  const tables = effectiveCodeTables(station.db);
  const names = regionNames(station.db);
  const file = await writeWorkbook(station, options.out, (wb) => {
    const ws = wb.addWorksheet(VILLAGE_SHEET_NAME, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }] });
    // The code and text columns are formatted as text (@): a code or phone typed over in Excel stays text.
    ws.columns = VILLAGE_LAYOUT.map((c) => ({ key: c.id, width: c.width, ...(c.id === CODE_COLUMN || c.spec?.kind === 'text' ? { style: { numFmt: '@' } } : {}) }));
    const header = ws.addRow(VILLAGE_LAYOUT.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.height = 45;
    for (const v of forms) {
      const record = v.record as unknown as Record<string, unknown>;
      ws.addRow(
        VILLAGE_LAYOUT.map((c) => {
          if (c.id === CODE_COLUMN) return v.code;
          if (c.id === TOWNSHIP_COLUMN) return names.get(ancestorCode(v.code, 'township')) ?? null;
          if (c.id === YEAR_COLUMN) return v.record.dataYear;
          return cellOf(c.spec!, record[c.key], v.record.dataYear, tables);
        }),
      );
    }
  });
  const stored = forms.filter((v) => v.stored).length;
  if (options.actor) {
    recordEvent(
      station.db,
      options.actor,
      { action: 'registry.export', entity: 'region', entityId: options.regionCode },
      { format: 'xlsx', layout: 'village', villages: forms.length, stored, file: basename(file) },
      station.clock(),
    );
  }
  return { rows: forms.length, stored, file };
}
