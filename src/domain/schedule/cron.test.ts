import { describe, expect, it } from 'vitest';
import { cronMatches, parseCron } from './cron.ts';

const WIB = 'Asia/Jakarta';
const at = (iso: string) => new Date(iso);

describe('cron expressions for the in-process runner', () => {
  it('runs a daily 07:00 job at 07:00 western Indonesian time, not at 07:00 UTC', () => {
    const daily = parseCron('0 7 * * *');
    expect(cronMatches(daily, at('2026-03-10T00:00:30Z'), WIB)).toBe(true); // 07:00:30 WIB
    expect(cronMatches(daily, at('2026-03-10T07:00:00Z'), WIB)).toBe(false);
    expect(cronMatches(daily, at('2026-03-10T00:01:00Z'), WIB)).toBe(false);
  });

  it('steps, ranges and lists', () => {
    const every5 = parseCron('*/5 * * * *');
    expect(cronMatches(every5, at('2026-03-10T03:15:00Z'), 'UTC')).toBe(true);
    expect(cronMatches(every5, at('2026-03-10T03:16:00Z'), 'UTC')).toBe(false);
    const office = parseCron('0,30 8-16/2 * * 1-5');
    expect(cronMatches(office, at('2026-03-10T10:30:00Z'), 'UTC')).toBe(true); // Tuesday
    expect(cronMatches(office, at('2026-03-10T09:30:00Z'), 'UTC')).toBe(false);
    expect(cronMatches(office, at('2026-03-14T10:30:00Z'), 'UTC')).toBe(false); // Saturday
  });

  it('Sunday is 0 or 7, and two restricted day fields match either', () => {
    expect(cronMatches(parseCron('0 0 * * 7'), at('2026-03-15T00:00:00Z'), 'UTC')).toBe(true);
    const either = parseCron('0 0 1 * 1');
    expect(cronMatches(either, at('2026-03-01T00:00:00Z'), 'UTC')).toBe(true); // the 1st, a Sunday
    expect(cronMatches(either, at('2026-03-02T00:00:00Z'), 'UTC')).toBe(true); // a Monday
    expect(cronMatches(either, at('2026-03-03T00:00:00Z'), 'UTC')).toBe(false);
  });

  it('refuses what it cannot read, naming the part', () => {
    expect(() => parseCron('0 7 * *')).toThrow(/5 bagian/);
    expect(() => parseCron('61 * * * *')).toThrow(/menit/);
    expect(() => parseCron('0 7 * * mon')).toThrow(/hari/);
  });
});
