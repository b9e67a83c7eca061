// fupin print: the documents of 打印中心 from the command line, into a folder. One village or one
// household prints one PDF; --township or --county prints every village below it as a batch
// with progress on stderr. Runs as the node operator (actor 'cli'), audited like any print.
import { AppError } from '../core/api/errors';
import type { Actor } from '../core/db/write-path';
import { PAPER_SIZES, ORIENTATIONS, type Orientation, type PaperSize } from '../core/domain/paper';
import { SHEET_PAPERS, type SheetPaper } from '../core/domain/tiling';
import { DOCUMENT_KINDS, DOCUMENTS, VILLAGE_CHARTS, type DocumentKind } from '../core/printing/documents';
import { renderDocument } from '../core/services/printing/render';
import { printerOf } from '../core/services/printing/printer';
import { readPrintPreferences } from '../core/services/printing/print-preferences';
import { batchJob, startBatch, waitForBatch, type BatchLayout } from '../core/services/printing/print-jobs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { str, type Flags } from './args';
import { t } from './i18n';
import type { Command } from './commands';
import { withStation } from './with-station';

const OPERATOR: Actor = { userId: null, username: 'cli' };
const out = (line: string): void => void process.stdout.write(line + '\n');

/** A kind, its Chinese label, or 「五张图」/charts for the five village charts. */
function documentsOf(arg: string): DocumentKind[] {
  if (arg === 'charts' || arg === '五张图') return [...VILLAGE_CHARTS];
  return arg.split(',').map((name) => {
    const kind = DOCUMENT_KINDS.find((k) => k === name || DOCUMENTS[k].label === name);
    if (!kind) throw new AppError('INVALID_INPUT', `未知的文档「${name}」；可选：charts（五张图）、${DOCUMENT_KINDS.join('、')}`);
    return kind;
  });
}

function oneOf<T extends string>(flags: Flags, name: string, allowed: readonly T[], label: string): T | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new AppError('INVALID_INPUT', `--${name}（${label}）只能是 ${allowed.join('、')}`);
  return v as T;
}

function yearOf(flags: Flags): number {
  const raw = str(flags, 'year', String(new Date().getFullYear()));
  const year = Number(raw);
  if (!Number.isInteger(year)) throw new AppError('INVALID_INPUT', `--year（年度）「${raw}」不是年份`);
  return year;
}

export const printCommand: Command = {
  usage: {
    zh: [
      '用法：fupin print 文档 (--village 村代码 | --household 户ID | --township 乡镇代码 | --county 县代码) --out 文件夹',
      '        [--year 年度] [--paper A4|A3|A2|A1|A0] [--orientation portrait|landscape] [--tile A4|A3]',
      '        [--layout per-document|per-village|combined] [--db 文件]',
      `  文档：charts（五张图）或 ${DOCUMENT_KINDS.join('、')}，可用逗号分隔多个，也可写中文名称。`,
      '  --tile：把 A0/A1 等大图拼贴打印到 A4 或 A3 纸上（带重叠、裁切线和拼贴示意）。',
      '  --township / --county：批量打印其下每个村，--layout 选择每个文档一个文件（默认）、每村一个文件或合并为一个文件。',
    ].join('\n'),
    en: 'Usage: fupin print DOCUMENT (--village CODE | --household ID | --township CODE | --county CODE) --out DIR [--year Y] [--paper A1] [--orientation landscape] [--tile A4] [--layout per-document|per-village|combined]',
  },
  async run([document], flags) {
    if (!document) throw new AppError('INVALID_INPUT', t(printCommand.usage));
    const documents = documentsOf(document);
    const folder = resolve(str(flags, 'out'));
    const year = yearOf(flags);
    const paper = oneOf<PaperSize>(flags, 'paper', PAPER_SIZES, '纸张');
    const orientation = oneOf<Orientation>(flags, 'orientation', ORIENTATIONS, '方向');
    const tile = oneOf<SheetPaper>(flags, 'tile', SHEET_PAPERS, '拼贴纸张');
    const village = typeof flags.village === 'string' ? flags.village : null;
    // Several documents of one village print as one batch over that village: one file by default.
    const region = typeof flags.township === 'string' ? flags.township : typeof flags.county === 'string' ? flags.county : documents.length > 1 ? village : null;
    return withStation(flags, async (station) => {
      const maskingPolicy = readPrintPreferences(station.db).maskingPolicy;
      if (region) {
        const layout = oneOf<BatchLayout>(flags, 'layout', ['per-document', 'per-village', 'combined'], '输出方式') ?? (region === village ? 'per-village' : 'per-document');
        const job = startBatch(station, OPERATOR, printerOf(station), { regionCode: region, year, documents, layout, destination: { folder }, paper, orientation, tile, maskingPolicy });
        let last = -1;
        const poll = setInterval(() => {
          const v = batchJob(station, OPERATOR, job.jobId);
          if (v.done !== last) process.stderr.write(`${v.done}/${v.total} ${v.current ?? ''}\n`);
          last = v.done;
        }, 1000);
        const end = await waitForBatch(station, OPERATOR, job.jobId).finally(() => clearInterval(poll));
        if (end.state === 'failed') throw new AppError('INVALID_INPUT', end.error ?? '打印失败');
        out(t({ zh: `完成：${end.files.length} 个 PDF 文件，共 ${end.done} 份文档，保存在 ${folder}`, en: `Done: ${end.files.length} PDF files (${end.done} documents) in ${folder}` }));
        return;
      }
      if (documents.length !== 1) throw new AppError('INVALID_INPUT', '一户只能打印一种文档；多种文档请按村（--village）或乡镇（--township）打印');
      const scope = typeof flags.household === 'string' ? { householdId: flags.household } : { village: str(flags, 'village') };
      const r = await renderDocument(station, OPERATOR, printerOf(station), { document: documents[0]!, scope, year, paper, orientation, tile, maskingPolicy });
      mkdirSync(folder, { recursive: true });
      const file = join(folder, r.fileName);
      writeFileSync(file, r.bytes);
      out(file);
      if (r.tiles) out(t({ zh: `拼贴：${r.tiles.rows} 行 × ${r.tiles.cols} 列，共 ${r.tiles.rows * r.tiles.cols} 张，重叠 ${r.tiles.overlapMm} 毫米`, en: `Tiled: ${r.tiles.rows} × ${r.tiles.cols} sheets, ${r.tiles.overlapMm} mm overlap` }));
      if (r.draft) out(t({ zh: '注意：该年度尚未审定，文档带「草稿 未审定」水印。', en: 'Note: the year is not approved yet; the document carries the draft watermark.' }));
    });
  },
};
