/**
 * Small helpers over a framework's node tree, shared by the checks and the engines.
 */
import { Ratio, sumRatios } from './decimal.ts';
import type { Framework, FrameworkNode, Rounding, Scale } from './framework.schema.ts';

export interface Visit {
  node: FrameworkNode;
  parent: FrameworkNode | null;
  /** Where the node sits in the file, e.g. root.children[0].children[2]. */
  path: string;
  depth: number;
}

export function isLeaf(node: FrameworkNode): boolean {
  return node.children === undefined || node.children.length === 0;
}

export function childrenOf(node: FrameworkNode): FrameworkNode[] {
  return node.children ?? [];
}

/** Every node, parents before children, in file order. */
export function walk(root: FrameworkNode): Visit[] {
  const out: Visit[] = [];
  const visit = (node: FrameworkNode, parent: FrameworkNode | null, path: string, depth: number) => {
    out.push({ node, parent, path, depth });
    childrenOf(node).forEach((child, i) => {
      visit(child, node, `${path}.children[${i}]`, depth + 1);
    });
  };
  visit(root, null, 'root', 0);
  return out;
}

export function leaves(root: FrameworkNode): FrameworkNode[] {
  return walk(root)
    .map((v) => v.node)
    .filter(isLeaf);
}

export function weightOf(node: FrameworkNode): Ratio {
  return node.weight === undefined ? Ratio.ONE : Ratio.from(node.weight);
}

/** The rounding rule for a node kind, if the framework publishes that kind rounded. */
export function roundingFor(framework: Framework, kind: string): Rounding | undefined {
  return framework.rounding.find((r) => r.appliesTo.includes(kind));
}

/** Largest value a leaf can take (its score for parameter and count scales). */
export function leafMax(node: FrameworkNode, scale: Scale): Ratio {
  switch (scale.type) {
    case 'levels':
      return scale.levels.reduce((m, l) => m.max(Ratio.int(l.level)), Ratio.int(scale.levels[0]?.level ?? 0));
    case 'parameters': {
      const top = scale.parameters.reduce((m, p) => m.max(Ratio.from(p.points)), Ratio.ZERO);
      return top.mul(weightOf(node));
    }
    case 'decimal':
      return Ratio.from(scale.max);
    case 'likert':
      return scale.options.reduce((m, o) => m.max(Ratio.int(o.value)), Ratio.ZERO);
    case 'count':
      return Ratio.int(scale.cap).mul(Ratio.from(scale.perItem));
  }
}

/** Largest value a node can reach under its aggregation rule. */
export function maxValue(node: FrameworkNode): Ratio {
  if (node.scale !== undefined) return leafMax(node, node.scale);
  const children = childrenOf(node);
  const rule = node.aggregation;
  if (rule === undefined) return Ratio.ZERO;
  switch (rule.rule) {
    case 'sum':
    case 'innovation-average':
      return sumRatios(children.map(maxValue));
    case 'weighted-sum': {
      const multiplier = rule.multiplier === undefined ? Ratio.ONE : Ratio.from(rule.multiplier);
      return sumRatios(children.map((c) => weightOf(c).mul(maxValue(c)))).mul(multiplier);
    }
    case 'weighted-mean': {
      const total = sumRatios(children.map(weightOf));
      if (total.isZero()) return Ratio.ZERO;
      return sumRatios(children.map((c) => weightOf(c).mul(maxValue(c)))).div(total);
    }
    case 'percent-of-max':
      return Ratio.int(100);
  }
}

/** The maximum a percent-of-max node divides by: declared in the file, or computed. */
export function percentBase(node: FrameworkNode): Ratio {
  const rule = node.aggregation;
  if (rule?.rule === 'percent-of-max' && rule.maxScore !== undefined) return Ratio.from(rule.maxScore);
  return sumRatios(childrenOf(node).map(maxValue));
}
