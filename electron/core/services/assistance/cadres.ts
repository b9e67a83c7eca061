// 帮扶责任人: the cadres of the units, with how many households each helps today against the quota.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Station } from '../../station';
import { assistanceCadres, assistanceUnits } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { Page } from '../../api/contract/common';
import type { CadreView, AssistanceSaveResult } from '../../api/contract/assistance';
import { checkCadre, quotaFor, quotaStanding, rankOf } from '../../domain/assistance';
import { canonicalId18, idInfoOf, normalizeIdNumber } from '../../domain/registry/id-number';
import { labelOf } from '../../domain/registry/code-tables';
import { maskIdNumber } from '../../domain/masking';
import { regionWithin } from '../../domain/region-code';
import type { Db } from '../../db/connection';
import { effectiveCodeTables } from '../registry/reference-data';
import { readAssistancePolicy } from './policy-store';
import { relatedRegionSql } from './scope';
import { throwIfErrors } from './violations';
import { isoDay } from '../../domain/workflow/dates';

export interface CadreInput {
  id: string | null;
  regionCode?: string | undefined;
  unitId: string | null;
  name: string;
  idNumber: string;
  phone: string | null;
  position: string | null;
  politicalStatus: string | null;
  rank: string | null;
  education: string | null;
  speciality: string | null;
  note: string | null;
}

export interface CadreFilters {
  regionCode: string;
  unitId?: string | undefined;
  query?: string | undefined;
  offset: number;
  limit: number;
}

const today = (station: Station): string => isoDay(station.clock());

/** Households each cadre helps on `day`. */
export function activePairingCounts(db: Db, day: string, cadreIds?: readonly string[]): Map<string, number> {
  const rows = db.$client
    .prepare(
      `SELECT cadre_id AS id, count(*) AS n FROM assistance_pairings
        WHERE from_date <= @day AND (to_date IS NULL OR to_date >= @day)
        ${cadreIds ? `AND cadre_id IN (${cadreIds.map((_, i) => `@c${i}`).join(',') || "''"})` : ''}
        GROUP BY cadre_id`,
    )
    .all({ day, ...Object.fromEntries((cadreIds ?? []).map((c, i) => [`c${i}`, c])) }) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function cadreViews(station: Station, scopeCode: string, rows: (typeof assistanceCadres.$inferSelect)[]): CadreView[] {
  const db = station.db;
  const policy = readAssistancePolicy(db);
  const tables = effectiveCodeTables(db);
  const year = station.clock().getFullYear();
  const counts = activePairingCounts(db, today(station), rows.map((r) => r.id));
  const units = new Map(db.select().from(assistanceUnits).all().map((u) => [u.id, u]));
  return rows.map((c) => {
    const unit = units.get(c.unitId);
    const n = counts.get(c.id) ?? 0;
    return {
      id: c.id,
      regionCode: c.regionCode,
      unitId: c.unitId,
      unitName: unit?.name ?? '',
      affiliationLabel: unit ? (labelOf('affiliation', unit.affiliation, year, tables) ?? unit.affiliation) : '',
      name: c.name,
      sexLabel: labelOf('sex', c.sex, year, tables) ?? null,
      idNumber: c.idNumber,
      idNumberMasked: maskIdNumber(c.idNumber),
      phone: c.phone,
      position: c.position,
      politicalStatus: c.politicalStatus,
      rank: c.rank,
      rankLabel: rankOf(policy.quota, c.rank)?.label ?? c.rank,
      education: c.education,
      speciality: c.speciality,
      note: c.note,
      activeHouseholds: n,
      quota: quotaFor(policy.quota, c.rank),
      standing: quotaStanding(policy.quota, c.rank, n),
      editable: regionWithin(scopeCode, c.regionCode),
    };
  });
}

export function listCadres(station: Station, scopeCode: string, f: CadreFilters): Page<CadreView> {
  const db = station.db;
  const rel = relatedRegionSql('c.region_code', f.regionCode);
  const where = [rel.sql];
  const params: Record<string, unknown> = { ...rel.params };
  if (f.unitId) (params.unitId = f.unitId), where.push('c.unit_id = @unitId');
  if (f.query) (params.q = `${f.query}%`), where.push('(c.name LIKE @q OR c.phone LIKE @q)');
  const sql = where.join(' AND ');
  const total = (db.$client.prepare(`SELECT count(*) AS n FROM assistance_cadres c WHERE ${sql}`).get(params) as { n: number }).n;
  const ids = (
    db.$client.prepare(`SELECT c.id FROM assistance_cadres c JOIN assistance_units u ON u.id = c.unit_id WHERE ${sql} ORDER BY u.name, c.name, c.id LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit: f.limit,
      offset: f.offset,
    }) as { id: string }[]
  ).map((r) => r.id);
  const byId = new Map((ids.length ? db.select().from(assistanceCadres).where(inArray(assistanceCadres.id, ids)).all() : []).map((c) => [c.id, c]));
  return { total, rows: cadreViews(station, scopeCode, ids.map((id) => byId.get(id)!)) };
}

export function saveCadre(station: Station, actor: Actor, scopeCode: string, input: CadreInput): AssistanceSaveResult {
  const db = station.db;
  const existing = input.id ? db.select().from(assistanceCadres).where(eq(assistanceCadres.id, input.id)).get() : undefined;
  if (input.id && !existing) throw new AppError('NOT_FOUND', '该帮扶责任人不存在或已删除');
  const normalized = normalizeIdNumber(input.idNumber);
  const idNumber = canonicalId18(normalized) ?? normalized;
  const twin = db.select().from(assistanceCadres).where(eq(assistanceCadres.idNumber, idNumber)).get();
  const unit = input.unitId ? db.select().from(assistanceUnits).where(eq(assistanceUnits.id, input.unitId)).get() : undefined;
  const asOf = today(station);
  const found = checkCadre(
    { name: input.name, idNumber: normalized, phone: input.phone, unitId: unit ? unit.id : null, rank: input.rank, politicalStatus: input.politicalStatus, education: input.education },
    {
      asOf,
      year: station.clock().getFullYear(),
      quota: readAssistancePolicy(db).quota,
      tables: effectiveCodeTables(db),
      idTakenBy: twin && twin.id !== input.id ? `${twin.name}` : null,
    },
  );
  const warnings = throwIfErrors(found, '帮扶责任人');
  const nowIso = station.clock().toISOString();
  const id = existing?.id ?? randomUUID();
  const row = {
    unitId: unit!.id,
    name: input.name.trim(),
    sex: idInfoOf(idNumber)?.sex ?? null,
    idNumber,
    phone: input.phone!,
    position: input.position,
    politicalStatus: input.politicalStatus,
    rank: input.rank!,
    education: input.education,
    speciality: input.speciality,
    note: input.note,
    updatedAt: nowIso,
  };
  runWrite(
    db,
    actor,
    { action: existing ? 'assistance.cadre.update' : 'assistance.cadre.create', entity: 'assistanceCadre', entityId: id },
    (w) => {
      if (existing) w.update(assistanceCadres, id, row);
      else w.insert(assistanceCadres, { id, regionCode: input.regionCode ?? scopeCode, createdAt: nowIso, ...row });
    },
    station.clock(),
  );
  return { id, warnings };
}

export function deleteCadre(station: Station, actor: Actor, id: string): void {
  const db = station.db;
  const cadre = db.select().from(assistanceCadres).where(eq(assistanceCadres.id, id)).get();
  if (!cadre) throw new AppError('NOT_FOUND', '该帮扶责任人不存在或已删除');
  const uses = db.$client
    .prepare(
      `SELECT (SELECT count(*) FROM assistance_pairings WHERE cadre_id = @id) + (SELECT count(*) FROM assistance_team_members WHERE cadre_id = @id)
            + (SELECT count(*) FROM assistance_ledger WHERE cadre_id = @id) + (SELECT count(*) FROM assistance_measures WHERE responsible_cadre_id = @id) AS n`,
    )
    .get({ id }) as { n: number };
  if (uses.n > 0) throw new AppError('CONFLICT', `${cadre.name}已有结对、驻村、措施或台账记录，不能删除；不再帮扶时请结束结对`);
  runWrite(db, actor, { action: 'assistance.cadre.delete', entity: 'assistanceCadre', entityId: id }, (w) => void w.remove(assistanceCadres, id), station.clock());
}
