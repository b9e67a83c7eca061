// 驻村工作队: one team per poor village at a time, its members with roles and days in the village.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { assistanceCadres, assistanceTeamMembers, assistanceTeams, assistanceUnits } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { AssistanceSaveResult, TeamView } from '../../api/contract/assistance';
import { activeOn, checkTeam, labelIn, TEAM_ROLES } from '../../domain/assistance';
import { ancestorCode, levelOfCode } from '../../domain/region-code';
import { placeName } from './place-names';
import { regionRange } from '../registry/households-read';
import { getRegion } from '../regions';
import { throwIfErrors } from './violations';
import { isoDay } from '../../domain/workflow/dates';

export interface TeamInput {
  id: string | null;
  villageCode: string;
  name: string;
  unitId: string | null;
  fromDate: string;
  toDate: string | null;
  note: string | null;
  members: { cadreId: string; role: string; isFirstSecretary: boolean; fromDate: string; toDate: string | null; daysInVillage: Record<string, number> }[];
}

export function teamViews(db: Db, teams: (typeof assistanceTeams.$inferSelect)[], day: string): TeamView[] {
  if (teams.length === 0) return [];
  const members = db
    .select({ m: assistanceTeamMembers, c: assistanceCadres, unitName: assistanceUnits.name })
    .from(assistanceTeamMembers)
    .innerJoin(assistanceCadres, eq(assistanceCadres.id, assistanceTeamMembers.cadreId))
    .innerJoin(assistanceUnits, eq(assistanceUnits.id, assistanceCadres.unitId))
    .where(inArray(assistanceTeamMembers.teamId, teams.map((t) => t.id)))
    .all();
  const units = new Map(db.select({ id: assistanceUnits.id, name: assistanceUnits.name }).from(assistanceUnits).all().map((u) => [u.id, u.name]));
  return teams.map((t) => ({
    id: t.id,
    villageCode: t.regionCode,
    villageName: placeName(db, t.regionCode),
    townshipName: placeName(db, ancestorCode(t.regionCode, 'township')),
    name: t.name,
    unitId: t.unitId,
    unitName: t.unitId ? (units.get(t.unitId) ?? null) : null,
    fromDate: t.fromDate,
    toDate: t.toDate,
    note: t.note,
    active: activeOn(t, day),
    members: members
      .filter((x) => x.m.teamId === t.id)
      .sort((a, b) => a.m.sortOrder - b.m.sortOrder)
      .map(({ m, c, unitName }) => ({
        cadreId: c.id,
        cadreName: c.name,
        phone: c.phone,
        unitName,
        role: m.role,
        roleLabel: labelIn(TEAM_ROLES, m.role) ?? m.role,
        isFirstSecretary: m.isFirstSecretary,
        fromDate: m.fromDate,
        toDate: m.toDate,
        daysInVillage: m.daysInVillage as Record<string, number>,
      })),
  }));
}

export function listTeams(station: Station, regionCode: string): TeamView[] {
  const db = station.db;
  const [lo, hi] = regionRange(regionCode);
  const rows = db.$client.prepare('SELECT id FROM assistance_teams WHERE region_code >= ? AND region_code < ? ORDER BY region_code, from_date DESC').all(lo, hi) as { id: string }[];
  const teams = rows.length ? db.select().from(assistanceTeams).where(inArray(assistanceTeams.id, rows.map((r) => r.id))).all() : [];
  const order = new Map(rows.map((r, i) => [r.id, i]));
  teams.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return teamViews(db, teams, isoDay(station.clock()));
}

export function saveTeam(station: Station, actor: Actor, input: TeamInput): AssistanceSaveResult {
  const db = station.db;
  if (levelOfCode(input.villageCode) !== 'village' || !getRegion(db, input.villageCode)) throw new AppError('INVALID_INPUT', '派驻村：不是本县的村（社区）');
  const existing = input.id ? db.select().from(assistanceTeams).where(eq(assistanceTeams.id, input.id)).get() : undefined;
  if (input.id && !existing) throw new AppError('NOT_FOUND', '该工作队不存在或已删除');
  if (existing && existing.regionCode !== input.villageCode) throw new AppError('INVALID_INPUT', '派驻村：工作队不能改派到另一个村，请撤离后重新派驻');
  const cadreIds = input.members.map((m) => m.cadreId);
  const cadres = new Map((cadreIds.length ? db.select().from(assistanceCadres).where(inArray(assistanceCadres.id, cadreIds)).all() : []).map((c) => [c.id, c]));
  const missing = cadreIds.find((c) => !cadres.has(c));
  if (missing) throw new AppError('INVALID_INPUT', '队员：有队员不是已登记的帮扶责任人');
  if (input.unitId && !db.select().from(assistanceUnits).where(eq(assistanceUnits.id, input.unitId)).get()) throw new AppError('INVALID_INPUT', '派出单位：不是已登记的帮扶单位');
  const others = db
    .select()
    .from(assistanceTeams)
    .where(and(eq(assistanceTeams.regionCode, input.villageCode), input.id ? ne(assistanceTeams.id, input.id) : undefined))
    .all();
  const found = checkTeam(
    { name: input.name, fromDate: input.fromDate, toDate: input.toDate, members: input.members.map((m) => ({ ...m, cadreName: cadres.get(m.cadreId)!.name })) },
    others,
  );
  const warnings = throwIfErrors(found, '驻村工作队');
  const nowIso = station.clock().toISOString();
  const id = existing?.id ?? randomUUID();
  runWrite(
    db,
    actor,
    { action: existing ? 'assistance.team.update' : 'assistance.team.create', entity: 'assistanceTeam', entityId: id },
    (w) => {
      const row = { name: input.name.trim(), unitId: input.unitId, fromDate: input.fromDate, toDate: input.toDate, note: input.note, updatedAt: nowIso };
      if (existing) w.update(assistanceTeams, id, row);
      else w.insert(assistanceTeams, { id, regionCode: input.villageCode, createdAt: nowIso, ...row });
      const before = db.select().from(assistanceTeamMembers).where(eq(assistanceTeamMembers.teamId, id)).all();
      input.members.forEach((m, sortOrder) => {
        const old = before.find((b) => b.cadreId === m.cadreId);
        const fields = { role: m.role, isFirstSecretary: m.isFirstSecretary, sortOrder, fromDate: m.fromDate, toDate: m.toDate, daysInVillage: m.daysInVillage };
        if (old) w.update(assistanceTeamMembers, old.id, fields);
        else w.insert(assistanceTeamMembers, { id: randomUUID(), teamId: id, cadreId: m.cadreId, ...fields });
      });
      for (const old of before) if (!cadreIds.includes(old.cadreId)) w.remove(assistanceTeamMembers, old.id);
    },
    station.clock(),
  );
  return { id, warnings };
}
