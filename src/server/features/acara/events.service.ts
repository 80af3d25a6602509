/**
 * Use cases of an event: organise it (create, edit under `version`, delete while it has no record
 * yet), write its notulen, and track its follow-ups to done. Who may change an event is decided per
 * event: admins every event of the region, an operator those their own unit organises.
 */
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import type { EventDetail, EventFollowUp, EventSummary } from '#shared/api/events.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { attachments, eventFollowUps, eventParticipants, events } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { unitOf } from '#server/platform/records.ts';
import { type EventRow, type EventSummaryRow, findEvent, followUpsOf, lockEvent, participantCounts, unitNames } from './events.queries.ts';
import { wibDate } from '#domain/schedule/wib.ts';

/** May the actor change this event? Admins: every event of the region; operators: their own unit's. */
export function canManageEvent(actor: Actor, event: { regionCode: string; organiserUnitId: string }): boolean {
  if (!can(actor, 'events.manage', event.regionCode)) return false;
  return actor.role !== 'operator' || actor.unitId === event.organiserUnitId;
}

export interface EventFields {
  title: string;
  kind: string;
  topic: string;
  organiserUnitId: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  description: string;
  invitedUnitIds: string[];
  invitedOrganisations: string[];
  capacity: number | null;
  isRegistrationOpen: boolean;
}

export function presentEventSummary(row: EventSummaryRow, actor: Actor): EventSummary {
  return {
    id: row.id,
    regionCode: row.regionCode,
    title: row.title,
    kind: row.kind as EventSummary['kind'],
    topic: row.topic as EventSummary['topic'],
    organiserUnitId: row.organiserUnitId,
    organiserUnitName: row.organiserUnitName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    isRegistrationOpen: row.isRegistrationOpen,
    participants: row.participants,
    attended: row.attended,
    canManage: canManageEvent(actor, row),
  };
}

export async function loadEventDetail(db: DbOrTx, actor: Actor, regionCode: string, id: string, now: Date): Promise<EventDetail> {
  const row = await findEvent(db, regionCode, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [invitedUnits, counts, followUps] = await Promise.all([
    unitNames(db, regionCode, row.invitedUnitIds),
    participantCounts(db, row.id),
    followUpsOf(db, row.id),
  ]);
  const today = wibDate(now);
  return {
    ...presentEventSummary(row, actor),
    description: row.description,
    invitedUnits,
    invitedOrganisations: row.invitedOrganisations,
    notes: row.notes,
    version: row.version,
    counts,
    followUps: followUps.map(
      (f): EventFollowUp => ({
        id: f.id,
        action: f.action,
        ownerUnitId: f.ownerUnitId,
        ownerUnitName: f.ownerUnitName,
        dueOn: f.dueOn,
        status: f.status as EventFollowUp['status'],
        evidence: f.evidence,
        completedAt: f.completedAt?.toISOString() ?? null,
        isOverdue: f.status === 'open' && f.dueOn < today,
        version: f.version,
      }),
    ),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The event as its manager may change it: 404 when it is not the region's, 403 when it is another unit's. */
export async function manageableEvent(ctx: ServiceContext, tx: DbOrTx, regionCode: string, id: string) {
  const row = await lockEvent(tx, regionCode, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!canManageEvent(ctx.actor, row)) throw new AppError('FORBIDDEN', { detail: "operators manage their own unit's events only" });
  return row;
}

async function checkUnits(ctx: ServiceContext, tx: DbOrTx, regionCode: string, fields: EventFields): Promise<void> {
  if (ctx.actor.role === 'operator' && fields.organiserUnitId !== ctx.actor.unitId) {
    throw fieldError('body.organiserUnitId', 'Operator hanya dapat menyelenggarakan acara atas nama unitnya sendiri');
  }
  if (!(await unitOf(tx, regionCode, fields.organiserUnitId))) throw fieldError('body.organiserUnitId', 'Unit tidak ditemukan di daerah ini');
  const invited = [...new Set(fields.invitedUnitIds)];
  const found = await unitNames(tx, regionCode, invited);
  if (found.length !== invited.length) throw fieldError('body.invitedUnitIds', 'Ada unit undangan yang bukan unit daerah ini');
}

function normalise(input: EventFields): EventFields {
  const organisations: string[] = [];
  for (const o of input.invitedOrganisations) if (!organisations.some((x) => x.toLowerCase() === o.toLowerCase())) organisations.push(o);
  return {
    title: input.title,
    kind: input.kind,
    topic: input.topic,
    organiserUnitId: input.organiserUnitId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    onlineUrl: input.onlineUrl,
    description: input.description,
    invitedUnitIds: [...new Set(input.invitedUnitIds)],
    invitedOrganisations: organisations,
    capacity: input.capacity,
    isRegistrationOpen: input.isRegistrationOpen,
  };
}

const columnsOf = (f: EventFields) => ({ ...f, startsAt: new Date(f.startsAt), endsAt: new Date(f.endsAt) });

export async function createEvent(ctx: ServiceContext, regionCode: string, input: EventFields): Promise<string> {
  const fields = normalise(input);
  return ctx.db.transaction(async (tx) => {
    await checkUnits(ctx, tx, regionCode, fields);
    const [created] = await tx
      .insert(events)
      .values({ ...columnsOf(fields), regionCode, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: events.id });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, { action: 'event.created', entityType: 'event', entityId: created.id, regionCode, after: fields });
    return created.id;
  });
}

function snapshot(row: typeof events.$inferSelect): EventFields {
  return {
    title: row.title,
    kind: row.kind,
    topic: row.topic,
    organiserUnitId: row.organiserUnitId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    onlineUrl: row.onlineUrl,
    description: row.description,
    invitedUnitIds: row.invitedUnitIds,
    invitedOrganisations: row.invitedOrganisations,
    capacity: row.capacity,
    isRegistrationOpen: row.isRegistrationOpen,
  };
}

export async function updateEvent(ctx: ServiceContext, regionCode: string, id: string, input: EventFields & { version: number }): Promise<void> {
  const fields = normalise(input);
  await ctx.db.transaction(async (tx) => {
    const current = await manageableEvent(ctx, tx, regionCode, id);
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    await checkUnits(ctx, tx, regionCode, fields);
    if (fields.capacity !== null) {
      const [registered] = await tx.select({ n: count() }).from(eventParticipants).where(eq(eventParticipants.eventId, id));
      if (registered && registered.n > fields.capacity) {
        throw fieldError('body.capacity', `Sudah ${registered.n} peserta terdaftar; kapasitas tidak boleh kurang dari itu`);
      }
    }
    await tx
      .update(events)
      .set({ ...columnsOf(fields), version: current.version + 1, updatedAt: ctx.now })
      .where(and(eq(events.id, id), eq(events.regionCode, regionCode)));
    await recordAudit(tx, ctx, { action: 'event.updated', entityType: 'event', entityId: id, regionCode, before: snapshot(current), after: fields });
  });
}

/**
 * Deletes an event that has no record yet: once anyone checked in or a material was attached, the
 * event is evidence (an attendance list, a bimtek the IID asks about) and stays. Its registrations
 * and follow-ups go with it.
 */
export async function deleteEvent(ctx: ServiceContext, regionCode: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await manageableEvent(ctx, tx, regionCode, id);
    const [attended] = await tx
      .select({ n: count() })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, id), isNotNull(eventParticipants.checkedInAt)));
    const [materials] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.regionCode, regionCode), eq(attachments.ownerType, 'event'), eq(attachments.ownerId, id)));
    if ((attended?.n ?? 0) > 0 || (materials?.n ?? 0) > 0) {
      throw new AppError('EVENT_HAS_ATTENDANCE', { detail: `${attended?.n ?? 0} checked in, ${materials?.n ?? 0} materials` });
    }
    await tx.delete(eventParticipants).where(eq(eventParticipants.eventId, id));
    await tx.delete(eventFollowUps).where(eq(eventFollowUps.eventId, id));
    await tx.delete(events).where(and(eq(events.id, id), eq(events.regionCode, regionCode)));
    await recordAudit(tx, ctx, { action: 'event.deleted', entityType: 'event', entityId: id, regionCode, before: snapshot(current) });
  });
}

export async function saveNotes(ctx: ServiceContext, regionCode: string, id: string, input: { notes: string; version: number }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await manageableEvent(ctx, tx, regionCode, id);
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    await tx
      .update(events)
      .set({ notes: input.notes, version: current.version + 1, updatedAt: ctx.now })
      .where(and(eq(events.id, id), eq(events.regionCode, regionCode)));
    await recordAudit(tx, ctx, {
      action: 'event.notes_saved',
      entityType: 'event',
      entityId: id,
      regionCode,
      before: { notes: current.notes },
      after: { notes: input.notes },
    });
  });
}

// ---- follow-ups -----------------------------------------------------------------------------------

export interface FollowUpFields {
  action: string;
  ownerUnitId: string;
  dueOn: string;
  status: 'open' | 'done';
  evidence: string;
}

async function checkFollowUp(tx: DbOrTx, regionCode: string, fields: FollowUpFields) {
  if (!(await unitOf(tx, regionCode, fields.ownerUnitId))) throw fieldError('body.ownerUnitId', 'Unit tidak ditemukan di daerah ini');
  // Done means shown done: the evidence is what a reader of the event checks.
  if (fields.status === 'done' && fields.evidence === '') throw fieldError('body.evidence', 'Tindak lanjut yang selesai wajib disertai buktinya');
}

export async function addFollowUp(ctx: ServiceContext, regionCode: string, eventId: string, fields: FollowUpFields): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    await checkFollowUp(tx, regionCode, fields);
    const [created] = await tx
      .insert(eventFollowUps)
      .values({ ...fields, regionCode, eventId, completedAt: fields.status === 'done' ? ctx.now : null, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: eventFollowUps.id });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'event.follow_up.created',
      entityType: 'event_follow_up',
      entityId: created.id,
      regionCode,
      after: { eventId, ...fields },
    });
    return created.id;
  });
}

export async function updateFollowUp(
  ctx: ServiceContext,
  regionCode: string,
  eventId: string,
  id: string,
  input: FollowUpFields & { version: number },
): Promise<void> {
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    const [current] = await tx
      .select()
      .from(eventFollowUps)
      .where(and(eq(eventFollowUps.regionCode, regionCode), eq(eventFollowUps.eventId, eventId), eq(eventFollowUps.id, id)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('STALE_VERSION');
    await checkFollowUp(tx, regionCode, fields);
    const completedAt = fields.status === 'done' ? (current.completedAt ?? ctx.now) : null;
    await tx
      .update(eventFollowUps)
      .set({ ...fields, completedAt, version: version + 1, updatedAt: ctx.now })
      .where(eq(eventFollowUps.id, id));
    await recordAudit(tx, ctx, {
      action: 'event.follow_up.updated',
      entityType: 'event_follow_up',
      entityId: id,
      regionCode,
      before: { action: current.action, ownerUnitId: current.ownerUnitId, dueOn: current.dueOn, status: current.status, evidence: current.evidence },
      after: { eventId, ...fields },
    });
  });
}

export async function deleteFollowUp(ctx: ServiceContext, regionCode: string, eventId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    const [removed] = await tx
      .delete(eventFollowUps)
      .where(and(eq(eventFollowUps.regionCode, regionCode), eq(eventFollowUps.eventId, eventId), eq(eventFollowUps.id, id)))
      .returning();
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'event.follow_up.deleted',
      entityType: 'event_follow_up',
      entityId: id,
      regionCode,
      before: { eventId, action: removed.action, status: removed.status },
    });
  });
}

export type { EventRow };
