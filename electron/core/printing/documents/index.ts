// The catalogue of print documents: what each is called, what it is printed for (a village or a
// household), the paper it is laid out for by default, and its builder.
import type { Orientation, PaperSize } from '../../domain/paper';
import { combineDocuments, type PrintDocument } from './shared/document';
import { buildCauseTable } from './cause-table';
import { buildFlowChart } from './flow-chart';
import { buildTargetChart } from './target-chart';
import { buildHouseholdTable } from './household-table';
import { buildDistributionMap, type DistributionMapData } from './distribution-map';
import { buildDoorCard } from './door-card';
import { buildNotice } from './notice';
import { buildHouseholdBooks } from './household-books';
import { buildSignoffSheet } from './signoff-sheet';
import { buildStatistics, statisticsColumns, type StatisticsColumn } from './statistics';
import type {
  CauseTableData,
  DoorCardData,
  FlowChartData,
  HouseholdBooksData,
  HouseholdTableData,
  NoticeData,
  SignoffSheetData,
  StatisticsData,
  TargetChartData,
} from './types';

export * from './types';
export * from './shared/document';
export type { DistributionMapData };
export type { StatisticsColumn };
export {
  buildCauseTable,
  buildFlowChart,
  buildTargetChart,
  buildHouseholdTable,
  buildDistributionMap,
  buildDoorCard,
  buildNotice,
  buildHouseholdBooks,
  buildSignoffSheet,
  buildStatistics,
  statisticsColumns,
};

export const DOCUMENT_KINDS = [
  'distribution-map',
  'cause-table',
  'flow-chart',
  'target-chart',
  'household-table',
  'door-card',
  'notice-identification',
  'notice-exit',
  'household-books',
  'signoff-sheet',
  'statistics',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The five village wall charts (村村5张图), in the order they hang. */
export const VILLAGE_CHARTS = ['distribution-map', 'cause-table', 'flow-chart', 'target-chart', 'household-table'] as const satisfies readonly DocumentKind[];

export interface DocumentInfo {
  kind: DocumentKind;
  label: string;
  /**
   * 'chart': a wall chart (tiling makes sense); 'card': one page per household; 'notice': a public
   * list, masked; 'book': a household's 3 books, kept by the household; 'sheet': the 3342 sign-off
   * sheet; 'table': statistics of a township or the county.
   */
  family: 'chart' | 'card' | 'notice' | 'book' | 'sheet' | 'table';
  paper: PaperSize;
  orientation: Orientation;
}

export const DOCUMENTS: Record<DocumentKind, DocumentInfo> = {
  'distribution-map': { kind: 'distribution-map', label: '贫困人口分布图', family: 'chart', paper: 'A3', orientation: 'landscape' },
  'cause-table': { kind: 'cause-table', label: '贫困人口致贫原因表', family: 'chart', paper: 'A3', orientation: 'landscape' },
  'flow-chart': { kind: 'flow-chart', label: '贫困人口进出动态图', family: 'chart', paper: 'A3', orientation: 'landscape' },
  'target-chart': { kind: 'target-chart', label: '全村脱贫目标任务图', family: 'chart', paper: 'A3', orientation: 'landscape' },
  'household-table': { kind: 'household-table', label: '贫困户脱贫目标任务表', family: 'chart', paper: 'A3', orientation: 'landscape' },
  'door-card': { kind: 'door-card', label: '帮扶明白卡', family: 'card', paper: 'A4', orientation: 'portrait' },
  'notice-identification': { kind: 'notice-identification', label: '贫困户识别公示', family: 'notice', paper: 'A4', orientation: 'portrait' },
  'notice-exit': { kind: 'notice-exit', label: '贫困户退出公示', family: 'notice', paper: 'A4', orientation: 'portrait' },
  'household-books': { kind: 'household-books', label: '户户3本账（脱贫计划、帮扶措施、工作台账）', family: 'book', paper: 'A4', orientation: 'portrait' },
  'signoff-sheet': { kind: 'signoff-sheet', label: '贫困户退出验收签字表（3342）', family: 'sheet', paper: 'A4', orientation: 'portrait' },
  statistics: { kind: 'statistics', label: '建档立卡贫困人口统计表', family: 'table', paper: 'A3', orientation: 'landscape' },
};

export const isDocumentKind = (v: unknown): v is DocumentKind => typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);

export type DocumentData =
  | { kind: 'distribution-map'; data: DistributionMapData }
  | { kind: 'cause-table'; data: CauseTableData }
  | { kind: 'flow-chart'; data: FlowChartData }
  | { kind: 'target-chart'; data: TargetChartData }
  | { kind: 'household-table'; data: HouseholdTableData }
  | { kind: 'door-card'; data: DoorCardData[] }
  | { kind: 'notice-identification' | 'notice-exit'; data: NoticeData }
  | { kind: 'household-books'; data: HouseholdBooksData[] }
  | { kind: 'signoff-sheet'; data: SignoffSheetData }
  | { kind: 'statistics'; data: StatisticsData };

/** One builder call per document; door cards are one page each, in one document. */
export function buildDocument(d: DocumentData, paper: PaperSize, orientation: Orientation): PrintDocument {
  switch (d.kind) {
    case 'distribution-map':
      return buildDistributionMap(d.data, paper, orientation);
    case 'cause-table':
      return buildCauseTable(d.data, paper, orientation);
    case 'flow-chart':
      return buildFlowChart(d.data, paper, orientation);
    case 'target-chart':
      return buildTargetChart(d.data, paper, orientation);
    case 'household-table':
      return buildHouseholdTable(d.data, paper, orientation);
    case 'notice-identification':
    case 'notice-exit':
      return buildNotice(d.data, paper, orientation);
    case 'door-card':
      return perHousehold(d.data, '帮扶明白卡', (c) => buildDoorCard(c, paper, orientation));
    case 'household-books':
      return perHousehold(d.data, '户户3本账', (b) => buildHouseholdBooks(b, paper, orientation));
    case 'signoff-sheet':
      return buildSignoffSheet(d.data, paper, orientation);
    case 'statistics':
      return buildStatistics(d.data, paper, orientation);
  }
}

/** One household's document, or a village's in one file (「高家庄村户户3本账（32 户）」). */
function perHousehold<T extends { heading: { villageName: string } }>(data: readonly T[], name: string, build: (d: T) => PrintDocument): PrintDocument {
  if (data.length === 0) throw new RangeError(`没有可打印的${name}（该村没有建档立卡户）`);
  const docs = data.map(build);
  return docs.length === 1 ? docs[0]! : combineDocuments(`${data[0]!.heading.villageName}${name}（${docs.length} 户）`, docs);
}
