// What each step's form must say, and whether it lets the case go on (domain.md §3.2, §5.1, §9).
// The outcome is computed from the facts where a rule decides it (income against the line,
// votes against the meeting size) and only chosen by the user where people decide.

export const MEETING_BODIES = {
  group: '村民小组评议',
  representatives: '村民代表大会评议',
  committee: '村两委评议',
  team: '驻村工作队评议',
  township: '乡镇审核会议',
} as const;
export type MeetingBody = keyof typeof MEETING_BODIES;

export interface Meeting {
  body: MeetingBody;
  date: string;
  participants: number;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  /** Names of those present, as on the minutes. */
  attendees: string;
}

export interface ObjectionResolution {
  upheld: boolean;
  note: string;
}

interface Common {
  note?: string;
  /** Required when the step is being done again because of an objection. */
  objectionResolution?: ObjectionResolution | null;
}

export interface StepForms {
  verify: Common & { perCapitaIncome: number; assets: string; verifiers: string };
  /** `photos`: ids of this case's attachments of the step (services/workflow/photos.ts). */
  inspect: Common & { housing: string; housingSafe: boolean; labourers: number; labour: string; photos: string[]; outcome: 'pass' | 'fail' };
  compare: Common & { foodClothing: string; housing: string; living: string; outcome: 'pass' | 'fail' };
  review: Common & { meetings: Meeting[] };
  verification: Common & { verifiers: string; foodSecure: boolean; clothingSecure: boolean };
  agreement: Common & { signerName: string; agreed: boolean };
  approve: Common & { decision: 'approve' | 'reject'; documentNumber: string };
  county: Common & { decision: 'approve' | 'reject'; documentNumber: string };
  announce: Common & { documentNumber: string };
  township: Common & { opinion: string; outcome: 'pass' | 'fail' };
  visit: Common & { verifiers: string; findings: string; outcome: 'pass' | 'fail' };
  deregister: Common;
  conditions: Common & { stableIncomeMonths: number; rigidExpenditureSolved: boolean; risksResolved: boolean };
}
export type FormStage = keyof StepForms;
export const FORM_STAGES = ['verify', 'inspect', 'compare', 'review', 'verification', 'agreement', 'approve', 'county', 'announce', 'township', 'visit', 'deregister', 'conditions'] as const satisfies readonly FormStage[];

/** Stages the station completes by rule, never by a form. */
export const AUTOMATIC_STAGES = ['apply', 'report', 'check', 'notice', 'signoff'] as const;

export interface StepContext {
  /** The step's own date. */
  date: string;
  /** The date of the step it follows. */
  previousDate: string | null;
  /** 国家扶贫标准 of the year (一核). */
  povertyLine: number | null;
  /** Whether objections sent this step back and wait for its findings. */
  pendingObjections: number;
}

export interface StepVerdict {
  outcome: 'pass' | 'fail';
  problems: string[];
  /** One line for the household's 动态. */
  summary: string;
}

function meetingProblems(meetings: Meeting[], ctx: StepContext): string[] {
  const out: string[] = [];
  if (meetings.length === 0) out.push('请至少登记一次评议会议');
  meetings.forEach((m, i) => {
    const name = `第 ${i + 1} 次会议（${MEETING_BODIES[m.body]}）`;
    if (m.participants < 1) out.push(`${name}：参会人数应大于 0`);
    if (m.votesFor + m.votesAgainst + m.votesAbstain > m.participants) {
      out.push(`${name}：赞成 ${m.votesFor}、反对 ${m.votesAgainst}、弃权 ${m.votesAbstain} 票合计超过参会人数 ${m.participants}`);
    }
    if (m.date > ctx.date) out.push(`${name}：会议日期 ${m.date} 晚于本步骤日期 ${ctx.date}`);
    if (ctx.previousDate && m.date < ctx.previousDate) out.push(`${name}：会议日期 ${m.date} 早于上一步的日期 ${ctx.previousDate}`);
  });
  return out;
}

/** A meeting passes with the votes of more than half of those present. */
export const meetingPassed = (m: Meeting): boolean => m.votesFor * 2 > m.participants;

export function evaluateStep<S extends FormStage>(stage: S, form: StepForms[S], ctx: StepContext): StepVerdict {
  const problems: string[] = [];
  if (ctx.pendingObjections > 0 && !form.objectionResolution?.note?.trim()) {
    problems.push('该步骤因公示异议退回重办：请填写异议核实结论（异议是否属实及处理意见）');
  }
  const verdict = (outcome: 'pass' | 'fail', summary: string): StepVerdict => ({ outcome, problems, summary });
  switch (stage) {
    case 'verify': {
      const f = form as StepForms['verify'];
      if (ctx.povertyLine === null) {
        problems.push(`${ctx.date.slice(0, 4)}年没有设定国家扶贫标准，无法核对收入，请先在年度参数中填写`);
        return verdict('fail', '');
      }
      if (f.perCapitaIncome < 0) problems.push('人均纯收入不能为负数');
      const below = f.perCapitaIncome < ctx.povertyLine;
      return verdict(below ? 'pass' : 'fail', `人均纯收入${f.perCapitaIncome.toFixed(2)}元，${below ? '低于' : '不低于'}扶贫标准${ctx.povertyLine}元`);
    }
    case 'inspect': {
      const f = form as StepForms['inspect'];
      if (f.labourers < 0) problems.push('劳动力人数不能为负数');
      const photos = f.photos.length > 0 ? `，照片 ${f.photos.length} 张` : '';
      return verdict(f.outcome, `住房${f.housingSafe ? '安全' : '不安全'}，劳动力 ${f.labourers} 人${photos}`);
    }
    case 'compare': {
      const f = form as StepForms['compare'];
      return verdict(f.outcome, f.outcome === 'pass' ? '与邻里相比确属困难' : '与邻里相比不属困难');
    }
    case 'review': {
      const f = form as StepForms['review'];
      problems.push(...meetingProblems(f.meetings, ctx));
      const passed = f.meetings.length > 0 && f.meetings.every(meetingPassed);
      const votes = f.meetings.map((m) => `${MEETING_BODIES[m.body]}赞成 ${m.votesFor}/${m.participants}`).join('，');
      return verdict(passed ? 'pass' : 'fail', `${votes}，${passed ? '通过' : '未通过'}`);
    }
    case 'verification': {
      const f = form as StepForms['verification'];
      const ok = f.foodSecure && f.clothingSecure;
      return verdict(ok ? 'pass' : 'fail', ok ? '核实无误' : `核实发现${!f.foodSecure ? '吃' : ''}${!f.clothingSecure ? '穿' : ''}仍有困难`);
    }
    case 'agreement': {
      const f = form as StepForms['agreement'];
      if (f.signerName.trim() === '') problems.push('请填写认可签字的户主（或家庭成员）姓名');
      return verdict(f.agreed ? 'pass' : 'fail', f.agreed ? '农户认可退出' : '农户不认可退出');
    }
    case 'approve':
    case 'county': {
      const f = form as StepForms['approve'];
      if (f.decision === 'approve' && f.documentNumber.trim() === '') problems.push('请填写审定文号');
      return verdict(f.decision === 'approve' ? 'pass' : 'fail', f.decision === 'approve' ? `审定通过（${f.documentNumber}）` : '审定未通过');
    }
    case 'announce': {
      const f = form as StepForms['announce'];
      if (f.documentNumber.trim() === '') problems.push('请填写公告文号');
      return verdict('pass', `县级公告（${f.documentNumber}）`);
    }
    case 'township': {
      const f = form as StepForms['township'];
      if (f.opinion.trim() === '') problems.push('请填写乡镇审核意见');
      return verdict(f.outcome, `乡镇审核${f.outcome === 'pass' ? '同意' : '不同意'}`);
    }
    case 'visit': {
      const f = form as StepForms['visit'];
      if (f.findings.trim() === '') problems.push('请填写入户核实情况');
      return verdict(f.outcome, f.outcome === 'pass' ? '入户核实属实' : '入户核实不属实');
    }
    case 'deregister':
      return verdict('pass', '销号');
    case 'conditions':
      // The service adds the registry facts and runs eliminationBlockers; a refusal is named there.
      return verdict('pass', '风险消除条件已核实');
    default:
      return verdict('fail', '');
  }
}
