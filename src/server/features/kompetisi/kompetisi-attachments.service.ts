/**
 * An entry's attachments (owner type `competition_entry`): files (slot `umum`, or `sk_inovator` for
 * the SK naming the innovator, which the eligibility rule looks for) and links. Only the entering
 * unit (or an admin) changes them, and only while the proposal is a draft and registration is open;
 * whoever may read the entry may open them.
 */
import type { Readable } from 'node:stream';
import type { DbOrTx } from '#server/db/client.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  attachLink,
  type FileUpload,
  findAttachment,
  openAttachment,
  releaseBlob,
  removeAttachment,
} from '#server/platform/attachments/attachments.ts';
import { findEntry, stagesOf } from './kompetisi.queries.ts';
import { wibDate } from '#domain/schedule/wib.ts';

export interface EntryRef {
  regionCode: string;
  competitionId: string;
  entryId: string;
}

const ownerOf = (ref: EntryRef): AttachmentOwner => ({ regionCode: ref.regionCode, ownerType: 'competition_entry', ownerId: ref.entryId });

function present(row: AttachmentRow) {
  return { id: row.id, kind: row.kind as 'file' | 'link', title: row.title, fileName: row.fileName, url: row.url };
}

async function editable(tx: DbOrTx, ctx: ServiceContext, ref: EntryRef): Promise<void> {
  const found = await findEntry(tx, ref.regionCode, ref.competitionId, ref.entryId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  if (found.entry.status !== 'draft') throw new AppError('COMPETITION_ENTRY_LOCKED');
  const registration = (await stagesOf(tx, ref.competitionId)).find((s) => s.code === 'pendaftaran');
  if (!registration || registration.status === 'dikunci' || wibDate(ctx.now) > registration.endsOn) throw new AppError('COMPETITION_DEADLINE_PASSED');
}

const audit = (ref: EntryRef, action: string) => ({
  action,
  entityType: 'competition_entry_attachment',
  extra: { entryId: ref.entryId, competitionId: ref.competitionId },
});

export async function addEntryFile(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  ref: EntryRef,
  slot: string,
  upload: FileUpload,
) {
  return ctx.db.transaction(async (tx) => {
    await editable(tx, ctx, ref);
    return present(await attachFile(tx, ctx, storage, { ...ownerOf(ref), slot }, upload, limits, audit(ref, 'competition_entry.attachment_added')));
  });
}

export async function addEntryLink(ctx: ServiceContext, ref: EntryRef, link: { title: string; url: string }) {
  return ctx.db.transaction(async (tx) => {
    await editable(tx, ctx, ref);
    return present(await attachLink(tx, ctx, { ...ownerOf(ref), slot: 'umum' }, link, audit(ref, 'competition_entry.attachment_added')));
  });
}

export async function removeEntryAttachment(ctx: ServiceContext, storage: BlobStorage, ref: EntryRef, id: string): Promise<void> {
  const removed = await ctx.db.transaction(async (tx) => {
    await editable(tx, ctx, ref);
    const row = await findAttachment(tx, ownerOf(ref), id);
    if (!row) throw new AppError('NOT_FOUND');
    return removeAttachment(tx, ctx, row, audit(ref, 'competition_entry.attachment_removed'));
  });
  await releaseBlob(ctx.db, storage, removed.storageKey);
}

export async function openEntryFile(
  ctx: ServiceContext,
  storage: BlobStorage,
  ref: EntryRef,
  id: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  const found = await findEntry(ctx.db, ref.regionCode, ref.competitionId, ref.entryId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  // The files live in the entry's own region, which the national admin's scope is not.
  return openAttachment(ctx.db, storage, { ...ownerOf(ref), regionCode: found.entry.regionCode }, id);
}
