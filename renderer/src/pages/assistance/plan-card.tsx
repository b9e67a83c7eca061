import { useEffect, useState } from 'react';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { HouseholdAssistance, PlanIndicator } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave, warningText } from './save-error';

type Draft = HouseholdAssistance['draftPlan'];

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

function ValueInput({ row, value, onChange, label, readOnly }: { row: PlanIndicator; value: PlanIndicator['plan']; onChange(v: PlanIndicator['plan']): void; label: string; readOnly: boolean }) {
  if (row.kind === 'amount') {
    return <InputNumber aria-label={label} size="small" min={0} value={typeof value === 'number' ? value : null} onChange={(v) => onChange(v)} disabled={readOnly} style={{ width: 120 }} />;
  }
  return (
    <Select
      aria-label={label}
      size="small"
      allowClear
      style={{ width: 80 }}
      disabled={readOnly}
      value={value === null ? undefined : String(value)}
      options={YES_NO}
      onChange={(v?: string) => onChange(v === undefined ? null : v === 'true')}
    />
  );
}

/** 脱贫计划 of the data year: indicator rows with 现状, 计划, 完成, the planned exit year. */
export function PlanCard({ data, readOnly, onSaved }: { data: HouseholdAssistance; readOnly: boolean; onSaved(): void }) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(data.draftPlan);
  const { saving, error, setError, run } = useSave();
  useEffect(() => setDraft(data.draftPlan), [data.draftPlan]);
  const saved = data.plans.find((p) => p.year === draft.year);
  const edit = (i: number, side: 'baseline' | 'plan' | 'actual', v: PlanIndicator['plan']) => setDraft({ ...draft, indicators: draft.indicators.map((r, j) => (j === i ? { ...r, [side]: v } : r)) });

  async function save(): Promise<void> {
    await run(async () => {
      const r = await call('assistance.savePlan', { householdId: data.householdId, ...draft });
      void message.success(r.warnings.length ? `脱贫计划已保存。请注意：${warningText(r.warnings)}` : '脱贫计划已保存');
      onSaved();
    });
  }

  return (
    <Card
      size="small"
      title={
        <Space>
          <span>脱贫计划（{draft.year} 年）</span>
          {saved ? <Tag color="green">已保存</Tag> : <Tag color="orange">未保存：现状取自户信息</Tag>}
        </Space>
      }
      extra={
        !readOnly && (
          <Button size="small" type="primary" loading={saving} onClick={() => void save()}>
            保存脱贫计划
          </Button>
        )
      }
    >
      <SaveError lines={error} />
      <Space wrap style={{ marginBottom: 8 }}>
        <span>计划脱贫年度</span>
        <InputNumber aria-label="计划脱贫年度" min={2014} max={2100} value={draft.plannedExitYear} onChange={(v) => setDraft({ ...draft, plannedExitYear: v })} disabled={readOnly} />
        <span>帮扶时限</span>
        <Input aria-label="帮扶时限" value={draft.period ?? ''} onChange={(e) => setDraft({ ...draft, period: e.target.value || null })} style={{ width: 140 }} placeholder="例如 2016—2019" disabled={readOnly} />
        <span>发展目标</span>
        <Input aria-label="发展目标" value={draft.goal ?? ''} onChange={(e) => setDraft({ ...draft, goal: e.target.value || null })} style={{ width: 360 }} disabled={readOnly} />
      </Space>
      <Table<PlanIndicator>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={draft.indicators}
        columns={[
          { title: '指标', dataIndex: 'label' },
          ...(['baseline', 'plan', 'actual'] as const).map((side) => ({
            title: side === 'baseline' ? '现状' : side === 'plan' ? '计划' : '完成',
            key: side,
            render: (_: unknown, row: PlanIndicator, i: number) => <ValueInput row={row} value={row[side]} label={`${row.label}${side === 'baseline' ? '现状' : side === 'plan' ? '计划' : '完成'}`} readOnly={readOnly} onChange={(v) => edit(i, side, v)} />,
          })),
        ]}
      />
    </Card>
  );
}
