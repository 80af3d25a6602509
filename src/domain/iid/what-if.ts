/**
 * What-if: which single step on which indicator raises the region's IID most. Pure.
 *
 * The IID is additive over innovations. With n counted innovations, divisor D = MAX(minDivisor, n),
 * innovation scores s_j, count score C (depends on n and the urusan covered only) and maximum B:
 *
 *   IID = (SPD + Σ_j s_j ÷ D + C) ÷ B × 100
 *
 * Raising one indicator of innovation j from level a to b changes neither n, D nor the urusan, so
 *
 *   ΔIID = bobot × (points(b) − points(a)) ÷ D × 100 ÷ B
 *
 * and raising an SPD indicator gives ΔIID = bobot × (points(b) − points(a)) × 100 ÷ B. No
 * re-evaluation is needed per candidate (what-if.test.ts checks each gain against the engine).
 */
import { Ratio, sumRatios } from '../scoring/decimal.ts';
import { classify } from '../scoring/engine.ts';
import type { BasisProjection } from './projection.ts';
import { type IidIndicator, scoreAt } from './structure.ts';

export interface WhatIfItem {
  innovationId: string | null;
  innovationName: string | null;
  indicatorId: string;
  indicatorName: string;
  /** The level scored now and the level after the step. */
  current: number;
  next: number;
  /** The step is attaching evidence to a level already claimed (it scores 0 without it). */
  needsEvidence: boolean;
  /** Exact rise of the unrounded index. */
  gain: Ratio;
  /** The published index after the step. */
  indexAfter: string;
}

/**
 * The unrounded index, exactly (the result's `value` is cut at 12 decimals when the division by D
 * does not terminate): (Σ SPD scores + Σ innovation scores ÷ D + count score) ÷ B × 100.
 */
export function exactIndex(projection: BasisProjection): Ratio {
  const { structure, result } = projection;
  const spd = sumRatios(structure.spd.map((i) => scoreAt(i, projection.spdLevels.get(i.id) ?? 0)));
  const innovations = sumRatios(projection.innovations.map((s) => s.score)).div(Ratio.int(projection.divisor));
  const count = structure.count === null ? Ratio.ZERO : Ratio.from(result.nodes[structure.count.id]?.value ?? '0');
  return spd.add(innovations).add(count).mul(Ratio.int(100)).div(structure.base);
}

function candidate(indicator: IidIndicator, current: number, zeroedLevel: number | undefined): { next: number; needsEvidence: boolean } | null {
  if (zeroedLevel !== undefined) return { next: zeroedLevel, needsEvidence: true };
  const next = indicator.levels.find((l) => l > current);
  return next === undefined ? null : { next, needsEvidence: false };
}

/** Every one-step improvement with a positive gain, largest first. */
export function whatIf(projection: BasisProjection, options: { limit?: number } = {}): WhatIfItem[] {
  const { structure } = projection;
  const toIndex = Ratio.int(100).div(structure.base);
  const perInnovation = toIndex.div(Ratio.int(projection.divisor));
  const now = exactIndex(projection);
  const rootKind = structure.framework.root.kind;
  const ranked: Array<Omit<WhatIfItem, 'indexAfter'> & { order: number }> = [];
  let order = 0;

  for (const indicator of structure.spd) {
    const current = projection.spdLevels.get(indicator.id) ?? 0;
    const step = candidate(indicator, current, undefined);
    order += 1;
    if (step === null) continue;
    const gain = scoreAt(indicator, step.next).sub(scoreAt(indicator, current)).mul(toIndex);
    if (!gain.gt(Ratio.ZERO)) continue;
    ranked.push({
      innovationId: null,
      innovationName: null,
      indicatorId: indicator.id,
      indicatorName: indicator.name,
      current,
      next: step.next,
      needsEvidence: false,
      gain,
      order,
    });
  }
  for (const scored of projection.innovations) {
    for (const indicator of structure.sid) {
      const current = scored.levels.get(indicator.id) ?? 0;
      const step = candidate(indicator, current, scored.withoutEvidence.get(indicator.id));
      order += 1;
      if (step === null) continue;
      const gain = scoreAt(indicator, step.next).sub(scoreAt(indicator, current)).mul(perInnovation);
      if (!gain.gt(Ratio.ZERO)) continue;
      ranked.push({
        innovationId: scored.data.id,
        innovationName: scored.data.name,
        indicatorId: indicator.id,
        indicatorName: indicator.name,
        current,
        next: step.next,
        needsEvidence: step.needsEvidence,
        gain,
        order,
      });
    }
  }
  ranked.sort((a, b) => b.gain.cmp(a.gain) || a.order - b.order);
  const limited = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  return limited.map(({ order: _order, ...item }) => ({
    ...item,
    indexAfter: classify(structure.framework, rootKind, now.add(item.gain)).published,
  }));
}
