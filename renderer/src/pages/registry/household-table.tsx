import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HouseholdRow } from '../../../../electron/core/api/contract';
import type { ListRow } from './use-household-pages';
import { SeverityTag } from './field-input';
import { formatYuan } from './income-tab';
import { shortVillageName } from './region-labels';

interface Props {
  rows: ListRow[];
  loading: boolean;
  error: string | null;
  /** True when the list shows a whole county (the 村/社 column then names the township too). */
  showTownship: boolean;
  need(index: number): void;
  onOpen(row: HouseholdRow): void;
}

/** A row whose page is not here yet: asks for it once it has been on screen for a moment. */
function PendingCell({ index, need }: { index: number; need(index: number): void }) {
  useEffect(() => {
    // Dragging the scrollbar across 35 000 rows mounts thousands of these for a frame each;
    // only rows that stay in view fetch.
    const timer = window.setTimeout(() => need(index), 120);
    return () => window.clearTimeout(timer);
  }, [index, need]);
  return <span style={{ display: 'inline-block', width: 48, height: 12, background: '#eef1f5', borderRadius: 2 }} />;
}

const Bar = () => <span style={{ display: 'inline-block', width: '70%', height: 12, background: '#f3f5f8', borderRadius: 2 }} />;

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' } as const;

function columns(showTownship: boolean, need: (i: number) => void): ColumnsType<ListRow> {
  const cell = (render: (r: HouseholdRow) => ReactNode) => (_: unknown, r: ListRow) => (r.pending ? <Bar /> : render(r));
  return [
    {
      title: '户主',
      key: 'head',
      width: 72,
      fixed: 'left',
      render: (_: unknown, r: ListRow) => (r.pending ? <PendingCell index={r.index} need={need} /> : <span style={{ ...ellipsis, color: '#1f4e8c', fontWeight: 500 }}>{r.headName ?? '（未填）'}</span>),
    },
    {
      title: '户主证件号码',
      key: 'id',
      width: 146,
      render: cell((r) => <span style={{ whiteSpace: 'nowrap', fontFamily: 'Consolas, "DejaVu Sans Mono", monospace', fontSize: 12 }}>{r.headIdMasked ?? '—'}</span>),
    },
    {
      title: '村/社',
      key: 'place',
      width: showTownship ? 164 : 146,
      render: cell((r) => {
        const text = [showTownship ? r.townshipName : null, shortVillageName(r.villageName), r.groupName].filter(Boolean).join(' ');
        return (
          <span style={ellipsis} title={`${r.townshipName} ${r.villageName} ${r.groupName ?? ''}`}>
            {text}
          </span>
        );
      }),
    },
    { title: '人口', key: 'size', width: 48, align: 'right', render: cell((r) => r.memberCount) },
    { title: '属性', key: 'attr', width: 92, render: cell((r) => <span style={ellipsis} title={r.attributeLabel ?? undefined}>{r.attributeLabel ?? '—'}</span>) },
    { title: '主要致贫原因', key: 'cause', width: 100, render: cell((r) => <span style={ellipsis} title={r.mainCauseLabel ?? undefined}>{r.mainCauseLabel ?? '—'}</span>) },
    { title: '脱贫状态', key: 'exit', width: 100, render: cell((r) => <span style={ellipsis} title={r.exitStatusLabel ?? undefined}>{r.exitStatusLabel ?? '—'}</span>) },
    { title: '人均纯收入', key: 'income', width: 88, align: 'right', render: cell((r) => formatYuan(r.perCapitaNetIncome)) },
    {
      title: '问题',
      key: 'findings',
      width: 80,
      render: cell((r) =>
        r.errorCount + r.warningCount === 0 ? (
          <span style={{ color: 'rgba(0,0,0,0.3)' }}>—</span>
        ) : (
          // A plain title, not an antd Tooltip: thousands of rows scroll past this cell.
          <span title={`${r.errorCount} 个错误，${r.warningCount} 个提醒（上次检查）`}>
            {r.errorCount > 0 && <SeverityTag severity="error" count={r.errorCount} />}
            {r.warningCount > 0 && <SeverityTag severity="warning" count={r.warningCount} />}
          </span>
        ),
      ),
    },
  ];
}

/**
 * The household list: a virtual table (only the rows in view exist in the page), so 35 000
 * households scroll as smoothly as 35. Its height follows the space the page gives it.
 */
export function HouseholdTable({ rows, loading, error, showTownship, need, onOpen }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);
  useLayoutEffect(() => {
    const el = holder.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);
  const cols = columns(showTownship, need);
  const width = cols.reduce((t, c) => t + (typeof c.width === 'number' ? c.width : 0), 0);

  return (
    <div ref={holder} style={{ flex: 1, minHeight: 160, overflow: 'hidden' }} data-testid="household-list">
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <Table<ListRow>
          virtual
          size="small"
          rowKey="id"
          aria-label="贫困户列表"
          loading={loading}
          pagination={false}
          dataSource={rows}
          columns={cols}
          // 39 px is the header row of a small table
          scroll={{ x: width, y: Math.max(120, height - 39) }}
          locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的户" /> }}
          onRow={(r) => ({
            onClick: () => {
              if (!r.pending) onOpen(r);
            },
            onKeyDown: (e) => {
              if (e.key === 'Enter' && !r.pending) onOpen(r);
            },
            tabIndex: 0,
            style: { cursor: r.pending ? 'default' : 'pointer' },
            'data-row-id': r.pending ? undefined : r.id,
          })}
        />
      )}
    </div>
  );
}
