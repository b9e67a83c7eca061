import type { Station } from '../station';
import type { ScopedEntity } from './define';
import { householdRegion, personRegion } from '../services/registry/households-read';
import { workflowRegion } from '../services/workflow/scope';
import { assistanceRegion } from '../services/assistance/scope';

/** For each scoped record kind: the 12-digit region (village) code it belongs to. */
export const scopeResolvers: Record<ScopedEntity, (station: Station, id: string) => string | undefined> = {
  household: (station, id) => householdRegion(station.db, id),
  person: (station, id) => personRegion(station.db, id),
  village: (_station, code) => code,
  workflow: (station, ref) => workflowRegion(station.db, ref),
  assistance: (station, ref) => assistanceRegion(station.db, ref),
};
