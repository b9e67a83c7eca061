import { Alert, Button, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ChildStatusView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { useLoad } from '../../api/use-load';

const KEY_STATUS: Record<ChildStatusView['keyStatus'], { label: string; color: string }> = {
  active: { label: '已确认', color: 'green' },
  pending: { label: '待核对', color: 'gold' },
  none: { label: '未登记', color: 'default' },
};

/** 下级状态: each child's last applied package, its sequence, how many days behind, and what is wrong. */
export function ChildrenStatusTab() {
  const status = useLoad(() => call('exchange.childrenStatus', {}));
  return (
    <div>
      <div className="exchange-toolbar">
        <Button icon={<ReloadOutlined />} onClick={() => void status.reload()}>
          刷新
        </Button>
        <Typography.Text type="secondary">滞后天数：距最近一次导入该下级数据包的天数。</Typography.Text>
      </div>
      {status.error && <Alert type="error" showIcon message={status.error} />}
      <Table<ChildStatusView>
        data-testid="children-status"
        rowKey="nodeId"
        size="middle"
        loading={status.loading}
        dataSource={status.data ?? []}
        pagination={false}
        locale={{ emptyText: '尚无下级节点' }}
        columns={[
          {
            title: '下级节点',
            dataIndex: 'name',
            render: (v: string, r) => (
              <>
                <div>{v}</div>
                <Typography.Text type="secondary" className="exchange-mono" style={{ fontSize: 12 }}>
                  {r.nodeId}
                </Typography.Text>
              </>
            ),
          },
          { title: '密钥', dataIndex: 'keyStatus', width: 90, render: (v: ChildStatusView['keyStatus']) => <Tag color={KEY_STATUS[v].color}>{KEY_STATUS[v].label}</Tag> },
          {
            title: '最近导入的数据包',
            render: (_: unknown, r) =>
              r.lastApplied ? (
                <>
                  <div>
                    {r.lastApplied.kind === 'report' ? '上报' : r.lastApplied.kind} 第 {r.lastApplied.seq} 号
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    生成 {formatDateTime(r.lastApplied.createdAt)} · 导入 {formatDateTime(r.lastApplied.appliedAt)}
                  </Typography.Text>
                </>
              ) : (
                '—'
              ),
          },
          { title: '已收序号', dataIndex: 'inSeq', width: 90, align: 'right' },
          { title: '滞后（天）', dataIndex: 'lagDays', width: 96, align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
          {
            title: '问题',
            width: 340,
            render: (_: unknown, r) =>
              r.problems.length === 0 ? (
                <Typography.Text type="success">无</Typography.Text>
              ) : (
                <ul className="exchange-problems">
                  {r.problems.map((p, i) => (
                    <li key={i}>
                      <Tag color={p.kind === 'refused' || p.kind === 'overdue' ? 'red' : 'orange'}>{PROBLEM_LABELS[p.kind]}</Tag>
                      {p.message}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </div>
  );
}

const PROBLEM_LABELS: Record<ChildStatusView['problems'][number]['kind'], string> = {
  refused: '拒收',
  held: '暂存',
  'key-pending': '密钥待核对',
  overdue: '逾期未报',
  'open-tasks': '核查未办结',
  'never-reported': '从未上报',
};
