import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AssistanceSaveResult, LedgerView, MeasureView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { LedgerDialog } from './ledger-dialog';
import { MeasureDialog } from './measure-dialog';
import { PlanCard } from './plan-card';
import { warningText } from './save-error';
import { useHouseholdAssistance } from './use-household-assistance';

const STATUS_COLORS: Record<string, string> = { planned: 'default', inProgress: 'blue', done: 'green', cancelled: 'default' };
const money = (n: number | null): string => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`);

/** The household page's 三本账 tab: 脱贫计划, 帮扶措施 and 工作台账. */
export function HouseholdBooksTab({ householdId, readOnly }: { householdId: string; readOnly: boolean }) {
  const { message } = App.useApp();
  const { data, error, reload } = useHouseholdAssistance(householdId);
  const [dialog, setDialog] = useState<{ kind: 'measure'; measure: MeasureView | null } | { kind: 'ledger' } | null>(null);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Card loading />;

  const saved = (r: AssistanceSaveResult, text: string) => {
    setDialog(null);
    void message.success(r.warnings.length ? `${text}。请注意：${warningText(r.warnings)}` : text);
    void reload();
  };
  async function remove(kind: 'measure' | 'ledger', id: string): Promise<void> {
    try {
      if (kind === 'measure') await call('assistance.deleteMeasure', { id });
      else await call('assistance.deleteLedgerEntry', { id });
      void message.success('已删除');
      void reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  const deleteButton = (kind: 'measure' | 'ledger', id: string) =>
    readOnly ? null : (
      <Popconfirm title="删除这一条？" okText="删除" cancelText="取消" onConfirm={() => void remove(kind, id)}>
        <Button type="link" size="small" danger>
          删除
        </Button>
      </Popconfirm>
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <PlanCard data={data} readOnly={readOnly} onSaved={() => void reload()} />
      <Card
        size="small"
        title={`帮扶措施（${data.measures.length}）`}
        extra={
          !readOnly && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'measure', measure: null })}>
              登记帮扶措施
            </Button>
          )
        }
      >
        <Table<MeasureView>
          rowKey="id"
          size="small"
          dataSource={data.measures}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有帮扶措施' }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 60 },
            { title: '措施类别', dataIndex: 'categoryLabel' },
            { title: '项目名称', dataIndex: 'projectName' },
            { title: '资金来源', dataIndex: 'fundSourceLabel', render: (v: string | null) => v ?? '—' },
            { title: '投入金额', dataIndex: 'amount', align: 'right', render: money },
            { title: '实施时间', key: 'dates', render: (_, m) => `${m.startDate ?? '—'} 至 ${m.endDate ?? '—'}` },
            { title: '实际收益', key: 'benefit', render: (_, m) => m.benefit ?? money(m.benefitAmount) },
            { title: '责任人', dataIndex: 'responsibleCadreName', render: (v: string | null) => v ?? '—' },
            { title: '落实情况', key: 'status', render: (_, m) => <Tag color={STATUS_COLORS[m.status]}>{m.statusLabel}</Tag> },
            {
              title: '',
              key: 'x',
              render: (_, m) => (
                <Space size={0}>
                  {!readOnly && (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'measure', measure: m })}>
                      修改
                    </Button>
                  )}
                  {deleteButton('measure', m.id)}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`工作台账（${data.ledger.length}）`}
        extra={
          !readOnly && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'ledger' })}>
              记工作台账
            </Button>
          )
        }
      >
        <Table<LedgerView>
          rowKey="id"
          size="small"
          dataSource={data.ledger}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有工作台账' }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '帮扶人', dataIndex: 'cadreName', width: 90 },
            { title: '工作内容', dataIndex: 'kindLabel', width: 90 },
            { title: '工作记录', dataIndex: 'content' },
            { title: '解决的问题', dataIndex: 'problemSolved', render: (v: string | null) => v ?? '—' },
            { title: '户主签字', dataIndex: 'headSigned', width: 80, render: (v: boolean) => (v ? '已签' : '未签') },
            { title: '', key: 'x', width: 60, render: (_, l) => deleteButton('ledger', l.id) },
          ]}
        />
      </Card>
      {dialog?.kind === 'measure' && <MeasureDialog household={data} measure={dialog.measure} onClose={() => setDialog(null)} onSaved={(r) => saved(r, '帮扶措施已保存')} />}
      {dialog?.kind === 'ledger' && <LedgerDialog household={data} onClose={() => setDialog(null)} onSaved={(r) => saved(r, '工作台账已保存')} />}
    </Space>
  );
}
