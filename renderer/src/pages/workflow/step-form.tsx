import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { CaseDetail } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from '../assistance/save-error';
import { MEETING_BODIES, pairOptions } from './labels';
import { initialValues, STEP_FIELDS, type StepField } from './step-fields';
import { PhotoUploadField } from './step-photos';

const iso = (d: unknown): string | null => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : null);

/** Dates picked as dayjs become 年-月-日 strings, as core's forms want them. */
function formData(stage: string, v: Record<string, unknown>, pendingObjection: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { note: v.note ?? '' };
  for (const f of STEP_FIELDS[stage] ?? []) {
    const value = v[f.name];
    if (f.kind === 'date') out[f.name] = iso(value);
    else if (f.kind === 'meetings') out[f.name] = ((value as Record<string, unknown>[] | undefined) ?? []).map((m) => ({ ...m, date: iso(m.date), attendees: m.attendees ?? '' }));
    else if (f.kind === 'text' || f.kind === 'textarea') out[f.name] = value ?? '';
    else if (f.kind === 'photos') out[f.name] = value ?? [];
    else out[f.name] = value ?? null;
  }
  if (pendingObjection) out.objectionResolution = { upheld: v.objectionUpheld === true, note: v.objectionNote ?? '' };
  return out;
}

function MeetingsField() {
  return (
    <Form.List name="meetings">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Card key={field.key} size="small" title={`第 ${i + 1} 次评议会议`} style={{ marginBottom: 8 }} extra={fields.length > 1 && <MinusCircleOutlined aria-label="删除会议" onClick={() => remove(field.name)} />}>
              <Space wrap>
                <Form.Item name={[field.name, 'body']} label="评议组织" style={{ marginBottom: 8 }}>
                  <Select aria-label="评议组织" style={{ width: 170 }} options={pairOptions(MEETING_BODIES)} />
                </Form.Item>
                <Form.Item name={[field.name, 'date']} label="会议日期" style={{ marginBottom: 8 }}>
                  <DatePicker aria-label="会议日期" />
                </Form.Item>
                <Form.Item name={[field.name, 'participants']} label="参会人数" style={{ marginBottom: 8 }}>
                  <InputNumber aria-label="参会人数" min={0} />
                </Form.Item>
                <Form.Item name={[field.name, 'votesFor']} label="赞成票" style={{ marginBottom: 8 }}>
                  <InputNumber aria-label="赞成票" min={0} />
                </Form.Item>
                <Form.Item name={[field.name, 'votesAgainst']} label="反对票" style={{ marginBottom: 8 }}>
                  <InputNumber aria-label="反对票" min={0} />
                </Form.Item>
                <Form.Item name={[field.name, 'votesAbstain']} label="弃权票" style={{ marginBottom: 8 }}>
                  <InputNumber aria-label="弃权票" min={0} />
                </Form.Item>
              </Space>
              <Form.Item name={[field.name, 'attendees']} label="参会人员" style={{ marginBottom: 0 }}>
                <Input aria-label="参会人员" maxLength={2000} />
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ body: 'representatives', votesAgainst: 0, votesAbstain: 0 })}>
            再加一次会议
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Form.Item hands its child value/checked and onChange: they pass through to the input. */
function FieldInput({ f, caseId, ...control }: { f: StepField; caseId: string; [prop: string]: unknown }) {
  switch (f.kind) {
    case 'text':
      return <Input {...control} aria-label={f.label} style={{ width: 320 }} />;
    case 'textarea':
      return <Input.TextArea {...control} aria-label={f.label} rows={2} />;
    case 'number':
      return <InputNumber {...control} aria-label={f.label} style={{ width: 180 }} />;
    case 'bool':
      return <Checkbox {...control} aria-label={f.label}>{f.yes}</Checkbox>;
    case 'passFail':
      return <Radio.Group {...control} aria-label={f.label} options={[{ value: 'pass', label: '符合' }, { value: 'fail', label: '不符合' }]} />;
    case 'decision':
      return <Radio.Group {...control} aria-label={f.label} options={[{ value: 'approve', label: '同意' }, { value: 'reject', label: '不同意' }]} />;
    case 'date':
      return <DatePicker {...control} aria-label={f.label} />;
    case 'photos':
      return <PhotoUploadField {...control} caseId={caseId} />;
    case 'meetings':
      return null;
  }
}

interface Props {
  detail: CaseDetail;
  stage: string;
  onDone(next: CaseDetail): void;
}

/** The current step's form; a step sent back by an objection also asks for the objection's finding. */
export function StepForm({ detail, stage, onDone }: Props) {
  const [form] = Form.useForm();
  const { saving, error, run } = useSave();
  const pendingObjection = detail.notices.some((n) => n.objections.some((o) => o.concernsStage === stage && o.resolution === null));
  const fields = STEP_FIELDS[stage] ?? [];

  async function submit(): Promise<void> {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    await run(async () => {
      onDone(await call('workflow.completeStep', { caseId: detail.id, stage, date: iso(v.date) ?? '', data: formData(stage, v, pendingObjection) }));
      form.resetFields();
    });
  }

  return (
    <Form form={form} labelCol={{ flex: '150px' }} initialValues={{ date: dayjs(), ...initialValues(stage) }} aria-label="办理表单">
      <SaveError lines={error} />
      <Form.Item name="date" label="办理日期">
        <DatePicker aria-label="办理日期" allowClear={false} />
      </Form.Item>
      {fields.map((f) =>
        f.kind === 'meetings' ? (
          <Form.Item key={f.name} label={f.label}>
            <MeetingsField />
          </Form.Item>
        ) : (
          <Form.Item key={f.name} name={f.name} label={f.label} valuePropName={f.kind === 'bool' ? 'checked' : 'value'}>
            <FieldInput f={f} caseId={detail.id} />
          </Form.Item>
        ),
      )}
      {pendingObjection && (
        <>
          <Form.Item name="objectionUpheld" label="异议是否属实" valuePropName="checked">
            <Checkbox aria-label="异议是否属实">异议属实</Checkbox>
          </Form.Item>
          <Form.Item name="objectionNote" label="异议核实结论">
            <Input.TextArea aria-label="异议核实结论" rows={2} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label="备注">
        <Input aria-label="备注" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          办理完成
        </Button>
      </Form.Item>
    </Form>
  );
}
