/**
 * Participants of an event: registration (internal: a user or a named person of a unit; external: a
 * person of an outside organisation), removal, and attendance. Attendance is counted once: the
 * participant's own QR link, the organiser entering their code and the organiser's tick all set the
 * check-in time only while it is empty, in one conditional statement, so retries and concurrent scans
 * never count twice.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { CheckinResult, CheckinTicket, Participant } from '#shared/api/events.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { isUniqueViolation } from '#server/db/errors.ts';
import { eventParticipants, events, regions, units, users } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { unitOf } from '#server/platform/records.ts';
import { findParticipant, type ParticipantRow } from './events.queries.ts';
import { manageableEvent } from './events.service.ts';

/** Letters and digits nobody confuses when reading a code aloud or typing it (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The short code an organiser types and a certificate prints: `K7P2-9QXM`. */
export function newParticipantCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The personal check-in token: 192 random bits, the participant's link is the only way to know it. */
export const newCheckinToken = () => randomBytes(24).toString('base64url');

export const checkinPathOf = (token: string) => `/hadir/${token}`;

export function presentParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    kind: row.kind as Participant['kind'],
    userId: row.userId,
    unitId: row.unitId,
    unitName: row.unitName,
    organisation: row.organisation,
    name: row.name,
    position: row.position,
    email: row.email,
    phone: row.phone,
    code: row.code,
    checkinPath: checkinPathOf(row.checkinToken),
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    checkedInVia: row.checkedInVia as Participant['checkedInVia'],
  };
}

export type ParticipantFields =
  | {
      kind: 'internal';
      userId?: string | null | undefined;
      unitId?: string | null | undefined;
      name: string | null;
      position: string | null;
      email?: string | null | undefined;
      phone: string | null;
    }
  | { kind: 'external'; name: string; organisation: string; position: string | null; email?: string | null | undefined; phone: string | null };

/** The row to store for a registration: a user's name and unit come from their account. */
async function resolveParticipant(tx: DbOrTx, regionCode: string, input: ParticipantFields) {
  if (input.kind === 'external') {
    return {
      kind: 'external' as const,
      userId: null,
      unitId: null,
      name: input.name,
      organisation: input.organisation,
      position: input.position,
      email: input.email ?? null,
      phone: input.phone,
    };
  }
  if (input.userId) {
    const [user] = await tx
      .select({ id: users.id, displayName: users.displayName, unitId: users.unitId, email: users.email })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.regionCode, regionCode), eq(users.isActive, true)));
    if (!user) throw fieldError('body.userId', 'Pengguna tidak ditemukan di daerah ini');
    const unitId = input.unitId ?? user.unitId;
    if (!unitId) throw fieldError('body.unitId', 'Pengguna ini belum punya unit; pilih unitnya');
    if (!(await unitOf(tx, regionCode, unitId))) throw fieldError('body.unitId', 'Unit tidak ditemukan di daerah ini');
    return {
      kind: 'internal' as const,
      userId: user.id,
      unitId,
      name: input.name ?? user.displayName,
      organisation: null,
      position: input.position,
      email: input.email ?? user.email,
      phone: input.phone,
    };
  }
  if (!input.unitId) throw fieldError('body.unitId', 'Unit peserta wajib dipilih');
  if (!input.name) throw fieldError('body.name', 'Nama peserta wajib diisi');
  if (!(await unitOf(tx, regionCode, input.unitId))) throw fieldError('body.unitId', 'Unit tidak ditemukan di daerah ini');
  return {
    kind: 'internal' as const,
    userId: null,
    unitId: input.unitId,
    name: input.name,
    organisation: null,
    position: input.position,
    email: input.email ?? null,
    phone: input.phone,
  };
}

/** Registration is open and there is room for `adding` more (the event row is locked by the caller). */
export async function checkRoom(tx: DbOrTx, event: { id: string; capacity: number | null; isRegistrationOpen: boolean }, adding: number) {
  if (!event.isRegistrationOpen) throw new AppError('EVENT_REGISTRATION_CLOSED');
  if (event.capacity === null) return;
  const [registered] = await tx.select({ n: count() }).from(eventParticipants).where(eq(eventParticipants.eventId, event.id));
  if ((registered?.n ?? 0) + adding > event.capacity) throw new AppError('EVENT_FULL', { detail: `capacity ${event.capacity}` });
}

export function rethrowDuplicateParticipant(err: unknown): never {
  if (isUniqueViolation(err, 'event_participants_user_uq')) throw fieldError('body.userId', 'Pengguna ini sudah terdaftar sebagai peserta');
  if (isUniqueViolation(err, 'event_participants_person_uq')) {
    throw fieldError('body.name', 'Peserta dengan nama yang sama dari unit/instansi yang sama sudah terdaftar');
  }
  throw err;
}

export async function registerParticipant(ctx: ServiceContext, regionCode: string, eventId: string, input: ParticipantFields): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      const event = await manageableEvent(ctx, tx, regionCode, eventId);
      const fields = await resolveParticipant(tx, regionCode, input);
      await checkRoom(tx, event, 1);
      const [created] = await tx
        .insert(eventParticipants)
        .values({ ...fields, regionCode, eventId, checkinToken: newCheckinToken(), code: newParticipantCode(), createdAt: ctx.now })
        .returning({ id: eventParticipants.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, {
        action: 'event.participant.registered',
        entityType: 'event_participant',
        entityId: created.id,
        regionCode,
        after: { eventId, kind: fields.kind, name: fields.name, unitId: fields.unitId, organisation: fields.organisation },
      });
      return created.id;
    })
    .catch(rethrowDuplicateParticipant);
}

export async function removeParticipant(ctx: ServiceContext, regionCode: string, eventId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    const [removed] = await tx
      .delete(eventParticipants)
      .where(and(eq(eventParticipants.regionCode, regionCode), eq(eventParticipants.eventId, eventId), eq(eventParticipants.id, id)))
      .returning();
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'event.participant.removed',
      entityType: 'event_participant',
      entityId: id,
      regionCode,
      before: { eventId, name: removed.name, unitId: removed.unitId, organisation: removed.organisation, checkedInAt: removed.checkedInAt },
    });
  });
}

/** The organiser ticks (or unticks) a participant's attendance, e.g. from the paper list. */
export async function setAttendance(ctx: ServiceContext, regionCode: string, eventId: string, id: string, isPresent: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await manageableEvent(ctx, tx, regionCode, eventId);
    const current = await findParticipant(tx, regionCode, eventId, id);
    if (!current) throw new AppError('NOT_FOUND');
    if ((current.checkedInAt !== null) === isPresent) return;
    await tx
      .update(eventParticipants)
      .set(isPresent ? { checkedInAt: ctx.now, checkedInVia: 'manual' } : { checkedInAt: null, checkedInVia: null })
      .where(eq(eventParticipants.id, id));
    await recordAudit(tx, ctx, {
      action: isPresent ? 'event.participant.checked_in' : 'event.participant.check_in_undone',
      entityType: 'event_participant',
      entityId: id,
      regionCode,
      before: { checkedInAt: current.checkedInAt, checkedInVia: current.checkedInVia },
      after: { eventId, via: 'manual', isPresent },
    });
  });
}

/**
 * Counts the participant present unless already counted: one statement that sets the time only while
 * it is empty. Postgres re-checks the condition on a row another request just changed, so of any number
 * of simultaneous scans exactly one counts.
 */
async function checkInOnce(db: DbOrTx, where: ReturnType<typeof eq>, now: Date, via: 'qr' | 'kode') {
  const [counted] = await db
    .update(eventParticipants)
    .set({ checkedInAt: now, checkedInVia: via })
    .where(and(where, isNull(eventParticipants.checkedInAt)))
    .returning({ id: eventParticipants.id, checkedInAt: eventParticipants.checkedInAt });
  return counted;
}

async function participantByToken(db: DbOrTx, token: string) {
  const [row] = await db
    .select({
      id: eventParticipants.id,
      name: eventParticipants.name,
      affiliation: units.name,
      organisation: eventParticipants.organisation,
      checkedInAt: eventParticipants.checkedInAt,
      regionCode: eventParticipants.regionCode,
      eventId: events.id,
      eventTitle: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      place: events.place,
      onlineUrl: events.onlineUrl,
      organiserUnitId: events.organiserUnitId,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(units, eq(units.id, eventParticipants.unitId))
    .where(eq(eventParticipants.checkinToken, token));
  return row;
}

/** What the participant's own page shows: their name and the event (nothing about anyone else). */
export async function checkinTicket(db: Db, token: string): Promise<CheckinTicket> {
  const row = await participantByToken(db, token);
  if (!row) throw new AppError('CHECKIN_NOT_FOUND');
  const [organiser] = await db.select({ name: units.name }).from(units).where(eq(units.id, row.organiserUnitId));
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, row.regionCode));
  return {
    name: row.name,
    affiliation: row.affiliation ?? row.organisation ?? '',
    eventTitle: row.eventTitle,
    organiserUnitName: organiser?.name ?? '',
    regionName: region?.name ?? row.regionCode,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    onlineUrl: row.onlineUrl,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
  };
}

/** The participant may confirm from half a day before the start to half a day after the end. */
const CHECKIN_MARGIN_MS = 12 * 60 * 60 * 1000;

/** The participant confirms their own attendance by their link; the token is the authorisation. */
export async function checkInByToken(db: Db, token: string, now: Date): Promise<CheckinResult> {
  const row = await participantByToken(db, token);
  if (!row) throw new AppError('CHECKIN_NOT_FOUND');
  const result = (status: CheckinResult['status'], at: Date): CheckinResult => ({
    status,
    name: row.name,
    affiliation: row.affiliation ?? row.organisation ?? '',
    eventTitle: row.eventTitle,
    startsAt: row.startsAt.toISOString(),
    checkedInAt: at.toISOString(),
  });
  if (row.checkedInAt) return result('already', row.checkedInAt);
  if (now.getTime() < row.startsAt.getTime() - CHECKIN_MARGIN_MS || now.getTime() > row.endsAt.getTime() + CHECKIN_MARGIN_MS) {
    throw new AppError('EVENT_CHECKIN_CLOSED');
  }
  return db.transaction(async (tx) => {
    const counted = await checkInOnce(tx, eq(eventParticipants.id, row.id), now, 'qr');
    if (!counted) {
      const [again] = await tx.select({ at: eventParticipants.checkedInAt }).from(eventParticipants).where(eq(eventParticipants.id, row.id));
      return result('already', again?.at ?? now);
    }
    await recordAudit(
      tx,
      { actor: null, origin: null },
      {
        action: 'event.participant.checked_in',
        entityType: 'event_participant',
        entityId: row.id,
        regionCode: row.regionCode,
        after: { eventId: row.eventId, via: 'qr' },
      },
    );
    return result('checked_in', now);
  });
}

/** What an organiser scanned or typed: a check-in link, its token, or the short code (any case, with or without the dash). */
export function parseScannedCode(text: string): { token: string } | { code: string } {
  const trimmed = text.trim();
  const link = /\/hadir\/([A-Za-z0-9_-]{20,})\/?(?:[?#].*)?$/.exec(trimmed);
  if (link?.[1]) return { token: link[1] };
  const compact = trimmed.toUpperCase().replace(/[\s-]/g, '');
  if (/^[A-Z0-9]{8}$/.test(compact)) return { code: `${compact.slice(0, 4)}-${compact.slice(4)}` };
  return { token: trimmed };
}

/** The organiser enters or scans a participant's code at the door. Only this event's participants count. */
export async function checkInByCode(ctx: ServiceContext, regionCode: string, eventId: string, text: string): Promise<CheckinResult> {
  const scanned = parseScannedCode(text);
  return ctx.db.transaction(async (tx) => {
    const event = await manageableEvent(ctx, tx, regionCode, eventId);
    const which = 'code' in scanned ? eq(eventParticipants.code, scanned.code) : eq(eventParticipants.checkinToken, scanned.token);
    const [row] = await tx
      .select({ id: eventParticipants.id, checkedInAt: eventParticipants.checkedInAt })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.regionCode, regionCode), eq(eventParticipants.eventId, eventId), which));
    if (!row) throw new AppError('CHECKIN_NOT_FOUND', { issues: [{ field: 'body.code', reason: 'Kode ini bukan milik peserta acara ini' }] });
    const counted = row.checkedInAt ? undefined : await checkInOnce(tx, eq(eventParticipants.id, row.id), ctx.now, 'kode');
    const participant = await findParticipant(tx, regionCode, eventId, row.id);
    if (!participant) throw new AppError('INTERNAL');
    if (counted) {
      await recordAudit(tx, ctx, {
        action: 'event.participant.checked_in',
        entityType: 'event_participant',
        entityId: row.id,
        regionCode,
        after: { eventId, via: 'kode' },
      });
    }
    return {
      status: counted ? 'checked_in' : 'already',
      name: participant.name,
      affiliation: participant.unitName ?? participant.organisation ?? '',
      eventTitle: event.title,
      startsAt: event.startsAt.toISOString(),
      checkedInAt: (participant.checkedInAt ?? ctx.now).toISOString(),
    };
  });
}

/** A certificate's verification code, checked by anyone holding the printed certificate. */
export async function checkCertificate(db: Db, code: string) {
  const normalised = parseScannedCode(code);
  if (!('code' in normalised)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      name: eventParticipants.name,
      checkedInAt: eventParticipants.checkedInAt,
      eventTitle: events.title,
      startsAt: events.startsAt,
      organiserUnitName: units.name,
      regionName: regions.name,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .innerJoin(units, eq(units.id, events.organiserUnitId))
    .innerJoin(regions, eq(regions.code, events.regionCode))
    .where(eq(eventParticipants.code, normalised.code));
  if (!row) throw new AppError('NOT_FOUND');
  return {
    name: row.name,
    eventTitle: row.eventTitle,
    startsAt: row.startsAt.toISOString(),
    organiserUnitName: row.organiserUnitName,
    regionName: row.regionName,
    attended: row.checkedInAt !== null,
  };
}
