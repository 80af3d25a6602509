/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), as pg-boss reads them, for
 * the in-process job runner of a single-machine install: `*`, numbers, ranges `a-b`, steps `*\/n` and
 * `a-b/n`, lists `a,b`. Day 0 and 7 are Sunday. As in cron, when both day fields are restricted a day
 * matching either one runs. Pure: the caller gives the time and the time zone.
 */

export interface CronSpec {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const FIELDS = [
  { name: 'menit', min: 0, max: 59 },
  { name: 'jam', min: 0, max: 23 },
  { name: 'tanggal', min: 1, max: 31 },
  { name: 'bulan', min: 1, max: 12 },
  { name: 'hari', min: 0, max: 7 },
] as const;

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`cron: bagian ${field.name} "${part}" tidak dikenali`);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    const from = m[1] === '*' ? field.min : Number(m[2]);
    const to = m[1] === '*' ? field.max : m[3] === undefined ? (m[4] === undefined ? from : field.max) : Number(m[3]);
    if (step < 1 || from < field.min || to > field.max || from > to)
      throw new Error(`cron: ${field.name} "${part}" di luar ${field.min}–${field.max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron: "${expression}" harus berisi 5 bagian (menit jam tanggal bulan hari)`);
  const [minute = '', hour = '', day = '', month = '', weekday = ''] = parts;
  const weekdays = parseField(weekday, FIELDS[4]);
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: parseField(minute, FIELDS[0]),
    hours: parseField(hour, FIELDS[1]),
    days: parseField(day, FIELDS[2]),
    months: parseField(month, FIELDS[3]),
    weekdays,
    dayRestricted: day !== '*',
    weekdayRestricted: weekday !== '*',
  };
}

const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock fields of `at` in `timeZone`. */
export function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour),
    day: Number(parts.day),
    month: Number(parts.month),
    weekday: WEEKDAY[parts.weekday ?? ''] ?? 0,
  };
}

/** Whether the minute that contains `at` is one the expression names, in `timeZone`. */
export function cronMatches(spec: CronSpec, at: Date, timeZone: string): boolean {
  const t = wallClock(at, timeZone);
  if (!spec.minutes.has(t.minute) || !spec.hours.has(t.hour) || !spec.months.has(t.month)) return false;
  const dayOk = spec.days.has(t.day);
  const weekdayOk = spec.weekdays.has(t.weekday);
  if (spec.dayRestricted && spec.weekdayRestricted) return dayOk || weekdayOk;
  return dayOk && weekdayOk;
}
