// The fields of each step's form, mirroring core's step schemas (api/contract/workflow-forms.ts).
// Core checks every field again and names what is wrong; this only lays the form out.
export type FieldKind = 'text' | 'textarea' | 'number' | 'bool' | 'passFail' | 'decision' | 'date' | 'meetings' | 'photos';

export interface StepField {
  name: string;
  label: string;
  kind: FieldKind;
  /** For a yes/no question: what 'yes' says. */
  yes?: string;
}

const passFail = (label = '结论'): StepField => ({ name: 'outcome', label, kind: 'passFail' });
const decision: StepField[] = [
  { name: 'decision', label: '审定结论', kind: 'decision' },
  { name: 'documentNumber', label: '审定文号', kind: 'text' },
  { name: 'effectiveDate', label: '生效日期', kind: 'date' },
];

export const STEP_FIELDS: Record<string, StepField[]> = {
  verify: [
    { name: 'perCapitaIncome', label: '核定人均纯收入（元）', kind: 'number' },
    { name: 'assets', label: '家庭资产情况', kind: 'textarea' },
    { name: 'verifiers', label: '核查人', kind: 'text' },
  ],
  inspect: [
    { name: 'housing', label: '住房情况', kind: 'textarea' },
    { name: 'housingSafe', label: '住房是否安全', kind: 'bool', yes: '住房安全' },
    { name: 'labourers', label: '劳动力人数', kind: 'number' },
    { name: 'labour', label: '劳力与家庭情况', kind: 'textarea' },
    { name: 'photos', label: '照片', kind: 'photos' },
    passFail('看的结论'),
  ],
  compare: [
    { name: 'foodClothing', label: '吃穿比较', kind: 'textarea' },
    { name: 'housing', label: '住房比较', kind: 'textarea' },
    { name: 'living', label: '生活条件比较', kind: 'textarea' },
    passFail('比的结论'),
  ],
  review: [{ name: 'meetings', label: '评议会议', kind: 'meetings' }],
  verification: [
    { name: 'verifiers', label: '核实人', kind: 'text' },
    { name: 'foodSecure', label: '不愁吃', kind: 'bool', yes: '不愁吃' },
    { name: 'clothingSecure', label: '不愁穿', kind: 'bool', yes: '不愁穿' },
  ],
  agreement: [
    { name: 'signerName', label: '认可签字人', kind: 'text' },
    { name: 'agreed', label: '是否认可退出', kind: 'bool', yes: '农户认可退出' },
  ],
  approve: decision,
  county: decision,
  announce: [{ name: 'documentNumber', label: '公告文号', kind: 'text' }],
  township: [{ name: 'opinion', label: '乡镇审核意见', kind: 'textarea' }, passFail('审核结论')],
  visit: [
    { name: 'verifiers', label: '核实人', kind: 'text' },
    { name: 'findings', label: '核实情况', kind: 'textarea' },
    passFail('核实结论'),
  ],
  deregister: [{ name: 'effectiveDate', label: '脱贫日期', kind: 'date' }],
  conditions: [
    { name: 'stableIncomeMonths', label: '收入持续稳定月数', kind: 'number' },
    { name: 'rigidExpenditureSolved', label: '大额刚性支出', kind: 'bool', yes: '已稳定解决' },
    { name: 'risksResolved', label: '风险', kind: 'bool', yes: '风险已消除' },
  ],
};

/** The form's initial values: booleans start as yes, a conclusion as pass, decisions as approve. */
export function initialValues(stage: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of STEP_FIELDS[stage] ?? []) {
    if (f.kind === 'bool') out[f.name] = true;
    if (f.kind === 'passFail') out[f.name] = 'pass';
    if (f.kind === 'decision') out[f.name] = 'approve';
    if (f.kind === 'photos') out[f.name] = [];
    if (f.kind === 'meetings') out[f.name] = [{ body: 'representatives', participants: null, votesFor: null, votesAgainst: 0, votesAbstain: 0 }];
  }
  return out;
}
