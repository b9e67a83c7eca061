// 驻村帮扶工作队 (domain.md §6): one team per poor village at a time, with one 队长 and at most one
// 第一书记 (often the same person), members who live in the village for their service period.
import { activeOn, isIsoDate, periodsOverlap, type Period } from './dates';
import { checkPeriod } from './pairing';
import { TEAM_ROLES } from './catalog';
import { violation, type RuleViolation } from './violations';

const TITLE = '驻村工作队组成';

export interface TeamMemberDraft extends Period {
  cadreId: string;
  cadreName: string;
  role: string;
  isFirstSecretary: boolean;
  /** year → days spent in the village */
  daysInVillage: Readonly<Record<string, number>>;
}

export interface TeamDraft extends Period {
  name: string;
  members: readonly TeamMemberDraft[];
}

/** The team's own rules; `otherTeams` are the village's other teams (for the one-team-at-a-time rule). */
export function checkTeam(team: TeamDraft, otherTeams: readonly (Period & { name: string })[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (team.name.trim() === '') out.push(violation('TEAM-NAME', 'name', '工作队名称', '不能为空', TITLE));
  out.push(...checkPeriod(team, { from: '派驻日期', to: '撤离日期' }, '驻村工作队派驻期间'));
  if (out.length > 0) return out;
  const clash = otherTeams.find((t) => periodsOverlap(t, team));
  if (clash) {
    out.push(violation('TEAM-ONE', 'fromDate', '派驻日期', `本村的${clash.name}自 ${clash.fromDate} 起在驻，同一时间一个村只派驻一支工作队`, '一村一队'));
  }
  if (team.members.length === 0) out.push(violation('TEAM-MEMBERS', 'members', '队员', '至少要有一名队长', TITLE));

  const seen = new Set<string>();
  team.members.forEach((m, i) => {
    const label = `第${i + 1}名队员（${m.cadreName}）`;
    if (seen.has(m.cadreId)) out.push(violation('TEAM-DUPLICATE', `members.${i}.cadreId`, label, '在队中重复出现', TITLE));
    seen.add(m.cadreId);
    if (!TEAM_ROLES.some((r) => r.code === m.role)) out.push(violation('TEAM-ROLE', `members.${i}.role`, label, '队内职务无效', TITLE));
    if (!isIsoDate(m.fromDate) || (m.toDate !== null && !isIsoDate(m.toDate))) {
      out.push(violation('PERIOD-DATE', `members.${i}.fromDate`, label, '驻村日期不是有效日期', TITLE));
      return;
    }
    if (m.toDate !== null && m.toDate < m.fromDate) out.push(violation('PERIOD-ORDER', `members.${i}.toDate`, label, '离队日期早于入队日期', TITLE));
    if (m.fromDate < team.fromDate || (team.toDate !== null && (m.toDate === null || m.toDate > team.toDate))) {
      out.push(violation('TEAM-MEMBER-PERIOD', `members.${i}.fromDate`, label, '驻村期间超出工作队的派驻期间', TITLE));
    }
    for (const [year, days] of Object.entries(m.daysInVillage)) {
      if (!/^\d{4}$/.test(year) || !Number.isInteger(days) || days < 0 || days > 366) {
        out.push(violation('TEAM-DAYS', `members.${i}.daysInVillage`, `${label} ${year} 年驻村天数`, '应为 0 至 366 的整数', TITLE));
      }
    }
  });
  // one 队长 and at most one 第一书记 at any moment: checked on each member's first day
  for (const m of team.members) {
    const day = m.fromDate;
    const atDay = team.members.filter((x) => activeOn(x, day));
    const leaders = atDay.filter((x) => x.role === 'leader');
    const secretaries = atDay.filter((x) => x.isFirstSecretary);
    if (leaders.length > 1) out.push(violation('TEAM-LEADER', 'members', '队长', `${day} 同时有 ${leaders.length} 名队长（${leaders.map((x) => x.cadreName).join('、')}），一队只能有一名队长`, TITLE));
    if (secretaries.length > 1) out.push(violation('TEAM-SECRETARY', 'members', '第一书记', `${day} 同时有 ${secretaries.length} 名第一书记，一村只派一名第一书记`, TITLE));
  }
  if (team.members.length > 0 && !team.members.some((m) => m.role === 'leader')) {
    out.push(violation('TEAM-LEADER', 'members', '队长', '工作队没有队长', TITLE));
  }
  return dedupe(out);
}

function dedupe(list: RuleViolation[]): RuleViolation[] {
  const seen = new Set<string>();
  return list.filter((v) => (seen.has(v.message) ? false : (seen.add(v.message), true)));
}
