import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { UnitsTab } from './units-tab';
import { CadresTab } from './cadres-tab';
import { TeamsTab } from './teams-tab';
import { PairingsTab } from './pairings-tab';
import { CoverageTab } from './coverage-tab';

const TABS: { key: string; label: string; render(): ReactNode }[] = [
  { key: 'coverage', label: '覆盖检查', render: () => <CoverageTab /> },
  { key: 'pairings', label: '结对帮扶', render: () => <PairingsTab /> },
  { key: 'cadres', label: '帮扶责任人', render: () => <CadresTab /> },
  { key: 'units', label: '帮扶单位', render: () => <UnitsTab /> },
  { key: 'teams', label: '驻村工作队', render: () => <TeamsTab /> },
];

/** 帮扶: units, cadres, village teams, pairings and the 两个全覆盖 check. */
export function AssistancePage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.key === tab);
  if (!current) return <Navigate to={`/assistance/${TABS[0]!.key}`} replace />;
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={current.key}
        onChange={(key) => navigate(`/assistance/${key}`)}
        destroyOnHidden
        items={TABS.map((t) => ({ key: t.key, label: t.label, children: t.key === current.key ? t.render() : null }))}
      />
    </Card>
  );
}
