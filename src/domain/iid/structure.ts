/**
 * The shape of an IID framework as the region's answers see it: which indicators are region-level
 * (SPD, answered once per period) and which are per innovation (SID), what levels each accepts, what
 * a level scores (bobot × points), and the divisor and yandas gate of the SID average. Read from the
 * framework file, so a new year's catalogue is a new file, not new code. Pure.
 */
import { Ratio } from '../scoring/decimal.ts';
import type { Framework, FrameworkNode, MeasurementBasis, Scale } from '../scoring/framework.schema.ts';
import { childrenOf, leaves, percentBase, walk, weightOf } from '../scoring/tree.ts';

type ParameterScale = Extract<Scale, { type: 'parameters' }>;
type CountScale = Extract<Scale, { type: 'count' }>;

export type IidPart = 'spd' | 'sid';

export interface IidIndicator {
  id: string;
  part: IidPart;
  name: string;
  /** The variable (parent node) the indicator belongs to, e.g. "Infrastruktur". */
  variable: string | null;
  weight: string;
  mandatory: boolean;
  /** Level 0 (not filled or without evidence) is allowed when the scale has a `zero` entry. */
  zeroLabel: string | null;
  parameters: Array<{ level: number; label: string; points: string }>;
  /** Alternative measurement bases (basis ukur), one of which the innovation chooses; empty for most. */
  bases: MeasurementBasis[];
  evidenceHints: string[];
  /** Every level the scale accepts, ascending (0 first when allowed). */
  levels: number[];
  maxLevel: number;
  node: FrameworkNode;
}

export interface IidStructure {
  framework: Framework;
  spd: IidIndicator[];
  sid: IidIndicator[];
  /** MAX(minDivisor, n) divides the sum of the innovations' scores. */
  minDivisor: number;
  /** The total maximum the index divides by (250): IID = (SPD + SID) ÷ base × 100. */
  base: Ratio;
  /** The count score (Jumlah Inovasi) and its urusan gate, when the framework has one. */
  count: { id: string; scale: CountScale } | null;
}

const STRUCTURES = new WeakMap<Framework, IidStructure>();

function indicatorOf(node: FrameworkNode, part: IidPart, parent: FrameworkNode | null): IidIndicator {
  const scale = node.scale;
  if (scale?.type !== 'parameters') throw new Error(`IID indicator ${node.id} has no parameter scale`);
  const parameters = [...(scale as ParameterScale).parameters].sort((a, b) => a.level - b.level);
  const levels = [...(scale.zero === undefined ? [] : [0]), ...parameters.map((p) => p.level)];
  return {
    id: node.id,
    part,
    name: node.name,
    variable: parent?.name ?? null,
    weight: node.weight ?? '1',
    mandatory: node.mandatory === true,
    zeroLabel: scale.zero?.label ?? null,
    parameters: parameters.map((p) => ({ level: p.level, label: p.label, points: p.points })),
    bases: scale.bases ?? [],
    evidenceHints: node.evidenceHints ?? [],
    levels,
    maxLevel: Math.max(...levels),
    node,
  };
}

/** Reads an `innovations` framework (IID); throws when the file is not one (a programming error). */
export function iidStructure(framework: Framework): IidStructure {
  const cached = STRUCTURES.get(framework);
  if (cached !== undefined) return cached;
  if (framework.inputKind !== 'innovations') throw new Error(`Framework ${framework.id} is not an IID framework`);
  const root = framework.root;
  const sidNode = childrenOf(root).find((c) => c.aggregation?.rule === 'innovation-average');
  if (sidNode === undefined || sidNode.aggregation?.rule !== 'innovation-average') {
    throw new Error(`Framework ${framework.id} has no innovation-average node`);
  }
  const parents = new Map(walk(root).map((v) => [v.node, v.parent]));
  const parentOf = (node: FrameworkNode) => parents.get(node) ?? null;
  const spd = childrenOf(root)
    .filter((c) => c !== sidNode)
    .flatMap(leaves)
    .map((leaf) => indicatorOf(leaf, 'spd', parentOf(leaf)));
  const countNode = childrenOf(sidNode).find((c) => c.scale?.type === 'count');
  const sid = childrenOf(sidNode)
    .filter((c) => c !== countNode)
    .flatMap(leaves)
    .map((leaf) => indicatorOf(leaf, 'sid', parentOf(leaf)));
  const countScale = countNode?.scale;
  const structure: IidStructure = {
    framework,
    spd,
    sid,
    minDivisor: sidNode.aggregation.minDivisor,
    base: percentBase(root),
    count: countNode !== undefined && countScale?.type === 'count' ? { id: countNode.id, scale: countScale } : null,
  };
  STRUCTURES.set(framework, structure);
  return structure;
}

export function findIndicator(structure: IidStructure, part: IidPart, id: string): IidIndicator | undefined {
  return structure[part].find((i) => i.id === id);
}

export function acceptsLevel(indicator: IidIndicator, level: number): boolean {
  return indicator.levels.includes(level);
}

/** Whether `key` is one of the indicator's measurement bases. */
export function acceptsBasis(indicator: IidIndicator, key: string): boolean {
  return indicator.bases.some((b) => b.key === key);
}

/** bobot × points of the level; 0 for level 0 or a level the scale does not know. */
export function scoreAt(indicator: IidIndicator, level: number): Ratio {
  const parameter = indicator.parameters.find((p) => p.level === level);
  return parameter === undefined ? Ratio.ZERO : Ratio.from(parameter.points).mul(weightOf(indicator.node));
}

/**
 * The evidence target of an SID indicator, in the format the evidence API accepts
 * (`<dimension>.<indicator>`, see domain/evidence/file-type.ts): indicator 16 → `sid.16`.
 */
export function sidEvidenceTarget(indicatorId: string): string {
  return `sid.${indicatorId}`;
}

/**
 * The IID framework that scores a period of `year`: the one whose effective years contain it, or,
 * when no shipped file covers the year (no 2024–2025 guideline was found, domain doc §7), the latest
 * one that took effect before it (else the earliest), flagged `exact: false` so the region is told.
 */
export function chooseIidFramework(candidates: readonly Framework[], year: number): { framework: Framework; exact: boolean } | null {
  const iid = candidates.filter((f) => f.inputKind === 'innovations');
  const covering = iid
    .filter((f) => f.effectiveYears.from <= year && (f.effectiveYears.to === null || year <= f.effectiveYears.to))
    .sort((a, b) => b.effectiveYears.from - a.effectiveYears.from);
  const exact = covering[0];
  if (exact !== undefined) return { framework: exact, exact: true };
  const earlier = iid.filter((f) => f.effectiveYears.from <= year).sort((a, b) => b.effectiveYears.from - a.effectiveYears.from)[0];
  const fallback = earlier ?? [...iid].sort((a, b) => a.effectiveYears.from - b.effectiveYears.from)[0];
  return fallback === undefined ? null : { framework: fallback, exact: false };
}
