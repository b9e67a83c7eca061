import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { CheckView } from '../../../../electron/core/api/contract';

/**
 * The receiving checks in the order core ran them (format, recipient, key, signature, expiry,
 * hashes, sequence, schema, then decrypt and apply). Core stops at the first failure, so a
 * refused package lists the checks up to the one that failed.
 */
export function CheckList({ checks, stopped }: { checks: CheckView[]; stopped: boolean }) {
  return (
    <ol className="exchange-checks" aria-label="校验结果">
      {checks.map((c, i) => (
        <li key={`${c.check}-${i}`} className={c.ok ? 'check-ok' : 'check-failed'} data-check={c.check} data-ok={c.ok ? 'true' : 'false'}>
          {c.ok ? <CheckCircleFilled className="check-icon" /> : <CloseCircleFilled className="check-icon" />}
          <span className="check-label">{c.label}</span>
          <span className="check-verdict">{c.ok ? '通过' : '未通过'}</span>
          <span className="check-message">{c.message}</span>
        </li>
      ))}
      {stopped && (
        <li className="check-skipped">
          <MinusCircleOutlined className="check-icon" />
          <span className="check-label">其余各项</span>
          <span className="check-verdict">未进行</span>
          <span className="check-message">前一项未通过，数据包未解密、未写入任何数据</span>
        </li>
      )}
    </ol>
  );
}
