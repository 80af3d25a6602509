/**
 * The national evaluation that follows a region's own self-assessment (PermenPANRB 59/2020 practice,
 * Pedoman 3/2024; PermenPANRB 8/2026 for Pemdi): the external assessors' penilaian dokumen → interview
 * (clarification, the region's chance to rebut) → visitasi (only for selected agencies, so it may be
 * skipped) → hasil (the KepmenPANRB and the LHE). The national index is the engine's figure of the
 * assessor's values, the same engine and rounding as the self-assessment, so the three figures a region
 * compares (claimed, verified, national) are computed the same way. Pure: values in, answers out.
 */
import { Ratio } from '../scoring/decimal.ts';
import type { Framework } from '../scoring/framework.schema.ts';
import { computeFigure, type Figure } from './figures.ts';
import { listIndicators } from './indicators.ts';

export const NATIONAL_STAGES = ['penilaian_dokumen', 'interview', 'visitasi', 'hasil'] as const;
export type NationalStage = (typeof NATIONAL_STAGES)[number];

export const NATIONAL_STAGE_LABELS: Readonly<Record<NationalStage, string>> = {
  penilaian_dokumen: 'penilaian dokumen',
  interview: 'interviu',
  visitasi: 'visitasi',
  hasil: 'hasil',
};

export function isNationalStage(value: string): value is NationalStage {
  return (NATIONAL_STAGES as readonly string[]).includes(value);
}

// Forward only: a national stage, once over, does not reopen. Visitasi is only for selected agencies,
// so interview may lead straight to hasil.
const NATIONAL_TRANSITIONS: Readonly<Record<NationalStage, readonly NationalStage[]>> = {
  penilaian_dokumen: ['interview'],
  interview: ['visitasi', 'hasil'],
  visitasi: ['hasil'],
  hasil: [],
};

export function nextNationalStages(from: NationalStage): readonly NationalStage[] {
  return NATIONAL_TRANSITIONS[from];
}

export type NationalStageChange = { ok: true } | { ok: false; message: string };

/**
 * Whether the national evaluation may move from `from` to `to`; `missingValues` is how many indicators
 * still lack the assessor's value (hasil needs all of them: the published index is never provisional).
 */
export function checkNationalStageChange(from: NationalStage, to: NationalStage, missingValues: number): NationalStageChange {
  const label = NATIONAL_STAGE_LABELS;
  if (from === to) return { ok: false, message: `Evaluasi nasional sudah pada tahap ${label[to]}` };
  const allowed = NATIONAL_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    return {
      ok: false,
      message:
        allowed.length === 0
          ? `Evaluasi nasional sudah pada tahap ${label[from]}; tahapnya tidak dapat diubah lagi`
          : `Dari tahap ${label[from]} hanya dapat lanjut ke ${allowed.map((s) => label[s]).join(' atau ')}, bukan ${label[to]}`,
    };
  }
  if (to === 'hasil' && missingValues > 0) {
    return { ok: false, message: `${missingValues} indikator belum memiliki nilai asesor; lengkapi sebelum tahap hasil` };
  }
  return { ok: true };
}

/** The national figure: the engine on the assessor's values (null = not yet given). */
export function nationalFigure(framework: Framework, assessorValues: ReadonlyMap<string, string | null>): Figure {
  return computeFigure(framework, assessorValues);
}

/**
 * The name of a value by the framework's value names, read by truncation as the assessor's sheet does
 * (1.24 and 1.50 "Rintisan", 2.00 and 2.99 "Terkelola"); null when the framework names none.
 */
export function valueNameOf(framework: Framework, value: string | null): string | null {
  if (value === null || framework.valueNames === undefined) return null;
  const ratio = Ratio.parse(value);
  if (ratio === null) return null;
  let chosen: string | null = null;
  for (const n of [...framework.valueNames.names].sort((a, b) => a.value - b.value)) {
    if (!Ratio.int(n.value).gt(ratio)) chosen = `${n.value} ${n.name}`;
  }
  return chosen;
}

export interface IndicatorGap {
  indicatorId: string;
  name: string;
  claimed: string | null;
  verified: string | null;
  national: string | null;
  /** national − claimed, exact (null when either is missing). */
  gapClaimed: string | null;
  /** national − verified, exact (null when either is missing). */
  gapVerified: string | null;
}

const diff = (a: string | null, b: string | null): string | null => (a === null || b === null ? null : Ratio.from(a).sub(Ratio.from(b)).toPlain(12));

/** Per indicator in framework order: the region's claim, its own verification and the national value, with the gaps. */
export function indicatorGaps(
  framework: Framework,
  claimed: ReadonlyMap<string, string | null>,
  verified: ReadonlyMap<string, string | null>,
  national: ReadonlyMap<string, string | null>,
): IndicatorGap[] {
  return listIndicators(framework).map((i) => {
    const c = claimed.get(i.id) ?? null;
    const v = verified.get(i.id) ?? null;
    const n = national.get(i.id) ?? null;
    return { indicatorId: i.id, name: i.name, claimed: c, verified: v, national: n, gapClaimed: diff(n, c), gapVerified: diff(n, v) };
  });
}

/** Whether a framework may open an assessment for a year (its effective years, `to` null = open-ended). */
export function isEffectiveIn(framework: Pick<Framework, 'effectiveYears'>, year: number): boolean {
  const { from, to } = framework.effectiveYears;
  return year >= from && (to === null || year <= to);
}

/** Whether an action-plan task is overdue on the given WIB day (open, with a due date before today). */
export function isTaskOverdue(task: { status: string; dueDate: string | null }, todayWib: string): boolean {
  return (task.status === 'belum' || task.status === 'berjalan') && task.dueDate !== null && task.dueDate < todayWib;
}

/** The WIB (UTC+7) calendar day of an instant, as YYYY-MM-DD: regions count deadlines in WIB. */
export function wibDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
