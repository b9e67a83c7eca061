import { useState } from 'react';
import { App, Button, Dropdown, Space, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useSession, useSignedIn } from '../app/session';
import { ROLE_LABELS } from '../labels';
import { ChangePasswordDialog } from '../components/change-password-dialog';

export function UserMenu() {
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              style: { cursor: 'default' },
              label: (
                <div style={{ padding: '2px 0', color: 'rgba(0,0,0,0.88)' }}>
                  <div style={{ fontWeight: 600 }}>{user.displayName}</div>
                  <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                    {ROLE_LABELS[user.role]} · 管辖范围：{user.scopeName}
                  </div>
                  <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>用户名：{user.username}</div>
                </div>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') {
              void signOut('您已退出登录').then(() => navigate('/login'));
            }
          },
        }}
      >
        <Button type="text" aria-label="用户菜单" style={{ height: 40 }}>
          <Space size={8}>
            <UserOutlined />
            <span>{user.displayName}</span>
            <Typography.Text type="secondary">{ROLE_LABELS[user.role]}</Typography.Text>
            <DownOutlined style={{ fontSize: 11 }} />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordDialog
        open={changing}
        onClose={() => setChanging(false)}
        onChanged={() => {
          setChanging(false);
          void message.success('密码已修改，下次登录请使用新密码');
        }}
      />
    </>
  );
}
