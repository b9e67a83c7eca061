import { Alert, Descriptions, Tag } from 'antd';
import type { ImportResultView } from '../../../../electron/core/api/contract';
import { CheckList } from './check-list';
import { INBOX_STATUS_COLORS, countsText } from './exchange-labels';

const KIND_LABELS: Record<string, string> = { report: '上报', directive: '指令', receipt: '回执', key: '密钥登记', trust: '信任' };

/** One import: its status in Chinese, core's sentence for a refusal, the checks, what it wrote. */
export function ImportResult({ result }: { result: ImportResultView }) {
  const refused = result.status === 'refused';
  return (
    <div data-testid="import-result">
      <Alert
        type={refused ? 'error' : result.status === 'applied' ? 'success' : 'warning'}
        showIcon
        message={
          <>
            <Tag color={INBOX_STATUS_COLORS[result.status]}>{result.statusLabel}</Tag>
            {result.kind ? `${KIND_LABELS[result.kind] ?? result.kind}包` : '数据包'}
            {result.seq !== null ? ` 第 ${result.seq} 号` : ''}
            {result.senderNodeId ? `，来自 ${result.senderNodeId}` : ''}
          </>
        }
        description={result.error ? <span data-testid="import-error-message">{result.error.message}</span> : result.counts ? `写入：${countsText(result.counts)}` : undefined}
      />
      <CheckList checks={result.checks} stopped={refused && result.checks.some((c) => !c.ok)} />
      {result.released.length > 0 && (
        <Descriptions size="small" column={1} title="随之导入的暂存数据包" items={result.released.map((r) => ({ key: r.historyId, label: `第 ${r.seq ?? '?'} 号`, children: r.statusLabel }))} />
      )}
    </div>
  );
}
