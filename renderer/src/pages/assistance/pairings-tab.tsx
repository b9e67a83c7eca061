import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Page, PairingView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { EndPairingDialog } from './end-pairing-dialog';
import { PairDialog } from './pair-dialog';
import { warningText } from './save-error';

const PAGE = 20;

export function PairingsTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const [page, setPage] = useState<Page<PairingView> | null>(null);
  const [offset, setOffset] = useState(0);
  const [activeOnly, setActiveOnly] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pairing, setPairing] = useState(false);
  const [ending, setEnding] = useState<PairingView | null>(null);
  const canWrite = user.role !== 'viewer';

  const load = useCallback(async (at: number, active: boolean) => {
    setError(null);
    try {
      setPage(await call('assistance.listPairings', { offset: at, limit: PAGE, activeOnly: active }));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  useEffect(() => void load(offset, activeOnly), [load, offset, activeOnly]);

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Space>
          <Switch checked={activeOnly} onChange={(v) => (setOffset(0), setActiveOnly(v))} aria-label="只看在帮的" />
          <span>只看在帮的</span>
        </Space>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPairing(true)}>
            结对帮扶
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<PairingView>
        rowKey="id"
        size="middle"
        loading={page === null && !error}
        dataSource={page?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: page?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 条`, onChange: (p) => setOffset((p - 1) * PAGE) }}
        columns={[
          { title: '村', dataIndex: 'villageName' },
          { title: '户主', key: 'head', render: (_, p) => <Link to={`/registry/household/${p.householdId}?tab=assistance`}>{p.headName ?? '（户主未填）'}</Link> },
          { title: '帮扶责任人', dataIndex: 'cadreName' },
          { title: '单位', dataIndex: 'cadreUnitName' },
          { title: '级别', dataIndex: 'cadreRankLabel' },
          { title: '联系电话', dataIndex: 'cadrePhone' },
          { title: '帮扶期间', key: 'period', render: (_, p) => `${p.fromDate} 至 ${p.toDate ?? '今'}` },
          { title: '状态', key: 'active', render: (_, p) => (p.active ? <Tag color="green">在帮</Tag> : <Tag>{p.endReason ?? '已结束'}</Tag>) },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, p) =>
              canWrite && p.active && p.toDate === null ? (
                <Button type="link" size="small" onClick={() => setEnding(p)}>
                  结束帮扶
                </Button>
              ) : null,
          },
        ]}
      />
      {pairing && (
        <PairDialog
          onClose={() => setPairing(false)}
          onSaved={(r, text) => {
            setPairing(false);
            void message.success(r.warnings.length ? `${text}。${warningText(r.warnings)}` : text);
            void load(offset, activeOnly);
          }}
        />
      )}
      {ending && (
        <EndPairingDialog
          pairing={ending}
          onClose={() => setEnding(null)}
          onSaved={(text) => {
            setEnding(null);
            void message.success(text);
            void load(offset, activeOnly);
          }}
        />
      )}
    </>
  );
}
