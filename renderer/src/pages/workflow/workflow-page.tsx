import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { CasesTab } from './cases-tab';
import { CohortsTab } from './cohorts-tab';
import { MonitoringTab } from './monitoring-tab';
import { CasePage } from './case-page';
import { CohortPage } from './cohort-page';
import { YearCloseTab } from './year-close-tab';
import { ExitIndicatorsTab } from './exit-indicators-tab';
import { ParamsTab } from './params-tab';

const TABS: { key: string; label: string; render(): ReactNode }[] = [
  { key: 'cases', label: '流程案件', render: () => <CasesTab /> },
  { key: 'cohorts', label: '年度退出计划', render: () => <CohortsTab /> },
  { key: 'monitoring', label: '防返贫监测', render: () => <MonitoringTab /> },
  { key: 'exit-indicators', label: '村/县退出指标', render: () => <ExitIndicatorsTab /> },
  { key: 'year-close', label: '年度结转', render: () => <YearCloseTab /> },
  { key: 'params', label: '年度参数', render: () => <ParamsTab /> },
];

function WorkflowTabs() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.key === tab);
  if (!current) return <Navigate to={`/identification/${TABS[0]!.key}`} replace />;
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={current.key}
        onChange={(key) => navigate(`/identification/${key}`)}
        destroyOnHidden
        items={TABS.map((t) => ({ key: t.key, label: t.label, children: t.key === current.key ? t.render() : null }))}
      />
    </Card>
  );
}

/** 识别退出: the cases (识别, 返贫, 退出, 监测), the yearly exit cohorts, the monitoring objects, village and county exit, year close. */
export function WorkflowPage() {
  return (
    <Routes>
      <Route path="case/:id" element={<CasePage />} />
      <Route path="cohort/:id" element={<CohortPage />} />
      <Route path=":tab?" element={<WorkflowTabs />} />
    </Routes>
  );
}
