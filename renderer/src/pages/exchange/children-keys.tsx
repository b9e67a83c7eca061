import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import type { ExchangeOverview, PeerView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { PeerKeys } from './keys-tab';
import { ImportResult } from './import-result';
import type { ImportResultView } from '../../../../electron/core/api/contract';

interface Props {
  overview: ExchangeOverview;
  onChanged(): void;
}

/** Each child's key: confirm a pending one against its paper form, its upload token, a trust package. */
export function ChildrenKeys({ overview, onChanged }: Props) {
  const { message, modal } = App.useApp();
  const [confirming, setConfirming] = useState<PeerView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
    setBusy(what);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(errorText(err));
      return null;
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  async function issueToken(child: PeerView): Promise<void> {
    const r = await act(`token-${child.nodeId}`, () => call('exchange.issueUploadToken', { childNodeId: child.nodeId }));
    if (!r) return;
    modal.info({
      title: `${child.name} 的上传凭据`,
      width: 560,
      content: (
        <>
          <Typography.Paragraph>请交给 {child.name} 的管理员，在其「密钥 → 设置在线报送」中填写。凭据只显示这一次；旧凭据已作废。</Typography.Paragraph>
          <Typography.Text copyable className="exchange-mono" data-testid="upload-token">
            {r.token}
          </Typography.Text>
        </>
      ),
    });
  }

  async function trustPackage(child: PeerView): Promise<void> {
    const made = await act(`trust-${child.nodeId}`, () => call('exchange.exportTrust', { childNodeId: child.nodeId }));
    if (made) void message.success(`已生成给 ${child.name} 的信任包（发件箱第 ${made.seq} 号）`);
  }

  return (
    <Card size="small" title="下级节点" data-testid="children-keys">
      {error && <Alert type="error" showIcon closable style={{ marginBottom: 12 }} message={error} onClose={() => setError(null)} />}
      <Table<PeerView>
        rowKey="nodeId"
        size="middle"
        pagination={false}
        dataSource={overview.children}
        locale={{ emptyText: '尚无下级节点：导入下级交来的密钥登记包后，这里会列出并等待核对指纹' }}
        columns={[
          {
            title: '节点',
            dataIndex: 'name',
            width: 200,
            render: (v: string, r) => (
              <>
                <div>{v}</div>
                <Typography.Text type="secondary" className="exchange-mono" style={{ fontSize: 12 }}>
                  {r.nodeId}
                </Typography.Text>
              </>
            ),
          },
          { title: '公钥', render: (_: unknown, r) => <PeerKeys keys={r.keys} /> },
          { title: '序号', width: 150, render: (_: unknown, r) => `已收 ${r.inSeq} · 已发 ${r.outSeq} · 对方确认 ${r.ackedSeq}` },
          { title: '上传凭据', width: 90, render: (_: unknown, r) => (r.hasUploadToken ? '已发放' : '未发放') },
          {
            title: '操作',
            width: 240,
            render: (_: unknown, r) => (
              <Space wrap size={6}>
                {r.keys.some((k) => k.status === 'pending') && (
                  <Button size="small" type="primary" onClick={() => setConfirming(r)}>
                    核对指纹并确认
                  </Button>
                )}
                <Button size="small" loading={busy === `token-${r.nodeId}`} onClick={() => void issueToken(r)}>
                  生成上传凭据
                </Button>
                <Button size="small" loading={busy === `trust-${r.nodeId}`} disabled={!overview.keyUnlocked} onClick={() => void trustPackage(r)}>
                  生成信任包
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {confirming && <ConfirmKeyDialog child={confirming} onClose={() => setConfirming(null)} onConfirmed={onChanged} />}
    </Card>
  );
}

/** The person reads the fingerprint off the child's paper form; core compares it with the pending key. */
function ConfirmKeyDialog({ child, onClose, onConfirmed }: { child: PeerView; onClose(): void; onConfirmed(): void }) {
  const [fingerprint, setFingerprint] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultView | null | undefined>(undefined);

  async function confirm(): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      setResult(await call('exchange.confirmKey', { nodeId: child.nodeId, fingerprint }));
      onConfirmed();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  const done = result !== undefined;
  return (
    <Modal
      open
      title={`核对 ${child.name} 的公钥指纹`}
      width={640}
      okText={done ? '完成' : '确认密钥'}
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: !done && fingerprint.trim().length < 10 }}
      onOk={() => (done ? onClose() : void confirm())}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {!done && (
        <>
          <Typography.Paragraph>请对照 {child.name} 交来的《节点密钥登记表》（纸质、签字盖章）逐位输入「公钥指纹」。不要从数据包或电子邮件中复制。</Typography.Paragraph>
          <Input aria-label="公钥指纹" className="exchange-mono" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} placeholder="四位一组，例如 3F2A 9C01 …" />
        </>
      )}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} data-testid="confirm-error" />}
      {done && (result ? <ImportResult result={result} /> : <Alert type="success" showIcon message="密钥已确认" />)}
    </Modal>
  );
}
