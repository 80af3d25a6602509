/**
 * The index of an assessment while it is being filled and verified: the claimed figure (the units'
 * values) and the verified figure (the assessors' decisions), side by side, live. The engine needs a
 * value for every indicator, so a provisional figure fills each missing one with the value the
 * framework uses when it is left out (`whenMissing`, e.g. Pemdi "dianggap 1") or else the scale's
 * minimum, and says how many are missing: a provisional index is a floor, never an overstatement.
 */
import { Ratio } from '../scoring/decimal.ts';
import { evaluate } from '../scoring/engine.ts';
import type { Framework } from '../scoring/framework.schema.ts';
import type { EvaluationResult } from '../scoring/result.ts';
import { type Indicator, listIndicators } from './indicators.ts';

export type VerificationState = 'pending' | 'accepted' | 'corrected';
export type FigureBasis = 'claimed' | 'verified';

/** What a figure needs of one assessment item. */
export interface ItemValues {
  indicatorId: string;
  claimedValue: string | null;
  verification: VerificationState;
  verifiedValue: string | null;
}

/**
 * The value an item counts with: claimed → its claimed value; verified → the corrected value, the
 * claimed value once accepted, and nothing while the assessor has not decided (counted as missing).
 */
export function basisValue(item: ItemValues, basis: FigureBasis): string | null {
  if (basis === 'claimed') return item.claimedValue;
  switch (item.verification) {
    case 'corrected':
      return item.verifiedValue;
    case 'accepted':
      return item.claimedValue;
    case 'pending':
      return null;
  }
}

/** The values of every item on a basis, by indicator id (null = missing). */
export function valuesOf(items: readonly ItemValues[], basis: FigureBasis): Map<string, string | null> {
  return new Map(items.map((i) => [i.indicatorId, basisValue(i, basis)]));
}

export interface Figure {
  /** The published index, or null when not one indicator has a value yet. */
  index: string | null;
  /** The unrounded index (null with `index`). */
  value: string | null;
  predicate: string | null;
  /** True when every indicator has a value of its own. */
  complete: boolean;
  /** How many indicators were filled provisionally. */
  missing: number;
  /** Published index and predicate of every node (empty with a null index). */
  nodes: Record<string, { index: string; predicate: string | null }>;
  /** The engine's full result on the provisional values (null with a null index). */
  result: EvaluationResult | null;
}

/** The value a missing indicator is counted with. */
export function provisionalValue(indicator: Indicator): string {
  return indicator.defaultValue ?? indicator.scale.min;
}

/** Every indicator's value with the missing ones filled provisionally, ready for the engine. */
export function completeValues(indicators: readonly Indicator[], values: ReadonlyMap<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const indicator of indicators) out[indicator.id] = values.get(indicator.id) ?? provisionalValue(indicator);
  return out;
}

/** Scores complete values; stored values were checked on the way in, so a refusal is a programming error. */
export function scoreValues(framework: Framework, values: Record<string, string>): EvaluationResult {
  const out = evaluate(framework, { values });
  if (!out.ok) {
    const first = out.errors[0];
    throw new Error(`Assessment values do not score under ${framework.id} ${framework.version}: ${first?.messageEn ?? 'unknown error'}`);
  }
  return out.result;
}

/** The figure of an assessment on the given values (null = missing), indicator ids not in the framework ignored. */
export function computeFigure(framework: Framework, values: ReadonlyMap<string, string | null>): Figure {
  const indicators = listIndicators(framework);
  const missing = indicators.filter((i) => (values.get(i.id) ?? null) === null).length;
  if (missing === indicators.length) {
    return { index: null, value: null, predicate: null, complete: false, missing, nodes: {}, result: null };
  }
  const result = scoreValues(framework, completeValues(indicators, values));
  const nodes: Figure['nodes'] = {};
  for (const [nodeId, n] of Object.entries(result.nodes)) nodes[nodeId] = { index: n.index, predicate: n.predicate };
  return { index: result.index, value: result.value, predicate: result.predicate, complete: missing === 0, missing, nodes, result };
}

/** The claimed and the verified figure of the same items. */
export function computeFigures(framework: Framework, items: readonly ItemValues[]): { claimed: Figure; verified: Figure } {
  return {
    claimed: computeFigure(framework, valuesOf(items, 'claimed')),
    verified: computeFigure(framework, valuesOf(items, 'verified')),
  };
}

/** Exact difference of two unrounded values as decimal text (e.g. "0.013"). */
export function differenceOf(after: string, before: string): string {
  return Ratio.from(after).sub(Ratio.from(before)).toPlain(12);
}
