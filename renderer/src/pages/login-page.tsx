import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate } from 'react-router-dom';
import { call } from '../api/client';
import { errorText } from '../api/errors';
import { useSession } from '../app/session';
import { CenteredPage } from '../components/centered-page';
import { ChangePasswordDialog } from '../components/change-password-dialog';
import { NODE_LEVEL_LABELS } from '../labels';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const session = useSession();
  const { status, user, notice } = session;
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status && !status.initialized) return <Navigate to="/setup" replace />;
  if (user && !user.mustChangePassword) return <Navigate to="/workbench" replace />;

  async function login(values: Values): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const result = await call('auth.login', { username: values.username.trim(), password: values.password });
      form.resetFields(['password']);
      session.signedIn(result);
    } catch (err) {
      // Core's messages are written for the clerk (wrong password, locked for N minutes, disabled).
      setError(errorText(err));
      form.resetFields(['password']);
    } finally {
      setBusy(false);
    }
  }

  const node = status?.node;
  return (
    <CenteredPage width={400} subtitle={node ? `${node.name}　${NODE_LEVEL_LABELS[node.level]} · ${node.regionPath}` : null}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center' }}>
        账号登录
      </Typography.Title>
      {notice && <Alert type={notice.tone} showIcon style={{ marginBottom: 16 }} title={notice.text} />}
      {status?.demoLogin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`演示数据：用户名 ${status.demoLogin.username} 密码 ${status.demoLogin.password}`}
        />
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void login(v)} size="large">
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, fontSize: 13 }}>
        忘记密码或账号被锁定，请联系本单位管理员。
      </Typography.Paragraph>
      <ChangePasswordDialog
        open={!!user?.mustChangePassword}
        forced
        onClose={() => void session.signOut()}
        onChanged={() => {
          if (user) session.setUser({ ...user, mustChangePassword: false });
          navigate('/workbench');
        }}
      />
    </CenteredPage>
  );
}
