/**
 * The lead unit's quarterly report of a programme: KPI realisation per output, budget realised, status
 * (terhambat needs its reason), a note, and evidence files. An operator reports only the programmes
 * their unit leads; the regional admins report any. A quarter is written whole or not at all.
 */
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { isWithinSpan } from '#domain/kota-cerdas/progress.ts';
import type { ProgressStatus } from '#domain/kota-cerdas/dimensions.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { smartcityOutputs, smartcityProgrammes, smartcityProgressFigures, smartcityProgressReports } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentRow,
  attachFile,
  detachAttachment,
  type FileUpload,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
} from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { canReportProgramme } from './kota-cerdas.queries.ts';
import { presentDocument } from './masterplans.service.ts';

export interface QuarterRef {
  regionCode: string;
  programmeId: string;
  year: number;
  quarter: number;
}

export interface ProgressFields {
  status: ProgressStatus;
  obstacle: string | null;
  note: string;
  budgetRealised: string;
  figures: { outputId: string; realised: string }[];
  version?: number | null | undefined;
}

const ENTITY = 'smartcity_progress';
const quarterLabel = (q: QuarterRef) => `${q.year} TW${q.quarter}`;

/**
 * Locks the programme and checks the caller may report it. An operator of another unit is refused with
 * 403: they may read the programme, so its existence is no secret to them.
 */
async function lockReportable(ctx: ServiceContext, tx: DbOrTx, ref: QuarterRef) {
  const [programme] = await tx
    .select()
    .from(smartcityProgrammes)
    .where(and(eq(smartcityProgrammes.regionCode, ref.regionCode), eq(smartcityProgrammes.id, ref.programmeId)))
    .for('update');
  if (!programme) throw new AppError('NOT_FOUND');
  if (!canReportProgramme(ctx.actor, ref.regionCode, programme.leadUnitId)) {
    throw new AppError('FORBIDDEN', { detail: 'only the lead unit of the programme reports its quarters' });
  }
  return programme;
}

export async function reportQuarter(ctx: ServiceContext, ref: QuarterRef, input: ProgressFields): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const programme = await lockReportable(ctx, tx, ref);
    if (!isWithinSpan(ref, programme)) {
      throw fieldError(
        'quarter',
        `Triwulan ${ref.quarter} tahun ${ref.year} di luar masa program (TW${programme.startQuarter} ${programme.startYear} – TW${programme.endQuarter} ${programme.endYear})`,
      );
    }
    const outputs = await tx.select({ id: smartcityOutputs.id }).from(smartcityOutputs).where(eq(smartcityOutputs.programmeId, programme.id));
    const own = new Set(outputs.map((o) => o.id));
    const seen = new Set<string>();
    input.figures.forEach((f, i) => {
      if (!own.has(f.outputId)) throw fieldError(`body.figures.${i}.outputId`, 'Keluaran ini bukan milik program ini');
      if (seen.has(f.outputId)) throw fieldError(`body.figures.${i}.outputId`, 'Realisasi keluaran yang sama tercantum dua kali');
      seen.add(f.outputId);
    });
    const fields = {
      status: input.status,
      obstacle: input.obstacle,
      note: input.note,
      budgetRealised: input.budgetRealised,
    };
    const [current] = await tx
      .select()
      .from(smartcityProgressReports)
      .where(
        and(
          eq(smartcityProgressReports.programmeId, programme.id),
          eq(smartcityProgressReports.year, ref.year),
          eq(smartcityProgressReports.quarter, ref.quarter),
        ),
      );
    let reportId: string;
    if (current) {
      if (input.version != null && input.version !== current.version) throw new AppError('STALE_VERSION');
      await tx
        .update(smartcityProgressReports)
        .set({ ...fields, reportedBy: ctx.actor.id, version: current.version + 1, updatedAt: ctx.now })
        .where(eq(smartcityProgressReports.id, current.id));
      await tx.delete(smartcityProgressFigures).where(eq(smartcityProgressFigures.reportId, current.id));
      reportId = current.id;
    } else {
      const [created] = await tx
        .insert(smartcityProgressReports)
        .values({
          ...fields,
          regionCode: ref.regionCode,
          programmeId: programme.id,
          year: ref.year,
          quarter: ref.quarter,
          reportedBy: ctx.actor.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: smartcityProgressReports.id });
      if (!created) throw new AppError('INTERNAL');
      reportId = created.id;
    }
    if (input.figures.length > 0) {
      await tx.insert(smartcityProgressFigures).values(input.figures.map((f) => ({ reportId, outputId: f.outputId, realised: f.realised })));
    }
    await recordAudit(tx, ctx, {
      action: current ? 'smartcity_progress.updated' : 'smartcity_progress.reported',
      entityType: ENTITY,
      entityId: reportId,
      regionCode: ref.regionCode,
      before: current
        ? { status: current.status, obstacle: current.obstacle, note: current.note, budgetRealised: current.budgetRealised }
        : undefined,
      after: { programmeId: programme.id, quarter: quarterLabel(ref), ...fields, figures: input.figures },
    });
  });
}

/** The report of a quarter, or 404 when the quarter has not been reported. */
async function reportOf(tx: DbOrTx, ref: QuarterRef) {
  const [row] = await tx
    .select({ id: smartcityProgressReports.id })
    .from(smartcityProgressReports)
    .where(
      and(
        eq(smartcityProgressReports.regionCode, ref.regionCode),
        eq(smartcityProgressReports.programmeId, ref.programmeId),
        eq(smartcityProgressReports.year, ref.year),
        eq(smartcityProgressReports.quarter, ref.quarter),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const evidenceOwner = (ref: QuarterRef, reportId: string) => ({
  regionCode: ref.regionCode,
  ownerType: 'smartcity_progress' as const,
  ownerId: reportId,
});

export async function addProgressEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  ref: QuarterRef,
  upload: FileUpload,
) {
  const row = await ctx.db.transaction(async (tx) => {
    await lockReportable(ctx, tx, ref);
    const report = await reportOf(tx, ref);
    return attachFile(tx, ctx, storage, { ...evidenceOwner(ref, report.id), slot: 'bukti' }, upload, limits, {
      action: 'smartcity_progress.evidence_added',
      entityType: 'smartcity_progress_evidence',
      extra: { programmeId: ref.programmeId, quarter: quarterLabel(ref) },
    });
  });
  return presentDocument(row);
}

export async function openProgressEvidence(
  db: Db,
  storage: BlobStorage,
  ref: QuarterRef,
  attachmentId: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  const report = await reportOf(db, ref);
  return openAttachment(db, storage, evidenceOwner(ref, report.id), attachmentId);
}

export async function removeProgressEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  ref: QuarterRef,
  attachmentId: string,
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    await lockReportable(ctx, tx, ref);
    const report = await reportOf(tx, ref);
    return detachAttachment(tx, ctx, evidenceOwner(ref, report.id), attachmentId, {
      action: 'smartcity_progress.evidence_removed',
      entityType: 'smartcity_progress_evidence',
      extra: { programmeId: ref.programmeId, quarter: quarterLabel(ref) },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}
