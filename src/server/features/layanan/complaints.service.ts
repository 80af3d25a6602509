/**
 * Use cases of a complaint's life: filed by a citizen (the region's form, or an Open311 client) with
 * a tracking code and an optional photo, routed to the category's unit with the category's SLA, moved
 * along the workflow with public status notes, reassigned between units; and the settings around it
 * (categories, Open311 API keys). Every write is audited.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import { detectFileType, PDF } from '#domain/evidence/file-type.ts';
import { type ComplaintStatus, canMove, isClosed, isOverdue, needsReason, open311Status } from '#domain/services/complaint-workflow.ts';
import type { Db } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { appMeta, attachments, complaintCategories, complaintEvents, complaints, open311Clients, regions, services } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import { jsonOf } from '#server/http/json-text.ts';
import type { RequestOrigin, ServiceContext, SessionActor } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { type AttachmentRow, listAttachments, openAttachment } from '#server/platform/attachments/attachments.ts';
import { acceptFile, fileColumns, storeFile, uploadName } from '#server/platform/attachments/stored-file.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { complaintClockWindow, FigureKeep, regionFigureGeneration } from '#server/platform/figures/generations.ts';
import { unitOf } from '#server/platform/records.ts';
import { complaintList } from '#shared/api/complaints.ts';
import { noticeOfComplaintUnit } from './complaint-notices.ts';
import {
  type CategoryView,
  findByTrackingCode,
  findCategory,
  findComplaint,
  findPublicComplaint,
  type ComplaintFilter,
  type InboxRow,
  listComplaints,
  listEvents,
} from './complaints.queries.ts';

/** Who files or changes a complaint: a logged-in officer, or nobody (a citizen, an Open311 client). */
export interface Who {
  db: Db;
  actor: SessionActor | null;
  origin: RequestOrigin | null;
  now: Date;
}

export type ComplaintView = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** How long the form may add photos after filing, and how many. */
export const PHOTO_TOKEN_MINUTES = 60;
export const MAX_PHOTOS = 3;
export const PHOTO_SLOT = 'foto';

// ---- tracking codes and photo tokens --------------------------------------------------------------

/**
 * Read aloud over the phone or copied from a receipt: no 0/O or 1/I to confuse. 32 symbols, so each
 * random byte maps to one without bias; six of them give about a billion codes.
 */
const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
// "ADU" (aduan) reads the same in every region: a code names no city, so one install can serve many.
export const TRACKING_PATTERN = /^ADU-[2-9A-HJ-NP-Z]{6}$/;

export function newTrackingCode(): string {
  const bytes = randomBytes(6);
  let code = '';
  for (const b of bytes) code += TRACKING_ALPHABET[b & 31];
  return `ADU-${code}`;
}

const SECRET_KEY = 'complaint_photo_secret';
const secrets = new WeakMap<object, Promise<Buffer>>();

/**
 * The install's key for photo links, made once and kept in the database so every instance agrees.
 * A photo token is then an HMAC of the complaint's code and filing time: nothing per complaint is stored.
 */
function photoSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      await db
        .insert(appMeta)
        .values({ key: SECRET_KEY, value: { secret: randomBytes(32).toString('hex') } })
        .onConflictDoNothing();
      const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, SECRET_KEY));
      const hex = (row?.value as { secret?: unknown } | undefined)?.secret;
      if (typeof hex !== 'string') throw new AppError('INTERNAL', { detail: 'complaint photo secret is unreadable' });
      return Buffer.from(hex, 'hex');
    })();
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

async function photoToken(db: Db, trackingCode: string, createdAt: Date): Promise<string> {
  const mac = createHmac('sha256', await photoSecret(db));
  return mac.update(`${trackingCode}\n${createdAt.toISOString()}`).digest('base64url');
}

async function isPhotoTokenValid(db: Db, row: { trackingCode: string; createdAt: Date }, token: string | undefined, now: Date) {
  if (!token) return false;
  if (now.getTime() - row.createdAt.getTime() > PHOTO_TOKEN_MINUTES * 60_000) return false;
  const expected = Buffer.from(await photoToken(db, row.trackingCode, row.createdAt));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

// ---- filing ---------------------------------------------------------------------------------------

export interface ComplaintFields {
  categoryId: string;
  serviceId: string | null;
  description: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface Filed {
  id: string;
  trackingCode: string;
  statusUrl: string;
  photoToken: string;
  unitName: string;
  slaDays: number;
  dueAt: Date;
}

export const statusUrlOf = (trackingCode: string) => `/pengaduan/${trackingCode}`;

/**
 * Files a complaint: the category (active, of the region) decides the unit and the due date; the
 * first event says it was received. `fieldOf` names the input fields as the caller's client knows them.
 */
export async function fileComplaint(
  who: Who,
  regionCode: string,
  input: ComplaintFields,
  options: { source: 'web' | 'open311'; apiClientId?: string; fieldOf?: (field: string) => string } = { source: 'web' },
): Promise<Filed> {
  const fieldOf = options.fieldOf ?? ((f: string) => f);
  const [region] = await who.db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new AppError('NOT_FOUND');
  const category = await findCategory(who.db, regionCode, { id: input.categoryId });
  if (!category?.isActive) throw fieldError(fieldOf('categoryId'), 'Kategori pengaduan tidak dikenal atau tidak aktif di daerah ini');
  if (input.serviceId) {
    const [service] = await who.db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.regionCode, regionCode)));
    if (!service) throw fieldError(fieldOf('serviceId'), 'Layanan tidak dikenal di daerah ini');
  }
  const now = who.now;
  const dueAt = new Date(now.getTime() + category.slaDays * 86_400_000);
  const created = await who.db.transaction(async (tx) => {
    let row: { id: string; trackingCode: string } | undefined;
    // A clash of random codes is rare; the unique index decides, and another code is drawn.
    for (let attempt = 0; attempt < 8 && !row; attempt++) {
      [row] = await tx
        .insert(complaints)
        .values({
          regionCode,
          trackingCode: newTrackingCode(),
          categoryId: category.id,
          unitId: category.unitId,
          serviceId: input.serviceId,
          description: input.description,
          address: input.address,
          latitude: input.latitude === null ? null : input.latitude.toFixed(6),
          longitude: input.longitude === null ? null : input.longitude.toFixed(6),
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone,
          source: options.source,
          apiClientId: options.apiClientId ?? null,
          dueAt,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: complaints.trackingCode })
        .returning({ id: complaints.id, trackingCode: complaints.trackingCode });
    }
    if (!row) throw new AppError('INTERNAL', { detail: 'no free tracking code' });
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      action: 'diterima',
      toStatus: 'diterima',
      note: `Pengaduan diterima dan diteruskan ke ${category.unitName}.`,
      isPublic: true,
      unitId: category.unitId,
      actorId: who.actor?.id ?? null,
      createdAt: now,
    });
    // Contact details stay out of the audit log: it is read by more people than the complaint.
    await recordAudit(tx, who, {
      action: 'complaint.created',
      entityType: 'complaint',
      entityId: row.id,
      regionCode,
      after: {
        trackingCode: row.trackingCode,
        categoryId: category.id,
        unitId: category.unitId,
        serviceId: input.serviceId,
        source: options.source,
        apiClientId: options.apiClientId ?? null,
      },
    });
    const routed = { unitId: category.unitId, unitName: category.unitName, categoryName: category.name };
    await noticeOfComplaintUnit(tx, who.actor?.id ?? null, { id: row.id, regionCode, trackingCode: row.trackingCode, dueAt, version: 1, ...routed });
    return row;
  });
  return {
    id: created.id,
    trackingCode: created.trackingCode,
    statusUrl: statusUrlOf(created.trackingCode),
    photoToken: await photoToken(who.db, created.trackingCode, now),
    unitName: category.unitName,
    slaDays: category.slaDays,
    dueAt,
  };
}

/** Adds a photo from the citizen's form: only with the hour-long token, only real images, at most three. */
export async function addComplaintPhoto(
  who: Who,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  trackingCode: string,
  token: string | undefined,
  upload: { fileName: string | undefined; data: Buffer },
): Promise<AttachmentRow> {
  const found = await findByTrackingCode(who.db, trackingCode);
  if (!found) throw new AppError('NOT_FOUND');
  const row = found.row;
  if (!(await isPhotoTokenValid(who.db, row, token, who.now))) throw new AppError('COMPLAINT_PHOTO_TOKEN');
  const detected = detectFileType(upload.data);
  if (upload.data.length > 0 && (detected === null || detected === PDF)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      issues: [{ field: 'file', reason: 'Foto harus berupa gambar PNG, JPEG, WebP atau GIF (diperiksa dari isinya)' }],
    });
  }
  const fileName = upload.fileName?.trim() || `foto.${detected?.extensions[0] ?? 'jpg'}`;
  const file = acceptFile(uploadName(fileName, undefined), upload.data, limits.maxUploadBytes);
  return who.db.transaction(async (tx) => {
    // The complaint's row is locked so two photos sent at once cannot both pass the count.
    await tx.execute(sql`select id from complaints where id = ${row.id} for update`);
    const owner = { regionCode: row.regionCode, ownerType: 'complaint' as const, ownerId: row.id };
    const existing = await listAttachments(tx, row.regionCode, 'complaint', [row.id]);
    if (existing.some((a) => a.sha256 === file.sha256)) {
      throw new AppError('ATTACHMENT_DUPLICATE', { issues: [{ field: 'file', reason: 'Foto yang sama sudah dikirim' }] });
    }
    if (existing.length >= MAX_PHOTOS) throw new AppError('COMPLAINT_PHOTO_LIMIT');
    await storeFile(tx, storage, file);
    const [created] = await tx
      .insert(attachments)
      .values({ ...fileColumns(file), ...owner, slot: PHOTO_SLOT, createdBy: null, createdAt: who.now })
      .returning();
    if (!created) throw new AppError('INTERNAL');
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      action: 'foto',
      note: 'Foto dari pelapor ditambahkan.',
      isPublic: false,
      unitId: row.unitId,
      createdAt: who.now,
    });
    await recordAudit(tx, who, {
      action: 'complaint.photo_added',
      entityType: 'complaint',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { attachmentId: created.id, mimeType: created.mimeType, sizeBytes: created.sizeBytes, sha256: created.sha256 },
    });
    return created;
  });
}

// ---- presenting -----------------------------------------------------------------------------------

/**
 * The inbox's answer, as JSON text, kept while the region's figure generation is unchanged: every write
 * to its complaints, their categories, units or services moves it, so officers refreshing an inbox
 * nobody has touched read one number instead of the page, and the text is not presented, checked
 * against the contract and written again. Each line says whether it is overdue, so the text is kept only
 * until the next due time of an open complaint of the region. The key is the whole question, the
 * operator's unit included.
 */
const keptInboxes = new FigureKeep<string>(500);

export async function complaintInboxJson(db: Db, regionCode: string, actor: Actor, q: ComplaintFilter, now: Date): Promise<string> {
  const generation = await regionFigureGeneration(db, regionCode);
  const key = JSON.stringify([
    regionCode,
    actor.role === 'operator' ? actor.unitId : null,
    q.q,
    q.status,
    q.unitId,
    q.categoryId,
    q.overdue,
    q.sort,
    q.order,
    q.page,
    q.pageSize,
  ]);
  return keptInboxes.through(
    db,
    key,
    generation,
    now,
    async () => {
      const { items, total } = await listComplaints(db, regionCode, actor, q, now);
      return jsonOf(complaintList, { items: items.map((c) => presentComplaintSummary(c, now)), total, page: q.page, pageSize: q.pageSize });
    },
    () => complaintClockWindow(db, regionCode, now),
  );
}

/** A line of the inbox (`complaintSummary`). */
export function presentComplaintSummary(r: InboxRow, now: Date) {
  const status = r.status as ComplaintStatus;
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    unitId: r.unitId,
    unitName: r.unitName,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    description: r.description,
    status,
    duplicateOfCode: r.duplicateOfCode,
    source: r.source as 'web' | 'open311',
    dueAt: r.dueAt.toISOString(),
    overdue: isOverdue(status, r.dueAt, now),
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function presentComplaint(view: ComplaintView, now: Date) {
  const r = view.row;
  const status = r.status as ComplaintStatus;
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    categoryId: r.categoryId,
    categoryName: view.categoryName,
    unitId: r.unitId,
    unitName: view.unitName,
    serviceId: r.serviceId,
    serviceName: view.serviceName,
    description: r.description,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    status,
    statusNote: r.statusNote,
    duplicateOfCode: view.duplicateOfCode,
    source: r.source as 'web' | 'open311',
    dueAt: r.dueAt.toISOString(),
    overdue: isOverdue(status, r.dueAt, now),
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** One complaint as staff see it: with its whole history and its photos. */
export async function loadComplaintDetail(db: Db, actor: Actor, regionCode: string, id: string, now: Date) {
  const view = await findComplaint(db, regionCode, id, actor);
  if (!view) throw new AppError('NOT_FOUND');
  const [events, photos] = await Promise.all([listEvents(db, id), listAttachments(db, regionCode, 'complaint', [id])]);
  return {
    ...presentComplaint(view, now),
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    photos: photos.map((p) => ({ id: p.id, fileName: p.fileName })),
  };
}

/** The citizen's status page: what happened and the public notes, never who filed it or how to reach them. */
export async function loadPublicComplaint(db: Db, trackingCode: string) {
  const r = await findPublicComplaint(db, trackingCode);
  if (!r) throw new AppError('NOT_FOUND');
  const status = r.status as ComplaintStatus;
  return {
    trackingCode: r.trackingCode,
    categoryName: r.categoryName,
    unitName: r.unitName,
    status,
    open311Status: open311Status(status),
    description: r.description,
    address: r.address,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    history: r.history.map(([to, note, at]) => ({ status: (to as ComplaintStatus | null) ?? null, note, at: new Date(at).toISOString() })),
    hasPhoto: r.hasPhoto,
  };
}

export async function openComplaintPhoto(db: Db, actor: Actor, storage: BlobStorage, regionCode: string, id: string, photoId: string) {
  const view = await findComplaint(db, regionCode, id, actor);
  if (!view) throw new AppError('NOT_FOUND');
  return openAttachment(db, storage, { regionCode, ownerType: 'complaint', ownerId: id }, photoId);
}

// ---- handling -------------------------------------------------------------------------------------

export interface TransitionInput {
  to: ComplaintStatus;
  note: string | null;
  duplicateOfCode: string | null;
  version: number;
}

/**
 * Moves a complaint along its workflow, or (the same status with a note) only posts a public status
 * note. Closing as ditolak or duplikat needs a reason; duplikat also names the original of the region.
 */
export async function transitionComplaint(ctx: ServiceContext, regionCode: string, id: string, input: TransitionInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const view = await findComplaint(tx, regionCode, id, ctx.actor);
    if (!view) throw new AppError('NOT_FOUND');
    const row = view.row;
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const from = row.status as ComplaintStatus;
    const isNoteOnly = input.to === from;
    if (isNoteOnly && !input.note) throw fieldError('note', 'Tulis catatan untuk warga, atau pilih status berikutnya');
    if (!isNoteOnly && !canMove(from, input.to)) {
      throw new AppError('COMPLAINT_WRONG_TRANSITION', { detail: `a complaint that is ${from} cannot become ${input.to}` });
    }
    if (needsReason(input.to) && !input.note) throw fieldError('note', `Alasan wajib diisi untuk status ${input.to}; warga akan membacanya`);
    let duplicateOfId: string | null = row.duplicateOfId;
    if (!isNoteOnly && input.to === 'duplikat') {
      if (!input.duplicateOfCode) throw fieldError('duplicateOfCode', 'Kode pengaduan asal wajib diisi untuk status duplikat');
      const originalView = await findByTrackingCode(tx, input.duplicateOfCode, regionCode);
      if (!originalView || originalView.row.id === row.id) {
        throw fieldError('duplicateOfCode', 'Kode pengaduan asal tidak ditemukan di daerah ini (dan bukan pengaduan ini sendiri)');
      }
      duplicateOfId = originalView.row.id;
    }
    const [updated] = await tx
      .update(complaints)
      .set({
        status: input.to,
        statusNote: input.note ?? row.statusNote,
        duplicateOfId,
        closedAt: isNoteOnly ? row.closedAt : isClosed(input.to) ? ctx.now : null,
        updatedAt: ctx.now,
        version: row.version + 1,
      })
      .where(and(eq(complaints.id, row.id), eq(complaints.regionCode, regionCode), eq(complaints.version, row.version)))
      .returning({ id: complaints.id });
    if (!updated) throw new AppError('STALE_VERSION');
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      action: isNoteOnly ? 'catatan' : input.to,
      fromStatus: isNoteOnly ? null : from,
      toStatus: isNoteOnly ? null : input.to,
      note: input.note,
      isPublic: true,
      unitId: row.unitId,
      actorId: ctx.actor.id,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: isNoteOnly ? 'complaint.note' : 'complaint.transition',
      entityType: 'complaint',
      entityId: row.id,
      regionCode,
      before: { status: from, statusNote: row.statusNote, version: row.version },
      after: { status: input.to, statusNote: input.note ?? row.statusNote, duplicateOfId, version: row.version + 1 },
    });
  });
}

/** Hands an open complaint to another unit of the region (an operator may hand their own unit's away). */
export async function reassignComplaint(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  input: { unitId: string; note: string | null; version: number },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const view = await findComplaint(tx, regionCode, id, ctx.actor);
    if (!view) throw new AppError('NOT_FOUND');
    const row = view.row;
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (isClosed(row.status as ComplaintStatus)) throw new AppError('COMPLAINT_CLOSED');
    const target = await unitOf(tx, regionCode, input.unitId);
    if (!target) throw fieldError('unitId', 'Unit tujuan tidak dikenal di daerah ini');
    if (target.id === row.unitId) throw fieldError('unitId', 'Pengaduan sudah ditangani unit ini; pilih unit lain');
    const [updated] = await tx
      .update(complaints)
      .set({ unitId: target.id, updatedAt: ctx.now, version: row.version + 1 })
      .where(and(eq(complaints.id, row.id), eq(complaints.regionCode, regionCode), eq(complaints.version, row.version)))
      .returning({ id: complaints.id });
    if (!updated) throw new AppError('STALE_VERSION');
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      action: 'dialihkan',
      note: `Dialihkan dari ${view.unitName} ke ${target.name}${input.note ? `: ${input.note}` : ''}`,
      // The reason is internal; the citizen sees the new unit on the status page.
      isPublic: false,
      unitId: target.id,
      actorId: ctx.actor.id,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'complaint.reassigned',
      entityType: 'complaint',
      entityId: row.id,
      regionCode,
      before: { unitId: row.unitId, version: row.version },
      after: { unitId: target.id, note: input.note, version: row.version + 1 },
    });
    await noticeOfComplaintUnit(tx, ctx.actor.id, {
      ...row,
      unitId: target.id,
      unitName: target.name,
      categoryName: view.categoryName,
      version: row.version + 1,
    });
  });
}

/** The complaint after a change, as anyone allowed to make the change may see it (it may have left their unit). */
export async function loadComplaintAfterChange(db: Db, regionCode: string, id: string, now: Date) {
  const view = await findComplaint(db, regionCode, id);
  if (!view) throw new AppError('NOT_FOUND');
  return presentComplaint(view, now);
}

// ---- categories -----------------------------------------------------------------------------------

export interface CategoryInput {
  code: string;
  name: string;
  description: string;
  groupName: string;
  unitId: string;
  slaDays: number;
  isActive: boolean;
}

export function presentCategory(c: CategoryView) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    description: c.description,
    groupName: c.groupName,
    unitId: c.unitId,
    unitName: c.unitName,
    slaDays: c.slaDays,
    isActive: c.isActive,
  };
}

function codeTaken(err: unknown): never {
  if (uniqueConstraintOf(err) === 'complaint_categories_code_uq') throw fieldError('code', 'Kode kategori sudah dipakai di daerah ini');
  throw err;
}

export async function saveCategory(ctx: ServiceContext, regionCode: string, id: string | null, input: CategoryInput): Promise<string> {
  if (!(await unitOf(ctx.db, regionCode, input.unitId))) throw fieldError('unitId', 'Unit penanggung jawab tidak dikenal di daerah ini');
  return ctx.db
    .transaction(async (tx) => {
      if (id === null) {
        const [created] = await tx
          .insert(complaintCategories)
          .values({ ...input, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
          .returning({ id: complaintCategories.id });
        if (!created) throw new AppError('INTERNAL');
        await recordAudit(tx, ctx, {
          action: 'complaint_category.created',
          entityType: 'complaint_category',
          entityId: created.id,
          regionCode,
          after: input,
        });
        return created.id;
      }
      const before = await findCategory(tx, regionCode, { id });
      if (!before) throw new AppError('NOT_FOUND');
      await tx
        .update(complaintCategories)
        .set({ ...input, updatedAt: ctx.now })
        .where(and(eq(complaintCategories.id, id), eq(complaintCategories.regionCode, regionCode)));
      await recordAudit(tx, ctx, {
        action: 'complaint_category.updated',
        entityType: 'complaint_category',
        entityId: id,
        regionCode,
        before: presentCategory(before),
        after: input,
      });
      return id;
    })
    .catch(codeTaken);
}

// ---- Open311 clients ------------------------------------------------------------------------------

export function presentClient(row: typeof open311Clients.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Issues a key to a third-party client: shown once, only its hash and first characters are kept. */
export async function issueClientKey(ctx: ServiceContext, regionCode: string, name: string) {
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(open311Clients)
      .values({ regionCode, name, keyHash: sha256Hex(key), keyPrefix: key.slice(0, 9), createdBy: ctx.actor.id, createdAt: ctx.now })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'open311_client.created',
      entityType: 'open311_client',
      entityId: row.id,
      regionCode,
      after: presentClient(row),
    });
    return { ...presentClient(row), key };
  });
}

export async function revokeClientKey(ctx: ServiceContext, regionCode: string, id: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(open311Clients)
      .where(and(eq(open311Clients.id, id), eq(open311Clients.regionCode, regionCode)));
    if (!row) throw new AppError('NOT_FOUND');
    if (row.revokedAt) return presentClient(row);
    const [revoked] = await tx.update(open311Clients).set({ revokedAt: ctx.now }).where(eq(open311Clients.id, id)).returning();
    if (!revoked) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'open311_client.revoked',
      entityType: 'open311_client',
      entityId: id,
      regionCode,
      before: presentClient(row),
      after: presentClient(revoked),
    });
    return presentClient(revoked);
  });
}
