/**
 * Assigning judges (juri) to entries. Hard rules, never broken: a judge never judges an entry of
 * their own unit, an entry or unit they declared a conflict with, (when their categories are
 * restricted) an entry outside those categories, or (when both carry a region, as in a national
 * competition) an entry of their own region. Within the rules each entry gets up to
 * `perEntry` judges and the judges' loads are balanced: no judge has two entries more than
 * another when the rules leave a way to move one.
 *
 * Method: entries with the fewest allowed judges are served first (ties by id), each taking the
 * least-loaded allowed judges (ties by id). Then, while some judge could hand an entry on to a
 * judge with at least two entries less, possibly through a chain of judges (each passing one
 * entry to the next, so only the two ends change load), the chain found by a breadth-first
 * search is applied. Each step lowers the sum of squared loads, so it ends; at the end no such
 * chain exists, which is what "balanced where the conflicts allow" means. Everything is sorted by
 * id and nothing is random, so the same input gives the same assignment.
 */
import type { AssignmentEntry, AssignmentInput, AssignmentJudge, AssignmentResult, Shortfall } from './types.ts';

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether `judge` may judge `entry` under the hard rules. */
export function mayJudge(judge: AssignmentJudge, entry: AssignmentEntry): boolean {
  if (judge.unitId !== null && judge.unitId === entry.unitId) return false;
  if (judge.conflictEntryIds.includes(entry.id)) return false;
  if (judge.conflictUnitIds.includes(entry.unitId)) return false;
  if (judge.categories !== undefined && !judge.categories.includes(entry.category)) return false;
  // Across regions (a national competition) a judge never scores an entry of their own region.
  if (judge.regionCode != null && entry.regionCode != null && judge.regionCode === entry.regionCode) return false;
  return true;
}

export function assignJudges(input: AssignmentInput): AssignmentResult {
  if (!Number.isInteger(input.perEntry) || input.perEntry < 1) throw new RangeError(`perEntry must be a positive integer: ${input.perEntry}`);
  const entries = [...input.entries].sort(byId);
  const judges = [...input.judges].sort(byId);
  assertUniqueIds(entries, 'entry');
  assertUniqueIds(judges, 'judge');

  // allowed[e] = indexes of judges who may judge entry e, in id order.
  const allowed = entries.map((entry) => judges.flatMap((judge, j) => (mayJudge(judge, entry) ? [j] : [])));
  const load = judges.map(() => 0);
  // panel[e] = the judges of entry e (indexes).
  const panel: Set<number>[] = entries.map(() => new Set<number>());

  const order = entries.map((_, e) => e).sort((a, b) => (allowed[a]?.length ?? 0) - (allowed[b]?.length ?? 0) || a - b);
  for (const e of order) {
    const candidates = [...(allowed[e] ?? [])].sort((a, b) => (load[a] ?? 0) - (load[b] ?? 0) || a - b);
    for (const j of candidates.slice(0, input.perEntry)) {
      panel[e]?.add(j);
      load[j] = (load[j] ?? 0) + 1;
    }
  }

  let improved = true;
  while (improved) improved = improveOnce(allowed, panel, load);

  const assignments = entries.flatMap((entry, e) =>
    [...(panel[e] ?? [])].sort((a, b) => a - b).map((j) => ({ entryId: entry.id, judgeId: judges[j]?.id ?? '' })),
  );
  const shortfalls: Shortfall[] = entries.flatMap((entry, e) => {
    const assigned = panel[e]?.size ?? 0;
    return assigned < input.perEntry ? [{ entryId: entry.id, assigned, needed: input.perEntry }] : [];
  });
  return { assignments, shortfalls };
}

function assertUniqueIds(items: { id: string }[], what: string): void {
  for (let i = 1; i < items.length; i++) {
    if (items[i]?.id === items[i - 1]?.id) throw new RangeError(`duplicate ${what} id: ${items[i]?.id}`);
  }
}

/**
 * Finds one chain j0 → j1 → … → jm where each judge passes one of their entries to the next
 * (who may judge it and is not yet on its panel) and load[jm] ≤ load[j0] − 2, and applies it.
 * Starts from the most loaded judges. Returns false when no chain exists.
 */
function improveOnce(allowed: number[][], panel: Set<number>[], load: number[]): boolean {
  const starts = load
    .map((l, j) => ({ l, j }))
    .sort((a, b) => b.l - a.l || a.j - b.j)
    .map((s) => s.j);
  for (const start of starts) {
    const startLoad = load[start] ?? 0;
    // BFS over judges; via[j] = [previous judge, entry moved from previous to j].
    const via = new Map<number, [number, number]>();
    const seen = new Set<number>([start]);
    const queue = [start];
    let target = -1;
    while (queue.length > 0 && target < 0) {
      const from = queue.shift() ?? 0;
      for (let e = 0; e < panel.length && target < 0; e++) {
        if (!panel[e]?.has(from)) continue;
        for (const to of allowed[e] ?? []) {
          if (seen.has(to) || panel[e]?.has(to)) continue;
          seen.add(to);
          via.set(to, [from, e]);
          if ((load[to] ?? 0) <= startLoad - 2) {
            target = to;
            break;
          }
          queue.push(to);
        }
      }
    }
    if (target < 0) continue;
    // Collect the chain first, then move: every move was valid in the state the search saw,
    // and judges on the chain are distinct, so applying them in any order stays valid.
    const moves: { from: number; to: number; entry: number }[] = [];
    let node = target;
    while (node !== start) {
      const step = via.get(node);
      if (step === undefined) break;
      moves.push({ from: step[0], to: node, entry: step[1] });
      node = step[0];
    }
    for (const move of moves) {
      panel[move.entry]?.delete(move.from);
      panel[move.entry]?.add(move.to);
    }
    load[start] = startLoad - 1;
    load[target] = (load[target] ?? 0) + 1;
    return true;
  }
  return false;
}
