import type { HandlersFor } from '../handler-types';
import type { systemContract } from '../contract/system';
import { isInitialized } from '../../station';
import { nodeView, setupNode } from '../../services/node-setup';
import { childRegions } from '../../services/regions';
import { regions } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { APP_VERSION } from '../../version';

export const systemHandlers: HandlersFor<typeof systemContract> = {
  'system.status': ({ station }) => {
    const initialized = isInitialized(station);
    return {
      initialized,
      node: initialized ? nodeView(station) : null,
      appVersion: APP_VERSION,
      schemaVersion: station.migrations.length,
      demoLogin: station.demoLogin,
    };
  },
  'system.setup': ({ station }, input) => setupNode(station, input),
  'regions.children': ({ station }, { parentCode }) => {
    const rows = parentCode
      ? childRegions(station.db, parentCode)
      : station.db.select().from(regions).where(eq(regions.level, 'province')).all();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      hasChildren: r.level !== 'village',
    }));
  },
};
