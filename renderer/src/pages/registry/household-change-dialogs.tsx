import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { StatusView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from '../assistance/save-error';
import { CORRECTABLE_STATUSES, pairOptions, REMOVAL_REASONS, type RemovalReason } from '../workflow/labels';

interface Props {
  householdId: string;
  headName: string;
  /** County administrators may also 清退 (识别不准) and correct closed years. */
  isAdmin: boolean;
  onClose(): void;
  onDone(status: StatusView): void;
}

interface RemoveValues {
  reason: RemovalReason;
  date: dayjs.Dayjs;
  note: string;
  corrects: boolean;
  correctsYear?: number;
  correctionReason?: string;
}

const lastYear = () => dayjs().year() - 1;

/**
 * 减少: the household ends (全户死亡, 整户迁出, 并户) or the county finds it wrongly identified
 * (识别不准清退). Core records a 自然减少（清退） event; the status follows from it. A change
 * dated in a closed year is refused, so the dialog offers to record it as a correction instead.
 */
export function RemoveHouseholdDialog({ householdId, headName, isAdmin, onClose, onDone }: Props) {
  const [form] = Form.useForm<RemoveValues>();
  const { saving, error, run } = useSave();
  const corrects = Form.useWatch('corrects', form) ?? false;

  async function submit(): Promise<void> {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      onDone(
        await call('workflow.removeHousehold', {
          householdId,
          reason: v.reason,
          date: v.date.format('YYYY-MM-DD'),
          note: v.note ?? '',
          correction: v.corrects ? { year: v.correctsYear ?? lastYear(), reason: v.correctionReason ?? '' } : null,
        }),
      );
    });
  }

  const reasons = pairOptions(REMOVAL_REASONS).filter((o) => isAdmin || o.value !== 'misidentified');
  return (
    <Modal open title={`减少：${headName}`} okText="登记减少" cancelText="取消" okButtonProps={{ danger: true }} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '110px' }} style={{ marginTop: 12 }} initialValues={{ date: dayjs(), corrects: false, correctsYear: lastYear() }}>
        <Form.Item name="reason" label="减少原因" rules={[{ required: true, message: '请选择减少原因' }]}>
          <Select aria-label="减少原因" style={{ width: 220 }} options={reasons} />
        </Form.Item>
        <Form.Item name="date" label="减少日期" rules={[{ required: true, message: '请选择减少日期' }]}>
          <DatePicker aria-label="减少日期" allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label="情况说明" rules={[{ required: true, whitespace: true, message: '请填写情况说明' }]}>
          <Input.TextArea aria-label="情况说明" rows={2} maxLength={1000} placeholder="如：户主于某日去世，家中已无其他成员；全家迁往某地落户" />
        </Form.Item>
        {isAdmin && (
          <Form.Item name="corrects" label="更正已结账年度" valuePropName="checked" extra="实际发生在已结账年度的变动，以当前年度的日期登记，并注明所更正的年度和原因。">
            <Switch aria-label="更正已结账年度" />
          </Form.Item>
        )}
        {corrects && (
          <>
            <Form.Item name="correctsYear" label="所更正的年度" rules={[{ required: true, message: '请填写所更正的年度' }]}>
              <InputNumber aria-label="所更正的年度" min={2013} max={2100} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="correctionReason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
              <Input.TextArea aria-label="更正原因" rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

interface CorrectValues {
  to: (typeof CORRECTABLE_STATUSES)[number][0];
  date: dayjs.Dayjs;
  correctsYear: number;
  reason: string;
}

/**
 * 状态更正: a closed year's figures never change, so a status found wrong afterwards is set right
 * by a correction event dated in an open year, naming the closed year and why (county admin).
 */
export function CorrectStatusDialog({ householdId, headName, onClose, onDone }: Omit<Props, 'isAdmin'>) {
  const [form] = Form.useForm<CorrectValues>();
  const { saving, error, run } = useSave();

  async function submit(): Promise<void> {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      onDone(await call('workflow.correctStatus', { householdId, to: v.to, date: v.date.format('YYYY-MM-DD'), correctsYear: v.correctsYear, reason: v.reason ?? '' }));
    });
  }

  return (
    <Modal open title={`状态更正：${headName}`} okText="登记更正" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '110px' }} style={{ marginTop: 12 }} initialValues={{ date: dayjs(), correctsYear: lastYear() }}>
        <Form.Item name="to" label="更正为" rules={[{ required: true, message: '请选择更正后的状态' }]}>
          <Select aria-label="更正为" style={{ width: 200 }} options={pairOptions(CORRECTABLE_STATUSES)} />
        </Form.Item>
        <Form.Item name="date" label="更正日期" rules={[{ required: true, message: '请选择更正日期' }]} extra="须在未结账的年度内；已结账年度的数据保持冻结。">
          <DatePicker aria-label="更正日期" allowClear={false} />
        </Form.Item>
        <Form.Item name="correctsYear" label="所更正的年度" rules={[{ required: true, message: '请填写所更正的年度' }]}>
          <InputNumber aria-label="所更正的年度" min={2013} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input.TextArea aria-label="更正原因" rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
