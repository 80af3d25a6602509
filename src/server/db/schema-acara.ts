/**
 * Acara: the region's events (rakor, bimtek, sosialisasi, FGD, expo) with their participants, attendance
 * by QR, notulen and follow-ups. Re-exported from schema.ts; materials are attachments (owner `event`).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One event a unit of the region organises; held at a place, online, or both. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    organiserUnitId: uuid('organiser_unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** rakor, bimtek, sosialisasi, fgd, expo, lainnya. */
    kind: text('kind').notNull(),
    /** inovasi_daerah, kota_cerdas, spbe, skm, pelayanan_publik, lainnya. */
    topic: text('topic').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    description: text('description').notNull().default(''),
    /** Units of the region invited (checked against the region when written). */
    invitedUnitIds: uuid('invited_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Outside organisations invited (universities, private firms, community groups), by name. */
    invitedOrganisations: text('invited_organisations').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity'),
    isRegistrationOpen: boolean('is_registration_open').notNull().default(true),
    /** The notulen (minutes) of the event. */
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('events_region_starts_idx').on(t.regionCode, t.startsAt),
    index('events_organiser_idx').on(t.organiserUnitId),
    check('events_kind_check', sql`${t.kind} in ('rakor', 'bimtek', 'sosialisasi', 'fgd', 'expo', 'lainnya')`),
    check('events_topic_check', sql`${t.topic} in ('inovasi_daerah', 'kota_cerdas', 'spbe', 'skm', 'pelayanan_publik', 'lainnya')`),
    check('events_time_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('events_place_check', sql`${t.place} is not null or ${t.onlineUrl} is not null`),
    check('events_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

/**
 * A participant of an event: internal (a user, or a named person of a unit) or external (a person of an
 * outside organisation). The check-in token is the participant's personal QR link and authorises the
 * check-in by itself; the short code is what an organiser types and what the certificate prints.
 */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** internal or external. */
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    position: text('position'),
    organisation: text('organisation'),
    email: text('email'),
    phone: text('phone'),
    checkinToken: text('checkin_token').notNull(),
    code: text('code').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** qr (the participant's own link), kode (an organiser entered or scanned it), manual (ticked). */
    checkedInVia: text('checked_in_via'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('event_participants_token_uq').on(t.checkinToken),
    uniqueIndex('event_participants_code_uq').on(t.code),
    uniqueIndex('event_participants_user_uq').on(t.eventId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('event_participants_person_uq').on(t.eventId, sql`lower(${t.name})`, sql`coalesce(${t.unitId}::text, lower(${t.organisation}), '')`),
    index('event_participants_event_idx').on(t.eventId),
    check('event_participants_kind_check', sql`${t.kind} in ('internal', 'external')`),
    check(
      'event_participants_side_check',
      sql`(${t.kind} = 'internal' and ${t.unitId} is not null) or (${t.kind} = 'external' and ${t.organisation} is not null)`,
    ),
    check('event_participants_via_check', sql`${t.checkedInVia} is null or ${t.checkedInVia} in ('qr', 'kode', 'manual')`),
  ],
);

/** What the event decided someone would do (rencana tindak lanjut), tracked to done with its evidence. */
export const eventFollowUps = pgTable(
  'event_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** open or done. */
    status: text('status').notNull().default('open'),
    evidence: text('evidence').notNull().default(''),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('event_follow_ups_event_idx').on(t.eventId), check('event_follow_ups_status_check', sql`${t.status} in ('open', 'done')`)],
);
