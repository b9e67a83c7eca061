// The zod schema of each step's form (domain/workflow/step-rules.ts StepForms), and a parser that
// names the field in Chinese the way the router does for method inputs.
import { z } from 'zod';
import type { FormStage, StepForms } from '../../domain/workflow/step-rules';
import { MAX_PHOTOS_PER_STEP } from '../../domain/workflow/photo-rules';
import { AppError } from '../errors';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')
  .describe('日期');

const text = (label: string, max = 500) => z.string().trim().max(max, `${label}不能超过 ${max} 字`).default('').describe(label);
const required = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`).describe(label);
const count = (label: string) => z.number().int('应为整数').min(0, '不能为负数').max(100_000).describe(label);
const passFail = z.enum(['pass', 'fail']).describe('结论');

const common = {
  note: text('备注'),
  objectionResolution: z
    .object({ upheld: z.boolean().describe('异议是否属实'), note: required('异议核实结论', 1000) })
    .nullable()
    .optional()
    .describe('异议核实结论'),
};

const meeting = z.object({
  body: z.enum(['group', 'representatives', 'committee', 'team', 'township']).describe('评议组织'),
  date: isoDateSchema.describe('会议日期'),
  participants: count('参会人数'),
  votesFor: count('赞成票'),
  votesAgainst: count('反对票'),
  votesAbstain: count('弃权票'),
  attendees: text('参会人员', 2000),
});

const decision = z.object({
  ...common,
  decision: z.enum(['approve', 'reject']).describe('审定结论'),
  documentNumber: text('审定文号', 100),
  /** The household is 贫困户 (or exits) from this date; defaults to the step's date. */
  effectiveDate: isoDateSchema.nullable().optional().describe('生效日期'),
});

export const STEP_FORM_SCHEMAS = {
  verify: z.object({
    ...common,
    perCapitaIncome: z.number().min(-1_000_000).max(10_000_000).describe('核定人均纯收入（元）'),
    assets: text('家庭资产情况', 1000),
    verifiers: required('核查人'),
  }),
  inspect: z.object({
    ...common,
    housing: required('住房情况', 1000),
    housingSafe: z.boolean().describe('住房是否安全'),
    labourers: count('劳动力人数'),
    labour: text('劳力与家庭情况', 1000),
    // Ids from workflow.uploadPhoto; completing the step checks each is this case's photo.
    photos: z.array(z.string().min(1).max(64)).max(MAX_PHOTOS_PER_STEP, `照片最多 ${MAX_PHOTOS_PER_STEP} 张`).default([]).describe('照片'),
    outcome: passFail,
  }),
  compare: z.object({
    ...common,
    foodClothing: required('吃穿比较', 1000),
    housing: required('住房比较', 1000),
    living: required('生活条件比较', 1000),
    outcome: passFail,
  }),
  review: z.object({ ...common, meetings: z.array(meeting).min(1, '请至少登记一次评议会议').max(6).describe('评议会议') }),
  verification: z.object({
    ...common,
    verifiers: required('核实人'),
    foodSecure: z.boolean().describe('不愁吃'),
    clothingSecure: z.boolean().describe('不愁穿'),
  }),
  agreement: z.object({ ...common, signerName: required('认可签字人', 40), agreed: z.boolean().describe('是否认可退出') }),
  approve: decision,
  county: decision,
  announce: z.object({ ...common, documentNumber: required('公告文号', 100) }),
  township: z.object({ ...common, opinion: required('乡镇审核意见', 1000), outcome: passFail }),
  visit: z.object({ ...common, verifiers: required('核实人'), findings: required('核实情况', 2000), outcome: passFail }),
  deregister: z.object({ ...common, effectiveDate: isoDateSchema.nullable().optional().describe('脱贫日期') }),
  conditions: z.object({
    ...common,
    stableIncomeMonths: z.number().int().min(0).max(120).describe('收入持续稳定月数'),
    rigidExpenditureSolved: z.boolean().describe('大额刚性支出已稳定解决'),
    risksResolved: z.boolean().describe('风险已消除'),
  }),
} satisfies Record<FormStage, z.ZodType>;

export type ParsedForm<S extends FormStage> = z.output<(typeof STEP_FORM_SCHEMAS)[S]> & StepForms[S];

function labelAt(schema: z.ZodType, path: PropertyKey[]): string | null {
  let current: z.ZodType | undefined = schema;
  let label: string | null = null;
  for (const key of path) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject && typeof key === 'string') current = current.shape[key] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else current = undefined;
    if (!current) break;
    label = current.description ?? label;
  }
  return label;
}

/** The step's form, parsed, or an INVALID_INPUT error naming each bad field. */
export function parseStepForm<S extends FormStage>(stage: S, data: unknown): ParsedForm<S> {
  const schema = STEP_FORM_SCHEMAS[stage] as z.ZodType;
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data as ParsedForm<S>;
  const lines = r.error.issues.slice(0, 5).map((i) => {
    const label = labelAt(schema, i.path);
    const row = typeof i.path[1] === 'number' ? `第 ${i.path[1] + 1} 项` : '';
    return label ? `${row}「${label}」：${i.message}` : i.message;
  });
  throw new AppError('INVALID_INPUT', `输入有误：${lines.join('；')}`, { fields: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
}
