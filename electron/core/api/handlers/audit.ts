import type { HandlersFor } from '../handler-types';
import type { auditContract } from '../contract/audit';
import { listAudit, verifyAudit } from '../../services/audit';

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.list': ({ station }, input) => listAudit(station.db, input),
  'audit.verify': ({ station }) => verifyAudit(station.db),
};
