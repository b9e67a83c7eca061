import { useState } from 'react';
import { Alert, Card, Col, Empty, InputNumber, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { VillageSelect } from '../assistance/village-select';
import { ExitBasis, ExitVerdict, ExitYearInput, IndicatorTable, useVillageExit, VillageExitResult } from './area-exit-parts';

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
  const { view: villageView, standard } = useVillageExit(village?.code ?? null, year);
  const countyView = useLoad(() => call('workflow.countyExit', { year, ...assessment }), [year, assessment]);
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
        <ExitYearInput value={year} onChange={setYear} />
        <Typography.Text type="secondary">按该年 12 月 31 日（本年度按今天）各户的状态计算。</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Card size="small" title="贫困村退出" extra={<ExitVerdict view={villageView.data} />} data-testid="village-exit">
            <div style={{ marginBottom: 12 }}>
              <VillageSelect value={village?.code ?? null} label={village?.name} onChange={(code, name) => setVillage({ code, name })} ariaLabel="退出指标的村" style={{ width: 260 }} />
            </div>
            {villageView.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={villageView.error} />}
            {villageView.data ? (
              <>
                <Typography.Paragraph strong>{villageView.data.regionName} · {year} 年度</Typography.Paragraph>
                <VillageExitResult view={villageView.data} standard={standard} />
              </>
            ) : (
              !villageView.loading && <Empty description="选择一个村查看其退出指标" />
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card size="small" title="贫困县退出" extra={<ExitVerdict view={countyView.data} />} data-testid="county-exit">
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
                <ExitBasis view={countyView.data} population="各村总人口合计" />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
