import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useSignedIn } from '../app/session';
import { Fingerprint } from '../components/fingerprint';
import { NODE_LEVEL_LABELS, ROLE_HINTS, ROLE_LABELS } from '../labels';
import { formatDateTime } from '../format';

interface Todo {
  key: string;
  text: ReactNode;
}

export function DashboardPage() {
  const { status, user } = useSignedIn();
  const node = status.node;
  const isAdmin = user.role === 'admin';

  const todos: Todo[] = isAdmin
    ? [
        {
          key: 'fingerprint',
          text: '把下方的密钥指纹抄在节点登记表上，通过电话或当面与上级扶贫办逐组核对。',
        },
        {
          key: 'users',
          text: (
            <>
              在 <Link to="/settings/users">系统设置 › 账号管理</Link> 中为录入员、查看员建立账号，并把管辖范围设到乡镇或村。
            </>
          ),
        },
        {
          key: 'backup',
          text: (
            <>
              在 <Link to="/settings/backup">系统设置 › 备份与恢复</Link> 中做一次手动备份，并定期把备份文件复制到 U 盘另行保存。
            </>
          ),
        },
        { key: 'registry', text: '建档立卡、识别退出、帮扶、打印和数据交换功能将在后续版本陆续开放。' },
      ]
    : [
        { key: 'password', text: '如果密码是管理员告诉您的，请点右上角姓名 › 修改密码，换成只有自己知道的密码。' },
        { key: 'scope', text: `核对您的管辖范围（${user.scopeName}）是否正确；如不正确，请联系本单位管理员修改。` },
        { key: 'registry', text: '建档立卡、识别退出、帮扶、打印和数据交换功能将在后续版本陆续开放。' },
      ];

  return (
    <div style={{ maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        工作台
      </Typography.Title>
      {isAdmin && !user.keyUnlocked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本次登录未解锁节点签名密钥"
          description="您的账号没有密钥槽，不能签发数据包。需要时请由持有密钥槽的管理员重置您的密码，或由其登录办理。"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="本节点" size="small" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 96 } }}
              items={[
                { key: 'name', label: '节点名称', children: node.name },
                { key: 'level', label: '级别', children: NODE_LEVEL_LABELS[node.level] },
                { key: 'region', label: '行政区划', children: node.regionPath },
                { key: 'id', label: '节点编号', children: node.nodeId },
                { key: 'created', label: '建立时间', children: formatDateTime(node.createdAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="我的账号" size="small" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 96 } }}
              items={[
                { key: 'name', label: '姓名', children: user.displayName },
                { key: 'username', label: '用户名', children: user.username },
                { key: 'role', label: '角色', children: `${ROLE_LABELS[user.role]}（${ROLE_HINTS[user.role]}）` },
                { key: 'scope', label: '管辖范围', children: user.scopeName },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title="节点密钥指纹" size="small">
            <Fingerprint value={node.keyFingerprint} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              上级扶贫办凭这组指纹确认数据包确实来自本节点。核对须通过电话或当面进行。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <Card title="接下来要做的" size="small">
            <ol style={{ margin: 0, paddingInlineStart: 22, lineHeight: 2 }}>
              {todos.map((t) => (
                <li key={t.key}>{t.text}</li>
              ))}
            </ol>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
