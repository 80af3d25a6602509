/**
 * The aggregation rules shared by the weighted-tree and survey engines: how a parent's value
 * follows from its children, how each child's contribution flows to the root, and a sentence
 * saying so. Evaluated over exact ratios; nothing is rounded here.
 */
import { formatId, formatTextId, Ratio, sumRatios } from './decimal.ts';
import type { FrameworkNode } from './framework.schema.ts';
import type { ComputedNode } from './result.ts';
import { childrenOf, isLeaf, weightOf } from './tree.ts';

export interface LeafComputation {
  value: Ratio;
  how: string;
  input?: string | null;
  details?: Record<string, string | number>;
}

interface Aggregated {
  value: Ratio;
  how: string;
  /** d(parent)/d(child): the factor that turns a child's value into its share of the parent. */
  childFactor: (child: FrameworkNode) => Ratio;
}

export function aggregate(node: FrameworkNode, children: ReadonlyArray<{ node: FrameworkNode; value: Ratio }>): Aggregated {
  const rule = node.aggregation;
  const name = node.name;
  switch (rule?.rule) {
    case 'weighted-mean': {
      const weighted = sumRatios(children.map((c) => weightOf(c.node).mul(c.value)));
      const totalWeight = sumRatios(children.map((c) => weightOf(c.node)));
      const value = weighted.div(totalWeight);
      return {
        value,
        how: `${name} = Σ(bobot × nilai) ÷ Σ bobot atas ${children.length} bagian di bawahnya = ${formatId(weighted)} ÷ ${formatId(totalWeight)} = ${formatId(value)}.`,
        childFactor: (child) => weightOf(child).div(totalWeight),
      };
    }
    case 'weighted-sum': {
      const weighted = sumRatios(children.map((c) => weightOf(c.node).mul(c.value)));
      const multiplier = rule.multiplier === undefined ? Ratio.ONE : Ratio.from(rule.multiplier);
      const value = weighted.mul(multiplier);
      const how =
        rule.multiplier === undefined
          ? `${name} = Σ(bobot × nilai) atas ${children.length} bagian = ${formatId(value)}.`
          : `${name} = Σ(bobot × nilai) × ${formatTextId(rule.multiplier)} = ${formatId(weighted)} × ${formatTextId(rule.multiplier)} = ${formatId(value)}.`;
      return { value, how, childFactor: (child) => weightOf(child).mul(multiplier) };
    }
    case 'sum': {
      const value = sumRatios(children.map((c) => c.value));
      return {
        value,
        how: `${name} = jumlah nilai ${children.length} bagian di bawahnya = ${formatId(value)}.`,
        childFactor: () => Ratio.ONE,
      };
    }
    default:
      throw new Error(`Rule ${rule?.rule ?? '(none)'} is not handled by this engine (node ${node.id})`);
  }
}

/**
 * Evaluates a tree whose leaves are given by `leafValue`, returning every node parents-first with
 * its value, contribution factor and computation sentence.
 */
export function evaluateTree(root: FrameworkNode, leafValue: (leaf: FrameworkNode) => LeafComputation): ComputedNode[] {
  const partial = new Map<string, Omit<ComputedNode, 'factor'> & { childFactor?: (c: FrameworkNode) => Ratio }>();

  const compute = (node: FrameworkNode, parentId: string | null): Ratio => {
    if (isLeaf(node)) {
      const leaf = leafValue(node);
      const entry: Omit<ComputedNode, 'factor'> = { node, parentId, value: leaf.value, how: leaf.how };
      if (leaf.input !== undefined) entry.input = leaf.input;
      if (leaf.details !== undefined) entry.details = leaf.details;
      partial.set(node.id, entry);
      return leaf.value;
    }
    const children = childrenOf(node).map((child) => ({ node: child, value: compute(child, node.id) }));
    const aggregated = aggregate(node, children);
    partial.set(node.id, {
      node,
      parentId,
      value: aggregated.value,
      how: aggregated.how,
      childFactor: aggregated.childFactor,
    });
    return aggregated.value;
  };
  compute(root, null);

  const out: ComputedNode[] = [];
  const assign = (node: FrameworkNode, factor: Ratio) => {
    const entry = partial.get(node.id);
    if (entry === undefined) return;
    const { childFactor, ...rest } = entry;
    out.push({ ...rest, factor });
    for (const child of childrenOf(node)) {
      assign(child, childFactor === undefined ? factor : factor.mul(childFactor(child)));
    }
  };
  assign(root, Ratio.ONE);
  return out;
}
