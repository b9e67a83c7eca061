import { Button, Row, Typography } from 'antd';
import type { HouseholdRecord } from '../../../../electron/core/api/contract';
import { RecordForm } from './record-form';
import { FieldItem, type FieldValue } from './field-input';
import { useStableCallback } from './use-stable-callback';
import { groupsWithRest, HOUSEHOLD_GROUPS, RELOCATION_FIELDS } from './form-fields';
import type { CodeTables } from './use-code-tables';
import type { FindingIndex, MemberDraft } from './household-draft';

// 行政区划代码 is the village the household belongs to, shown in the page header.
const GROUPS = groupsWithRest('household', HOUSEHOLD_GROUPS, ['regionCode']);

type RelocationBlock = NonNullable<HouseholdRecord['relocation']>;

interface Props {
  household: HouseholdRecord;
  members: MemberDraft[];
  regionLabel: string;
  tables: CodeTables | null;
  findings: FindingIndex;
  highlight: string | null;
  readOnly: boolean;
  onChange(key: Extract<keyof HouseholdRecord, string>, value: FieldValue): void;
  onRelocation(block: RelocationBlock | null): void;
  onRelocationField(key: keyof RelocationBlock, value: FieldValue): void;
}

const EMPTY_RELOCATION: RelocationBlock = { isRelocated: null, relocationMode: null, resettlementMode: null, resettlementPlace: null, difficulties: [] };

/** 基本信息: the household form. The head's name and ID and the size follow the member list. */
export function BasicTab({ household, members, regionLabel, tables, findings, highlight, readOnly, onChange, onRelocation, onRelocationField }: Props) {
  const onRelocationChange = useStableCallback((key: string, value: FieldValue) => onRelocationField(key as keyof RelocationBlock, value));
  const head = members.find((m) => m.record.relationship === '01');
  const relocation = household.relocation;
  const derived = <span style={{ color: 'rgba(0,0,0,0.45)' }}>由家庭成员中的户主带出</span>;
  return (
    <div>
      <p style={{ color: 'rgba(0,0,0,0.55)', marginTop: 0 }}>所在村：{regionLabel}</p>
      <RecordForm<HouseholdRecord>
        section="household"
        idPrefix="h-"
        groups={GROUPS}
        record={household}
        onChange={onChange}
        tables={tables}
        findingsOf={(key) => findings.of('household', key)}
        highlight={highlight}
        disabled={readOnly}
        readOnly={{
          headName: head?.record.name ?? <Typography.Text type="warning">家庭成员中没有户主</Typography.Text>,
          headIdNumber: head?.record.idNumber ?? '—',
          householdSize: `${members.length} 人`,
        }}
        extras={{ headName: derived, headIdNumber: derived, householdSize: <span style={{ color: 'rgba(0,0,0,0.45)' }}>按家庭成员人数计</span> }}
      />
      <section aria-label="易地扶贫搬迁">
        <Typography.Title level={5} style={{ fontSize: 14, margin: '4px 0 10px', paddingLeft: 8, borderLeft: '3px solid #1f4e8c' }}>
          易地扶贫搬迁
        </Typography.Title>
        {relocation ? (
          <div>
            <Row gutter={16}>
              {RELOCATION_FIELDS.map((spec) => (
                  <FieldItem
                    key={spec.key}
                    columns={3}
                    id={`hr-${spec.key}`}
                    name={spec.key}
                    spec={spec}
                    value={relocation[spec.key]}
                    onFieldChange={onRelocationChange}
                    tables={tables}
                    disabled={readOnly}
                    freeTags={spec.key === 'difficulties'}
                    findings={findings.of('household', `relocation.${spec.key}`)}
                    highlighted={highlight === `relocation.${spec.key}`}
                  />
              ))}
            </Row>
            {!readOnly && (
              <Button size="small" onClick={() => onRelocation(null)} style={{ marginBottom: 12 }}>
                清除搬迁信息
              </Button>
            )}
          </div>
        ) : (
          <p style={{ color: 'rgba(0,0,0,0.55)' }}>
            未登记搬迁信息。
            {!readOnly && (
              <Button type="link" size="small" onClick={() => onRelocation({ ...EMPTY_RELOCATION, isRelocated: household.isRelocationHousehold })}>
                填写搬迁信息
              </Button>
            )}
          </p>
        )}
      </section>
    </div>
  );
}
