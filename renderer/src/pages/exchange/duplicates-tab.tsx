import { useState } from 'react';
import { Alert, App, Button, Table, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { CrossCountyDuplicateView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useLoad } from '../../api/use-load';

/** 跨县重复: a person (by ID number, shown masked) registered in more than one county; each county gets its review task. */
export function DuplicatesTab({ onChanged }: { onChanged(): void }) {
  const { message } = App.useApp();
  const dups = useLoad(() => call('exchange.crossCountyDuplicates', {}));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(): Promise<void> {
    setSending(true);
    setError(null);
    try {
      const r = await call('exchange.sendReviewTasks', {});
      const tasks = r.directives.reduce((n, d) => n + d.tasks, 0);
      void message.success(r.directives.length ? `已生成 ${r.directives.length} 个指令包，共 ${tasks} 条核查任务（见发件箱）` : '没有新的核查任务需要下发');
      if (r.unreachable.length) setError(`以下县尚未登记工作站，无法下发：${r.unreachable.join('、')}`);
      onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <div>
      <div className="exchange-toolbar">
        <Button type="primary" icon={<SendOutlined />} loading={sending} disabled={(dups.data ?? []).length === 0} onClick={() => void send()}>
          下发核查任务
        </Button>
        <Typography.Text type="secondary">每个涉及的县收到一条核查任务，任务只下发一次；各县核查后随下次上报返回结果。</Typography.Text>
      </div>
      {(dups.error || error) && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={dups.error ?? error} />}
      <Table<CrossCountyDuplicateView>
        data-testid="cross-county-duplicates"
        rowKey={(r) => r.places.map((p) => p.personId).join('|')}
        size="middle"
        loading={dups.loading}
        dataSource={dups.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '未发现跨县重复登记的人员' }}
        columns={[
          { title: '证件号码', dataIndex: 'idMasked', width: 200, render: (v: string) => <span className="exchange-mono">{v}</span> },
          { title: '登记次数', width: 90, align: 'right', render: (_: unknown, r) => r.places.length },
          {
            title: '登记在',
            render: (_: unknown, r) => r.places.map((p) => `${p.countyName}（${p.regionCode}）`).join('；'),
          },
        ]}
      />
    </div>
  );
}
