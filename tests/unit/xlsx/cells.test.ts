import { describe, expect, it } from 'vitest';
import {
  cellContext,
  INVALID,
  isoOfSerial,
  numberOfText,
  parseBool,
  parseCode,
  parseCodes,
  parseDate,
  parseField,
  parseIdText,
  parseNumber,
  parseText,
  parseYear,
  type CellProblem,
} from '../../../electron/core/services/xlsx/cells';
import { CellError, ExcelDate } from '../../../electron/core/services/xlsx/sheet-rows';
import { ALL_FIELD_SPECS, type FieldSpec } from '../../../electron/core/domain/registry/field-specs';
import { DEFAULT_CODE_TABLES } from '../../../electron/core/domain/registry/code-tables';
import { cellOf } from '../../../electron/core/services/xlsx/export';

const spec = (label: string): FieldSpec => ALL_FIELD_SPECS.find((s) => s.label === label)!;

function collect() {
  const problems: CellProblem[] = [];
  return { problems, report: (p: CellProblem) => void problems.push(p) };
}

describe('code labels become codes of the row’s year', () => {
  const ctx = cellContext(DEFAULT_CODE_TABLES);

  it('reads labels, their printed variants and full-width or spaced forms', () => {
    const { problems, report } = collect();
    expect(parseCode(spec('主要致贫原因'), '因病', 2020, ctx, report)).toBe('01');
    expect(parseCode(spec('主要致贫原因'), '缺劳动力', 2020, ctx, report)).toBe('08');
    expect(parseCode(spec('与户主关系'), '本人或户主', 2016, ctx, report)).toBe('01');
    expect(parseCode(spec('与户主关系'), ' 之 子 ', 2016, ctx, report)).toBe('03');
    expect(parseCode(spec('性别'), '男', 2020, ctx, report)).toBe('1');
    expect(parseCode(spec('脱贫状态'), '已脱贫（享受政策）', 2018, ctx, report)).toBe('1');
    expect(parseCode(spec('脱贫状态'), '已脱贫(享受政策)', 2018, ctx, report)).toBe('1');
    expect(parseField(spec('健康状况'), '大病', 2020, ctx, report)).toEqual(['03']);
    expect(problems).toEqual([]);
  });

  it('uses the code table of the year: 五保 became 特困供养 in 2017, 弱劳动力 came in 2019', () => {
    const { problems, report } = collect();
    expect(parseCode(spec('贫困户属性'), '五保贫困户', 2015, ctx, report)).toBe('3');
    expect(parseCode(spec('贫困户属性'), '特困供养贫困户', 2018, ctx, report)).toBe('3');
    expect(parseCode(spec('劳动技能'), '弱劳动力或半劳动力', 2019, ctx, report)).toBe('05');
    expect(problems).toEqual([]);
    expect(parseCode(spec('劳动技能'), '弱劳动力或半劳动力', 2016, ctx, report)).toBe(INVALID);
    expect(problems[0]!.rule).toBe('IMP-CODE');
    expect(problems[0]!.message).toContain('2016年度');
    expect(problems[0]!.message).toContain('普通劳动力');
  });

  it('accepts codes as they are when the year’s table has them, including a lost leading zero', () => {
    const { problems, report } = collect();
    expect(parseCode(spec('与户主关系'), '01', 2020, ctx, report)).toBe('01');
    expect(parseCode(spec('与户主关系'), 1, 2020, ctx, report)).toBe('01');
    expect(parseCode(spec('贫困户属性'), '2', 2020, ctx, report)).toBe('2');
    expect(parseCode(spec('性别'), 2, 2020, ctx, report)).toBe('2');
    expect(problems).toEqual([]);
  });

  it('refuses an unknown label naming the value and the allowed labels', () => {
    const { problems, report } = collect();
    expect(parseCode(spec('主要致贫原因'), '因穷', 2020, ctx, report)).toBe(INVALID);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('主要致贫原因');
    expect(problems[0]!.message).toContain('“因穷”');
    expect(problems[0]!.message).toContain('因病、因残');
    // long lists are cut
    parseCode(spec('民族'), '火星族', 2020, ctx, report);
    expect(problems[1]!.message).toMatch(/等 58 项/);
  });

  it('reads multi-valued cells with any of the separators in use', () => {
    const { problems, report } = collect();
    expect(parseCodes(spec('健康状况'), '残疾,长期慢性病', 2020, ctx, report)).toEqual(['04', '02']);
    expect(parseCodes(spec('其他致贫原因'), '缺技术、缺资金；因灾', 2020, ctx, report)).toEqual(['07', '09', '04']);
    expect(parseCodes(spec('其他致贫原因'), '缺技术，缺技术', 2020, ctx, report)).toEqual(['07']);
    expect(problems).toEqual([]);
    expect(parseCodes(spec('健康状况'), '健康,很好', 2020, ctx, report)).toBe(INVALID);
    expect(problems[0]!.message).toContain('“很好”');
  });

  it('leaves an empty cell empty', () => {
    const { report } = collect();
    expect(parseCode(spec('主要致贫原因'), undefined, 2020, ctx, report)).toBeNull();
    expect(parseCode(spec('主要致贫原因'), '  ', 2020, ctx, report)).toBeNull();
    expect(parseField(spec('健康状况'), undefined, 2020, ctx, report)).toBeNull();
  });
});

describe('yes/no cells', () => {
  it('reads 是/否 and the other usual marks', () => {
    const { problems, report } = collect();
    const s = spec('是否享受低保');
    for (const yes of ['是', ' 是 ', 'Y', 'yes', 'TRUE', '√', '有', 1, true]) expect(parseBool(s, yes, report)).toBe(true);
    for (const no of ['否', 'N', 'no', 'false', '×', '无', 0, false]) expect(parseBool(s, no, report)).toBe(false);
    expect(parseBool(s, undefined, report)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('refuses anything else', () => {
    const { problems, report } = collect();
    expect(parseBool(spec('有无卫生厕所'), '可能', report)).toBe(INVALID);
    expect(problems[0]).toMatchObject({ rule: 'IMP-BOOL' });
    expect(problems[0]!.message).toContain('有无卫生厕所');
  });
});

describe('numbers', () => {
  it('reads number cells and numbers typed as text', () => {
    const { problems, report } = collect();
    const area = spec('耕地面积（亩）');
    expect(parseNumber(area, 12.5, report)).toBe(12.5);
    expect(parseNumber(area, '12.5', report)).toBe(12.5);
    expect(parseNumber(area, ' 12.5亩 ', report)).toBe(12.5);
    expect(parseNumber(area, '１２．５', report)).toBe(12.5);
    expect(parseNumber(spec('工资性收入（元）'), '1,200', report)).toBe(1200);
    expect(parseNumber(spec('工资性收入（元）'), '12,345.67元', report)).toBe(12345.67);
    expect(parseNumber(area, '0', report)).toBe(0);
    expect(parseNumber(area, '', report)).toBeNull();
    expect(problems).toEqual([]);
    expect(numberOfText('1.2.3')).toBeNull();
    expect(numberOfText('3万元')).toBeNull();
  });

  it('refuses text that is not a number, fractions in integer columns and absurd sizes', () => {
    const { problems, report } = collect();
    expect(parseNumber(spec('耕地面积（亩）'), '十亩', report)).toBe(INVALID);
    expect(parseNumber(spec('劳动力人数'), 2.5, report)).toBe(INVALID);
    expect(parseNumber(spec('务工时间（月）'), 13, report)).toBe(INVALID);
    expect(problems.map((p) => p.rule)).toEqual(['IMP-NUMBER', 'IMP-NUMBER', 'IMP-RANGE']);
    expect(problems[0]!.message).toContain('“十亩”');
  });

  it('reads years, including one typed into a date-formatted column', () => {
    const { problems, report } = collect();
    expect(parseYear(spec('年度'), 2020, report)).toBe(2020);
    expect(parseYear(spec('年度'), '2020年', report)).toBe(2020);
    expect(parseYear(spec('年度'), new ExcelDate(2019), report)).toBe(2019);
    expect(problems).toEqual([]);
    expect(parseYear(spec('年度'), '20年', report)).toBe(INVALID);
    expect(problems[0]!.rule).toBe('IMP-YEAR');
  });
});

describe('dates', () => {
  const s = spec('首次识别时间');

  it('reads Excel dates and the usual text forms', () => {
    const { problems, report } = collect();
    expect(parseDate(s, new ExcelDate(41760), report)).toBe('2014-05-01');
    expect(parseDate(s, new ExcelDate(41760.75), report)).toBe('2014-05-01');
    expect(parseDate(s, '2014-05-01', report)).toBe('2014-05-01');
    expect(parseDate(s, '2014/5/1', report)).toBe('2014-05-01');
    expect(parseDate(s, '2014.5.1', report)).toBe('2014-05-01');
    expect(parseDate(s, '2014年5月1日', report)).toBe('2014-05-01');
    expect(parseDate(s, '20140501', report)).toBe('2014-05-01');
    expect(parseDate(s, 20140501, report)).toBe('2014-05-01');
    expect(parseDate(s, '2014-05-01 00:00:00', report)).toBe('2014-05-01');
    expect(parseDate(s, '2014-05-01T00:00:00.000Z', report)).toBe('2014-05-01');
    expect(problems).toEqual([]);
  });

  it('maps Excel serials around the fictitious 1900-02-29', () => {
    expect(isoOfSerial(1)).toBe('1900-01-01');
    expect(isoOfSerial(59)).toBe('1900-02-28');
    expect(isoOfSerial(61)).toBe('1900-03-01');
    expect(isoOfSerial(43831)).toBe('2020-01-01');
  });

  it('refuses impossible dates without repeating them', () => {
    const { problems, report } = collect();
    expect(parseDate(s, '2014-02-30', report)).toBe(INVALID);
    expect(parseDate(s, '去年', report)).toBe(INVALID);
    expect(problems.every((p) => p.rule === 'IMP-DATE' && !p.message.includes('2014-02-30'))).toBe(true);
  });
});

describe('ID numbers and other long numbers', () => {
  it('reads ID numbers from text cells', () => {
    const { problems, report } = collect();
    expect(parseIdText(spec('证件号码'), ' 62042219800101001X ', report)).toBe('62042219800101001X');
    expect(problems).toEqual([]);
  });

  it('refuses a number cell (digits already lost) and scientific notation, naming the column but not the number', () => {
    const { problems, report } = collect();
    expect(parseIdText(spec('证件号码'), 620422198001010000, report)).toBe(INVALID);
    expect(parseIdText(spec('户主证件号码'), '6.20422E+17', report)).toBe(INVALID);
    expect(problems.map((p) => p.rule)).toEqual(['IMP-ID-NUMERIC', 'IMP-ID-NUMERIC']);
    expect(problems[0]!.message).toContain('证件号码');
    expect(problems[0]!.message).toContain('文本');
    expect(problems[0]!.message).not.toMatch(/\d{6,}/);
  });

  it('reads phone numbers typed as numbers, but not account numbers that lost digits', () => {
    const { problems, report } = collect();
    expect(parseText(spec('联系电话'), 13909431234, report)).toBe('13909431234');
    expect(parseText(spec('银行卡号'), 6228480402564890000, report)).toBe(INVALID);
    expect(problems[0]!.rule).toBe('IMP-DIGITS-LOST');
  });

  it('reports formula errors in cells', () => {
    const { problems, report } = collect();
    expect(parseText(spec('姓名'), new CellError('#N/A'), report)).toBe(INVALID);
    expect(problems[0]!.message).toContain('#N/A');
  });
});

describe('labels as printed', () => {
  it('are noted when a cell prints a label in another form than the year’s table, not for codes or spacing', () => {
    const ctx = cellContext(DEFAULT_CODE_TABLES);
    const { report } = collect();
    parseCode(spec('与户主关系'), '本人或户主', 2020, ctx, report);
    expect(ctx.printed).toBe('本人或户主');
    parseCode(spec('与户主关系'), '户 主', 2020, ctx, report);
    expect(ctx.printed).toBeNull();
    parseCode(spec('与户主关系'), '01', 2020, ctx, report);
    expect(ctx.printed).toBeNull();
    parseCodes(spec('健康状况'), '残疾，大病', 2020, ctx, report);
    expect(ctx.printed).toBe('残疾，大病');
    parseCodes(spec('健康状况'), '残疾,患有大病', 2020, ctx, report);
    expect(ctx.printed).toBeNull();
  });

  it('are printed back by the exporter only while they still stand for the stored code', () => {
    const attribute = spec('贫困户属性');
    expect(cellOf(attribute, '1', 2020, DEFAULT_CODE_TABLES, { attribute: '一般户' })).toBe('一般户');
    // edited on the household page since: the old printed label would say the wrong thing
    expect(cellOf(attribute, '2', 2020, DEFAULT_CODE_TABLES, { attribute: '一般户' })).toBe('低保贫困户');
    expect(cellOf(spec('健康状况'), ['03', '04'], 2020, DEFAULT_CODE_TABLES, { health: '大病,残疾' })).toBe('大病,残疾');
    expect(cellOf(spec('健康状况'), ['03'], 2020, DEFAULT_CODE_TABLES, { health: '大病,残疾' })).toBe('患有大病');
    expect(cellOf(spec('是否享受低保'), false, 2020, DEFAULT_CODE_TABLES)).toBe('否');
    expect(cellOf(spec('出生日期'), '1980-01-01', 2020, DEFAULT_CODE_TABLES)).toBe('1980-01-01');
    expect(cellOf(spec('其他致贫原因'), [], 2020, DEFAULT_CODE_TABLES)).toBeNull();
  });
});
