// GB 11643-1999 citizen ID numbers for test data: 6-digit address code, birth date, a 3-digit
// sequence (odd for men, even for women) and the check character. Written here rather than
// imported from core, so the e2e tests check core's rules against an independent implementation.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`checkChar needs 17 digits, got ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** birthDate 'YYYY-MM-DD'; seq 0–999 (its parity gives the sex: odd 男, even 女). */
export function idNumber(areaCode: string, birthDate: string, seq: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}
