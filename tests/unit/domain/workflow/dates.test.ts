import { describe, it, expect } from 'vitest';
import { addDays, isoDay } from '../../../../electron/core/domain/workflow/dates';

// The suites run with TZ=Asia/Shanghai, as every station does.
describe('isoDay', () => {
  it('is the Beijing calendar day, which is ahead of UTC between 00:00 and 08:00', () => {
    expect(isoDay(new Date('2026-12-07T16:30:00Z'))).toBe('2026-12-08');
    expect(isoDay(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(isoDay(new Date('2020-12-31T16:00:00Z'))).toBe('2021-01-01');
  });

  it('agrees with the calendar arithmetic on ISO dates', () => {
    expect(addDays(isoDay(new Date('2026-12-07T23:00:00Z')), -1)).toBe('2026-12-07');
  });
});
