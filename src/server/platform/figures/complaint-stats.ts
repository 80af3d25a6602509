/**
 * Complaint statistics for a period (what the SPBE, Pemdi and IID indicators on complaint handling
 * ask for): volume, open and overdue, resolved and resolved within the service time, the resolution
 * rate (selesai ÷ closed) and the median time to resolve, per unit and per category. Exact: rates and
 * medians are decimals rounded half-up once. The complaint statistics page and the region's dashboard
 * both count here, so they agree.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { Dec } from '#domain/scoring/decimal.ts';
import { type ComplaintStatus, isClosed, isOverdue } from '#domain/services/complaint-workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { complaintCategories, complaints, units as unitTable } from '#server/db/schema.ts';

const DAY_MS = 86_400_000;

/** Median of whole milliseconds, in days with one place; null for none. */
export function medianDays(durationsMs: number[]): string | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 === 1 ? new Dec(sorted[mid] ?? 0) : new Dec(sorted[mid - 1] ?? 0).plus(sorted[mid] ?? 0).dividedBy(2);
  return middle.dividedBy(DAY_MS).toFixed(1);
}

/** selesai ÷ closed as a percent with one place; null when nothing is closed yet. */
export function resolutionRate(resolved: number, closed: number): string | null {
  if (closed === 0) return null;
  return new Dec(resolved).times(100).dividedBy(closed).toFixed(1);
}

interface Tally {
  total: number;
  resolved: number;
  overdue: number;
  durations: number[];
}
const emptyTally = (): Tally => ({ total: 0, resolved: 0, overdue: 0, durations: [] });

/** `from`/`to` are whole days (YYYY-MM-DD, inclusive), in UTC+7 (WIB) as the region's offices count them. */
export async function complaintStatistics(
  db: DbOrTx,
  regionCode: string,
  query: { from?: string | undefined; to?: string | undefined; unitId?: string | undefined },
  now: Date,
  /** An operator's unit: they count only the complaints routed to it. */
  onlyUnitId: string | null,
) {
  const from = query.from ? new Date(`${query.from}T00:00:00+07:00`) : undefined;
  const to = query.to ? new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + DAY_MS) : undefined;
  const rows = await db
    .select({
      unitId: complaints.unitId,
      unitName: unitTable.name,
      categoryId: complaints.categoryId,
      categoryName: complaintCategories.name,
      status: complaints.status,
      createdAt: complaints.createdAt,
      closedAt: complaints.closedAt,
      dueAt: complaints.dueAt,
    })
    .from(complaints)
    .innerJoin(unitTable, eq(unitTable.id, complaints.unitId))
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .where(
      and(
        eq(complaints.regionCode, regionCode),
        onlyUnitId ? eq(complaints.unitId, onlyUnitId) : undefined,
        query.unitId ? eq(complaints.unitId, query.unitId) : undefined,
        from ? gte(complaints.createdAt, from) : undefined,
        to ? lt(complaints.createdAt, to) : undefined,
      ),
    );
  const all = emptyTally();
  let closed = 0;
  let resolvedOnTime = 0;
  const units = new Map<string, Tally & { name: string }>();
  const categories = new Map<string, Tally & { name: string }>();
  for (const r of rows) {
    const status = r.status as ComplaintStatus;
    const unit = units.get(r.unitId) ?? { ...emptyTally(), name: r.unitName };
    const category = categories.get(r.categoryId) ?? { ...emptyTally(), name: r.categoryName };
    units.set(r.unitId, unit);
    categories.set(r.categoryId, category);
    const isLate = isOverdue(status, r.dueAt, now);
    if (isClosed(status)) closed++;
    for (const t of [all, unit, category]) {
      t.total++;
      if (isLate) t.overdue++;
      if (status === 'selesai') {
        t.resolved++;
        if (t === all && r.closedAt && r.closedAt.getTime() <= r.dueAt.getTime()) resolvedOnTime++;
        if (r.closedAt) t.durations.push(r.closedAt.getTime() - r.createdAt.getTime());
      }
    }
  }
  const byTotal = <T extends { total: number; name: string }>(a: [string, T], b: [string, T]) =>
    b[1].total - a[1].total || a[1].name.localeCompare(b[1].name, 'id');
  return {
    total: all.total,
    open: all.total - closed,
    closed,
    overdue: all.overdue,
    resolved: all.resolved,
    resolvedOnTime,
    resolutionRate: resolutionRate(all.resolved, closed),
    medianDaysToResolve: medianDays(all.durations),
    byUnit: [...units.entries()].sort(byTotal).map(([unitId, t]) => ({
      unitId,
      unitName: t.name,
      total: t.total,
      resolved: t.resolved,
      overdue: t.overdue,
      medianDaysToResolve: medianDays(t.durations),
    })),
    byCategory: [...categories.entries()].sort(byTotal).map(([categoryId, t]) => ({
      categoryId,
      categoryName: t.name,
      total: t.total,
      resolved: t.resolved,
      overdue: t.overdue,
    })),
  };
}
