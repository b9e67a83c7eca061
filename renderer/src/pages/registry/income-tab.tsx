import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import type { HouseholdDetail, IncomeRecord, IncomeSummary } from '../../../../electron/core/api/contract';
import { RecordForm } from './record-form';
import type { FieldValue } from './field-input';
import { emptyRecord, groupsWithRest, INCOME_GROUPS } from './form-fields';
import type { CodeTables } from './use-code-tables';
import type { FindingIndex } from './household-draft';

const GROUPS = groupsWithRest('income', INCOME_GROUPS, ['year']);

// One formatter for all: toLocaleString builds a new one per call, which a scrolling list feels.
const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Yuan with two decimals and thousands separators; empty stays empty. */
export const formatYuan = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : YUAN.format(v));

interface Props {
  income: IncomeRecord | null;
  saved: HouseholdDetail['incomes'];
  dataYear: number;
  /** True when the record on screen differs from the saved one of its year. */
  edited: boolean;
  tables: CodeTables | null;
  findings: FindingIndex;
  highlight: string | null;
  readOnly: boolean;
  /** Starts a record for a year that has none (an edit). */
  onReplace(record: IncomeRecord | null): void;
  /** Shows another saved year's record (not an edit). */
  onSwitchYear(record: IncomeRecord): void;
  onChange(key: Extract<keyof IncomeRecord, string>, value: FieldValue): void;
}

type SummaryRow = { year: number } & IncomeSummary;

/**
 * 收入: the totals of every saved year (computed by core from the saved records), and the form of
 * one year. The totals are those of the saved data: they change once the form is saved.
 */
export function IncomeTab({ income, saved, dataYear, edited, tables, findings, highlight, readOnly, onReplace, onSwitchYear, onChange }: Props) {
  const years = [...new Set([...saved.map((i) => i.record.year), ...(income ? [income.year] : []), dataYear])].sort((a, b) => b - a);
  const recordLevel = findings.ofTab('income').filter((f) => !GROUPS.some((g) => (g.keys as readonly string[]).includes(f.field)));
  const rows: SummaryRow[] = saved.map((i) => ({ year: i.record.year, ...i.summary })).sort((a, b) => b.year - a.year);

  function pickYear(year: number): void {
    const existing = saved.find((i) => i.record.year === year);
    if (existing) onSwitchYear(existing.record);
    else onReplace(emptyRecord<IncomeRecord>('income', { year }));
  }

  return (
    <div>
      {recordLevel.map((f, i) => (
        <Alert key={i} type={f.severity === 'error' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} title={f.message} />
      ))}
      <Typography.Title level={5} style={{ fontSize: 14, margin: '0 0 8px', paddingLeft: 8, borderLeft: '3px solid #1f4e8c' }}>
        收入合计（按已保存数据计算）
      </Typography.Title>
      <Table<SummaryRow>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '还没有保存过收入记录' }}
        aria-label="收入合计"
        rowClassName={(r) => (income && r.year === income.year ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '年度', dataIndex: 'year' },
          { title: '工资性收入', dataIndex: 'wage', align: 'right', render: formatYuan },
          { title: '生产经营性收入', dataIndex: 'production', align: 'right', render: formatYuan },
          { title: '财产性收入', dataIndex: 'property', align: 'right', render: formatYuan },
          { title: '转移性收入', dataIndex: 'transfer', align: 'right', render: formatYuan },
          { title: '生产经营性支出', dataIndex: 'productionExpense', align: 'right', render: formatYuan },
          { title: '年总收入', dataIndex: 'gross', align: 'right', render: formatYuan },
          { title: '年纯收入', dataIndex: 'net', align: 'right', render: formatYuan },
          { title: '人均纯收入', dataIndex: 'perCapitaNet', align: 'right', render: (v: number | null) => <strong>{formatYuan(v)}</strong> },
        ]}
      />
      {edited && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
          下方收入已修改，合计在保存后重新计算。
        </Typography.Text>
      )}
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ fontSize: 14, margin: 0, paddingLeft: 8, borderLeft: '3px solid #1f4e8c' }}>
          收入明细
        </Typography.Title>
        {income && (
          <Space>
            <span>收入年度</span>
            <Select<number>
              aria-label="收入年度"
              size="small"
              style={{ width: 100 }}
              value={income.year}
              disabled={edited}
              options={years.map((y) => ({ value: y, label: `${y} 年` }))}
              onChange={pickYear}
            />
            {edited && <Typography.Text type="secondary">（保存或放弃修改后可切换年度）</Typography.Text>}
          </Space>
        )}
      </div>
      {income ? (
        <RecordForm<IncomeRecord>
          section="income"
          idPrefix="i-"
          groups={GROUPS}
          record={income}
          onChange={onChange}
          tables={tables}
          findingsOf={(key) => findings.of('income', key)}
          highlight={highlight}
          disabled={readOnly}
          columns={4}
        />
      ) : (
        !readOnly && (
          <Button type="primary" onClick={() => pickYear(dataYear)}>
            填写 {dataYear} 年收入
          </Button>
        )
      )}
    </div>
  );
}
