import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Drawer, Table, Typography } from 'antd';
import type { FindingRow, RuleCount } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { SeverityTag } from '../registry/field-input';
import { findingHref } from './finding-link';
import { shortVillageName } from '../registry/region-labels';

const PAGE = 50;

interface Props {
  regionCode: string;
  rule: RuleCount;
  /** The quality page's own address, for the household page's way back. */
  from: string;
  onClose(): void;
}

/** The findings of one rule, a page at a time; each opens its household at the field. */
export function RuleFindingsDrawer({ regionCode, rule, from, onClose }: Props) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: FindingRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setData(null);
    call('quality.findings', { regionCode, ruleCode: rule.ruleCode, offset: (page - 1) * PAGE, limit: PAGE }).then(
      (result) => !cancelled && setData(result),
      (err: unknown) => !cancelled && setError(errorText(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [regionCode, rule.ruleCode, page]);

  const open = (f: FindingRow) => navigate(findingHref(f.householdId, f), { state: { from } });

  return (
    <Drawer
      open
      size={Math.min(900, window.innerWidth - 24)}
      onClose={onClose}
      title={
        <span>
          <SeverityTag severity={rule.severity} />
          {rule.ruleCode} {rule.title}
        </span>
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        共 {data ? data.total.toLocaleString('zh-CN') : '…'} 处问题。点一行打开该户，并定位到有问题的字段。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<FindingRow>
        aria-label="问题清单"
        size="small"
        rowKey={(r) => `${r.householdId}-${r.personId ?? ''}-${r.field}-${r.message}`}
        loading={data === null && !error}
        dataSource={data?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 处` }}
        onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: '户主', dataIndex: 'headName', width: 90, render: (v: string | null) => v ?? '（未填）' },
          { title: '村', dataIndex: 'villageName', width: 120, render: (v: string) => <span title={v}>{shortVillageName(v)}</span> },
          { title: '字段', dataIndex: 'fieldLabel', width: 170 },
          { title: '问题', dataIndex: 'message' },
          {
            title: '',
            key: 'open',
            width: 64,
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => open(r)}>
                打开
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
