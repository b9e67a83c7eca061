import { Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useStableCallback } from './use-stable-callback';
import type { FindingView } from '../../../../electron/core/api/contract';
import { FieldItem, type FieldValue } from './field-input';
import { specOf, type FieldGroup, type FormSection } from './form-fields';
import type { CodeTables } from './use-code-tables';

export interface RecordFormProps<R> {
  section: FormSection;
  /** Prefix of the inputs' ids, unique on the page (a member's form uses its row). */
  idPrefix: string;
  groups: readonly FieldGroup<Extract<keyof R, string>>[];
  record: R;
  onChange(key: Extract<keyof R, string>, value: FieldValue): void;
  tables: CodeTables | null;
  findingsOf(key: string): readonly FindingView[];
  highlight?: string | null;
  disabled?: boolean;
  /** Columns per row at a wide screen (1366): 3 on a page, 2 in a drawer. */
  columns?: 2 | 3 | 4;
  /** Replaces the input of some fields (derived values, shown read-only). */
  readOnly?: Partial<Record<Extract<keyof R, string>, ReactNode>>;
  extras?: Partial<Record<Extract<keyof R, string>, ReactNode>>;
}

/** A record's fields in titled groups, each field with its findings beside it. */
export function RecordForm<R extends object>({
  section,
  idPrefix,
  groups,
  record,
  onChange,
  tables,
  findingsOf,
  highlight,
  disabled,
  columns = 3,
  readOnly = {},
  extras = {},
}: RecordFormProps<R>) {
  const onFieldChange = useStableCallback((key: string, value: FieldValue) => onChange(key as Extract<keyof R, string>, value));
  return (
    // No <Form> around the fields: its contexts change on every render and would re-render all
    // 44 Form.Items of a member at each keystroke. Each Form.Item lays itself out vertically.
    <div>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title} style={{ marginBottom: 4 }}>
          <Typography.Title level={5} style={{ fontSize: 14, margin: '4px 0 10px', paddingLeft: 8, borderLeft: '3px solid #1f4e8c' }}>
            {group.title}
          </Typography.Title>
          <Row gutter={16}>
            {group.keys.map((key) => {
              const spec = specOf(section, key);
              const ro = (readOnly as Record<string, ReactNode>)[key];
              return (
                  <FieldItem
                    key={key}
                    columns={columns}
                    id={`${idPrefix}${key}`}
                    name={key}
                    spec={spec}
                    value={(record as Record<string, unknown>)[key]}
                    onFieldChange={onFieldChange}
                    tables={tables}
                    disabled={disabled}
                    findings={findingsOf(key)}
                    highlighted={highlight === key}
                    readOnlyText={ro}
                    extra={(extras as Record<string, ReactNode>)[key]}
                  />
              );
            })}
          </Row>
        </section>
      ))}
    </div>
  );
}
