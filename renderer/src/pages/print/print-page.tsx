import { Alert, Card, Spin, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import type { PrintCatalog } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { SingleTab } from './single-tab';
import { BatchTab } from './batch-tab';
import { MapTab } from './map-tab';
import { PreferencesTab } from './preferences-tab';
import './print.css';

const TABS: { key: string; label: string; render(catalog: PrintCatalog): ReactNode }[] = [
  { key: 'single', label: '单个文档', render: (c) => <SingleTab catalog={c} /> },
  { key: 'batch', label: '批量打印', render: (c) => <BatchTab catalog={c} /> },
  { key: 'map', label: '分布图底图', render: () => <MapTab /> },
  { key: 'settings', label: '打印设置', render: () => <PreferencesTab /> },
];

/** 打印中心: one document with preview, batches over a region, the distribution map's base image, the office's print settings. */
export function PrintPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const catalog = useLoad(() => call('print.catalog', {}));
  const current = TABS.find((t) => t.key === tab);
  if (!current) return <Navigate to={`/print/${TABS[0]!.key}`} replace />;
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={current.key}
        onChange={(key) => navigate(`/print/${key}`)}
        destroyOnHidden
        items={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          children:
            t.key !== current.key ? null : catalog.data ? (
              t.render(catalog.data)
            ) : catalog.error ? (
              <Alert type="error" showIcon message="未能读取可打印的文档" description={catalog.error} />
            ) : (
              <Spin />
            ),
        }))}
      />
    </Card>
  );
}
