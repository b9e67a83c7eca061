import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { BackupView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { formatBytes, formatDateTimeSeconds } from '../../format';
import { BACKUP_KIND_LABELS } from '../../labels';

interface Listing {
  dir: string;
  rule: string;
  backups: BackupView[];
}

const KIND_COLORS: Record<BackupView['kind'], string> = {
  manual: 'blue',
  daily: 'default',
  'pre-migration': 'purple',
  'pre-restore': 'orange',
};

export function BackupTab() {
  const { message, modal } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setListing(await call('backup.list', {}));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function backupNow(): Promise<void> {
    setCreating(true);
    try {
      const made = await call('backup.create', {});
      void message.success(`已备份（${formatBytes(made.sizeBytes)}）`);
      await load();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setCreating(false);
    }
  }

  function confirmRestore(backup: BackupView): void {
    modal.confirm({
      title: '从这份备份恢复数据？',
      width: 520,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      content: (
        <div style={{ lineHeight: 1.8 }}>
          <p style={{ margin: '8px 0' }}>
            将用 <b>{formatDateTimeSeconds(backup.takenAt)}</b> 的{BACKUP_KIND_LABELS[backup.kind]}备份替换工作站当前的全部数据，此后录入的内容将不在恢复后的数据中。
          </p>
          <p style={{ margin: '8px 0' }}>恢复前，系统会先把当前数据另存为一份「恢复前」备份，需要时可以再恢复回来。</p>
          <p style={{ margin: '8px 0' }}>恢复完成后，所有账号（包括您自己）都须重新登录。</p>
        </div>
      ),
      onOk: async () => {
        try {
          const result = await call('backup.restore', { name: backup.name });
          // The restored database holds its own sessions; this one must not carry on in it.
          await session.signOut(`已从备份恢复数据；恢复前的数据已另存为 ${result.safetyBackup}。请重新登录。`);
          navigate('/login');
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12 }}>
        <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
          {listing ? `备份位置：${listing.dir}` : ' '}
        </Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button type="primary" icon={<CloudUploadOutlined />} loading={creating} onClick={() => void backupNow()}>
            立即备份
          </Button>
        </Space>
      </div>
      {listing && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="备份保留规则" description={listing.rule} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<BackupView>
        rowKey="name"
        size="middle"
        loading={listing === null && !error}
        dataSource={listing?.backups ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份` }}
        locale={{ emptyText: '还没有备份。点击「立即备份」做第一份。' }}
        columns={[
          { title: '备份时间', dataIndex: 'takenAt', render: (at: string) => formatDateTimeSeconds(at) },
          {
            title: '类型',
            dataIndex: 'kind',
            render: (kind: BackupView['kind']) => <Tag color={KIND_COLORS[kind]}>{BACKUP_KIND_LABELS[kind]}</Tag>,
          },
          { title: '大小', dataIndex: 'sizeBytes', align: 'right', render: (n: number) => formatBytes(n) },
          { title: '文件名', dataIndex: 'name', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
          {
            title: '操作',
            key: 'actions',
            render: (_, b) => (
              <Button type="link" size="small" danger onClick={() => confirmRestore(b)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
