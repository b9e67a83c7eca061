import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail, NoticeView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from '../assistance/save-error';
import { NOTICE_LEVELS, OBJECTION_CHANNELS, pairOptions } from './labels';

const day = (d: dayjs.Dayjs | undefined): string => (d ? d.format('YYYY-MM-DD') : '');

interface Props {
  detail: CaseDetail;
  /** The 公示 is the current step: posting, objections and closing are offered. */
  active: boolean;
  onDone(next: CaseDetail): void;
}

/** 公示: the posted lists of every round with their objections; posting, objecting and closing. */
export function NoticePanel({ detail, active, onDone }: Props) {
  const [form] = Form.useForm();
  const post = useSave();
  const close = useSave();
  const [closeDate, setCloseDate] = useState(dayjs());
  const [objecting, setObjecting] = useState<NoticeView | null>(null);
  const current = detail.notices.filter((n) => n.round === detail.noticeRound);

  async function postNotice(): Promise<void> {
    const v = form.getFieldsValue(true) as { level: string; startDate?: dayjs.Dayjs; endDate?: dayjs.Dayjs; place?: string };
    await post.run(async () => {
      onDone(await call('workflow.addNotice', { caseId: detail.id, level: v.level as never, startDate: day(v.startDate), endDate: day(v.endDate), place: v.place ?? '' }));
    });
  }

  return (
    <>
      {detail.notices.length > 0 && (
        <Table<NoticeView>
          rowKey="id"
          size="small"
          pagination={false}
          style={{ marginBottom: 12 }}
          dataSource={detail.notices}
          expandable={{
            defaultExpandAllRows: true,
            rowExpandable: (n) => n.objections.length > 0,
            expandedRowRender: (n) => (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {n.objections.map((o) => (
                  <li key={o.id}>
                    {o.receivedDate} {o.channelLabel} {o.complainantMasked}：{o.content}（涉及「{o.concernsStageLabel}」）
                    {o.resolution ? <Tag color={o.resolution.upheld ? 'red' : 'green'} style={{ marginInlineStart: 8 }}>{o.resolution.upheld ? '异议属实' : '异议不属实'}：{o.resolution.note}</Tag> : <Tag color="orange" style={{ marginInlineStart: 8 }}>核实中</Tag>}
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: '轮次', key: 'round', render: (_, n) => `第 ${n.round + 1} 轮` },
            { title: '级别', dataIndex: 'levelLabel' },
            { title: '公示期', key: 'period', render: (_, n) => `${n.startDate} 至 ${n.endDate}` },
            { title: '地点', dataIndex: 'place' },
            { title: '状态', key: 'state', render: (_, n) => (n.round === detail.noticeRound ? (n.objections.length ? <Tag color="orange">有异议</Tag> : <Tag color="blue">本轮</Tag>) : <Tag>已作废</Tag>) },
            {
              title: '操作',
              key: 'actions',
              render: (_, n) =>
                active && n.current ? (
                  <Button size="small" onClick={() => setObjecting(n)}>
                    登记异议
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {active && (
        <>
          <Typography.Paragraph type="secondary">
            公示期不少于{detail.noticePeriod.label}。公示期间的异议退回所涉步骤重新核实，核实后重新公示。
          </Typography.Paragraph>
          <SaveError lines={post.error} />
          <Form form={form} layout="inline" initialValues={{ level: 'village', startDate: dayjs() }} style={{ rowGap: 8, marginBottom: 12 }}>
            <Form.Item name="level" label="公示级别">
              <Select aria-label="公示级别" style={{ width: 170 }} options={pairOptions(NOTICE_LEVELS)} />
            </Form.Item>
            <Form.Item name="startDate" label="开始">
              <DatePicker aria-label="公示开始日期" allowClear={false} />
            </Form.Item>
            <Form.Item name="endDate" label="结束">
              <DatePicker aria-label="公示结束日期" />
            </Form.Item>
            <Form.Item name="place" label="地点">
              <Input aria-label="公示地点" style={{ width: 180 }} />
            </Form.Item>
            <Button loading={post.saving} onClick={() => void postNotice()}>
              张贴公示
            </Button>
          </Form>
          {current.length > 0 && (
            <>
              <SaveError lines={close.error} />
              <Space>
                <DatePicker aria-label="公示办结日期" allowClear={false} value={closeDate} onChange={(d) => d && setCloseDate(d)} />
                <Button
                  type="primary"
                  loading={close.saving}
                  onClick={() => void close.run(async () => onDone(await call('workflow.completeStep', { caseId: detail.id, stage: 'notice', date: day(closeDate), data: {} })))}
                >
                  公示期满，办结公示
                </Button>
              </Space>
            </>
          )}
        </>
      )}
      {objecting && (
        <ObjectionDialog
          detail={detail}
          notice={objecting}
          onClose={() => setObjecting(null)}
          onDone={(next) => {
            setObjecting(null);
            onDone(next);
          }}
        />
      )}
    </>
  );
}

function ObjectionDialog({ detail, notice, onClose, onDone }: { detail: CaseDetail; notice: NoticeView; onClose(): void; onDone(next: CaseDetail): void }) {
  const [form] = Form.useForm();
  const { saving, error, run } = useSave();
  async function submit(): Promise<void> {
    const v = form.getFieldsValue(true) as { receivedDate?: dayjs.Dayjs; channel: string; complainant?: string; content?: string; concernsStage?: string };
    await run(async () => {
      onDone(
        await call('workflow.addObjection', {
          caseId: detail.id,
          noticeId: notice.id,
          receivedDate: day(v.receivedDate),
          channel: v.channel as never,
          complainant: v.complainant ?? '',
          content: v.content ?? '',
          concernsStage: v.concernsStage ?? '',
        }),
      );
    });
  }
  return (
    <Modal open title={`登记异议：${notice.levelLabel}（${notice.startDate} 至 ${notice.endDate}）`} okText="登记并退回重新核实" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={600} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '96px' }} style={{ marginTop: 12 }} initialValues={{ receivedDate: dayjs(notice.startDate), channel: 'visit', concernsStage: detail.objectionStages[0]?.code }}>
        <Form.Item name="receivedDate" label="收到日期">
          <DatePicker aria-label="收到日期" allowClear={false} />
        </Form.Item>
        <Form.Item name="channel" label="反映方式">
          <Select aria-label="反映方式" style={{ width: 140 }} options={pairOptions(OBJECTION_CHANNELS)} />
        </Form.Item>
        <Form.Item name="complainant" label="反映人" extra="异议须实名；页面上只显示姓氏">
          <Input aria-label="反映人" style={{ width: 200 }} maxLength={40} />
        </Form.Item>
        <Form.Item name="content" label="异议内容">
          <Input.TextArea aria-label="异议内容" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="concernsStage" label="所涉步骤">
          <Select aria-label="所涉步骤" style={{ width: 260 }} options={detail.objectionStages.map((s) => ({ value: s.code, label: s.label }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
