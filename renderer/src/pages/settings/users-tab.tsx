import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { formatDateTime } from '../../format';
import { ROLE_LABELS } from '../../labels';
import { UserFormDialog } from './user-form-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | null;

export function UserStatus({ user }: { user: UserView }) {
  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <Tag color="default">停用</Tag>
      ) : user.lockedUntil ? (
        <Tag color="orange">锁定至 {formatDateTime(user.lockedUntil).slice(5)}</Tag>
      ) : (
        <Tag color="green">正常</Tag>
      )}
      {user.mustChangePassword && !user.disabled && <Tag color="blue">待改密码</Tag>}
    </Space>
  );
}

export function UsersTab() {
  const { user: me } = useSignedIn();
  const { message } = App.useApp();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [unlocking, setUnlocking] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setUsers(await call('users.list', {}));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function unlock(user: UserView): Promise<void> {
    setUnlocking(user.id);
    try {
      await call('users.unlock', { id: user.id });
      void message.success(`已解除「${user.displayName}」的锁定`);
      await load();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setUnlocking(null);
    }
  }

  function saved(text: string): void {
    setDialog(null);
    void message.success(text);
    void load();
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>本工作站的登录账号。录入员、查看员只能看到和修改管辖范围内的数据。</span>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新建账号
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<UserView>
        rowKey="id"
        size="middle"
        loading={users === null && !error}
        dataSource={users ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          {
            title: '姓名',
            dataIndex: 'displayName',
            render: (name: string, u) => (u.id === me.id ? `${name}（本人）` : name),
          },
          { title: '角色', dataIndex: 'role', render: (role: UserView['role']) => ROLE_LABELS[role] },
          { title: '管辖范围', dataIndex: 'scopeName' },
          { title: '状态', key: 'status', render: (_, u) => <UserStatus user={u} /> },
          {
            title: (
              <Tooltip title="管理员账号持有密钥槽，登录后才能签发数据包">
                <span>密钥槽</span>
              </Tooltip>
            ),
            dataIndex: 'hasKeySlot',
            render: (has: boolean) => (has ? '有' : '无'),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (at: string | null) => (at ? formatDateTime(at) : '从未登录') },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, u) => (
              <Space size={0} wrap={false}>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                  重置密码
                </Button>
                {u.lockedUntil && (
                  <Button type="link" size="small" loading={unlocking === u.id} onClick={() => void unlock(u)}>
                    解锁
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && <UserFormDialog mode="create" onClose={() => setDialog(null)} onSaved={(u) => saved(`已建立账号「${u.displayName}」`)} />}
      {dialog?.kind === 'edit' && (
        <UserFormDialog mode="edit" user={dialog.user} self={dialog.user.id === me.id} onClose={() => setDialog(null)} onSaved={(u) => saved(`已保存「${u.displayName}」的修改`)} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} onSaved={(u) => saved(`已重置「${u.displayName}」的密码，对方下次登录时须修改`)} />
      )}
    </>
  );
}
