import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Progress, Radio, Space, Typography } from 'antd';
import type { BatchJobView, BatchLayout, DocumentKind, PrintCatalog } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { saveDownload } from '../../api/transfer';
import { useSignedIn } from '../../app/session';
import { ScopePicker } from '../quality/scope-picker';
import { PaperFields, YearSelect, isDesktop, paperInput, type PaperChoice } from './print-options';
import { LAYOUT_LABELS } from './print-labels';

const LAST_FOLDER = 'fupin.print.folder';
const POLL_MS = 500;

/** 批量打印: the chosen documents of every village of a township or the county, as a job with progress and cancel. */
export function BatchTab({ catalog }: { catalog: PrintCatalog }) {
  const { user } = useSignedIn();
  const desktop = isDesktop();
  const [region, setRegion] = useState({ code: user.scopeCode, name: user.scopeName });
  const [year, setYear] = useState(new Date().getFullYear());
  const [documents, setDocuments] = useState<DocumentKind[]>(catalog.villageCharts);
  const [paper, setPaper] = useState<PaperChoice>({ paper: null, orientation: null, tile: null });
  const [layout, setLayout] = useState<BatchLayout>('per-document');
  const [folder, setFolder] = useState(() => localStorage.getItem(LAST_FOLDER) ?? '');
  const [job, setJob] = useState<BatchJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const byVillage = catalog.documents.filter((d) => d.scopes.includes('village'));
  const tileable = documents.length > 0 && documents.every((k) => catalog.documents.find((d) => d.kind === k)?.tileable);
  const running = job?.state === 'running';

  // Follow the running job until it ends; a new job replaces the old one's poll.
  const jobId = running ? job.jobId : null;
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  useEffect(() => {
    if (!jobId) return;
    const timer = setInterval(() => {
      call('print.batchStatus', { jobId }).then(
        (v) => alive.current && setJob(v),
        (err: unknown) => alive.current && setError(errorText(err)),
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [jobId]);

  async function start(): Promise<void> {
    setStarting(true);
    setError(null);
    setSaved(null);
    try {
      const out = desktop ? { folder: folder.trim() } : {};
      if (desktop) localStorage.setItem(LAST_FOLDER, folder.trim());
      setJob(await call('print.startBatch', { regionCode: region.code, year, documents, layout, ...paperInput(paper, tileable), ...out }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setStarting(false);
    }
  }

  async function cancel(): Promise<void> {
    if (!job) return;
    setCancelling(true);
    try {
      setJob(await call('print.cancelBatch', { jobId: job.jobId }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setCancelling(false);
    }
  }

  async function download(): Promise<void> {
    if (!job?.download) return;
    try {
      const s = await saveDownload(job.download.downloadRef, job.download.fileName);
      if (s.saved) setSaved(s.path ? `已保存到 ${s.path}` : `已下载「${job.download.fileName}」到浏览器的下载文件夹`);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const toggle = (kind: DocumentKind, on: boolean) => setDocuments((list) => (on ? catalog.documents.map((d) => d.kind).filter((k) => k === kind || list.includes(k)) : list.filter((k) => k !== kind)));
  const canStart = documents.length > 0 && (!desktop || folder.trim() !== '') && !running;

  return (
    <div style={{ maxWidth: 820 }}>
      <Form layout="horizontal" labelCol={{ flex: '88px' }} className="print-form">
        <Form.Item label="范围" extra="乡镇或全县的所有村；也可以只选一个村。">
          <ScopePicker ariaLabel="批量打印范围" scope={{ code: user.scopeCode, name: user.scopeName }} value={region.code} onChange={(code, name) => setRegion({ code, name })} />
        </Form.Item>
        <Form.Item label="年度">
          <YearSelect value={year} onChange={setYear} />
        </Form.Item>
        <Form.Item label="文档">
          <div className="print-doc-checks" role="group" aria-label="批量打印的文档">
            {byVillage.map((d) => (
              <Checkbox key={d.kind} checked={documents.includes(d.kind)} onChange={(e) => toggle(d.kind, e.target.checked)}>
                {d.label}
                <Typography.Text type="secondary">（默认 {d.paper}）</Typography.Text>
              </Checkbox>
            ))}
          </div>
        </Form.Item>
        <Form.Item label="纸张" extra={tileable ? '拼贴打印时每张挂图单独成一个文件（输出方式选「每个文档一个文件」）。' : undefined}>
          <PaperFields catalog={catalog} value={paper} onChange={setPaper} tileable={tileable} allowDefault />
        </Form.Item>
        <Form.Item label="输出方式">
          <Radio.Group aria-label="输出方式" value={layout} onChange={(e) => setLayout(e.target.value as BatchLayout)}>
            <Space direction="vertical" size={4}>
              <Radio value="per-document">{LAYOUT_LABELS['per-document']}</Radio>
              <Radio value="per-village">{LAYOUT_LABELS['per-village']}</Radio>
              <Radio value="combined">
                {LAYOUT_LABELS.combined}
                <Typography.Text type="secondary">（最多 {catalog.maxCombinedVillages} 个村）</Typography.Text>
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="保存到">
          {desktop ? (
            <Input aria-label="输出文件夹" placeholder="文件夹路径，例如 D:\打印 或 U 盘的 E:\" value={folder} onChange={(e) => setFolder(e.target.value)} />
          ) : (
            <Typography.Text>完成后下载（一个文件为 PDF，多个文件打包为 zip）</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" disabled={!canStart} loading={starting} onClick={() => void start()}>
              开始批量打印
            </Button>
            {running && (
              <Button danger loading={cancelling} onClick={() => void cancel()}>
                取消
              </Button>
            )}
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message="批量打印未完成" description={error} />}
      {job && <JobProgress job={job} regionName={region.name} onDownload={() => void download()} saved={saved} />}
    </div>
  );
}

function JobProgress({ job, regionName, onDownload, saved }: { job: BatchJobView; regionName: string; onDownload(): void; saved: string | null }) {
  const percent = job.total === 0 ? 0 : Math.floor((job.done / job.total) * 100);
  const status = job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : job.state === 'cancelled' ? 'normal' : 'active';
  const files = `${job.files.length} 个文件`;
  return (
    <div data-testid="batch-job" className="print-job">
      <Typography.Text>
        {regionName}：已完成 {job.done} / {job.total}
        {job.state === 'running' && job.current ? `，正在打印「${job.current}」` : ''}
      </Typography.Text>
      <Progress percent={percent} status={status} />
      {job.state === 'done' && (
        <Alert
          type="success"
          showIcon
          message={`批量打印完成，共 ${files}`}
          description={job.folder ? `已保存到文件夹 ${job.folder}` : saved}
          action={job.download && <Button onClick={onDownload}>下载「{job.download.fileName}」</Button>}
        />
      )}
      {job.state === 'cancelled' && (
        <Alert
          type="info"
          showIcon
          message={`已取消：完成 ${job.done} / ${job.total}，已生成的 ${files}保留`}
          description={job.folder ? `已生成的文件在 ${job.folder}` : saved}
          action={job.download && <Button onClick={onDownload}>下载已生成的文件</Button>}
        />
      )}
      {job.state === 'failed' && <Alert type="error" showIcon message="批量打印失败" description={job.error} />}
    </div>
  );
}
