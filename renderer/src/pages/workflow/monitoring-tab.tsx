import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseDetail, MonitoringRow, Page } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { HouseholdSelect } from '../assistance/household-select';
import { SaveError, useSave } from '../assistance/save-error';
import { MONITORING_SOURCES, MONITORING_TYPES, RISK_TYPES, pairOptions } from './labels';

const PAGE = 20;
const STATE_COLORS: Record<MonitoringRow['state'], string> = { pending: 'processing', monitoring: 'orange', eliminating: 'processing', eliminated: 'green', rejected: 'default' };

/** 防返贫监测对象 of the caller's region, with the case in progress for each. */
export function MonitoringTab() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<MonitoringRow> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const [eliminating, setEliminating] = useState<MonitoringRow | null>(null);
  const canWrite = user.role !== 'viewer';
  const load = useCallback(async () => {
    try {
      setPage(await call('workflow.monitoring', { offset, limit: PAGE }));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [offset]);
  useEffect(() => void load(), [load]);
  const opened = (c: CaseDetail) => navigate(`/identification/case/${c.id}`);

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
            申报监测对象
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<MonitoringRow>
        rowKey="id"
        size="middle"
        loading={page === null && !error}
        dataSource={page?.rows ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有监测对象' }}
        pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: page?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 户`, onChange: (p) => setOffset((p - 1) * PAGE) }}
        columns={[
          { title: '户主', key: 'head', render: (_, o) => <Link to={`/registry/household/${o.householdId}`}>{o.headName ?? '（户主未填）'}</Link> },
          { title: '村', dataIndex: 'villageName' },
          { title: '类别', dataIndex: 'objectTypeLabel' },
          { title: '风险', key: 'risks', render: (_, o) => o.risks.map((r) => <Tag key={r.code}>{r.label}</Tag>) },
          { title: '发现方式', dataIndex: 'sourceLabel' },
          { title: '申报日期', dataIndex: 'reportedDate' },
          { title: '纳入日期', key: 'included', render: (_, o) => o.includedDate ?? '—' },
          { title: '风险消除', key: 'eliminated', render: (_, o) => (o.eliminatedDate ? `${o.eliminatedDate}（${o.eliminationMethodLabel}）` : '—') },
          { title: '状态', key: 'state', render: (_, o) => <Tag color={STATE_COLORS[o.state]}>{o.stateLabel}</Tag> },
          {
            title: '操作',
            key: 'actions',
            render: (_, o) =>
              o.openCaseId ? (
                <Link to={`/identification/case/${o.openCaseId}`}>办理</Link>
              ) : canWrite && o.state === 'monitoring' ? (
                <Button type="link" size="small" onClick={() => setEliminating(o)}>
                  申请风险消除
                </Button>
              ) : null,
          },
        ]}
      />
      {declaring && <DeclareDialog onClose={() => setDeclaring(false)} onOpened={opened} />}
      {eliminating && <EliminationDialog row={eliminating} onClose={() => setEliminating(null)} onOpened={opened} />}
    </>
  );
}

function DeclareDialog({ onClose, onOpened }: { onClose(): void; onOpened(c: CaseDetail): void }) {
  const [form] = Form.useForm();
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const { saving, error, run } = useSave();
  async function submit(): Promise<void> {
    const v = form.getFieldsValue(true) as { objectType: string; risks?: string[]; source: string; reportedDate: dayjs.Dayjs; note?: string };
    await run(async () =>
      onOpened(
        await call('workflow.openMonitoring', {
          householdId: householdId ?? '',
          objectType: v.objectType as never,
          risks: v.risks ?? [],
          source: v.source as never,
          reportedDate: v.reportedDate.format('YYYY-MM-DD'),
          note: v.note ?? '',
        }),
      ),
    );
  }
  return (
    <Modal open title="申报防返贫监测对象" okText="申报" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={620} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '96px' }} style={{ marginTop: 12 }} initialValues={{ objectType: 'marginal', source: 'visit', reportedDate: dayjs(), risks: [] }}>
        <Form.Item label="户" required>
          <HouseholdSelect value={householdId} onChange={(r) => setHouseholdId(r?.id ?? null)} />
        </Form.Item>
        <Form.Item name="objectType" label="对象类别">
          <Radio.Group options={pairOptions(MONITORING_TYPES)} />
        </Form.Item>
        <Form.Item name="risks" label="风险类型" extra="最多五项">
          <Select aria-label="风险类型" mode="multiple" style={{ width: 360 }} options={pairOptions(RISK_TYPES)} />
        </Form.Item>
        <Form.Item name="source" label="发现方式">
          <Select aria-label="发现方式" style={{ width: 180 }} options={pairOptions(MONITORING_SOURCES)} />
        </Form.Item>
        <Form.Item name="reportedDate" label="申报日期">
          <DatePicker aria-label="申报日期" allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label="情况说明">
          <Input.TextArea aria-label="情况说明" rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EliminationDialog({ row, onClose, onOpened }: { row: MonitoringRow; onClose(): void; onOpened(c: CaseDetail): void }) {
  const [method, setMethod] = useState<'assisted' | 'natural'>('assisted');
  const [date, setDate] = useState(dayjs());
  const { saving, error, run } = useSave();
  return (
    <Modal
      open
      title={`申请风险消除：${row.headName ?? ''}`}
      okText="申请"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void run(async () => onOpened(await call('workflow.openElimination', { monitoringId: row.id, method, date: date.format('YYYY-MM-DD') })))}
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveError lines={error} />
      <Form labelCol={{ flex: '96px' }} style={{ marginTop: 12 }}>
        <Form.Item label="消除方式">
          <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as 'assisted' | 'natural')} options={[{ value: 'assisted', label: '帮扶消除' }, { value: 'natural', label: '自然消除' }]} />
        </Form.Item>
        <Form.Item label="申请日期">
          <DatePicker aria-label="申请日期" allowClear={false} value={date} onChange={(d) => d && setDate(d)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
