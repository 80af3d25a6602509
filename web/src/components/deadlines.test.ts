import { describe, expect, it } from 'vitest';
import { isAssessmentLate, isIndicatorLate, isInnovationLate, isPastDeadline, todayIso, windowPosition } from './deadlines.ts';

describe('deadlines', () => {
  it('reads today on the local clock as a calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayIso(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });

  it('misses a deadline from the day after it, not on the day', () => {
    expect(isPastDeadline('2026-03-31', '2026-03-31')).toBe(false);
    expect(isPastDeadline('2026-03-31', '2026-04-01')).toBe(true);
    expect(isPastDeadline(null, '2030-01-01')).toBe(false);
    expect(isPastDeadline('', '2030-01-01')).toBe(false);
  });

  it('places today before, inside (both ends included) or after a reporting window', () => {
    const window = { opensOn: '2026-01-01', closesOn: '2026-08-31' };
    expect(windowPosition(window, '2025-12-31')).toBe('before');
    expect(windowPosition(window, '2026-01-01')).toBe('open');
    expect(windowPosition(window, '2026-08-31')).toBe('open');
    expect(windowPosition(window, '2026-09-01')).toBe('after');
  });

  it('calls an innovation late only when it waits on its unit after the window closed', () => {
    const window = { closesOn: '2026-08-31' };
    expect(isInnovationLate('draft', window, '2026-09-01')).toBe(true);
    expect(isInnovationLate('dikembalikan', window, '2026-09-01')).toBe(true);
    expect(isInnovationLate('diajukan', window, '2026-09-01')).toBe(false);
    expect(isInnovationLate('terverifikasi', window, '2026-09-01')).toBe(false);
    expect(isInnovationLate('draft', window, '2026-08-31')).toBe(false);
    expect(isInnovationLate('draft', undefined, '2026-09-01')).toBe(false);
  });

  it('calls an indicator late only while unfilled in self-assessment', () => {
    const item = { deadline: '2026-05-01', claimedValue: null };
    expect(isIndicatorLate(item, 'mandiri', '2026-05-02')).toBe(true);
    expect(isIndicatorLate({ ...item, claimedValue: '3' }, 'mandiri', '2026-05-02')).toBe(false);
    expect(isIndicatorLate(item, 'verifikasi', '2026-05-02')).toBe(false);
    expect(isIndicatorLate(item, 'mandiri', '2026-05-01')).toBe(false);
    expect(isAssessmentLate({ deadline: '2026-05-01', stage: 'mandiri' }, '2026-05-02')).toBe(true);
    expect(isAssessmentLate({ deadline: '2026-05-01', stage: 'final' }, '2026-05-02')).toBe(false);
  });
});
