// 两个全覆盖 (domain.md §6, §1.7): every poor village has a 驻村工作队, every registered household a
// named 帮扶责任人, and no 帮扶责任人 is himself a registered poor person. Plus what the office
// checks beside them: cadres above their quota, teams without a 队长, members short of their days.
import { activeOn, type Period } from './dates';
import type { AssistancePolicy } from './policy';
import { quotaFor, QUOTA_RULE_TITLE } from './quota';
import { rankOf } from './policy';

export type CoverageGapKind = 'villageWithoutTeam' | 'householdWithoutCadre' | 'cadreIsPoorPerson' | 'cadreOverQuota' | 'teamWithoutLeader' | 'memberDaysShort';

export const COVERAGE_GAP_TITLES: Record<CoverageGapKind, string> = {
  villageWithoutTeam: '贫困村无驻村工作队',
  householdWithoutCadre: '贫困户无帮扶责任人',
  cadreIsPoorPerson: '既是帮扶责任人又是贫困人口',
  cadreOverQuota: '帮扶户数超过分工',
  teamWithoutLeader: '驻村工作队无队长',
  memberDaysShort: '驻村天数不足',
};

export interface CoverageGap {
  kind: CoverageGapKind;
  message: string;
  villageCode: string | null;
  householdId: string | null;
  cadreId: string | null;
  teamId: string | null;
}

export interface CoverageInput {
  asOf: string;
  /** The year whose 驻村天数 are checked (usually the last full year) */
  daysYear: number;
  villages: readonly { code: string; name: string; poor: boolean }[];
  teams: readonly (Period & { id: string; villageCode: string; name: string })[];
  teamMembers: readonly (Period & { teamId: string; cadreId: string; role: string; daysInVillage: Readonly<Record<string, number>> })[];
  households: readonly { id: string; villageCode: string; headName: string | null; exitStatus: string | null }[];
  pairings: readonly (Period & { householdId: string; cadreId: string })[];
  cadres: readonly { id: string; name: string; rank: string | null; idNumber18: string | null }[];
  /** 18-digit ID → the registered person (current member of a registered household) */
  registeredPersons: ReadonlyMap<string, { name: string | null; householdId: string; villageCode: string }>;
  villageName(code: string): string;
}

function gap(kind: CoverageGapKind, message: string, refs: Partial<Omit<CoverageGap, 'kind' | 'message'>>): CoverageGap {
  return { kind, message, villageCode: refs.villageCode ?? null, householdId: refs.householdId ?? null, cadreId: refs.cadreId ?? null, teamId: refs.teamId ?? null };
}

export function findCoverageGaps(input: CoverageInput, policy: AssistancePolicy): CoverageGap[] {
  const { asOf } = input;
  const gaps: CoverageGap[] = [];
  const activeTeams = input.teams.filter((t) => activeOn(t, asOf));
  const villagesWithTeam = new Set(activeTeams.map((t) => t.villageCode));
  for (const v of input.villages) {
    if (v.poor && !villagesWithTeam.has(v.code)) {
      gaps.push(gap('villageWithoutTeam', `${v.name}是贫困村，但在 ${asOf} 没有在驻的驻村工作队`, { villageCode: v.code }));
    }
  }

  const covered = new Set(policy.coverage.coveredExitStatuses);
  const pairedNow = new Set(input.pairings.filter((p) => activeOn(p, asOf)).map((p) => p.householdId));
  for (const h of input.households) {
    if (h.exitStatus !== null && !covered.has(h.exitStatus)) continue;
    if (!pairedNow.has(h.id)) {
      gaps.push(gap('householdWithoutCadre', `${input.villageName(h.villageCode)} ${h.headName ?? '（户主未填）'}户没有在帮的帮扶责任人`, { householdId: h.id, villageCode: h.villageCode }));
    }
  }

  const activeCount = new Map<string, number>();
  for (const p of input.pairings) if (activeOn(p, asOf)) activeCount.set(p.cadreId, (activeCount.get(p.cadreId) ?? 0) + 1);
  for (const c of input.cadres) {
    const poor = c.idNumber18 ? input.registeredPersons.get(c.idNumber18) : undefined;
    if (poor) {
      gaps.push(gap('cadreIsPoorPerson', `帮扶责任人${c.name}的证件号码与${input.villageName(poor.villageCode)}建档立卡户成员${poor.name ?? ''}相同：帮扶责任人不能是贫困人口`, { cadreId: c.id, householdId: poor.householdId, villageCode: poor.villageCode }));
    }
    const max = quotaFor(policy.quota, c.rank);
    const n = activeCount.get(c.id) ?? 0;
    if (max !== null && n > max) {
      const label = rankOf(policy.quota, c.rank)?.label ?? '';
      gaps.push(gap('cadreOverQuota', `${c.name}（${label}）在帮 ${n} 户，超过${QUOTA_RULE_TITLE(policy.quota)}的 ${max} 户`, { cadreId: c.id }));
    }
  }

  const cadreName = new Map(input.cadres.map((c) => [c.id, c.name]));
  for (const t of activeTeams) {
    const members = input.teamMembers.filter((m) => m.teamId === t.id);
    if (!members.some((m) => m.role === 'leader' && activeOn(m, asOf))) {
      gaps.push(gap('teamWithoutLeader', `${input.villageName(t.villageCode)}的${t.name}在 ${asOf} 没有在任队长`, { teamId: t.id, villageCode: t.villageCode }));
    }
    for (const m of members) {
      if (m.role === 'townshipCadre') continue; // 包村干部 do not live in the village
      const days = m.daysInVillage[String(input.daysYear)];
      if (days !== undefined && days < policy.coverage.minDaysInVillage) {
        gaps.push(
          gap('memberDaysShort', `${cadreName.get(m.cadreId) ?? '队员'}在${input.villageName(t.villageCode)} ${input.daysYear} 年驻村 ${days} 天，少于每年 ${policy.coverage.minDaysInVillage} 天`, {
            teamId: t.id,
            cadreId: m.cadreId,
            villageCode: t.villageCode,
          }),
        );
      }
    }
  }
  return gaps;
}
