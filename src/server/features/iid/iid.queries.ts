/** Queries of the IID projection and answers; every one filters by region in SQL. */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { iidAnswers } from '#server/db/schema.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';
import type { IidAnswerRow } from '#server/platform/figures/iid-projection.ts';

// The projection's own queries live with the projection, which the region's dashboard shares.
export {
  findIidPeriod,
  type IidAnswerRow,
  type IidPeriodRow,
  listPeriodAnswers,
  listProjectedInnovations,
  listSidEvidenceTargets,
  type ProjectedInnovationRow,
} from '#server/platform/figures/iid-projection.ts';

export async function listInnovationAnswers(db: DbOrTx, regionCode: string, periodId: string, innovationId: string): Promise<IidAnswerRow[]> {
  return db
    .select()
    .from(iidAnswers)
    .where(and(eq(iidAnswers.regionCode, regionCode), eq(iidAnswers.periodId, periodId), eq(iidAnswers.innovationId, innovationId)));
}

export async function listSpdAnswers(db: DbOrTx, regionCode: string, periodId: string): Promise<IidAnswerRow[]> {
  return db
    .select()
    .from(iidAnswers)
    .where(and(eq(iidAnswers.regionCode, regionCode), eq(iidAnswers.periodId, periodId), isNull(iidAnswers.innovationId)));
}

/** The evidence attached to an innovation's SID indicators. */
export async function listInnovationSidEvidence(db: DbOrTx, regionCode: string, innovationId: string) {
  return listAttachments(db, regionCode, 'innovation', [innovationId], { slotPrefix: 'sid.' });
}

/** One answer, locked until the transaction ends so two writers of the same answer take turns. */
export async function lockAnswer(
  tx: DbOrTx,
  where: { regionCode: string; periodId: string; innovationId: string | null; indicatorId: string },
): Promise<IidAnswerRow | undefined> {
  const [row] = await tx
    .select()
    .from(iidAnswers)
    .where(
      and(
        eq(iidAnswers.regionCode, where.regionCode),
        eq(iidAnswers.periodId, where.periodId),
        where.innovationId === null ? isNull(iidAnswers.innovationId) : eq(iidAnswers.innovationId, where.innovationId),
        eq(iidAnswers.indicatorId, where.indicatorId),
      ),
    )
    .for('update');
  return row;
}
