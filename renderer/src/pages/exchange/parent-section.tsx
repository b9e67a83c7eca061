import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal } from 'antd';
import type { ExchangeOverview } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { PeerKeys } from './keys-tab';

interface Props {
  overview: ExchangeOverview;
  onChanged(): void;
}

interface ParentKeyForm {
  nodeId: string;
  name?: string;
  publicKey: string;
  ageRecipient?: string;
  fingerprint: string;
}

/** The parent: its key (from the trust package, or entered by hand) and where to upload to. */
export function ParentSection({ overview, onChanged }: Props) {
  const { message } = App.useApp();
  const parent = overview.parent;
  const [form] = Form.useForm<ParentKeyForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [targetOpen, setTargetOpen] = useState(false);

  async function addKey(values: ParentKeyForm): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      const peer = await call('exchange.addParentKey', {
        nodeId: values.nodeId.trim(),
        publicKey: values.publicKey,
        fingerprint: values.fingerprint,
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        ...(values.ageRecipient?.trim() ? { ageRecipient: values.ageRecipient.trim() } : {}),
      });
      void message.success(`已登记上级 ${peer.name} 的公钥`);
      onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title="上级节点" data-testid="parent-key" extra={parent && <Button size="small" onClick={() => setTargetOpen(true)}>设置在线报送</Button>}>
      {parent ? (
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 150 } }}
          items={[
            { key: 'node', label: '节点', children: `${parent.name}（${parent.nodeId}）` },
            { key: 'keys', label: '公钥', children: <PeerKeys keys={parent.keys} /> },
            { key: 'url', label: '接收服务地址', children: parent.receiverUrl ?? '未设置（仅用 U 盘报送）' },
            { key: 'seq', label: '序号', children: `已发 ${parent.outSeq} 个，对方已确认至第 ${parent.ackedSeq} 个；已收 ${parent.inSeq} 个` },
          ]}
        />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="尚未登记上级公钥"
            description="通常导入上级发来的信任包即可（收件箱 → 导入数据包，并填写上级登记表上的指纹）。也可以按上级密钥登记表在下面手工登记。"
          />
          {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
          <Form form={form} layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 16 }} onFinish={(v) => void addKey(v)}>
            <Form.Item name="nodeId" label="上级节点编号" rules={[{ required: true, message: '请输入上级节点编号' }]}>
              <Input placeholder="例如 county-620422000000" />
            </Form.Item>
            <Form.Item name="name" label="上级名称">
              <Input placeholder="例如 会宁县扶贫办" />
            </Form.Item>
            <Form.Item name="publicKey" label="签名公钥" rules={[{ required: true, message: '请粘贴上级的 minisign 公钥' }]}>
              <Input.TextArea rows={2} className="exchange-mono" />
            </Form.Item>
            <Form.Item name="ageRecipient" label="加密公钥">
              <Input className="exchange-mono" placeholder="age1…" />
            </Form.Item>
            <Form.Item name="fingerprint" label="公钥指纹" rules={[{ required: true, message: '请按上级登记表输入指纹' }]} extra="按上级密钥登记表逐位输入，系统核对后才登记">
              <Input className="exchange-mono" />
            </Form.Item>
            <Form.Item wrapperCol={{ offset: 5 }}>
              <Button type="primary" htmlType="submit" loading={saving}>
                核对并登记
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
      {targetOpen && <UploadTargetDialog current={parent?.receiverUrl ?? ''} onClose={() => setTargetOpen(false)} onSaved={onChanged} />}
    </Card>
  );
}

function UploadTargetDialog({ current, onClose, onSaved }: { current: string; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const [url, setUrl] = useState(current);
  const [token, setToken] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      await call('exchange.setUploadTarget', { url: url.trim(), token: token.trim() });
      void message.success('在线报送地址已设置');
      onSaved();
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title="设置在线报送" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      <Form layout="vertical">
        <Form.Item label="上级接收服务地址">
          <Input aria-label="上级接收服务地址" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
        </Form.Item>
        <Form.Item label="上传凭据" extra="由上级在其「密钥」页为本节点生成，只显示一次">
          <Input.Password aria-label="上传凭据" value={token} onChange={(e) => setToken(e.target.value)} placeholder="fpt_…" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
