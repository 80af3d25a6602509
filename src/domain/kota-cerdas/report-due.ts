/**
 * When a smart-city programme's quarterly report is due, and which reports a lead unit still owes.
 *
 * The rule, said the same way on the home page and in the reminders:
 *   the report of a quarter is due 10 days after the quarter ends (TW1 on 10 April, TW2 on 10 July,
 *   TW3 on 10 October, TW4 on 10 January of the next year). A quarter is owed once it has ended, when it
 *   falls inside the programme's span and no report was filed for it. Only the last four ended quarters
 *   count as tasks: a gap older than a year is history the masterplan page shows, not work for today.
 * Reminders go out seven days before the due date (H-7) and on the due date itself.
 * Pure: dates are `YYYY-MM-DD` strings on the regional calendar, `today` comes from the caller.
 */

/** Days after the end of a quarter that the lead unit has to file its report. */
export const REPORT_GRACE_DAYS = 10;

/** How many ended quarters back a missing report still counts as a task. */
export const REPORT_LOOKBACK_QUARTERS = 4;

export const REPORT_DUE_RULE =
  'Laporan triwulan jatuh tempo 10 hari setelah triwulan berakhir (TW1 10 April, TW2 10 Juli, TW3 10 Oktober, TW4 10 Januari tahun berikutnya).';

export interface QuarterRef {
  year: number;
  quarter: number;
}

export interface ProgrammeSpan {
  startYear: number;
  startQuarter: number;
  endYear: number;
  endQuarter: number;
}

export interface DueReport extends QuarterRef {
  dueOn: string;
  overdue: boolean;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const indexOf = (q: QuarterRef) => q.year * 4 + (q.quarter - 1);
const fromIndex = (i: number): QuarterRef => ({ year: Math.floor(i / 4), quarter: (i % 4) + 1 });

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of a quarter. */
export function quarterEnd(q: QuarterRef): string {
  const month = q.quarter * 3;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(q.year, month, 0)).getUTCDate();
  return `${q.year}-${pad(month)}-${pad(last)}`;
}

/** The day a quarter's report is due. */
export function reportDueOn(q: QuarterRef): string {
  return addDays(quarterEnd(q), REPORT_GRACE_DAYS);
}

/** The quarter a day falls in. */
export function quarterOf(day: string): QuarterRef {
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

/** The ended quarters whose reports may still be owed today, oldest first (the lookback window). */
export function owedQuarterWindow(today: string): QuarterRef[] {
  const lastEnded = indexOf(quarterOf(today)) - 1;
  const out: QuarterRef[] = [];
  for (let i = lastEnded - REPORT_LOOKBACK_QUARTERS + 1; i <= lastEnded; i++) out.push(fromIndex(i));
  return out;
}

/**
 * The reports a programme's lead unit still owes today: ended quarters of the lookback window inside the
 * programme's span without a report, oldest first, each with its due date and whether it has passed.
 */
export function reportsOwed(span: ProgrammeSpan, reported: readonly QuarterRef[], today: string): DueReport[] {
  const first = indexOf({ year: span.startYear, quarter: span.startQuarter });
  const last = indexOf({ year: span.endYear, quarter: span.endQuarter });
  const done = new Set(reported.map(indexOf));
  return owedQuarterWindow(today)
    .filter((q) => indexOf(q) >= first && indexOf(q) <= last && !done.has(indexOf(q)))
    .map((q) => {
      const dueOn = reportDueOn(q);
      return { ...q, dueOn, overdue: today > dueOn };
    });
}

/** Whole days from `today` to `day` (negative once it has passed). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

export type ReportReminderStage = 'h7' | 'due';

/**
 * Which reminder a due date calls for today: H-7 from seven days ahead to the day before, and the due
 * date itself. Each stage spans several days so a day the job did not run is caught up; the dedupe key
 * names the stage, so nobody hears the same stage twice. A due-date reminder missed by up to three days
 * is still sent (the report is then late, and the text still says when it was due).
 */
export function reportReminderStage(dueOn: string, today: string): ReportReminderStage | null {
  const days = daysBetween(today, dueOn);
  if (days >= 1 && days <= 7) return 'h7';
  if (days <= 0 && days >= -3) return 'due';
  return null;
}
