/**
 * How an item's value reads and which items a filter keeps. Values are decimal text as the API sends
 * them ("3", "2.50"); a level scale names each level.
 */
import type { AssessmentItem } from '../../api/assessments.api.ts';
import { isApiError } from '../../api/http.ts';
import { compareDecimalText } from '../decimal-text.ts';

export const ITEM_FILTERS = ['all', 'mine', 'unfilled', 'pending'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

export function isItemFilter(value: string): value is ItemFilter {
  return (ITEM_FILTERS as readonly string[]).includes(value);
}

/** The level of a level scale whose number equals `value` ("3" or "3.00"), if any. */
export function levelAt(item: Pick<AssessmentItem, 'scale'>, value: string | null) {
  if (value === null) return undefined;
  return item.scale.levels.find((l) => compareDecimalText(String(l.level), value) === 0);
}

export const hasLevels = (item: Pick<AssessmentItem, 'scale'>) => item.scale.type === 'levels' && item.scale.levels.length > 0;

/** Filled and not yet decided by an assessor. */
export const isPendingVerification = (item: AssessmentItem) => item.claimedValue !== null && item.verification === 'pending';

export function matchesFilter(item: AssessmentItem, filter: ItemFilter, myUnitId: string | null): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'mine':
      return myUnitId !== null && item.unitId === myUnitId;
    case 'unfilled':
      return item.claimedValue === null;
    case 'pending':
      return isPendingVerification(item);
  }
}

/** Items in list order, grouped by their path of ancestors (domain › aspect), groups in first-seen order. */
export function groupByPath<T extends { path: string[] }>(items: readonly T[]): { path: string[]; items: T[] }[] {
  const groups = new Map<string, { path: string[]; items: T[] }>();
  for (const item of items) {
    const key = item.path.join('\u0000');
    const group = groups.get(key) ?? { path: item.path, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A refusal's issues as sentences, without the API's field paths (the form shows no such fields). */
export function reasonsOf(error: unknown): { field: string; reason: string }[] {
  return isApiError(error) ? error.issues.map((i) => ({ field: '', reason: i.reason })) : [];
}
