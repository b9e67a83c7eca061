import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { UnitView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from './save-error';
import { selectOptions, thisYear, useAssistanceCatalog } from './use-catalog';
import { VillageSelect } from './village-select';

interface Props {
  unit: UnitView | null;
  onClose(): void;
  onSaved(name: string): void;
}

interface Values {
  name: string;
  affiliation: string;
  contactName?: string;
  contactPhone?: string;
  note?: string;
}

type Link = { villageCode: string; villageName: string; fromDate: string; toDate: string | null };

export function UnitDialog({ unit, onClose, onSaved }: Props) {
  const catalog = useAssistanceCatalog(thisYear());
  const [form] = Form.useForm<Values>();
  const [links, setLinks] = useState<Link[]>(unit?.villages ?? []);
  const [adding, setAdding] = useState<{ code: string; name: string } | null>(null);
  const { saving, error, setError, run } = useSave();

  async function submit(): Promise<void> {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      await call('assistance.saveUnit', {
        id: unit?.id ?? null,
        name: v.name,
        affiliation: v.affiliation,
        contactName: v.contactName ?? null,
        contactPhone: v.contactPhone ?? null,
        note: v.note ?? null,
        villages: links.map(({ villageCode, fromDate, toDate }) => ({ villageCode, fromDate, toDate })),
      });
      onSaved(v.name);
    });
  }

  return (
    <Modal open title={unit ? `编辑帮扶单位：${unit.name}` : '登记帮扶单位'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={680} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form<Values>
        form={form}
        labelCol={{ flex: '96px' }}
        requiredMark={false}
        style={{ marginTop: 12 }}
        initialValues={unit ? { name: unit.name, affiliation: unit.affiliation, contactName: unit.contactName ?? undefined, contactPhone: unit.contactPhone ?? undefined, note: unit.note ?? undefined } : { affiliation: '04' }}
      >
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input placeholder="例如 会宁县教育局" maxLength={60} />
        </Form.Item>
        <Form.Item name="affiliation" label="隶属关系">
          <Select aria-label="隶属关系" options={selectOptions(catalog?.affiliations)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="联系人">
          <Space>
            <Form.Item name="contactName" noStyle>
              <Input placeholder="姓名" style={{ width: 140 }} maxLength={20} />
            </Form.Item>
            <Form.Item name="contactPhone" noStyle>
              <Input placeholder="电话" aria-label="联系电话" style={{ width: 180 }} maxLength={20} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="联系村">
          <Space style={{ marginBottom: 8 }}>
            <VillageSelect value={adding?.code ?? null} onChange={(code, name) => setAdding({ code, name })} ariaLabel="联系村" />
            <Button
              disabled={!adding || links.some((l) => l.villageCode === adding.code)}
              onClick={() => {
                if (!adding) return;
                setLinks([...links, { villageCode: adding.code, villageName: adding.name, fromDate: dayjs().format('YYYY-MM-DD'), toDate: null }]);
                setAdding(null);
              }}
            >
              添加
            </Button>
          </Space>
          <Table<Link>
            rowKey="villageCode"
            size="small"
            pagination={false}
            dataSource={links}
            locale={{ emptyText: '尚未联系村' }}
            columns={[
              { title: '村', dataIndex: 'villageName' },
              {
                title: '联系开始',
                key: 'from',
                render: (_, l, i) => (
                  <DatePicker
                    size="small"
                    allowClear={false}
                    value={dayjs(l.fromDate)}
                    onChange={(d) => setLinks(links.map((x, j) => (j === i ? { ...x, fromDate: (d ?? dayjs()).format('YYYY-MM-DD') } : x)))}
                  />
                ),
              },
              {
                title: '联系结束',
                key: 'to',
                render: (_, l, i) => (
                  <DatePicker size="small" value={l.toDate ? dayjs(l.toDate) : null} placeholder="至今" onChange={(d) => setLinks(links.map((x, j) => (j === i ? { ...x, toDate: d ? d.format('YYYY-MM-DD') : null } : x)))} />
                ),
              },
              {
                title: '',
                key: 'x',
                render: (_, l) => (
                  <Button type="link" size="small" danger onClick={() => setLinks(links.filter((x) => x.villageCode !== l.villageCode))}>
                    移除
                  </Button>
                ),
              },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
