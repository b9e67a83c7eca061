import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { call } from '../api/client';
import { errorText } from '../api/errors';
import { PASSWORD_RULE } from '../labels';
import { newPasswordRules, confirmPasswordRules } from './password-rules';

interface Props {
  open: boolean;
  /** Forced: after an administrator reset the password; the only way out is to log out. */
  forced?: boolean;
  onClose(): void;
  onChanged(): void;
}

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, forced = false, onClose, onChanged }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(): Promise<void> {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await call('auth.changePassword', { oldPassword: values.oldPassword, newPassword: values.newPassword });
      form.resetFields();
      onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={forced ? '请先修改密码' : '修改密码'}
      okText="确认修改"
      cancelText={forced ? '退出登录' : '取消'}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      destroyOnHidden
      width={460}
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="管理员已重置您的密码。为保护数据，请设置只有您自己知道的新密码后再使用。"
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="oldPassword" label={forced ? '原密码（管理员告诉您的密码）' : '原密码'} rules={[{ required: true, message: '请填写原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={`密码规则：${PASSWORD_RULE}`} rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="再次输入新密码" dependencies={['newPassword']} rules={confirmPasswordRules('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
