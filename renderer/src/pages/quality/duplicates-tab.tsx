import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Table, Typography } from 'antd';
import type { DuplicateView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { SeverityTag } from '../registry/field-input';
import { shortVillageName } from '../registry/region-labels';

interface Props {
  regionCode: string;
  from: string;
}

/** 重复人员: the same ID number in two households (错误), or the same name and birth date in one township (待核实). */
export function DuplicatesTab({ regionCode, from }: Props) {
  const [groups, setGroups] = useState<DuplicateView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setGroups(null);
    setError(null);
    call('quality.duplicates', { regionCode }).then(
      (list) => !cancelled && setGroups([...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))),
      (err: unknown) => !cancelled && setError(errorText(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [regionCode]);

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        证件号码相同的是同一人在多户登记，须在其中一户办理成员减少；同名同出生日期的可能是同一人，请核实。
      </Typography.Paragraph>
      <Table<DuplicateView & { n: number }>
        aria-label="重复人员"
        size="small"
        rowKey="n"
        loading={groups === null ? { spinning: true, description: '正在逐人比对，全县范围可能需要十几秒…' } : false}
        dataSource={(groups ?? []).map((g, n) => ({ ...g, n }))}
        locale={{ emptyText: '没有发现重复人员' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: '级别', key: 'sev', width: 72, render: (_, g) => <SeverityTag severity={g.severity} /> },
          { title: '说明', dataIndex: 'message', width: 280 },
          {
            title: '涉及人员',
            key: 'members',
            render: (_, g) => (
              <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
                {g.members.map((m) => (
                  <li key={m.personId}>
                    <Link to={`/registry/household/${m.householdId}?tab=members&person=${m.personId}&field=idNumber`} state={{ from }}>
                      {m.name ?? '（未填姓名）'}
                    </Link>
                    <span style={{ color: 'rgba(0,0,0,0.55)', marginLeft: 8 }}>
                      {m.idMasked ?? '无证件号码'} · {m.villageName.split(' ').map(shortVillageName).join(' ')} · 户主 {m.headName ?? '—'}
                    </span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
