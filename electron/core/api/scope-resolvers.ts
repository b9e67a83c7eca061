import type { Station } from '../station';
import type { ScopedEntity } from './define';

/** For each scoped record kind: the 12-digit region (village) code it belongs to. */
export const scopeResolvers: Partial<Record<ScopedEntity, (station: Station, id: string) => string | undefined>> = {};
