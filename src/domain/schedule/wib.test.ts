import { describe, expect, it } from 'vitest';
import { wibDate, wibYear } from './wib.ts';

describe('WIB calendar', () => {
  it('turns the day at 17:00 UTC, the WIB midnight', () => {
    expect(wibDate(new Date('2025-07-31T16:59:59.999Z'))).toBe('2025-07-31');
    expect(wibDate(new Date('2025-07-31T17:00:00Z'))).toBe('2025-08-01');
  });

  it('agrees with the time-zone database for Asia/Jakarta across a year', () => {
    const jakarta = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      expect(wibDate(new Date(t))).toBe(jakarta.format(new Date(t)));
    }
  });

  it('turns the year at 17:00 UTC on 31 December', () => {
    expect(wibYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(wibYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});
