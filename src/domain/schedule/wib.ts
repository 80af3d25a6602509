/**
 * Western Indonesia time (WIB), the clock of every deadline the platform keeps: reporting windows,
 * follow-ups, registration closing, reminders and digests. It is UTC+7 all year (Indonesia has no
 * daylight saving), so shifting the instant is exact and needs no time-zone database.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** The calendar day of `now` in WIB, as `YYYY-MM-DD`: a deadline "on" a day ends at 24:00 WIB. */
export function wibDate(now: Date): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year of `now` in WIB: the year a dashboard or league opens on. */
export function wibYear(now: Date): number {
  return new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}
