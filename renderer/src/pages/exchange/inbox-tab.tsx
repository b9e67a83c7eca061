import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { ImportOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ExchangeOverview } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { ImportDialog } from './import-dialog';
import { ReceivedTable } from './received-table';
import { useLoad } from '../../api/use-load';

interface Props {
  overview: ExchangeOverview;
  onChanged(): void;
}

const RECENT = 10;

/** 收件箱: packages held for a missing number or waiting for a fingerprint, the latest received, and the import. */
export function InboxTab({ overview, onChanged }: Props) {
  const waiting = useLoad(() => call('exchange.inbox', {}));
  const recent = useLoad(() => call('exchange.history', { offset: 0, limit: RECENT }));
  const [importing, setImporting] = useState(false);
  const reload = () => {
    void waiting.reload();
    void recent.reload();
    onChanged();
  };

  return (
    <Space direction="vertical" size={14} style={{ width: '100%' }}>
      {!overview.keyUnlocked && <Alert type="warning" showIcon message="您的登录没有解开节点密钥，不能导入数据包（加密的数据包无法解密）" />}
      <div className="exchange-toolbar">
        <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} disabled={!overview.keyUnlocked}>
          导入数据包
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
        <Typography.Text type="secondary">U 盘拷来的或下载的数据包（.fpkg），逐项校验通过后整包写入，否则不写入任何数据。</Typography.Text>
      </div>
      {(waiting.error || recent.error) && <Alert type="error" showIcon message={waiting.error ?? recent.error} />}
      <div>
        <Typography.Title level={5}>待处理</Typography.Title>
        <ReceivedTable testId="inbox-waiting" rows={waiting.data ?? []} loading={waiting.loading} emptyText="没有暂存或待确认的数据包" />
        {(waiting.data ?? []).some((r) => r.status === 'pending-confirmation') && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            待确认的密钥登记包：请在「密钥」页对照下级交来的密钥登记表输入指纹并确认，确认后自动导入。
          </Typography.Paragraph>
        )}
      </div>
      <div>
        <Typography.Title level={5}>最近收到</Typography.Title>
        <ReceivedTable testId="inbox-recent" rows={recent.data?.rows ?? []} loading={recent.loading} emptyText="尚未收到数据包" />
      </div>
      {importing && <ImportDialog askFingerprint={needsParentKey(overview)} onClose={() => setImporting(false)} onImported={reload} />}
    </Space>
  );
}

/**
 * The trust package needs the parent's fingerprint until a parent key is confirmed. Sending the
 * key registration already records the parent (without a key), so «has a parent» is not enough.
 */
function needsParentKey(overview: ExchangeOverview): boolean {
  if (overview.self.level === 'province') return false;
  return !overview.parent?.keys.some((k) => k.status === 'active');
}
