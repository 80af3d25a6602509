/**
 * Use cases of a region's smart-city councils (Dewan Smart City, Tim Pelaksana, Forum): the council,
 * its decrees (SK) with their documents, its members, its meetings with notulen, and the follow-ups of
 * each meeting tracked until done. Every write locks the council, runs in one transaction and leaves
 * an audit entry; a refused write changes nothing.
 */
import type { Readable } from 'node:stream';
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type CouncilKind, currentDecree, type FollowUpStatus, isOverdue, type MemberRole, roleRank } from '#domain/dewan/councils.ts';
import type { CouncilDetail, CouncilSummary, FollowUp, Member } from '#shared/api/councils.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { councilDecrees, councilFollowUps, councilMeetings, councilMembers, councils, units, users } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  detachAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
  removeAttachment,
} from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { wibDate } from '#domain/schedule/wib.ts';

/** Someone reading councils: a signed-in user with the time of the request. */
export interface Reader {
  db: Db;
  now: Date;
  canManage: boolean;
}

export interface CouncilFields {
  kind: CouncilKind;
  name: string;
  description: string;
}
export interface MemberFields {
  userId: string | null;
  name: string | null;
  organisation: string | null;
  position: string | null;
  role: MemberRole;
}
export interface DecreeFields {
  number: string;
  decreeDate: string;
  note: string;
}
export interface MeetingFields {
  meetingDate: string;
  place: string;
  agenda: string;
  minutes: string;
  decisions: string;
}
export interface FollowUpFields {
  action: string;
  responsibleUnitId: string | null;
  responsibleMemberId: string | null;
  dueDate: string;
}

type CouncilRow = typeof councils.$inferSelect;

export function presentDocument(row: AttachmentRow) {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

// ---- reading -------------------------------------------------------------------------------------

async function findCouncil(db: DbOrTx, regionCode: string, id: string): Promise<CouncilRow> {
  const [row] = await db
    .select()
    .from(councils)
    .where(and(eq(councils.regionCode, regionCode), eq(councils.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Counts per council: members, meetings, open and overdue follow-ups, and the decree in force. */
async function summariesOf(db: DbOrTx, regionCode: string, rows: CouncilRow[], today: string): Promise<CouncilSummary[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [memberCounts, meetingCounts, openCounts, overdueCounts, decrees] = await Promise.all([
    db
      .select({ councilId: councilMembers.councilId, n: count() })
      .from(councilMembers)
      .where(and(eq(councilMembers.regionCode, regionCode), inArray(councilMembers.councilId, ids)))
      .groupBy(councilMembers.councilId),
    db
      .select({ councilId: councilMeetings.councilId, n: count() })
      .from(councilMeetings)
      .where(and(eq(councilMeetings.regionCode, regionCode), inArray(councilMeetings.councilId, ids)))
      .groupBy(councilMeetings.councilId),
    db
      .select({ councilId: councilFollowUps.councilId, n: count() })
      .from(councilFollowUps)
      .where(and(eq(councilFollowUps.regionCode, regionCode), inArray(councilFollowUps.councilId, ids), eq(councilFollowUps.status, 'terbuka')))
      .groupBy(councilFollowUps.councilId),
    db
      .select({ councilId: councilFollowUps.councilId, n: count() })
      .from(councilFollowUps)
      .where(
        and(
          eq(councilFollowUps.regionCode, regionCode),
          inArray(councilFollowUps.councilId, ids),
          eq(councilFollowUps.status, 'terbuka'),
          lt(councilFollowUps.dueDate, today),
        ),
      )
      .groupBy(councilFollowUps.councilId),
    db
      .select()
      .from(councilDecrees)
      .where(and(eq(councilDecrees.regionCode, regionCode), inArray(councilDecrees.councilId, ids))),
  ]);
  const countOf = (list: { councilId: string; n: number }[], id: string) => list.find((c) => c.councilId === id)?.n ?? 0;
  return rows.map((r) => {
    const current = currentDecree(decrees.filter((d) => d.councilId === r.id));
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      description: r.description,
      currentDecree: current ? { id: current.id, number: current.number, decreeDate: current.decreeDate } : null,
      memberCount: countOf(memberCounts, r.id),
      meetingCount: countOf(meetingCounts, r.id),
      openFollowUps: countOf(openCounts, r.id),
      overdueFollowUps: countOf(overdueCounts, r.id),
    };
  });
}

const KIND_ORDER = sql`case ${councils.kind} when 'dewan_smart_city' then 0 when 'tim_pelaksana' then 1 else 2 end`;

export async function listCouncils(reader: Reader, regionCode: string): Promise<CouncilSummary[]> {
  const rows = await reader.db.select().from(councils).where(eq(councils.regionCode, regionCode)).orderBy(KIND_ORDER, asc(councils.name));
  return summariesOf(reader.db, regionCode, rows, wibDate(reader.now));
}

async function membersOf(db: DbOrTx, regionCode: string, councilId: string): Promise<Member[]> {
  const rows = await db
    .select({ m: councilMembers, userName: users.displayName })
    .from(councilMembers)
    .leftJoin(users, eq(users.id, councilMembers.userId))
    .where(and(eq(councilMembers.regionCode, regionCode), eq(councilMembers.councilId, councilId)))
    .orderBy(asc(councilMembers.createdAt), asc(councilMembers.id));
  return rows
    .map(({ m, userName }) => ({
      id: m.id,
      userId: m.userId,
      name: m.name ?? userName ?? '',
      organisation: m.organisation,
      position: m.position,
      role: m.role,
      isExternal: m.userId === null,
    }))
    .sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name, 'id'));
}

interface FollowUpFilter {
  councilId?: string | undefined;
  meetingIds?: string[];
  status?: FollowUpStatus | undefined;
}

async function followUpsOf(db: DbOrTx, regionCode: string, filter: FollowUpFilter, today: string): Promise<FollowUp[]> {
  if (filter.meetingIds && filter.meetingIds.length === 0) return [];
  const rows = await db
    .select({
      f: councilFollowUps,
      councilName: councils.name,
      meetingDate: councilMeetings.meetingDate,
      unitName: units.name,
      memberName: councilMembers.name,
      memberUserName: users.displayName,
    })
    .from(councilFollowUps)
    .innerJoin(councils, eq(councils.id, councilFollowUps.councilId))
    .innerJoin(councilMeetings, eq(councilMeetings.id, councilFollowUps.meetingId))
    .leftJoin(units, eq(units.id, councilFollowUps.responsibleUnitId))
    .leftJoin(councilMembers, eq(councilMembers.id, councilFollowUps.responsibleMemberId))
    .leftJoin(users, eq(users.id, councilMembers.userId))
    .where(
      and(
        eq(councilFollowUps.regionCode, regionCode),
        filter.councilId ? eq(councilFollowUps.councilId, filter.councilId) : undefined,
        filter.meetingIds ? inArray(councilFollowUps.meetingId, filter.meetingIds) : undefined,
        filter.status ? eq(councilFollowUps.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(councilFollowUps.dueDate), asc(councilFollowUps.createdAt), asc(councilFollowUps.id));
  return rows.map(({ f, councilName, meetingDate, unitName, memberName, memberUserName }) => ({
    id: f.id,
    councilId: f.councilId,
    councilName,
    meetingId: f.meetingId,
    meetingDate,
    action: f.action,
    responsibleUnit: f.responsibleUnitId ? { id: f.responsibleUnitId, name: unitName ?? '' } : null,
    responsibleMember: f.responsibleMemberId ? { id: f.responsibleMemberId, name: memberName ?? memberUserName ?? '' } : null,
    dueDate: f.dueDate,
    status: f.status,
    doneOn: f.doneOn,
    isOverdue: isOverdue(f, today),
  }));
}

export async function listFollowUps(
  reader: Reader,
  regionCode: string,
  query: { status?: FollowUpStatus | undefined; councilId?: string | undefined },
): Promise<FollowUp[]> {
  return followUpsOf(reader.db, regionCode, query, wibDate(reader.now));
}

export async function loadCouncil(reader: Reader, regionCode: string, id: string): Promise<CouncilDetail> {
  const db = reader.db;
  const today = wibDate(reader.now);
  const council = await findCouncil(db, regionCode, id);
  const [[summary], members, decrees, meetings] = await Promise.all([
    summariesOf(db, regionCode, [council], today),
    membersOf(db, regionCode, id),
    db
      .select()
      .from(councilDecrees)
      .where(and(eq(councilDecrees.regionCode, regionCode), eq(councilDecrees.councilId, id)))
      .orderBy(desc(councilDecrees.decreeDate), desc(councilDecrees.createdAt)),
    db
      .select()
      .from(councilMeetings)
      .where(and(eq(councilMeetings.regionCode, regionCode), eq(councilMeetings.councilId, id)))
      .orderBy(desc(councilMeetings.meetingDate), desc(councilMeetings.createdAt)),
  ]);
  if (!summary) throw new AppError('NOT_FOUND');
  const [decreeDocs, notulen, followUps] = await Promise.all([
    listAttachments(
      db,
      regionCode,
      'council_decree',
      decrees.map((d) => d.id),
    ),
    listAttachments(
      db,
      regionCode,
      'council_meeting',
      meetings.map((m) => m.id),
    ),
    followUpsOf(db, regionCode, { councilId: id }, today),
  ]);
  const current = currentDecree(decrees);
  return {
    ...summary,
    members,
    decrees: decrees.map((d) => ({
      id: d.id,
      number: d.number,
      decreeDate: d.decreeDate,
      note: d.note,
      isCurrent: d.id === current?.id,
      documents: decreeDocs.filter((a) => a.ownerId === d.id).map(presentDocument),
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      meetingDate: m.meetingDate,
      place: m.place,
      agenda: m.agenda,
      minutes: m.minutes,
      decisions: m.decisions,
      notulen: notulen.filter((a) => a.ownerId === m.id).map(presentDocument),
      followUps: followUps.filter((f) => f.meetingId === m.id),
    })),
    canManage: reader.canManage,
  };
}

// ---- councils ------------------------------------------------------------------------------------

/** Locks the council for the rest of the transaction (404 when it is not in the region). */
async function lockCouncil(tx: DbOrTx, regionCode: string, id: string): Promise<CouncilRow> {
  const [row] = await tx
    .select()
    .from(councils)
    .where(and(eq(councils.regionCode, regionCode), eq(councils.id, id)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createCouncil(ctx: ServiceContext, regionCode: string, input: CouncilFields): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(councils)
      .values({ regionCode, ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, { action: 'council.created', entityType: 'council', entityId: row.id, regionCode, after: input });
    return row.id;
  });
}

export async function updateCouncil(ctx: ServiceContext, regionCode: string, id: string, input: CouncilFields): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockCouncil(tx, regionCode, id);
    await tx
      .update(councils)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(councils.id, id));
    await recordAudit(tx, ctx, {
      action: 'council.updated',
      entityType: 'council',
      entityId: id,
      regionCode,
      before: { kind: before.kind, name: before.name, description: before.description },
      after: input,
    });
  });
}

/**
 * A council's record of decrees and meetings is evidence for the yearly evaluation, so a council is
 * deleted only once they have been removed one by one (members go with it).
 */
export async function deleteCouncil(ctx: ServiceContext, regionCode: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockCouncil(tx, regionCode, id);
    const [decrees] = await tx.select({ n: count() }).from(councilDecrees).where(eq(councilDecrees.councilId, id));
    const [meetings] = await tx.select({ n: count() }).from(councilMeetings).where(eq(councilMeetings.councilId, id));
    if ((decrees?.n ?? 0) > 0 || (meetings?.n ?? 0) > 0) {
      throw new AppError('IN_USE', { issues: [{ field: 'id', reason: 'Hapus SK dan rapat dewan ini terlebih dahulu' }] });
    }
    await tx.delete(councils).where(eq(councils.id, id));
    await recordAudit(tx, ctx, {
      action: 'council.deleted',
      entityType: 'council',
      entityId: id,
      regionCode,
      before: { kind: before.kind, name: before.name },
    });
  });
}

// ---- members -------------------------------------------------------------------------------------

async function checkMemberUser(tx: DbOrTx, regionCode: string, userId: string | null): Promise<void> {
  if (!userId) return;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.regionCode, regionCode)));
  if (!user) throw fieldError('userId', 'Pengguna tidak ditemukan di daerah ini');
}

/** An outside person's organisation and position are theirs; a user's come from the form too (their office title). */
const memberColumns = (input: MemberFields) => ({
  userId: input.userId,
  name: input.userId ? null : input.name,
  organisation: input.organisation,
  position: input.position,
  role: input.role,
});

export async function addMember(ctx: ServiceContext, regionCode: string, councilId: string, input: MemberFields): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    await checkMemberUser(tx, regionCode, input.userId);
    if (input.userId) {
      const [same] = await tx
        .select({ id: councilMembers.id })
        .from(councilMembers)
        .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.userId, input.userId)));
      if (same) throw fieldError('userId', 'Pengguna ini sudah menjadi anggota');
    }
    const values = memberColumns(input);
    const [row] = await tx
      .insert(councilMembers)
      .values({ regionCode, councilId, ...values, createdAt: ctx.now })
      .returning({ id: councilMembers.id });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'council_member.added',
      entityType: 'council_member',
      entityId: row.id,
      regionCode,
      after: { councilId, ...values },
    });
    return row.id;
  });
}

async function memberOf(tx: DbOrTx, councilId: string, memberId: string) {
  const [row] = await tx
    .select()
    .from(councilMembers)
    .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.id, memberId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateMember(ctx: ServiceContext, regionCode: string, councilId: string, memberId: string, input: MemberFields): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await memberOf(tx, councilId, memberId);
    await checkMemberUser(tx, regionCode, input.userId);
    const values = memberColumns(input);
    await tx.update(councilMembers).set(values).where(eq(councilMembers.id, memberId));
    await recordAudit(tx, ctx, {
      action: 'council_member.updated',
      entityType: 'council_member',
      entityId: memberId,
      regionCode,
      before: { userId: before.userId, name: before.name, organisation: before.organisation, position: before.position, role: before.role },
      after: { councilId, ...values },
    });
  });
}

export async function removeMember(ctx: ServiceContext, regionCode: string, councilId: string, memberId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await memberOf(tx, councilId, memberId);
    const [responsible] = await tx.select({ n: count() }).from(councilFollowUps).where(eq(councilFollowUps.responsibleMemberId, memberId));
    if ((responsible?.n ?? 0) > 0) {
      throw new AppError('IN_USE', {
        issues: [{ field: 'memberId', reason: 'Anggota ini penanggung jawab tindak lanjut; alihkan tindak lanjutnya dahulu' }],
      });
    }
    await tx.delete(councilMembers).where(eq(councilMembers.id, memberId));
    await recordAudit(tx, ctx, {
      action: 'council_member.removed',
      entityType: 'council_member',
      entityId: memberId,
      regionCode,
      before: { councilId, userId: before.userId, name: before.name, role: before.role },
    });
  });
}

// ---- decrees -------------------------------------------------------------------------------------

const decreeOwner = (regionCode: string, decreeId: string): AttachmentOwner => ({ regionCode, ownerType: 'council_decree', ownerId: decreeId });
const meetingOwner = (regionCode: string, meetingId: string): AttachmentOwner => ({ regionCode, ownerType: 'council_meeting', ownerId: meetingId });

async function decreeOf(tx: DbOrTx, councilId: string, decreeId: string) {
  const [row] = await tx
    .select()
    .from(councilDecrees)
    .where(and(eq(councilDecrees.councilId, councilId), eq(councilDecrees.id, decreeId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function addDecree(ctx: ServiceContext, regionCode: string, councilId: string, input: DecreeFields): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const [row] = await tx
      .insert(councilDecrees)
      .values({ regionCode, councilId, ...input, createdAt: ctx.now })
      .returning({ id: councilDecrees.id });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'council_decree.added',
      entityType: 'council_decree',
      entityId: row.id,
      regionCode,
      after: { councilId, ...input },
    });
    return row.id;
  });
}

export async function updateDecree(ctx: ServiceContext, regionCode: string, councilId: string, decreeId: string, input: DecreeFields): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await decreeOf(tx, councilId, decreeId);
    await tx.update(councilDecrees).set(input).where(eq(councilDecrees.id, decreeId));
    await recordAudit(tx, ctx, {
      action: 'council_decree.updated',
      entityType: 'council_decree',
      entityId: decreeId,
      regionCode,
      before: { number: before.number, decreeDate: before.decreeDate, note: before.note },
      after: { councilId, ...input },
    });
  });
}

/** Removes the rows of every attachment of an owner (audited); the caller releases the blobs after commit. */
async function removeAllAttachments(tx: DbOrTx, ctx: ServiceContext, owner: AttachmentOwner, entityType: string, action: string) {
  const rows = await listAttachments(tx, owner.regionCode, owner.ownerType, [owner.ownerId]);
  for (const row of rows) await removeAttachment(tx, ctx, row, { action, entityType, extra: { ownerId: owner.ownerId } });
  return rows.map((r) => r.storageKey);
}

async function releaseAll(db: Db, storage: BlobStorage, keys: (string | null)[]): Promise<ReleaseResult> {
  let result: ReleaseResult = {};
  for (const key of keys) {
    const r = await releaseBlob(db, storage, key);
    if (r.blobCleanupError) result = r;
  }
  return result;
}

export async function removeDecree(
  ctx: ServiceContext,
  storage: BlobStorage,
  regionCode: string,
  councilId: string,
  decreeId: string,
): Promise<ReleaseResult> {
  const keys = await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await decreeOf(tx, councilId, decreeId);
    const released = await removeAllAttachments(
      tx,
      ctx,
      decreeOwner(regionCode, decreeId),
      'council_decree_document',
      'council_decree.document_removed',
    );
    await tx.delete(councilDecrees).where(eq(councilDecrees.id, decreeId));
    await recordAudit(tx, ctx, {
      action: 'council_decree.removed',
      entityType: 'council_decree',
      entityId: decreeId,
      regionCode,
      before: { councilId, number: before.number, decreeDate: before.decreeDate },
    });
    return released;
  });
  return releaseAll(ctx.db, storage, keys);
}

export async function addDecreeDocument(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  ref: { regionCode: string; councilId: string; decreeId: string },
  upload: FileUpload,
) {
  const row = await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, ref.regionCode, ref.councilId);
    const decree = await decreeOf(tx, ref.councilId, ref.decreeId);
    return attachFile(tx, ctx, storage, { ...decreeOwner(ref.regionCode, decree.id), slot: 'sk' }, upload, limits, {
      action: 'council_decree.document_added',
      entityType: 'council_decree_document',
      extra: { councilId: ref.councilId, decreeNumber: decree.number },
    });
  });
  return presentDocument(row);
}

export async function openDecreeDocument(
  db: Db,
  storage: BlobStorage,
  ref: { regionCode: string; councilId: string; decreeId: string },
  attachmentId: string,
) {
  await findCouncil(db, ref.regionCode, ref.councilId);
  await decreeOf(db, ref.councilId, ref.decreeId);
  return openAttachment(db, storage, decreeOwner(ref.regionCode, ref.decreeId), attachmentId);
}

export async function removeDecreeDocument(
  ctx: ServiceContext,
  storage: BlobStorage,
  ref: { regionCode: string; councilId: string; decreeId: string },
  attachmentId: string,
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, ref.regionCode, ref.councilId);
    const decree = await decreeOf(tx, ref.councilId, ref.decreeId);
    return detachAttachment(tx, ctx, decreeOwner(ref.regionCode, decree.id), attachmentId, {
      action: 'council_decree.document_removed',
      entityType: 'council_decree_document',
      extra: { councilId: ref.councilId, decreeNumber: decree.number },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

// ---- meetings ------------------------------------------------------------------------------------

async function meetingOf(tx: DbOrTx, councilId: string, meetingId: string) {
  const [row] = await tx
    .select()
    .from(councilMeetings)
    .where(and(eq(councilMeetings.councilId, councilId), eq(councilMeetings.id, meetingId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function addMeeting(ctx: ServiceContext, regionCode: string, councilId: string, input: MeetingFields): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const [row] = await tx
      .insert(councilMeetings)
      .values({ regionCode, councilId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: councilMeetings.id });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'council_meeting.added',
      entityType: 'council_meeting',
      entityId: row.id,
      regionCode,
      after: { councilId, meetingDate: input.meetingDate, place: input.place, agenda: input.agenda },
    });
    return row.id;
  });
}

export async function updateMeeting(
  ctx: ServiceContext,
  regionCode: string,
  councilId: string,
  meetingId: string,
  input: MeetingFields,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await meetingOf(tx, councilId, meetingId);
    await tx
      .update(councilMeetings)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(councilMeetings.id, meetingId));
    await recordAudit(tx, ctx, {
      action: 'council_meeting.updated',
      entityType: 'council_meeting',
      entityId: meetingId,
      regionCode,
      before: { meetingDate: before.meetingDate, place: before.place, agenda: before.agenda, minutes: before.minutes, decisions: before.decisions },
      after: { councilId, ...input },
    });
  });
}

/** A meeting goes with its notulen files and its follow-ups. */
export async function removeMeeting(
  ctx: ServiceContext,
  storage: BlobStorage,
  regionCode: string,
  councilId: string,
  meetingId: string,
): Promise<ReleaseResult> {
  const keys = await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await meetingOf(tx, councilId, meetingId);
    const released = await removeAllAttachments(
      tx,
      ctx,
      meetingOwner(regionCode, meetingId),
      'council_meeting_notulen',
      'council_meeting.notulen_removed',
    );
    const followUps = await tx.delete(councilFollowUps).where(eq(councilFollowUps.meetingId, meetingId)).returning({ id: councilFollowUps.id });
    await tx.delete(councilMeetings).where(eq(councilMeetings.id, meetingId));
    await recordAudit(tx, ctx, {
      action: 'council_meeting.removed',
      entityType: 'council_meeting',
      entityId: meetingId,
      regionCode,
      before: { councilId, meetingDate: before.meetingDate, place: before.place, agenda: before.agenda, followUps: followUps.length },
    });
    return released;
  });
  return releaseAll(ctx.db, storage, keys);
}

export async function addMeetingNotulen(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  ref: { regionCode: string; councilId: string; meetingId: string },
  upload: FileUpload,
) {
  const row = await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, ref.regionCode, ref.councilId);
    const meeting = await meetingOf(tx, ref.councilId, ref.meetingId);
    return attachFile(tx, ctx, storage, { ...meetingOwner(ref.regionCode, meeting.id), slot: 'notulen' }, upload, limits, {
      action: 'council_meeting.notulen_added',
      entityType: 'council_meeting_notulen',
      extra: { councilId: ref.councilId, meetingDate: meeting.meetingDate },
    });
  });
  return presentDocument(row);
}

export async function openMeetingNotulen(
  db: Db,
  storage: BlobStorage,
  ref: { regionCode: string; councilId: string; meetingId: string },
  attachmentId: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  await findCouncil(db, ref.regionCode, ref.councilId);
  await meetingOf(db, ref.councilId, ref.meetingId);
  return openAttachment(db, storage, meetingOwner(ref.regionCode, ref.meetingId), attachmentId);
}

export async function removeMeetingNotulen(
  ctx: ServiceContext,
  storage: BlobStorage,
  ref: { regionCode: string; councilId: string; meetingId: string },
  attachmentId: string,
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, ref.regionCode, ref.councilId);
    const meeting = await meetingOf(tx, ref.councilId, ref.meetingId);
    return detachAttachment(tx, ctx, meetingOwner(ref.regionCode, meeting.id), attachmentId, {
      action: 'council_meeting.notulen_removed',
      entityType: 'council_meeting_notulen',
      extra: { councilId: ref.councilId, meetingDate: meeting.meetingDate },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

// ---- follow-ups ----------------------------------------------------------------------------------

/** The responsible party must belong here: a unit of the region, or a member of this council. */
async function checkResponsible(tx: DbOrTx, regionCode: string, councilId: string, input: FollowUpFields): Promise<void> {
  if (input.responsibleUnitId) {
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.responsibleUnitId), eq(units.regionCode, regionCode)));
    if (!unit) throw fieldError('responsibleUnitId', 'Unit tidak ditemukan di daerah ini');
  }
  if (input.responsibleMemberId) {
    const [m] = await tx
      .select({ id: councilMembers.id })
      .from(councilMembers)
      .where(and(eq(councilMembers.id, input.responsibleMemberId), eq(councilMembers.councilId, councilId)));
    if (!m) throw fieldError('responsibleMemberId', 'Anggota tidak ditemukan di dewan ini');
  }
}

async function followUpOf(tx: DbOrTx, councilId: string, followUpId: string) {
  const [row] = await tx
    .select()
    .from(councilFollowUps)
    .where(and(eq(councilFollowUps.councilId, councilId), eq(councilFollowUps.id, followUpId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const followUpView = (f: typeof councilFollowUps.$inferSelect) => ({
  meetingId: f.meetingId,
  action: f.action,
  responsibleUnitId: f.responsibleUnitId,
  responsibleMemberId: f.responsibleMemberId,
  dueDate: f.dueDate,
  status: f.status,
  doneOn: f.doneOn,
});

export async function addFollowUp(
  ctx: ServiceContext,
  ref: { regionCode: string; councilId: string; meetingId: string },
  input: FollowUpFields,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, ref.regionCode, ref.councilId);
    const meeting = await meetingOf(tx, ref.councilId, ref.meetingId);
    await checkResponsible(tx, ref.regionCode, ref.councilId, input);
    if (input.dueDate < meeting.meetingDate) throw fieldError('dueDate', 'Batas waktu tidak boleh sebelum tanggal rapat');
    const [row] = await tx
      .insert(councilFollowUps)
      .values({ regionCode: ref.regionCode, councilId: ref.councilId, meetingId: meeting.id, ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'council_follow_up.added',
      entityType: 'council_follow_up',
      entityId: row.id,
      regionCode: ref.regionCode,
      after: { councilId: ref.councilId, ...followUpView(row) },
    });
    return row.id;
  });
}

export async function updateFollowUp(
  ctx: ServiceContext,
  regionCode: string,
  councilId: string,
  followUpId: string,
  input: FollowUpFields,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await followUpOf(tx, councilId, followUpId);
    const meeting = await meetingOf(tx, councilId, before.meetingId);
    await checkResponsible(tx, regionCode, councilId, input);
    if (input.dueDate < meeting.meetingDate) throw fieldError('dueDate', 'Batas waktu tidak boleh sebelum tanggal rapat');
    const [after] = await tx
      .update(councilFollowUps)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(councilFollowUps.id, followUpId))
      .returning();
    if (!after) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'council_follow_up.updated',
      entityType: 'council_follow_up',
      entityId: followUpId,
      regionCode,
      before: followUpView(before),
      after: followUpView(after),
    });
  });
}

/**
 * Marks an open follow-up done on a given day (not before its meeting, not after today), or reopens a
 * done one. Marking a done follow-up done again is refused, so a second click does not move its date.
 */
export async function setFollowUpStatus(
  ctx: ServiceContext,
  regionCode: string,
  councilId: string,
  followUpId: string,
  change: { status: 'selesai'; doneOn: string } | { status: 'terbuka' },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await followUpOf(tx, councilId, followUpId);
    if (before.status === change.status) {
      throw new AppError('CONFLICT', {
        issues: [{ field: 'status', reason: change.status === 'selesai' ? 'Tindak lanjut ini sudah selesai' : 'Tindak lanjut ini masih terbuka' }],
      });
    }
    const doneOn = change.status === 'selesai' ? change.doneOn : null;
    if (doneOn) {
      const meeting = await meetingOf(tx, councilId, before.meetingId);
      if (doneOn < meeting.meetingDate) throw fieldError('doneOn', 'Tanggal selesai tidak boleh sebelum tanggal rapat');
      if (doneOn > wibDate(ctx.now)) throw fieldError('doneOn', 'Tanggal selesai tidak boleh di masa depan');
    }
    await tx.update(councilFollowUps).set({ status: change.status, doneOn, updatedAt: ctx.now }).where(eq(councilFollowUps.id, followUpId));
    await recordAudit(tx, ctx, {
      action: change.status === 'selesai' ? 'council_follow_up.done' : 'council_follow_up.reopened',
      entityType: 'council_follow_up',
      entityId: followUpId,
      regionCode,
      before: { status: before.status, doneOn: before.doneOn },
      after: { councilId, status: change.status, doneOn },
    });
  });
}

export async function removeFollowUp(ctx: ServiceContext, regionCode: string, councilId: string, followUpId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockCouncil(tx, regionCode, councilId);
    const before = await followUpOf(tx, councilId, followUpId);
    await tx.delete(councilFollowUps).where(eq(councilFollowUps.id, followUpId));
    await recordAudit(tx, ctx, {
      action: 'council_follow_up.removed',
      entityType: 'council_follow_up',
      entityId: followUpId,
      regionCode,
      before: { councilId, ...followUpView(before) },
    });
  });
}
