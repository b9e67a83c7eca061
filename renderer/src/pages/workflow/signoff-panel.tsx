import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail, LevelProgress } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from '../assistance/save-error';

type Role = LevelProgress['roles'][number];

interface Props {
  detail: CaseDetail;
  active: boolean;
  onDone(next: CaseDetail): void;
}

/** 3342: each level's roles with who signed when; the next level opens when the one below is complete. */
export function SignoffPanel({ detail, active, onDone }: Props) {
  const [signing, setSigning] = useState<{ level: LevelProgress; role: Role } | null>(null);
  const signoff = detail.signoff!;
  const firstOpen = signoff.levels.find((l) => !l.complete)?.level ?? null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {signoff.levels.map((l) => {
        const mayHere = active && l.level === firstOpen && (l.recordedBy === 'station' ? detail.may.record : detail.may.decide);
        return (
          <Card
            key={l.level}
            data-testid={`signoff-${l.label}`}
            size="small"
            title={`${l.label}签字（${l.roles.filter((r) => r.signature).length}/${l.roles.length}）`}
            extra={l.complete ? <Tag color="green">已签齐</Tag> : l.recordedBy === 'county' ? <Tag>由县扶贫办登记</Tag> : null}
          >
            <Table<Role>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={l.roles}
              columns={[
                { title: '签字人角色', dataIndex: 'label' },
                { title: '签字人', key: 'who', render: (_, r) => r.signature?.signerName ?? '—' },
                { title: '签字日期', key: 'date', render: (_, r) => r.signature?.date ?? '—' },
                {
                  title: '操作',
                  key: 'sign',
                  render: (_, r) =>
                    !r.signature && mayHere ? (
                      <Button size="small" onClick={() => setSigning({ level: l, role: r })}>
                        登记签字
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
        );
      })}
      {signing && (
        <SignDialog
          detail={detail}
          level={signing.level}
          role={signing.role}
          onClose={() => setSigning(null)}
          onDone={(next) => {
            setSigning(null);
            onDone(next);
          }}
        />
      )}
    </Space>
  );
}

const lastDate = (d: CaseDetail): string | null =>
  d.signoff!.levels.flatMap((l) => l.roles.map((r) => r.signature?.date ?? '')).reduce<string | null>((m, x) => (x && (!m || x > m) ? x : m), null);

function SignDialog({ detail, level, role, onClose, onDone }: { detail: CaseDetail; level: LevelProgress; role: Role; onClose(): void; onDone(next: CaseDetail): void }) {
  const [form] = Form.useForm();
  const { saving, error, run } = useSave();
  const last = lastDate(detail);
  async function submit(): Promise<void> {
    const v = form.getFieldsValue(true) as { signerName?: string; date: dayjs.Dayjs };
    await run(async () => onDone(await call('workflow.sign', { caseId: detail.id, level: level.level, role: role.code, signerName: v.signerName ?? '', date: v.date.format('YYYY-MM-DD') })));
  }
  return (
    <Modal open title={`${level.label}签字：${role.label}`} okText="登记签字" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '80px' }} style={{ marginTop: 12 }} initialValues={{ date: last ? dayjs(last) : dayjs() }}>
        <Form.Item name="signerName" label="签字人">
          <Input aria-label="签字人" style={{ width: 200 }} maxLength={40} />
        </Form.Item>
        <Form.Item name="date" label="签字日期">
          <DatePicker aria-label="签字日期" allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
