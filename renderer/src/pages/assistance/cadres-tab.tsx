import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Input, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CadreView, Page } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { RowActions } from '../../components/row-actions';
import { useEditor } from '../../components/use-editor';
import { CadreDialog } from './cadre-dialog';

const PAGE = 20;

/** 12 of 4 households: red when over the rank's quota, green when full. */
export function QuotaTag({ cadre }: { cadre: Pick<CadreView, 'activeHouseholds' | 'quota' | 'standing'> }) {
  const text = cadre.quota === null ? `${cadre.activeHouseholds} 户` : `${cadre.activeHouseholds} / ${cadre.quota} 户`;
  const color = cadre.standing === 'over' ? 'red' : cadre.standing === 'full' ? 'green' : 'default';
  return <Tag color={color}>{text}</Tag>;
}

export function CadresTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const [page, setPage] = useState<Page<CadreView> | null>(null);
  const [offset, setOffset] = useState(0);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canWrite = user.role !== 'viewer';

  const load = useCallback(async (at: number, q: string) => {
    setError(null);
    try {
      setPage(await call('assistance.listCadres', { offset: at, limit: PAGE, ...(q ? { query: q } : {}) }));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  useEffect(() => void load(offset, query), [load, offset, query]);
  const editor = useEditor<CadreView>(() => load(offset, query));

  async function remove(c: CadreView): Promise<void> {
    try {
      await call('assistance.deleteCadre', { id: c.id });
      void message.success(`已删除${c.name}`);
      await load(offset, query);
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12, gap: 12 }}>
        <Input.Search allowClear placeholder="姓名或电话" aria-label="查找帮扶责任人" style={{ width: 260 }} onSearch={(q) => (setOffset(0), setQuery(q.trim()))} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open('new')}>
            登记帮扶责任人
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Table<CadreView>
        rowKey="id"
        size="middle"
        loading={page === null && !error}
        dataSource={page?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: page?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 人`, onChange: (p) => setOffset((p - 1) * PAGE) }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '职务', dataIndex: 'position', render: (v: string | null) => v ?? '—' },
          { title: '行政职务级别', dataIndex: 'rankLabel' },
          { title: '联系电话', dataIndex: 'phone' },
          { title: '证件号码', dataIndex: 'idNumberMasked' },
          { title: '在帮户数 / 分工', key: 'quota', render: (_, c) => <QuotaTag cadre={c} /> },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, c) => (
              <RowActions editable={canWrite && c.editable} onEdit={() => editor.open(c)} deleteConfirm={c.activeHouseholds === 0 ? `删除${c.name}？只能删除误登记、没有任何帮扶记录的人。` : null} onDelete={() => void remove(c)} />
            ),
          },
        ]}
      />
      {editor.editing && (
        <CadreDialog cadre={editor.current} onClose={editor.close} onSaved={(name) => editor.saved(`已保存${name}`)} />
      )}
    </>
  );
}
