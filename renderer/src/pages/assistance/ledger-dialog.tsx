import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { AssistanceSaveResult, HouseholdAssistance } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from './save-error';
import { selectOptions, useAssistanceCatalog } from './use-catalog';

interface LedgerValues {
  date: dayjs.Dayjs;
  cadreId: string;
  kind: string;
  content: string;
  problemSolved?: string;
  headSigned?: boolean;
}

interface Props {
  household: HouseholdAssistance;
  onClose(): void;
  onSaved(result: AssistanceSaveResult): void;
}

/** 工作台账: a visit or piece of work by the household's cadre or a team member. */
export function LedgerDialog({ household, onClose, onSaved }: Props) {
  const catalog = useAssistanceCatalog(household.dataYear);
  const [form] = Form.useForm();
  const { saving, error, setError, run } = useSave();
  const helpers = new Map<string, string>();
  for (const p of household.pairings) helpers.set(p.cadreId, `${p.cadreName}（帮扶责任人）`);
  for (const m of household.team?.members ?? []) if (!helpers.has(m.cadreId)) helpers.set(m.cadreId, `${m.cadreName}（${m.roleLabel}）`);

  async function submit(): Promise<void> {
    const v = (await form.validateFields().catch(() => null)) as LedgerValues | null;
    if (!v) return;
    await run(async () => {
      onSaved(
        await call('assistance.saveLedgerEntry', {
          id: null,
          householdId: household.householdId,
          cadreId: v.cadreId,
          date: v.date.format('YYYY-MM-DD'),
          kind: v.kind,
          content: v.content,
          problemSolved: v.problemSolved ?? null,
          headSigned: v.headSigned ?? false,
        }),
      );
    });
  }

  return (
    <Modal open title="记工作台账" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={620} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '96px' }} style={{ marginTop: 12 }} initialValues={{ date: dayjs(), kind: 'visit', cadreId: household.pairings.find((p) => p.active)?.cadreId, headSigned: true }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="日期" allowClear={false} />
        </Form.Item>
        <Form.Item name="cadreId" label="帮扶人" rules={[{ required: true, message: '请选择帮扶人' }]}>
          <Select aria-label="帮扶人" options={[...helpers].map(([value, label]) => ({ value, label }))} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="kind" label="工作内容">
          <Select aria-label="工作内容" options={selectOptions(catalog?.ledgerKinds)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="content" label="工作记录" rules={[{ required: true, whitespace: true, message: '请填写做了什么' }]}>
          <Input.TextArea aria-label="工作记录" rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="problemSolved" label="解决的问题">
          <Input.TextArea aria-label="解决的问题" rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="headSigned" label="户主签字" valuePropName="checked">
          <Checkbox>户主已在纸质台账上签字</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
