/**
 * Which of its figures a region publishes on the public national page (open data). A region chooses;
 * until it does it publishes nothing (a figure goes public only by the region's own decision, so the
 * documented default is "none"). The list is data: a new publishable figure is one more entry.
 */
export const PUBLISHABLE_FIGURES = ['innovations', 'iid', 'government_index', 'ikm', 'complaints'] as const;
export type PublishableFigure = (typeof PUBLISHABLE_FIGURES)[number];

/** The default for a region that has not chosen: nothing is published. */
export const DEFAULT_PUBLISHED_FIGURES: readonly PublishableFigure[] = [];

/** The chosen figures in the list's order, without repeats or unknown keys (stored rows may predate a removal). */
export function normalisePublished(figures: readonly string[]): PublishableFigure[] {
  return PUBLISHABLE_FIGURES.filter((f) => figures.includes(f));
}
