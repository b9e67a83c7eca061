// 打印中心's batches as jobs: a township's or the county's villages print for minutes, so the
// UI starts a job, polls its progress and may cancel it between files. Output goes to a folder
// (desktop, command line) or becomes one download (web mode: the PDF, or a zip of the PDFs).
// Three layouts: one PDF per village and document, one per village, or one combined file.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Station } from '../../station';
import type { Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { Orientation, PaperSize } from '../../domain/paper';
import type { SheetPaper } from '../../domain/tiling';
import type { MaskingPolicy } from '../../domain/masking';
import { combineDocuments, documentHtml, DOCUMENTS, renderOptions, type DocumentKind, type PrintDocument } from '../../printing/documents';
import type { PdfRenderer } from '../../printing/pdf-renderer-types';
import { getRegion } from '../regions';
import { prepareDownload } from '../transfer-files';
import { placeName } from '../assistance/place-names';
import { renderVillageBatch, villagesIn } from './batch';
import { documentForRequest } from './render';
import { loadVillageFacts } from './village-facts';
import { auditPrint } from './print-audit';

export type BatchLayout = 'per-document' | 'per-village' | 'combined';
export type BatchDestination = { folder: string } | { download: true };

export interface BatchRequest {
  regionCode: string;
  year: number;
  documents: DocumentKind[];
  layout: BatchLayout;
  destination: BatchDestination;
  paper?: PaperSize;
  orientation?: Orientation;
  tile?: SheetPaper;
  maskingPolicy: MaskingPolicy;
}

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface BatchJobView {
  jobId: string;
  state: JobState;
  /** Documents rendered so far, of `total`. */
  done: number;
  total: number;
  /** What is printing now, e.g. 「南十里铺村 · 贫困人口分布图」. */
  current: string | null;
  files: string[];
  /** Web mode: the PDF or zip to hand over once done. */
  download: { downloadRef: string; fileName: string } | null;
  folder: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

interface Job {
  view: BatchJobView;
  ownerId: string | null;
  cancel: boolean;
  promise: Promise<void>;
}

/** A combined file past this many villages gets too big for an old PC's Chromium (and its printer). */
export const MAX_COMBINED_VILLAGES = 60;
const KEEP_FINISHED = 20;

const jobsOf = new WeakMap<Station, Map<string, Job>>();
function jobs(station: Station): Map<string, Job> {
  let m = jobsOf.get(station);
  if (!m) jobsOf.set(station, (m = new Map()));
  return m;
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_');

function pruneFinished(station: Station): void {
  const finished = [...jobs(station).values()].filter((j) => j.view.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs(station).delete(j.view.jobId);
}

/** Where files go: into the folder as they come, or collected for one download at the end. */
interface Sink {
  add(relativePath: string, bytes: Uint8Array): void;
  finish(job: BatchJobView, regionName: string): void;
}

function folderSink(folder: string): Sink {
  mkdirSync(folder, { recursive: true });
  return {
    add(relativePath, bytes) {
      const target = join(folder, relativePath);
      mkdirSync(join(target, '..'), { recursive: true });
      // Written beside, then renamed: a half-written PDF never sits in the folder under its name.
      writeFileSync(`${target}.part`, bytes);
      renameSync(`${target}.part`, target);
    },
    finish(job) {
      job.folder = folder;
    },
  };
}

function downloadSink(station: Station, year: number): Sink {
  const files: Record<string, Uint8Array> = {};
  return {
    add(relativePath, bytes) {
      files[relativePath] = bytes;
    },
    finish(job, regionName) {
      const names = Object.keys(files);
      if (names.length === 0) return;
      // One file goes as it is; several go as a zip that keeps the township folders.
      const single = names.length === 1 ? names[0]! : null;
      const fileName = single ? (single.split('/').pop() ?? single) : `${safeName(regionName)}_${year}_打印.zip`;
      const target = prepareDownload(station, fileName);
      writeFileSync(target.path, single ? files[single]! : zipSync(files, { level: 0 }));
      job.download = { downloadRef: target.downloadRef, fileName };
    },
  };
}

/** A folder per township (「会师镇/…pdf」): a county batch is hundreds of files. */
function townshipPath(station: Station, village: string, fileName: string): string {
  const township = getRegion(station.db, village)?.parentCode;
  return `${safeName(township ? placeName(station.db, township) : '乡镇')}/${fileName}`;
}

function auditCombined(station: Station, actor: Actor, req: BatchRequest, villages: string[], docs: readonly PrintDocument[], bytes: Uint8Array): void {
  auditPrint(station, actor, {
    action: 'print.batch',
    documents: req.documents,
    entityId: villages.length === 1 ? villages[0]! : req.regionCode,
    scope: { region: req.regionCode, villages: villages.length },
    year: req.year,
    paper: req.paper ?? '默认纸张',
    maskingPolicy: req.maskingPolicy,
    bytes,
    extra: { pages: docs.length, layout: req.layout === 'combined' ? '合并为一个文件' : '每村一个文件' },
  });
}

async function renderCombined(renderer: PdfRenderer, title: string, docs: readonly PrintDocument[]): Promise<Uint8Array> {
  let doc: PrintDocument;
  try {
    doc = docs.length === 1 ? docs[0]! : combineDocuments(title, docs);
  } catch (err) {
    // Charts are fixed pages and books flow: they cannot share one file.
    throw new AppError('INVALID_INPUT', `${(err as Error).message}：挂图和台账、卡片、公示不能合并到同一个文件，请分开打印或选择「每个文档一个文件」`);
  }
  return renderer.render(documentHtml(doc), renderOptions(doc));
}

async function runJob(station: Station, actor: Actor, renderer: PdfRenderer, req: BatchRequest, job: Job, sink: Sink, villages: string[]): Promise<void> {
  const v = job.view;
  const label = (village: string, d: DocumentKind): string => `${placeName(station.db, village)} · ${DOCUMENTS[d].label}`;
  if (req.layout === 'per-document') {
    await renderVillageBatch(
      station,
      actor,
      renderer,
      { regionCode: req.regionCode, year: req.year, documents: req.documents, paper: req.paper, orientation: req.orientation, tile: req.tile, maskingPolicy: req.maskingPolicy },
      (village, r) => {
        const path = townshipPath(station, village, r.fileName);
        sink.add(path, r.bytes);
        v.files.push(path);
      },
      (p) => {
        v.done = p.done;
        v.current = label(p.village, p.document);
      },
      () => job.cancel,
    );
    return;
  }
  const all: PrintDocument[] = [];
  for (const village of villages) {
    if (job.cancel) return;
    const facts = loadVillageFacts(station.db, village, req.year, station.clock());
    const docs: PrintDocument[] = [];
    for (const document of req.documents) {
      v.current = label(village, document);
      docs.push(documentForRequest(station, { document, scope: { village }, year: req.year, paper: req.paper, orientation: req.orientation, maskingPolicy: req.maskingPolicy }, facts).doc);
    }
    if (req.layout === 'per-village') {
      const name = placeName(station.db, village);
      const bytes = await renderCombined(renderer, `${name}${req.year}年度打印`, docs);
      auditCombined(station, actor, req, [village], docs, bytes);
      const path = townshipPath(station, village, `${safeName(name)}_${req.year}年度_${req.documents.length}种文档.pdf`);
      sink.add(path, bytes);
      v.files.push(path);
      v.done += docs.length;
    } else {
      all.push(...docs);
      // Building is quick; the one render at the end is the long step, counted as the last file.
      v.done = Math.min(v.done + docs.length, v.total - 1);
    }
  }
  if (req.layout === 'combined' && !job.cancel) {
    const regionName = getRegion(station.db, req.regionCode)?.name ?? req.regionCode;
    v.current = `合并 ${all.length} 份文档`;
    const bytes = await renderCombined(renderer, `${regionName}${req.year}年度打印`, all);
    auditCombined(station, actor, req, villages, all, bytes);
    const path = `${safeName(regionName)}_${req.year}_合并打印.pdf`;
    sink.add(path, bytes);
    v.files.push(path);
    v.done = v.total;
  }
}

/** Starts a batch and returns at once; poll `batchJob` for progress. */
export function startBatch(
  station: Station,
  actor: Actor,
  renderer: PdfRenderer,
  req: BatchRequest,
): BatchJobView {
  const villages = villagesIn(station, req.regionCode);
  if (villages.length === 0) throw new AppError('INVALID_INPUT', `「${getRegion(station.db, req.regionCode)?.name ?? req.regionCode}」下没有村`);
  if (req.layout === 'combined' && villages.length > MAX_COMBINED_VILLAGES) {
    throw new AppError('INVALID_INPUT', `合并为一个文件最多 ${MAX_COMBINED_VILLAGES} 个村，所选范围有 ${villages.length} 个村；请按乡镇打印，或选择「每村一个文件」`);
  }
  if (req.tile && req.layout !== 'per-document') throw new AppError('INVALID_INPUT', '拼贴打印每张挂图单独成一个文件：请选择「每个文档一个文件」');
  const regionName = getRegion(station.db, req.regionCode)?.name ?? req.regionCode;
  const sink = 'folder' in req.destination ? folderSink(req.destination.folder) : downloadSink(station, req.year);
  const view: BatchJobView = {
    jobId: randomUUID(),
    state: 'running',
    done: 0,
    total: villages.length * req.documents.length,
    current: null,
    files: [],
    download: null,
    folder: null,
    error: null,
    startedAt: station.clock().toISOString(),
    finishedAt: null,
  };
  const job: Job = { view, ownerId: actor.userId, cancel: false, promise: Promise.resolve() };
  job.promise = runJob(station, actor, renderer, req, job, sink, villages)
    .then(() => {
      sink.finish(view, regionName);
      view.state = job.cancel ? 'cancelled' : 'done';
    })
    .catch((err: unknown) => {
      view.state = 'failed';
      view.error = err instanceof AppError || err instanceof RangeError ? err.message : `打印失败：${(err as Error).message}`;
    })
    .finally(() => {
      view.current = null;
      view.finishedAt = station.clock().toISOString();
    });
  pruneFinished(station);
  jobs(station).set(view.jobId, job);
  return { ...view, files: [...view.files] };
}

function ownJob(station: Station, actor: Actor, jobId: string): Job {
  const job = jobs(station).get(jobId);
  // Another user's job is as unknown as a job that never was.
  if (!job || job.ownerId !== actor.userId) throw new AppError('NOT_FOUND', '没有这个打印任务（可能已过期或属于其他用户）');
  return job;
}

export function batchJob(station: Station, actor: Actor, jobId: string): BatchJobView {
  const v = ownJob(station, actor, jobId).view;
  return { ...v, files: [...v.files] };
}

/** Stops after the file in progress; files already written stay. */
export function cancelBatch(station: Station, actor: Actor, jobId: string): BatchJobView {
  const job = ownJob(station, actor, jobId);
  if (job.view.state === 'running') job.cancel = true;
  return batchJob(station, actor, jobId);
}

/** For the command line and tests: waits until the job has finished. */
export async function waitForBatch(station: Station, actor: Actor, jobId: string): Promise<BatchJobView> {
  await ownJob(station, actor, jobId).promise;
  return batchJob(station, actor, jobId);
}
