/**
 * Queries on the region's events and their participants. Every function takes the region code and
 * filters by it in SQL. Every role that reads events sees all of the region's events (an event is
 * the region's shared calendar); who may change one is decided per event in events.policy.ts.
 */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { eventFollowUps, eventParticipants, events, units } from '#server/db/schema.ts';
import { escapeLike, offsetOf } from '#server/db/sql-helpers.ts';

/** The year (or month) of an event as the region lives it: in Western Indonesia time. */
const localStart = sql`(${events.startsAt} at time zone 'Asia/Jakarta')`;

const participantCount = sql<number>`(select count(*)::int from ${eventParticipants} p where p.event_id = "events"."id")`.as('participant_count');
const attendedCount =
  sql<number>`(select count(*)::int from ${eventParticipants} p where p.event_id = "events"."id" and p.checked_in_at is not null)`.as(
    'attended_count',
  );

const eventColumns = {
  id: events.id,
  regionCode: events.regionCode,
  title: events.title,
  kind: events.kind,
  topic: events.topic,
  organiserUnitId: events.organiserUnitId,
  organiserUnitName: units.name,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  place: events.place,
  onlineUrl: events.onlineUrl,
  capacity: events.capacity,
  isRegistrationOpen: events.isRegistrationOpen,
  participants: participantCount,
  attended: attendedCount,
};

export interface EventFilter {
  q?: string | undefined;
  year?: number | undefined;
  month?: string | undefined;
  kind?: string | undefined;
  topic?: string | undefined;
  unitId?: string | undefined;
  sort: 'startsAt' | 'title' | 'organiser';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const EVENT_SORT = { startsAt: events.startsAt, title: events.title, organiser: units.name };

export async function listEvents(db: DbOrTx, regionCode: string, f: EventFilter) {
  const conds: (SQL | undefined)[] = [eq(events.regionCode, regionCode)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(events.title, like), ilike(events.place, like), ilike(events.description, like)));
  }
  if (f.year) conds.push(sql`extract(year from ${localStart}) = ${f.year}`);
  if (f.month) conds.push(sql`to_char(${localStart}, 'YYYY-MM') = ${f.month}`);
  if (f.kind) conds.push(eq(events.kind, f.kind));
  if (f.topic) conds.push(eq(events.topic, f.topic));
  if (f.unitId) conds.push(eq(events.organiserUnitId, f.unitId));
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(eventColumns)
      .from(events)
      .innerJoin(units, eq(units.id, events.organiserUnitId))
      .where(where)
      .orderBy(direction(EVENT_SORT[f.sort]), asc(events.startsAt), asc(events.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(events).innerJoin(units, eq(units.id, events.organiserUnitId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export type EventSummaryRow = Awaited<ReturnType<typeof listEvents>>['items'][number];

/** One event of the region with everything its page shows. */
export async function findEvent(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select({
      ...eventColumns,
      description: events.description,
      invitedUnitIds: events.invitedUnitIds,
      invitedOrganisations: events.invitedOrganisations,
      notes: events.notes,
      version: events.version,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .innerJoin(units, eq(units.id, events.organiserUnitId))
    .where(and(eq(events.regionCode, regionCode), eq(events.id, id)));
  return row;
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** The bare event row, locked for a change (registrations and edits of one event queue here). */
export async function lockEvent(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.regionCode, regionCode), eq(events.id, id)))
    .for('update');
  return row;
}

export async function unitNames(db: DbOrTx, regionCode: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), inArray(units.id, [...ids])))
    .orderBy(asc(units.name));
}

/** Participants internal by unit and external by organisation, with how many came. */
export async function participantCounts(db: DbOrTx, eventId: string) {
  const attended = sql<number>`count(${eventParticipants.checkedInAt})::int`;
  const [byUnit, byOrganisation] = await Promise.all([
    db
      .select({ unitId: units.id, unitName: units.name, participants: sql<number>`count(*)::int`, attended })
      .from(eventParticipants)
      .innerJoin(units, eq(units.id, eventParticipants.unitId))
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.kind, 'internal')))
      .groupBy(units.id, units.name)
      .orderBy(desc(sql`count(*)`), asc(units.name)),
    db
      .select({ organisation: sql<string>`min(${eventParticipants.organisation})`, participants: sql<number>`count(*)::int`, attended })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.kind, 'external')))
      .groupBy(sql`lower(${eventParticipants.organisation})`)
      .orderBy(desc(sql`count(*)`), asc(sql`min(${eventParticipants.organisation})`)),
  ]);
  const sum = (rows: { participants: number }[]) => rows.reduce((s, r) => s + r.participants, 0);
  return { internal: sum(byUnit), external: sum(byOrganisation), byUnit, byOrganisation };
}

export async function followUpsOf(db: DbOrTx, eventId: string) {
  return db
    .select({
      id: eventFollowUps.id,
      action: eventFollowUps.action,
      ownerUnitId: eventFollowUps.ownerUnitId,
      ownerUnitName: units.name,
      dueOn: eventFollowUps.dueOn,
      status: eventFollowUps.status,
      evidence: eventFollowUps.evidence,
      completedAt: eventFollowUps.completedAt,
      version: eventFollowUps.version,
    })
    .from(eventFollowUps)
    .innerJoin(units, eq(units.id, eventFollowUps.ownerUnitId))
    .where(eq(eventFollowUps.eventId, eventId))
    .orderBy(asc(eventFollowUps.dueOn), asc(eventFollowUps.createdAt));
}

const participantColumns = {
  id: eventParticipants.id,
  kind: eventParticipants.kind,
  userId: eventParticipants.userId,
  unitId: eventParticipants.unitId,
  unitName: units.name,
  organisation: eventParticipants.organisation,
  name: eventParticipants.name,
  position: eventParticipants.position,
  email: eventParticipants.email,
  phone: eventParticipants.phone,
  code: eventParticipants.code,
  checkinToken: eventParticipants.checkinToken,
  checkedInAt: eventParticipants.checkedInAt,
  checkedInVia: eventParticipants.checkedInVia,
};
export type ParticipantRow = Awaited<ReturnType<typeof allParticipants>>[number];

export interface ParticipantFilter {
  q?: string | undefined;
  kind?: 'internal' | 'external' | undefined;
  attendance?: 'hadir' | 'belum' | undefined;
  sort: 'name' | 'affiliation' | 'checkedInAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const affiliation = sql`coalesce(${units.name}, ${eventParticipants.organisation})`;

export async function listParticipants(db: DbOrTx, regionCode: string, eventId: string, f: ParticipantFilter) {
  const conds: (SQL | undefined)[] = [eq(eventParticipants.regionCode, regionCode), eq(eventParticipants.eventId, eventId)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(
      or(
        ilike(eventParticipants.name, like),
        ilike(eventParticipants.organisation, like),
        ilike(units.name, like),
        eq(eventParticipants.code, f.q.toUpperCase()),
      ),
    );
  }
  if (f.kind) conds.push(eq(eventParticipants.kind, f.kind));
  if (f.attendance === 'hadir') conds.push(isNotNull(eventParticipants.checkedInAt));
  if (f.attendance === 'belum') conds.push(isNull(eventParticipants.checkedInAt));
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const sortColumn = f.sort === 'name' ? eventParticipants.name : f.sort === 'affiliation' ? affiliation : eventParticipants.checkedInAt;
  const [items, [total]] = await Promise.all([
    db
      .select(participantColumns)
      .from(eventParticipants)
      .leftJoin(units, eq(units.id, eventParticipants.unitId))
      .where(where)
      .orderBy(direction(sortColumn), asc(eventParticipants.name), asc(eventParticipants.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(eventParticipants).leftJoin(units, eq(units.id, eventParticipants.unitId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every participant of the event, by affiliation then name (the attendance list's order). */
export async function allParticipants(db: DbOrTx, regionCode: string, eventId: string) {
  return db
    .select(participantColumns)
    .from(eventParticipants)
    .leftJoin(units, eq(units.id, eventParticipants.unitId))
    .where(and(eq(eventParticipants.regionCode, regionCode), eq(eventParticipants.eventId, eventId)))
    .orderBy(asc(eventParticipants.kind), asc(affiliation), asc(eventParticipants.name));
}

export async function findParticipant(db: DbOrTx, regionCode: string, eventId: string, id: string) {
  const [row] = await db
    .select(participantColumns)
    .from(eventParticipants)
    .leftJoin(units, eq(units.id, eventParticipants.unitId))
    .where(and(eq(eventParticipants.regionCode, regionCode), eq(eventParticipants.eventId, eventId), eq(eventParticipants.id, id)));
  return row;
}
