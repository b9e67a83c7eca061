import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TeamView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useEditor } from '../../components/use-editor';
import { useSignedIn } from '../../app/session';
import { TeamDialog } from './team-dialog';

/** 队长 / 第一书记 badges, then the name. */
export function memberText(m: TeamView['members'][number]): string {
  return `${m.roleLabel}${m.isFirstSecretary ? '（第一书记）' : ''} ${m.cadreName}`;
}

export function TeamsTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const canWrite = user.role !== 'viewer';

  const { data: teams, error, reload: load } = useLoad(() => call('assistance.listTeams', {}));
  const editor = useEditor<TeamView>(load);

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>每个贫困村派驻一支工作队：队长、第一书记、队员和包村干部，队员每年驻村不少于规定天数。</span>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open('new')}>
            派驻工作队
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<TeamView>
        rowKey="id"
        size="middle"
        loading={teams === null && !error}
        dataSource={teams ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '乡镇', dataIndex: 'townshipName', width: 100 },
          { title: '村', dataIndex: 'villageName', width: 120 },
          { title: '工作队', dataIndex: 'name' },
          { title: '派出单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: '派驻期间', key: 'period', render: (_, t) => `${t.fromDate} 至 ${t.toDate ?? '今'}` },
          {
            title: '队员',
            key: 'members',
            render: (_, t) => (
              <Space size={[4, 4]} wrap style={{ maxWidth: 420 }}>
                {t.members.map((m) => (
                  <Tag key={m.cadreId} color={m.role === 'leader' ? 'blue' : m.isFirstSecretary ? 'geekblue' : 'default'}>
                    {memberText(m)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: '状态', key: 'active', render: (_, t) => (t.active ? <Tag color="green">在驻</Tag> : <Tag>已撤离</Tag>) },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, t) =>
              canWrite ? (
                <Button type="link" size="small" onClick={() => editor.open(t)}>
                  编辑
                </Button>
              ) : null,
          },
        ]}
      />
      {editor.editing && (
        <TeamDialog
          team={editor.current}
          onClose={editor.close}
          onSaved={(name) => editor.saved(`已保存「${name}」`)}
        />
      )}
    </>
  );
}
