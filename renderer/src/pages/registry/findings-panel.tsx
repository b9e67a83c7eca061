import { useState } from 'react';
import { Button, Spin, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { FindingView } from '../../../../electron/core/api/contract';
import { SeverityTag } from './field-input';
import { fieldLabel } from './form-fields';
import { memberIndexOf, type MemberDraft } from './household-draft';

interface Props {
  findings: readonly FindingView[];
  members: readonly MemberDraft[];
  checking: boolean;
  error: string | null;
  /** The member whose form is open: their findings come right after the errors. */
  focusMember?: number;
  onJump(finding: FindingView): void;
}

/** Where on the page a finding is: 「成员「李秀英」· 是否参加大病保险」. */
export function findingPlace(f: FindingView, members: readonly MemberDraft[]): string {
  switch (f.entity) {
    case 'person': {
      const m = members[memberIndexOf(f, members)];
      return `成员「${m?.record.name || '未填姓名'}」· ${fieldLabel('person', f.field) ?? f.field}`;
    }
    case 'household':
      return `基本信息 · ${fieldLabel('household', f.field) ?? (f.field === 'members' || f.field === 'relationship' ? '家庭成员' : f.field)}`;
    case 'conditions':
      return `生产生活条件 · ${fieldLabel('conditions', f.field) ?? '记录'}`;
    case 'income':
      return `收入 · ${fieldLabel('income', f.field) ?? (f.field === 'perCapitaNetIncome' ? '人均纯收入' : '记录')}`;
  }
}

/** 数据检查: the rules' findings on the form as it is now, each a link to its field. */
export function FindingsPanel({ findings, members, checking, error, focusMember = -1, onJump }: Props) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  // Three lines at most until asked: the tabs below must stay on a 768-pixel screen.
  const [open, setOpen] = useState(false);
  const mine = (f: FindingView) => focusMember >= 0 && f.entity === 'person' && memberIndexOf(f, members) === focusMember;
  const sorted = [...errors, ...warnings.filter(mine), ...warnings.filter((f) => !mine(f))];
  const tone = errors.length > 0 ? '#fff1f0' : warnings.length > 0 ? '#fffbe6' : '#f6ffed';
  const border = errors.length > 0 ? '#ffccc7' : warnings.length > 0 ? '#ffe58f' : '#b7eb8f';
  return (
    <section aria-label="数据检查" data-testid="findings-panel" style={{ background: tone, border: `1px solid ${border}`, borderRadius: 4, padding: '6px 12px' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, flexWrap: 'wrap' }}>
        {findings.length === 0 ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <ExclamationCircleOutlined style={{ color: errors.length ? '#cf1322' : '#d48806' }} />}
        <Typography.Text strong>
          数据检查：{findings.length === 0 ? '未发现问题' : `${errors.length} 个错误，${warnings.length} 个提醒`}
        </Typography.Text>
        {errors.length > 0 && <Typography.Text type="secondary">有错误时不能保存；提醒可以保存，请核实。</Typography.Text>}
        {checking && <Spin size="small" description="" />}
        {checking && <Typography.Text type="secondary">检查中…</Typography.Text>}
        {error && <Typography.Text type="danger">检查未完成：{error}</Typography.Text>}
        {findings.length > 3 && (
          <Button type="link" size="small" onClick={() => setOpen(!open)} style={{ marginLeft: 'auto' }}>
            {open ? '收起' : `展开全部 ${findings.length} 条`}
          </Button>
        )}
      </div>
      {findings.length > 0 && (
        <ul style={{ listStyle: 'none', margin: '4px 0 2px', padding: 0, maxHeight: open ? 240 : undefined, overflowY: 'auto' }}>
          {(open ? sorted : sorted.slice(0, 3)).map((f, i) => (
            <li key={`${f.ruleCode}-${f.field}-${f.personIndex ?? f.personId ?? ''}-${i}`} style={{ padding: '1px 0' }}>
              <SeverityTag severity={f.severity} />
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onJump(f)}>
                {findingPlace(f, members)}
              </Button>
              <span style={{ marginLeft: 8 }}>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
