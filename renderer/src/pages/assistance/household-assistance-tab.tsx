import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { BenefitView, PairingView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { BenefitDialog } from './benefit-dialog';
import { EndPairingDialog } from './end-pairing-dialog';
import { PairDialog } from './pair-dialog';
import { warningText } from './save-error';
import { memberText } from './teams-tab';
import { useHouseholdAssistance } from './use-household-assistance';

/** The household page's 帮扶 tab: its cadres, the village's team and the policies it enjoys. */
export function HouseholdAssistanceTab({ householdId, readOnly }: { householdId: string; readOnly: boolean }) {
  const { message } = App.useApp();
  const { data, error, reload } = useHouseholdAssistance(householdId);
  const [dialog, setDialog] = useState<'pair' | 'benefit' | PairingView | null>(null);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Card loading />;
  const saved = (text: string) => {
    setDialog(null);
    void message.success(text);
    void reload();
  };

  async function removeBenefit(b: BenefitView): Promise<void> {
    try {
      await call('assistance.deleteBenefit', { id: b.id });
      saved(`已删除${b.kindLabel}记录`);
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  const active = data.pairings.filter((p) => p.active);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title="帮扶责任人"
        extra={
          !readOnly && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDialog('pair')}>
              结对帮扶
            </Button>
          )
        }
      >
        {active.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="本户目前没有在帮的帮扶责任人（两个全覆盖要求每户有帮扶责任人）" />}
        <Table<PairingView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.pairings}
          locale={{ emptyText: '没有结对记录' }}
          columns={[
            { title: '姓名', dataIndex: 'cadreName' },
            { title: '单位', dataIndex: 'cadreUnitName' },
            { title: '级别', dataIndex: 'cadreRankLabel' },
            { title: '联系电话', dataIndex: 'cadrePhone' },
            { title: '帮扶期间', key: 'period', render: (_, p) => `${p.fromDate} 至 ${p.toDate ?? '今'}` },
            { title: '状态', key: 'state', render: (_, p) => (p.active ? <Tag color="green">在帮</Tag> : <Tag>{p.endReason ?? '已结束'}</Tag>) },
            {
              title: '',
              key: 'x',
              render: (_, p) =>
                !readOnly && p.toDate === null ? (
                  <Button type="link" size="small" onClick={() => setDialog(p)}>
                    结束帮扶
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title="驻村工作队">
        {data.team ? (
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="工作队">{data.team.name}</Descriptions.Item>
            <Descriptions.Item label="派出单位">{data.team.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="派驻日期">{data.team.fromDate}</Descriptions.Item>
            <Descriptions.Item label="队员">{data.team.members.map(memberText).join('、')}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${data.villageName}目前没有在驻的驻村工作队`} />
        )}
      </Card>
      <Card
        size="small"
        title="享受政策"
        extra={
          !readOnly && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('benefit')}>
              登记享受政策
            </Button>
          )
        }
      >
        <Table<BenefitView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.benefits}
          locale={{ emptyText: '没有登记享受的政策' }}
          columns={[
            { title: '政策', dataIndex: 'kindLabel', width: 120 },
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '内容', dataIndex: 'summary' },
            {
              title: '',
              key: 'x',
              width: 70,
              render: (_, b) =>
                readOnly ? null : (
                  <Popconfirm title="删除这条政策记录？" okText="删除" cancelText="取消" onConfirm={() => void removeBenefit(b)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      {dialog === 'pair' && <PairDialog household={{ id: data.householdId, headName: data.headName }} onClose={() => setDialog(null)} onSaved={(r, text) => saved(r.warnings.length ? `${text}。${warningText(r.warnings)}` : text)} />}
      {dialog === 'benefit' && <BenefitDialog household={data} onClose={() => setDialog(null)} onSaved={(r) => saved(r.warnings.length ? `已保存。请注意：${warningText(r.warnings)}` : '已登记享受政策')} />}
      {dialog && typeof dialog === 'object' && <EndPairingDialog pairing={dialog} onClose={() => setDialog(null)} onSaved={saved} />}
    </Space>
  );
}
