/** Queries of the IID projection and answers; every one filters by region in SQL. */
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { iidAnswers, iidSpdFigures, innovations, periods } from '#server/db/schema.ts';
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

export type SpdFigureRow = typeof iidSpdFigures.$inferSelect;
type SpdKey = { regionCode: string; periodId: string; indicatorId: string };
const figureWhere = (key: SpdKey) =>
  and(eq(iidSpdFigures.regionCode, key.regionCode), eq(iidSpdFigures.periodId, key.periodId), eq(iidSpdFigures.indicatorId, key.indicatorId));

/** The figures entered for the period's threshold-defined SPD indicators. */
export async function listSpdFigures(db: DbOrTx, regionCode: string, periodId: string): Promise<SpdFigureRow[]> {
  return db
    .select()
    .from(iidSpdFigures)
    .where(and(eq(iidSpdFigures.regionCode, regionCode), eq(iidSpdFigures.periodId, periodId)));
}

export async function lockSpdFigure(tx: DbOrTx, key: SpdKey): Promise<SpdFigureRow | undefined> {
  const [row] = await tx.select().from(iidSpdFigures).where(figureWhere(key)).for('update');
  return row;
}

export async function deleteSpdFigure(tx: DbOrTx, key: SpdKey): Promise<void> {
  await tx.delete(iidSpdFigures).where(figureWhere(key));
}

/** Writes the figure; the answer row locked by the caller serialises two writers of one indicator. */
export async function upsertSpdFigure(
  tx: DbOrTx,
  key: SpdKey,
  entered: { value: string; source: string; sourceUrl: string | null },
  before: SpdFigureRow | undefined,
  actorId: string,
  now: Date,
): Promise<void> {
  if (before === undefined) {
    await tx.insert(iidSpdFigures).values({ ...key, ...entered, updatedBy: actorId, updatedAt: now });
  } else {
    await tx
      .update(iidSpdFigures)
      .set({ ...entered, version: before.version + 1, updatedBy: actorId, updatedAt: now })
      .where(and(eq(iidSpdFigures.id, before.id), eq(iidSpdFigures.regionCode, key.regionCode)));
  }
}
