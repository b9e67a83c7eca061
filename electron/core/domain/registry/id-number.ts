// GB 11643-1999 citizen ID numbers (domain.md §8.2) and the longer 残疾人证 numbers built on them.
// The quality rules, the importer, the duplicate finder and the demo generator all go through
// here, so that "is this the same person" and "is this number valid" have one answer.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Two-digit province prefixes of GB/T 2260 (plus 71 台湾, 81/82 港澳, 83 台湾居民居住证). */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

export type IdForm = 'id18' | 'id15' | 'disability20' | 'disability22';

export type IdProblem =
  | 'empty'
  | 'characters'
  | 'length'
  | 'areaCode'
  | 'birthDate'
  | 'checksum'
  | 'needsUpgrade'
  | 'disabilitySuffix';

export interface IdNumberInfo {
  form: IdForm;
  /** The 18-digit citizen ID: itself, upgraded from 15 digits, or the prefix of a 残疾人证 number */
  id18: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  /** GB/T 2261.1 code from the sequence's last digit: '1' 男 (odd), '2' 女 (even) */
  sex: '1' | '2';
  /** 6-digit address code (GB/T 2260) */
  areaCode: string;
  /** Characters after the 18-digit ID on a 残疾人证 number, else null */
  suffix: string | null;
}

export type IdCheck =
  | { ok: true; normalized: string; info: IdNumberInfo }
  /** `info` is present when the number still identifies a person (a 15-digit number, for one). */
  | { ok: false; normalized: string; problem: IdProblem; message: string; info?: IdNumberInfo };

/**
 * Trim, drop inner spaces, fold full-width digits (common in pasted spreadsheets) and accept a
 * lower-case x. The result is what we store.
 */
export function normalizeIdNumber(raw: string): string {
  // Stored and imported numbers are nearly always plain digits and X already, and the rules ask
  // for the same number a dozen times per person: skip the Unicode folding when there is none to do.
  if (isPlainUpper(raw)) return raw;
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Only ASCII digits and capital letters: NFKC, space removal and upper-casing leave it as it is. */
function isPlainUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckChar needs 17 digits');
  return checkCharOf(first17);
}

/** The check character of the first 17 characters of `id`, known to be digits. */
function checkCharOf(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Whether an 18-character string carries the right check character (no other checks). */
export function hasValidCheckChar(id18: string): boolean {
  return /^\d{17}[\dX]$/.test(id18) && checkCharOf(id18) === id18[17];
}

/** 15-digit (pre-1999) numbers: insert "19" before YYMMDD and append the computed check char. */
export function upgradeId15(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error('upgradeId15 needs 15 digits');
  const first17 = id15.slice(0, 6) + '19' + id15.slice(6);
  return first17 + idCheckChar(first17);
}

/**
 * Cards were first issued in 1984 to people then living, so births in the 1880s are real (the
 * Wikipedia sample number is one). Earlier years can only be typing errors.
 */
const EARLIEST_BIRTH_YEAR = 1850;

/** 'YYYYMMDD' → 'YYYY-MM-DD' when it is a real calendar date from EARLIEST_BIRTH_YEAR on, else null. */
function birthDateOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < EARLIEST_BIRTH_YEAR || m < 1 || m > 12 || d < 1) return null;
  if (d > daysInMonth(y, m)) return null; // 0230 is no date
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian calendar, as Date.UTC counts: no Date object per birth date checked. */
function daysInMonth(y: number, m: number): number {
  if (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1]!;
}

function fail(normalized: string, problem: IdProblem, message: string, info?: IdNumberInfo): IdCheck {
  return info ? { ok: false, normalized, problem, message, info } : { ok: false, normalized, problem, message };
}

export interface IdCheckOptions {
  /** Birth dates after this day are impossible ('YYYY-MM-DD') */
  asOf?: string;
}

/**
 * Validate an ID number and say exactly what is wrong. Messages never repeat the number itself:
 * they end up in logs and on review lists.
 */
export function checkIdNumber(raw: string | null | undefined, options: IdCheckOptions = {}): IdCheck {
  const normalized = normalizeIdNumber(raw ?? '');
  if (normalized === '') return fail(normalized, 'empty', '证件号码为空');
  const len = normalized.length;
  if (len !== 15 && len !== 18 && len !== 20 && len !== 22) {
    return fail(normalized, 'length', `证件号码长度应为15、18、20或22位，实际为${len}位`);
  }
  const core = len === 15 ? normalized : normalized.slice(0, 18);
  const coreOk = len === 15 ? /^\d{15}$/.test(core) : /^\d{17}[\dX]$/.test(core);
  if (!coreOk) {
    return fail(normalized, 'characters', len === 15 ? '15位证件号码只能由数字组成' : '证件号码前17位应为数字，第18位应为数字或X');
  }
  const areaCode = core.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(areaCode.slice(0, 2))) {
    return fail(normalized, 'areaCode', '证件号码前6位地址码无效（省级代码不存在）');
  }
  const birth = birthDateOf(len === 15 ? '19' + core.slice(6, 12) : core.slice(6, 14));
  if (birth === null || (options.asOf !== undefined && birth > options.asOf)) {
    return fail(normalized, 'birthDate', '证件号码中的出生日期无效');
  }
  const id18 = len === 15 ? upgradeId15(core) : core;
  const info: IdNumberInfo = {
    form: len === 15 ? 'id15' : len === 18 ? 'id18' : len === 20 ? 'disability20' : 'disability22',
    id18,
    birthDate: birth,
    sex: Number(id18[16]) % 2 === 1 ? '1' : '2',
    areaCode,
    suffix: len > 18 ? normalized.slice(18) : null,
  };
  if (len === 15) return fail(normalized, 'needsUpgrade', '15位证件号码需要升级为18位', info);
  if (!hasValidCheckChar(core)) {
    return fail(
      normalized,
      'checksum',
      len === 18 ? '18位身份证号码校验位错误' : '残疾人证号码中的身份证号码校验位错误',
    );
  }
  // 残疾人证: 20 = ID + 残疾类别 + 残疾等级 (digits); 22 adds a reissue mark such as "B1".
  if (len === 20 && !/^\d{2}$/.test(info.suffix!)) {
    return fail(normalized, 'disabilitySuffix', '20位残疾人证号码的最后2位（残疾类别、等级）应为数字', info);
  }
  if (len === 22 && !/^\d{2}[A-Z0-9]{2}$/.test(info.suffix!)) {
    return fail(normalized, 'disabilitySuffix', '22位残疾人证号码的第19–20位应为数字，第21–22位应为字母或数字', info);
  }
  return { ok: true, normalized, info };
}

/**
 * What a number tells about its holder (birth date, sex, 18-digit form) whenever it still
 * identifies a person — valid, 15-digit awaiting upgrade, or a 残疾人证 with an odd suffix — and
 * null when the 18-digit part itself is wrong.
 */
export function idInfoOf(raw: string | null | undefined, options?: IdCheckOptions): IdNumberInfo | null {
  if (options !== undefined || typeof raw !== 'string') return infoOfCheck(checkIdNumber(raw, options));
  // The rules ask this of the same few numbers again and again while they check one household
  // (sex, age, the head's ID, duplicates: some six times per person), so the last numbers'
  // answers are kept. Frozen, because every caller now shares them.
  let info = RECENT_INFO.get(raw);
  if (info === undefined) {
    const found = infoOfCheck(checkIdNumber(raw));
    info = found === null ? null : Object.freeze(found);
    if (RECENT_INFO.size >= RECENT_INFO_MAX) RECENT_INFO.clear();
    RECENT_INFO.set(raw, info);
  }
  return info;
}

const RECENT_INFO = new Map<string, IdNumberInfo | null>();
/** Far more than one household's members: the cache only has to outlive one household's checks. */
const RECENT_INFO_MAX = 512;

const infoOfCheck = (check: IdCheck): IdNumberInfo | null => (check.ok ? check.info : (check.info ?? null));

/** The 18-digit ID a number stands for; used to match people across 15/18/20/22-char forms. */
export function canonicalId18(raw: string | null | undefined): string | null {
  return idInfoOf(raw)?.id18 ?? null;
}

/** Full years of age on `asOf` ('YYYY-MM-DD'); a 29 Feb birthday turns over on 1 Mar in other years. */
export function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = dateParts(birthDate);
  const [ay, am, ad] = dateParts(asOf);
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}

/**
 * [year, month, day] of 'YYYY-MM-DD' as split('-').map(Number) reads it. A well-formed date is
 * read digit by digit (ages are worked out for every person of every household checked); any
 * other text goes the split way, so odd input ages exactly as before.
 */
function dateParts(date: string): [number, number, number] {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let plain = true;
    for (const k of DIGIT_POSITIONS) {
      const c = date.charCodeAt(k);
      if (c < 48 || c > 57) plain = false;
    }
    if (plain) {
      const d = (k: number): number => date.charCodeAt(k) - 48;
      return [d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), d(5) * 10 + d(6), d(8) * 10 + d(9)];
    }
  }
  return date.split('-').map(Number) as [number, number, number];
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;

/**
 * Build a valid 18-digit number: the demo generator and tests use it so that generated people
 * pass the same checks as real ones.
 */
export function makeIdNumber(areaCode6: string, birthDate: string, seq3: string | number): string {
  if (!/^\d{6}$/.test(areaCode6)) throw new Error('areaCode6 must be 6 digits');
  const compact = birthDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(compact) || birthDateOf(compact) === null) throw new Error('birthDate must be a real YYYY-MM-DD date');
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  if (!/^\d{3}$/.test(seq)) throw new Error('seq3 must be 3 digits (odd = male, even = female)');
  const first17 = areaCode6 + compact + seq;
  return first17 + idCheckChar(first17);
}
