/**
 * Ranks for the national roll-up: higher is better, exact decimals compared as decimals, ties share
 * a rank and the next rank skips (1, 1, 3: the "standard competition" ranking the ministries publish).
 * A region without the figure has no rank, and does not push anyone down. Pure.
 */
import { Dec } from '#domain/scoring/decimal.ts';

/** Ranks by value, highest first, within each group (the cluster). Returns key → rank. */
export function rankWithinGroups<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  groupOf: (item: T) => string | null,
  figureOf: (item: T) => string | null,
): Map<string, number> {
  const groups = new Map<string, { key: string; value: Dec }[]>();
  for (const item of items) {
    const group = groupOf(item);
    const value = figureOf(item);
    if (group === null || value === null) continue;
    const list = groups.get(group) ?? [];
    list.push({ key: keyOf(item), value: new Dec(value) });
    groups.set(group, list);
  }
  const ranks = new Map<string, number>();
  for (const list of groups.values()) {
    list.sort((a, b) => b.value.comparedTo(a.value));
    list.forEach((entry, i) => {
      const previous = list[i - 1];
      const rank = previous?.value.equals(entry.value) ? (ranks.get(previous.key) ?? i + 1) : i + 1;
      ranks.set(entry.key, rank);
    });
  }
  return ranks;
}

/** Places moved since last year: positive when the region climbed (rank 5 → 2 is +3); null without both ranks. */
export function rankMovement(rank: number | null, previousRank: number | null): number | null {
  return rank === null || previousRank === null ? null : previousRank - rank;
}

/** The change of a figure since last year, as an exact decimal string with the figure's places; null without both. */
export function valueChange(value: string | null, previous: string | null): string | null {
  if (value === null || previous === null) return null;
  const places = Math.max(value.split('.')[1]?.length ?? 0, previous.split('.')[1]?.length ?? 0);
  return new Dec(value).minus(previous).toFixed(places);
}

/** Counts of regions per bucket of `width` from `from` (the last bucket closes at `to`, inclusive). */
export function histogram(values: readonly string[], from: number, to: number, width: number): { from: string; to: string; count: number }[] {
  const buckets: { from: string; to: string; count: number }[] = [];
  for (let lo = new Dec(from); lo.lessThan(to); lo = lo.plus(width)) {
    const hi = Dec.min(lo.plus(width), to);
    buckets.push({ from: lo.toString(), to: hi.toString(), count: 0 });
  }
  for (const raw of values) {
    const v = new Dec(raw);
    const i = buckets.findIndex(
      (b, n) => v.greaterThanOrEqualTo(b.from) && (v.lessThan(b.to) || (n === buckets.length - 1 && v.lessThanOrEqualTo(b.to))),
    );
    const bucket = buckets[i === -1 ? (v.lessThan(from) ? 0 : buckets.length - 1) : i];
    if (bucket) bucket.count++;
  }
  return buckets;
}
