/**
 * Labels and times of Acara. Every time is shown in Western Indonesia time (WIB, Asia/Jakarta), the
 * region's clock, whatever the browser's own zone: an event at 08:30 in Pangkalpinang reads 08:30 on a
 * laptop set to another zone too. Forms take a date and a time in WIB and send them with `+07:00`.
 */
import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic } from '#shared/api/events.ts';
import type { MessageKey } from '../../i18n/messages.id.ts';

export { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic };

export const KIND_LABELS: Record<EventKind, MessageKey> = {
  rakor: 'acara.kind.rakor',
  bimtek: 'acara.kind.bimtek',
  sosialisasi: 'acara.kind.sosialisasi',
  fgd: 'acara.kind.fgd',
  expo: 'acara.kind.expo',
  lainnya: 'acara.kind.lainnya',
};
export const KIND_COLORS: Record<EventKind, string> = {
  rakor: 'blue',
  bimtek: 'grape',
  sosialisasi: 'teal',
  fgd: 'orange',
  expo: 'pink',
  lainnya: 'gray',
};
export const TOPIC_LABELS: Record<EventTopic, MessageKey> = {
  inovasi_daerah: 'acara.topic.inovasi_daerah',
  kota_cerdas: 'acara.topic.kota_cerdas',
  spbe: 'acara.topic.spbe',
  skm: 'acara.topic.skm',
  pelayanan_publik: 'acara.topic.pelayanan_publik',
  lainnya: 'acara.topic.lainnya',
};

export const isIn = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value);

const ZONE = 'Asia/Jakarta';
const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'id-ID');

/** The WIB calendar day of a moment, `YYYY-MM-DD`. */
export function wibDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The WIB wall-clock time of a moment, `HH:MM`. */
export function wibTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(iso),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

/** A date and time typed in WIB, as the API takes it. */
export const wibMoment = (day: string, time: string) => `${day}T${time}:00+07:00`;

export function formatWibDate(iso: string, language: string, withWeekday = true): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: ZONE,
    ...(withWeekday ? { weekday: 'short' } : {}),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

/** "Rab, 23 Apr 2025 · 08:30–12:00 WIB", or both ends when the event spans days. */
export function formatWibRange(startIso: string, endIso: string, language: string): string {
  const sameDay = wibDay(startIso) === wibDay(endIso);
  return sameDay
    ? `${formatWibDate(startIso, language)} · ${wibTime(startIso)}–${wibTime(endIso)} WIB`
    : `${formatWibDate(startIso, language)} ${wibTime(startIso)} – ${formatWibDate(endIso, language)} ${wibTime(endIso)} WIB`;
}

export const formatWibDateTime = (iso: string, language: string) => `${formatWibDate(iso, language, false)} ${wibTime(iso)} WIB`;

/** The current month in WIB, `YYYY-MM`. */
export const thisMonth = () => wibDay(new Date().toISOString()).slice(0, 7);

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = (y ?? 2000) * 12 + ((m ?? 1) - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthTitle(month: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** The weeks of a month, Monday first, as `YYYY-MM-DD` days (null outside the month). */
export function monthWeeks(month: string): (string | null)[][] {
  const first = new Date(`${month}-01T00:00:00Z`);
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function weekdayNames(language: string): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_v, i) =>
    new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
}
