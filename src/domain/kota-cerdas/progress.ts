/**
 * How far a smart-city programme has come, and its funding totals, exactly (decimal.js, no floats).
 *
 * The rule, said the same way on the pages and in the reports:
 *   progress = the mean, over every output's yearly KPI target (each output × each year with a target
 *   above zero), of (realisation ÷ target) capped at 100 %, where a year's realisation is the figure of
 *   the last quarter reported in that year (figures are cumulative within the year) and a year without a
 *   report counts 0; in percent, rounded half-up to 2 decimals. Without any target there is no progress.
 * So a five-year programme that met every target of its first three years stands at 60 %.
 */
import { Dec } from '#domain/scoring/decimal.ts';
import type { ProgrammeStatus, ProgressStatus } from './dimensions.ts';

export interface OutputTargets {
  outputId: string;
  /** year → target, decimal strings. */
  targets: Record<number, string>;
}

export interface QuarterFigures {
  year: number;
  quarter: number;
  status: ProgressStatus;
  /** outputId → realisation, decimal strings. */
  figures: Record<string, string>;
}

export const PROGRESS_RULE =
  'Progres = rata-rata capaian setiap target KPI tahunan (realisasi ÷ target, paling tinggi 100%); realisasi suatu tahun adalah angka triwulan terakhir yang dilaporkan pada tahun itu, tahun tanpa laporan dihitung 0.';

const quarterIndex = (r: { year: number; quarter: number }) => r.year * 4 + r.quarter;

/** The programme's progress in percent ("62.50"), or null when it has no target above zero. */
export function programmeProgress(outputs: readonly OutputTargets[], reports: readonly QuarterFigures[]): string | null {
  // The last report of each year carries that year's cumulative realisation.
  const lastOfYear = new Map<number, QuarterFigures>();
  for (const r of reports) {
    const seen = lastOfYear.get(r.year);
    if (!seen || quarterIndex(r) > quarterIndex(seen)) lastOfYear.set(r.year, r);
  }
  let sum = new Dec(0);
  let n = 0;
  for (const o of outputs) {
    for (const [yearText, targetText] of Object.entries(o.targets)) {
      const target = new Dec(targetText);
      if (target.lte(0)) continue;
      n++;
      const realised = lastOfYear.get(Number(yearText))?.figures[o.outputId];
      if (realised === undefined) continue;
      const ratio = Dec.max(new Dec(0), Dec.min(new Dec(1), new Dec(realised).div(target)));
      sum = sum.plus(ratio);
    }
  }
  if (n === 0) return null;
  return sum.div(n).times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** The status shown on lists: the latest quarter's, or `belum_dilaporkan`. */
export function programmeStatus(reports: readonly { year: number; quarter: number; status: ProgressStatus }[]): ProgrammeStatus {
  let latest: { year: number; quarter: number; status: ProgressStatus } | undefined;
  for (const r of reports) if (!latest || quarterIndex(r) > quarterIndex(latest)) latest = r;
  return latest?.status ?? 'belum_dilaporkan';
}

/** An exact sum of decimal strings, written with 2 decimals ("1250000.00"). */
export function sumAmounts(amounts: readonly string[]): string {
  return amounts.reduce((s, a) => s.plus(new Dec(a)), new Dec(0)).toFixed(2);
}

/** Whether (year, quarter) lies within a span given by its first and last quarter. */
export function isWithinSpan(
  at: { year: number; quarter: number },
  span: { startYear: number; startQuarter: number; endYear: number; endQuarter: number },
): boolean {
  const i = quarterIndex(at);
  return i >= span.startYear * 4 + span.startQuarter && i <= span.endYear * 4 + span.endQuarter;
}
