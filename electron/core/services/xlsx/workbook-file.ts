// A small workbook written whole with exceljs, the way the station writes its xlsx files: loaded
// on first use (it costs ~0.4 s at every start otherwise), written next to the target and renamed,
// so a file under that name is always complete. Streaming writers (the registry export) keep their own loop.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Workbook } from 'exceljs';
import type { Station } from '../../station';

/** Builds the workbook with `fill` and writes it to `out`; returns the absolute path. */
export async function writeWorkbook(station: Station, out: string, fill: (wb: Workbook) => void): Promise<string> {
  const file = resolve(out);
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${randomUUID()}.xlsx.part`);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '扶贫工作站';
  wb.created = station.clock();
  fill(wb);
  try {
    await wb.xlsx.writeFile(tmp);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}
