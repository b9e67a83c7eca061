// The village form (贫困村信息采集表) read and saved: one current record per village, saved in
// one audited write after the checks of domain/registry/village-form.ts. A village without a form
// yet opens with every field empty, named after its division.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { villageGroups, villages } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { errorsOf, type RuleViolation } from '../../domain/assistance/violations';
import { VILLAGE_FIELDS, VILLAGE_SECTIONS, checkVillageRecord, type VillageField } from '../../domain/registry/village-form';
import type { VillageRecord } from '../../domain/registry/types';
import { requireVillage } from '../regions';
import { effectiveCodeTables } from './reference-data';

export interface VillageFormView {
  regionCode: string;
  regionName: string;
  /** False: no form saved yet; the record is the empty form. */
  stored: boolean;
  record: VillageRecord;
  groups: string[];
  updatedAt: string | null;
  /** Warnings of the stored form (errors cannot be stored). */
  warnings: RuleViolation[];
  /** The form's fields in order, in titled sections, for the screen to lay out. */
  sections: { title: string; fields: VillageField[] }[];
}

const SECTIONS = VILLAGE_SECTIONS.map((s, i) => {
  const from = VILLAGE_FIELDS.findIndex((f) => f.key === s.first);
  const next = VILLAGE_SECTIONS[i + 1];
  const to = next ? VILLAGE_FIELDS.findIndex((f) => f.key === next.first) : VILLAGE_FIELDS.length;
  return { title: s.title, fields: VILLAGE_FIELDS.slice(from, to) };
});

/** The form of a village nothing has been saved for: every field empty, named after its division. */
export function emptyRecord(code: string, name: string, year: number): VillageRecord {
  const blank = Object.fromEntries(VILLAGE_FIELDS.map((f) => [f.key, f.kind === 'codes' ? [] : null]));
  return { ...blank, regionCode: code, dataYear: year, name } as unknown as VillageRecord;
}

export function villageForm(db: Db, code: string, today: Date): VillageFormView {
  const region = requireVillage(db, code);
  const row = db.select().from(villages).where(eq(villages.regionCode, code)).get();
  const groups = db.select({ name: villageGroups.name }).from(villageGroups).where(eq(villageGroups.regionCode, code)).orderBy(villageGroups.sortOrder).all();
  const record = row ? (row.record as VillageRecord) : emptyRecord(code, region.name, today.getFullYear());
  const warnings = row ? checkVillageRecord(record as unknown as Record<string, unknown>, { year: record.dataYear, tables: effectiveCodeTables(db) }) : [];
  return { regionCode: code, regionName: region.name, stored: !!row, record, groups: groups.map((g) => g.name), updatedAt: row?.updatedAt ?? null, warnings, sections: SECTIONS };
}

/** Saves the form's fields (only the known ones; the village code and year stay the stored ones). */
export function saveVillageForm(db: Db, actor: Actor, code: string, fields: Record<string, unknown>, today: Date): VillageFormView {
  const current = villageForm(db, code, today);
  const next: Record<string, unknown> = { ...current.record };
  for (const f of VILLAGE_FIELDS) if (f.key in fields) next[f.key] = fields[f.key] === '' ? null : fields[f.key];
  const errors = errorsOf(checkVillageRecord(next, { year: current.record.dataYear, tables: effectiveCodeTables(db) }));
  if (errors.length > 0) throw new AppError('INVALID_INPUT', errors.map((e) => e.message).join('；'));
  const at = today.toISOString();
  runWrite(
    db,
    actor,
    { action: 'registry.village.save', entity: 'village', entityId: code },
    (w) => {
      if (current.stored) w.update(villages, code, { record: next, updatedAt: at });
      else w.insert(villages, { regionCode: code, record: next, updatedAt: at });
    },
    today,
  );
  return villageForm(db, code, today);
}
