import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import { isEvidenceTarget } from '#domain/evidence/file-type.ts';
import { isOwner, statusAfterEdit, type InnovationStatus } from '#domain/innovations/workflow.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { evidence, innovationEvents, innovations } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { findInnovation } from '#server/platform/records.ts';
import { listEvidence } from './innovations.queries.ts';
import { countBlobUsers, lockBlob } from '#server/platform/attachments/blobs.ts';
import { type EvidenceRow, findEvidence, findSameEvidence } from './evidence.queries.ts';
import { acceptFile, fileColumns, storeFile, uploadName } from '#server/platform/attachments/stored-file.ts';

export interface EvidenceOwner {
  regionCode: string;
  innovationId: string;
}

/** The innovation as the caller may see it (operators: their own unit only), or 404. */
async function loadVisible(db: DbOrTx, actor: Actor, where: EvidenceOwner) {
  const found = await findInnovation(db, where.regionCode, where.innovationId, actor);
  if (!found) throw new AppError('NOT_FOUND');
  return found.innovation;
}

/**
 * Opens a change to an innovation's evidence: only its owner, only while it is editable. Touches the
 * innovation (which also locks its row until the transaction ends, so a concurrent submit waits) and,
 * when it was verified, sends it back for review with a timeline event, as `updateInnovation` does.
 */
async function beginEvidenceChange(ctx: ServiceContext, tx: DbOrTx, where: EvidenceOwner, what: string) {
  const row = await loadVisible(tx, ctx.actor, where);
  const status = row.status as InnovationStatus;
  if (!isOwner(ctx.actor, { status, regionCode: row.regionCode, unitId: row.unitId })) throw new AppError('FORBIDDEN');
  const next = statusAfterEdit(status);
  if (next === null) throw new AppError('CONFLICT', { detail: `the evidence of an innovation that is ${status} cannot change` });
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
  return { status, next };
}

function auditView(row: EvidenceRow) {
  return {
    innovationId: row.innovationId,
    target: row.target,
    kind: row.kind,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    url: row.url,
  };
}

function checkTarget(target: string, field: string): void {
  if (!isEvidenceTarget(target)) {
    throw fieldError(field, 'Sasaran bukti tidak dikenal: gunakan umum, anggaran, profil_bisnis, nama isian, atau kode indikator (mis. sid.16)');
  }
}

export interface FileUpload {
  target: string;
  title?: string | undefined;
  fileName: string;
  data: Buffer;
}

/** Checks the bytes, stores them once per content, and records the evidence row. */
export async function addFileEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  where: EvidenceOwner,
  upload: FileUpload,
): Promise<EvidenceRow> {
  checkTarget(upload.target, 'query.target');
  const name = uploadName(upload.fileName, upload.title);
  return ctx.db.transaction(async (tx) => {
    // Who and which state first: a caller who may not touch the innovation learns nothing about the file.
    // A refusal below rolls this back with everything else.
    const change = await beginEvidenceChange(ctx, tx, where, `Bukti dukung ditambahkan: ${name.title}`);
    const file = acceptFile(name, upload.data, limits.maxUploadBytes);
    if (await findSameEvidence(tx, where.regionCode, where.innovationId, upload.target, { sha256: file.sha256 })) {
      throw new AppError('CONFLICT', { issues: [{ field: 'file', reason: 'Berkas yang sama sudah dilampirkan pada bagian ini' }] });
    }
    await storeFile(tx, storage, file);
    const [created] = await tx
      .insert(evidence)
      .values({
        innovationId: where.innovationId,
        regionCode: where.regionCode,
        target: upload.target,
        ...fileColumns(file),
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
      })
      .returning();
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'evidence.added',
      entityType: 'evidence',
      entityId: created.id,
      regionCode: where.regionCode,
      after: { ...auditView(created), ...(change.next !== change.status ? { innovationStatus: change.next } : {}) },
    });
    return created;
  });
}

export interface LinkInput {
  target: string;
  title: string;
  url: string;
}

/** Records a link (a video, a news article) as evidence; nothing is fetched or stored. */
export async function addLinkEvidence(ctx: ServiceContext, where: EvidenceOwner, input: LinkInput): Promise<EvidenceRow> {
  checkTarget(input.target, 'body.target');
  return ctx.db.transaction(async (tx) => {
    const change = await beginEvidenceChange(ctx, tx, where, `Tautan bukti dukung ditambahkan: ${input.title}`);
    if (await findSameEvidence(tx, where.regionCode, where.innovationId, input.target, { url: input.url })) {
      throw new AppError('CONFLICT', { issues: [{ field: 'body.url', reason: 'Tautan yang sama sudah dilampirkan pada bagian ini' }] });
    }
    const [created] = await tx
      .insert(evidence)
      .values({
        innovationId: where.innovationId,
        regionCode: where.regionCode,
        target: input.target,
        kind: 'link',
        title: input.title,
        url: input.url,
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
      })
      .returning();
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'evidence.added',
      entityType: 'evidence',
      entityId: created.id,
      regionCode: where.regionCode,
      after: { ...auditView(created), ...(change.next !== change.status ? { innovationStatus: change.next } : {}) },
    });
    return created;
  });
}

export interface RemovalResult {
  /** Set when the row is gone but its unused blob could not be deleted (harmless; worth a warning). */
  blobCleanupError?: unknown;
}

/**
 * Removes one piece of evidence. Its stored blob is deleted only when no other evidence row (of any
 * innovation or region) still uses it, after the removal has committed, under the blob's lock.
 */
export async function removeEvidence(ctx: ServiceContext, storage: BlobStorage, where: EvidenceOwner, evidenceId: string): Promise<RemovalResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    // Both refusals are 404: an evidence id of an innovation the caller cannot see is simply not found.
    const row = await findEvidence(tx, where.regionCode, where.innovationId, evidenceId);
    if (!row) throw new AppError('NOT_FOUND');
    const change = await beginEvidenceChange(ctx, tx, where, `Bukti dukung dihapus: ${row.title}`);
    await tx.delete(evidence).where(and(eq(evidence.id, row.id), eq(evidence.regionCode, where.regionCode)));
    await recordAudit(tx, ctx, {
      action: 'evidence.removed',
      entityType: 'evidence',
      entityId: row.id,
      regionCode: where.regionCode,
      before: auditView(row),
      ...(change.next !== change.status ? { after: { innovationStatus: change.next } } : {}),
    });
    return row;
  });
  const key = removed.storageKey;
  if (!key) return {};
  try {
    await deleteBlobIfUnused(ctx.db, storage, key);
    return {};
  } catch (err) {
    return { blobCleanupError: err };
  }
}

async function deleteBlobIfUnused(db: Db, storage: BlobStorage, storageKey: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockBlob(tx, storageKey);
    if ((await countBlobUsers(tx, storageKey)) === 0) await storage.delete(storageKey);
  });
}

export async function listInnovationEvidence(db: Db, actor: Actor, where: EvidenceOwner): Promise<EvidenceRow[]> {
  await loadVisible(db, actor, where);
  return listEvidence(db, where.regionCode, where.innovationId);
}

/** A stored file to send: its row (type, size, name) and a stream of its bytes. Links have no content. */
export async function openEvidenceContent(
  db: Db,
  actor: Actor,
  storage: BlobStorage,
  where: EvidenceOwner,
  evidenceId: string,
): Promise<{ row: EvidenceRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  await loadVisible(db, actor, where);
  const row = await findEvidence(db, where.regionCode, where.innovationId, evidenceId);
  if (row?.kind !== 'file' || !row.storageKey || !row.mimeType) throw new AppError('NOT_FOUND');
  if (!(await storage.exists(row.storageKey))) {
    throw new AppError('INTERNAL', { detail: `stored file ${row.storageKey} of evidence ${row.id} is missing` });
  }
  return { row: { ...row, mimeType: row.mimeType, storageKey: row.storageKey }, stream: await storage.get(row.storageKey) };
}
