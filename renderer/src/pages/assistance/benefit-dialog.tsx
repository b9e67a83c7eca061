import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { AssistanceSaveResult, BenefitInput, HouseholdAssistance } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from './save-error';
import { selectOptions, useAssistanceCatalog } from './use-catalog';

type Kind = BenefitInput['kind'];

interface Props {
  household: HouseholdAssistance;
  onClose(): void;
  onSaved(result: AssistanceSaveResult): void;
}

/** 登记享受政策: the fields of the chosen policy; the core checks its rule and says what breaks it. */
export function BenefitDialog({ household, onClose, onSaved }: Props) {
  const catalog = useAssistanceCatalog(household.dataYear);
  const [form] = Form.useForm();
  const [kind, setKind] = useState<Kind>('smallLoan');
  const { saving, error, setError, run } = useSave();
  const members = household.members.map((m) => ({ value: m.personId, label: m.name ?? '成员' }));
  const d = (v: dayjs.Dayjs | null | undefined): string | null => (v ? v.format('YYYY-MM-DD') : null);

  function inputOf(v: Record<string, unknown>): BenefitInput {
    const base = { personId: (v.personId as string | undefined) ?? null, year: v.year as number, amount: (v.amount as number | undefined) ?? null };
    switch (kind) {
      case 'smallLoan':
        return { kind, ...base, startDate: d(v.startDate as dayjs.Dayjs) ?? '', endDate: d(v.endDate as dayjs.Dayjs) ?? '', purpose: (v.purpose as string) ?? '', loanType: (v.loanType as string) ?? null, bank: (v.bank as string) ?? null, repaidDate: d(v.repaidDate as dayjs.Dayjs) };
      case 'dibao':
        return { kind, ...base, classCode: (v.classCode as string) ?? '', persons: (v.persons as number) ?? 0 };
      case 'relocation':
        return { kind, ...base, resettlementMode: (v.resettlementMode as string) ?? null, resettlementPlace: null, persons: (v.persons as number) ?? 0, housingAreaM2: (v.housingAreaM2 as number) ?? null, selfFundingYuan: (v.selfFundingYuan as number) ?? null, startDate: d(v.startDate as dayjs.Dayjs) };
      case 'housingRenovation':
        return { kind, ...base, grade: (v.grade as string) ?? '', method: (v.method as string) ?? '', endDate: d(v.endDate as dayjs.Dayjs) };
      case 'education':
      case 'health':
        return { kind, ...base, program: (v.program as string) ?? '' };
    }
  }

  async function submit(): Promise<void> {
    const v = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!v) return;
    await run(async () => {
      onSaved(await call('assistance.saveBenefit', { id: null, householdId: household.householdId, benefit: inputOf(v) }));
    });
  }

  const money = (name: string, label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber aria-label={label} min={0} style={{ width: 160 }} suffix="元" />
    </Form.Item>
  );
  const person = (label: string) => (
    <Form.Item name="personId" label={label}>
      <Select aria-label={label} options={members} style={{ width: 200 }} allowClear />
    </Form.Item>
  );
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label}>
      <DatePicker aria-label={label} />
    </Form.Item>
  );
  const loan = catalog?.smallLoan;

  return (
    <Modal open title="登记享受政策" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={620} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form form={form} labelCol={{ flex: '110px' }} style={{ marginTop: 12 }} initialValues={{ year: household.dataYear }}>
        <Form.Item label="政策">
          <Select aria-label="政策" value={kind} onChange={(k: Kind) => (setKind(k), setError(null))} options={selectOptions(catalog?.benefitKinds)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <InputNumber aria-label="年度" min={2014} max={2100} />
        </Form.Item>
        {kind === 'smallLoan' && (
          <>
            {person('借款人')}
            <Form.Item name="amount" label="借款金额" extra={loan ? `每户最高 ${loan.maxAmountYuan} 元，期限不超过 ${loan.maxTermYears} 年，借款人 ${loan.minAge}–${loan.maxAge} 周岁` : undefined}>
              <InputNumber aria-label="借款金额" min={0} style={{ width: 160 }} suffix="元" />
            </Form.Item>
            {date('startDate', '放款日期')}
            {date('endDate', '到期日期')}
            <Form.Item name="purpose" label="贷款用途">
              <Select aria-label="贷款用途" options={selectOptions(catalog?.loanPurposes)} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="loanType" label="贷款类型">
              <Select aria-label="贷款类型" options={selectOptions(catalog?.loanTypes)} style={{ width: 160 }} allowClear />
            </Form.Item>
            <Form.Item name="bank" label="放款银行">
              <Input aria-label="放款银行" maxLength={40} />
            </Form.Item>
            {date('repaidDate', '结清日期')}
          </>
        )}
        {kind === 'dibao' && (
          <>
            <Form.Item name="classCode" label="低保类别">
              <Select aria-label="低保类别" options={(catalog?.dibaoClasses ?? []).map((c) => ({ value: c.code, label: c.annualAmount === null ? c.label : `${c.label}（${c.annualAmount} 元/人/年）` }))} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="persons" label="保障人数">
              <InputNumber aria-label="保障人数" min={1} max={30} />
            </Form.Item>
            {money('amount', '低保金')}
          </>
        )}
        {kind === 'relocation' && (
          <>
            <Form.Item name="resettlementMode" label="安置方式">
              <Select aria-label="安置方式" options={selectOptions(catalog?.resettlementModes)} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="persons" label="搬迁人数">
              <InputNumber aria-label="搬迁人数" min={1} max={30} />
            </Form.Item>
            <Form.Item name="housingAreaM2" label="安置住房面积">
              <InputNumber aria-label="安置住房面积" min={0} suffix="平方米" style={{ width: 160 }} />
            </Form.Item>
            {money('selfFundingYuan', '农户自筹')}
            {money('amount', '补助资金')}
            {date('startDate', '入住日期')}
          </>
        )}
        {kind === 'housingRenovation' && (
          <>
            <Form.Item name="grade" label="危房级别">
              <Select aria-label="危房级别" options={selectOptions(catalog?.dilapidationGrades)} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="method" label="改造方式">
              <Select aria-label="改造方式" options={selectOptions(catalog?.renovationMethods)} style={{ width: 160 }} />
            </Form.Item>
            {money('amount', '补助资金')}
            {date('endDate', '竣工日期')}
          </>
        )}
        {kind === 'education' && (
          <>
            {person('受助学生')}
            <Form.Item name="program" label="资助项目">
              <Select aria-label="资助项目" options={selectOptions(catalog?.educationPrograms)} style={{ width: 300 }} />
            </Form.Item>
            {money('amount', '资助金额')}
          </>
        )}
        {kind === 'health' && (
          <>
            {person('受助成员')}
            <Form.Item name="program" label="健康扶贫项目">
              <Select aria-label="健康扶贫项目" options={selectOptions(catalog?.healthPrograms)} style={{ width: 300 }} />
            </Form.Item>
            {money('amount', '金额')}
          </>
        )}
      </Form>
    </Modal>
  );
}
