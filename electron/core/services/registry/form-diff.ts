import type { FieldSpec } from '../../domain/registry/field-specs';
import type { FieldChange } from '../../api/contract/registry';
import { labelOf, type CodeTableDefinition } from '../../domain/registry/code-tables';

/** Shows a stored value the way the form shows it: code labels, 是/否, empty as 「空」. */
function display(spec: FieldSpec, value: unknown, year: number, tables: readonly CodeTableDefinition[]): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '空';
  if (spec.kind === 'bool') return value ? '是' : '否';
  if (spec.kind === 'code' && spec.codeField) return labelOf(spec.codeField, String(value), year, tables) ?? String(value);
  if (spec.kind === 'codes' && spec.codeField && Array.isArray(value)) {
    return value.map((v) => labelOf(spec.codeField!, String(v), year, tables) ?? String(v)).join('、');
  }
  return String(value);
}

/** The field-by-field difference of two versions of one form, labelled for the person who saved. */
export function diffRecords(
  section: string,
  specs: readonly FieldSpec[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  year: number,
  tables: readonly CodeTableDefinition[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of specs) {
    const b = display(spec, before?.[spec.key], year, tables);
    const a = display(spec, after?.[spec.key], year, tables);
    if (b !== a) changes.push({ section, field: spec.label, before: b, after: a });
  }
  return changes;
}
