import { Alert, Button, Drawer, Space, Tag } from 'antd';
import type { FindingView, PersonRecord } from '../../../../electron/core/api/contract';
import { RecordForm } from './record-form';
import { groupsWithRest, PERSON_GROUPS } from './form-fields';
import type { FieldValue } from './field-input';
import { SeverityTag } from './field-input';
import { codeLabel, type CodeTables } from './use-code-tables';
import type { MemberDraft } from './household-draft';
import { fieldLabel } from './form-fields';

const GROUPS = groupsWithRest('person', PERSON_GROUPS);

interface Props {
  member: MemberDraft;
  index: number;
  tables: CodeTables | null;
  findings: readonly FindingView[];
  highlight: string | null;
  readOnly: boolean;
  onChange(key: Extract<keyof PersonRecord, string>, value: FieldValue): void;
  onRemove(): void;
  onClose(): void;
}

/** Every field of one member, in five groups; edits go straight into the household's draft. */
export function MemberDrawer({ member, index, tables, findings, highlight, readOnly, onChange, onRemove, onClose }: Props) {
  const name = member.record.name || '新成员';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const width = Math.min(780, window.innerWidth - 24);
  return (
    <Drawer
      open
      title={
        <Space size={8} wrap>
          <span>成员：{name}</span>
          {member.record.relationship && <Tag>{codeLabel(tables, 'relationship', member.record.relationship)}</Tag>}
          {member.personId === null && <Tag color="blue">新增</Tag>}
          {errors > 0 && <SeverityTag severity="error" count={errors} />}
          {warnings > 0 && <SeverityTag severity="warning" count={warnings} />}
        </Space>
      }
      size={width}
      onClose={onClose}
      destroyOnHidden
      footer={
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          {readOnly ? (
            <span />
          ) : (
            <Button danger onClick={onRemove}>
              减少该成员
            </Button>
          )}
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        </div>
      }
    >
      {findings.length > 0 && (
        <Alert
          type={errors > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              {errors > 0 && `${errors} 处错误`}
              {errors > 0 && warnings > 0 && '，'}
              {warnings > 0 && `${warnings} 处提醒`}，见各项下方的说明：
              {findings.map((f, i) => (
                <Button
                  key={`${f.ruleCode}-${i}`}
                  type="link"
                  size="small"
                  danger={f.severity === 'error'}
                  style={{ padding: '0 4px', height: 'auto' }}
                  onClick={() => document.getElementById(`wrap-m${index}-${f.field}`)?.scrollIntoView({ block: 'center' })}
                >
                  {fieldLabel('person', f.field) ?? f.field}
                </Button>
              ))}
            </span>
          }
        />
      )}
      {!readOnly && <p style={{ color: 'rgba(0,0,0,0.55)', marginTop: 0 }}>修改即时检查，点「保存」后才写入档案。证件号码填好后，出生日期和性别可留空，保存时按证件号码带出。</p>}
      <RecordForm<PersonRecord>
        section="person"
        idPrefix={`m${index}-`}
        groups={GROUPS}
        record={member.record}
        onChange={onChange}
        tables={tables}
        findingsOf={(key) => findings.filter((f) => f.field === key)}
        highlight={highlight}
        disabled={readOnly}
        columns={2}
      />
    </Drawer>
  );
}
