import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ExchangeOverview, PeerKeyView } from '../../../../electron/core/api/contract';
import { Fingerprint } from '../../components/fingerprint';
import { formatDateTime } from '../../format';
import { NODE_LEVEL_LABELS } from '../../labels';
import { ParentSection } from './parent-section';
import { ChildrenKeys } from './children-keys';

const KEY_STATUS: Record<PeerKeyView['status'], { label: string; color: string }> = {
  pending: { label: '待核对', color: 'gold' },
  active: { label: '已确认', color: 'green' },
  retired: { label: '已停用', color: 'default' },
};
const KEY_SOURCE: Record<PeerKeyView['source'], string> = { registration: '密钥登记包', trust: '信任包', manual: '手工登记', rotation: '密钥更换' };

/** A peer's keys: fingerprint, status, where it came from and who confirmed it. */
export function PeerKeys({ keys }: { keys: PeerKeyView[] }) {
  if (keys.length === 0) return <Typography.Text type="secondary">尚无公钥</Typography.Text>;
  return (
    <Space direction="vertical" size={6}>
      {keys.map((k) => (
        <div key={k.keyId} className="exchange-peer-key">
          <Tag color={KEY_STATUS[k.status].color}>{KEY_STATUS[k.status].label}</Tag>
          <Fingerprint value={k.fingerprint} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            密钥编号 {k.keyId} · 来自{KEY_SOURCE[k.source]} {formatDateTime(k.addedAt)}
            {k.confirmedAt ? ` · ${k.confirmedBy ?? ''} ${formatDateTime(k.confirmedAt)} 确认` : ''}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}

interface Props {
  overview: ExchangeOverview;
  onChanged(): void;
}

/** 密钥: this node's key and fingerprint, the parent's key and receiver, each child's key. */
export function KeysTab({ overview, onChanged }: Props) {
  const self = overview.self;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="本节点密钥" data-testid="own-key">
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 150 } }}
          items={[
            { key: 'node', label: '节点', children: `${self.name}（${NODE_LEVEL_LABELS[self.level]}，${self.nodeId}）` },
            { key: 'keyId', label: '密钥编号', children: <span className="exchange-mono">{self.keyIdGrouped}</span> },
            { key: 'fp', label: '公钥指纹', children: <Fingerprint value={self.fingerprint} /> },
            { key: 'minisign', label: '签名公钥（minisign）', children: <Typography.Text copyable className="exchange-mono">{self.minisignPublicKey}</Typography.Text> },
            {
              key: 'age',
              label: '加密公钥（age）',
              children: self.ageRecipient ? <Typography.Text copyable className="exchange-mono">{self.ageRecipient}</Typography.Text> : '（管理员登录后使用一次数据交换即生成）',
            },
          ]}
        />
      </Card>
      {self.level !== 'province' && <ParentSection overview={overview} onChanged={onChanged} />}
      {self.level !== 'township' && <ChildrenKeys overview={overview} onChanged={onChanged} />}
    </Space>
  );
}
