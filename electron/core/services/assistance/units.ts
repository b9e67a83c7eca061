// 帮扶单位: the units linked to villages (联村), kept by the county or a township office.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Station } from '../../station';
import { assistanceCadres, assistanceTeams, assistanceUnits, assistanceUnitVillages } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import type { AssistanceSaveResult, UnitView } from '../../api/contract/assistance';
import { checkPeriod, checkUnit, violation, type RuleViolation } from '../../domain/assistance';
import { labelOf } from '../../domain/registry/code-tables';
import { levelOfCode, regionWithin } from '../../domain/region-code';
import { effectiveCodeTables } from '../registry/reference-data';
import { placeName } from './place-names';
import { relatedRegionSql } from './scope';
import { throwIfErrors } from './violations';

export interface UnitInput {
  id: string | null;
  regionCode?: string | undefined;
  name: string;
  affiliation: string;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
  villages: { villageCode: string; fromDate: string; toDate: string | null }[];
}

type UnitRow = typeof assistanceUnits.$inferSelect;

export function listUnits(station: Station, scopeCode: string, regionCode: string): UnitView[] {
  const db = station.db;
  const rel = relatedRegionSql('u.region_code', regionCode);
  const rows = db.$client
    .prepare(
      `SELECT u.*, (SELECT count(*) FROM assistance_cadres c WHERE c.unit_id = u.id) AS cadreCount
         FROM assistance_units u WHERE ${rel.sql} ORDER BY u.affiliation, u.name`,
    )
    .all(rel.params) as (Record<string, unknown> & { cadreCount: number })[];
  const links = db.select().from(assistanceUnitVillages).all();
  const year = station.clock().getFullYear();
  const tables = effectiveCodeTables(db);
  return rows.map((r) => {
    const id = r.id as string;
    const affiliation = r.affiliation as string;
    const own = r.region_code as string;
    return {
      id,
      regionCode: own,
      regionName: placeName(db, own),
      name: r.name as string,
      affiliation,
      affiliationLabel: labelOf('affiliation', affiliation, year, tables) ?? affiliation,
      contactName: (r.contact_name as string | null) ?? null,
      contactPhone: (r.contact_phone as string | null) ?? null,
      note: (r.note as string | null) ?? null,
      villages: links
        .filter((l) => l.unitId === id)
        .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
        .map((l) => ({ villageCode: l.regionCode, villageName: placeName(db, l.regionCode), fromDate: l.fromDate, toDate: l.toDate })),
      cadreCount: r.cadreCount,
      editable: regionWithin(scopeCode, own),
    };
  });
}

export function saveUnit(station: Station, actor: Actor, scopeCode: string, input: UnitInput): AssistanceSaveResult {
  const db = station.db;
  const existing = input.id ? db.select().from(assistanceUnits).where(eq(assistanceUnits.id, input.id)).get() : undefined;
  if (input.id && !existing) throw new AppError('NOT_FOUND', '该帮扶单位不存在或已删除');
  const owner = existing?.regionCode ?? input.regionCode ?? scopeCode;
  const name = input.name.trim();
  const sameName = db.select({ id: assistanceUnits.id }).from(assistanceUnits).where(eq(assistanceUnits.name, name)).get();
  const found: RuleViolation[] = checkUnit(
    { name, affiliation: input.affiliation, contactPhone: input.contactPhone },
    { year: station.clock().getFullYear(), tables: effectiveCodeTables(db), nameTaken: sameName !== undefined && sameName.id !== input.id },
  );
  input.villages.forEach((v, i) => {
    if (levelOfCode(v.villageCode) !== 'village' || !regionWithin(scopeCode, v.villageCode)) {
      found.push(violation('UNIT-VILLAGE', `villages.${i}.villageCode`, '联系村', `${placeName(db, v.villageCode)}不是您管辖范围内的村`, '帮扶单位信息'));
    }
    found.push(...checkPeriod(v, { from: '联系开始日期', to: '联系结束日期' }, '联系村期间'));
  });
  const warnings = throwIfErrors(found, '帮扶单位');
  const nowIso = station.clock().toISOString();
  const id = existing?.id ?? randomUUID();
  runWrite(
    db,
    actor,
    { action: existing ? 'assistance.unit.update' : 'assistance.unit.create', entity: 'assistanceUnit', entityId: id },
    (w) => {
      const row = { name, affiliation: input.affiliation, contactName: input.contactName, contactPhone: input.contactPhone, note: input.note, updatedAt: nowIso };
      if (existing) w.update(assistanceUnits, id, row);
      else w.insert(assistanceUnits, { id, regionCode: owner, createdAt: nowIso, ...row } satisfies typeof assistanceUnits.$inferInsert);
      // the linked villages are replaced as a list: the form edits them as one
      for (const old of db.select().from(assistanceUnitVillages).where(eq(assistanceUnitVillages.unitId, id)).all()) w.remove(assistanceUnitVillages, old.id);
      for (const v of input.villages) w.insert(assistanceUnitVillages, { id: randomUUID(), unitId: id, regionCode: v.villageCode, fromDate: v.fromDate, toDate: v.toDate });
    },
    station.clock(),
  );
  return { id, warnings };
}

export function deleteUnit(station: Station, actor: Actor, id: string): void {
  const db = station.db;
  const unit: UnitRow | undefined = db.select().from(assistanceUnits).where(eq(assistanceUnits.id, id)).get();
  if (!unit) throw new AppError('NOT_FOUND', '该帮扶单位不存在或已删除');
  const cadres = db.select({ id: assistanceCadres.id }).from(assistanceCadres).where(eq(assistanceCadres.unitId, id)).all().length;
  const teams = db.select({ id: assistanceTeams.id }).from(assistanceTeams).where(eq(assistanceTeams.unitId, id)).all().length;
  const measures = (db.$client.prepare('SELECT count(*) AS n FROM assistance_measures WHERE responsible_unit_id = ?').get(id) as { n: number }).n;
  if (cadres + teams + measures > 0) {
    throw new AppError('CONFLICT', `「${unit.name}」下还有 ${cadres} 名帮扶责任人、${teams} 支工作队、${measures} 项措施，不能删除`);
  }
  runWrite(db, actor, { action: 'assistance.unit.delete', entity: 'assistanceUnit', entityId: id }, (w) => {
    for (const old of db.select().from(assistanceUnitVillages).where(eq(assistanceUnitVillages.unitId, id)).all()) w.remove(assistanceUnitVillages, old.id);
    w.remove(assistanceUnits, id);
  }, station.clock());
}
