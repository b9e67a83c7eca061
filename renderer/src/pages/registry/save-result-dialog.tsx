import { Button, Empty, Modal, Typography } from 'antd';
import type { FieldChange, SaveHouseholdResult } from '../../../../electron/core/api/contract';
import { SeverityTag } from './field-input';
import { findingPlace } from './findings-panel';
import type { MemberDraft } from './household-draft';

interface Props {
  result: SaveHouseholdResult;
  /** The members as submitted: the findings name them by position. */
  members: readonly MemberDraft[];
  onClose(): void;
}

/** After a save: every field that changed, before → after, and the warnings that remain. */
export function SaveResultDialog({ result, members, onClose }: Props) {
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  return (
    <Modal
      open
      title={result.created ? '已新建该户' : '已保存'}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          知道了
        </Button>
      }
      width={720}
      destroyOnHidden
    >
      {result.created ? (
        <p>新户已建档，家庭成员、生产生活条件和收入已一并保存。</p>
      ) : result.changes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有字段发生变化" />
      ) : (
        <>
          <Typography.Text>共修改 {result.changes.length} 处：</Typography.Text>
          <ul aria-label="修改内容" style={{ margin: '8px 0 0', paddingLeft: 0, listStyle: 'none', maxHeight: 280, overflowY: 'auto' }}>
            {result.changes.map((c: FieldChange, n) => (
              <li key={n} style={{ padding: '3px 0', borderBottom: '1px solid #f0f0f0' }}>
                <span style={{ color: 'rgba(0,0,0,0.6)' }}>{c.section}</span> · {c.field}：<span style={{ color: 'rgba(0,0,0,0.5)' }}>{c.before || '空'}</span> →{' '}
                <strong>{c.after || '空'}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>仍有 {warnings.length} 个提醒（已保存，请核实）：</Typography.Text>
          <ul style={{ margin: '6px 0 0', paddingLeft: 0, listStyle: 'none', maxHeight: 160, overflowY: 'auto' }}>
            {warnings.map((f, i) => (
              <li key={i} style={{ padding: '1px 0' }}>
                <SeverityTag severity="warning" />
                <span style={{ color: 'rgba(0,0,0,0.6)' }}>{findingPlace(f, members)}</span>：{f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}
