import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useSignedIn } from '../../app/session';
import { UsersTab } from './users-tab';
import { BackupTab } from './backup-tab';
import { AuditTab } from './audit-tab';
import { NodeInfoTab } from './node-info-tab';
import { YearParamsTab } from './year-params-tab';
import { CodeTableTab } from './code-table-tab';

interface SettingsTab {
  key: string;
  label: string;
  /** Hidden from non-administrators; core refuses their calls anyway. */
  adminOnly: boolean;
  render(): ReactNode;
}

const TABS: SettingsTab[] = [
  { key: 'users', label: '账号管理', adminOnly: true, render: () => <UsersTab /> },
  { key: 'backup', label: '备份与恢复', adminOnly: true, render: () => <BackupTab /> },
  { key: 'audit', label: '审计日志', adminOnly: true, render: () => <AuditTab /> },
  { key: 'year-params', label: '年度参数', adminOnly: true, render: () => <YearParamsTab /> },
  { key: 'code-tables', label: '代码表', adminOnly: true, render: () => <CodeTableTab /> },
  { key: 'node', label: '节点信息', adminOnly: false, render: () => <NodeInfoTab /> },
];

export function SettingsPage() {
  const { user } = useSignedIn();
  const { tab } = useParams();
  const navigate = useNavigate();
  const visible = TABS.filter((t) => !t.adminOnly || user.role === 'admin');
  const current = visible.find((t) => t.key === tab);
  if (!current) return <Navigate to={`/settings/${visible[0]?.key ?? 'node'}`} replace />;

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={current.key}
        onChange={(key) => navigate(`/settings/${key}`)}
        destroyOnHidden
        items={visible.map((t) => ({ key: t.key, label: t.label, children: t.key === current.key ? t.render() : null }))}
      />
    </Card>
  );
}
