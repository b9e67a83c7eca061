import { useState } from 'react';
import { DatePicker, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import type { AssistanceSaveResult } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { CadreSelect } from './cadre-select';
import { HouseholdSelect } from './household-select';
import { SaveError, useSave } from './save-error';

interface Props {
  /** Pairing for a known household (the household page); otherwise it is picked here */
  household?: { id: string; headName: string | null };
  onClose(): void;
  onSaved(result: AssistanceSaveResult, text: string): void;
}

/** 结对: a household, a cadre, a first day. The core checks the rank's quota. */
export function PairDialog({ household, onClose, onSaved }: Props) {
  const [householdId, setHouseholdId] = useState<string | null>(household?.id ?? null);
  const [headName, setHeadName] = useState<string | null>(household?.headName ?? null);
  const [cadre, setCadre] = useState<{ id: string; name: string } | null>(null);
  const [fromDate, setFromDate] = useState(dayjs().format('YYYY-MM-DD'));
  const { saving, error, setError, run } = useSave();

  async function submit(): Promise<void> {
    if (!householdId) return setError(['「户」：请选择要结对的户']);
    if (!cadre) return setError(['「帮扶责任人」：请选择帮扶责任人']);
    await run(async () => {
      const result = await call('assistance.pair', { householdId, cadreId: cadre.id, fromDate });
      onSaved(result, `已为${headName ?? '该户'}户指定帮扶责任人${cadre.name}`);
    });
  }

  return (
    <Modal open title="结对帮扶" okText="结对" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={620} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form labelCol={{ flex: '110px' }} style={{ marginTop: 12 }}>
        <Form.Item label="户" required>
          {household ? <span>{household.headName ?? '（户主未填）'}户</span> : <HouseholdSelect value={householdId} onChange={(r) => (setHouseholdId(r?.id ?? null), setHeadName(r?.headName ?? null))} />}
        </Form.Item>
        <Form.Item label="帮扶责任人" required extra="括号里是已在帮的户数和按职务级别分工的户数">
          <CadreSelect value={cadre?.id ?? null} showQuota onChange={(c) => setCadre(c ? { id: c.id, name: c.name } : null)} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item label="帮扶开始时间" required>
          <DatePicker aria-label="帮扶开始时间" allowClear={false} value={dayjs(fromDate)} onChange={(d) => d && setFromDate(d.format('YYYY-MM-DD'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
