// The real villages of 会宁县 from the shipped division table, as the demo generator takes them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDivisionCsv } from '../../../electron/core/services/regions';
import type { DemoVillageInput } from '../../../electron/core/demo/generate-county';

const CSV = join(dirname(fileURLToPath(import.meta.url)), '../../../data/gansu-divisions.csv');

export function huiningVillages(): DemoVillageInput[] {
  const rows = parseDivisionCsv(readFileSync(CSV, 'utf8')).filter((r) => r.code.startsWith('620422'));
  const townships = new Map(rows.filter((r) => r.level === 'township').map((r) => [r.code, r.name]));
  return rows
    .filter((r) => r.level === 'village')
    .map((r) => ({ code: r.code, name: r.name, townshipCode: r.parentCode!, townshipName: townships.get(r.parentCode!) }));
}
