import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Input, Modal, Result, Space, Spin, Steps, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetail, IndicatorResult, StageView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { formatDateTime } from '../../format';
import { SaveError, useSave } from '../assistance/save-error';
import { OUTCOME_COLORS, OUTCOME_LABELS, STATUS_LABELS } from './labels';
import { StepForm } from './step-form';
import { NoticePanel } from './notice-panel';
import { SignoffPanel } from './signoff-panel';
import { BackTitle } from './back-title';
import { StepPhotos } from './step-photos';

const STEP_STATUS = { done: 'finish', current: 'process', pending: 'wait', failed: 'error' } as const;

function stageDescription(s: StageView): string {
  const parts: string[] = [];
  if (s.completion) parts.push(s.completion.date);
  if (s.reopened > 0) parts.push(`退回 ${s.reopened} 次`);
  if (s.authority === 'county') parts.push('县级');
  return parts.join(' · ');
}

/** The photo ids a completed step's form cites (二看), if any. */
const citedPhotos = (data: unknown): string[] => {
  const photos = (data as { photos?: unknown } | null)?.photos;
  return Array.isArray(photos) ? photos.filter((p): p is string => typeof p === 'string') : [];
};

/** The current step's form or panel, or why the caller cannot do it. */
function CurrentStep({ detail, onDone }: { detail: CaseDetail; onDone(next: CaseDetail): void }) {
  const stage = detail.stages.find((s) => s.state === 'current');
  const check = useSave();
  const [checkDate, setCheckDate] = useState(dayjs());
  if (!stage) return null;
  const allowed = stage.authority === 'county' ? detail.may.decide : detail.may.record;
  let body: React.ReactNode;
  if (!allowed) {
    body = <Alert type="info" showIcon title={stage.authority === 'county' ? `「${stage.label}」须由县扶贫办的管理员在县级工作站办理` : '您的账号只能查看，不能办理'} />;
  } else if (stage.code === 'notice') {
    body = <NoticePanel detail={detail} active onDone={onDone} />;
  } else if (stage.code === 'signoff') {
    body = <SignoffPanel detail={detail} active onDone={onDone} />;
  } else if (stage.code === 'check') {
    body = (
      <>
        <SaveError lines={check.error} />
        <Space>
          <DatePicker aria-label="核查日期" allowClear={false} value={checkDate} onChange={(d) => d && setCheckDate(d)} />
          <Button type="primary" loading={check.saving} onClick={() => void check.run(async () => onDone(await call('workflow.runCheck', { caseId: detail.id, date: checkDate.format('YYYY-MM-DD') })))}>
            运行退出指标核查
          </Button>
        </Space>
      </>
    );
  } else {
    body = <StepForm key={`${stage.code}-${stage.reopened}`} detail={detail} stage={stage.code} onDone={onDone} />;
  }
  return (
    <Card size="small" title={`办理：${stage.label}`} style={{ marginBottom: 16 }} data-testid="current-step">
      {body}
    </Card>
  );
}

function ExitCheckCard({ detail }: { detail: CaseDetail }) {
  const r = detail.exitCheck!;
  return (
    <Card size="small" title={`${detail.year}年退出指标核查`} extra={r.passed ? <Tag color="green">全部达到</Tag> : <Tag color="red">{r.failing.length} 项未达到</Tag>} style={{ marginBottom: 16 }}>
      <Table<IndicatorResult>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={r.results}
        columns={[
          { title: '指标', dataIndex: 'label' },
          { title: '结果', key: 'passed', render: (_, i) => (i.passed ? <Tag color="green">达到</Tag> : <Tag color="red">未达到</Tag>) },
          { title: '原因', key: 'reason', render: (_, i) => i.reason ?? '' },
        ]}
      />
    </Card>
  );
}

function WithdrawButton({ detail, onDone }: { detail: CaseDetail; onDone(next: CaseDetail): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { saving, error, run } = useSave();
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        撤回案件
      </Button>
      <Modal
        open={open}
        title="撤回案件"
        okText="撤回"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        onOk={() => void run(async () => (onDone(await call('workflow.withdraw', { caseId: detail.id, reason })), setOpen(false)))}
        destroyOnHidden
      >
        <SaveError lines={error} />
        <Input.TextArea aria-label="撤回原因" placeholder="撤回原因" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

/** One case: the stage bar, what blocks it, the current step, 公示 and 签字, the exit check and the log. */
export function CasePage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const loaded = useLoad(() => call('workflow.case', { id: id! }), [id]);
  const [fresh, setFresh] = useState<CaseDetail | null>(null);
  const detail = fresh && fresh.id === id ? fresh : loaded.data;
  if (loaded.error) return <Result status="warning" title={loaded.error} extra={<Link to="/identification/cases">返回案件列表</Link>} />;
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const done = (next: CaseDetail) => {
    setFresh(next);
    void message.success(next.outcome === 'passed' ? `${next.kindLabel}已办结` : '已办理');
  };
  const current = detail.stages.find((s) => s.state === 'current');

  return (
    <Card
      title={
        <BackTitle to="/identification/cases">
          <span>
            {detail.kindLabel}：{detail.headName ?? '（户主未填）'}
          </span>
          <Tag color={OUTCOME_COLORS[detail.outcome]}>{OUTCOME_LABELS[detail.outcome]}</Tag>
        </BackTitle>
      }
      extra={detail.outcome === 'open' && detail.may.record ? <WithdrawButton detail={detail} onDone={done} /> : null}
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="户主">
          <Link to={`/registry/household/${detail.householdId}`}>{detail.headName ?? '（户主未填）'}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="证件号码">{detail.headIdMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="地址">{detail.regionPath}</Descriptions.Item>
        <Descriptions.Item label="年度">{detail.year}</Descriptions.Item>
        <Descriptions.Item label="户状态">{STATUS_LABELS[detail.status.status] ?? detail.status.status}{detail.status.since ? `（${detail.status.since} 起）` : ''}</Descriptions.Item>
        <Descriptions.Item label="开案">{`${detail.openedBy} ${formatDateTime(detail.openedAt)}`}</Descriptions.Item>
        {detail.withdrawnReason && <Descriptions.Item label="撤回原因">{detail.withdrawnReason}</Descriptions.Item>}
      </Descriptions>
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        aria-label="办理步骤"
        items={detail.stages.map((s) => ({ title: s.label, status: STEP_STATUS[s.state], description: stageDescription(s) }))}
      />
      {detail.blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`「${current?.label ?? ''}」尚不能办结`}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{detail.blockers.map((b) => <li key={b}>{b}</li>)}</ul>}
        />
      )}
      {detail.outcome === 'open' && <CurrentStep key={`${current?.code}-${current?.reopened}-${detail.history.length}`} detail={detail} onDone={done} />}
      {detail.exitCheck && <ExitCheckCard detail={detail} />}
      {detail.signoff && current?.code !== 'signoff' && (
        <Card size="small" title="逐级签字（3342）" style={{ marginBottom: 16 }}>
          <SignoffPanel detail={detail} active={false} onDone={done} />
        </Card>
      )}
      {detail.notices.length > 0 && current?.code !== 'notice' && (
        <Card size="small" title="公示与异议" style={{ marginBottom: 16 }}>
          <NoticePanel detail={detail} active={false} onDone={done} />
        </Card>
      )}
      <Card size="small" title="办理记录">
        <Timeline
          items={detail.history.map((s) => ({
            color: s.action === 'reopen' ? 'orange' : s.outcome === 'fail' ? 'red' : 'green',
            content: (
              <>
                <Typography.Text strong>
                  {s.date} {s.stageLabel}
                  {s.action === 'reopen' ? '（退回重办）' : s.outcome === 'fail' ? '（未通过）' : ''}
                </Typography.Text>
                <div>{s.summary}</div>
                {s.action === 'complete' && <StepPhotos ids={citedPhotos(s.data)} />}
                <Typography.Text type="secondary">
                  {s.recordedBy} 于 {formatDateTime(s.recordedAt)} 登记
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
    </Card>
  );
}
