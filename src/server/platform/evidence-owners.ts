/**
 * The records that take evidence for the indices (an innovation's IID indicator slots, an SPBE/Pemdi
 * assessment item) and the one rule each applies before its evidence changes. The owning features
 * (innovations, assessments, the IID's SPD answers) use these for their own uploads; other features use them to attach a
 * document they produce (a survey report, complaint statistics) in one click, under the same rule.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import { type AssessmentStage, isAssessmentStage, isFillOpen, mayTouchUnit } from '#domain/assessments/stages.ts';
import { type InnovationStatus, isOwner, statusAfterEdit } from '#domain/innovations/workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { assessmentItems, assessments, iidAnswers, innovationEvents, innovations, periods } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from './audit.ts';
import { findInnovation } from './records.ts';

export interface InnovationEvidenceOwner {
  regionCode: string;
  innovationId: string;
}

/** The innovation as the caller may see it (operators: their own unit only), or 404. */
export async function visibleInnovation(db: DbOrTx, actor: Actor, where: InnovationEvidenceOwner) {
  const found = await findInnovation(db, where.regionCode, where.innovationId, actor);
  if (!found) throw new AppError('NOT_FOUND');
  return found.innovation;
}

/**
 * Opens a change to an innovation's evidence: only its owner, only while it is editable. Touches the
 * innovation (which also locks its row until the transaction ends, so a concurrent submit waits) and,
 * when it was verified, sends it back for review with a timeline event, as an edit of its profile does.
 * When the evidence is an IID indicator's (`slot` sid.N), that indicator's verification goes back to
 * pending too: the verifier accepted the level on the evidence that was there.
 */
export async function beginInnovationEvidenceChange(ctx: ServiceContext, tx: DbOrTx, where: InnovationEvidenceOwner, what: string, slot?: string) {
  const row = await visibleInnovation(tx, ctx.actor, where);
  const status = row.status as InnovationStatus;
  if (!isOwner(ctx.actor, { status, regionCode: row.regionCode, unitId: row.unitId })) throw new AppError('FORBIDDEN');
  const next = statusAfterEdit(status);
  if (next === null) throw new AppError('INNOVATION_EVIDENCE_LOCKED');
  const isSentBack = next !== status;
  const [touched] = await tx
    .update(innovations)
    .set({ status: next, updatedAt: ctx.now, ...(isSentBack ? { version: row.version + 1 } : {}) })
    // Conditional on the status read: a workflow step committed in between makes this a stale change.
    .where(and(eq(innovations.id, row.id), eq(innovations.regionCode, row.regionCode), eq(innovations.status, status)))
    .returning({ id: innovations.id });
  if (!touched) throw new AppError('STALE_VERSION');
  if (isSentBack) {
    await tx.insert(innovationEvents).values({
      innovationId: row.id,
      regionCode: row.regionCode,
      at: ctx.now,
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      action: 'edited_after_verification',
      fromStatus: status,
      toStatus: next,
      note: what,
    });
  }
  if (slot !== undefined) await resetIidIndicator(ctx, tx, { regionCode: row.regionCode, periodId: row.periodId, innovationId: row.id }, slot);
  return { status, next };
}

/** SID evidence slots are `sid.<indicator>`; other slots (umum, anggaran, a profile field) belong to no indicator. */
const SID_SLOT = /^sid\.(.+)$/;

async function resetIidIndicator(
  ctx: ServiceContext,
  tx: DbOrTx,
  where: { regionCode: string; periodId: string; innovationId: string },
  slot: string,
) {
  const indicatorId = SID_SLOT.exec(slot)?.[1];
  if (indicatorId === undefined) return;
  await resetIidAnswer(ctx, tx, { ...where, indicatorId });
}

/** Puts one IID answer (SID of an innovation, or SPD when `innovationId` is null) back to pending, audited. */
async function resetIidAnswer(
  ctx: ServiceContext,
  tx: DbOrTx,
  where: { regionCode: string; periodId: string; innovationId: string | null; indicatorId: string },
) {
  const [before] = await tx
    .select()
    .from(iidAnswers)
    .where(
      and(
        eq(iidAnswers.regionCode, where.regionCode),
        eq(iidAnswers.periodId, where.periodId),
        where.innovationId === null ? isNull(iidAnswers.innovationId) : eq(iidAnswers.innovationId, where.innovationId),
        eq(iidAnswers.indicatorId, where.indicatorId),
        ne(iidAnswers.verification, 'pending'),
      ),
    )
    .for('update');
  if (before === undefined) return;
  await tx
    .update(iidAnswers)
    .set({
      verification: 'pending',
      verifiedLevel: null,
      verifierNote: null,
      version: before.version + 1,
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
    })
    .where(and(eq(iidAnswers.id, before.id), eq(iidAnswers.regionCode, where.regionCode)));
  await recordAudit(tx, ctx, {
    action: where.innovationId === null ? 'iid.spd.reset' : 'iid.answer.reset',
    entityType: 'iid_answer',
    entityId: before.id,
    regionCode: where.regionCode,
    before: { verification: before.verification, verifiedLevel: before.verifiedLevel, verifierNote: before.verifierNote },
    after: { innovationId: where.innovationId, indicatorId: where.indicatorId, verification: 'pending', reason: 'evidence changed' },
  });
}

export interface SpdEvidenceOwner {
  regionCode: string;
  periodId: string;
}

/** SPD evidence slots are `spd.<indicator>`: the period carries the region-level answers' evidence. */
export const spdEvidenceSlot = (indicatorId: string) => `spd.${indicatorId}`;
const SPD_SLOT = /^spd\.(.+)$/;

/**
 * Opens a change to the evidence of an SPD (region-level) indicator of a period: the period exists in
 * the region (404), the caller may fill the period's answers (403), and the period row is locked for
 * the change. The indicator's verification goes back to pending, as for an innovation's indicator:
 * the verifier accepted the level on the evidence that was there (SIMONDA's own rule).
 */
export async function beginSpdEvidenceChange(ctx: ServiceContext, tx: DbOrTx, where: SpdEvidenceOwner, slot: string) {
  const [period] = await tx
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.regionCode, where.regionCode), eq(periods.id, where.periodId)))
    .for('update');
  if (!period) throw new AppError('NOT_FOUND');
  if (!can(ctx.actor, 'periods.write', where.regionCode)) throw new AppError('FORBIDDEN');
  const indicatorId = SPD_SLOT.exec(slot)?.[1];
  if (indicatorId !== undefined) await resetIidAnswer(ctx, tx, { ...where, innovationId: null, indicatorId });
}

export interface AssessmentItemRef {
  regionCode: string;
  assessmentId: string;
  itemId: string;
}

export function assessmentStageOf(row: { id: string; stage: string }): AssessmentStage {
  if (!isAssessmentStage(row.stage)) throw new AppError('INTERNAL', { detail: `assessment ${row.id} has unknown stage ${row.stage}` });
  return row.stage;
}

/**
 * Opens a change to an assessment item (its value or its evidence): the item exists in the region
 * (404), belongs to the caller's unit unless the caller manages (403), and the assessment is in
 * penilaian mandiri (409). The assessment row is share-locked so a stage change waits for this one,
 * and the item row is locked for the change.
 */
export async function beginAssessmentItemFill(ctx: ServiceContext, tx: DbOrTx, ref: AssessmentItemRef) {
  const [assessment] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, ref.regionCode), eq(assessments.id, ref.assessmentId)))
    .for('share');
  if (!assessment) throw new AppError('NOT_FOUND');
  const [item] = await tx
    .select()
    .from(assessmentItems)
    .where(
      and(eq(assessmentItems.regionCode, ref.regionCode), eq(assessmentItems.assessmentId, ref.assessmentId), eq(assessmentItems.id, ref.itemId)),
    )
    .for('update');
  if (!item) throw new AppError('NOT_FOUND');
  if (!mayTouchUnit(ctx.actor, ref.regionCode, item.unitId)) {
    throw new AppError('FORBIDDEN', { detail: 'operators fill only the items assigned to their unit' });
  }
  const stage = assessmentStageOf(assessment);
  if (!isFillOpen(stage)) {
    throw new AppError('ASSESSMENT_FILL_CLOSED', {
      issues: [{ field: 'stage', reason: `Pengisian hanya pada tahap penilaian mandiri; penilaian ini pada tahap ${stage}` }],
    });
  }
  return { assessment, item };
}
