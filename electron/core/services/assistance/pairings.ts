// Cadre ↔ household pairings: the quota rule is checked on every new pairing.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { assistanceCadres, assistancePairings, households } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { Page } from '../../api/contract/common';
import type { PairingView, AssistanceSaveResult } from '../../api/contract/assistance';
import { activeOn, checkPairing, checkPairingEnd, checkPairingQuota, periodsOverlap, rankOf, type Period } from '../../domain/assistance';
import { placeName } from './place-names';
import { regionRange } from '../registry/households-read';
import { readAssistancePolicy } from './policy-store';
import { throwIfErrors } from './violations';
import { isoDay } from '../../domain/workflow/dates';

/**
 * The most households the cadre helps at any one time during `period`, other pairings only:
 * counts change only where a pairing starts, so those days (and the period's first) are enough.
 */
export function peakOtherHouseholds(db: Db, cadreId: string, period: Period): number {
  const others = db
    .select({ fromDate: assistancePairings.fromDate, toDate: assistancePairings.toDate })
    .from(assistancePairings)
    .where(eq(assistancePairings.cadreId, cadreId))
    .all()
    .filter((p) => periodsOverlap(p, period));
  const days = [period.fromDate, ...others.map((p) => p.fromDate).filter((d) => d > period.fromDate)];
  return Math.max(0, ...days.map((d) => others.filter((p) => activeOn(p, d)).length));
}

export function pairHousehold(station: Station, actor: Actor, input: { householdId: string; cadreId: string; fromDate: string }): AssistanceSaveResult {
  const db = station.db;
  const household = db.select({ id: households.id, headName: households.headName }).from(households).where(eq(households.id, input.householdId)).get();
  if (!household) throw new AppError('NOT_FOUND', '该户不存在或已删除');
  const cadre = db.select().from(assistanceCadres).where(eq(assistanceCadres.id, input.cadreId)).get();
  if (!cadre) throw new AppError('INVALID_INPUT', '帮扶责任人：不是已登记的帮扶责任人');
  const period: Period = { fromDate: input.fromDate, toDate: null };
  const same = db.select().from(assistancePairings).where(and(eq(assistancePairings.cadreId, cadre.id), eq(assistancePairings.householdId, household.id))).all();
  const found = checkPairing(period, same, cadre.name);
  if (found.length === 0) {
    found.push(...checkPairingQuota({ name: cadre.name, rank: cadre.rank, activeHouseholds: peakOtherHouseholds(db, cadre.id, period) }, readAssistancePolicy(db).quota));
  }
  const warnings = throwIfErrors(found, '结对帮扶');
  const id = randomUUID();
  runWrite(
    db,
    actor,
    { action: 'assistance.pair', entity: 'household', entityId: household.id },
    (w) => void w.insert(assistancePairings, { id, cadreId: cadre.id, householdId: household.id, fromDate: input.fromDate, toDate: null, endReason: null, createdAt: station.clock().toISOString() }),
    station.clock(),
  );
  return { id, warnings };
}

export function endPairing(station: Station, actor: Actor, input: { id: string; toDate: string; reason: string | null }): AssistanceSaveResult {
  const db = station.db;
  const pairing = db.select().from(assistancePairings).where(eq(assistancePairings.id, input.id)).get();
  if (!pairing) throw new AppError('NOT_FOUND', '该结对记录不存在');
  const warnings = throwIfErrors(checkPairingEnd(pairing, input.toDate), '结束结对');
  runWrite(
    db,
    actor,
    { action: 'assistance.endPairing', entity: 'household', entityId: pairing.householdId },
    (w) => void w.update(assistancePairings, pairing.id, { toDate: input.toDate, endReason: input.reason }),
    station.clock(),
  );
  return { id: pairing.id, warnings };
}

interface PairingRow {
  id: string;
  cadreId: string;
  householdId: string;
  fromDate: string;
  toDate: string | null;
  endReason: string | null;
  cadreName: string;
  cadrePhone: string;
  rank: string;
  unitName: string;
  headName: string | null;
  regionCode: string;
}

const PAIRING_SELECT = `SELECT p.id, p.cadre_id AS cadreId, p.household_id AS householdId, p.from_date AS fromDate, p.to_date AS toDate, p.end_reason AS endReason,
    c.name AS cadreName, c.phone AS cadrePhone, c.rank, u.name AS unitName, h.head_name AS headName, h.region_code AS regionCode
  FROM assistance_pairings p
  JOIN assistance_cadres c ON c.id = p.cadre_id
  JOIN assistance_units u ON u.id = c.unit_id
  JOIN households h ON h.id = p.household_id`;

export function pairingViews(station: Station, rows: readonly PairingRow[]): PairingView[] {
  const policy = readAssistancePolicy(station.db);
  const day = isoDay(station.clock());
  return rows.map((r) => ({
    id: r.id,
    cadreId: r.cadreId,
    cadreName: r.cadreName,
    cadrePhone: r.cadrePhone,
    cadreUnitName: r.unitName,
    cadreRankLabel: rankOf(policy.quota, r.rank)?.label ?? r.rank,
    householdId: r.householdId,
    headName: r.headName,
    villageName: placeName(station.db, r.regionCode),
    fromDate: r.fromDate,
    toDate: r.toDate,
    endReason: r.endReason,
    active: activeOn(r, day),
  }));
}

export function householdPairings(station: Station, householdId: string): PairingView[] {
  const rows = station.db.$client.prepare(`${PAIRING_SELECT} WHERE p.household_id = ? ORDER BY p.from_date DESC`).all(householdId) as PairingRow[];
  return pairingViews(station, rows);
}

export function listPairings(station: Station, f: { regionCode: string; cadreId?: string | undefined; activeOnly: boolean; offset: number; limit: number }): Page<PairingView> {
  const [lo, hi] = regionRange(f.regionCode);
  const where = ['h.region_code >= @lo', 'h.region_code < @hi'];
  const params: Record<string, unknown> = { lo, hi, day: isoDay(station.clock()) };
  if (f.cadreId) (params.cadreId = f.cadreId), where.push('p.cadre_id = @cadreId');
  if (f.activeOnly) where.push('p.from_date <= @day AND (p.to_date IS NULL OR p.to_date >= @day)');
  const sql = where.join(' AND ');
  const db = station.db.$client;
  const total = (db.prepare(`SELECT count(*) AS n FROM assistance_pairings p JOIN households h ON h.id = p.household_id WHERE ${sql}`).get(params) as { n: number }).n;
  const rows = db.prepare(`${PAIRING_SELECT} WHERE ${sql} ORDER BY h.region_code, h.head_name, p.from_date DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as PairingRow[];
  return { total, rows: pairingViews(station, rows) };
}

/** Cadres helping the household on `day`: its paired cadres and the village team's members. */
export function helpersOn(db: Db, householdId: string, regionCode: string, day: string): Set<string> {
  const rows = db.$client
    .prepare(
      `SELECT cadre_id AS id FROM assistance_pairings WHERE household_id = @h AND from_date <= @day AND (to_date IS NULL OR to_date >= @day)
       UNION SELECT m.cadre_id FROM assistance_team_members m JOIN assistance_teams t ON t.id = m.team_id
        WHERE t.region_code = @v AND m.from_date <= @day AND (m.to_date IS NULL OR m.to_date >= @day)`,
    )
    .all({ h: householdId, v: regionCode, day }) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
