/**
 * An innovation's evidence (bukti dukung): files and links in a slot (`umum`, `anggaran`,
 * `profil_bisnis`, a profile field, or an IID indicator such as `sid.16`), kept by the platform's
 * attachments. This file decides who may change them and when, and what a change does to the
 * innovation: only its unit's operator, only while it is editable, a change after verification
 * sends it back for review, and a change to an IID indicator's evidence puts that indicator's
 * verification back to pending.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '#domain/access/roles.ts';
import { isEvidenceTarget } from '#domain/evidence/file-type.ts';
import type { Db } from '#server/db/client.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  attachLink,
  findAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
  removeAttachment,
} from '#server/platform/attachments/attachments.ts';
import { beginInnovationEvidenceChange, type InnovationEvidenceOwner, visibleInnovation } from '#server/platform/evidence-owners.ts';

export type { InnovationEvidenceOwner as EvidenceOwner } from '#server/platform/evidence-owners.ts';
type EvidenceOwner = InnovationEvidenceOwner;

const ownerOf = (where: EvidenceOwner): AttachmentOwner => ({ regionCode: where.regionCode, ownerType: 'innovation', ownerId: where.innovationId });

/** The innovation's new status in the audit entry, when the change sent it back for review. */
const afterOf = (change: { status: string; next: string }) => (change.next !== change.status ? { after: { innovationStatus: change.next } } : {});

function checkTarget(target: string, field: string): void {
  if (!isEvidenceTarget(target)) {
    throw fieldError(field, 'Sasaran bukti tidak dikenal: gunakan umum, anggaran, profil_bisnis, nama isian, atau kode indikator (mis. sid.16)');
  }
}

export type { FileUpload };

/** Checks the bytes, stores them once per content, and records the evidence in its slot. */
export async function addFileEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  where: EvidenceOwner,
  upload: FileUpload & { target: string },
): Promise<AttachmentRow> {
  checkTarget(upload.target, 'query.target');
  return ctx.db.transaction(async (tx) => {
    // Who and which state first: a caller who may not touch the innovation learns nothing about the file.
    // A refusal below rolls this back with everything else.
    const change = await beginInnovationEvidenceChange(
      ctx,
      tx,
      where,
      `Bukti dukung ditambahkan: ${upload.title?.trim() || upload.fileName}`,
      upload.target,
    );
    return attachFile(tx, ctx, storage, { ...ownerOf(where), slot: upload.target }, upload, limits, {
      action: 'evidence.added',
      entityType: 'evidence',
      extra: { innovationId: where.innovationId, target: upload.target },
      ...afterOf(change),
    });
  });
}

export interface LinkInput {
  target: string;
  title: string;
  url: string;
}

/** Records a link (a video, a news article) as evidence; nothing is fetched or stored. */
export async function addLinkEvidence(ctx: ServiceContext, where: EvidenceOwner, input: LinkInput): Promise<AttachmentRow> {
  checkTarget(input.target, 'body.target');
  return ctx.db.transaction(async (tx) => {
    const change = await beginInnovationEvidenceChange(ctx, tx, where, `Tautan bukti dukung ditambahkan: ${input.title}`, input.target);
    return attachLink(tx, ctx, { ...ownerOf(where), slot: input.target }, input, {
      action: 'evidence.added',
      entityType: 'evidence',
      extra: { innovationId: where.innovationId, target: input.target },
      ...afterOf(change),
    });
  });
}

/**
 * Removes one piece of evidence. Its stored blob is deleted only when no other attachment (of any
 * record or region) still uses it, after the removal has committed, under the blob's lock.
 */
export async function removeEvidence(ctx: ServiceContext, storage: BlobStorage, where: EvidenceOwner, evidenceId: string): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    const owner = ownerOf(where);
    const row = await findAttachment(tx, owner, evidenceId);
    // Both refusals are 404: an evidence id of an innovation the caller cannot see is simply not found.
    if (!row) throw new AppError('NOT_FOUND');
    const change = await beginInnovationEvidenceChange(ctx, tx, where, `Bukti dukung dihapus: ${row.title}`, row.slot);
    return removeAttachment(tx, ctx, row, {
      action: 'evidence.removed',
      entityType: 'evidence',
      extra: { innovationId: where.innovationId, target: row.slot },
      ...afterOf(change),
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

export async function listInnovationEvidence(db: Db, actor: Actor, where: EvidenceOwner): Promise<AttachmentRow[]> {
  await visibleInnovation(db, actor, where);
  return listAttachments(db, where.regionCode, 'innovation', [where.innovationId]);
}

/** A stored file to send: its row (type, size, name) and a stream of its bytes. Links have no content. */
export async function openEvidenceContent(
  db: Db,
  actor: Actor,
  storage: BlobStorage,
  where: EvidenceOwner,
  evidenceId: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  await visibleInnovation(db, actor, where);
  return openAttachment(db, storage, ownerOf(where), evidenceId);
}
