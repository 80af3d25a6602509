/**
 * The yearly evaluation of an assessment as the assessors publish it (the smart-city evaluation's
 * Indeks Pencapaian, its index per pillar, and the Indeks Improvement against the previous evaluation):
 * pillars are the framework's top-level nodes (the five evaluation dimensions of the smart-city
 * framework), their index is the engine's published value on the verified values, and the improvement
 * is the difference of two published indices, as the ministry's letters report it (3,13 − 2,94 = 0,19).
 * Pure: figures in, rows out.
 */
import { Dec } from '../scoring/decimal.ts';
import type { Framework } from '../scoring/framework.schema.ts';
import type { Figure } from './figures.ts';

/** Smart-city evaluation frameworks are named `smartcity-…` (the shipped 2021 file and a region's uploaded versions). */
export function isSmartCityFramework(frameworkId: string): boolean {
  return frameworkId === 'smartcity' || frameworkId.startsWith('smartcity-');
}

export interface Pillar {
  id: string;
  name: string;
  weight: string | null;
}

/** The top-level nodes of the framework (below the index), in framework order. */
export function pillarsOf(framework: Framework): Pillar[] {
  return (framework.root.children ?? []).map((n) => ({ id: n.id, name: n.name, weight: n.weight ?? null }));
}

function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The change from `before` to `after`, both published values, exact and with as many places as the
 * longer of the two ("3.13" − "2.94" → "0.19"; a fall is negative, "-0.05"). Null when either is missing.
 */
export function deltaOf(after: string | null, before: string | null): string | null {
  if (after === null || before === null) return null;
  const places = Math.max(placesOf(after), placesOf(before));
  return new Dec(after).minus(new Dec(before)).toFixed(places);
}

export interface PillarFigure extends Pillar {
  /** The published index of the pillar on the verified values (the assessors'), null before any. */
  index: string | null;
  /** The same on the region's own claimed values. */
  claimedIndex: string | null;
  /** The pillar's published index in the previous evaluation (null: none, or no such pillar then). */
  previousIndex: string | null;
  delta: string | null;
}

export interface EvaluationFigures {
  index: string | null;
  claimedIndex: string | null;
  complete: boolean;
  missing: number;
  previousIndex: string | null;
  delta: string | null;
  pillars: PillarFigure[];
}

/**
 * The evaluation's figures: the verified figure per pillar and overall, the claimed one beside it, and
 * the change against the previous evaluation's verified figure (null when there is none).
 */
export function evaluationFigures(framework: Framework, verified: Figure, claimed: Figure, previous: Figure | null): EvaluationFigures {
  const nodeIndex = (figure: Figure | null, id: string) => figure?.nodes[id]?.index ?? null;
  const pillars = pillarsOf(framework).map((p) => {
    const index = nodeIndex(verified, p.id);
    const previousIndex = nodeIndex(previous, p.id);
    return { ...p, index, claimedIndex: nodeIndex(claimed, p.id), previousIndex, delta: deltaOf(index, previousIndex) };
  });
  const previousIndex = previous?.index ?? null;
  return {
    index: verified.index,
    claimedIndex: claimed.index,
    complete: verified.complete,
    missing: verified.missing,
    previousIndex,
    delta: deltaOf(verified.index, previousIndex),
    pillars,
  };
}
