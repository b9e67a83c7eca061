// The office's print preferences, one document in the settings table: how public notices mask
// ID numbers and phones, and where objections to a 公示 go. The administrator edits them in
// 打印中心 → 打印设置; every notice and every print's audit entry reads them from here.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { settings } from '../../db/schema';
import { runWrite, type Actor } from '../../db/write-path';
import { AppError } from '../../api/errors';
import { DEFAULT_MASKING_POLICY, validateMaskingPolicy, type MaskingPolicy } from '../../domain/masking';

const KEY = 'print.preferences';

/** Where villagers take an objection: an office, printed in full. Null fields: the village committee / a blank. */
export interface ObjectionChannel {
  office: string | null;
  phone: string | null;
  address: string | null;
}

export interface PrintPreferences {
  maskingPolicy: MaskingPolicy;
  objection: ObjectionChannel;
}

export const DEFAULT_PRINT_PREFERENCES: PrintPreferences = Object.freeze({
  maskingPolicy: DEFAULT_MASKING_POLICY,
  objection: { office: null, phone: null, address: null },
});

// A landline with area code (0943-1234567), a mobile, or a hotline such as 12317.
const PHONE = /^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,5})?|1\d{10}|\d{5,6})$/;

export function readPrintPreferences(db: Db): PrintPreferences {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_PRINT_PREFERENCES;
  const stored = JSON.parse(row.value) as Partial<PrintPreferences>;
  const policy = validateMaskingPolicy(stored.maskingPolicy);
  return {
    // A stored policy that no longer passes the rules falls back to the default, never to less masking.
    maskingPolicy: policy.ok ? policy.value : DEFAULT_MASKING_POLICY,
    objection: { ...DEFAULT_PRINT_PREFERENCES.objection, ...stored.objection },
  };
}

const blankToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** Checks and stores the preferences in one audited write; a bad field is refused with its Chinese rule. */
export function savePrintPreferences(db: Db, actor: Actor, input: PrintPreferences, now: Date): PrintPreferences {
  const policy = validateMaskingPolicy(input.maskingPolicy);
  if (!policy.ok) throw new AppError('INVALID_INPUT', policy.error.message);
  const objection: ObjectionChannel = {
    office: blankToNull(input.objection.office),
    phone: blankToNull(input.objection.phone)?.replace(/\s+/g, '') ?? null,
    address: blankToNull(input.objection.address),
  };
  if (objection.phone !== null && !PHONE.test(objection.phone)) {
    throw new AppError('INVALID_INPUT', `「举报电话」：「${objection.phone}」不是电话号码，应为区号-号码（如 0943-3221234）、手机号或 5–6 位热线`);
  }
  const value = JSON.stringify({ maskingPolicy: policy.value, objection });
  runWrite(
    db,
    actor,
    { action: 'print.preferences', entity: 'setting', entityId: KEY },
    (w) => {
      if (db.select().from(settings).where(eq(settings.key, KEY)).get()) w.update(settings, KEY, { value });
      else w.insert(settings, { key: KEY, value });
    },
    now,
  );
  return readPrintPreferences(db);
}
