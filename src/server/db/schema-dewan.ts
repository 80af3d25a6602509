/**
 * Smart-city councils of a region: the Dewan Smart City, the Tim Pelaksana and the Forum, each with its
 * decrees (SK; the latest is in force, its document an attachment), members (a platform user or an
 * outside person), meetings (notulen as text and attachment, decisions) and the follow-ups of each
 * meeting. Every table carries `region_code` and every query filters by it (ARCHITECTURE.md, "Tenancy").
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { COUNCIL_KINDS, FOLLOW_UP_STATUSES, MEMBER_ROLES } from '../../domain/dewan/councils.ts';
import { regions, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const councilKindEnum = pgEnum('council_kind', COUNCIL_KINDS);
export const councilMemberRoleEnum = pgEnum('council_member_role', MEMBER_ROLES);
export const councilFollowUpStatusEnum = pgEnum('council_follow_up_status', FOLLOW_UP_STATUSES);

export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: councilKindEnum('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('councils_region_idx').on(t.regionCode, t.kind)],
);

/** A decree (SK) forming or renewing the council; the document is an attachment of owner type `council_decree`. */
export const councilDecrees = pgTable(
  'council_decrees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    decreeDate: date('decree_date', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('council_decrees_council_idx').on(t.councilId, t.decreeDate)],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    /** A platform user, or null for an outside person named below. */
    userId: uuid('user_id').references(() => users.id),
    name: text('name'),
    organisation: text('organisation'),
    position: text('position'),
    role: councilMemberRoleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('council_members_council_idx').on(t.councilId),
    check('council_members_person_check', sql`(${t.userId} is null) <> (${t.name} is null)`),
  ],
);

/** A meeting; the signed notulen may be attached (owner type `council_meeting`). */
export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    agenda: text('agenda').notNull(),
    minutes: text('minutes').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('council_meetings_council_idx').on(t.councilId, t.meetingDate)],
);

/** What a meeting decided someone must do, by when; tracked until done. */
export const councilFollowUps = pgTable(
  'council_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    responsibleMemberId: uuid('responsible_member_id').references(() => councilMembers.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: councilFollowUpStatusEnum('status').notNull().default('terbuka'),
    doneOn: date('done_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('council_follow_ups_region_idx').on(t.regionCode, t.status, t.dueDate),
    index('council_follow_ups_meeting_idx').on(t.meetingId),
    check('council_follow_ups_responsible_check', sql`(${t.responsibleUnitId} is null) <> (${t.responsibleMemberId} is null)`),
    check('council_follow_ups_done_check', sql`(${t.status} = 'selesai') = (${t.doneOn} is not null)`),
  ],
);
