/**
 * The follow-up plan (rencana tindak lanjut) of a survey period: what will be improved, who is
 * responsible, by when, how far it got and the evidence that it was done. The regulation asks for it
 * to be published with the results; the portal shows it from the latest closed period.
 */
import type { Readable } from 'node:stream';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { FollowUp, FollowUpInput } from '#shared/api/skm.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { attachments, services, skmFollowUps } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  findAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
  removeAttachment,
} from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { loadSkmPeriod, todayInIndonesia } from './skm-periods.service.ts';

export interface FollowUpWhere {
  regionCode: string;
  id: string;
  followUpId: string;
}

type FollowUpRow = typeof skmFollowUps.$inferSelect;

const ownerOf = (where: { regionCode: string; followUpId: string }): AttachmentOwner => ({
  regionCode: where.regionCode,
  ownerType: 'skm_follow_up',
  ownerId: where.followUpId,
});

/** Overdue: past its deadline and not done. */
export function isOverdue(row: { dueOn: string; status: string }, today: string): boolean {
  return row.status !== 'selesai' && row.dueOn < today;
}

function present(row: FollowUpRow & { serviceName: string | null; evidenceCount: number }, today: string): FollowUp {
  return {
    id: row.id,
    periodId: row.periodId,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    unsur: row.unsur,
    action: row.action,
    owner: row.owner,
    dueOn: row.dueOn,
    status: row.status as FollowUp['status'],
    progress: row.progress,
    result: row.result,
    overdue: isOverdue(row, today),
    evidenceCount: row.evidenceCount,
    version: row.version,
  };
}

const evidenceCount = sql<number>`(select count(*)::int from ${attachments} a
  where a.owner_type = 'skm_follow_up' and a.owner_id = "skm_follow_ups"."id" and a.region_code = "skm_follow_ups"."region_code")`;

async function selectFollowUps(db: DbOrTx, regionCode: string, periodId: string, followUpId?: string) {
  return db
    .select({ row: skmFollowUps, serviceName: services.name, evidenceCount })
    .from(skmFollowUps)
    .leftJoin(services, eq(services.id, skmFollowUps.serviceId))
    .where(
      and(
        eq(skmFollowUps.regionCode, regionCode),
        eq(skmFollowUps.periodId, periodId),
        followUpId === undefined ? undefined : eq(skmFollowUps.id, followUpId),
      ),
    )
    .orderBy(asc(skmFollowUps.dueOn), asc(skmFollowUps.createdAt));
}

export async function listFollowUps(db: DbOrTx, regionCode: string, periodId: string, now: Date): Promise<FollowUp[]> {
  await loadSkmPeriod(db, regionCode, periodId);
  const today = todayInIndonesia(now);
  return (await selectFollowUps(db, regionCode, periodId)).map((r) =>
    present({ ...r.row, serviceName: r.serviceName, evidenceCount: r.evidenceCount }, today),
  );
}

async function loadFollowUp(db: DbOrTx, where: FollowUpWhere, now: Date): Promise<FollowUp> {
  const [r] = await selectFollowUps(db, where.regionCode, where.id, where.followUpId);
  if (!r) throw new AppError('NOT_FOUND');
  return present({ ...r.row, serviceName: r.serviceName, evidenceCount: r.evidenceCount }, todayInIndonesia(now));
}

async function checkService(tx: DbOrTx, regionCode: string, serviceId: string | null): Promise<void> {
  if (serviceId === null) return;
  const [found] = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.regionCode, regionCode), eq(services.id, serviceId)));
  if (!found) throw fieldError('body.serviceId', 'Layanan ini tidak ada di daerah ini');
}

const completedAtFor = (status: string, before: Date | null, now: Date) => (status === 'selesai' ? (before ?? now) : null);

export async function createFollowUp(ctx: ServiceContext, regionCode: string, periodId: string, input: FollowUpInput): Promise<FollowUp> {
  const id = await ctx.db.transaction(async (tx) => {
    await loadSkmPeriod(tx, regionCode, periodId);
    await checkService(tx, regionCode, input.serviceId);
    const [created] = await tx
      .insert(skmFollowUps)
      .values({ ...input, regionCode, periodId, completedAt: completedAtFor(input.status, null, ctx.now) })
      .returning({ id: skmFollowUps.id });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'skm_follow_up.created',
      entityType: 'skm_follow_up',
      entityId: created.id,
      regionCode,
      after: { periodId, ...input },
    });
    return created.id;
  });
  return loadFollowUp(ctx.db, { regionCode, id: periodId, followUpId: id }, ctx.now);
}

export async function updateFollowUp(ctx: ServiceContext, where: FollowUpWhere, input: FollowUpInput & { version: number }): Promise<FollowUp> {
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(skmFollowUps)
      .where(and(eq(skmFollowUps.regionCode, where.regionCode), eq(skmFollowUps.periodId, where.id), eq(skmFollowUps.id, where.followUpId)));
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    await checkService(tx, where.regionCode, input.serviceId);
    const { version, ...fields } = input;
    const [updated] = await tx
      .update(skmFollowUps)
      .set({ ...fields, completedAt: completedAtFor(fields.status, current.completedAt, ctx.now), version: version + 1, updatedAt: ctx.now })
      .where(and(eq(skmFollowUps.id, current.id), eq(skmFollowUps.version, version)))
      .returning({ id: skmFollowUps.id });
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'skm_follow_up.updated',
      entityType: 'skm_follow_up',
      entityId: current.id,
      regionCode: where.regionCode,
      before: current,
      after: fields,
    });
  });
  return loadFollowUp(ctx.db, where, ctx.now);
}

/** Deletes an item with its evidence; the stored files go once no attachment uses them. */
export async function deleteFollowUp(ctx: ServiceContext, storage: BlobStorage, where: FollowUpWhere): Promise<{ blobCleanupErrors: unknown[] }> {
  const removed = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(skmFollowUps)
      .where(and(eq(skmFollowUps.regionCode, where.regionCode), eq(skmFollowUps.periodId, where.id), eq(skmFollowUps.id, where.followUpId)));
    if (!current) throw new AppError('NOT_FOUND');
    const files = await listAttachments(tx, where.regionCode, 'skm_follow_up', [current.id]);
    for (const file of files) {
      await removeAttachment(tx, ctx, file, {
        action: 'skm_follow_up.evidence_removed',
        entityType: 'skm_follow_up_evidence',
        extra: { followUpId: current.id },
      });
    }
    await tx.delete(skmFollowUps).where(eq(skmFollowUps.id, current.id));
    await recordAudit(tx, ctx, {
      action: 'skm_follow_up.deleted',
      entityType: 'skm_follow_up',
      entityId: current.id,
      regionCode: where.regionCode,
      before: current,
    });
    return files;
  });
  const errors: unknown[] = [];
  for (const file of removed) {
    const result = await releaseBlob(ctx.db, storage, file.storageKey);
    if (result.blobCleanupError) errors.push(result.blobCleanupError);
  }
  return { blobCleanupErrors: errors };
}

// ---- evidence -----------------------------------------------------------------------------------

/** Locks the item for the change (a concurrent delete waits), or 404. */
async function lockFollowUp(tx: DbOrTx, where: FollowUpWhere): Promise<FollowUpRow> {
  const [row] = await tx
    .select()
    .from(skmFollowUps)
    .where(and(eq(skmFollowUps.regionCode, where.regionCode), eq(skmFollowUps.periodId, where.id), eq(skmFollowUps.id, where.followUpId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function presentEvidence(row: AttachmentRow) {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function addFollowUpEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  where: FollowUpWhere,
  upload: FileUpload,
) {
  const row = await ctx.db.transaction(async (tx) => {
    await lockFollowUp(tx, where);
    return attachFile(tx, ctx, storage, { ...ownerOf(where), slot: 'bukti' }, upload, limits, {
      action: 'skm_follow_up.evidence_added',
      entityType: 'skm_follow_up_evidence',
      extra: { followUpId: where.followUpId, periodId: where.id },
    });
  });
  return presentEvidence(row);
}

export async function listFollowUpEvidence(db: Db, where: FollowUpWhere) {
  await lockFollowUpForRead(db, where);
  return (await listAttachments(db, where.regionCode, 'skm_follow_up', [where.followUpId])).map(presentEvidence);
}

async function lockFollowUpForRead(db: DbOrTx, where: FollowUpWhere): Promise<void> {
  const [row] = await db
    .select({ n: count() })
    .from(skmFollowUps)
    .where(and(eq(skmFollowUps.regionCode, where.regionCode), eq(skmFollowUps.periodId, where.id), eq(skmFollowUps.id, where.followUpId)));
  if (!row || row.n === 0) throw new AppError('NOT_FOUND');
}

export async function openFollowUpEvidence(
  db: Db,
  storage: BlobStorage,
  where: FollowUpWhere & { attachmentId: string },
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  await lockFollowUpForRead(db, where);
  return openAttachment(db, storage, ownerOf(where), where.attachmentId);
}

export async function removeFollowUpEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  where: FollowUpWhere & { attachmentId: string },
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    await lockFollowUp(tx, where);
    const row = await findAttachment(tx, ownerOf(where), where.attachmentId);
    if (!row) throw new AppError('NOT_FOUND');
    return removeAttachment(tx, ctx, row, {
      action: 'skm_follow_up.evidence_removed',
      entityType: 'skm_follow_up_evidence',
      extra: { followUpId: where.followUpId },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

/** The published plan of some periods, for the portal (never the evidence files themselves). */
export async function publishedFollowUps(db: DbOrTx, regionCode: string, periodIds: readonly string[]) {
  if (periodIds.length === 0) return [];
  return db
    .select({
      periodId: skmFollowUps.periodId,
      serviceId: skmFollowUps.serviceId,
      unsur: skmFollowUps.unsur,
      action: skmFollowUps.action,
      dueOn: skmFollowUps.dueOn,
      status: skmFollowUps.status,
      progress: skmFollowUps.progress,
    })
    .from(skmFollowUps)
    .where(and(eq(skmFollowUps.regionCode, regionCode), inArray(skmFollowUps.periodId, [...periodIds])))
    .orderBy(asc(skmFollowUps.dueOn));
}
