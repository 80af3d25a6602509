/**
 * The public vote of a competition (suara publik): the admin's settings, the codes sent to citizens by
 * e-mail, and the confirmed votes. A citizen's e-mail address is never stored here, only a hash of its
 * normalised form (one vote per address per competition is a unique index on that hash); the client
 * address is kept only as its network prefix, which is what the burst rule looks at.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { competitionEntries, competitions } from './schema-kompetisi.ts';

/** One competition's public vote: when it runs, its share of the final score, who the finalists are. */
export const competitionVoteSettings = pgTable(
  'competition_vote_settings',
  {
    competitionId: uuid('competition_id')
      .primaryKey()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Percent of the final score (0–50). */
    sharePercent: numeric('share_percent', { precision: 5, scale: 2 }).notNull(),
    /** true: the public page shows the counts while the vote runs; false: only once it has closed. */
    showLive: boolean('show_live').notNull().default(false),
    /** remaining: the entries still in the competition when the vote opens; chosen: finalistEntryIds. */
    finalistMode: text('finalist_mode').notNull().default('remaining'),
    finalistEntryIds: jsonb('finalist_entry_ids').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('competition_vote_settings_share_check', sql`${t.sharePercent} >= 0 and ${t.sharePercent} <= 50`),
    check('competition_vote_settings_dates_check', sql`${t.closesAt} > ${t.opensAt}`),
    check('competition_vote_settings_mode_check', sql`${t.finalistMode} in ('remaining', 'chosen')`),
  ],
);

/** A code sent to an address for one choice; confirming it turns it into a vote. */
export const competitionVoteRequests = pgTable(
  'competition_vote_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    emailHash: text('email_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    /** The outbox mail that carries the code, removed once the vote is confirmed (it holds the address). */
    mailId: uuid('mail_id'),
    addressPrefix: text('address_prefix').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('competition_vote_requests_email_idx').on(t.competitionId, t.emailHash, t.createdAt)],
);

/** A confirmed vote; a voided one stays (with the reason) but no longer counts. */
export const competitionVotes = pgTable(
  'competition_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    emailHash: text('email_hash').notNull(),
    addressPrefix: text('address_prefix').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    voidedBy: uuid('voided_by'),
  },
  (t) => [
    uniqueIndex('competition_votes_email_uq').on(t.competitionId, t.emailHash),
    index('competition_votes_entry_idx').on(t.competitionId, t.entryId, t.confirmedAt),
  ],
);
