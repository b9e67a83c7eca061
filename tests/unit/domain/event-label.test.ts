import { describe, expect, it } from 'vitest';
import { eventLabel } from '../../../electron/core/domain/registry/events';

describe('eventLabel', () => {
  it('names data-entry and workflow events in Chinese, and shows an unknown type as it is', () => {
    expect(eventLabel('identified')).toBe('首次识别（建档立卡）');
    expect(eventLabel('household.removed')).toBe('自然减少（清退）');
    expect(eventLabel('status.corrected')).toBe('更正');
    expect(eventLabel('identification.approved')).toBe('县级审定为贫困户');
    expect(eventLabel('from.a.newer.version')).toBe('from.a.newer.version');
  });
});
