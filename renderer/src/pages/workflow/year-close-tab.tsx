import { useState } from 'react';
import { Alert, App, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { VillageYearFlow, YearCloseView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useLoad } from '../../api/use-load';
import { useSignedIn } from '../../app/session';
import { formatDateTime } from '../../format';
import { VillageSelect } from '../assistance/village-select';

/** The first year the registry knows (建档立卡 began in 2014). */
const FIRST_YEAR = 2014;

const count = (c: { households: number; persons: number }) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    {c.households} 户 {c.persons} 人
  </span>
);

/** The whole scope, or one of its villages. */
export function AreaPicker({ value, onChange }: { value: { code: string; name: string } | null; onChange(v: { code: string; name: string } | null): void }) {
  const { user } = useSignedIn();
  return (
    <Space wrap>
      <Radio.Group
        value={value ? 'village' : 'scope'}
        onChange={(e) => e.target.value === 'scope' && onChange(null)}
        options={[
          { value: 'scope', label: `${user.scopeName}（全部）` },
          { value: 'village', label: '按村', disabled: !value },
        ]}
        optionType="button"
      />
      <VillageSelect value={value?.code ?? null} label={value?.name} onChange={(code, name) => onChange({ code, name })} ariaLabel="选择村" style={{ width: 220 }} />
    </Space>
  );
}

/**
 * 年度结转: each year's inflow and outflow (年初数, 新识别, 返贫, 脱贫, 自然减少, 年末数) of the
 * scope or a village. A closed year shows the figures frozen at its close and prints the same
 * forever; a county administrator closes the next year once it has ended.
 */
export function YearCloseTab() {
  const { user } = useSignedIn();
  const { modal, message } = App.useApp();
  const [village, setVillage] = useState<{ code: string; name: string } | null>(null);
  const thisYear = dayjs().year();
  const regionCode = village?.code ?? user.scopeCode;
  const closes = useLoad(() => call('workflow.yearCloses', {}), []);
  const flows = useLoad(() => call('workflow.flows', { regionCode, fromYear: FIRST_YEAR, toYear: thisYear }), [regionCode, thisYear]);
  const closedBy = new Map<number, YearCloseView>((closes.data ?? []).map((c) => [c.year, c]));
  const lastClosed = Math.max(0, ...closedBy.keys());
  const isAdmin = user.role === 'admin';

  function close(year: number): void {
    modal.confirm({
      title: `结账 ${year} 年度？`,
      width: 520,
      content: (
        <div>
          <p>结账后以下数据冻结，以后打印的 {year} 年度报表永远相同：</p>
          <ul style={{ paddingInlineStart: 18 }}>
            <li>各村 {year} 年度的进出动态：年初数、新识别、返贫、脱贫、自然减少、年末数；</li>
            <li>每户在 {year}-12-31 的状态和人数。</li>
          </ul>
          <p>此后日期在 {year} 年的变动不能再登记，发现错误只能在以后年度以「更正」登记。结账不可撤销。</p>
        </div>
      ),
      okText: `结账 ${year} 年度`,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const done = await call('workflow.closeYear', { year });
          void message.success(`${done.year} 年度已结账，冻结 ${done.householdCount} 户的年末状态`);
          await Promise.all([closes.reload(), flows.reload()]);
        } catch (err) {
          void message.error(errorText(err));
          throw err;
        }
      },
    });
  }

  const rows = [...(flows.data ?? [])].reverse();
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <AreaPicker value={village} onChange={setVillage} />
        <Typography.Text type="secondary">{lastClosed > 0 ? `已结账至 ${lastClosed} 年度` : '还没有结账的年度'}</Typography.Text>
      </div>
      {(flows.error ?? closes.error) && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={flows.error ?? closes.error} />}
      <Table<VillageYearFlow>
        rowKey="year"
        size="middle"
        loading={flows.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '年度', dataIndex: 'year', fixed: 'left' },
          {
            title: '结账',
            key: 'closed',
            render: (_, f) => {
              const c = closedBy.get(f.year);
              if (c) {
                return (
                  <span>
                    <Tag icon={<LockOutlined />} color="blue">
                      已结账
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.closedBy} {formatDateTime(c.closedAt)}
                    </Typography.Text>
                  </span>
                );
              }
              return <Tag>{f.year >= thisYear ? '本年度' : '未结账'}</Tag>;
            },
          },
          { title: '年初数', key: 'opening', render: (_, f) => count(f.opening) },
          { title: '新识别', key: 'new', render: (_, f) => count(f.newlyIdentified) },
          { title: '返贫', key: 'returned', render: (_, f) => count(f.returned) },
          { title: '脱贫', key: 'exited', render: (_, f) => count(f.exited) },
          { title: '自然减少', key: 'decrease', render: (_, f) => count(f.naturalDecrease) },
          { title: '自然增加', key: 'increase', render: (_, f) => `${f.naturalIncrease.persons} 人` },
          { title: '年末数', key: 'closing', render: (_, f) => count(f.closing) },
          { title: '贫困发生率', key: 'rate', render: (_, f) => (f.incidencePercent === null ? '—' : `${f.incidencePercent.toFixed(2)}%`) },
          { title: '更正', dataIndex: 'corrections', render: (n: number) => (n > 0 ? `${n} 条` : '—') },
          {
            title: '',
            key: 'action',
            render: (_, f) =>
              isAdmin && !closedBy.has(f.year) && f.year < thisYear && f.year > lastClosed ? (
                <Button size="small" icon={<LockOutlined />} onClick={() => close(f.year)}>
                  结账
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        已结账年度的数字取自结账时冻结的数据，不随以后的修改变化；未结账年度按各户动态事件即时计算。贫困发生率 = 年末贫困人口 ÷ 村总人口（村信息采集表）。
      </Typography.Paragraph>
    </>
  );
}
