import { InputNumber, Table, Tag, Typography } from 'antd';
import type { AreaExitView, AreaIndicatorResult } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';

// The pieces of an area's exit indicators (贫困村/贫困县退出) shared by the 识别退出 tab and the
// 村信息 page, so that both show one village's indicators with the same standard, verdict and figures.

const verdict = (passed: boolean | null) =>
  passed === null ? <Tag color="gold">待评估</Tag> : passed ? <Tag color="success">达到</Tag> : <Tag color="error">未达到</Tag>;

/** One area's indicators: each veto indicator with its value and, when it fails, why. */
export function IndicatorTable({ view, standard }: { view: AreaExitView; standard?: (r: AreaIndicatorResult) => string }) {
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

export function ExitVerdict({ view }: { view: AreaExitView | null }) {
  return view ? (
    <Tag color={view.passed ? 'success' : 'error'} style={{ fontSize: 14, padding: '2px 10px' }}>
      {view.passed ? '达到退出标准' : '未达到退出标准'}
    </Tag>
  ) : null;
}

/**
 * The counts the poverty incidence is computed from, so a rate can be checked by hand. A line of
 * text rather than a Descriptions table: the indicator table stays the card's only table.
 */
export function ExitBasis({ view, population }: { view: AreaExitView; population: string }) {
  const b = view.basis;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="exit-basis">
      按 {b.date} 各户的状态：未脱贫 <Typography.Text strong>{b.poorHouseholds}</Typography.Text> 户{' '}
      <Typography.Text strong>{b.poorPersons}</Typography.Text> 人；{population}{' '}
      {b.population === null ? '未填写' : <><Typography.Text strong>{b.population}</Typography.Text> 人</>}。
    </Typography.Paragraph>
  );
}

/** 指标年度: the year whose end the households' statuses are taken at. */
export function ExitYearInput({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  return <InputNumber aria-label="指标年度" min={2014} max={2100} precision={0} value={value} onChange={(v) => v && onChange(v)} style={{ width: 100 }} />;
}

/** A village's exit indicators for a year, with the year's incidence threshold for the 标准 column. */
export function useVillageExit(regionCode: string | null, year: number, reloadKey?: unknown) {
  const params = useLoad(() => call('workflow.params', { year }), [year]);
  const view = useLoad(async () => (regionCode ? call('workflow.villageExit', { regionCode, year }) : null), [regionCode, year, reloadKey]);
  const t = params.data?.params.incidenceThresholdPercent;
  const standard = (r: AreaIndicatorResult) => (r.code === 'incidence' && t !== undefined ? `低于 ${t}%` : '须达到（否决项）');
  return { view, standard };
}

/** One village's indicators with the counts behind its incidence. */
export function VillageExitResult({ view, standard }: { view: AreaExitView; standard: (r: AreaIndicatorResult) => string }) {
  return (
    <>
      <IndicatorTable view={view} standard={standard} />
      <ExitBasis view={view} population="村总人口（采集表）" />
    </>
  );
}
