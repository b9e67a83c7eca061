import { Empty, Timeline, Typography } from 'antd';
import type { EventView } from '../../../../electron/core/api/contract';
import { formatDateTime } from '../../format';
import { codeLabel, type CodeTables } from './use-code-tables';

interface Props {
  events: EventView[];
  /** Names of the household's members, current and former, by person id. */
  names: Map<string, string>;
  tables: CodeTables | null;
}

/** The few facts of an event's detail a clerk reads: who, and why. */
function detailText(event: EventView, names: Map<string, string>, tables: CodeTables | null): string {
  const d = (event.detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.personId === 'string') parts.push(names.get(d.personId) ?? '成员');
  if (typeof d.reason === 'string') parts.push(codeLabel(tables, 'memberChange', d.reason));
  if (typeof d.attribute === 'string') parts.push(codeLabel(tables, 'attribute', d.attribute));
  if (typeof d.mainCause === 'string') parts.push(`主要致贫原因：${codeLabel(tables, 'cause', d.mainCause)}`);
  return parts.join('，');
}

/** 动态: what happened to the household, oldest first, as core recorded it. */
export function EventsTab({ events, names, tables }: Props) {
  if (events.length === 0) return <Empty description="还没有记录任何动态" />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={events.map((e) => ({
        key: e.id,
        title: e.date,
        content: (
          <div>
            <Typography.Text strong>{e.label}</Typography.Text>
            {detailText(e, names, tables) && <span>：{detailText(e, names, tables)}</span>}
            <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
              {e.year} 年度 · {e.recordedBy} 于 {formatDateTime(e.recordedAt)} 登记
            </div>
          </div>
        ),
      }))}
    />
  );
}
