import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { confirmPasswordRules, newPasswordRules } from '../../components/password-rules';
import { PASSWORD_RULE } from '../../labels';

interface Values {
  password: string;
  passwordConfirm: string;
}

export function ResetPasswordDialog({ user, onClose, onSaved }: { user: UserView; onClose(): void; onSaved(user: UserView): void }) {
  const { user: me } = useSignedIn();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(): Promise<void> {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('users.resetPassword', { id: user.id, password: values.password }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  // An administrator's key slot is wrapped with their password; only an administrator whose
  // own session holds the unlocked key can give them a new slot.
  const slotNote =
    user.role !== 'admin'
      ? null
      : me.keyUnlocked
        ? '该账号是管理员：其密钥槽将用新密码重新加密。'
        : '该账号是管理员，而您本次登录未解锁节点密钥：重置后该账号将没有密钥槽，不能签发数据包。';

  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置密码"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={480}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ margin: '12px 0 16px' }} title="重置后对方已登录的会话立即结束，下次登录时须自己再改一次密码。" />
      {slotNote && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={slotNote} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="password" label="新密码" extra={`密码规则：${PASSWORD_RULE}`} rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="passwordConfirm" label="确认新密码" dependencies={['password']} rules={confirmPasswordRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
