/**
 * The assessor's result of a yearly evaluation (hasil evaluasi): findings overall and per pillar, who
 * evaluated, and the letter (number, date, the document). The scores are the assessment items' verified
 * values, so recording a result never changes an index; the figures come from platform/evaluations.ts,
 * which the masterplan page reads too. Recorded by those who verify assessments, once the
 * self-assessment has reached verification (a result of an unsubmitted self-assessment means nothing).
 */
import { and, eq } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import { pillarsOf } from '#domain/assessments/evaluation.ts';
import type { z } from 'zod';
import type { AssessmentEvaluation, EvaluationInput, evaluationInput } from '#shared/api/evaluations.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { assessmentEvaluations, assessments } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  attachFile,
  detachAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
} from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { type EvaluationRow, findEvaluationRow, LETTER_SLOT, loadAssessmentEvaluation } from '#server/platform/evaluations.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';

export type { EvaluationInput };
type ParsedInput = z.output<typeof evaluationInput>;

const canRecord = (actor: Actor, regionCode: string) => can(actor, 'assessments.verify', regionCode);

export async function loadEvaluation(db: Db, actor: Actor, regionCode: string, assessmentId: string): Promise<AssessmentEvaluation> {
  if (!can(actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  return loadAssessmentEvaluation(db, regionCode, assessmentId, canRecord(actor, regionCode));
}

function auditOf(row: Pick<EvaluationRow, 'evaluator' | 'findings' | 'pillarFindings' | 'letterNumber' | 'letterDate'>) {
  return {
    evaluator: row.evaluator,
    findings: row.findings,
    pillarFindings: row.pillarFindings,
    letterNumber: row.letterNumber,
    letterDate: row.letterDate,
  };
}

/** Locks the assessment against a stage change and checks that a result may be recorded now. */
async function beginRecording(tx: DbOrTx, regionCode: string, assessmentId: string) {
  const [assessment] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.id, assessmentId)))
    .for('share');
  if (!assessment) throw new AppError('NOT_FOUND');
  if (assessment.stage === 'mandiri') {
    throw new AppError('ASSESSMENT_EVALUATION_CLOSED', {
      issues: [{ field: 'stage', reason: 'Penilaian masih pada tahap penilaian mandiri; ajukan ke tahap verifikasi dahulu' }],
    });
  }
  return assessment;
}

/** Records or edits the assessor's result (with the version loaded; null the first time). */
export async function recordEvaluation(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  input: ParsedInput,
): Promise<AssessmentEvaluation> {
  if (!canRecord(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const assessment = await beginRecording(tx, regionCode, assessmentId);
    const loaded = await loadFrameworkVersion(tx, regionCode, assessment.frameworkVersionId);
    if (!loaded) throw new AppError('INTERNAL', { detail: `framework version ${assessment.frameworkVersionId} is not visible to ${regionCode}` });
    const pillars = new Set(pillarsOf(loaded.framework).map((p) => p.id));

    const issues: { field: string; reason: string }[] = [];
    const seen = new Set<string>();
    input.pillarFindings.forEach((f, n) => {
      if (!pillars.has(f.pillarId))
        issues.push({ field: `body.pillarFindings.${n}.pillarId`, reason: `Pilar ${f.pillarId} tidak ada dalam kerangka penilaian ini` });
      else if (seen.has(f.pillarId))
        issues.push({ field: `body.pillarFindings.${n}.pillarId`, reason: `Pilar ${f.pillarId} disebut lebih dari sekali` });
      seen.add(f.pillarId);
    });
    if ((input.letterNumber === null) !== (input.letterDate === null)) {
      issues.push(
        input.letterNumber === null
          ? { field: 'body.letterNumber', reason: 'Nomor surat wajib diisi bila tanggal surat diisi' }
          : { field: 'body.letterDate', reason: 'Tanggal surat wajib diisi bila nomor surat diisi' },
      );
    }
    if (input.letterDate !== null) {
      const date = new Date(`${input.letterDate}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.letterDate) {
        issues.push({ field: 'body.letterDate', reason: 'Tanggal surat tidak valid' });
      } else if (date.getUTCFullYear() < assessment.year) {
        issues.push({ field: 'body.letterDate', reason: `Tanggal surat tidak boleh sebelum tahun evaluasi ${assessment.year}` });
      } else if (input.letterDate > ctx.now.toISOString().slice(0, 10)) {
        issues.push({ field: 'body.letterDate', reason: 'Tanggal surat tidak boleh di masa depan' });
      }
    }
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });

    const values = {
      evaluator: input.evaluator,
      findings: input.findings,
      // Blank pillar findings are not kept: "no finding" and "not written" read the same.
      pillarFindings: input.pillarFindings.filter((f) => f.findings !== ''),
      letterNumber: input.letterNumber,
      letterDate: input.letterDate,
    };
    const existing = await findEvaluationRow(tx, regionCode, assessmentId, true);
    if (!existing) {
      if (input.version !== null) throw new AppError('STALE_VERSION');
      const [created] = await tx
        .insert(assessmentEvaluations)
        .values({ regionCode, assessmentId, ...values, createdBy: ctx.actor.id, updatedBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
        .onConflictDoNothing()
        .returning();
      // Another assessor recorded it at the same moment: theirs stands, this one reloads.
      if (!created) throw new AppError('STALE_VERSION');
      await recordAudit(tx, ctx, {
        action: 'assessment_evaluation.recorded',
        entityType: 'assessment',
        entityId: assessmentId,
        regionCode,
        after: { year: assessment.year, frameworkId: assessment.frameworkId, ...auditOf(created) },
      });
      return;
    }
    if (input.version !== existing.version) throw new AppError('STALE_VERSION');
    const [updated] = await tx
      .update(assessmentEvaluations)
      .set({ ...values, version: existing.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now })
      .where(and(eq(assessmentEvaluations.id, existing.id), eq(assessmentEvaluations.version, existing.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'assessment_evaluation.updated',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      before: auditOf(existing),
      after: auditOf(updated),
    });
  });
  return loadEvaluation(ctx.db, ctx.actor, regionCode, assessmentId);
}

const letterOwner = (regionCode: string, evaluationId: string) => ({
  regionCode,
  ownerType: 'assessment_evaluation' as const,
  ownerId: evaluationId,
});

/**
 * Attaches the letter document (PDF or image, checked by its bytes); a new letter replaces the old one,
 * whose stored file goes once nothing else uses it.
 */
export async function uploadEvaluationLetter(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  regionCode: string,
  assessmentId: string,
  upload: FileUpload,
): Promise<AssessmentEvaluation> {
  if (!canRecord(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  const replaced = await ctx.db.transaction(async (tx) => {
    await beginRecording(tx, regionCode, assessmentId);
    const evaluation = await findEvaluationRow(tx, regionCode, assessmentId, true);
    if (!evaluation) {
      throw new AppError('CONFLICT', {
        issues: [{ field: 'file', reason: 'Simpan hasil evaluasi (nomor dan tanggal surat) sebelum mengunggah suratnya' }],
      });
    }
    const owner = letterOwner(regionCode, evaluation.id);
    const old = await listAttachments(tx, regionCode, 'assessment_evaluation', [evaluation.id]);
    const audit = (action: string) => ({ action, entityType: 'assessment_evaluation_letter', extra: { assessmentId } });
    const removed = [];
    for (const o of old) removed.push(await detachAttachment(tx, ctx, owner, o.id, audit('assessment_evaluation.letter_removed')));
    await attachFile(tx, ctx, storage, { ...owner, slot: LETTER_SLOT }, upload, limits, audit('assessment_evaluation.letter_added'));
    return removed;
  });
  for (const r of replaced) await releaseBlob(ctx.db, storage, r.storageKey);
  return loadEvaluation(ctx.db, ctx.actor, regionCode, assessmentId);
}

export async function openEvaluationLetter(db: Db, storage: BlobStorage, regionCode: string, assessmentId: string, attachmentId: string) {
  const evaluation = await findEvaluationRow(db, regionCode, assessmentId);
  if (!evaluation) throw new AppError('NOT_FOUND');
  return openAttachment(db, storage, letterOwner(regionCode, evaluation.id), attachmentId);
}

export async function removeEvaluationLetter(
  ctx: ServiceContext,
  storage: BlobStorage,
  regionCode: string,
  assessmentId: string,
  attachmentId: string,
): Promise<ReleaseResult> {
  if (!canRecord(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  const removed = await ctx.db.transaction(async (tx) => {
    await beginRecording(tx, regionCode, assessmentId);
    const evaluation = await findEvaluationRow(tx, regionCode, assessmentId, true);
    if (!evaluation) throw new AppError('NOT_FOUND');
    return detachAttachment(tx, ctx, letterOwner(regionCode, evaluation.id), attachmentId, {
      action: 'assessment_evaluation.letter_removed',
      entityType: 'assessment_evaluation_letter',
      extra: { assessmentId },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}
