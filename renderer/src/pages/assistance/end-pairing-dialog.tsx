import { useState } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import type { PairingView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { SaveError, useSave } from './save-error';

export function EndPairingDialog({ pairing, onClose, onSaved }: { pairing: PairingView; onClose(): void; onSaved(text: string): void }) {
  const [toDate, setToDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [reason, setReason] = useState('');
  const { saving, error, setError, run } = useSave();

  async function submit(): Promise<void> {
    await run(async () => {
      await call('assistance.endPairing', { id: pairing.id, toDate, reason: reason.trim() || null });
      onSaved(`已结束${pairing.cadreName}对${pairing.headName ?? ''}户的帮扶`);
    });
  }

  return (
    <Modal open title={`结束帮扶：${pairing.cadreName} → ${pairing.headName ?? ''}户`} okText="结束帮扶" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form labelCol={{ flex: '110px' }} style={{ marginTop: 12 }}>
        <Form.Item label="帮扶结束时间">
          <DatePicker aria-label="帮扶结束时间" allowClear={false} value={dayjs(toDate)} onChange={(d) => d && setToDate(d.format('YYYY-MM-DD'))} />
        </Form.Item>
        <Form.Item label="结束原因">
          <Input aria-label="结束原因" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={60} placeholder="例如 工作调动、调整帮扶" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
