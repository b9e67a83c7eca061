import { useState } from 'react';
import { Alert, Card, Col, Empty, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AreaExitView, AreaIndicatorResult } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { VillageSelect } from '../assistance/village-select';

const verdict = (passed: boolean | null) =>
  passed === null ? <Tag color="gold">待评估</Tag> : passed ? <Tag color="success">达到</Tag> : <Tag color="error">未达到</Tag>;

/** One area's indicators: each veto indicator with its value and, when it fails, why. */
function IndicatorTable({ view, standard }: { view: AreaExitView; standard?: (r: AreaIndicatorResult) => string }) {
  return (
    <Table<AreaIndicatorResult>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={view.results}
      columns={[
        { title: '指标', dataIndex: 'label' },
        ...(standard ? [{ title: '标准', key: 'standard', render: (_: unknown, r: AreaIndicatorResult) => standard(r) }] : []),
        { title: '实际', key: 'value', render: (_, r) => r.value ?? '—' },
        { title: '结果', key: 'passed', render: (_, r) => verdict(r.passed) },
        { title: '说明', key: 'reason', render: (_, r) => r.reason ?? '' },
      ]}
    />
  );
}

const overall = (view: AreaExitView | null) =>
  view ? (
    <Tag color={view.passed ? 'success' : 'error'} style={{ fontSize: 14, padding: '2px 10px' }}>
      {view.passed ? '达到退出标准' : '未达到退出标准'}
    </Tag>
  ) : null;

/**
 * 村/县退出: whether a poor village and the county meet the year's exit indicators — the poverty
 * incidence under the year's threshold (3 % in the west) and every veto indicator — computed
 * from the households' statuses at the year's end and the village forms.
 */
export function ExitIndicatorsTab() {
  const [year, setYear] = useState(Math.min(dayjs().year(), 2020));
  const [village, setVillage] = useState<{ code: string; name: string } | null>(null);
  const [assessment, setAssessment] = useState<{ wrongExitPercent: number | null; missedPercent: number | null; satisfactionPercent: number | null }>({
    wrongExitPercent: null,
    missedPercent: null,
    satisfactionPercent: null,
  });
  const params = useLoad(() => call('workflow.params', { year }), [year]);
  const villageView = useLoad(async () => (village ? call('workflow.villageExit', { regionCode: village.code, year }) : null), [village?.code, year]);
  const countyView = useLoad(() => call('workflow.countyExit', { year, ...assessment }), [year, assessment]);
  const t = params.data?.params.incidenceThresholdPercent;
  const villageStandard = (r: AreaIndicatorResult) => (r.code === 'incidence' && t !== undefined ? `低于 ${t}%` : '须达到（否决项）');
  const figure = (key: keyof typeof assessment, label: string) => (
    <InputNumber<number>
      aria-label={label}
      placeholder={label}
      min={0}
      max={100}
      suffix="%"
      style={{ width: 150 }}
      value={assessment[key]}
      onChange={(v) => setAssessment((a) => ({ ...a, [key]: v ?? null }))}
    />
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber aria-label="指标年度" min={2014} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
        <Typography.Text type="secondary">按该年 12 月 31 日（本年度按今天）各户的状态计算。</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Card size="small" title="贫困村退出" extra={overall(villageView.data)} data-testid="village-exit">
            <div style={{ marginBottom: 12 }}>
              <VillageSelect value={village?.code ?? null} label={village?.name} onChange={(code, name) => setVillage({ code, name })} ariaLabel="退出指标的村" style={{ width: 260 }} />
            </div>
            {villageView.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={villageView.error} />}
            {villageView.data ? (
              <>
                <Typography.Paragraph strong>{villageView.data.regionName} · {year} 年度</Typography.Paragraph>
                <IndicatorTable view={villageView.data} standard={villageStandard} />
              </>
            ) : (
              !villageView.loading && <Empty description="选择一个村查看其退出指标" />
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card size="small" title="贫困县退出" extra={overall(countyView.data)} data-testid="county-exit">
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">第三方评估：</Typography.Text>
              {figure('wrongExitPercent', '错退率')}
              {figure('missedPercent', '漏评率')}
              {figure('satisfactionPercent', '群众认可度')}
            </Space>
            {countyView.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={countyView.error} />}
            {countyView.data && (
              <>
                <Typography.Paragraph strong>{countyView.data.regionName} · {year} 年度</Typography.Paragraph>
                <IndicatorTable view={countyView.data} />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
