import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail, HouseholdRow } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { HouseholdSelect } from '../assistance/household-select';
import { VillageSelect } from '../assistance/village-select';
import { SaveError, useSave } from '../assistance/save-error';
import { useCodeTables } from '../registry/use-code-tables';

interface Values {
  kind: 'identification' | 'return';
  who: 'existing' | 'new';
  regionCode?: string;
  groupName?: string;
  headName?: string;
  headIdNumber?: string;
  phone?: string;
  applicationDate: dayjs.Dayjs;
  reason: string;
  attribute?: string;
  mainCause?: string;
}

interface Props {
  /** A household chosen before (from its registry page). */
  householdId: string | null;
  /** 返贫排查 when opened from an exited household's page. */
  kind?: Values['kind'];
  onClose(): void;
  onOpened(c: CaseDetail): void;
}

/** 农户申请: an applicant household (registered, or new with its head only), or 返贫排查 of an exited one. */
export function OpenCaseDialog({ householdId, kind = 'identification', onClose, onOpened }: Props) {
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSave();
  const [household, setHousehold] = useState<{ id: string; label: string } | null>(null);
  const who = Form.useWatch('who', form) ?? (householdId ? 'existing' : 'new');
  const date = Form.useWatch('applicationDate', form);
  const { tables } = useCodeTables(date ? date.year() : dayjs().year());

  useEffect(() => {
    if (!householdId) return;
    call('registry.getHousehold', { id: householdId }).then(
      (h) => setHousehold({ id: h.id, label: `${h.household.headName ?? '（户主未填）'}（${h.regionPath}）` }),
      () => undefined,
    );
  }, [householdId]);

  async function submit(): Promise<void> {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      onOpened(
        await call('workflow.openIdentification', {
          kind: v.kind,
          householdId: v.who === 'existing' ? (household?.id ?? '') : null,
          applicant:
            v.who === 'new'
              ? { regionCode: v.regionCode ?? '', groupName: v.groupName?.trim() || null, headName: v.headName ?? '', headIdNumber: v.headIdNumber ?? '', phone: v.phone?.trim() || null }
              : null,
          applicationDate: v.applicationDate.format('YYYY-MM-DD'),
          reason: v.reason ?? '',
          attribute: v.attribute ?? null,
          mainCause: v.mainCause ?? null,
        }),
      );
    });
  }

  const codes = (field: string) => (tables?.[field] ?? []).map((o) => ({ value: o.code, label: o.label }));
  return (
    <Modal open title="农户申请" okText="登记申请" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={640} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '110px' }} style={{ marginTop: 12 }} initialValues={{ kind, who: householdId ? 'existing' : 'new', applicationDate: dayjs() }}>
        <Form.Item name="kind" label="流程">
          <Radio.Group
            options={[
              { value: 'identification', label: '贫困户识别' },
              { value: 'return', label: '返贫认定（已脱贫户）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="who" label="申请户">
          <Radio.Group
            options={[
              { value: 'new', label: '新申请户' },
              { value: 'existing', label: '已登记的户' },
            ]}
          />
        </Form.Item>
        {who === 'existing' ? (
          <Form.Item label="户" required>
            {household && householdId === household.id ? (
              <span>{household.label}</span>
            ) : (
              <HouseholdSelect value={household?.id ?? null} onChange={(r: HouseholdRow | null) => setHousehold(r ? { id: r.id, label: r.headName ?? '' } : null)} />
            )}
          </Form.Item>
        ) : (
          <>
            <Form.Item name="regionCode" label="所在村" required>
              <VillageSelect value={form.getFieldValue('regionCode') ?? null} onChange={(code) => form.setFieldValue('regionCode', code)} ariaLabel="所在村" />
            </Form.Item>
            <Form.Item name="groupName" label="村民小组">
              <Input aria-label="村民小组" style={{ width: 160 }} maxLength={40} />
            </Form.Item>
            <Form.Item name="headName" label="户主姓名" required>
              <Input aria-label="户主姓名" style={{ width: 200 }} maxLength={40} />
            </Form.Item>
            <Form.Item name="headIdNumber" label="户主证件号码" required>
              <Input aria-label="户主证件号码" style={{ width: 260 }} maxLength={22} />
            </Form.Item>
            <Form.Item name="phone" label="联系电话">
              <Input aria-label="联系电话" style={{ width: 200 }} maxLength={20} />
            </Form.Item>
          </>
        )}
        <Form.Item name="applicationDate" label="申请日期" required>
          <DatePicker aria-label="申请日期" allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label="申请理由" required>
          <Input.TextArea aria-label="申请理由" rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="attribute" label="贫困户属性">
          <Select aria-label="贫困户属性" allowClear style={{ width: 220 }} options={codes('attribute')} />
        </Form.Item>
        <Form.Item name="mainCause" label="主要致贫原因">
          <Select aria-label="主要致贫原因" allowClear style={{ width: 220 }} options={codes('cause')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
