/**
 * Claimed, verified and national side by side for a period: the region's index and each innovation's score.
 * The claimed and verified figures are the very ones the period page shows (the same projection), the
 * national ones are the imported validation result; the gap is national minus verified, exact.
 */
import { figureOf } from '#domain/iid/projection.ts';
import { Ratio } from '#domain/scoring/decimal.ts';
import type { NationalComparison } from '#shared/api/iid-national.ts';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { projectPeriodIid } from '#server/platform/figures/iid-projection.ts';
import { findNationalResult } from './iid-national-import.service.ts';
import { findIidPeriod } from './iid.queries.ts';

/** A signed difference with two decimals ("+1.25", "-0.40", "0.00"). */
function gapOf(national: string | null, verified: string): string | null {
  if (national === null) return null;
  const diff = Ratio.from(national).sub(Ratio.from(verified));
  const text = diff.roundHalfUp(2).toFixed(2);
  return diff.isNegative() || diff.isZero() ? text : `+${text}`;
}

export async function getNationalComparison(ctx: ServiceContext, regionCode: string, periodId: string): Promise<NationalComparison> {
  const period = await findIidPeriod(ctx.db, regionCode, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  const [{ projection, rows }, { result, lines }] = await Promise.all([
    projectPeriodIid(ctx.db, regionCode, period),
    findNationalResult(ctx.db, regionCode, periodId),
  ]);
  const claimed = figureOf(projection.claimed);
  const verified = figureOf(projection.verified);
  const national = new Map(lines.map((l) => [l.innovationId, l]));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  // Operators see their own unit's innovations, as on the period page; the index is the region's.
  const isVisible = (unitId: string) => !(ctx.actor.role === 'operator' && ctx.actor.unitId) || unitId === ctx.actor.unitId;
  return {
    periodId: period.id,
    year: period.year,
    region: {
      claimed: { index: claimed.index, predicate: claimed.predicate },
      verified: { index: verified.index, predicate: verified.predicate },
      national: result === undefined ? null : { index: result.nationalIndex, rank: result.nationalRank, predicate: result.predicate },
      gap: gapOf(result?.nationalIndex ?? null, verified.index),
    },
    imported:
      result === undefined
        ? null
        : { at: result.importedAt.toISOString(), fileName: result.fileName, version: result.version, innovationCount: lines.length },
    innovations: projection.innovations
      .filter((i) => isVisible(rowOf.get(i.id)?.unitId ?? ''))
      .map((i) => {
        const n = national.get(i.id);
        return {
          id: i.id,
          name: i.name,
          unitName: rowOf.get(i.id)?.unitName ?? '',
          status: i.status as InnovationStatus,
          claimedScore: i.claimedScore,
          verifiedScore: i.verifiedScore,
          nationalScore: n?.nationalScore ?? null,
          nationalStatus: n?.nationalStatus ?? null,
          nationalNote: n === undefined ? null : n.note || null,
          gap: gapOf(n?.nationalScore ?? null, i.verifiedScore),
        };
      }),
  };
}
