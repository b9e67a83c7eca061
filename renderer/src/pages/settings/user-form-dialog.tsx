import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Switch } from 'antd';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { RegionCascade } from '../../components/region-cascade';
import { confirmPasswordRules, newPasswordRules } from '../../components/password-rules';
import { PASSWORD_RULE, ROLE_HINTS, ROLE_LABELS, type Role } from '../../labels';
import { levelsBelow } from '../../region-code';

type Props =
  | { mode: 'create'; onClose(): void; onSaved(user: UserView): void }
  | { mode: 'edit'; user: UserView; self: boolean; onClose(): void; onSaved(user: UserView): void };

interface Values {
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  disabled: boolean;
  password: string;
  passwordConfirm: string;
}

const ROLES: Role[] = ['clerk', 'viewer', 'admin'];

export function UserFormDialog(props: Props) {
  const { status } = useSignedIn();
  const node = status.node;
  const editing = props.mode === 'edit' ? props.user : null;
  const self = props.mode === 'edit' && props.self;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(): Promise<void> {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      if (!editing) {
        const created = await call('users.create', {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          scopeCode: values.scopeCode,
          password: values.password,
        });
        props.onSaved(created);
      } else {
        // Only what changed: a changed role or scope ends that user's sessions, so do not send
        // unchanged values that would look like a change in the audit log.
        const patch: { displayName?: string; role?: Role; scopeCode?: string; disabled?: boolean } = {};
        if (values.displayName.trim() !== editing.displayName) patch.displayName = values.displayName.trim();
        if (values.role !== editing.role) patch.role = values.role;
        if (values.scopeCode !== editing.scopeCode) patch.scopeCode = values.scopeCode;
        if (values.disabled !== editing.disabled) patch.disabled = values.disabled;
        const updated = Object.keys(patch).length > 0 ? await call('users.update', { id: editing.id, ...patch }) : editing;
        props.onSaved(updated);
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={editing ? `编辑账号：${editing.displayName}（${editing.username}）` : '新建账号'}
      okText={editing ? '保存' : '建立账号'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={props.onClose}
      mask={{ closable: false }}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        requiredMark={false}
        style={{ marginTop: 16 }}
        initialValues={
          editing
            ? { displayName: editing.displayName, role: editing.role, scopeCode: editing.scopeCode, disabled: editing.disabled }
            : { role: 'clerk', scopeCode: node.regionCode, disabled: false }
        }
      >
        {!editing && (
          <Form.Item
            name="username"
            label="用户名"
            extra="2–32 位字母、数字、下划线、点或短横线，例如 zhangsan"
            rules={[
              { required: true, whitespace: true, message: '请填写用户名' },
              { pattern: /^\s*[A-Za-z0-9_.-]{2,32}\s*$/, message: '用户名为 2–32 位字母、数字、下划线、点或短横线' },
            ]}
          >
            <Input autoComplete="off" style={{ maxWidth: 260 }} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30, message: '姓名不超过 30 个字' }]}>
          <Input autoComplete="off" style={{ maxWidth: 260 }} />
        </Form.Item>
        <Form.Item name="role" label="角色" extra={self ? '不能取消自己的管理员角色' : undefined}>
          <Radio.Group
            disabled={self}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={ROLES.map((r) => ({
              value: r,
              label: (
                <span>
                  {ROLE_LABELS[r]}
                  <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 8 }}>{ROLE_HINTS[r]}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item label="管辖范围" extra={`不选下级则为本节点全域（${node.regionName}）`}>
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
            <span style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>{node.regionName}</span>
            <Form.Item name="scopeCode" noStyle rules={[{ required: true, message: '请选择管辖范围' }]}>
              <RegionCascade root={{ code: node.regionCode, name: node.regionName }} depth={levelsBelow(node.regionCode).length} optional />
            </Form.Item>
          </div>
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="password" label="初始密码" extra={`密码规则：${PASSWORD_RULE}。请当面告知本人。`} rules={newPasswordRules}>
              <Input.Password autoComplete="new-password" style={{ maxWidth: 260 }} />
            </Form.Item>
            <Form.Item name="passwordConfirm" label="确认密码" dependencies={['password']} rules={confirmPasswordRules('password')}>
              <Input.Password autoComplete="new-password" style={{ maxWidth: 260 }} />
            </Form.Item>
          </>
        )}
        {editing && (
          <Form.Item
            name="disabled"
            label="账号状态"
            valuePropName="checked"
            extra={self ? '不能停用自己的账号' : '停用后该账号不能登录，已登录的会话立即结束；记录保留。'}
          >
            <Switch disabled={self} checkedChildren="已停用" unCheckedChildren="正常" />
          </Form.Item>
        )}
        {editing && !self && (
          <Alert type="info" showIcon style={{ marginBottom: 8 }} title="修改角色、管辖范围或停用后，该账号须重新登录。" />
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
