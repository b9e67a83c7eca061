import { z } from 'zod';
import {
  CONDITIONS_FIELDS,
  HOUSEHOLD_FIELDS,
  INCOME_FIELDS,
  PERSON_FIELDS,
  type FieldSpec,
} from '../../domain/registry/field-specs';
import type { ConditionsRecord, HouseholdRecord, IncomeRecord, PersonRecord } from '../../domain/registry/types';

// Input schemas of the registry forms, built from the same field tables as the xlsx layout and
// the form labels. Shape only (types, lengths, ranges): the domain rules judge the content.
function fieldSchema(spec: FieldSpec): z.ZodType {
  const label = spec.label;
  switch (spec.kind) {
    case 'text':
      return z.string().trim().max(200, '不能超过 200 字').nullable().describe(label);
    case 'code':
      return z.string().trim().max(20, '代码过长').nullable().describe(label);
    case 'codes':
      return z.array(z.string().trim().max(20)).max(20).describe(label);
    case 'bool':
      return z.boolean().nullable().describe(label);
    case 'number':
      return z.number().min(0, '不能为负数').max(spec.max ?? 1e9, `不能超过 ${spec.max ?? 1e9}`).nullable().describe(label);
    case 'int':
      return z.number().int('应为整数').min(0, '不能为负数').max(spec.max ?? 1e9, `不能超过 ${spec.max ?? 1e9}`).nullable().describe(label);
    case 'year':
      return z.number().int('应为整数年份').min(1949, '年份不合理').max(2100, '年份不合理').nullable().describe(label);
    case 'date':
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日').nullable().describe(label);
  }
}

function formSchema(specs: readonly FieldSpec[], required: string[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const s of specs) shape[s.key] = required.includes(s.key) ? fieldSchema(s) : fieldSchema(s).optional();
  return shape;
}

/**
 * The schemas are built from the field tables, so TypeScript cannot see their shape; this states
 * it: a form may leave fields out (they are completed with null by the service), and what passes
 * is the record type of domain/registry/types.ts.
 */
const formOf =
  <T>() =>
  (schema: z.ZodType): z.ZodType<T, Partial<T>> =>
    schema as unknown as z.ZodType<T, Partial<T>>;

const labelsAsPrinted = z.record(z.string().max(40), z.string().max(100)).optional();

export const relocationSchema = z
  .object({
    isRelocated: z.boolean().nullable(),
    relocationMode: z.string().max(20).nullable(),
    resettlementMode: z.string().max(20).nullable(),
    resettlementPlace: z.string().max(20).nullable(),
    difficulties: z.array(z.string().max(40)).max(20),
  })
  .describe('易地扶贫搬迁');

export const householdRecordSchema = formOf<HouseholdRecord>()(
  z
  .object({
    ...formSchema(HOUSEHOLD_FIELDS, ['dataYear', 'regionCode']),
    otherCauses: z.array(z.string().max(20)).max(20).default([]).describe('其他致贫原因'),
    relocation: relocationSchema.nullable().default(null),
    valid: z.boolean().optional(),
    labelsAsPrinted,
  })
  .describe('户基本信息'),
);

export const personRecordSchema = formOf<PersonRecord>()(
  z
  .object({
    ...formSchema(PERSON_FIELDS),
    health: z.array(z.string().max(20)).max(10).default([]).describe('健康状况'),
    labelsAsPrinted,
  })
  .describe('家庭成员'),
);

export const conditionsRecordSchema = formOf<ConditionsRecord>()(z.object(formSchema(CONDITIONS_FIELDS, ['dataYear'])).describe('生产生活条件'));
export const incomeRecordSchema = formOf<IncomeRecord>()(z.object(formSchema(INCOME_FIELDS, ['year'])).describe('收入情况'));
