import { Col, DatePicker, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { memo, type CSSProperties, type ReactNode } from 'react';
import type { FindingView } from '../../../../electron/core/api/contract';
import type { FieldSpec } from './form-fields';
import type { CodeTables } from './use-code-tables';
import { messageBesideField } from './household-draft';

export type FieldValue = string | number | boolean | string[] | null;

interface InputProps {
  id: string;
  spec: FieldSpec;
  value: unknown;
  onChange(value: FieldValue): void;
  tables: CodeTables | null;
  disabled?: boolean;
  /** Options for a 'codes' field without a code table (free tags). */
  freeTags?: boolean;
}

const BOOL_OPTIONS = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

function codeOptions(tables: CodeTables | null, spec: FieldSpec, current: string[]): { value: string; label: string }[] {
  const list = (spec.codeField && tables?.[spec.codeField]) || [];
  const options = list.map((o) => ({ value: o.code, label: o.label }));
  // A code the year's table does not know (imported from another form version) stays visible.
  for (const code of current) if (!options.some((o) => o.value === code)) options.push({ value: code, label: `${code}（代码表中没有）` });
  return options;
}

/** One input for one form field, by the field's kind. Empty means null, never ''. */
export function FieldInput({ id, spec, value, onChange, tables, disabled, freeTags }: InputProps) {
  const common = { id, disabled, style: { width: '100%' } as CSSProperties };
  switch (spec.kind) {
    case 'text':
      return (
        <Input
          {...common}
          value={typeof value === 'string' ? value : ''}
          maxLength={200}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        />
      );
    case 'code': {
      const code = typeof value === 'string' ? value : null;
      return (
        <Select
          {...common}
          allowClear
          placeholder="请选择"
          showSearch={{ optionFilterProp: 'label' }}
          loading={!tables}
          value={code ?? undefined}
          options={codeOptions(tables, spec, code ? [code] : [])}
          onChange={(v: string | undefined) => onChange(v ?? null)}
          notFoundContent="没有匹配的选项"
        />
      );
    }
    case 'codes': {
      const codes = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Select
          {...common}
          mode={freeTags ? 'tags' : 'multiple'}
          allowClear
          placeholder={freeTags ? '输入后按回车' : '可选多项'}
          showSearch={{ optionFilterProp: 'label' }}
          value={codes}
          options={freeTags ? [] : codeOptions(tables, spec, codes)}
          onChange={(v: string[]) => onChange(v)}
          notFoundContent={freeTags ? null : '没有匹配的选项'}
        />
      );
    }
    case 'bool':
      return (
        <Radio.Group
          id={id}
          disabled={disabled}
          optionType="button"
          buttonStyle="solid"
          size="small"
          options={BOOL_OPTIONS}
          value={typeof value === 'boolean' ? value : null}
          onChange={(e) => onChange(e.target.value as boolean)}
        />
      );
    case 'number':
    case 'int':
    case 'year': {
      const isYear = spec.kind === 'year';
      return (
        <InputNumber<number>
          {...common}
          min={isYear ? 1949 : 0}
          max={isYear ? 2100 : spec.max}
          precision={spec.kind === 'number' ? undefined : 0}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    }
    case 'date':
      return (
        <DatePicker
          {...common}
          placeholder="年-月-日"
          format="YYYY-MM-DD"
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
        />
      );
  }
}

interface ItemProps extends Omit<InputProps, 'onChange'> {
  /** The record key the field edits; passed back to onFieldChange. */
  name: string;
  /** Stable across renders (see useStableCallback), so an unchanged field does not re-render. */
  onFieldChange(name: string, value: FieldValue): void;
  findings: readonly FindingView[];
  highlighted?: boolean;
  /** Shown under the input when there is no finding (a plain hint). */
  extra?: ReactNode;
  /** A read-only value instead of an input. */
  readOnlyText?: ReactNode;
  /** Set inside a grid row: the field renders as its own column (2, 3 or 4 to a row at 1366 px). */
  columns?: 2 | 3 | 4;
}

/**
 * A labelled form field that shows the data-quality findings about it beside the input: the
 * message replaces the help text and the field turns orange (提醒) or red (错误).
 */
function FieldItemView({ columns, ...props }: ItemProps) {
  if (!columns) return <FieldBody {...props} />;
  return (
    <Col xs={24} sm={12} lg={columns === 2 ? 12 : 8} xl={24 / columns}>
      <FieldBody {...props} />
    </Col>
  );
}

function FieldBody({ findings, highlighted, extra, readOnlyText, name, onFieldChange, ...input }: Omit<ItemProps, 'columns'>) {
  const hasError = findings.some((f) => f.severity === 'error');
  const status = hasError ? 'error' : findings.length > 0 ? 'warning' : undefined;
  const help =
    findings.length > 0 ? (
      <span data-testid={`finding-${input.spec.key}`}>
        {findings.map((f, i) => (
          <span key={`${f.ruleCode}-${i}`} style={{ display: 'block' }}>
            {f.severity === 'error' ? '错误：' : '提醒：'}
            {messageBesideField(f.message, input.spec.label)}
          </span>
        ))}
      </span>
    ) : undefined;
  return (
    <div
      data-field={input.spec.key}
      id={`wrap-${input.id}`}
      style={
        highlighted
          ? { background: '#fff7e0', outline: '2px solid #f0b429', outlineOffset: 2, borderRadius: 4, padding: '2px 6px', margin: '-2px -6px' }
          : undefined
      }
    >
      <Form.Item layout="vertical" label={input.spec.label} htmlFor={input.id} validateStatus={status} help={help} extra={help ? undefined : extra} style={{ marginBottom: 12 }}>
        {readOnlyText !== undefined ? (
          <div style={{ minHeight: 32, display: 'flex', alignItems: 'center' }}>{readOnlyText}</div>
        ) : (
          <FieldInput {...input} onChange={(v) => onFieldChange(name, v)} />
        )}
      </Form.Item>
    </div>
  );
}

const sameFindings = (a: readonly FindingView[], b: readonly FindingView[]) =>
  a === b || (a.length === b.length && a.every((f, i) => f.message === b[i]?.message && f.severity === b[i]?.severity));

/**
 * A household form has 100+ fields; a keystroke must re-render only the field it changed. Props
 * are compared as they are, except the findings, which are new arrays after every check.
 */
export const FieldItem = memo(FieldItemView, (a, b) => {
  for (const key of Object.keys({ ...a, ...b }) as (keyof ItemProps)[]) {
    if (key === 'findings') {
      if (!sameFindings(a.findings, b.findings)) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
});

export function SeverityTag({ severity, count }: { severity: 'error' | 'warning'; count?: number }) {
  return (
    <Tag color={severity === 'error' ? 'red' : 'orange'} style={{ marginInlineEnd: 4 }}>
      {severity === 'error' ? '错误' : '提醒'}
      {count !== undefined ? ` ${count}` : ''}
    </Tag>
  );
}
