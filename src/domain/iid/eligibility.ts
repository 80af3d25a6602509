/**
 * Eligibility gates an innovation must pass before it is exported to the national IID application,
 * which are not part of the score: the first penerapan (or a documented development) inside the
 * year's window, and a rancang bangun of at least 300 words. Pure.
 *
 * The framework file cannot carry the window (its schema has no such field; iid-2026.json only notes
 * that the window is checked outside the engine), so the windows are kept here as data, keyed by
 * framework id, with their source.
 */
import { countWords, RANCANG_BANGUN_MIN_WORDS } from '../innovations/profile.ts';

export interface EligibilityWindow {
  /** First and last day (inclusive), ISO dates. */
  from: string;
  to: string;
  source: string;
}

/**
 * 2026: first penerapan between 1 Jan 2024 and 31 Dec 2025, or a documented development within that
 * window — Surat Kepala BSKDN 400.10.11/1887/BSKDN, Lampiran I butir IV.B and XIII, as transcribed by
 * SIMONDA (domain doc inovasi-daerah-iid-kipp.md §2.1, "2026 eligibility window"). For 2020–2025 the
 * sources only say "roughly the last two years", so no window is asserted for iid-2023.
 */
export const ELIGIBILITY_WINDOWS: Readonly<Record<string, EligibilityWindow>> = {
  'iid-2026': {
    from: '2024-01-01',
    to: '2025-12-31',
    source: 'Surat Kepala BSKDN 400.10.11/1887/BSKDN, Lampiran I butir IV.B dan XIII (transkripsi SIMONDA)',
  },
};

export function eligibilityWindowFor(frameworkId: string): EligibilityWindow | null {
  return ELIGIBILITY_WINDOWS[frameworkId] ?? null;
}

export type PenerapanCheck = { ok: true } | { ok: false; reason: 'missing' | 'before' | 'after' };

/** ISO dates compare as text. A missing date fails: the window is about the first penerapan. */
export function checkPenerapan(waktuPenerapan: string | null, window: EligibilityWindow): PenerapanCheck {
  if (waktuPenerapan === null || waktuPenerapan === '') return { ok: false, reason: 'missing' };
  if (waktuPenerapan < window.from) return { ok: false, reason: 'before' };
  if (waktuPenerapan > window.to) return { ok: false, reason: 'after' };
  return { ok: true };
}

export function rancangBangunShortBy(text: string): { words: number; short: boolean } {
  const words = countWords(text);
  return { words, short: words < RANCANG_BANGUN_MIN_WORDS };
}

/** "1 Jan 2024" style, in Indonesian, for messages. */
export function formatDateId(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const [y, m, d] = iso.split('-');
  const month = months[Number(m) - 1];
  return month === undefined || d === undefined ? iso : `${Number(d)} ${month} ${y}`;
}
