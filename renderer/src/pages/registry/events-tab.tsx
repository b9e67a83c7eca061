import { useEffect, useState } from 'react';
import { App, Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, FileAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import type { EventView, StatusView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useSignedIn } from '../../app/session';
import { formatDateTime } from '../../format';
import { codeLabel, type CodeTables } from './use-code-tables';
import { CorrectStatusDialog, RemoveHouseholdDialog } from './household-change-dialogs';

interface Props {
  events: EventView[];
  /** Names of the household's members, current and former, by person id. */
  names: Map<string, string>;
  tables: CodeTables | null;
  /** null until the household is saved: nothing can happen to it before. */
  householdId: string | null;
  headName: string;
  readOnly: boolean;
  /** After a change recorded here: the page reloads the household (and so these events). */
  onChanged(): void;
}

/** The few facts of an event's detail a clerk reads: who, and why. */
function detailText(event: EventView, names: Map<string, string>, tables: CodeTables | null): string {
  const d = (event.detail ?? {}) as Record<string, unknown>;
  // Workflow events (减少, 更正, 识别 …) carry their own sentence.
  if (typeof d.summary === 'string') return d.summary;
  const parts: string[] = [];
  if (typeof d.personId === 'string') parts.push(names.get(d.personId) ?? '成员');
  if (typeof d.reason === 'string') parts.push(codeLabel(tables, 'memberChange', d.reason));
  if (typeof d.attribute === 'string') parts.push(codeLabel(tables, 'attribute', d.attribute));
  if (typeof d.mainCause === 'string') parts.push(`主要致贫原因：${codeLabel(tables, 'cause', d.mainCause)}`);
  return parts.join('，');
}

type Dialog = 'remove' | 'correct' | null;

/** The household's status today, and what may be done from here: 申请识别 (返贫排查), 减少, 状态更正. */
function ChangeBar({ householdId, headName, readOnly, events, onChanged }: Omit<Props, 'names' | 'tables'> & { householdId: string }) {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const isAdmin = user.role === 'admin';
  const [status, setStatus] = useState<StatusView | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  // The events prop changes after every recorded change: the status is asked again then.
  useEffect(() => {
    call('workflow.statusOn', { householdId, date: dayjs().format('YYYY-MM-DD') }).then(setStatus, () => setStatus(null));
  }, [householdId, events]);

  const s = status?.status.status;
  const done = (v: StatusView) => {
    setDialog(null);
    void message.success(`已登记，该户现为「${v.statusLabel}」`);
    onChanged();
  };
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', margin: '8px 0 16px' }}>
      <span>
        当前状态：
        {status ? (
          <Tag color={s === 'poor' ? 'red' : s === 'exited' ? 'green' : s === 'removed' ? 'default' : 'blue'} data-testid="household-status">
            {status.statusLabel}
            {status.status.since ? `（${status.status.since} 起）` : ''}
          </Tag>
        ) : (
          '—'
        )}
      </span>
      {!readOnly && status && (
        <Space wrap style={{ marginLeft: 'auto' }}>
          {status.openCase && (
            <Link to={`/identification/case/${status.openCase.id}`}>
              <Button type="link">正在办理：{status.openCase.label}</Button>
            </Link>
          )}
          {/* A household removed by mistake or by 清退 may apply again, as core allows. */}
          {!status.openCase && (s === 'none' || s === 'removed' || s === 'exited') && (
            <Link to={`/identification/cases?householdId=${householdId}&open=1${s === 'exited' ? '&kind=return' : ''}`}>
              <Button icon={<FileAddOutlined />}>{s === 'exited' ? '返贫排查' : '申请识别'}</Button>
            </Link>
          )}
          {/* Removal waits until the open case is finished or withdrawn (core refuses it meanwhile). */}
          {s !== 'removed' && !status.openCase && (
            <Button danger icon={<UserDeleteOutlined />} onClick={() => setDialog('remove')}>
              减少（清退）
            </Button>
          )}
          {isAdmin && (
            <Button icon={<EditOutlined />} onClick={() => setDialog('correct')}>
              状态更正
            </Button>
          )}
        </Space>
      )}
      {dialog === 'remove' && <RemoveHouseholdDialog householdId={householdId} headName={headName} isAdmin={isAdmin} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'correct' && <CorrectStatusDialog householdId={householdId} headName={headName} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}

/** 动态: what happened to the household, oldest first, as core recorded it; changes are recorded above the list. */
export function EventsTab({ events, names, tables, householdId, headName, readOnly, onChanged }: Props) {
  return (
    <>
      {householdId && <ChangeBar householdId={householdId} headName={headName} readOnly={readOnly} events={events} onChanged={onChanged} />}
      {events.length === 0 ? <Empty description="还没有记录任何动态" /> : <EventList events={events} names={names} tables={tables} />}
    </>
  );
}

function EventList({ events, names, tables }: Pick<Props, 'events' | 'names' | 'tables'>) {
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
