/**
 * The national roll-up: which of its figures each region publishes on the public national page. One
 * row per region once its admin has chosen; no row means the default (nothing published). Carries
 * `region_code` like every regional table.
 */
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './schema.ts';

export const nationalPublications = pgTable('national_publications', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  /** Keys from domain/nasional/publication.ts (innovations, iid, government_index, ikm, complaints). */
  figures: jsonb('figures').$type<string[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
