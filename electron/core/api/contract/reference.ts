import { z } from 'zod';
import { method } from '../define';
import type { YearParams } from '../../domain/registry/year-params';
import { CODE_FIELDS } from '../../domain/registry/code-tables';

export type { YearParams };

const money = (label: string) => z.number().min(0).max(1_000_000).nullable().describe(label);
const span = (label: string) => z.object({ from: z.number().int().min(0).max(120), to: z.number().int().min(0).max(120) }).describe(label);

export const yearParamsSchema = z.object({
  povertyLineNbs: money('国家扶贫标准（元/人/年）'),
  exitIncomeTarget: money('退出收入标准（元/人/年）'),
  monitoringLine: money('防返贫监测线（元/人/年）'),
  dibaoClasses: z
    .array(z.object({ classCode: z.enum(['1', '2', '3', '4']), label: z.string().max(10), annualAmount: money('低保标准（元/人/年）') }))
    .max(4)
    .readonly()
    .describe('农村低保分类标准'),
  smallLoan: z
    .object({
      maxAmountYuan: z.number().int().min(0).max(1_000_000).describe('小额信贷最高额度（元）'),
      maxTermYears: z.number().int().min(1).max(30).describe('小额信贷最长期限（年）'),
      minAge: z.number().int().min(16).max(100).describe('借款人最低年龄'),
      maxAge: z.number().int().min(16).max(100).describe('借款人最高年龄'),
      benchmarkRate1yPercent: z.number().min(0).max(20).nullable().describe('一年期基准利率（%）'),
      benchmarkRate3yPercent: z.number().min(0).max(20).nullable().describe('三年期基准利率（%）'),
    })
    .describe('扶贫小额信贷'),
  publicNotice: z
    .object({
      identification: z.object({ days: z.number().int().min(1).max(60), unit: z.enum(['calendarDays', 'workingDays']) }).describe('识别公示期'),
      exit: z.object({ days: z.number().int().min(1).max(60), unit: z.enum(['calendarDays', 'workingDays']) }).describe('退出公示期'),
    })
    .describe('公示期'),
  incomeYearStart: z
    .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), inPreviousYear: z.boolean() })
    .describe('收入年度起始日'),
  ages: z
    .object({
      compulsoryEducation: span('义务教育年龄'),
      studentStatusRequired: span('须填在校生状况的年龄'),
      working: span('劳动年龄'),
      labourFieldRequired: span('须填劳动技能的年龄'),
    })
    .describe('年龄段'),
  quality: z
    .object({
      maxFarmlandPerPersonMu: z.number().min(0).max(10_000).describe('人均耕地上限（亩）'),
      maxForestPerPersonMu: z.number().min(0).max(10_000).describe('人均林地上限（亩）'),
      maxDistanceToRoadKm: z.number().min(0).max(1000).describe('距主干路上限（公里）'),
      maxPerCapitaNetIncome: z.number().min(0).max(10_000_000).describe('人均纯收入上限（元）'),
      phoneLength: z.number().int().min(5).max(20).describe('电话号码位数'),
    })
    .describe('数据质量阈值'),
  relocation: z
    .object({
      maxHousingAreaPerPersonM2: z.number().min(0).max(1000).describe('人均住房面积上限（平方米）'),
      maxSelfFundingPerPerson: z.number().min(0).max(1_000_000).describe('人均自筹上限（元）'),
      maxSelfFundingPerHousehold: z.number().min(0).max(1_000_000).describe('户均自筹上限（元）'),
    })
    .describe('易地扶贫搬迁'),
});

export interface CodeTableView {
  field: string;
  fieldLabel: string;
  version: string;
  entries: { code: string; label: string; unconfirmed: boolean; edited: boolean; retired: boolean }[];
}

const codeFieldSchema = z.enum(Object.keys(CODE_FIELDS) as [keyof typeof CODE_FIELDS, ...(keyof typeof CODE_FIELDS)[]]).describe('代码表');

export const referenceContract = {
  'reference.yearParams': method<{ params: YearParams; stored: boolean }>()({
    summary: '年度参数（贫困线、退出标准、监测线、低保标准、小额信贷……）',
    input: z.object({ year: z.number().int().min(2010).max(2100).describe('年度') }),
    access: 'read',
    scope: 'none',
  }),
  'reference.saveYearParams': method<{ params: YearParams; stored: boolean }>()({
    summary: '修改年度参数（管理员）',
    input: z.object({ year: z.number().int().min(2010).max(2100).describe('年度'), params: yearParamsSchema }),
    access: 'admin',
    scope: 'none',
  }),
  'reference.codeTable': method<CodeTableView>()({
    summary: '某年度使用的代码表，含管理员修改',
    input: z.object({ field: codeFieldSchema, year: z.number().int().min(2010).max(2100).describe('年度') }),
    access: 'read',
    scope: 'none',
  }),
  'reference.saveCode': method<CodeTableView>()({
    summary: '修改、新增或停用一个代码（管理员）',
    input: z.object({
      field: codeFieldSchema,
      year: z.number().int().min(2010).max(2100).describe('年度'),
      code: z.string().trim().regex(/^[0-9A-Za-z]{1,12}$/, '代码为 1–12 位字母或数字').describe('代码'),
      label: z.string().trim().min(1, '请填写名称').max(40).describe('名称'),
      retired: z.boolean().default(false).describe('停用'),
    }),
    access: 'admin',
    scope: 'none',
  }),
};
