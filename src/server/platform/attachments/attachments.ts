/**
 * Attachments: the files and links every kind of record carries (an innovation's evidence, an
 * assessment item's evidence, and the complaints, programme reports and competition entries to come).
 *
 * The owning feature decides who may attach what and when, inside its own transaction (it locks or
 * touches its record first); this module does the rest the same way for every owner: check a file by
 * its bytes, refuse the same file or link twice in one slot, store the bytes once per content, record
 * the row and its audit entry, and delete a stored blob only when no attachment of any owner uses it.
 */
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { attachments } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { acceptFile, fileColumns, storeFile, uploadName } from './stored-file.ts';

export { type ReleaseResult, releaseBlob } from './blobs.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** The kinds of record that carry attachments. A new kind is a new name here, nothing else. */
export type OwnerType =
  | 'innovation'
  | 'assessment_item'
  | 'complaint'
  | 'skm_follow_up'
  | 'event'
  | 'competition_entry'
  | 'smartcity_masterplan'
  | 'smartcity_progress'
  | 'assessment_evaluation'
  | 'council_decree'
  | 'council_meeting'
  | 'action_plan_task'
  | 'iid_period';

/** One record that carries attachments, in its region. */
export interface AttachmentOwner {
  regionCode: string;
  ownerType: OwnerType;
  ownerId: string;
}

/**
 * How the owning feature names the change in the audit log: `extra` joins the attachment's own view
 * (its owner's ids in the feature's terms), `after` says what else the change did to the owner.
 */
export interface AttachmentAudit {
  action: string;
  entityType: string;
  extra?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

const ofOwner = (owner: AttachmentOwner): SQL | undefined =>
  and(eq(attachments.regionCode, owner.regionCode), eq(attachments.ownerType, owner.ownerType), eq(attachments.ownerId, owner.ownerId));

/** The attachments of some records of one kind in a region, oldest first; `slotPrefix` narrows to slots such as `sid.`. */
export async function listAttachments(
  db: DbOrTx,
  regionCode: string,
  ownerType: OwnerType,
  ownerIds: readonly string[],
  options: { slotPrefix?: string } = {},
): Promise<AttachmentRow[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.regionCode, regionCode),
        eq(attachments.ownerType, ownerType),
        inArray(attachments.ownerId, [...ownerIds]),
        options.slotPrefix === undefined ? undefined : like(attachments.slot, `${options.slotPrefix.replace(/[\\%_]/g, '\\$&')}%`),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function findAttachment(db: DbOrTx, owner: AttachmentOwner, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(ofOwner(owner), eq(attachments.id, id)));
  return row;
}

function auditView(row: AttachmentRow) {
  return {
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    slot: row.slot,
    kind: row.kind,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    url: row.url,
  };
}

async function hasSame(tx: DbOrTx, owner: AttachmentOwner, slot: string, what: { sha256: string } | { url: string }): Promise<boolean> {
  const [row] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(ofOwner(owner), eq(attachments.slot, slot), 'sha256' in what ? eq(attachments.sha256, what.sha256) : eq(attachments.url, what.url)))
    .limit(1);
  return row !== undefined;
}

export interface FileUpload {
  fileName: string;
  title?: string | undefined;
  data: Buffer;
}

/**
 * Attaches a file, inside the owner's transaction (after the owner checked who may attach, so a caller
 * who may not touch the record learns nothing about the file): checked by its bytes, refused when the
 * same content is already in the slot, stored once per content under the blob's lock, audited.
 */
export async function attachFile(
  tx: DbOrTx,
  ctx: ServiceContext,
  storage: BlobStorage,
  target: AttachmentOwner & { slot: string },
  upload: FileUpload,
  limits: { maxUploadBytes: number },
  audit: AttachmentAudit,
): Promise<AttachmentRow> {
  const file = acceptFile(uploadName(upload.fileName, upload.title), upload.data, limits.maxUploadBytes);
  if (await hasSame(tx, target, target.slot, { sha256: file.sha256 })) {
    throw new AppError('ATTACHMENT_DUPLICATE', { issues: [{ field: 'file', reason: 'Berkas yang sama sudah dilampirkan di bagian ini' }] });
  }
  await storeFile(tx, storage, file);
  return insertAttachment(tx, ctx, target, fileColumns(file), audit);
}

/** Attaches a link (a video, a news article); nothing is fetched or stored. */
export async function attachLink(
  tx: DbOrTx,
  ctx: ServiceContext,
  target: AttachmentOwner & { slot: string },
  link: { title: string; url: string },
  audit: AttachmentAudit,
): Promise<AttachmentRow> {
  if (await hasSame(tx, target, target.slot, { url: link.url })) {
    throw new AppError('ATTACHMENT_DUPLICATE', { issues: [{ field: 'body.url', reason: 'Tautan yang sama sudah dilampirkan di bagian ini' }] });
  }
  return insertAttachment(tx, ctx, target, { kind: 'link', title: link.title, url: link.url }, audit);
}

async function insertAttachment(
  tx: DbOrTx,
  ctx: ServiceContext,
  target: AttachmentOwner & { slot: string },
  columns: Omit<typeof attachments.$inferInsert, 'regionCode' | 'ownerType' | 'ownerId' | 'slot'>,
  audit: AttachmentAudit,
): Promise<AttachmentRow> {
  const [created] = await tx
    .insert(attachments)
    .values({
      ...columns,
      regionCode: target.regionCode,
      ownerType: target.ownerType,
      ownerId: target.ownerId,
      slot: target.slot,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  if (!created) throw new AppError('INTERNAL');
  await recordAudit(tx, ctx, {
    action: audit.action,
    entityType: audit.entityType,
    entityId: created.id,
    regionCode: target.regionCode,
    after: { ...auditView(created), ...audit.extra, ...audit.after },
  });
  return created;
}

/**
 * Removes one attachment of the owner inside the owner's transaction (404 when it is not the owner's).
 * Call `releaseBlob` with the returned row's storage key after the transaction committed.
 */
export async function detachAttachment(
  tx: DbOrTx,
  ctx: ServiceContext,
  owner: AttachmentOwner,
  id: string,
  audit: AttachmentAudit,
): Promise<AttachmentRow> {
  const row = await findAttachment(tx, owner, id);
  if (!row) throw new AppError('NOT_FOUND');
  return removeAttachment(tx, ctx, row, audit);
}

/** Removes an attachment the caller already found (with `findAttachment`, in the same transaction). */
export async function removeAttachment(tx: DbOrTx, ctx: ServiceContext, row: AttachmentRow, audit: AttachmentAudit): Promise<AttachmentRow> {
  await tx.delete(attachments).where(and(eq(attachments.regionCode, row.regionCode), eq(attachments.id, row.id)));
  await recordAudit(tx, ctx, {
    action: audit.action,
    entityType: audit.entityType,
    entityId: row.id,
    regionCode: row.regionCode,
    before: { ...auditView(row), ...audit.extra },
    ...(audit.after ? { after: audit.after } : {}),
  });
  return row;
}

/** Copies every attachment of one record to another (a carried-over innovation shares its files: same blobs, new rows). */
export async function copyAttachments(tx: DbOrTx, from: AttachmentOwner, to: AttachmentOwner, at: Date): Promise<number> {
  const rows = await tx.select().from(attachments).where(ofOwner(from));
  if (rows.length === 0) return 0;
  await tx.insert(attachments).values(
    rows.map(({ id: _id, regionCode: _r, ownerType: _t, ownerId: _o, createdAt: _c, ...rest }) => ({
      ...rest,
      createdAt: at,
      regionCode: to.regionCode,
      ownerType: to.ownerType,
      ownerId: to.ownerId,
    })),
  );
  return rows.length;
}

/** A stored file to send: its row (type, size, name) and a stream of its bytes. Links have no content (404). */
export async function openAttachment(
  db: DbOrTx,
  storage: BlobStorage,
  owner: AttachmentOwner,
  id: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  const row = await findAttachment(db, owner, id);
  if (row?.kind !== 'file' || !row.storageKey || !row.mimeType) throw new AppError('NOT_FOUND');
  if (!(await storage.exists(row.storageKey))) {
    throw new AppError('INTERNAL', { detail: `stored file ${row.storageKey} of attachment ${row.id} is missing` });
  }
  return { row: { ...row, mimeType: row.mimeType, storageKey: row.storageKey }, stream: await storage.get(row.storageKey) };
}

/** The shape of one attachment in every API answer (`target` is the slot, as the evidence API named it). */
export function presentAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    target: row.slot,
    kind: row.kind as 'file' | 'link',
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
  };
}
