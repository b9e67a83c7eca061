import { Descriptions } from 'antd';
import { useSignedIn } from '../../app/session';
import { Fingerprint } from '../../components/fingerprint';
import { formatDateTime } from '../../format';
import { NODE_LEVEL_LABELS, NODE_LEVEL_OFFICES } from '../../labels';

export function NodeInfoTab() {
  const { status } = useSignedIn();
  const node = status.node;
  return (
    <Descriptions
      bordered
      size="middle"
      column={1}
      styles={{ label: { width: 150 } }}
      items={[
        { key: 'name', label: '节点名称', children: node.name },
        { key: 'id', label: '节点编号', children: node.nodeId },
        { key: 'level', label: '节点级别', children: `${NODE_LEVEL_LABELS[node.level]}（${NODE_LEVEL_OFFICES[node.level]}）` },
        { key: 'region', label: '行政区划', children: `${node.regionPath}（${node.regionCode}）` },
        { key: 'keyId', label: '密钥编号', children: <span style={{ fontFamily: 'monospace' }}>{node.keyId}</span> },
        {
          key: 'fingerprint',
          label: '密钥指纹',
          children: (
            <>
              <Fingerprint value={node.keyFingerprint} />
              <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.55)' }}>须通过电话或当面与上级扶贫办核对。</div>
            </>
          ),
        },
        { key: 'created', label: '建立时间', children: formatDateTime(node.createdAt) },
        { key: 'version', label: '程序版本', children: `${status.appVersion}（数据库结构第 ${status.schemaVersion} 版）` },
      ]}
    />
  );
}
