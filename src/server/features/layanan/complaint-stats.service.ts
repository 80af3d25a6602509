/**
 * Complaint statistics as a caller sees them: operators count their unit's complaints only. The
 * counting itself is in platform/figures/complaint-stats.ts, shared with the region's dashboard.
 */
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { complaintStatistics as countComplaints } from '#server/platform/figures/complaint-stats.ts';

export { medianDays, resolutionRate } from '#server/platform/figures/complaint-stats.ts';

export function complaintStatistics(
  db: DbOrTx,
  actor: Actor,
  regionCode: string,
  query: { from?: string | undefined; to?: string | undefined; unitId?: string | undefined },
  now: Date,
) {
  return countComplaints(db, regionCode, query, now, actor.role === 'operator' && actor.unitId ? actor.unitId : null);
}
