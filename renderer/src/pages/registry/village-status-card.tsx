import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { Alert, Card, Col, DatePicker, Row, Space, Spin, Statistic, Typography } from 'antd';
import type { VillageStatusSummary } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';

type Count = VillageStatusSummary['total'];

function Figure({ id, title, count, note }: { id: string; title: string; count: Count; note?: string }) {
  return (
    <Col xs={12} md={6}>
      <div data-testid={`village-status-${id}`}>
        <Statistic title={title} value={count.households} suffix="户" />
        <Typography.Text type="secondary">
          {count.persons} 人{note ? `；${note}` : ''}
        </Typography.Text>
      </div>
    </Col>
  );
}

/**
 * 户状态 of the village on a date (today until one is picked), as core counts them from the
 * households' events: the same figures as the 统计表 of that date. The first load asks for "today"
 * without a date, so the station's calendar day is used, not the browser's.
 */
export function VillageStatusCard({ code }: { code: string }) {
  const [date, setDate] = useState<string | undefined>(undefined);
  const [view, setView] = useState<VillageStatusSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The station's today, from the first answer: later days are refused by core, so not offered.
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    call('registry.villageStatus', { regionCode: code, ...(date ? { date } : {}) }).then(
      (v) => {
        if (!live) return;
        setView(v);
        if (!date) setToday(v.date);
      },
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [code, date]);

  const m = view?.monitoringByType;
  const others = view ? [view.byStatus.applicant.households ? `申请识别中 ${view.byStatus.applicant.households} 户` : '', view.byStatus.removed.households ? `已减少（清退） ${view.byStatus.removed.households} 户` : ''].filter(Boolean) : [];
  return (
    <Card
      title="户状态"
      data-testid="village-status"
      extra={
        <Space>
          <span>统计日期</span>
          <DatePicker
            aria-label="统计日期"
            allowClear={false}
            value={view ? dayjs(date ?? view.date) : null}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            disabledDate={(d) => d.isAfter(dayjs(today ?? undefined), 'day')}
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="未能统计户状态" description={error} />}
      {!view ? (
        !error && <Spin />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Figure id="poor" title="贫困户（未脱贫）" count={view.byStatus.poor} note={`其中返贫 ${view.returned.households} 户`} />
            <Figure id="exited" title="已脱贫" count={view.byStatus.exited} />
            <Figure
              id="monitoring"
              title="监测对象"
              count={view.monitoring}
              note={m ? `脱贫不稳定户 ${m.unstable.households}、边缘易致贫户 ${m.marginal.households}、突发严重困难户 ${m.sudden.households}` : undefined}
            />
            <Figure id="none" title="一般农户" count={view.byStatus.none} />
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="village-status-basis">
            按 {view.date} 各户的动态事件推算，本库登记 {view.total.households} 户{others.length ? `（另有${others.join('、')}）` : ''}。监测对象与贫困户、已脱贫、一般农户重叠计数。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
