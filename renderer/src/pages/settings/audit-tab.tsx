import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntryView, AuditVerifyResult, Page } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { formatDateTimeSeconds } from '../../format';
import { auditActionLabel, auditActorLabel, auditEntityLabel } from '../../labels';

const PAGE_SIZE = 20;

function Detail({ label, json }: { label: string; json: string | null }) {
  if (!json) return null;
  let text = json;
  try {
    text = JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    // Not JSON: show it as stored.
  }
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <div style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 4 }}>{label}</div>
      <pre style={{ margin: 0, padding: 8, background: '#f7f9fc', border: '1px solid #e5e8ee', borderRadius: 4, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
        {text}
      </pre>
    </div>
  );
}

export function AuditTab() {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<AuditEntryView> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  const load = useCallback(async (p: number) => {
    setLoading(true);
    setError(null);
    try {
      setData(await call('audit.list', { offset: (p - 1) * PAGE_SIZE, limit: PAGE_SIZE }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(page);
  }, [load, page]);

  async function verify(): Promise<void> {
    setVerifying(true);
    setVerdict(null);
    setVerifyError(null);
    try {
      setVerdict(await call('audit.verify', {}));
    } catch (err) {
      setVerifyError(errorText(err));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12 }}>
        <Typography.Text type="secondary">每条记录都含上一条的哈希值，任何一条被改动或删除，校验都会发现。</Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load(page)}>
            刷新
          </Button>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            校验哈希链
          </Button>
        </Space>
      </div>
      {verdict?.ok && (
        <Alert type="success" showIcon role="status" style={{ marginBottom: 12 }} title={`校验通过：共 ${verdict.entries} 条记录，哈希链完整，未发现改动。`} />
      )}
      {verdict && !verdict.ok && (
        <Alert
          type="error"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={verdict.firstBad ? `校验未通过：第 ${verdict.firstBad.seq} 条记录异常` : '校验未通过'}
          description={verdict.firstBad?.message}
        />
      )}
      {verifyError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={verifyError} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<AuditEntryView>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 条`,
          onChange: setPage,
        }}
        expandable={{
          rowExpandable: (r) => r.before !== null || r.after !== null,
          expandedRowRender: (r) => (
            <div style={{ display: 'flex', gap: 12 }}>
              <Detail label="改动前" json={r.before} />
              <Detail label="改动后" json={r.after} />
            </div>
          ),
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 72 },
          { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTimeSeconds(at) },
          { title: '账号', dataIndex: 'username', width: 120, render: (u: string) => auditActorLabel(u) },
          { title: '操作', dataIndex: 'action', width: 120, render: (a: string) => auditActionLabel(a) },
          {
            title: '对象',
            key: 'entity',
            render: (_, r) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {auditEntityLabel(r.entity)}
                {r.entityId ? ` · ${r.entityId}` : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
