/**
 * Gap analysis: for each indicator below the top of its scale, the next step up, what that step asks
 * for (the next level's name and criteria), and how much the index rises if it is reached, all else
 * equal; sorted by gain so a region sees where effort pays most. Also the comparison with the
 * previous year's assessment of the same framework, indicator by indicator.
 *
 * The next step:
 * - levels (SPBE 1–5): the next level of the scale (3 → 4).
 * - decimals (Indeks Pemdi 1–5): the next multiple of GAP_DECIMAL_STEP (0.5) strictly above the
 *   current value, capped at the scale's maximum (1.26 → 1.50, 1.50 → 2.00, 4.80 → 5.00). A decimal
 *   indicator aggregates several sub-questions, so no single "next level" exists; half a point is the
 *   smallest step a region can plan for and keeps the list comparable across indicators.
 *
 * Gain = index(after) − index(now), both the engine's unrounded `value`, as exact decimal text: the
 * published (rounded) index would hide small gains or round them up.
 */
import { Ratio } from '../scoring/decimal.ts';
import type { Framework } from '../scoring/framework.schema.ts';
import { completeValues, differenceOf, scoreValues } from './figures.ts';
import { compareIndicatorIds, type Indicator, type IndicatorScale, levelAt, listIndicators } from './indicators.ts';

/** The step of a decimal indicator in the gap analysis; see the module comment. */
export const GAP_DECIMAL_STEP = '0.5';

export interface GapItem {
  indicatorId: string;
  name: string;
  /** The value now (a missing one counted provisionally, as in the figure). */
  current: string;
  next: string;
  nextLevelName: string | null;
  nextCriteria: string | null;
  /** index(after) − index(now), unrounded, exact decimal text. */
  gain: string;
  /** The published index if this indicator alone reaches `next`. */
  indexAfter: string;
}

function formatValue(scale: IndicatorScale, value: Ratio): string {
  return scale.type === 'levels' ? value.toPlain(0) : value.toDecimal().toFixed(scale.places);
}

/** The next step of a value on its scale, or null when the value is already at the top. */
export function nextStep(scale: IndicatorScale, current: Ratio): Ratio | null {
  const max = Ratio.from(scale.max);
  if (!current.lt(max)) return null;
  if (scale.type === 'levels') {
    const above = scale.levels.find((l) => Ratio.int(l.level).gt(current));
    return above === undefined ? null : Ratio.int(above.level);
  }
  const step = Ratio.from(GAP_DECIMAL_STEP);
  // floor(current / step) + 1 steps: strictly above the current value.
  const quotient = current.div(step);
  const steps = quotient.num.divToInt(quotient.den).toNumber() + 1;
  return Ratio.int(steps).mul(step).min(max);
}

/**
 * Every indicator below its maximum with its next step and gain, sorted by gain (largest first), then
 * by indicator id as people read it ("2" before "10").
 */
export function analyseGaps(framework: Framework, values: ReadonlyMap<string, string | null>): { index: string; value: string; items: GapItem[] } {
  const indicators = listIndicators(framework);
  const base = completeValues(indicators, values);
  const now = scoreValues(framework, base);
  const items: GapItem[] = [];
  for (const indicator of indicators) {
    const currentText = base[indicator.id];
    if (currentText === undefined) continue;
    const current = Ratio.from(currentText);
    const next = nextStep(indicator.scale, current);
    if (next === null) continue;
    const nextText = formatValue(indicator.scale, next);
    const after = scoreValues(framework, { ...base, [indicator.id]: nextText });
    const level = indicator.scale.type === 'levels' ? levelAt(indicator.scale, next) : undefined;
    items.push({
      indicatorId: indicator.id,
      name: indicator.name,
      current: formatValue(indicator.scale, current),
      next: nextText,
      nextLevelName: level?.name ?? null,
      nextCriteria: level === undefined || level.criteria === '' ? null : level.criteria,
      gain: differenceOf(after.value, now.value),
      indexAfter: after.index,
    });
  }
  items.sort((a, b) => Ratio.from(b.gain).cmp(Ratio.from(a.gain)) || compareIndicatorIds(a.indicatorId, b.indicatorId));
  return { index: now.index, value: now.value, items };
}

export interface IndicatorComparison {
  indicatorId: string;
  previous: string | null;
  current: string | null;
}

/**
 * The indicators of the current framework with last year's and this year's value (null = not given).
 * Matched by indicator id, so a new framework version that keeps its ids compares cleanly; an
 * indicator that did not exist last year compares with null.
 */
export function compareIndicators(
  indicators: readonly Indicator[],
  previous: ReadonlyMap<string, string | null>,
  current: ReadonlyMap<string, string | null>,
): IndicatorComparison[] {
  return indicators.map((i) => ({ indicatorId: i.id, previous: previous.get(i.id) ?? null, current: current.get(i.id) ?? null }));
}
