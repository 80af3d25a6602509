/**
 * The indicators of a framework as a self-assessment sees them: every leaf that takes a value (SPBE
 * maturity levels, Indeks Pemdi decimals), with the names of its ancestors, its weight, its scale
 * (levels with their names and criteria, or a decimal range with the places a value may carry) and
 * the evidence hints. Pure: read from the framework data, nothing else.
 */
import { Ratio } from '../scoring/decimal.ts';
import type { Framework, FrameworkNode } from '../scoring/framework.schema.ts';

/**
 * Places a decimal indicator value may carry when its scale does not say more (the scale's min and max
 * are written "1" and "5"). Indeks Pemdi indicator values are published with two decimals (1.26, 2.50);
 * a scale written with more places ("0.125") allows as many as it is written with.
 */
export const DEFAULT_DECIMAL_PLACES = 2;

export interface IndicatorLevel {
  level: number;
  name: string;
  /** The criteria text of the level; empty when the framework gives none. */
  criteria: string;
}

export interface IndicatorScale {
  type: 'levels' | 'decimal';
  /** Lowest and highest value, as decimal text ("1", "5"). */
  min: string;
  max: string;
  /** The levels in ascending order (empty for a decimal scale). */
  levels: IndicatorLevel[];
  /** Decimal places a value may have (0 for levels). */
  places: number;
}

export interface Indicator {
  id: string;
  name: string;
  /** Names of the ancestors below the root, e.g. ["Kebijakan Internal SPBE", "Kebijakan Internal Tata Kelola SPBE"]. */
  path: string[];
  /** Ids of the same ancestors, e.g. ["D1", "A1"]. */
  pathIds: string[];
  weight: string | null;
  scale: IndicatorScale;
  evidenceHints: string[];
  /** The value the framework uses when the indicator is left out (Pemdi "dianggap 1"), or null. */
  defaultValue: string | null;
}

function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function scaleOf(node: FrameworkNode): IndicatorScale | null {
  const scale = node.scale;
  if (scale?.type === 'levels') {
    const levels = [...scale.levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, name: l.name, criteria: l.criteria ?? '' }));
    const first = levels[0];
    const last = levels[levels.length - 1];
    if (first === undefined || last === undefined) return null;
    return { type: 'levels', min: String(first.level), max: String(last.level), levels, places: 0 };
  }
  if (scale?.type === 'decimal') {
    const places = Math.max(DEFAULT_DECIMAL_PLACES, placesOf(scale.min), placesOf(scale.max));
    return { type: 'decimal', min: scale.min, max: scale.max, levels: [], places };
  }
  return null;
}

/**
 * Every indicator of a values framework (levels or decimal scale), in file order. Leaves of other
 * scales (IID parameters, IKM answers) are not self-assessed item by item and are left out.
 */
export function listIndicators(framework: Framework): Indicator[] {
  const out: Indicator[] = [];
  const visit = (node: FrameworkNode, ancestors: FrameworkNode[]) => {
    const children = node.children ?? [];
    if (children.length === 0) {
      const scale = scaleOf(node);
      if (scale === null) return;
      const below = ancestors.slice(1);
      out.push({
        id: node.id,
        name: node.name,
        path: below.map((a) => a.name),
        pathIds: below.map((a) => a.id),
        weight: node.weight ?? null,
        scale,
        evidenceHints: node.evidenceHints ?? [],
        defaultValue: node.whenMissing?.value ?? null,
      });
      return;
    }
    for (const child of children) visit(child, [...ancestors, node]);
  };
  visit(framework.root, []);
  return out;
}

/** The indicators by id. */
export function indicatorsById(framework: Framework): Map<string, Indicator> {
  return new Map(listIndicators(framework).map((i) => [i.id, i]));
}

/** The lowest value of the scale, as an exact ratio. */
export function scaleMin(scale: IndicatorScale): Ratio {
  return Ratio.from(scale.min);
}

/** The highest value of the scale, as an exact ratio. */
export function scaleMax(scale: IndicatorScale): Ratio {
  return Ratio.from(scale.max);
}

/** The level whose number is `value`, if the scale has levels and the value is one of them. */
export function levelAt(scale: IndicatorScale, value: Ratio): IndicatorLevel | undefined {
  return scale.levels.find((l) => Ratio.int(l.level).eq(value));
}

/** Compares indicator ids the way people read them: "2" before "10", "2a" before "2b". */
export function compareIndicatorIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
