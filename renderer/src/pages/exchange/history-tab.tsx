import { useState } from 'react';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { InboxStatus } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { ReceivedTable } from './received-table';
import { useLoad } from '../../api/use-load';

const PAGE_SIZE = 20;
const STATUS_OPTIONS: { value: InboxStatus; label: string }[] = [
  { value: 'applied', label: '已导入' },
  { value: 'already-applied', label: '已导入过' },
  { value: 'held', label: '暂存' },
  { value: 'refused', label: '已拒收' },
  { value: 'pending-confirmation', label: '待确认' },
];

/** 历史: every package received, newest first; a row opens to its checks in the order they ran. */
export function HistoryTab() {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<InboxStatus | undefined>(undefined);
  const history = useLoad(() => call('exchange.history', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ...(status ? { status } : {}) }), [page, status]);

  return (
    <Space direction="vertical" size={14} style={{ width: '100%' }}>
      <div className="exchange-toolbar">
        <Select<InboxStatus>
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 150 }}
          value={status}
          options={STATUS_OPTIONS}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void history.reload()}>
          刷新
        </Button>
        <Typography.Text type="secondary">点击一行查看该数据包逐项校验的结果（格式、收件方、密钥、签名、有效期、文件哈希、序号、数据库版本）。</Typography.Text>
      </div>
      {history.error && <Alert type="error" showIcon message={history.error} />}
      <ReceivedTable
        testId="history-table"
        rows={history.data?.rows ?? []}
        loading={history.loading}
        emptyText="尚未收到数据包"
        expandChecks
        pagination={{ current: page, pageSize: PAGE_SIZE, total: history.data?.total ?? 0, onChange: setPage }}
      />
    </Space>
  );
}
