// 帮扶单位 and 帮扶责任人 records (domain.md §1.7, §6): the fields the national helper table keeps.
import { checkIdNumber } from '../registry/id-number';
import { codeTable, type CodeTableDefinition } from '../registry/code-tables';
import { CADRE_EDUCATION } from './catalog';
import { rankOf, type QuotaRule } from './policy';
import { violation, type RuleViolation } from './violations';

const CADRE_TITLE = '帮扶责任人信息';
const UNIT_TITLE = '帮扶单位信息';

export interface UnitDraft {
  name: string;
  affiliation: string;
  contactPhone: string | null;
}

export function checkUnit(u: UnitDraft, ctx: { year: number; tables?: readonly CodeTableDefinition[]; nameTaken: boolean }): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (u.name.trim() === '') out.push(violation('UNIT-NAME', 'name', '单位名称', '不能为空', UNIT_TITLE));
  else if (ctx.nameTaken) out.push(violation('UNIT-NAME', 'name', '单位名称', `「${u.name.trim()}」已经登记过`, '帮扶单位不重复登记'));
  if (!codeTable('affiliation', ctx.year, ctx.tables).some((e) => e.code === u.affiliation)) {
    out.push(violation('UNIT-AFFILIATION', 'affiliation', '隶属关系', '应为中央、省、市、县、乡镇、部队或其他', UNIT_TITLE));
  }
  if (u.contactPhone && !/^\d{11}$|^0\d{2,3}-?\d{7,8}$/.test(u.contactPhone)) {
    out.push(violation('UNIT-PHONE', 'contactPhone', '联系电话', '应为 11 位手机号或带区号的固定电话', UNIT_TITLE));
  }
  return out;
}

export interface CadreDraft {
  name: string;
  idNumber: string;
  phone: string | null;
  unitId: string | null;
  rank: string | null;
  politicalStatus: string | null;
  education: string | null;
}

export function checkCadre(c: CadreDraft, ctx: { asOf: string; year: number; quota: QuotaRule; tables?: readonly CodeTableDefinition[]; idTakenBy: string | null }): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (c.name.trim() === '') out.push(violation('CADRE-NAME', 'name', '姓名', '不能为空', CADRE_TITLE));
  const id = checkIdNumber(c.idNumber, { asOf: ctx.asOf });
  if (!id.ok) out.push(violation('CADRE-ID', 'idNumber', '证件号码', id.message, '证件号码须有效（用于核对帮扶责任人不是贫困人口）'));
  else if (ctx.idTakenBy) out.push(violation('CADRE-ID', 'idNumber', '证件号码', `已登记为帮扶责任人${ctx.idTakenBy}`, '同一人只登记一次'));
  if (!c.phone || !/^1\d{10}$/.test(c.phone)) out.push(violation('CADRE-PHONE', 'phone', '联系电话', '应为 11 位手机号码（印在帮扶明白卡上）', CADRE_TITLE));
  if (!c.unitId) out.push(violation('CADRE-UNIT', 'unitId', '单位名称', '请选择帮扶单位', CADRE_TITLE));
  if (!rankOf(ctx.quota, c.rank)) out.push(violation('CADRE-RANK', 'rank', '行政职务级别', '请选择分工表中的级别', `「${ctx.quota.name}」帮扶户数分工`));
  if (c.politicalStatus && !codeTable('politicalStatus', ctx.year, ctx.tables).some((e) => e.code === c.politicalStatus)) {
    out.push(violation('CADRE-CODE', 'politicalStatus', '政治面貌', '代码无效', CADRE_TITLE));
  }
  if (c.education && !CADRE_EDUCATION.some((e) => e.code === c.education)) out.push(violation('CADRE-CODE', 'education', '学历', '代码无效', CADRE_TITLE));
  return out;
}
