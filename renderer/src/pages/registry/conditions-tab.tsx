import { Alert, Button, Empty } from 'antd';
import type { ConditionsRecord } from '../../../../electron/core/api/contract';
import { RecordForm } from './record-form';
import type { FieldValue } from './field-input';
import { CONDITIONS_GROUPS, emptyRecord, groupsWithRest } from './form-fields';
import type { CodeTables } from './use-code-tables';
import type { FindingIndex } from './household-draft';

const GROUPS = groupsWithRest('conditions', CONDITIONS_GROUPS, ['dataYear']);

interface Props {
  conditions: ConditionsRecord | null;
  dataYear: number;
  tables: CodeTables | null;
  findings: FindingIndex;
  highlight: string | null;
  readOnly: boolean;
  onReplace(record: ConditionsRecord | null): void;
  onChange(key: Extract<keyof ConditionsRecord, string>, value: FieldValue): void;
}

/**
 * 生产生活条件 of the data year. A household whose latest record is older shows that record (the
 * quality rules read it too) and offers to start the data year's record from it.
 */
export function ConditionsTab({ conditions, dataYear, tables, findings, highlight, readOnly, onReplace, onChange }: Props) {
  const recordLevel = findings.ofTab('conditions').filter((f) => f.field === 'conditions');
  if (!conditions) {
    return (
      <div>
        {recordLevel.map((f, i) => (
          <Alert key={i} type={f.severity === 'error' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} title={f.message} />
        ))}
        <Empty description={`本户还没有生产生活条件记录`}>
          {!readOnly && (
            <Button type="primary" onClick={() => onReplace(emptyRecord<ConditionsRecord>('conditions', { dataYear }))}>
              填写 {dataYear} 年生产生活条件
            </Button>
          )}
        </Empty>
      </div>
    );
  }
  const older = conditions.dataYear < dataYear;
  return (
    <div>
      {recordLevel.map((f, i) => (
        <Alert key={i} type={f.severity === 'error' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} title={f.message} />
      ))}
      {older ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`这是 ${conditions.dataYear} 年的记录，本户 ${dataYear} 年还没有生产生活条件记录。`}
          action={
            !readOnly && (
              <Button size="small" onClick={() => onReplace({ ...conditions, dataYear })}>
                按此新建 {dataYear} 年记录
              </Button>
            )
          }
        />
      ) : (
        <p style={{ color: 'rgba(0,0,0,0.55)', marginTop: 0 }}>条件年度：{conditions.dataYear}</p>
      )}
      <RecordForm<ConditionsRecord>
        section="conditions"
        idPrefix="c-"
        groups={GROUPS}
        record={conditions}
        onChange={onChange}
        tables={tables}
        findingsOf={(key) => findings.of('conditions', key)}
        highlight={highlight}
        disabled={readOnly}
      />
    </div>
  );
}
