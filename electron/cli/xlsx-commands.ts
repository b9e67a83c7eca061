// fupin import / fupin export xlsx: the registry's spreadsheet exchange from the command line.
// They run as the node operator (whoever can open the station file), like the other commands,
// and call the xlsx services directly with the operator actor 'cli'.
import { resolve } from 'node:path';
import { AppError } from '../core/api/errors';
import type { Actor } from '../core/db/write-path';
import { readNode } from '../core/services/node-setup';
import { importApply, importDryRun, type ImportMode, type ImportProblem, type ImportReport } from '../core/services/xlsx/import';
import { exportXlsx, type ExportLayout } from '../core/services/xlsx/export';
import { exportVillageXlsx } from '../core/services/xlsx/village-export';
import { villageImportApply, villageImportDryRun, type VillageImportReport } from '../core/services/xlsx/village-import';
import { isVillageWorkbook } from '../core/services/xlsx/village-read';
import { str, type Flags } from './args';
import { withStation } from './with-station';
import { t } from './i18n';
import type { Command } from './commands';

const OPERATOR: Actor = { userId: null, username: 'cli' };
const SHOWN_PROBLEMS = 50;

const out = (line: string): void => void process.stdout.write(line + '\n');

/** 第 12 行 · 证件号码 · Q-ID-03：18位身份证号码校验位错误 */
export function problemLine(p: ImportProblem): string {
  return [`第 ${p.row} 行`, p.field, p.rule].filter((x) => x !== '').join(' · ') + `：${p.severity === 'warning' ? '（提示）' : ''}${p.message}`;
}

function printProblems(problems: readonly ImportProblem[], total: number): void {
  for (const p of problems.slice(0, SHOWN_PROBLEMS)) out(problemLine(p));
  if (total > SHOWN_PROBLEMS) out(t({ zh: `……另有 ${total - SHOWN_PROBLEMS} 条问题未显示`, en: `… ${total - SHOWN_PROBLEMS} more problems not shown` }));
}

type FileNotes = Partial<Pick<ImportReport, 'file' | 'ignoredColumns'>>;

function printSummaryHead(r: FileNotes): void {
  if (r.file) out(t({ zh: `文件：${r.file.name}（工作表「${r.file.sheetName}」，表头在第 ${r.file.headerRow} 行）`, en: `File: ${r.file.name} (sheet "${r.file.sheetName}", header row ${r.file.headerRow})` }));
  if (r.file) out(`SHA-256：${r.file.sha256}`);
}

function printIgnored(r: FileNotes): void {
  if (r.ignoredColumns && r.ignoredColumns.length > 0) {
    out(t({ zh: `未识别的列（已忽略）：${r.ignoredColumns.join('、')}`, en: `Columns not recognised (ignored): ${r.ignoredColumns.join(', ')}` }));
  }
}

function printSummary(r: Pick<ImportReport, 'summary'> & FileNotes): void {
  const s = r.summary;
  printSummaryHead(r);
  out(t({ zh: `共 ${s.rows} 行、${s.households} 户、${s.persons} 人。`, en: `${s.rows} rows, ${s.households} households, ${s.persons} persons.` }));
  out(
    t({
      zh: `可导入 ${s.validHouseholds} 户（新增 ${s.newHouseholds}，更新 ${s.changedHouseholds}，无变化 ${s.unchangedHouseholds}）；有错误 ${s.invalidHouseholds} 户；错误 ${s.errors} 处，提示 ${s.warnings} 处。`,
      en: `Valid ${s.validHouseholds} (new ${s.newHouseholds}, changed ${s.changedHouseholds}, unchanged ${s.unchangedHouseholds}); invalid ${s.invalidHouseholds}; ${s.errors} errors, ${s.warnings} warnings.`,
    }),
  );
  printIgnored(r);
}

function printVillageSummary(r: Pick<VillageImportReport, 'summary'> & Partial<Pick<VillageImportReport, 'file' | 'ignoredColumns'>>): void {
  const s = r.summary;
  printSummaryHead(r);
  out(
    t({
      zh: `村信息表：共 ${s.rows} 行（每个村一行）。可导入 ${s.validVillages} 个村（新增 ${s.newVillages}，更新 ${s.changedVillages}，无变化 ${s.unchangedVillages}）；有错误 ${s.invalidVillages} 个村；错误 ${s.errors} 处，提示 ${s.warnings} 处。`,
      en: `Village forms: ${s.rows} rows. Valid ${s.validVillages} (new ${s.newVillages}, changed ${s.changedVillages}, unchanged ${s.unchangedVillages}); invalid ${s.invalidVillages}; ${s.errors} errors, ${s.warnings} warnings.`,
    }),
  );
  printIgnored(r);
}

function modeOf(flags: Flags): ImportMode {
  const mode = flags.mode === undefined ? 'all' : flags.mode;
  if (mode === 'all') return 'all-or-nothing';
  if (mode === 'valid') return 'valid-only';
  throw new AppError('INVALID_INPUT', '--mode 只能是 all（全部导入或全不导入）或 valid（只导入无错误的户）');
}

export const importCommand: Command = {
  usage: {
    zh: [
      '用法：fupin import 文件.xlsx [--dry-run] [--mode all|valid] [--db 文件]',
      '  按全国“每人一行”格式导入建档立卡数据。先用 --dry-run 预检（不写入），',
      '  --mode all（默认）：有任何一户出错就全部不导入；--mode valid：只导入没有错误的户。',
      '  同一文件再次导入不会改变任何数据。',
      '  村信息表（贫困村信息采集表，每个村一行，由 fupin export xlsx --layout village 导出）按表头自动识别。',
    ].join('\n'),
    en: 'Usage: fupin import FILE.xlsx [--dry-run] [--mode all|valid] [--db FILE] (a village-form file is recognised by its headings)',
  },
  booleans: ['dry-run'],
  async run([file], flags) {
    if (!file) throw new AppError('INVALID_INPUT', t(importCommand.usage));
    const mode = modeOf(flags);
    const path = resolve(file);
    if (await isVillageWorkbook(path)) return importVillages(path, mode, flags);
    return withStation(flags, async (station) => {
      if (flags['dry-run']) {
        const report = await importDryRun(station, path);
        printSummary(report);
        printProblems(report.problems, report.problemCount);
        out(t({ zh: '预检完成，未写入任何数据。', en: 'Dry run: nothing was written.' }));
        return 0;
      }
      try {
        const result = await importApply(station, OPERATOR, path, mode);
        printSummary(result);
        printProblems(result.problems, result.problemCount);
        out(
          t({
            zh: `导入完成：新增 ${result.applied.inserted} 户，更新 ${result.applied.updated} 户，无变化 ${result.applied.unchanged} 户，跳过 ${result.applied.skipped} 户（有错误）。`,
            en: `Imported: ${result.applied.inserted} new, ${result.applied.updated} updated, ${result.applied.unchanged} unchanged, ${result.applied.skipped} skipped.`,
          }),
        );
        return 0;
      } catch (err) {
        if (err instanceof AppError && err.kind === 'ROW_INVALID') {
          const d = err.details as { summary: ImportReport['summary']; problems: ImportProblem[]; problemCount: number };
          printSummary({ summary: d.summary });
          printProblems(d.problems, d.problemCount);
          out(t({ zh: '未导入：文件中有错误的户，按“全部导入或全不导入”未写入任何数据。改正后重新导入，或用 --mode valid 只导入无错误的户。', en: 'Refused: nothing was written.' }));
          return 1;
        }
        throw err;
      }
    });
  },
};

/** `fupin import` of a village-form file: the same steps, counted in villages. */
function importVillages(path: string, mode: ImportMode, flags: Flags): Promise<number> {
  return withStation(flags, async (station) => {
    if (flags['dry-run']) {
      const report = await villageImportDryRun(station, path);
      printVillageSummary(report);
      printProblems(report.problems, report.problemCount);
      out(t({ zh: '预检完成，未写入任何数据。', en: 'Dry run: nothing was written.' }));
      return 0;
    }
    try {
      const result = await villageImportApply(station, OPERATOR, path, mode);
      printVillageSummary(result);
      printProblems(result.problems, result.problemCount);
      const a = result.applied;
      out(t({ zh: `导入完成：新增 ${a.inserted} 个村，更新 ${a.updated} 个村，无变化 ${a.unchanged} 个村，跳过 ${a.skipped} 个村（有错误）。`, en: `Imported: ${a.inserted} new, ${a.updated} updated, ${a.unchanged} unchanged, ${a.skipped} skipped villages.` }));
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.kind === 'ROW_INVALID') {
        const d = err.details as { summary: VillageImportReport['summary']; problems: ImportProblem[]; problemCount: number };
        printVillageSummary({ summary: d.summary });
        printProblems(d.problems, d.problemCount);
        out(t({ zh: '未导入：文件中有错误的村，按“全部导入或全不导入”未写入任何数据。改正后重新导入，或用 --mode valid 只导入无错误的村。', en: 'Refused: nothing was written.' }));
        return 1;
      }
      throw err;
    }
  });
}

export const exportCommand: Command = {
  usage: {
    zh: '用法：fupin export xlsx --out 文件.xlsx [--layout person|household|village] [--region 区划代码] [--year 年度] [--db 文件]（完整数据，不打码，请妥善保管；village：村信息表，每个村一行）',
    en: 'Usage: fupin export xlsx --out FILE.xlsx [--layout person|household|village] [--region CODE] [--year YEAR] [--db FILE] (full, unmasked data; village: the village forms, one row per village)',
  },
  async run([format], flags) {
    if (format !== 'xlsx') throw new AppError('INVALID_INPUT', t(exportCommand.usage));
    const outFile = resolve(str(flags, 'out'));
    const layout = str(flags, 'layout', 'person') as ExportLayout | 'village';
    if (layout !== 'person' && layout !== 'household' && layout !== 'village') {
      throw new AppError('INVALID_INPUT', '--layout 只能是 person（每人一行）、household（每户一行）或 village（村信息表，每个村一行）');
    }
    const year = typeof flags.year === 'string' ? Number(flags.year) : undefined;
    if (year !== undefined && !Number.isInteger(year)) throw new AppError('INVALID_INPUT', '--year 应为四位年份');
    if (year !== undefined && layout === 'village') throw new AppError('INVALID_INPUT', '村信息表不按年度导出：每个村导出其当前的采集表，请去掉 --year');
    await withStation(flags, async (station) => {
      const regionCode = typeof flags.region === 'string' ? flags.region : readNode(station).regionCode;
      const started = Date.now();
      if (layout === 'village') {
        const v = await exportVillageXlsx(station, { regionCode, out: outFile, actor: OPERATOR });
        out(t({ zh: `已导出 ${v.rows} 个村的村信息表（其中 ${v.stored} 个村已填写）到 ${v.file}（${Date.now() - started} 毫秒）。`, en: `Exported ${v.rows} villages (${v.stored} with a form) to ${v.file} (${Date.now() - started} ms).` }));
        return;
      }
      const result = await exportXlsx(station, { regionCode, layout, out: outFile, actor: OPERATOR, ...(year === undefined ? {} : { year }) });
      out(
        t({
          zh: `已导出 ${result.households} 户、${result.rows} 行到 ${result.file}（${Date.now() - started} 毫秒）。文件含完整身份证号等个人信息，请妥善保管。`,
          en: `Exported ${result.households} households, ${result.rows} rows to ${result.file} (${Date.now() - started} ms). The file holds full personal data.`,
        }),
      );
    });
  },
};
