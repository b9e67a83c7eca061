import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { AssistanceSaveResult, HouseholdAssistance, MeasureView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from './save-error';
import { selectOptions, useAssistanceCatalog } from './use-catalog';

interface MeasureValues {
  year: number;
  category?: string;
  projectName?: string;
  fundSource?: string;
  amount?: number;
  startDate?: dayjs.Dayjs;
  endDate?: dayjs.Dayjs;
  benefit?: string;
  benefitAmount?: number;
  responsibleCadreId?: string;
  status: string;
  note?: string;
}

interface Props {
  household: HouseholdAssistance;
  measure: MeasureView | null;
  onClose(): void;
  onSaved(result: AssistanceSaveResult): void;
}

export function MeasureDialog({ household, measure, onClose, onSaved }: Props) {
  const [form] = Form.useForm();
  const year = (Form.useWatch('year', form) as number | undefined) ?? measure?.year ?? household.dataYear;
  const catalog = useAssistanceCatalog(year);
  const { saving, error, setError, run } = useSave();
  const cadres = [...new Map(household.pairings.map((p) => [p.cadreId, p.cadreName])).entries()].map(([value, label]) => ({ value, label }));

  async function submit(): Promise<void> {
    const v = (await form.validateFields().catch(() => null)) as MeasureValues | null;
    if (!v) return;
    const date = (x: dayjs.Dayjs | undefined | null) => (x ? x.format('YYYY-MM-DD') : null);
    await run(async () => {
      const cadreId = v.responsibleCadreId ?? null;
      onSaved(
        await call('assistance.saveMeasure', {
          id: measure?.id ?? null,
          householdId: household.householdId,
          year: v.year,
          category: v.category ?? '',
          projectName: v.projectName ?? '',
          fundSource: v.fundSource ?? null,
          amount: v.amount ?? null,
          startDate: date(v.startDate),
          endDate: date(v.endDate),
          benefit: v.benefit ?? null,
          benefitAmount: v.benefitAmount ?? null,
          responsibleUnitId: measure?.responsibleUnitId ?? null,
          responsibleCadreId: cadreId,
          status: v.status,
          note: v.note ?? null,
        }),
      );
    });
  }

  return (
    <Modal open title={measure ? '修改帮扶措施' : '登记帮扶措施'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={640} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form
        form={form}
        labelCol={{ flex: '96px' }}
        style={{ marginTop: 12 }}
        initialValues={
          measure
            ? { ...measure, startDate: measure.startDate ? dayjs(measure.startDate) : undefined, endDate: measure.endDate ? dayjs(measure.endDate) : undefined }
            : { year: household.dataYear, status: 'planned', responsibleCadreId: household.pairings.find((p) => p.active)?.cadreId }
        }
      >
        <Form.Item name="year" label="年度">
          <InputNumber aria-label="年度" min={2014} max={2100} />
        </Form.Item>
        <Form.Item name="category" label="措施类别" rules={[{ required: true, message: '请选择措施类别' }]}>
          <Select aria-label="措施类别" options={selectOptions(catalog?.measureCategories)} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="projectName" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
          <Input aria-label="项目名称" maxLength={60} />
        </Form.Item>
        <Form.Item name="fundSource" label="资金来源">
          <Select aria-label="资金来源" allowClear options={selectOptions(catalog?.fundSources)} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="amount" label="投入金额">
          <InputNumber aria-label="投入金额" min={0} suffix="元" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="startDate" label="实施时间">
          <DatePicker aria-label="实施时间" />
        </Form.Item>
        <Form.Item name="endDate" label="完成时间">
          <DatePicker aria-label="完成时间" />
        </Form.Item>
        <Form.Item name="benefit" label="实际收益">
          <Input aria-label="实际收益" maxLength={100} placeholder="例如 出栏肉羊 10 只" />
        </Form.Item>
        <Form.Item name="benefitAmount" label="收益金额">
          <InputNumber aria-label="收益金额" min={0} suffix="元" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="responsibleCadreId" label="责任人">
          <Select aria-label="责任人" allowClear options={cadres} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="status" label="落实情况">
          <Select aria-label="落实情况" options={selectOptions(catalog?.measureStatuses)} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
