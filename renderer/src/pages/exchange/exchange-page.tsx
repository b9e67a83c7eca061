import type { ReactNode } from 'react';
import { Alert, Badge, Card, Spin, Tabs } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import type { ExchangeNodeLevel, ExchangeOverview } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useSignedIn } from '../../app/session';
import { OutboxTab } from './outbox-tab';
import { InboxTab } from './inbox-tab';
import { HistoryTab } from './history-tab';
import { KeysTab } from './keys-tab';
import { RegistrationFormTab } from './registration-form-tab';
import { ChildrenStatusTab } from './children-status-tab';
import { DuplicatesTab } from './duplicates-tab';
import { ReviewTasksTab } from './review-tasks-tab';
import { useLoad } from '../../api/use-load';
import './exchange.css';

interface ExchangeTab {
  key: string;
  label: string;
  levels: ExchangeNodeLevel[];
  badge?(o: ExchangeOverview): number;
  render(o: ExchangeOverview, changed: () => void): ReactNode;
}

const ALL: ExchangeNodeLevel[] = ['province', 'county', 'township'];

const TABS: ExchangeTab[] = [
  { key: 'outbox', label: '发件箱', levels: ALL, badge: (o) => o.counts.outboxReady, render: (o, c) => <OutboxTab overview={o} onChanged={c} /> },
  { key: 'inbox', label: '收件箱', levels: ALL, badge: (o) => o.counts.inboxHeld + o.counts.pendingKeys, render: (o, c) => <InboxTab overview={o} onChanged={c} /> },
  { key: 'history', label: '历史', levels: ALL, render: () => <HistoryTab /> },
  { key: 'keys', label: '密钥', levels: ALL, badge: (o) => o.counts.pendingKeys, render: (o, c) => <KeysTab overview={o} onChanged={c} /> },
  { key: 'registration-form', label: '密钥登记表', levels: ['county', 'township'], render: () => <RegistrationFormTab /> },
  { key: 'children', label: '下级状态', levels: ['province', 'county'], render: () => <ChildrenStatusTab /> },
  { key: 'duplicates', label: '跨县重复', levels: ['province'], render: (_o, c) => <DuplicatesTab onChanged={c} /> },
  { key: 'review-tasks', label: '核查任务', levels: ALL, badge: (o) => o.counts.openReviewTasks, render: () => <ReviewTasksTab /> },
];

/** 数据交换 (design.md §4): the tabs a node of this level needs; all of it is for administrators. */
export function ExchangePage() {
  const { user, status } = useSignedIn();
  const { tab } = useParams();
  const navigate = useNavigate();
  const admin = user.role === 'admin';
  const overview = useLoad(() => (admin ? call('exchange.overview', {}) : Promise.resolve(null)), [admin]);
  const visible = TABS.filter((t) => t.levels.includes(status.node.level));
  const current = visible.find((t) => t.key === tab);

  if (!admin) return <Alert type="info" showIcon message="数据交换仅限管理员使用" description="生成、导入数据包和核对密钥须由本节点管理员办理。" />;
  if (!current) return <Navigate to={`/exchange/${visible[0]!.key}`} replace />;
  if (overview.error) return <Alert type="error" showIcon message={overview.error} />;
  const o = overview.data;
  if (!o) return <Spin />;
  const changed = () => void overview.reload();

  return (
    <Card styles={{ body: { paddingTop: 4 } }} className="exchange-page">
      <Tabs
        activeKey={current.key}
        onChange={(key) => navigate(`/exchange/${key}`)}
        destroyOnHidden
        items={visible.map((t) => {
          const n = t.badge?.(o) ?? 0;
          return {
            key: t.key,
            label: n > 0 ? <Badge count={n} size="small" offset={[8, -2]}>{t.label}</Badge> : t.label,
            children: t.key === current.key ? t.render(o, changed) : null,
          };
        })}
      />
    </Card>
  );
}
