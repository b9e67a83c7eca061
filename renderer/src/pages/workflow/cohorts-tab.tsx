import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import type { CohortRow } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSignedIn } from '../../app/session';
import { SaveError, useSave } from '../assistance/save-error';

/** 年度退出计划: one per year for the county, shared with its townships. */
export function CohortsTab() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const list = useLoad(() => call('workflow.cohorts', {}), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        {user.role === 'admin' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            建立年度退出计划
          </Button>
        )}
      </div>
      {list.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error} />}
      <Table<CohortRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有年度退出计划' }}
        columns={[
          { title: '年度', dataIndex: 'year' },
          { title: '名称', key: 'name', render: (_, c) => <Link to={`/identification/cohort/${c.id}`}>{c.name}</Link> },
          { title: '列入户数', dataIndex: 'households' },
          { title: '已通过指标核查', dataIndex: 'passedCheck' },
          { title: '已销号', dataIndex: 'deregistered' },
        ]}
      />
      {creating && <CreateCohortDialog onClose={() => setCreating(false)} onCreated={(c) => navigate(`/identification/cohort/${c.id}`)} />}
    </>
  );
}

function CreateCohortDialog({ onClose, onCreated }: { onClose(): void; onCreated(c: CohortRow): void }) {
  const [form] = Form.useForm();
  const { saving, error, run } = useSave();
  async function submit(): Promise<void> {
    const v = form.getFieldsValue(true) as { year: number; name?: string };
    await run(async () => onCreated(await call('workflow.createCohort', { year: v.year, name: v.name ?? '' })));
  }
  return (
    <Modal open title="建立年度退出计划" okText="建立" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '64px' }} style={{ marginTop: 12 }} initialValues={{ year: dayjs().year() }}>
        <Form.Item name="year" label="年度">
          <InputNumber aria-label="退出年度" min={2013} max={2100} />
        </Form.Item>
        <Form.Item name="name" label="名称">
          <Input aria-label="计划名称" placeholder="默认：某年度贫困户退出计划" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
