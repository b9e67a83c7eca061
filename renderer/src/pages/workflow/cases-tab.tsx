import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, InputNumber, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseKind, CaseOutcome, CaseRow, Page } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { formatDateTime } from '../../format';
import { shortVillageName } from '../registry/region-labels';
import { KIND_LABELS, OUTCOME_COLORS, OUTCOME_LABELS } from './labels';
import { OpenCaseDialog } from './open-case-dialog';

const PAGE = 20;

/** Cases of the caller's region, newest first, by year, kind and outcome. */
export function CasesTab() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const householdId = params.get('householdId') ?? undefined;
  const [kind, setKind] = useState<CaseKind | undefined>();
  const [outcome, setOutcome] = useState<CaseOutcome | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<CaseRow> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(params.get('open') === '1');

  const load = useCallback(async () => {
    setError(null);
    try {
      setPage(await call('workflow.cases', { offset, limit: PAGE, ...(kind ? { kind } : {}), ...(outcome ? { outcome } : {}), ...(year ? { year } : {}), ...(householdId ? { householdId } : {}) }));
    } catch (err) {
      setError(errorText(err));
    }
  }, [offset, kind, outcome, year, householdId]);
  useEffect(() => void load(), [load]);

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12, gap: 12, flexWrap: 'wrap' }}>
        <Space wrap>
          <InputNumber aria-label="年度" placeholder="年度" min={2013} max={2100} value={year} onChange={(v) => (setOffset(0), setYear(v))} style={{ width: 100 }} />
          <Select
            aria-label="流程"
            allowClear
            placeholder="全部流程"
            style={{ width: 180 }}
            value={kind}
            onChange={(v) => (setOffset(0), setKind(v))}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Select
            aria-label="办理状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 130 }}
            value={outcome}
            onChange={(v) => (setOffset(0), setOutcome(v))}
            options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
          />
          {householdId && (
            <Tag closable onClose={() => navigate('/identification/cases')}>
              只看一户
            </Tag>
          )}
        </Space>
        {user.role !== 'viewer' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            申请识别
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        loading={page === null && !error}
        dataSource={page?.rows ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的案件' }}
        pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: page?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 件`, onChange: (p) => setOffset((p - 1) * PAGE) }}
        columns={[
          { title: '户主', key: 'head', render: (_, c) => <Link to={`/identification/case/${c.id}`}>{c.headName ?? '（户主未填）'}</Link> },
          { title: '乡镇', dataIndex: 'townshipName' },
          { title: '村', key: 'village', render: (_: unknown, r: { villageName: string }) => shortVillageName(r.villageName) },
          { title: '流程', dataIndex: 'kindLabel' },
          { title: '年度', dataIndex: 'year' },
          { title: '当前步骤', key: 'stage', render: (_, c) => c.currentStageLabel ?? '—' },
          { title: '状态', key: 'outcome', render: (_, c) => <Tag color={OUTCOME_COLORS[c.outcome]}>{OUTCOME_LABELS[c.outcome]}</Tag> },
          { title: '更新时间', key: 'updated', render: (_, c) => formatDateTime(c.updatedAt) },
        ]}
      />
      {opening && (
        <OpenCaseDialog
          householdId={householdId ?? null}
          kind={params.get('kind') === 'return' ? 'return' : 'identification'}
          onClose={() => setOpening(false)}
          onOpened={(c) => navigate(`/identification/case/${c.id}`)}
        />
      )}
    </>
  );
}
