/**
 * An event's materials (the slides, the handouts, a recording's link): attachments of owner `event`,
 * added and removed by whoever manages the event, read by everyone who reads events.
 */
import type { Readable } from 'node:stream';
import type { Db } from '#server/db/client.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  attachLink,
  detachAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  releaseBlob,
} from '#server/platform/attachments/attachments.ts';
import { findEvent } from './events.queries.ts';
import { manageableEvent } from './events.service.ts';

const SLOT = 'materi';
const ownerOf = (regionCode: string, eventId: string): AttachmentOwner => ({ regionCode, ownerType: 'event', ownerId: eventId });
const audit = (eventId: string, action: string) => ({ action, entityType: 'event_material', extra: { eventId } });

export function presentMaterial(row: AttachmentRow) {
  return {
    id: row.id,
    kind: row.kind as 'file' | 'link',
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
  };
}

async function existingEvent(db: Db, regionCode: string, eventId: string) {
  if (!(await findEvent(db, regionCode, eventId))) throw new AppError('NOT_FOUND');
}

export async function listMaterials(db: Db, regionCode: string, eventId: string): Promise<AttachmentRow[]> {
  await existingEvent(db, regionCode, eventId);
  return listAttachments(db, regionCode, 'event', [eventId]);
}

export async function addMaterialFile(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  regionCode: string,
  eventId: string,
  upload: FileUpload,
): Promise<AttachmentRow> {
  return ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    return attachFile(tx, ctx, storage, { ...ownerOf(regionCode, eventId), slot: SLOT }, upload, limits, audit(eventId, 'event.material.added'));
  });
}

export async function addMaterialLink(
  ctx: ServiceContext,
  regionCode: string,
  eventId: string,
  link: { title: string; url: string },
): Promise<AttachmentRow> {
  return ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    return attachLink(tx, ctx, { ...ownerOf(regionCode, eventId), slot: SLOT }, link, audit(eventId, 'event.material.added'));
  });
}

export async function openMaterial(
  db: Db,
  storage: BlobStorage,
  regionCode: string,
  eventId: string,
  id: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  await existingEvent(db, regionCode, eventId);
  return openAttachment(db, storage, ownerOf(regionCode, eventId), id);
}

export async function removeMaterial(ctx: ServiceContext, storage: BlobStorage, regionCode: string, eventId: string, id: string): Promise<void> {
  const removed = await ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    return detachAttachment(tx, ctx, ownerOf(regionCode, eventId), id, audit(eventId, 'event.material.removed'));
  });
  // The stored bytes go once no attachment of any record uses them (after the commit, as everywhere).
  await releaseBlob(ctx.db, storage, removed.storageKey);
}
