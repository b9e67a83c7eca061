import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Result, Space, Spin, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import type { CohortHouseholdRow } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSignedIn } from '../../app/session';
import { HouseholdSelect } from '../assistance/household-select';
import { SaveError, useSave } from '../assistance/save-error';
import { shortVillageName } from '../registry/region-labels';
import { BackTitle } from './back-title';
import { OUTCOME_COLORS, OUTCOME_LABELS } from './labels';

/** One cohort: every household's exit check per indicator, naming the failing ones, and its progress. */
export function CohortPage() {
  const { id } = useParams();
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const loaded = useLoad(() => call('workflow.cohort', { id: id! }), [id]);
  const add = useSave();
  const [date, setDate] = useState(dayjs());
  const [picked, setPicked] = useState<string | null>(null);
  const c = loaded.data;
  if (loaded.error && !c) return <Result status="warning" title={loaded.error} extra={<Link to="/identification/cohorts">返回</Link>} />;
  if (!c) return <Spin style={{ display: 'block', margin: 48 }} />;

  const addHouseholds = (input: { householdIds: string[]; plannedInRegion: string | null }) =>
    add.run(async () => {
      const r = await call('workflow.addToCohort', { cohortId: c.id, date: date.format('YYYY-MM-DD'), ...input });
      void message.success(`已列入 ${r.added} 户${r.skipped.length ? `，${r.skipped.length} 户未列入：${r.skipped.slice(0, 3).map((s) => s.reason).join('；')}` : ''}`);
      setPicked(null);
      await loaded.reload();
    });

  const failingOf = (row: CohortHouseholdRow, code: string) => row.check.failing.find((f) => f.code === code);
  return (
    <Card
      title={
<BackTitle to="/identification/cohorts">{c.name}</BackTitle>
      }
    >
      <p>
        列入 {c.households} 户，已通过指标核查 {c.passedCheck} 户，已销号 {c.deregistered} 户；范围内计划 {c.year} 年脱贫、尚未列入的未脱贫户 {c.candidates} 户。
      </p>
      {user.role !== 'viewer' && (
        <>
          <SaveError lines={add.error} />
          <Space wrap style={{ marginBottom: 12 }}>
            <DatePicker aria-label="列入日期" allowClear={false} value={date} onChange={(d) => d && setDate(d)} />
            <Button disabled={c.candidates === 0} loading={add.saving} onClick={() => void addHouseholds({ householdIds: [], plannedInRegion: user.scopeCode })}>
              按计划脱贫年度列入（{c.candidates} 户）
            </Button>
            <HouseholdSelect value={picked} onChange={(r) => setPicked(r?.id ?? null)} />
            <Button disabled={!picked} loading={add.saving} onClick={() => void addHouseholds({ householdIds: [picked!], plannedInRegion: null })}>
              列入所选户
            </Button>
          </Space>
        </>
      )}
      {loaded.error && <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 12 }} />}
      <Table<CohortHouseholdRow>
        rowKey="caseId"
        size="small"
        dataSource={c.rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 户` }}
        locale={{ emptyText: '还没有列入的户' }}
        columns={[
          { title: '户主', key: 'head', fixed: 'left', render: (_, r) => <Link to={`/identification/case/${r.caseId}`}>{r.headName ?? '（户主未填）'}</Link> },
          { title: '乡镇', dataIndex: 'townshipName' },
          { title: '村', key: 'village', render: (_: unknown, r: { villageName: string }) => shortVillageName(r.villageName) },
          { title: '人口', dataIndex: 'memberCount' },
          ...c.indicators.map((i) => ({
            title: i.label,
            key: i.code,
            render: (_: unknown, r: CohortHouseholdRow) => {
              const f = failingOf(r, i.code);
              return f ? (
                <Tooltip title={f.reason}>
                  <Tag color="red" icon={<CloseOutlined />}>
                    {f.reason}
                  </Tag>
                </Tooltip>
              ) : (
                <CheckOutlined style={{ color: '#389e0d' }} aria-label="达到" />
              );
            },
          })),
          { title: '当前步骤', key: 'stage', render: (_, r) => r.currentStageLabel ?? '—' },
          { title: '状态', key: 'outcome', render: (_, r) => <Tag color={OUTCOME_COLORS[r.outcome]}>{OUTCOME_LABELS[r.outcome]}</Tag> },
        ]}
      />
    </Card>
  );
}
