/**
 * The OPD league table (liga OPD): every unit's five components side by side, each put on a 0–100
 * scale, and one composite the region weights as it chooses. Pure and exact (decimal.js): the facts
 * come in, the scores and ranks go out.
 *
 * The rules, said the same way on the page and in the export:
 * - Inovasi = verified innovations ÷ the period's minimum per unit, capped at 100 %. No period for the
 *   year, or a minimum of 0 with nothing verified: no value.
 * - IKM = the unit's IKM of the year (the survey engine's published index, on its own 25–100 scale,
 *   taken as is). No answers: no value.
 * - Penilaian = assessment items assigned to the unit that are filled or verified ÷ items assigned.
 *   None assigned: no value.
 * - Pengaduan = complaints finished within their deadline ÷ complaints that are due (finished, or past
 *   their deadline), rejected and duplicate ones left out. None due: no value.
 * - Program = the mean progress of the smart-city programmes the unit leads, each by the programme
 *   rule on that year's targets only. No programme with a target that year: no value.
 * - Komposit = Σ(weight × value) ÷ Σ(weight) over the components that are switched on and have a value,
 *   so a unit is neither punished nor helped by data it does not have; rounded half-up to 2 places.
 *   A unit without any value has no composite and no rank.
 * - Rank: higher composite first; equal composites (to 2 places) share a rank and the next rank skips
 *   (1, 1, 3); within a tie units are listed by name.
 * - Rank change = last year's rank − this year's rank (positive: climbed), by the same computation for
 *   the year before, under the weights of that year; none when either year has no rank.
 */
import { Dec } from '#domain/scoring/decimal.ts';
import { LEAGUE_COMPONENT_LABELS, LEAGUE_COMPONENT_RULES, LEAGUE_COMPONENTS, type LeagueComponent } from './components.ts';

export { LEAGUE_COMPONENTS, LEAGUE_COMPONENT_LABELS, LEAGUE_COMPONENT_RULES, type LeagueComponent };

export const COMPOSITE_RULE =
  'Komposit = Σ(bobot × nilai) ÷ Σ(bobot) atas komponen aktif yang memiliki data; komponen tanpa data tidak dihitung dan bobotnya dibagi ulang. Dibulatkan setengah ke atas, 2 desimal. Nilai sama berbagi peringkat (1, 1, 3).';

export interface ComponentWeight {
  weight: number;
  enabled: boolean;
}
export type LeagueWeights = Record<LeagueComponent, ComponentWeight>;

/** The weights a region starts with: innovations first, as the league is about innovation. */
export const DEFAULT_LEAGUE_WEIGHTS: LeagueWeights = {
  innovations: { weight: 35, enabled: true },
  ikm: { weight: 20, enabled: true },
  assessments: { weight: 15, enabled: true },
  complaints: { weight: 15, enabled: true },
  programmes: { weight: 15, enabled: true },
};

/** Problems of a set of weights (component → Indonesian reason; `_sum` for the total), empty when valid. */
export function checkLeagueWeights(weights: LeagueWeights): Array<{ component: LeagueComponent | '_sum'; reason: string }> {
  const issues: Array<{ component: LeagueComponent | '_sum'; reason: string }> = [];
  let sum = 0;
  let enabled = 0;
  for (const c of LEAGUE_COMPONENTS) {
    const w = weights[c];
    if (!Number.isInteger(w.weight) || w.weight < 0 || w.weight > 100) {
      issues.push({ component: c, reason: `Bobot ${LEAGUE_COMPONENT_LABELS[c]} harus bilangan bulat 0–100` });
      continue;
    }
    if (w.enabled) {
      sum += w.weight;
      enabled++;
    }
  }
  if (issues.length > 0) return issues;
  if (enabled === 0) issues.push({ component: '_sum', reason: 'Aktifkan paling sedikit satu komponen' });
  else if (sum !== 100) issues.push({ component: '_sum', reason: `Jumlah bobot komponen aktif harus 100; sekarang ${sum}` });
  return issues;
}

/** What is known of one unit in one year (decimal strings; null: no data). */
export interface UnitFacts {
  unitId: string;
  unitName: string;
  innovations: { proposed: number; verified: number; minimum: number } | null;
  /** The published IKM index ("82.47"). */
  ikm: string | null;
  assessments: { assigned: number; done: number };
  complaints: { due: number; onTime: number };
  /** Each led programme's progress on the year's targets, percent strings (programmes without a target left out). */
  programmes: string[];
}

export type ComponentScores = Record<LeagueComponent, string | null>;

const HUNDRED = new Dec(100);
const pct = (part: number, whole: number) => Dec.min(HUNDRED, new Dec(part).div(whole).times(100));
const fixed = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);

/** Each component on 0–100 (2 places, half-up), or null when the unit has no data for it. */
export function componentScores(f: UnitFacts): ComponentScores {
  let innovations: string | null = null;
  if (f.innovations) {
    if (f.innovations.minimum > 0) innovations = fixed(pct(f.innovations.verified, f.innovations.minimum));
    else if (f.innovations.verified > 0) innovations = '100.00';
  }
  const programmes = f.programmes.length === 0 ? null : fixed(f.programmes.reduce((s, p) => s.plus(new Dec(p)), new Dec(0)).div(f.programmes.length));
  return {
    innovations,
    ikm: f.ikm === null ? null : fixed(new Dec(f.ikm)),
    assessments: f.assessments.assigned === 0 ? null : fixed(pct(f.assessments.done, f.assessments.assigned)),
    complaints: f.complaints.due === 0 ? null : fixed(pct(f.complaints.onTime, f.complaints.due)),
    programmes,
  };
}

/** The composite over the switched-on components with a value, weights re-normalised; null without any. */
export function compositeScore(scores: ComponentScores, weights: LeagueWeights): string | null {
  let weighted = new Dec(0);
  let total = new Dec(0);
  for (const c of LEAGUE_COMPONENTS) {
    const value = scores[c];
    const w = weights[c];
    if (value === null || !w.enabled || w.weight === 0) continue;
    weighted = weighted.plus(new Dec(value).times(w.weight));
    total = total.plus(w.weight);
  }
  if (total.isZero()) return null;
  return fixed(weighted.div(total));
}

export interface RankedUnit {
  unitId: string;
  unitName: string;
  composite: string | null;
  rank: number | null;
}

/**
 * Ranks units: composite descending, equal composites share a rank (1, 1, 3), ties and unranked units
 * by name. Returns the units in rank order.
 */
export function rankUnits<T extends { unitId: string; unitName: string; composite: string | null }>(
  units: readonly T[],
): Array<T & { rank: number | null }> {
  const byName = (a: T, b: T) => a.unitName.localeCompare(b.unitName, 'id') || a.unitId.localeCompare(b.unitId);
  const ranked = units.filter((u) => u.composite !== null);
  const unranked = units.filter((u) => u.composite === null).sort(byName);
  ranked.sort((a, b) => new Dec(b.composite ?? 0).cmp(new Dec(a.composite ?? 0)) || byName(a, b));
  const out: Array<T & { rank: number | null }> = [];
  ranked.forEach((u, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.composite === u.composite ? (prev.rank ?? i + 1) : i + 1;
    out.push({ ...u, rank });
  });
  return [...out, ...unranked.map((u) => ({ ...u, rank: null }))];
}

/** Climbed (positive) or fell (negative) since last year; null when either year has no rank. */
export function rankChange(current: number | null, previous: number | null | undefined): number | null {
  if (current === null || previous === null || previous === undefined) return null;
  return previous - current;
}
