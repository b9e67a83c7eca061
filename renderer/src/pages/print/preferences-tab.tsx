import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import type { MaskExampleView, MaskingPolicy, PrintPreferences } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';

const KEEP_FIELDS: { name: keyof Omit<MaskingPolicy, 'maskChar'>; label: string }[] = [
  { name: 'idKeepStart', label: '身份证号保留前几位' },
  { name: 'idKeepEnd', label: '身份证号保留后几位' },
  { name: 'phoneKeepStart', label: '电话保留前几位' },
  { name: 'phoneKeepEnd', label: '电话保留后几位' },
];

/**
 * 打印设置: how public notices mask ID numbers and phones, and where villagers take an objection.
 * Everyone sees them; only an administrator changes them. The example under the form is masked by
 * core with the policy as typed, so what it shows is what a notice would print.
 */
export function PreferencesTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const isAdmin = user.role === 'admin';
  const [form] = Form.useForm<PrintPreferences>();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [example, setExample] = useState<MaskExampleView | null>(null);
  const policy = Form.useWatch('maskingPolicy', form);

  useEffect(() => {
    call('print.preferences', {}).then(
      (p) => {
        form.setFieldsValue(p);
        setLoaded(true);
      },
      (err: unknown) => setLoadError(errorText(err)),
    );
  }, [form]);

  // Ask core again whenever the policy changes; a stale answer never overwrites a newer one.
  useEffect(() => {
    if (!policy) return;
    const complete = KEEP_FIELDS.every((f) => typeof policy[f.name] === 'number') && typeof policy.maskChar === 'string';
    if (!complete) {
      setExample(null);
      return;
    }
    let current = true;
    call('print.maskExample', { maskingPolicy: policy }).then(
      (v) => current && setExample(v),
      () => current && setExample(null),
    );
    return () => void (current = false);
  }, [policy]);

  async function save(values: PrintPreferences): Promise<void> {
    setSaving(true);
    setSaveError(null);
    try {
      form.setFieldsValue(await call('print.savePreferences', values));
      void message.success('打印设置已保存，此后打印的公示按新的规则脱敏');
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  if (loadError) return <Alert type="error" showIcon message="未能读取打印设置" description={loadError} />;
  return (
    <Spin spinning={!loaded}>
      <Form<PrintPreferences> form={form} layout="horizontal" labelCol={{ flex: '160px' }} style={{ maxWidth: 760 }} disabled={!isAdmin} onFinish={(v) => void save(v)}>
        {!isAdmin && <Alert style={{ marginBottom: 16 }} type="info" showIcon message="打印设置由管理员修改，这里只能查看。" />}
        <Card size="small" title="公示脱敏规则" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            公示公告张贴在村务公开栏，身份证号和电话只显示部分数字；银行账号从不打印，姓名照常显示。身份证号最多显示 7 位，电话最多显示 7 位。
          </Typography.Paragraph>
          {KEEP_FIELDS.map((f) => (
            <Form.Item key={f.name} name={['maskingPolicy', f.name]} label={f.label} rules={[{ required: true, message: `请填写「${f.label}」` }]}>
              <InputNumber min={0} max={18} precision={0} style={{ width: 100 }} aria-label={f.label} />
            </Form.Item>
          ))}
          <Form.Item name={['maskingPolicy', 'maskChar']} label="掩码字符" rules={[{ required: true, message: '请填写「掩码字符」' }]}>
            <Input maxLength={4} style={{ width: 100 }} aria-label="掩码字符" />
          </Form.Item>
          <MaskExample example={example} />
        </Card>
        <Card size="small" title="异议受理" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">印在识别和退出公示的末尾，告诉群众对公示有异议时向谁反映。不填的项在公示上留出横线，由村里手写填上。</Typography.Paragraph>
          <Form.Item name={['objection', 'office']} label="受理单位">
            <Input maxLength={60} placeholder="例如 会宁县乡村振兴局" />
          </Form.Item>
          <Form.Item name={['objection', 'phone']} label="举报电话">
            <Input maxLength={30} placeholder="例如 0943-3221234 或 12317" />
          </Form.Item>
          <Form.Item name={['objection', 'address']} label="受理地址">
            <Input maxLength={100} />
          </Form.Item>
        </Card>
        {saveError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message="未能保存" description={saveError} />}
        {isAdmin && (
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存打印设置
            </Button>
          </Space>
        )}
      </Form>
    </Spin>
  );
}

function MaskExample({ example }: { example: MaskExampleView | null }) {
  if (!example) return null;
  if (example.problem) return <Alert type="error" showIcon message="这条规则不能使用" description={example.problem} data-testid="mask-example" />;
  return (
    <Descriptions size="small" column={1} bordered title="公示上的效果（示例号码）" data-testid="mask-example">
      <Descriptions.Item label="身份证号">
        {example.idNumber} → <Typography.Text strong>{example.maskedIdNumber}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="电话">
        {example.phone} → <Typography.Text strong>{example.maskedPhone}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="审计记录写作">{example.description}</Descriptions.Item>
    </Descriptions>
  );
}
