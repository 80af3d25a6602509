/** Queries of the IID projection and answers; every one filters by region in SQL. */
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { iidAnswers, innovations, periods } from '#server/db/schema.ts';
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

/** The region's latest period before `year` (the one innovations are carried over from), if any. */
export async function findPreviousPeriod(db: DbOrTx, regionCode: string, year: number) {
  const [row] = await db
    .select({ id: periods.id, year: periods.year, iidEvidenceRequired: periods.iidEvidenceRequired })
    .from(periods)
    .where(and(eq(periods.regionCode, regionCode), lt(periods.year, year)))
    .orderBy(desc(periods.year))
    .limit(1);
  return row;
}

/** Ids of the previous period's innovations already carried into `periodId`. */
export async function listCarriedIds(db: DbOrTx, regionCode: string, periodId: string): Promise<Set<string>> {
  const rows = await db
    .select({ previousId: innovations.previousId })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId), isNotNull(innovations.previousId)));
  return new Set(rows.flatMap((r) => (r.previousId === null ? [] : [r.previousId])));
}

/** The evidence of the period's SPD answers (owner `iid_period`, slots `spd.<indicator>`). */
export async function listSpdEvidence(db: DbOrTx, regionCode: string, periodId: string) {
  return listAttachments(db, regionCode, 'iid_period', [periodId], { slotPrefix: 'spd.' });
}
