/** Queries of the IID projection and answers; every one filters by region in SQL. */
import { and, asc, eq, isNull, like, ne } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { attachments, iidAnswers, innovations, periods, units } from '#server/db/schema.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';

export type IidAnswerRow = typeof iidAnswers.$inferSelect;

/** SID evidence slots are written `sid.<indicator>` (see domain/iid/structure.ts). */
const SID_TARGETS = 'sid.%';

export async function findIidPeriod(db: DbOrTx, regionCode: string, periodId: string) {
  const [row] = await db
    .select({
      id: periods.id,
      regionCode: periods.regionCode,
      year: periods.year,
      iidFrameworkVersionId: periods.iidFrameworkVersionId,
      iidEvidenceRequired: periods.iidEvidenceRequired,
    })
    .from(periods)
    .where(and(eq(periods.regionCode, regionCode), eq(periods.id, periodId)));
  return row;
}

export type IidPeriodRow = NonNullable<Awaited<ReturnType<typeof findIidPeriod>>>;

/** The period's innovations that are not rejected, with what the projection and its warnings need. */
export async function listProjectedInnovations(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .select({
      id: innovations.id,
      name: innovations.name,
      status: innovations.status,
      unitId: innovations.unitId,
      unitName: units.name,
      urusanUtama: innovations.urusanUtama,
      urusanIrisan: innovations.urusanIrisan,
      rancangBangun: innovations.rancangBangun,
      waktuPenerapan: innovations.waktuPenerapan,
      waktuPengembangan: innovations.waktuPengembangan,
      uraianPengembangan: innovations.uraianPengembangan,
    })
    .from(innovations)
    .innerJoin(units, eq(units.id, innovations.unitId))
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId), ne(innovations.status, 'ditolak')))
    .orderBy(asc(innovations.name), asc(innovations.id));
}

export type ProjectedInnovationRow = Awaited<ReturnType<typeof listProjectedInnovations>>[number];

/** Every answer of the period: SPD (innovation null) and SID. */
export async function listPeriodAnswers(db: DbOrTx, regionCode: string, periodId: string): Promise<IidAnswerRow[]> {
  return db
    .select()
    .from(iidAnswers)
    .where(and(eq(iidAnswers.regionCode, regionCode), eq(iidAnswers.periodId, periodId)));
}

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

/** Which SID slots of which innovations of the period have at least one file or link. */
export async function listSidEvidenceTargets(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .selectDistinct({ innovationId: attachments.ownerId, target: attachments.slot })
    .from(attachments)
    .innerJoin(innovations, and(eq(innovations.id, attachments.ownerId), eq(innovations.regionCode, regionCode)))
    .where(
      and(
        eq(attachments.regionCode, regionCode),
        eq(attachments.ownerType, 'innovation'),
        eq(innovations.periodId, periodId),
        like(attachments.slot, SID_TARGETS),
      ),
    );
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
