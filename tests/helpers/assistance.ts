import type { Station } from '../../electron/core/station';
import { villages } from '../../electron/core/db/schema';
import { runWrite, SYSTEM_ACTOR } from '../../electron/core/db/write-path';
import { makeIdNumber } from '../../electron/core/domain/registry/id-number';
import type { Input } from '../../electron/core/api/contract';

/** Marks villages 贫困村 in their village form (the form page belongs to another part of the app). */
export function markPoorVillages(station: Station, codes: string[]): void {
  runWrite(station.db, SYSTEM_ACTOR, { action: 'test.villages', entity: 'village' }, (w) => {
    for (const code of codes) w.insert(villages, { regionCode: code, record: { regionCode: code, dataYear: 2020, attribute: '1' }, updatedAt: 'n' });
  });
}

let seq = 101;
/** A valid cadre form: unique ID numbers, a mobile phone, the given unit and rank. */
export function cadreForm(unitId: string, name: string, rank = '06', extra: Partial<Input<'assistance.saveCadre'>> = {}): Input<'assistance.saveCadre'> {
  seq += 2;
  return {
    id: null,
    unitId,
    name,
    idNumber: makeIdNumber('620402', '1982-05-06', seq),
    phone: `139094${String(seq).padStart(5, '0')}`,
    position: '科员',
    politicalStatus: '01',
    rank,
    education: '2',
    speciality: null,
    note: null,
    ...extra,
  };
}

export const unitForm = (name: string, affiliation = '04', villageCodes: string[] = []): Input<'assistance.saveUnit'> => ({
  id: null,
  name,
  affiliation,
  contactName: null,
  contactPhone: null,
  note: null,
  villages: villageCodes.map((villageCode) => ({ villageCode, fromDate: '2015-01-01', toDate: null })),
});
