import { useState } from 'react';
import { Alert, App, Button, Input, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { UnitView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useLoad } from '../../api/use-load';
import { useEditor } from '../../components/use-editor';
import { useSignedIn } from '../../app/session';
import { RowActions } from '../../components/row-actions';
import { UnitDialog } from './unit-dialog';

export function UnitsTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const canWrite = user.role !== 'viewer';

  const { data: units, error, reload: load } = useLoad(() => call('assistance.listUnits', {}));
  const editor = useEditor<UnitView>(load);

  async function remove(u: UnitView): Promise<void> {
    try {
      await call('assistance.deleteUnit', { id: u.id });
      void message.success(`已删除「${u.name}」`);
      await load();
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>联村帮扶的省、市、县直单位和乡镇。上级登记的单位在这里可以查看，由登记单位修改。</span>
        <Space>
          <Input.Search allowClear placeholder="按单位名称查找" style={{ width: 200 }} onSearch={setQuery} onChange={(e) => setQuery(e.target.value)} />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open('new')}>
              登记帮扶单位
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<UnitView>
        rowKey="id"
        size="middle"
        loading={units === null && !error}
        dataSource={(units ?? []).filter((u) => u.name.includes(query.trim()))}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '隶属关系', dataIndex: 'affiliationLabel', width: 90 },
          {
            title: '联系村',
            key: 'villages',
            render: (_, u) => (u.villages.length === 0 ? '—' : u.villages.map((v) => <Tag key={v.villageCode}>{v.villageName}</Tag>)),
          },
          { title: '帮扶责任人', dataIndex: 'cadreCount', width: 100, align: 'right' },
          { title: '联系人', key: 'contact', render: (_, u) => [u.contactName, u.contactPhone].filter(Boolean).join(' ') || '—' },
          { title: '登记单位', dataIndex: 'regionName', width: 110 },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, u) => (
              <RowActions editable={canWrite && u.editable} onEdit={() => editor.open(u)} deleteConfirm={u.cadreCount === 0 ? `删除「${u.name}」？` : null} onDelete={() => void remove(u)} />
            ),
          },
        ]}
      />
      {editor.editing && (
        <UnitDialog
          unit={editor.current}
          onClose={editor.close}
          onSaved={(name) => editor.saved(`已保存「${name}」`)}
        />
      )}
    </>
  );
}
