import { Table, Tag, Typography } from 'antd';
import type { HistoryView } from '../../../../electron/core/api/contract';
import { formatBytes, formatDateTime } from '../../format';
import { CheckList } from './check-list';
import { INBOX_STATUS_COLORS, SOURCE_LABELS, countsText } from './exchange-labels';

interface Props {
  rows: HistoryView[];
  loading: boolean;
  emptyText: string;
  /** The history shows each package's checks when a row is opened. */
  expandChecks?: boolean;
  pagination?: false | { current: number; pageSize: number; total: number; onChange(page: number): void };
  testId?: string;
}

/** Received packages: when, from whom, what kind and number, the status and core's sentence. */
export function ReceivedTable({ rows, loading, emptyText, expandChecks, pagination = false, testId }: Props) {
  return (
    <Table<HistoryView>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination ? { ...pagination, showSizeChanger: false, hideOnSinglePage: true } : false}
      locale={{ emptyText }}
      expandable={
        expandChecks
          ? {
              expandRowByClick: true,
              expandedRowRender: (r) => (
                <div className="exchange-expanded">
                  <CheckList checks={r.checks} stopped={r.status === 'refused' && r.checks.some((c) => !c.ok)} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    文件 SHA-256：<span className="exchange-mono">{r.fileSha256}</span>
                    {r.packageId ? (
                      <>
                        {' '}
                        · 数据包编号：<span className="exchange-mono">{r.packageId}</span>
                      </>
                    ) : null}
                  </Typography.Text>
                </div>
              ),
            }
          : undefined
      }
      columns={[
        { title: '收到时间', dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
        { title: '来自', dataIndex: 'senderName', width: 130, render: (v: string | null, r) => v ?? r.senderNodeId ?? '—' },
        { title: '类型', dataIndex: 'kindLabel', width: 84, render: (v: string | null) => v ?? '—' },
        { title: '序号', dataIndex: 'seq', width: 60, align: 'right', render: (v: number | null) => v ?? '—' },
        {
          title: '文件',
          dataIndex: 'fileName',
          render: (v: string | null, r) => (
            <>
              <div className="exchange-file-name">{v ?? '（无文件名）'}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {SOURCE_LABELS[r.source] ?? r.source} · {formatBytes(r.sizeBytes)}
                {r.counts ? ` · ${countsText(r.counts)}` : ''}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '状态与说明',
          dataIndex: 'status',
          width: 330,
          render: (_: unknown, r) => (
            <>
              <Tag color={INBOX_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
              {r.message && <div className={`exchange-message exchange-message-${r.status}`}>{r.message}</div>}
            </>
          ),
        },
      ]}
    />
  );
}
