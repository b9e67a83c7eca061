import { useEffect, useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import type { CadreView, UnitView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from './save-error';
import { selectOptions, thisYear, useAssistanceCatalog } from './use-catalog';

interface Props {
  cadre: CadreView | null;
  onClose(): void;
  onSaved(name: string): void;
}

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  unitId: string;
  position?: string;
  rank: string;
  politicalStatus?: string;
  education?: string;
  speciality?: string;
  note?: string;
}

export function CadreDialog({ cadre, onClose, onSaved }: Props) {
  const catalog = useAssistanceCatalog(thisYear());
  const [form] = Form.useForm<Values>();
  const [units, setUnits] = useState<UnitView[]>([]);
  const { saving, error, setError, run } = useSave();
  useEffect(() => {
    call('assistance.listUnits', {}).then(setUnits, () => undefined);
  }, []);

  async function submit(): Promise<void> {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      await call('assistance.saveCadre', {
        id: cadre?.id ?? null,
        unitId: v.unitId ?? null,
        name: v.name,
        idNumber: v.idNumber,
        phone: v.phone?.trim() || null,
        position: v.position ?? null,
        politicalStatus: v.politicalStatus ?? null,
        rank: v.rank ?? null,
        education: v.education ?? null,
        speciality: v.speciality ?? null,
        note: v.note ?? null,
      });
      onSaved(v.name);
    });
  }

  const rankOptions = (catalog?.ranks ?? []).map((r) => ({ value: r.code, label: r.maxHouseholds === null ? r.label : `${r.label}（帮扶 ${r.maxHouseholds} 户）` }));
  return (
    <Modal open title={cadre ? `编辑帮扶责任人：${cadre.name}` : '登记帮扶责任人'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={640} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form<Values>
        form={form}
        labelCol={{ flex: '110px' }}
        requiredMark={false}
        style={{ marginTop: 12 }}
        initialValues={
          cadre
            ? {
                name: cadre.name,
                idNumber: cadre.idNumber,
                phone: cadre.phone,
                unitId: cadre.unitId,
                position: cadre.position ?? undefined,
                rank: cadre.rank,
                politicalStatus: cadre.politicalStatus ?? undefined,
                education: cadre.education ?? undefined,
                speciality: cadre.speciality ?? undefined,
                note: cadre.note ?? undefined,
              }
            : { politicalStatus: '01' }
        }
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="idNumber" label="证件号码" extra="用于核对帮扶责任人不是建档立卡贫困人口" rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]}>
          <Input maxLength={22} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" extra="印在帮扶明白卡上" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
          <Input maxLength={11} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="unitId" label="单位名称" rules={[{ required: true, message: '请选择帮扶单位' }]}>
          <Select aria-label="单位名称" showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} placeholder="先在「帮扶单位」登记单位" />
        </Form.Item>
        <Form.Item name="position" label="派出单位职务">
          <Input maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="rank" label="行政职务级别" rules={[{ required: true, message: '请选择行政职务级别' }]} extra={catalog ? `帮扶户数按「${catalog.quotaName}」分工核对` : undefined}>
          <Select aria-label="行政职务级别" options={rankOptions} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="politicalStatus" label="政治面貌">
          <Select aria-label="政治面貌" allowClear options={selectOptions(catalog?.politicalStatus)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="education" label="学历">
          <Select aria-label="学历" allowClear options={selectOptions(catalog?.education)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="speciality" label="技术特长">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
