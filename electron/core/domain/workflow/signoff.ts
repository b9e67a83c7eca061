// The "3342" sign-off matrix (domain.md §5.4, [U]): for each document, the levels that sign in
// order and the roles at each level. "谁签字、谁负责": every signature names the person, the role
// and the date, and a level signs only after the level below has finished.

export const SIGNOFF_LEVELS = ['village', 'township', 'county', 'city'] as const;
export type SignoffLevel = (typeof SIGNOFF_LEVELS)[number];

export interface SignoffRole {
  code: string;
  label: string;
}

export interface SignoffLevelDef {
  level: SignoffLevel;
  label: string;
  roles: SignoffRole[];
  /** Who may record this level's signatures in the station: anyone in scope, or the county's administrator. */
  recordedBy: 'station' | 'county';
}

export interface SignoffMatrix {
  documentType: 'householdExit';
  levels: SignoffLevelDef[];
}

export const DEFAULT_SIGNOFF_MATRIX: SignoffMatrix = {
  documentType: 'householdExit',
  levels: [
    {
      level: 'village',
      label: '村级',
      recordedBy: 'station',
      roles: [
        { code: 'helper', label: '帮扶责任人' },
        { code: 'teamLeader', label: '驻村帮扶工作队队长（第一书记）' },
        { code: 'villageHead', label: '村党支部书记（村委会主任）' },
      ],
    },
    {
      level: 'township',
      label: '乡镇级',
      recordedBy: 'station',
      roles: [
        { code: 'partySecretary', label: '乡镇党委书记' },
        { code: 'mayor', label: '乡镇长' },
        { code: 'villageLeader', label: '包村领导' },
      ],
    },
    {
      level: 'county',
      label: '县级',
      recordedBy: 'county',
      roles: [
        { code: 'partySecretary', label: '县委书记' },
        { code: 'countyHead', label: '县长' },
        { code: 'deputy', label: '分管县领导' },
        { code: 'officeDirector', label: '扶贫办主任' },
      ],
    },
    {
      level: 'city',
      label: '市级',
      recordedBy: 'county',
      roles: [
        { code: 'partySecretary', label: '市委书记' },
        { code: 'mayor', label: '市长' },
      ],
    },
  ],
};

export interface SignatureFacts {
  level: string;
  role: string;
  signerName: string;
  date: string;
}

/** Problems with an edited matrix, so a wrong configuration is refused with its reason. */
export function matrixProblems(m: SignoffMatrix): string[] {
  const out: string[] = [];
  if (m.levels.length === 0) out.push('签字矩阵至少要有一级');
  const seen = new Set<string>();
  m.levels.forEach((l, i) => {
    if (seen.has(l.level)) out.push(`签字矩阵第 ${i + 1} 级「${l.label}」与前面的级别重复`);
    seen.add(l.level);
    if (l.roles.length === 0) out.push(`签字矩阵「${l.label}」没有任何签字人角色`);
    const codes = new Set<string>();
    for (const r of l.roles) {
      if (codes.has(r.code)) out.push(`签字矩阵「${l.label}」的角色「${r.label}」重复`);
      codes.add(r.code);
    }
    const order = SIGNOFF_LEVELS.indexOf(l.level);
    const prev = i > 0 ? SIGNOFF_LEVELS.indexOf(m.levels[i - 1]!.level) : -1;
    if (order < prev) out.push(`签字矩阵须自下而上排列：「${l.label}」不能排在「${m.levels[i - 1]!.label}」之后`);
  });
  return out;
}

export interface LevelProgress {
  level: SignoffLevel;
  label: string;
  recordedBy: 'station' | 'county';
  roles: (SignoffRole & { signature: SignatureFacts | null })[];
  complete: boolean;
}

export function signoffProgress(m: SignoffMatrix, signatures: readonly SignatureFacts[]): { levels: LevelProgress[]; complete: boolean; currentLevel: SignoffLevel | null } {
  const levels = m.levels.map((l): LevelProgress => {
    const roles = l.roles.map((r) => ({ ...r, signature: signatures.find((s) => s.level === l.level && s.role === r.code) ?? null }));
    return { level: l.level, label: l.label, recordedBy: l.recordedBy, roles, complete: roles.every((r) => r.signature !== null) };
  });
  const current = levels.find((l) => !l.complete)?.level ?? null;
  return { levels, complete: current === null, currentLevel: current };
}

/** Why this signature cannot be recorded now, or null. */
export function refuseSignature(m: SignoffMatrix, signatures: readonly SignatureFacts[], s: SignatureFacts, earliestDate: string | null): string | null {
  const levelDef = m.levels.find((l) => l.level === s.level);
  if (!levelDef) return `签字矩阵中没有「${s.level}」这一级`;
  const role = levelDef.roles.find((r) => r.code === s.role);
  if (!role) return `「${levelDef.label}」签字没有「${s.role}」这一角色`;
  if (s.signerName.trim() === '') return `请填写${levelDef.label}「${role.label}」签字人的姓名`;
  if (signatures.some((x) => x.level === s.level && x.role === s.role)) return `${levelDef.label}「${role.label}」已签字，不能重复签字`;
  const progress = signoffProgress(m, signatures);
  const below = progress.levels.slice(0, progress.levels.findIndex((l) => l.level === s.level)).find((l) => !l.complete);
  if (below) {
    const missing = below.roles.filter((r) => !r.signature).map((r) => r.label).join('、');
    return `须逐级签字：${below.label}尚未签完（缺${missing}），${levelDef.label}暂不能签字`;
  }
  const latestBelow = signatures
    .filter((x) => m.levels.findIndex((l) => l.level === x.level) < m.levels.findIndex((l) => l.level === s.level))
    .reduce<string | null>((max, x) => (max === null || x.date > max ? x.date : max), earliestDate);
  if (latestBelow && s.date < latestBelow) return `${levelDef.label}签字日期（${s.date}）早于下一级的签字或公示期满日期（${latestBelow}）`;
  return null;
}
