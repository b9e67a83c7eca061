import { useState } from 'react';
import { Alert, Input, Modal, Radio, Table, Tag, Button, Typography } from 'antd';
import type { ReviewTaskView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { formatDateTime } from '../../format';
import { useLoad } from '../../api/use-load';

const STATUS_COLORS: Record<ReviewTaskView['status'], string> = { open: 'orange', forwarded: 'blue', done: 'green', dismissed: 'default' };

/** 核查任务: those received from the parent (to resolve, or forwarded down) and those sent to children. */
export function ReviewTasksTab() {
  const tasks = useLoad(() => call('exchange.reviewTasks', {}));
  const [resolving, setResolving] = useState<ReviewTaskView | null>(null);
  return (
    <div>
      {tasks.error && <Alert type="error" showIcon message={tasks.error} />}
      <Table<ReviewTaskView>
        data-testid="review-tasks"
        rowKey={(r) => `${r.direction}-${r.id}`}
        size="middle"
        loading={tasks.loading}
        dataSource={tasks.data ?? []}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: '没有核查任务' }}
        columns={[
          { title: '方向', dataIndex: 'direction', width: 70, render: (v: ReviewTaskView['direction']) => (v === 'sent' ? '下发' : '收到') },
          { title: '对方', dataIndex: 'peerName', width: 120 },
          { title: '类型', dataIndex: 'kindLabel', width: 110 },
          {
            title: '内容',
            render: (_: unknown, r) => (
              <>
                <div>{r.title}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  区划 {r.regionCode}
                  {typeof r.detail.idMasked === 'string' ? ` · 证件号码 ${r.detail.idMasked}` : ''} · {formatDateTime(r.createdAt)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '状态',
            width: 220,
            render: (_: unknown, r) => (
              <>
                <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                {r.resolution && <div style={{ fontSize: 12 }}>{r.resolution}</div>}
                {r.resolvedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r.resolvedBy ?? ''} ${formatDateTime(r.resolvedAt)}`}</Typography.Text>}
              </>
            ),
          },
          {
            title: '操作',
            width: 80,
            render: (_: unknown, r) =>
              r.direction === 'received' && r.status === 'open' ? (
                <Button size="small" onClick={() => setResolving(r)}>
                  办结
                </Button>
              ) : null,
          },
        ]}
      />
      {resolving && <ResolveDialog task={resolving} onClose={() => setResolving(null)} onResolved={() => void tasks.reload()} />}
    </div>
  );
}

function ResolveDialog({ task, onClose, onResolved }: { task: ReviewTaskView; onClose(): void; onResolved(): void }) {
  const [status, setStatus] = useState<'done' | 'dismissed'>('done');
  const [resolution, setResolution] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(): Promise<void> {
    setSaving(true);
    try {
      await call('exchange.resolveReviewTask', { id: task.id, status, resolution: resolution.trim() || null });
      onResolved();
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title="办结核查任务" okText="办结" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph>{task.title}</Typography.Paragraph>
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as 'done' | 'dismissed')} style={{ marginBottom: 12 }}>
        <Radio value="done">已核查处理</Radio>
        <Radio value="dismissed">核查无误，无需处理</Radio>
      </Radio.Group>
      <Input.TextArea aria-label="核查情况" rows={3} placeholder="核查情况（随下次上报返回上级）" value={resolution} onChange={(e) => setResolution(e.target.value)} />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
    </Modal>
  );
}
