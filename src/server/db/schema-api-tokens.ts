/**
 * API tokens a regional admin issues to the region's machines (a command-centre screen). Only the
 * SHA-256 of the token is kept: the token itself is shown once, when it is made. The public id is the
 * part of the token that names it in logs and in the admin's list.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions, users } from './schema.ts';

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** What the token is for, in the admin's words ("Layar command center Diskominfo"). */
    name: text('name').notNull(),
    publicId: text('public_id').notNull(),
    /** SHA-256 (hex) of the whole token. */
    tokenHash: text('token_hash').notNull(),
    /** The permissions the token holds, each a read permission (domain/access/api-tokens.ts). */
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Updated at most once a minute, so a screen polling every few seconds does not write each time. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('api_tokens_public_id_uq').on(t.publicId),
    index('api_tokens_region_idx').on(t.regionCode, t.createdAt),
    check('api_tokens_scopes_check', sql`jsonb_typeof(${t.scopes}) = 'array' and jsonb_array_length(${t.scopes}) > 0`),
  ],
);
