/**
 * Notifications: what a user is told in the app (the bell), how they want to hear it by e-mail, and the
 * e-mail outbox a scheduled job sends from, so a request never waits on a mail server.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/**
 * One notification for one user. The text is rendered from `kind` and `params` when read, in the
 * user's language, so a change of language applies to what is already in the bell. `dedupe_key` makes
 * a retried request or a job run twice notify once per user.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionCode: text('region_code'),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** The page of the object, inside the app (`/inovasi/{id}`). */
    link: text('link').notNull(),
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Waiting for the user's daily digest e-mail (`pending`), or already in one (`sent`); null: not in a digest. */
    digestState: text('digest_state'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
    // The bell and the centre: a user's unread first, newest first.
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt.desc()),
    index('notifications_digest_idx').on(t.userId).where(sql`${t.digestState} = 'pending'`),
    check('notifications_digest_state_check', sql`${t.digestState} is null or ${t.digestState} in ('pending', 'sent')`),
  ],
);

/** A user's choice per kind: in the app always; by e-mail or not; at once or in the daily digest. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
    delivery: text('delivery').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_delivery_check', sql`${t.delivery} in ('immediate', 'digest')`),
  ],
);

/** The language a user reads notifications and e-mails in (users have no language of their own yet). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    language: text('language').notNull().default('id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('notification_settings_language_check', sql`${t.language} in ('id', 'en')`)],
);

/**
 * E-mails waiting to go out, written in the transaction of what they tell and sent by the mail job with
 * retries and a growing wait. `next_attempt_at` is also the lease of a send in progress: a process that
 * dies mid-send leaves the row to be tried again later.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The page the mail points to, inside the app; made a full address with SINERGI_PUBLIC_URL when sent. */
    link: text('link'),
    /** One mail per key: a digest of a user and a day is written once however often its job runs. */
    dedupeKey: text('dedupe_key'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_uq').on(t.dedupeKey),
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('mail_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'expired')`),
  ],
);
