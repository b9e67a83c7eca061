import { useState } from 'react';
import { Alert, App, Button, Progress, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CloudSyncOutlined, DownloadOutlined, FolderOpenOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import type { ExchangeOverview, OutboxView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { saveDownload } from '../../api/transfer';
import { formatBytes, formatDateTime } from '../../format';
import { OUTBOX_STATUS_COLORS, countsText } from './exchange-labels';
import { useLoad } from '../../api/use-load';
import { WriteFolderDialog } from './write-folder-dialog';
import { SyncResult } from './sync-result';
import type { SyncView } from '../../../../electron/core/api/contract';

type ReportMode = 'auto' | 'snapshot' | 'incremental';
const OPEN_STATUSES: OutboxView['status'][] = ['ready', 'uploading', 'uploaded', 'refused'];

interface Props {
  overview: ExchangeOverview;
  onChanged(): void;
}

/** 发件箱: make a report, hand packages over by USB stick, download or upload, and follow them. */
export function OutboxTab({ overview, onChanged }: Props) {
  const { message } = App.useApp();
  const outbox = useLoad(() => call('exchange.outbox', {}));
  const [mode, setMode] = useState<ReportMode>('auto');
  const [busy, setBusy] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [writing, setWriting] = useState(false);
  const [synced, setSynced] = useState<SyncView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const parent = overview.parent;
  const isProvince = overview.self.level === 'province';

  async function run<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
    setBusy(what);
    setActionError(null);
    try {
      return await fn();
    } catch (err) {
      setActionError(errorText(err));
      return null;
    } finally {
      setBusy(null);
      void outbox.reload();
      onChanged();
    }
  }

  async function makeReport(): Promise<void> {
    const made = await run('report', () => call('exchange.exportReport', { mode }));
    if (made) {
      const m = made.summary.mode === 'snapshot' ? '全量' : '增量';
      void message.success(`已生成${m}上报包：第 ${made.seq} 号（${formatBytes(made.sizeBytes)}）`);
      setSelected([made.packageId]);
    }
  }

  async function makeKeyRegistration(): Promise<void> {
    const made = await run('key', () => call('exchange.exportKeyRegistration', {}));
    if (made) void message.success(`已生成密钥登记包：${made.fileName}`);
  }

  async function download(row: OutboxView): Promise<void> {
    await run(`download-${row.packageId}`, async () => {
      const { downloadRef, fileName } = await call('exchange.downloadPackage', { packageId: row.packageId });
      const saved = await saveDownload(downloadRef, fileName);
      if (saved.saved) void message.success(saved.path ? `已保存到 ${saved.path}` : `已下载 ${fileName}`);
    });
  }

  async function sync(): Promise<void> {
    const result = await run('sync', () => call('exchange.sync', { force: true }));
    if (result) setSynced(result);
  }

  const rows = outbox.data ?? [];
  return (
    <Space direction="vertical" size={14} style={{ width: '100%' }}>
      {!overview.keyUnlocked && (
        <Alert type="warning" showIcon message="您的登录没有解开节点密钥" description="生成、导入数据包需要节点密钥：请用建立工作站时的管理员账号（或已分发密钥的管理员账号）登录。" />
      )}
      {!isProvince && !parent && (
        <Alert
          type="info"
          showIcon
          message="尚未与上级建立信任"
          description="先生成「密钥登记包」交给上级扶贫办，并打印「密钥登记表」供上级核对指纹；导入上级的信任包（收件箱）或在「密钥」页登记上级公钥后，即可生成上报包。"
          action={
            <Button size="small" loading={busy === 'key'} disabled={!overview.keyUnlocked} onClick={() => void makeKeyRegistration()}>
              生成密钥登记包
            </Button>
          }
        />
      )}
      {!isProvince && (
        <div className="exchange-toolbar" data-testid="report-toolbar">
          <Typography.Text strong>上报给{parent ? parent.name : '上级'}：</Typography.Text>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ReportMode)} optionType="button" size="middle">
            <Tooltip title="首次全量，之后只报上级已确认之后的变更">
              <Radio.Button value="auto">自动</Radio.Button>
            </Tooltip>
            <Radio.Button value="snapshot">全量</Radio.Button>
            <Radio.Button value="incremental">增量</Radio.Button>
          </Radio.Group>
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'report'} disabled={!parent || !overview.keyUnlocked} onClick={() => void makeReport()}>
            生成上报包
          </Button>
          <Button icon={<CloudSyncOutlined />} loading={busy === 'sync'} disabled={!parent?.receiverUrl || !overview.keyUnlocked} onClick={() => void sync()}>
            上传 / 同步
          </Button>
          {parent && !parent.receiverUrl && <Typography.Text type="secondary">在线报送须先在「密钥」页设置上级接收服务地址</Typography.Text>}
        </div>
      )}
      {actionError && <Alert type="error" showIcon closable onClose={() => setActionError(null)} message="操作未完成" description={actionError} data-testid="outbox-error" />}
      {synced && <SyncResult result={synced} onClose={() => setSynced(null)} />}
      {outbox.error && <Alert type="error" showIcon message={outbox.error} />}
      <div className="exchange-toolbar">
        <Button icon={<FolderOpenOutlined />} disabled={selected.length === 0} onClick={() => setWriting(true)}>
          写入文件夹（U 盘）{selected.length > 0 ? `：${selected.length} 个` : ''}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => void outbox.reload()}>
          刷新
        </Button>
        <Typography.Text type="secondary">勾选要拷贝的数据包；同一对方的数据包须按序号依次导入。</Typography.Text>
      </div>
      <Table<OutboxView>
        rowKey="packageId"
        size="middle"
        loading={outbox.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: !OPEN_STATUSES.includes(r.status) }),
        }}
        locale={{ emptyText: '发件箱为空' }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64, align: 'right' },
          { title: '类型', dataIndex: 'kindLabel', width: 92, render: (v: string, r) => (r.kind === 'report' ? `${v}（${r.summary.mode === 'snapshot' ? '全量' : '增量'}）` : v) },
          { title: '发往', dataIndex: 'peerName', width: 130 },
          {
            title: '文件',
            dataIndex: 'fileName',
            render: (v: string, r) => (
              <>
                <div className="exchange-file-name">{v}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatBytes(r.sizeBytes)} · {countsText(r.summary.recordCounts as Record<string, number> | undefined)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 170,
            render: (_: unknown, r) => (
              <>
                <Tag color={OUTBOX_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                {(r.status === 'uploading' || (r.progress > 0 && r.progress < 1)) && <Progress percent={Math.round(r.progress * 100)} size="small" />}
                {r.lastError && (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                    {r.lastError}
                    {r.nextAttemptAt ? `（${formatDateTime(r.nextAttemptAt)} 重试）` : ''}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '经过',
            width: 210,
            render: (_: unknown, r) => (
              <div className="exchange-trail">
                <div>生成 {formatDateTime(r.createdAt)}</div>
                {r.exportedAt && <div>{r.exportedTo === '下载' ? '下载' : '写入'} {formatDateTime(r.exportedAt)}</div>}
                {r.uploadedAt && <div>上传 {formatDateTime(r.uploadedAt)}</div>}
                {r.ackedAt && <div>对方确认 {formatDateTime(r.ackedAt)}</div>}
                <div className="exchange-muted">有效期至 {formatDateTime(r.expiresAt)}</div>
              </div>
            ),
          },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, r) =>
              r.status === 'acknowledged' || r.status === 'superseded' ? null : (
                <Button size="small" icon={<DownloadOutlined />} loading={busy === `download-${r.packageId}`} onClick={() => void download(r)}>
                  下载
                </Button>
              ),
          },
        ]}
      />
      {writing && (
        <WriteFolderDialog
          packageIds={selected}
          onClose={() => setWriting(false)}
          onWritten={() => {
            void outbox.reload();
            onChanged();
          }}
        />
      )}
    </Space>
  );
}
