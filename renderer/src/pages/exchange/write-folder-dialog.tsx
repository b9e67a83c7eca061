import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import type { FolderExportView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';

interface Props {
  packageIds: string[];
  onClose(): void;
  onWritten(): void;
}

const LAST_FOLDER = 'fupin.exchange.folder';

/**
 * 写入文件夹: core writes each package to a temp file, syncs it to disk, renames it and reads it
 * back, so a pulled stick or a full disk leaves no half-written package; the result per file.
 */
export function WriteFolderDialog({ packageIds, onClose, onWritten }: Props) {
  const [folder, setFolder] = useState(() => localStorage.getItem(LAST_FOLDER) ?? '');
  const [writing, setWriting] = useState(false);
  const [results, setResults] = useState<FolderExportView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function write(): Promise<void> {
    setWriting(true);
    setError(null);
    try {
      const r = await call('exchange.writeToFolder', { packageIds, folder: folder.trim() });
      localStorage.setItem(LAST_FOLDER, folder.trim());
      setResults(r);
      onWritten();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setWriting(false);
    }
  }

  return (
    <Modal
      open
      title="写入文件夹（U 盘）"
      okText={results ? '完成' : '写入'}
      cancelText="关闭"
      confirmLoading={writing}
      okButtonProps={{ disabled: !results && !folder.trim() }}
      onOk={() => (results ? onClose() : void write())}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {!results && (
        <>
          <Typography.Paragraph>把选中的 {packageIds.length} 个数据包写入下面的文件夹（例如 U 盘的盘符 E:\ 或 /media/usb）。写入后逐个读回校验。</Typography.Paragraph>
          <Input aria-label="文件夹" placeholder="文件夹路径" value={folder} onChange={(e) => setFolder(e.target.value)} onPressEnter={() => void write()} />
        </>
      )}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message="未写入" description={error} />}
      {results && (
        <ul className="exchange-result-list" data-testid="write-results">
          {results.map((r) => (
            <li key={r.packageId}>
              {r.ok ? <Typography.Text type="success">✓ 已写入并校验：{r.path}</Typography.Text> : <Typography.Text type="danger">✗ {r.fileName}：{r.error?.message}</Typography.Text>}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
