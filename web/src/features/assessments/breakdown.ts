/**
 * The domains and aspects of an assessment's framework with their published indices. The figures
 * carry every node's index by node id; the names come from the framework's tree (the public framework
 * endpoint), used only when it is the very version the assessment scores with; for any other version
 * (an upload) the rows come from the items themselves, which carry their ancestors' names (`path`) and
 * ids (`pathIds`). Groups of the indicator list find their node by the names.
 */
import type { FrameworkTree, FrameworkTreeNode } from '../../api/assessments.api.ts';

export interface NodeFigure {
  index: string;
  predicate: string | null;
}

export interface BreakdownRow {
  id: string;
  name: string;
  kind: string | null;
  /** 0 for the level below the root (domains in SPBE, aspects in Pemdi). */
  depth: number;
  claimed: NodeFigure | null;
  verified: NodeFigure | null;
}

/** The key of a path of ancestor names, as items carry it. */
export const pathKey = (names: readonly string[]) => names.join('\u0000');

export interface Breakdown {
  rows: BreakdownRow[];
  /** Node id by the names of the node and its ancestors below the root. */
  nodeIdByPath: Map<string, string>;
}

/**
 * Every inner node below the root, in the framework's order, with its figures. Empty when the tree is
 * missing or of another version than the assessment's (an uploaded version under a shipped id).
 */
export function buildBreakdown(
  tree: FrameworkTree | undefined,
  assessment: { frameworkId: string; frameworkVersion: string },
  claimed: Record<string, NodeFigure>,
  verified: Record<string, NodeFigure>,
  items: readonly { path: readonly string[]; pathIds: readonly string[] }[] = [],
): Breakdown {
  const rows: BreakdownRow[] = [];
  const nodeIdByPath = new Map<string, string>();
  if (!tree || tree.id !== assessment.frameworkId || tree.version !== assessment.frameworkVersion) {
    for (const item of items) {
      item.pathIds.forEach((id, depth) => {
        const key = pathKey(item.path.slice(0, depth + 1));
        const name = item.path[depth];
        if (nodeIdByPath.has(key) || name === undefined) return;
        nodeIdByPath.set(key, id);
        rows.push({ id, name, kind: null, depth, claimed: claimed[id] ?? null, verified: verified[id] ?? null });
      });
    }
    return { rows, nodeIdByPath };
  }
  const visit = (node: FrameworkTreeNode, names: string[]) => {
    for (const child of node.children ?? []) {
      if ((child.children ?? []).length === 0) continue;
      const path = [...names, child.name];
      nodeIdByPath.set(pathKey(path), child.id);
      rows.push({
        id: child.id,
        name: child.name,
        kind: child.kind ?? null,
        depth: names.length,
        claimed: claimed[child.id] ?? null,
        verified: verified[child.id] ?? null,
      });
      visit(child, path);
    }
  };
  visit(tree.root, []);
  return { rows, nodeIdByPath };
}
