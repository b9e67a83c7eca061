import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CodeTableView, Input as ApiInput } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { CODE_FIELD_LABELS, type CodeField } from '../registry/form-fields';
import { forgetCodeTables } from '../registry/use-code-tables';

type Entry = CodeTableView['entries'][number];
type Editing = { kind: 'add' } | { kind: 'edit'; entry: Entry } | null;

const YEARS = Array.from({ length: new Date().getFullYear() + 1 - 2014 + 1 }, (_, i) => 2014 + i).reverse();
/** Form versions: a table defined for one stays in force in later years until a newer one. */
const VERSION_NAMES: Record<string, string> = { '2014-2016': '2014–2016 版', '2017-2018': '2017–2018 版', '2019-2020': '2019–2020 版', '2021+': '2021 版' };

/**
 * 代码表: the code list of one field as used in a year, with this station's edits. Administrators
 * relabel a code, add one, or retire one; the edit applies to every year of the same form version.
 */
export function CodeTableTab() {
  const { user } = useSignedIn();
  const { message, modal } = App.useApp();
  const isAdmin = user.role === 'admin';
  const [field, setField] = useState<CodeField>('relationship');
  const [year, setYear] = useState(Math.min(new Date().getFullYear(), 2020));
  const [view, setView] = useState<CodeTableView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const load = useCallback(async () => {
    setError(null);
    setView(null);
    try {
      setView(await call('reference.codeTable', { field, year }));
    } catch (err) {
      setError(errorText(err));
    }
  }, [field, year]);

  useEffect(() => {
    void load();
  }, [load]);

  async function saveCode(input: Omit<ApiInput<'reference.saveCode'>, 'field' | 'year'>, done: string): Promise<boolean> {
    try {
      setView(await call('reference.saveCode', { field, year, ...input }));
      forgetCodeTables();
      void message.success(done);
      return true;
    } catch (err) {
      void message.error(errorText(err));
      return false;
    }
  }

  function retire(entry: Entry): void {
    modal.confirm({
      title: `停用代码「${entry.code} ${entry.label}」？`,
      content: '停用后该代码不再出现在下拉选项中；已经登记了这个代码的数据不受影响，检查时会提示代码不在代码表中。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => saveCode({ code: entry.code, label: entry.label, retired: true }, `已停用「${entry.label}」`),
    });
  }

  return (
    <div style={{ maxWidth: 900 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <span>代码表</span>
        <Select<CodeField>
          aria-label="代码表"
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={field}
          onChange={setField}
          options={(Object.entries(CODE_FIELD_LABELS) as [CodeField, string][]).map(([value, label]) => ({ value, label }))}
        />
        <span>年度</span>
        <Select<number> aria-label="年度" style={{ width: 110 }} value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))} />
        {view && (
          <Tooltip title="同一版代码表在之后各年沿用，直到有新版；修改对使用这一版的所有年度生效。">
            <Typography.Text type="secondary">
              {year} 年使用 {VERSION_NAMES[view.version] ?? view.version}
            </Typography.Text>
          </Tooltip>
        )}
        {isAdmin && (
          <Button icon={<PlusOutlined />} style={{ marginLeft: 'auto' }} disabled={!view} onClick={() => setEditing({ kind: 'add' })}>
            新增代码
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Entry>
        aria-label="代码"
        size="small"
        rowKey={(e) => `${e.code}-${e.retired ? 'r' : 'a'}`}
        loading={!view && !error}
        dataSource={view?.entries ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        locale={{ emptyText: '该年度没有这个代码表' }}
        columns={[
          { title: '代码', dataIndex: 'code', width: 90 },
          { title: '名称', dataIndex: 'label', render: (label: string, e) => (e.retired ? <Typography.Text delete type="secondary">{label}</Typography.Text> : label) },
          {
            title: '状态',
            key: 'state',
            width: 200,
            render: (_, e) => (
              <Space size={4}>
                {e.unconfirmed && <Tag color="gold">待确认</Tag>}
                {e.edited && !e.retired && <Tag color="blue">本单位修改</Tag>}
                {e.retired && <Tag>已停用</Tag>}
              </Space>
            ),
          },
          ...(isAdmin
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 140,
                  render: (_: unknown, e: Entry) =>
                    e.retired ? (
                      <Button type="link" size="small" onClick={() => void saveCode({ code: e.code, label: e.label, retired: false }, `已恢复「${e.label}」`)}>
                        恢复
                      </Button>
                    ) : (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing({ kind: 'edit', entry: e })}>
                          改名称
                        </Button>
                        <Button type="link" size="small" danger onClick={() => retire(e)}>
                          停用
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && view && (
        <CodeDialog
          fieldLabel={view.fieldLabel}
          editing={editing}
          taken={view.entries.map((e) => e.code)}
          onCancel={() => setEditing(null)}
          onSave={async (code, label) => {
            const ok = await saveCode({ code, label, retired: false }, editing.kind === 'add' ? `已新增「${label}」` : `已修改为「${label}」`);
            if (ok) setEditing(null);
          }}
        />
      )}
    </div>
  );
}

function CodeDialog({
  fieldLabel,
  editing,
  taken,
  onCancel,
  onSave,
}: {
  fieldLabel: string;
  editing: NonNullable<Editing>;
  taken: string[];
  onCancel(): void;
  onSave(code: string, label: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ code: string; label: string }>();
  const [saving, setSaving] = useState(false);
  const entry = editing.kind === 'edit' ? editing.entry : null;
  return (
    <Modal
      open
      title={entry ? `修改代码名称：${fieldLabel} ${entry.code}` : `新增代码：${fieldLabel}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields().catch(() => null);
        if (!values) return;
        setSaving(true);
        await onSave(values.code.trim(), values.label.trim());
        setSaving(false);
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ code: entry?.code ?? '', label: entry?.label ?? '' }}>
        <Form.Item
          name="code"
          label="代码"
          rules={[
            { required: true, message: '请填写代码' },
            { pattern: /^[0-9A-Za-z]{1,12}$/, message: '代码为 1–12 位字母或数字' },
            { validator: (_, v: string) => (entry || !taken.includes(v?.trim()) ? Promise.resolve() : Promise.reject(new Error('这个代码已经存在'))) },
          ]}
        >
          <Input disabled={!!entry} maxLength={12} />
        </Form.Item>
        <Form.Item name="label" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 40, message: '名称不超过 40 字' }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
      {entry?.unconfirmed && <Alert type="info" showIcon title="这个代码的名称或编码未经文件核实，修改后以本单位的为准。" />}
    </Modal>
  );
}
