// Masking of personal numbers on documents posted in public (公示/公告 on the village notice
// board). The policy is configurable per county, but never so loose that a notice gives away an
// ID number: a full ID plus a name is enough to borrow money in someone's name.
//
// Rules, whatever the policy:
// - names are printed unchanged (a notice is about named households);
// - bank accounts are never printed;
// - at most 7 characters of an ID number and at most 7 digits of a phone number are shown;
// - anything in an ID field that does not look like an ID is masked in full, because we cannot
//   tell which part of it would be safe to show.

export interface MaskingPolicy {
  idKeepStart: number;
  idKeepEnd: number;
  phoneKeepStart: number;
  phoneKeepEnd: number;
  /** One punctuation or symbol character, e.g. `*` or `●`. */
  maskChar: string;
}

export const DEFAULT_MASKING_POLICY: Readonly<MaskingPolicy> = Object.freeze({
  idKeepStart: 2,
  idKeepEnd: 3,
  phoneKeepStart: 3,
  phoneKeepEnd: 4,
  maskChar: '*',
});

export const MAX_ID_CHARS_SHOWN = 7;
export const MAX_PHONE_DIGITS_SHOWN = 7;
/** Below this many hidden digits a short number (a 7-digit landline) is masked in full. */
export const MIN_PHONE_DIGITS_HIDDEN = 4;

export const MASKED_FIELD_KINDS = ['idNumber', 'phone', 'bankAccount', 'name', 'text'] as const;
export type MaskedFieldKind = (typeof MASKED_FIELD_KINDS)[number];

/** Shaped like the API's Result so a handler can return it as is. */
export type PolicyCheck =
  | { ok: true; value: MaskingPolicy }
  | { ok: false; error: { kind: 'INVALID_INPUT'; message: string } };

const KEEP_FIELDS = [
  ['idKeepStart', '身份证号保留前几位'],
  ['idKeepEnd', '身份证号保留后几位'],
  ['phoneKeepStart', '电话保留前几位'],
  ['phoneKeepEnd', '电话保留后几位'],
] as const;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks a policy read from settings or typed by an administrator. Messages are Chinese. */
export function validateMaskingPolicy(input: unknown): PolicyCheck {
  const problems: string[] = [];
  const p = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;

  for (const [field, label] of KEEP_FIELDS) {
    if (!isCount(p[field])) problems.push(`「${label}」必须是不小于 0 的整数`);
  }
  const maskChar = p.maskChar;
  if (typeof maskChar !== 'string' || !/^[\p{P}\p{S}]$/u.test(maskChar)) {
    problems.push('掩码字符必须是一个符号，例如「*」或「●」，不能是数字、字母或空格');
  }
  if (isCount(p.idKeepStart) && isCount(p.idKeepEnd)) {
    const shown = p.idKeepStart + p.idKeepEnd;
    if (shown > MAX_ID_CHARS_SHOWN) {
      problems.push(`身份证号最多只能显示 ${MAX_ID_CHARS_SHOWN} 位，此策略会显示 ${shown} 位，可能泄露完整身份证号`);
    }
  }
  if (isCount(p.phoneKeepStart) && isCount(p.phoneKeepEnd)) {
    const shown = p.phoneKeepStart + p.phoneKeepEnd;
    if (shown > MAX_PHONE_DIGITS_SHOWN) {
      problems.push(`电话号码最多只能显示 ${MAX_PHONE_DIGITS_SHOWN} 位，此策略会显示 ${shown} 位`);
    }
  }

  if (problems.length > 0) {
    return { ok: false, error: { kind: 'INVALID_INPUT', message: `脱敏规则无效：${problems.join('；')}` } };
  }
  const value: MaskingPolicy = {
    idKeepStart: p.idKeepStart as number,
    idKeepEnd: p.idKeepEnd as number,
    phoneKeepStart: p.phoneKeepStart as number,
    phoneKeepEnd: p.phoneKeepEnd as number,
    maskChar: maskChar as string,
  };
  return { ok: true, value };
}

// A policy that slipped past the settings screen must still never reach paper.
function usable(policy: MaskingPolicy): MaskingPolicy {
  const check = validateMaskingPolicy(policy);
  if (!check.ok) throw new RangeError(check.error.message);
  return check.value;
}

function keepEnds(s: string, start: number, end: number, maskChar: string): string {
  return s.slice(0, start) + maskChar.repeat(s.length - start - end) + s.slice(s.length - end);
}

/** Full-width digits and letters (typed on a Chinese IME) become ASCII; spaces go. */
function normalise(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

const ID_SHAPE = /^(?:\d{17}[\dX]|\d{15})$/;

/** 620422199001011234 → 62*************234 with the default policy. */
export function maskIdNumber(value: string | null | undefined, policy: MaskingPolicy = DEFAULT_MASKING_POLICY): string {
  const p = usable(policy);
  const id = normalise(value ?? '').toUpperCase();
  if (id === '') return '';
  if (!ID_SHAPE.test(id)) return p.maskChar.repeat(id.length);
  return keepEnds(id, p.idKeepStart, p.idKeepEnd, p.maskChar);
}

function maskOnePhone(raw: string, p: MaskingPolicy): string {
  let digits = raw.replace(/\D+/g, '');
  // +86 / 0086 in front of a mainland mobile number: the notice shows the national number.
  const national = /^(?:0086|86)(1\d{10})$/.exec(digits);
  if (national?.[1]) digits = national[1];
  if (digits === '') return raw;
  if (digits.length - p.phoneKeepStart - p.phoneKeepEnd < MIN_PHONE_DIGITS_HIDDEN) {
    return p.maskChar.repeat(digits.length);
  }
  return keepEnds(digits, p.phoneKeepStart, p.phoneKeepEnd, p.maskChar);
}

/**
 * 13912345678, 139 1234 5678 and +86 139-1234-5678 all → 139****5678. Several numbers in one
 * field (separated by 、 , ; /) are masked one by one. Text without digits (「无」) is kept.
 */
export function maskPhone(value: string | null | undefined, policy: MaskingPolicy = DEFAULT_MASKING_POLICY): string {
  const p = usable(policy);
  const text = (value ?? '').normalize('NFKC').trim();
  if (text === '') return '';
  if (!/\d/.test(text)) return text;
  return text
    .split(/[、,;/]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => maskOnePhone(part, p))
    .join('、');
}

/** Bank accounts are never printed on a public document, whatever the policy says. */
export function maskBankAccount(_value?: string | null): string {
  return '';
}

/** Names stay as they are: a notice names the household it is about. */
export function maskName(value: string | null | undefined): string {
  return value ?? '';
}

export function maskField(
  kind: MaskedFieldKind,
  value: string | null | undefined,
  policy: MaskingPolicy = DEFAULT_MASKING_POLICY,
): string {
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(value, policy);
    case 'phone':
      return maskPhone(value, policy);
    case 'bankAccount':
      return maskBankAccount(value);
    case 'name':
      return maskName(value);
    case 'text':
      return value ?? '';
  }
}

/** One line for the print log, so an audit can tell what a printed notice revealed. */
export function describeMaskingPolicy(policy: MaskingPolicy): string {
  const p = usable(policy);
  return (
    `身份证号显示前${p.idKeepStart}位、后${p.idKeepEnd}位；` +
    `电话显示前${p.phoneKeepStart}位、后${p.phoneKeepEnd}位；` +
    `银行账号不打印；姓名不变；掩码字符「${p.maskChar}」`
  );
}
