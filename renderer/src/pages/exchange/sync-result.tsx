import { Alert } from 'antd';
import type { SyncView } from '../../../../electron/core/api/contract';

/** What one 上传 / 同步 did: packages uploaded, the one that failed (retried later), what came back. */
export function SyncResult({ result, onClose }: { result: SyncView; onClose(): void }) {
  const failed = result.failed !== null || result.fetchError !== null;
  const lines = [
    ...result.uploaded.map((u) => `已上传第 ${u.seq} 号${u.message ? `：${u.message}` : ''}`),
    ...(result.failed ? [`第 ${result.failed.seq} 号上传中断：${result.failed.message}（将自动重试）`] : []),
    ...result.fetched.map((f) => `取回${f.kind === 'receipt' ? '回执' : f.kind === 'directive' ? '指令' : '数据包'}第 ${f.seq ?? '?'} 号：${f.statusLabel}${f.error ? `，${f.error.message}` : ''}`),
    ...(result.fetchError ? [`取回回执和指令失败：${result.fetchError}`] : []),
  ];
  return (
    <Alert
      type={failed ? 'warning' : 'success'}
      showIcon
      closable
      onClose={onClose}
      message={failed ? '同步未全部完成' : '同步完成'}
      description={lines.length ? <ul className="exchange-result-list">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : '没有要上传或取回的数据包'}
      data-testid="sync-result"
    />
  );
}
