// The county's assistance policy (quota rule, coverage and benefit rules) is one document kept in
// the settings table: the office edits it as a whole, and every rule reads it from here.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { settings } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { DEFAULT_ASSISTANCE_POLICY, checkQuotaRule, type AssistancePolicy } from '../../domain/assistance';
import { throwIfErrors } from './violations';

const KEY = 'assistance.policy';

export function readAssistancePolicy(db: Db): AssistancePolicy {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_ASSISTANCE_POLICY;
  // Fields added in a later version fall back to the defaults.
  return { ...DEFAULT_ASSISTANCE_POLICY, ...(JSON.parse(row.value) as Partial<AssistancePolicy>) };
}

export function saveAssistancePolicy(db: Db, actor: Actor, policy: AssistancePolicy, now: Date): AssistancePolicy {
  throwIfErrors(checkQuotaRule(policy.quota), '帮扶政策参数');
  runWrite(
    db,
    actor,
    { action: 'assistance.policy', entity: 'setting', entityId: KEY },
    (w) => {
      const value = JSON.stringify(policy);
      if (db.select().from(settings).where(eq(settings.key, KEY)).get()) w.update(settings, KEY, { value });
      else w.insert(settings, { key: KEY, value });
    },
    now,
  );
  return readAssistancePolicy(db);
}
