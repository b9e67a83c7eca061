import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Spin, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { FolderImportView, ImportResultView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { uploadFile } from '../../api/transfer';
import { ImportResult } from './import-result';

interface Props {
  /** A child node without its parent yet: the trust package needs the parent's fingerprint. */
  askFingerprint: boolean;
  onClose(): void;
  onImported(): void;
}

type State =
  | { step: 'pick'; error: string | null }
  | { step: 'importing'; what: string }
  | { step: 'file'; result: ImportResultView }
  | { step: 'folder'; results: FolderImportView[] };

/**
 * 导入数据包: a picked .fpkg file goes up as an upload and core runs its checks in order; or a
 * folder (a USB stick) whose packages core imports in sequence order. Nothing half-applies.
 */
export function ImportDialog({ askFingerprint, onClose, onImported }: Props) {
  const [state, setState] = useState<State>({ step: 'pick', error: null });
  const [fingerprint, setFingerprint] = useState('');
  const [folder, setFolder] = useState(() => localStorage.getItem('fupin.exchange.folder') ?? '');
  const trust = fingerprint.trim() ? { trustFingerprint: fingerprint.trim() } : {};

  async function importPicked(file: File): Promise<void> {
    setState({ step: 'importing', what: file.name });
    try {
      const { fileRef } = await uploadFile(file);
      const result = await call('exchange.importUpload', { uploadRef: fileRef, ...trust });
      setState({ step: 'file', result });
      onImported();
    } catch (err) {
      setState({ step: 'pick', error: errorText(err) });
    }
  }

  async function importFolder(): Promise<void> {
    setState({ step: 'importing', what: folder });
    try {
      const results = await call('exchange.importFolder', { folder: folder.trim(), ...trust });
      setState({ step: 'folder', results });
      onImported();
    } catch (err) {
      setState({ step: 'pick', error: errorText(err) });
    }
  }

  const done = state.step === 'file' || state.step === 'folder';
  return (
    <Modal
      open
      title="导入数据包"
      width={760}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Space>
          {done && <Button onClick={() => setState({ step: 'pick', error: null })}>继续导入</Button>}
          <Button type={done ? 'primary' : 'default'} onClick={onClose}>
            {done ? '完成' : '关闭'}
          </Button>
        </Space>
      }
    >
      {state.step === 'pick' && (
        <>
          {state.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="未能导入，未写入任何数据" description={state.error} data-testid="import-file-error" />}
          {askFingerprint && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text>上级公钥指纹（首次导入上级的信任包时填写，须与上级密钥登记表一致）：</Typography.Text>
              <Input aria-label="上级公钥指纹" placeholder="例如 3F2A 9C01 …" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} style={{ marginTop: 6 }} />
            </div>
          )}
          <Tabs
            items={[
              {
                key: 'file',
                label: '选择文件',
                children: (
                  <Upload.Dragger accept=".fpkg" multiple={false} showUploadList={false} beforeUpload={(file) => (void importPicked(file), false)}>
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">点击或拖入一个数据包文件（.fpkg）</p>
                    <p className="ant-upload-hint">逐项校验格式、收件方、密钥、签名、有效期、文件哈希、序号和数据库版本，全部通过才导入</p>
                  </Upload.Dragger>
                ),
              },
              {
                key: 'folder',
                label: '从文件夹（U 盘）导入',
                children: (
                  <Space.Compact style={{ width: '100%' }}>
                    <Input aria-label="文件夹" placeholder="文件夹路径，例如 E:\ 或 /media/usb" value={folder} onChange={(e) => setFolder(e.target.value)} />
                    <Button type="primary" disabled={!folder.trim()} onClick={() => void importFolder()}>
                      按序号导入全部
                    </Button>
                  </Space.Compact>
                ),
              },
            ]}
          />
        </>
      )}
      {state.step === 'importing' && (
        <div style={{ textAlign: 'center', padding: 40 }}>
          <Spin />
          <div style={{ marginTop: 12 }}>正在校验并导入 {state.what}…</div>
        </div>
      )}
      {state.step === 'file' && <ImportResult result={state.result} />}
      {state.step === 'folder' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {state.results.length === 0 && <Alert type="info" message="文件夹中没有数据包（.fpkg）" />}
          {state.results.map((r) => (
            <div key={r.fileName}>
              <Typography.Text strong className="exchange-file-name">
                {r.fileName}
              </Typography.Text>
              {r.result ? <ImportResult result={r.result} /> : <Alert type="error" showIcon message={r.error?.message} />}
            </div>
          ))}
        </Space>
      )}
    </Modal>
  );
}
